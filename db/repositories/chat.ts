// The receiving side of the reliability design: each inbound update is applied in ONE
// transaction (per-chat lock, inbox dedupe, interview state, outbox rows); outbox.ts drains it.
import { and, eq, inArray, lt, notLike, sql } from 'drizzle-orm';
import { cleanJson, cleanText } from '../clean-text.js';
import { type RawQuery, runTransaction } from '../transaction.js';
import type { Db } from '../client.js';
import { channelAccounts, chatLocks, inbox, interviews, outbox } from '../schema.js';

export type StoredInterview = {
  chatKey: string;
  personId: string | null;
  /** Plain JSON; core checks `stateVersion` and upgrades it. */
  state: unknown;
  stateVersion: number;
  /** Incremented on every save; 1 after the first. */
  revision: number;
  updatedAt: Date;
};

export type OutboundMessage = {
  platform: string;
  payload: unknown;
  /** Another chat to write to (e.g. a coordinator); default the inbound chat. */
  chatKey?: string;
};

export type InboundApplication = {
  /** The new interview state; undefined leaves the stored interview as it is (or absent). */
  state: unknown;
  /**
   * Where the state is stored when not the conversation locked and read at the start: the
   * person's, after an invitation linked this chat's account (fn then took it with
   * takePersonConversation).
   */
  conversationKey?: string;
  stateVersion: number;
  personId: string | null;
  outbound: OutboundMessage[];
};

export type ApplyInboundResult =
  | { outcome: 'applied'; outboxIds: number[]; revision: number }
  /** The update was seen before: applied ('done') or set aside ('failed'). fn was not called. */
  | { outcome: 'duplicate'; status: 'done' | 'failed' };

const interviewColumns = {
  chatKey: interviews.chatKey,
  personId: interviews.personId,
  state: interviews.state,
  stateVersion: interviews.stateVersion,
  revision: interviews.revision,
  updatedAt: interviews.updatedAt,
};

const at = (now: Date | undefined) => now ?? sql`now()`;

/**
 * The chat's account was linked, moved or unlinked while its update waited for the lock: the
 * conversation read is not the one locked. Nothing was written; apply the update again.
 */
export class ConversationMovedError extends Error {
  constructor(readonly chatKey: string) {
    super(`the conversation of ${chatKey} moved while its update waited`);
    this.name = 'ConversationMovedError';
  }
}

/**
 * Takes the chat's row lock for the rest of the transaction. On PostgreSQL a second transaction
 * of the same chat waits here until the first commits; other chats are not affected. One
 * statement: the upsert locks the row whether it existed or not.
 */
export async function lockChat(tx: Db, chatKey: string, now?: Date): Promise<void> {
  await tx
    .insert(chatLocks)
    .values({ chatKey, lockedAt: at(now) })
    .onConflictDoUpdate({ target: chatLocks.chatKey, set: { lockedAt: at(now) } });
}

async function upsertInterview(
  tx: Db,
  p: { chatKey: string; personId: string | null; state: unknown; stateVersion: number; now?: Date },
): Promise<number> {
  const state = cleanJson(p.state) ?? null;
  const [row] = await tx
    .insert(interviews)
    .values({
      chatKey: p.chatKey,
      personId: p.personId,
      state,
      stateVersion: p.stateVersion,
      revision: 1,
      updatedAt: at(p.now),
    })
    .onConflictDoUpdate({
      target: interviews.chatKey,
      set: {
        personId: p.personId,
        state,
        stateVersion: p.stateVersion,
        revision: sql`${interviews.revision} + 1`,
        updatedAt: at(p.now),
      },
    })
    .returning({ revision: interviews.revision });
  if (!row) throw new Error('interview upsert returned no row');
  return row.revision;
}

/**
 * Applies one inbound update in ONE transaction: takes the chat lock, records the update in the
 * inbox (a repeated update key returns 'duplicate' without calling fn), loads the interview,
 * calls fn, stores the new state and the outbound messages. If fn throws, the transaction rolls
 * back and the error propagates: nothing is stored, not even the inbox row, so the update may be
 * retried or set aside with markInboxFailed.
 *
 * `prefetch` reads what fn will need and does not depend on the interview (the person behind a
 * channel account): it runs together with the inbox and interview statements, after the lock.
 *
 * fn runs inside the transaction and gets it as `tx`: read through `tx`, never through the outer
 * db (PGlite runs one transaction at a time, so the outer db would wait for ever). Keep fn short:
 * on PostgreSQL the chat's next update waits for it.
 *
 * Round trips on PostgreSQL: BEGIN; the lock, the inbox row, the interview and `prefetch`
 * together; fn's own; the state and the outbox rows together; COMMIT. The statements are plain
 * SQL (see db/transaction.ts).
 */
