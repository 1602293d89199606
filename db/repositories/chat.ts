// The chat side of the reliability design: each inbound update is applied in ONE transaction
// (per-chat lock, inbox dedupe, interview state, outbox rows); a sender drains the outbox.
import { and, asc, eq, inArray, lt, min, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { cleanJson, cleanNullable, cleanText } from '../clean-text.js';
import { rowsOf } from '../raw-rows.js';
import type { Db } from '../client.js';
import { chatLocks, inbox, interviews, outbox } from '../schema.js';

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
  stateVersion: number;
  personId: string | null;
  outbound: OutboundMessage[];
};

export type ApplyInboundResult =
  | { outcome: 'applied'; outboxIds: number[]; revision: number }
  /** The update was seen before: applied ('done') or set aside ('failed'). fn was not called. */
  | { outcome: 'duplicate'; status: 'done' | 'failed' };

export type OutboxMessage = {
  id: number;
  chatKey: string;
  platform: string;
  payload: unknown;
  /** Claims so far, this one included. */
  attempts: number;
  createdAt: Date;
};

const interviewColumns = {
  chatKey: interviews.chatKey,
  personId: interviews.personId,
  state: interviews.state,
  stateVersion: interviews.stateVersion,
  revision: interviews.revision,
  updatedAt: interviews.updatedAt,
};

const outboxColumns = {
  id: outbox.id,
  chatKey: outbox.chatKey,
  platform: outbox.platform,
  payload: outbox.payload,
  attempts: outbox.attempts,
  createdAt: outbox.createdAt,
};

const at = (now: Date | undefined) => now ?? sql`now()`;

/**
 * Takes the chat's row lock for the rest of the transaction. On PostgreSQL a second transaction
 * of the same chat waits here until the first commits; other chats are not affected. One
 * statement: the upsert locks the row whether it existed or not.
 */
async function lockChat(tx: Db, chatKey: string, now?: Date): Promise<void> {
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
 */
export async function applyInbound<P = undefined>(
  db: Db,
  p: { platform: string; updateKey: string; chatKey: string; now?: Date; afterInbox?: () => void },
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
  return db.transaction(async (tx): Promise<ApplyInboundResult> => {
    // The lock first, on its own: a statement sent after it is granted reads what the chat's
    // previous update committed. The next statements are independent of each other and go
    // together (pipelined on PostgreSQL's connection: one round trip for all of them).
    await lockChat(tx, chatKey, p.now);
    const [inserted, interviewRows, prefetched] = await Promise.all([
      tx
        .insert(inbox)
        .values({
          platform,
          updateKey,
          chatKey,
          status: 'done',
          attempts: 1,
          receivedAt: at(p.now),
        })
        .onConflictDoNothing({ target: [inbox.platform, inbox.updateKey] })
        .returning({ platform: inbox.platform }),
      tx.select(interviewColumns).from(interviews).where(eq(interviews.chatKey, chatKey)),
      prefetch?.(tx),
    ]);
    if (!inserted.length) {
      const [seen] = await tx
        .select({ status: inbox.status })
        .from(inbox)
        .where(and(eq(inbox.platform, platform), eq(inbox.updateKey, updateKey)));
      return { outcome: 'duplicate', status: seen?.status === 'failed' ? 'failed' : 'done' };
    }
    p.afterInbox?.();

    const current = interviewRows[0] ?? null;
    const next = await fn(current, tx, prefetched);

    // The state and the outbox rows together, too.
    const [revision, outboxIds] = await Promise.all([
      next.state === undefined
        ? (current?.revision ?? 0)
        : upsertInterview(tx, {
            chatKey,
            personId: next.personId,
            state: next.state,
            stateVersion: next.stateVersion,
            ...(p.now ? { now: p.now } : {}),
          }),
      insertOutbox(tx, chatKey, next.outbound, p.now),
    ]);
    return { outcome: 'applied', outboxIds, revision };
  });
}

async function insertOutbox(
  tx: Db,
  chatKey: string,
  outbound: OutboundMessage[],
  now: Date | undefined,
): Promise<number[]> {
  if (!outbound.length) return [];
  const rows = await tx
    .insert(outbox)
    .values(
      outbound.map((m) => ({
        chatKey: m.chatKey === undefined ? chatKey : cleanText(m.chatKey),
        platform: cleanText(m.platform),
        payload: cleanJson(m.payload) ?? null,
        status: 'pending',
        ...(now ? { nextAttemptAt: now, createdAt: now } : {}),
      })),
    )
    .returning({ id: outbox.id });
  return rows.map((r) => r.id).sort((a, b) => a - b);
}

export async function loadInterview(db: Db, chatKey: string): Promise<StoredInterview | null> {
  const [row] = await db
    .select(interviewColumns)
    .from(interviews)
    .where(eq(interviews.chatKey, cleanText(chatKey)));
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
  const leaseMs = p.leaseMs ?? 60_000;
  const cand = alias(outbox, 'cand');
  const older = alias(outbox, 'older');
  const oldestPending = db
    .select({ id: min(older.id) })
    .from(older)
    .where(and(eq(older.chatKey, cand.chatKey), eq(older.status, 'pending')));
  const heads = db
    .select({ id: cand.id })
    .from(cand)
    .where(
      and(
        eq(cand.platform, p.platform),
        eq(cand.status, 'pending'),
        sql`${cand.nextAttemptAt} <= ${now}`,
        sql`${cand.id} = (${oldestPending})`,
      ),
    )
    .orderBy(asc(cand.id))
    .limit(p.limit)
    .for('update', { skipLocked: true });
  const rows = await db
    .update(outbox)
    .set({
      attempts: sql`${outbox.attempts} + 1`,
      nextAttemptAt: sql`${now} + make_interval(secs => ${leaseMs / 1000})`,
    })
    .where(inArray(outbox.id, heads))
    .returning(outboxColumns);
  return rows.sort((a, b) => a.id - b.id);
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
      sentAt: at(p.now),
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
  const [row] = rowsOf<{
    sent: number;
    id: string | null;
    chat_key: string;
    platform: string;
    payload: unknown;
    attempts: number;
    created_at: Date | string;
  }>(result);
  if (!row) throw new Error('markSentAndClaimNext returned no row');
  return {
    sent: row.sent > 0,
    next:
      row.id === null
        ? null
        : {
            id: Number(row.id),
            chatKey: row.chat_key,
            platform: row.platform,
            payload: row.payload,
            attempts: row.attempts,
            createdAt: new Date(row.created_at),
          },
  };
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

/**
 * Deletes inbox keys received before `before` (redeliveries come within hours; keep a few days)
 * and outbox rows sent or given up before it. Pending messages are never deleted.
 */
export async function pruneChatLog(
  db: Db,
  p: { before: Date },
): Promise<{ inbox: number; outbox: number }> {
  const gone = await db
    .delete(inbox)
    .where(lt(inbox.receivedAt, p.before))
    .returning({ key: inbox.updateKey });
  const sent = await db
    .delete(outbox)
    .where(and(ne(outbox.status, 'pending'), lt(outbox.createdAt, p.before)))
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
