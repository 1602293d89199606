// The sending side of the chat reliability design: claims of the outbox, one chat's messages in
// order and one at a time, marked sent or failed (see bot/delivery/outbox-sender.ts). The rows
// are written by applyInbound (chat.ts), in the transaction of the update they answer.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { cleanNullable, cleanText } from '../clean-text.js';
import { rawQuery } from '../transaction.js';
import type { Db } from '../client.js';
import { outbox } from '../schema.js';

export type OutboxMessage = {
  id: number;
  chatKey: string;
  platform: string;
  /** The JSON as stored: the sender checks it with core's Outbound schema before sending. */
  payload: unknown;
  /** Claims so far, this one included. */
  attempts: number;
  createdAt: Date;
  /** A map put back by its render job: the key of its stored pictures (db/repositories/artifacts.ts). */
  artifactKey: string | null;
  /**
   * The chat is the private chat of an account the platform said is unreachable (the person
   * blocked the bot): the sender gives the message up without sending it.
   */
  unreachable: boolean;
  /** Parts delivered before an earlier attempt failed: send from there (see outbox.pages_sent). */
  sent: SentParts;
};

/** A message's parts already delivered: pages (photos or files) and pieces of text. */
export type SentParts = { pages: number; pieces: number };

const outboxColumns = {
  id: outbox.id,
  chatKey: outbox.chatKey,
  platform: outbox.platform,
  payload: outbox.payload,
  attempts: outbox.attempts,
  createdAt: outbox.createdAt,
  artifactKey: outbox.artifactKey,
  pagesSent: outbox.pagesSent,
  piecesSent: outbox.piecesSent,
};

/**
 * Claims messages to send: for each chat of the platform, the oldest pending message, if it is
 * due. Only the head of a chat's queue is claimed, so a chat's messages go out in order, one at
 * a time, across any number of senders (claim again after markSent for the next one). A claim is
 * a lease: the message's next attempt moves `leaseMs` ahead, so a sender that dies mid-send has
 * its message claimed again later (at-least-once). FOR UPDATE SKIP LOCKED keeps concurrent
 * senders off each other's rows on PostgreSQL.
 */
export async function claimOutbox(
  db: Db,
  p: { platform: string; limit: number; now?: Date; leaseMs?: number },
): Promise<OutboxMessage[]> {
  const rows = await rawQuery<OutboxRow>(db, SQL.claim, [
    p.platform,
    p.limit,
    p.now?.toISOString() ?? null,
    (p.leaseMs ?? 60_000) / 1000,
  ]);
  return rows.map(toOutboxMessage).sort((a, b) => a.id - b.id);
}

type OutboxRow = {
  id: string;
  chat_key: string;
  platform: string;
  payload: unknown;
  attempts: number;
  created_at: Date | string;
  artifact_key: string | null;
  unreachable: boolean;
  pages_sent: number;
  pieces_sent: number;
};

function toOutboxMessage(r: OutboxRow): OutboxMessage {
  return {
    id: Number(r.id),
    chatKey: r.chat_key,
    platform: r.platform,
    payload: r.payload,
    attempts: r.attempts,
    createdAt: new Date(r.created_at),
    artifactKey: r.artifact_key,
    unreachable: r.unreachable === true,
    sent: { pages: Number(r.pages_sent ?? 0), pieces: Number(r.pieces_sent ?? 0) },
  };
}

/** Records a sent message. False when it was not pending (already marked, or given up). */
export async function markSent(
  db: Db,
  p: { id: number; platformMessageId: string | null; now?: Date },
): Promise<boolean> {
  const rows = await db
    .update(outbox)
    .set({
      status: 'sent',
      sentAt: p.now ?? sql`now()`,
      platformMessageId: cleanNullable(p.platformMessageId),
      lastError: null,
    })
    .where(and(eq(outbox.id, p.id), eq(outbox.status, 'pending')))
    .returning({ id: outbox.id });
  return rows.length > 0;
}

/** A message the platform accepted, to be marked sent. */
export type SentMark = { id: number; platformMessageId: string | null };