export async function applyInbound<P = undefined>(
  db: Db,
  p: {
    platform: string;
    updateKey: string;
    chatKey: string;
    now?: Date;
    afterInbox?: () => void;
    /** Whose conversation this is, when known: see ConversationOf. */
    of?: ConversationOf;
  },
  fn: (
    current: StoredInterview | null,
    tx: Db,
    prefetched: P | undefined,
  ) => InboundApplication | Promise<InboundApplication>,
  prefetch?: (tx: Db) => Promise<P>,
): Promise<ApplyInboundResult> {
  const chatKey = cleanText(p.chatKey);
  const platform = cleanText(p.platform);
  const updateKey = cleanText(p.updateKey);
  const now = p.now?.toISOString() ?? null;
  const of = [
    p.of?.account?.platform ?? null,
    p.of?.account ? cleanText(p.of.account.accountId) : null,
  ];
  return runTransaction(db, async ({ tx, query }): Promise<ApplyInboundResult> => {
    // The lock first: the server runs a connection's statements in the order sent, each with a
    // snapshot taken when it starts, so the statements sent after the lock read what the chat's
    // previous update committed, even though they go out before the lock is granted.
    // The chat's lock first, then its person's: the server runs them in order, so the person is
    // looked up once the chat's earlier updates committed (an invitation redeemed by one of them
    // included), and the chat's updates keep the order they queued in. Two chats of one person
    // wait for each other on the person's lock; every transaction takes chat before person.
    const [, person, inserted, interviewRows, prefetched] = await Promise.all([
      query(SQL.lock, [chatKey, now]),
      p.of?.account
        ? query<{ chat_key: string }>(SQL.lockPerson, [now, ...of])
        : Promise.resolve([]),
      query<{ ok: number }>(SQL.inboxInsert, [platform, updateKey, chatKey, now]),
      query<InterviewRow & { conv_key: string }>(SQL.interviewSelect, [chatKey, ...of]),
      prefetch?.(tx),
    ]);
    // The key is resolved by the person's lock and again by the read: an account linked, moved
    // or unlinked in between (an organisation import) makes them differ. Then the conversation
    // read is not the one locked: nothing is written, and the update is applied again.
    const key = person[0]?.chat_key ?? chatKey;
    if (interviewRows[0]?.conv_key !== key) throw new ConversationMovedError(chatKey);
    if (!inserted.length) {
      const [seen] = await query<{ status: string }>(SQL.inboxStatus, [platform, updateKey]);
      return { outcome: 'duplicate', status: seen?.status === 'failed' ? 'failed' : 'done' };
    }
    p.afterInbox?.();

    const row = interviewRows[0]!;
    const current = row.chat_key !== null ? toStoredInterview(row) : null;
    const next = await fn(current, tx, prefetched);

    // The state and the outbox rows together, too.
    const [revision, outboxIds] = await Promise.all([
      next.state === undefined
        ? (current?.revision ?? 0)
        : query<{ revision: number }>(SQL.interviewUpsert, [
            next.conversationKey ?? key,
            next.personId === null ? null : cleanText(next.personId),
            jsonText(next.state),
            next.stateVersion,
            now,
          ]).then(([row]) => {
            if (!row) throw new Error('interview upsert returned no row');
            return row.revision;
          }),
      insertOutboxRaw(query, chatKey, next.outbound, now),
    ]);
    return { outcome: 'applied', outboxIds, revision };
  });
}

/**
 * Whose conversation an update belongs to. A person linked to accounts on several platforms has
 * one conversation, kept under "person:<id>", which any of their chats continues; an account
 * linked to nobody, and the terminal, keep theirs under the chat key. Replies still go to the
 * chat the update came from.
 */
export type ConversationOf = {
  /** The messaging account the update came from: its person, if linked, owns the conversation. */
  account?: { platform: string; accountId: string };
};

/**
 * The conversation's key, in SQL: the person of the account ($a, $a+1) as linked when the
 * statement runs (so a state saved right after an invitation was redeemed goes to the person),
 * else the chat key ($1).
 */
const conversationKey = (a: number) =>
  `coalesce((select 'person:' || person_id from channel_accounts
              where platform = $${a} and account_id = $${a + 1}), $1)`;

