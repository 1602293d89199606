// Stored artifacts (rendered pictures) and the map messages that wait for them. Any process
// reads them: a render job stores the parts, a channel's sender uploads them.
//
// A map message whose pictures are not stored yet leaves its chat's queue ('deferred', waiting
// for a key) so the chat's next messages go on; the render job, once the artifact is stored, puts
// it back at the chat's tail as a new pending row ('moved'). Both sides take the same advisory
// lock on the key, so a message is never deferred just after the job looked for waiting ones.
import { rawQuery, runTransaction } from '../transaction.js';
import type { Db } from '../client.js';

/** The parts of an artifact, in order (for a map: the whole SVG, then the PNG pages). */
export type ArtifactParts = Uint8Array[];

const bytesOf = (v: unknown): Uint8Array =>
  v instanceof Uint8Array ? new Uint8Array(v.buffer, v.byteOffset, v.byteLength) : new Uint8Array();

/** Stores an artifact's parts in one transaction; a key already stored is left as it is. */
export async function storeArtifact(
  db: Db,
  p: { key: string; parts: ArtifactParts },
): Promise<void> {
  if (!p.parts.length) throw new Error('an artifact has at least one part');
  await runTransaction(db, async ({ query }) => {
    for (const [i, bytes] of p.parts.entries())
      await query(
        `insert into artifacts (key, part, parts, bytes) values ($1, $2, $3, $4)
         on conflict (key, part) do nothing`,
        [p.key, i, p.parts.length, bytes],
      );
  });
}

/**
 * An artifact's parts, or null when it is not stored (or not whole). Reading marks it used, at
 * most once an hour, so the clean-up job keeps what is still asked for.
 */
export async function readArtifact(db: Db, key: string): Promise<ArtifactParts | null> {
  const rows = await rawQuery<{ part: number; parts: number; bytes: unknown }>(
    db,
    `select part, parts, bytes from artifacts where key = $1 order by part`,
    [key],
  );
  if (!rows.length || rows.length !== rows[0]!.parts) return null;
  await rawQuery(
    db,
    `update artifacts set used_at = now() where key = $1 and used_at < now() - interval '1 hour'`,
    [key],
  );
  return rows.map((r) => bytesOf(r.bytes));
}

/** Deletes artifacts not read since `before`; returns how many artifacts went. */
export async function deleteUnusedArtifacts(db: Db, p: { before: Date }): Promise<number> {
  const rows = await rawQuery<{ key: string }>(
    db,
    `delete from artifacts where key in (
       select key from artifacts group by key having max(used_at) < $1::timestamptz)
     returning key`,
    [p.before.toISOString()],
  );
  return new Set(rows.map((r) => r.key)).size;
}

const LOCK = `select pg_advisory_xact_lock(hashtextextended('artifact:' || $1, 0))`;

/**
 * Takes a claimed map message out of its chat's queue until artifact `key` is stored. False when
 * the artifact is stored already (send it now) or the message is no longer pending.
 */
export async function deferForArtifact(db: Db, p: { id: number; key: string }): Promise<boolean> {
  return runTransaction(db, async ({ query }) => {
    await query(LOCK, [p.key]);
    const rows = await query<{ id: string }>(
      `update outbox set status = 'deferred', artifact_key = $2, last_error = null
        where id = $1 and status = 'pending'
          and not exists (select 1 from artifacts where key = $2)
       returning id::text as id`,
      [p.id, p.key],
    );
    return rows.length > 0;
  });
}

/**
 * Puts the map messages waiting for `awaitedKey` back at the tails of their chats, as new pending
 * rows: with the stored pictures (`artifactKey`), or, when there are none (the render failed for
 * good, the process has no flow any more), as a text message of the map's caption and outline
 * (a file message: its caption and `unavailable`). Returns the platforms of the messages put back.
 */
export async function requeueDeferred(
  db: Db,
  p: { awaitedKey: string; artifactKey: string | null; unavailable?: string },
): Promise<{ moved: number; platforms: string[] }> {
  return runTransaction(db, async ({ query }) => {
    await query(LOCK, [p.awaitedKey]);
    const rows = await query<{ platform: string }>(
      `with waiting as (
         update outbox set status = 'moved'
          where status = 'deferred' and artifact_key = $1
         returning id, chat_key, platform, payload
       ), put as (
         insert into outbox (chat_key, platform, payload, artifact_key)
         select chat_key, platform,
                case when $2::text is null
                     then jsonb_build_object('kind', 'text', 'text',
                            left(coalesce(payload->>'caption', '') || E'\\n\\n' ||
                                 coalesce(payload->>'outline', $3::text, ''), 4096))
                     else payload end,
                $2::text
           from waiting order by id
         returning platform)
       select platform from put`,
      [p.awaitedKey, p.artifactKey, p.unavailable ?? null],
    );
    return { moved: rows.length, platforms: [...new Set(rows.map((r) => r.platform))] };
  });
}

/** Map messages deferred before `before` (a render that never ended): their awaited keys. */
export async function staleDeferredKeys(db: Db, p: { before: Date }): Promise<string[]> {
  const rows = await rawQuery<{ key: string }>(
    db,
    `select distinct o.artifact_key as key from outbox o
      where o.status = 'deferred' and o.artifact_key is not null
        and o.next_attempt_at < $1::timestamptz`,
    [p.before.toISOString()],
  );
  return rows.map((r) => r.key);
}