/** What marking one message did: whether it was pending, and the chat's next message if claimed. */
export type MarkResult = { sent: boolean; next: OutboxMessage | null };

/**
 * Records a sent message and, in the same statement, claims the chat's next message if it is
 * now the head of the chat's queue and due (a lease as claimOutbox's). A sender that goes on with
 * `next` sends a chat's replies one after the other without another claim. `sent` is false when
 * the message was not pending (already marked, or given up); `next` is then null.
 */
export async function markSentAndClaimNext(
  db: Db,
  p: SentMark & { now?: Date; leaseMs?: number },
): Promise<MarkResult> {
  const results = await markSentAndClaimNextMany(db, {
    marks: [{ id: p.id, platformMessageId: p.platformMessageId }],
    ...(p.now ? { now: p.now } : {}),
    ...(p.leaseMs !== undefined ? { leaseMs: p.leaseMs } : {}),
  });
  return results.get(p.id)!;
}

/**
 * markSentAndClaimNext for several messages (of different chats) in one statement: a sender
 * marks what was sent while its previous mark was on the way in one round trip. Every id of
 * `marks` has its result in the map.
 */
export async function markSentAndClaimNextMany(
  db: Db,
  p: { marks: SentMark[]; now?: Date; leaseMs?: number },
): Promise<Map<number, MarkResult>> {
  const results = new Map<number, MarkResult>(
    p.marks.map((m) => [m.id, { sent: false, next: null }]),
  );
  if (!p.marks.length) return results;
  const rows = await rawQuery<{ sent_id: string } & (OutboxRow | NoRow)>(db, SQL.markSent, [
    p.marks.map((m) => m.id),
    p.marks.map((m) => cleanNullable(m.platformMessageId)),
    p.now?.toISOString() ?? null,
    (p.leaseMs ?? 60_000) / 1000,
  ]);
  for (const r of rows)
    results.set(Number(r.sent_id), { sent: true, next: r.id === null ? null : toOutboxMessage(r) });
  return results;
}

type NoRow = { [K in keyof OutboxRow]: null };

/**
 * Whether the claimed row's chat is an unreachable account's private chat ("<platform>:<account>"):
 * one probe of channel_accounts' primary key per claimed row.
 */
const UNREACHABLE = `exists (
      select 1 from channel_accounts a
       where a.platform = outbox.platform
         and a.account_id = substr(outbox.chat_key, length(outbox.platform) + 2)
         and a.unreachable_since is not null) as unreachable`;

/** The sending side's statements, in plain SQL: they run for every message sent. */
const SQL = {
  claim: `
    update outbox
       set attempts = attempts + 1,
           next_attempt_at = coalesce($3::timestamptz, now()) + make_interval(secs => $4::float8)
     where id in (
       select cand.id
         from outbox cand
        where cand.platform = $1 and cand.status = 'pending'
          and cand.next_attempt_at <= coalesce($3::timestamptz, now())
          and cand.id = (select min(older.id) from outbox older
                          where older.chat_key = cand.chat_key and older.status = 'pending')
        order by cand.id
        limit $2
          for update skip locked)
    returning id::text as id, chat_key, platform, payload, attempts, created_at, artifact_key,
              pages_sent, pieces_sent, ${UNREACHABLE}`,
  // Each marked message's chat: the oldest message still pending is its new head. The heads are
  // read in the statement's snapshot, where the messages just marked still look pending: they
  // are left out by id. A head locked by someone else is not claimed, and nothing behind it is.
  markSent: `
    with marks as (
      select * from unnest($1::bigint[], $2::text[]) as m(id, platform_message_id)
    ), sent as (
      update outbox o
         set status = 'sent', sent_at = coalesce($3::timestamptz, now()),
             platform_message_id = m.platform_message_id, last_error = null
        from marks m
       where o.id = m.id and o.status = 'pending'
      returning o.id, o.chat_key, o.platform
    ), head as (
      select h.id, h.next_attempt_at, sent.id as after_id
        from sent cross join lateral (
          select o.id, o.next_attempt_at
            from outbox o
           where o.id = (select min(p.id) from outbox p
                          where p.chat_key = sent.chat_key and p.platform = sent.platform
                            and p.status = 'pending' and p.id <> all($1::bigint[]))
             for update of o skip locked) h
    ), claimed as (
      update outbox
         set attempts = attempts + 1,
             next_attempt_at = coalesce($3::timestamptz, now()) + make_interval(secs => $4::float8)
       where id in (select id from head where next_attempt_at <= coalesce($3::timestamptz, now()))
      returning id, chat_key, platform, payload, attempts, created_at, artifact_key,
                pages_sent, pieces_sent, ${UNREACHABLE}
    )
    select sent.id::text as sent_id,
           c.id::text as id, c.chat_key, c.platform, c.payload, c.attempts, c.created_at,
           c.artifact_key, c.pages_sent, c.pieces_sent, c.unreachable
      from sent
      left join head on head.after_id = sent.id
      left join claimed c on c.id = head.id`,
  failUnreachable: `
    update outbox
       set status = 'failed', last_error = 'unreachable: the account blocked the bot'
     where platform = $1 and chat_key = $2 and status = 'pending'
    returning id::text as id`,
} as const;