/** The statements of an inbound update, in plain SQL (see db/transaction.ts for why). */
const SQL = {
  lock: `insert into chat_locks (chat_key, locked_at) values ($1, coalesce($2::timestamptz, now()))
         on conflict (chat_key) do update set locked_at = excluded.locked_at`,
  lockPerson: `insert into chat_locks (chat_key, locked_at)
               select 'person:' || person_id, coalesce($1::timestamptz, now())
                 from channel_accounts where platform = $2 and account_id = $3
               on conflict (chat_key) do update set locked_at = excluded.locked_at
               returning chat_key`,
  inboxInsert: `insert into inbox (platform, update_key, chat_key, status, attempts, received_at)
                values ($1, $2, $3, 'done', 1, coalesce($4::timestamptz, now()))
                on conflict (platform, update_key) do nothing
                returning 1 as ok`,
  inboxStatus: `select status from inbox where platform = $1 and update_key = $2`,
  interviewSelect: `select k.conv_key, i.chat_key, i.person_id, i.state, i.state_version,
                            i.revision, i.updated_at
                       from (select ${conversationKey(2)} as conv_key) k
                       left join interviews i on i.chat_key = k.conv_key`,
  interviewUpsert: `insert into interviews (chat_key, person_id, state, state_version, revision, updated_at)
                    values ($1, $2, $3::jsonb, $4, 1, coalesce($5::timestamptz, now()))
                    on conflict (chat_key) do update
                      set person_id = excluded.person_id, state = excluded.state,
                          state_version = excluded.state_version,
                          revision = interviews.revision + 1, updated_at = excluded.updated_at
                    returning revision`,
} as const;

/** A jsonb parameter: cleaned JSON text, or SQL NULL (refused by the NOT NULL columns). */
function jsonText(value: unknown): string | null {
  const clean = cleanJson(value);
  return clean === undefined || clean === null ? null : JSON.stringify(clean);
}

type InterviewRow = {
  chat_key: string;
  person_id: string | null;
  state: unknown;
  state_version: number;
  revision: number;
  /** A string on postgres.js (drizzle leaves timestamps unparsed), a Date on PGlite. */
  updated_at: string | Date;
};

function toStoredInterview(r: InterviewRow): StoredInterview {
  return {
    chatKey: r.chat_key,
    personId: r.person_id,
    state: r.state,
    stateVersion: r.state_version,
    revision: r.revision,
    updatedAt: new Date(r.updated_at),
  };
}

/** One statement text per row count (a handful: an update sends a few messages). */
const outboxInsertTexts = new Map<number, string>();
function outboxInsertText(rows: number): string {
  let text = outboxInsertTexts.get(rows);
  if (!text) {
    const values = Array.from({ length: rows }, (_, i) => {
      const b = i * 3;
      return `($${b + 2}, $${b + 3}, $${b + 4}::jsonb, 'pending', coalesce($1::timestamptz, now()), coalesce($1::timestamptz, now()))`;
    });
    text = `insert into outbox (chat_key, platform, payload, status, next_attempt_at, created_at)
            values ${values.join(', ')} returning id::text as id`;
    outboxInsertTexts.set(rows, text);
  }
  return text;
}

async function insertOutboxRaw(
  query: RawQuery,
  chatKey: string,
  outbound: OutboundMessage[],
  now: string | null,
): Promise<number[]> {
  if (!outbound.length) return [];
  const params: unknown[] = [now];
  for (const m of outbound)
    params.push(
      m.chatKey === undefined ? chatKey : cleanText(m.chatKey),
      cleanText(m.platform),
      jsonText(m.payload),
    );
  const rows = await query<{ id: string }>(outboxInsertText(outbound.length), params);
  return rows.map((r) => Number(r.id)).sort((a, b) => a - b);
}

/**
 * The interview a chat continues: a messaging chat ("telegram:<id>", "whatsapp:<id>") of a linked
 * account continues its person's conversation (see ConversationOf); any other chat its own.
 */
export async function loadInterview(db: Db, chatKey: string): Promise<StoredInterview | null> {
  const key = cleanText(chatKey);
  const m = /^(telegram|whatsapp):(.+)$/.exec(key);
  const [linked] = m
    ? await db
        .select({ personId: channelAccounts.personId })
        .from(channelAccounts)
        .where(and(eq(channelAccounts.platform, m[1]!), eq(channelAccounts.accountId, m[2]!)))
    : [];
  const [row] = await db
    .select(interviewColumns)
    .from(interviews)
    .where(eq(interviews.chatKey, linked ? `person:${linked.personId}` : key));
  return row ?? null;
}

