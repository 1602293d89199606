// The sending side of the chat reliability design: claims of the outbox, one chat's messages in
// order and one at a time, marked sent or failed (see bot/delivery/outbox-sender.ts). The rows
// are written by applyInbound (chat.ts), in the transaction of the update they answer.
import { and, asc, eq, sql } from 'drizzle-orm';
import { cleanNullable, cleanText } from '../clean-text.js';
import { rowsOf } from '../raw-rows.js';
import type { Db } from '../client.js';
import { outbox } from '../schema.js';

export type OutboxMessage = {
  id: number;
  chatKey: string;
  platform: string;
  payload: unknown;
  /** Claims so far, this one included. */
  attempts: number;
  createdAt: Date;
};

const outboxColumns = {
  id: outbox.id,
  chatKey: outbox.chatKey,
  platform: outbox.platform,
  payload: outbox.payload,
  attempts: outbox.attempts,
  createdAt: outbox.createdAt,
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
  // Inside sql`` a Date is not serialised by the postgres.js driver: pass ISO text.
  const now = p.now ? sql`${p.now.toISOString()}::timestamptz` : sql`now()`;
  const leaseSecs = (p.leaseMs ?? 60_000) / 1000;
  const result = await db.execute(sql`
    update outbox
       set attempts = attempts + 1,
           next_attempt_at = ${now} + make_interval(secs => ${leaseSecs})
     where id in (
       select cand.id
         from outbox cand
        where cand.platform = ${p.platform} and cand.status = 'pending'
          and cand.next_attempt_at <= ${now}
          and cand.id = (select min(older.id) from outbox older
                          where older.chat_key = cand.chat_key and older.status = 'pending')
        order by cand.id
        limit ${p.limit}
          for update skip locked)
    returning id::text as id, chat_key, platform, payload, attempts, created_at
  `);
  return rowsOf<OutboxRow>(result)
    .map(toOutboxMessage)
    .sort((a, b) => a.id - b.id);
}

type OutboxRow = {
  id: string;
  chat_key: string;
  platform: string;
  payload: unknown;
  attempts: number;
  created_at: Date | string;
};

function toOutboxMessage(r: OutboxRow): OutboxMessage {
  return {
    id: Number(r.id),
    chatKey: r.chat_key,
    platform: r.platform,
    payload: r.payload,
    attempts: r.attempts,
    createdAt: new Date(r.created_at),
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

/**
 * Records a sent message and, in the same statement, claims the chat's next message if it is
 * now the head of the chat's queue and due (a lease as claimOutbox's). A sender that goes on with
 * `next` sends a chat's replies one after the other without another claim. `sent` is false when
 * the message was not pending (already marked, or given up); `next` is then null.
 */
export async function markSentAndClaimNext(
  db: Db,
  p: { id: number; platformMessageId: string | null; now?: Date; leaseMs?: number },
): Promise<{ sent: boolean; next: OutboxMessage | null }> {
  const now = p.now ? sql`${p.now.toISOString()}::timestamptz` : sql`now()`;
  const leaseSecs = (p.leaseMs ?? 60_000) / 1000;
  // The head is read in the statement's snapshot, where the message just marked still looks
  // pending: it is left out by id.
  const result = await db.execute(sql`
    with sent as (
      update outbox
         set status = 'sent', sent_at = ${now},
             platform_message_id = ${cleanNullable(p.platformMessageId)}, last_error = null
       where id = ${p.id} and status = 'pending'
       returning chat_key, platform
    ), head as (
      select o.id, o.next_attempt_at
        from outbox o join sent on o.chat_key = sent.chat_key and o.platform = sent.platform
       where o.status = 'pending' and o.id <> ${p.id}
       order by o.id
       limit 1
         for update of o skip locked
    ), claimed as (
      update outbox
         set attempts = attempts + 1,
             next_attempt_at = ${now} + make_interval(secs => ${leaseSecs})
       where id in (select id from head where next_attempt_at <= ${now})
       returning id, chat_key, platform, payload, attempts, created_at
    )
    select (select count(*) from sent)::int as sent,
           c.id::text as id, c.chat_key, c.platform, c.payload, c.attempts, c.created_at
      from (select 1) as one left join claimed c on true
  `);
  const [row] = rowsOf<{ sent: number } & (OutboxRow | { id: null })>(result);
  if (!row) throw new Error('markSentAndClaimNext returned no row');
  return { sent: row.sent > 0, next: row.id === null ? null : toOutboxMessage(row) };
}

/**
 * Records a failed send: retried at `retryAt` (e.g. after Telegram's retry_after), or given up
 * for good when `permanent` (the chat blocked the bot). The chat's later messages wait while this
 * one is pending and go ahead once it is sent or given up.
 */
export async function markSendFailed(
  db: Db,
  p: { id: number; error: string } & ({ retryAt: Date; permanent?: false } | { permanent: true }),
): Promise<boolean> {
  const lastError = cleanText(p.error).slice(0, 2000);
  const rows = await db
    .update(outbox)
    .set(p.permanent ? { status: 'failed', lastError } : { nextAttemptAt: p.retryAt, lastError })
    .where(and(eq(outbox.id, p.id), eq(outbox.status, 'pending')))
    .returning({ id: outbox.id });
  return rows.length > 0;
}

/** A chat's messages not yet sent, oldest first. */
export async function pendingOutboxForChat(db: Db, chatKey: string): Promise<OutboxMessage[]> {
  return db
    .select(outboxColumns)
    .from(outbox)
    .where(and(eq(outbox.chatKey, cleanText(chatKey)), eq(outbox.status, 'pending')))
    .orderBy(asc(outbox.id));
}