/**
 * Records a failed send: retried at `retryAt` (e.g. after Telegram's retry_after), or given up
 * for good when `permanent` (the chat blocked the bot). The chat's later messages wait while this
 * one is pending and go ahead once it is sent or given up.
 */
export async function markSendFailed(
  db: Db,
  p: { id: number; error: string } & (
    | {
        retryAt: Date;
        permanent?: false;
        /** The parts delivered so far, so that the retry sends only the rest. */
        sent?: SentParts;
      }
    | { permanent: true }
  ),
): Promise<boolean> {
  const lastError = cleanText(p.error).slice(0, 2000);
  const rows = await db
    .update(outbox)
    .set(
      p.permanent
        ? { status: 'failed', lastError }
        : {
            nextAttemptAt: p.retryAt,
            lastError,
            ...(p.sent ? { pagesSent: p.sent.pages, piecesSent: p.sent.pieces } : {}),
          },
    )
    .where(and(eq(outbox.id, p.id), eq(outbox.status, 'pending')))
    .returning({ id: outbox.id });
  return rows.length > 0;
}

/** A chat's messages not yet sent, oldest first. */
export async function pendingOutboxForChat(db: Db, chatKey: string): Promise<OutboxMessage[]> {
  const rows = await db
    .select(outboxColumns)
    .from(outbox)
    .where(and(eq(outbox.chatKey, cleanText(chatKey)), eq(outbox.status, 'pending')))
    .orderBy(asc(outbox.id));
  return rows.map(columnsToMessage);
}

function columnsToMessage({
  pagesSent,
  piecesSent,
  ...r
}: Omit<OutboxMessage, 'unreachable' | 'sent'> & {
  pagesSent: number;
  piecesSent: number;
}): OutboxMessage {
  return { ...r, unreachable: false, sent: { pages: pagesSent, pieces: piecesSent } };
}

/**
 * Gives up every pending message of a chat whose account is unreachable, without sending them:
 * the person blocked the bot. Returns how many were given up.
 */
export async function failUnreachableChat(
  db: Db,
  p: { platform: string; chatKey: string },
): Promise<number> {
  const rows = await rawQuery<{ id: string }>(db, SQL.failUnreachable, [p.platform, p.chatKey]);
  return rows.length;
}

/** A chat's messages not yet delivered: pending, or deferred until their pictures are stored. */
export async function undeliveredOutboxForChat(db: Db, chatKey: string): Promise<OutboxMessage[]> {
  return db
    .select(outboxColumns)
    .from(outbox)
    .where(
      and(eq(outbox.chatKey, cleanText(chatKey)), inArray(outbox.status, ['pending', 'deferred'])),
    )
    .orderBy(asc(outbox.id))
    .then((rows) => rows.map(columnsToMessage));
}