/**
 * A person's conversation, read inside an update's transaction after one of their accounts was
 * linked in it (an invitation redeemed on a second platform): takes the person's conversation lock
 * first, so their other chats wait.
 */
export async function takePersonConversation(
  tx: Db,
  p: { personId: string; now?: Date },
): Promise<StoredInterview | null> {
  const key = `person:${cleanText(p.personId)}`;
  await lockChat(tx, key, p.now);
  const [row] = await tx
    .select(interviewColumns)
    .from(interviews)
    .where(eq(interviews.chatKey, key));
  return row ?? null;
}

/**
 * Stores an interview state outside an inbound update (an admin reset, an import), under the
 * chat lock. With expectedRevision, refused when the stored revision differs (0: must not exist).
 */
export async function saveInterview(
  db: Db,
  p: {
    chatKey: string;
    personId: string | null;
    state: unknown;
    stateVersion: number;
    expectedRevision?: number;
    now?: Date;
  },
): Promise<
  { outcome: 'saved'; revision: number } | { outcome: 'conflict'; revision: number | null }
> {
  const chatKey = cleanText(p.chatKey);
  return db.transaction(async (tx) => {
    await lockChat(tx, chatKey, p.now);
    if (p.expectedRevision !== undefined) {
      const [row] = await tx
        .select({ revision: interviews.revision })
        .from(interviews)
        .where(eq(interviews.chatKey, chatKey));
      if ((row?.revision ?? 0) !== p.expectedRevision) {
        return { outcome: 'conflict', revision: row?.revision ?? null } as const;
      }
    }
    const revision = await upsertInterview(tx, {
      chatKey,
      personId: p.personId,
      state: p.state,
      stateVersion: p.stateVersion,
      ...(p.now ? { now: p.now } : {}),
    });
    return { outcome: 'saved', revision } as const;
  });
}

/**
 * Sets a poison update aside: its key is recorded as 'failed', so a redelivery is a duplicate
 * and the chat moves on. A key already applied stays 'done'. Repeated marks count attempts.
 */
export async function markInboxFailed(
  db: Db,
  p: { platform: string; updateKey: string; chatKey: string; errorCode: string; now?: Date },
): Promise<'marked' | 'already-done'> {
  const errorCode = cleanText(p.errorCode).slice(0, 200);
  const rows = await db
    .insert(inbox)
    .values({
      platform: cleanText(p.platform),
      updateKey: cleanText(p.updateKey),
      chatKey: cleanText(p.chatKey),
      status: 'failed',
      attempts: 1,
      errorCode,
      receivedAt: at(p.now),
    })
    .onConflictDoUpdate({
      target: [inbox.platform, inbox.updateKey],
      set: { attempts: sql`${inbox.attempts} + 1`, errorCode },
      setWhere: sql`${inbox.status} = 'failed'`,
    })
    .returning({ status: inbox.status });
  return rows.length ? 'marked' : 'already-done';
}

/**
 * Inbox keys that start with this mark something said once, ever (a stranger told how to get an
 * invitation): the clean-up keeps them, so it is not said again weeks later.
 */
export const ONCE_KEY_PREFIX = 'once:';

/**
 * Deletes inbox keys received before `before` (redeliveries come within hours; keep a few days),
 * except those of things said once ever (ONCE_KEY_PREFIX), and outbox rows sent or given up before
 * it. Pending and deferred messages are never deleted.
 */
export async function pruneChatLog(
  db: Db,
  p: { before: Date },
): Promise<{ inbox: number; outbox: number }> {
  const gone = await db
    .delete(inbox)
    .where(and(lt(inbox.receivedAt, p.before), notLike(inbox.updateKey, `${ONCE_KEY_PREFIX}%`)))
    .returning({ key: inbox.updateKey });
  const sent = await db
    .delete(outbox)
    .where(and(inArray(outbox.status, ['sent', 'failed', 'moved']), lt(outbox.createdAt, p.before)))
    .returning({ id: outbox.id });
  return { inbox: gone.length, outbox: sent.length };
}

/** Whether an inbound update was seen: 'done', 'failed' (set aside), or null (not yet). */
export async function inboxStatus(
  db: Db,
  p: { platform: string; updateKey: string },
): Promise<'done' | 'failed' | null> {
  const [row] = await db
    .select({ status: inbox.status })
    .from(inbox)
    .where(
      and(eq(inbox.platform, cleanText(p.platform)), eq(inbox.updateKey, cleanText(p.updateKey))),
    );
  return row ? (row.status === 'failed' ? 'failed' : 'done') : null;
}
