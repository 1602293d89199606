import { expect, it } from 'vitest';
import postgres from 'postgres';
import {
  applyInbound,
  claimOutbox,
  loadInterview,
  markInboxFailed,
  markSendFailed,
  markSent,
  markSentAndClaimNext,
  markSentAndClaimNextMany,
  pendingOutboxForChat,
  pruneChatLog,
  saveInterview,
  type InboundApplication,
  type StoredInterview,
} from '../../db/index.js';
import { forEachDatabase, type TestDatabase } from '../support/db.js';

const T0 = new Date('2025-03-01T08:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

type Counter = { n: number };
/** A step that counts turns in the state and answers with one message. */
function countTurn(seen: StoredInterview[] = [], calls: Counter = { n: 0 }) {
  return (current: StoredInterview | null): InboundApplication => {
    calls.n++;
    if (current) seen.push(current);
    const turn = ((current?.state as { turn?: number } | undefined)?.turn ?? 0) + 1;
    return {
      state: { turn },
      stateVersion: 1,
      personId: null,
      outbound: [{ platform: 'telegram', payload: { text: `turn ${turn}` } }],
    };
  };
}

/** Applies update `updateKey` of a chat, answering it with `n` messages ({ i: 0 }, { i: 1 } ..). */
function replyWith(db: TestDatabase['db']) {
  return (chatKey: string, updateKey: string, n: number) =>
    applyInbound(db, { platform: 'telegram', updateKey, chatKey, now: T0 }, () => ({
      state: {},
      stateVersion: 1,
      personId: null,
      outbound: Array.from({ length: n }, (_, i) => ({ platform: 'telegram', payload: { i } })),
    }));
}

function deferred() {
  let release!: () => void;
  const promise = new Promise<void>((r) => (release = r));
  return { promise, release };
}

/** Waits until some backend of the test database waits on a lock (PostgreSQL only). */
async function untilSomeoneWaitsOnALock(h: TestDatabase): Promise<void> {
  const sql = postgres(h.url!, { max: 1, onnotice: () => {} });
  try {
    for (let i = 0; i < 500; i++) {
      const rows =
        await sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`;
      if ((rows[0]?.n as number) > 0) return;
      await new Promise((r) => setImmediate(r));
    }
    throw new Error('no backend ever waited on a lock');
  } finally {
    await sql.end();
  }
}

forEachDatabase('chat: inbox, interview state, outbox', (getDb) => {
  const key = (n: number) => ({
    platform: 'telegram',
    updateKey: `u${n}`,
    chatKey: 'telegram:100',
    now: at(n),
  });

  it('applies an update: state saved, outbox rows written, next update sees the state', async () => {
    const { db } = getDb();
    const seen: StoredInterview[] = [];
    const r1 = await applyInbound(db, key(1), countTurn(seen));
    expect(r1).toMatchObject({ outcome: 'applied', revision: 1 });
    expect(r1.outcome === 'applied' && r1.outboxIds).toHaveLength(1);
    const r2 = await applyInbound(db, key(2), countTurn(seen));
    expect(r2).toMatchObject({ outcome: 'applied', revision: 2 });
    expect(seen).toEqual([
      {
        chatKey: 'telegram:100',
        personId: null,
        state: { turn: 1 },
        stateVersion: 1,
        revision: 1,
        updatedAt: at(1),
      },
    ]);
    expect(await loadInterview(db, 'telegram:100')).toMatchObject({
      state: { turn: 2 },
      revision: 2,
    });
    const pending = await pendingOutboxForChat(db, 'telegram:100');
    expect(pending.map((m) => m.payload)).toEqual([{ text: 'turn 1' }, { text: 'turn 2' }]);
  });

  it('answers a repeated update key with duplicate and does not call fn', async () => {
    const { db } = getDb();
    const calls = { n: 0 };
    await applyInbound(db, key(1), countTurn([], calls));
    const again = await applyInbound(db, key(1), countTurn([], calls));
    expect(again).toEqual({ outcome: 'duplicate', status: 'done' });
    expect(calls.n).toBe(1);
    expect(await loadInterview(db, 'telegram:100')).toMatchObject({
      state: { turn: 1 },
      revision: 1,
    });
    expect(await pendingOutboxForChat(db, 'telegram:100')).toHaveLength(1);
    // The same key on another platform is another update.
    expect(
      await applyInbound(db, { ...key(1), platform: 'whatsapp' }, countTurn([], calls)),
    ).toMatchObject({ outcome: 'applied' });
  });

  it('stores nothing when fn throws, so the update can be retried', async () => {
    const { db } = getDb();
    await applyInbound(db, key(1), countTurn());
    await expect(
      applyInbound(db, key(2), () => {
        throw new Error('bug in step');
      }),
    ).rejects.toThrow('bug in step');
    await expect(
      applyInbound(db, key(3), async (_current, tx) => {
        await saveInterview(tx, {
          chatKey: 'telegram:100',
          personId: null,
          state: { turn: 99 },
          stateVersion: 1,
        });
        throw new Error('late failure');
      }),
    ).rejects.toThrow('late failure');
    expect(await loadInterview(db, 'telegram:100')).toMatchObject({
      state: { turn: 1 },
      revision: 1,
    });
    expect(await pendingOutboxForChat(db, 'telegram:100')).toHaveLength(1);
    // No inbox row was kept: the retry is applied, not a duplicate.
    expect(await applyInbound(db, key(2), countTurn())).toMatchObject({
      outcome: 'applied',
      revision: 2,
    });
  });

  it('sets a poison update aside with markInboxFailed', async () => {
    const { db } = getDb();
    expect(await markInboxFailed(db, { ...key(5), errorCode: 'STEP_CRASH' })).toBe('marked');
    expect(await markInboxFailed(db, { ...key(5), errorCode: 'STEP_CRASH' })).toBe('marked');
    const calls = { n: 0 };
    expect(await applyInbound(db, key(5), countTurn([], calls))).toEqual({
      outcome: 'duplicate',
      status: 'failed',
    });
    expect(calls.n).toBe(0);
    await applyInbound(db, key(6), countTurn());
    expect(await markInboxFailed(db, { ...key(6), errorCode: 'LATE' })).toBe('already-done');
    expect(await applyInbound(db, key(6), countTurn())).toEqual({
      outcome: 'duplicate',
      status: 'done',
    });
  });

  it('cleans NUL bytes and lone surrogates in state and outbound, and stores them', async () => {
    const { db } = getDb();
    const r = await applyInbound(
      db,
      { platform: 'telegram', updateKey: 'u\u00001', chatKey: 'telegram:100' },
      () => ({
        state: {
          answer: 'Nama\u0000 unit \uD83D',
          ['k\u0000ey']: ['\uDE00x', 'ok\n\tline'],
          nested: { n: 1, b: true, z: null },
        },
        stateVersion: 3,
        personId: null,
        outbound: [{ platform: 'telegram', payload: { text: 'Anda menulis: \u0000\uDC00!' } }],
      }),
    );
    expect(r.outcome).toBe('applied');
    expect(await loadInterview(db, 'telegram:100')).toMatchObject({
      state: {
        answer: 'Nama unit \uFFFD',
        key: ['\uFFFDx', 'ok\n\tline'],
        nested: { n: 1, b: true, z: null },
      },
      stateVersion: 3,
    });
    expect((await pendingOutboxForChat(db, 'telegram:100')).map((m) => m.payload)).toEqual([
      { text: 'Anda menulis: \uFFFD!' },
    ]);
    // The cleaned key is the stored key: a redelivery of the same dirty key is a duplicate.
    expect(
      await applyInbound(
        db,
        { platform: 'telegram', updateKey: 'u\u00001', chatKey: 'telegram:100' },
        countTurn(),
      ),
    ).toMatchObject({
      outcome: 'duplicate',
    });
  });

  it('applies two concurrent updates of one chat one after the other', async () => {
    const h = getDb();
    const gate = deferred();
    const entered = deferred();
    const order: string[] = [];
    const first = applyInbound(h.db, key(1), async (cur) => {
      order.push('first:start');
      entered.release();
      await gate.promise;
      order.push('first:end');
      return countTurn()(cur);
    });
    await entered.promise;
    const seen: StoredInterview[] = [];
    const second = applyInbound(h.db, key(2), (cur) => {
      order.push('second');
      return countTurn(seen)(cur);
    });
    if (h.kind === 'postgres') await untilSomeoneWaitsOnALock(h);
    expect(order).toEqual(['first:start']);
    gate.release();
    expect(await first).toMatchObject({ outcome: 'applied', revision: 1 });
    expect(await second).toMatchObject({ outcome: 'applied', revision: 2 });
    expect(order).toEqual(['first:start', 'first:end', 'second']);
    expect(seen.map((s) => s.state)).toEqual([{ turn: 1 }]);
  });

  it('does not make another chat wait (PostgreSQL: PGlite runs one transaction at a time)', async (ctx) => {
    const h = getDb();
    if (h.kind !== 'postgres') ctx.skip();
    const gate = deferred();
    const entered = deferred();
    const slow = applyInbound(h.db, key(1), async (cur) => {
      entered.release();
      await gate.promise;
      return countTurn()(cur);
    });
    await entered.promise;
    const other = await applyInbound(
      h.db,
      { platform: 'telegram', updateKey: 'x1', chatKey: 'telegram:200' },
      countTurn(),
    );
    expect(other).toMatchObject({ outcome: 'applied', revision: 1 });
    gate.release();
    expect(await slow).toMatchObject({ outcome: 'applied', revision: 1 });
  });

  it('saveInterview checks the expected revision', async () => {
    const { db } = getDb();
    expect(
      await saveInterview(db, {
        chatKey: 'terminal:local',
        personId: null,
        state: { a: 1 },
        stateVersion: 1,
        expectedRevision: 0,
      }),
    ).toEqual({
      outcome: 'saved',
      revision: 1,
    });
    expect(
      await saveInterview(db, {
        chatKey: 'terminal:local',
        personId: null,
        state: { a: 2 },
        stateVersion: 1,
        expectedRevision: 0,
      }),
    ).toEqual({
      outcome: 'conflict',
      revision: 1,
    });
    expect(await loadInterview(db, 'terminal:local')).toMatchObject({
      state: { a: 1 },
      revision: 1,
    });
    expect(await loadInterview(db, 'terminal:nobody')).toBeNull();
  });

  it('claims the head of each chat queue, in order, with leases, retries and give-ups', async () => {
    const { db } = getDb();
    const three = (chatKey: string, n: number) =>
      applyInbound(
        db,
        { platform: 'telegram', updateKey: `${chatKey}-${n}`, chatKey, now: T0 },
        () => ({
          state: {},
          stateVersion: 1,
          personId: null,
          outbound: [1, 2, 3].map((i) => ({ platform: 'telegram', payload: { i } })),
        }),
      );
    await three('telegram:A', 1);
    await applyInbound(
      db,
      { platform: 'telegram', updateKey: 'b', chatKey: 'telegram:B', now: T0 },
      () => ({
        state: {},
        stateVersion: 1,
        personId: null,
        outbound: [
          { platform: 'telegram', payload: { i: 1 } },
          { platform: 'whatsapp', payload: { i: 'wa' }, chatKey: 'whatsapp:62812' },
        ],
      }),
    );
    const [a1, a2, a3] = await pendingOutboxForChat(db, 'telegram:A');
    const [b1] = await pendingOutboxForChat(db, 'telegram:B');

    expect(await claimOutbox(db, { platform: 'telegram', limit: 10, now: at(-1) })).toEqual([]); // not due yet
    const c1 = await claimOutbox(db, { platform: 'telegram', limit: 10, now: T0 });
    expect(c1.map((m) => [m.chatKey, m.payload, m.attempts])).toEqual([
      ['telegram:A', { i: 1 }, 1],
      ['telegram:B', { i: 1 }, 1],
    ]);
    // Claimed rows are leased: nothing more until they are marked or the lease ends.
    expect(await claimOutbox(db, { platform: 'telegram', limit: 10, now: T0 })).toEqual([]);
    expect(await markSent(db, { id: a1!.id, platformMessageId: '555', now: T0 })).toBe(true);
    expect(await markSent(db, { id: a1!.id, platformMessageId: '555', now: T0 })).toBe(false);
    const c2 = await claimOutbox(db, { platform: 'telegram', limit: 10, now: T0 });
    expect(c2.map((m) => m.id)).toEqual([a2!.id]);

    // A transient failure: a2 waits until retryAt and a3 waits behind it.
    expect(
      await markSendFailed(db, {
        id: a2!.id,
        error: '429 Too Many Requests\u0000',
        retryAt: at(30_000),
      }),
    ).toBe(true);
    expect(await claimOutbox(db, { platform: 'telegram', limit: 10, now: at(29_000) })).toEqual([]);
    const c3 = await claimOutbox(db, { platform: 'telegram', limit: 10, now: at(30_000) });
    expect(c3.map((m) => [m.id, m.attempts])).toEqual([[a2!.id, 2]]);

    // The lease of b1 (never marked: its sender died) ends after 60 s: claimed again.
    const c4 = await claimOutbox(db, { platform: 'telegram', limit: 10, now: at(61_000) });
    expect(c4.map((m) => [m.id, m.attempts])).toEqual([[b1!.id, 2]]);

    // A permanent failure gives a2 up; a3 goes next.
    expect(
      await markSendFailed(db, { id: a2!.id, error: 'bot was blocked', permanent: true }),
    ).toBe(true);
    const c5 = await claimOutbox(db, { platform: 'telegram', limit: 10, now: at(61_000) });
    expect(c5.map((m) => m.id)).toEqual([a3!.id]);
    expect((await pendingOutboxForChat(db, 'telegram:A')).map((m) => m.id)).toEqual([a3!.id]);

    // Platforms are drained separately; a message may go to another chat.
    const wa = await claimOutbox(db, { platform: 'whatsapp', limit: 10, now: T0 });
    expect(wa.map((m) => [m.chatKey, m.payload])).toEqual([['whatsapp:62812', { i: 'wa' }]]);
  });

  it("marks a message sent and claims the chat's next one in the same statement", async () => {
    const { db } = getDb();
    const reply = replyWith(db);
    await reply('telegram:A', 'a', 3);
    await reply('telegram:B', 'b', 1);
    const [a1, a2, a3] = await pendingOutboxForChat(db, 'telegram:A');
    const [b1] = await pendingOutboxForChat(db, 'telegram:B');
    await claimOutbox(db, { platform: 'telegram', limit: 10, now: T0 });

    const r1 = await markSentAndClaimNext(db, { id: a1!.id, platformMessageId: '1', now: T0 });
    expect(r1.sent).toBe(true);
    expect(r1.next).toMatchObject({ id: a2!.id, chatKey: 'telegram:A', payload: { i: 1 } });
    expect(r1.next!.attempts).toBe(1);
    // Leased: no other sender gets a2 (nor B's message, claimed before).
    expect(await claimOutbox(db, { platform: 'telegram', limit: 10, now: T0 })).toEqual([]);
    // Marking again changes nothing and claims nothing.
    expect(await markSentAndClaimNext(db, { id: a1!.id, platformMessageId: '1', now: T0 })).toEqual(
      { sent: false, next: null },
    );

    // A head waiting for its retry time is not claimed with the mark.
    await markSendFailed(db, { id: a2!.id, error: '429', retryAt: at(30_000) });
    const [a4] = await (async () => {
      await reply('telegram:A', 'a-late', 1);
      return (await pendingOutboxForChat(db, 'telegram:A')).slice(-1);
    })();
    expect((await pendingOutboxForChat(db, 'telegram:A')).map((m) => m.id)).toEqual([
      a2!.id,
      a3!.id,
      a4!.id,
    ]);
    const rb = await markSentAndClaimNext(db, { id: b1!.id, platformMessageId: '2', now: T0 });
    expect(rb).toEqual({ sent: true, next: null });
    const c = await claimOutbox(db, { platform: 'telegram', limit: 10, now: at(30_000) });
    expect(c.map((m) => m.id)).toEqual([a2!.id]);
    const r2 = await markSentAndClaimNext(db, {
      id: a2!.id,
      platformMessageId: '3',
      now: at(30_000),
    });
    expect(r2.next?.id).toBe(a3!.id);
    expect(r2.next?.attempts).toBe(1);
  });

  it("marks several chats' messages in one statement, each claiming its own chat's next", async () => {
    const { db } = getDb();
    const reply = replyWith(db);
    await reply('telegram:A', 'a', 2);
    await reply('telegram:B', 'b', 2);
    await reply('telegram:C', 'c', 1);
    const [a1, a2] = await pendingOutboxForChat(db, 'telegram:A');
    const [b1, b2] = await pendingOutboxForChat(db, 'telegram:B');
    const [c1] = await pendingOutboxForChat(db, 'telegram:C');
    expect((await claimOutbox(db, { platform: 'telegram', limit: 10, now: T0 })).length).toBe(3);

    const r = await markSentAndClaimNextMany(db, {
      marks: [
        { id: a1!.id, platformMessageId: '10' },
        { id: b1!.id, platformMessageId: null },
        { id: c1!.id, platformMessageId: '12' },
      ],
      now: T0,
    });
    expect(r.get(a1!.id)).toMatchObject({ sent: true, next: { id: a2!.id, payload: { i: 1 } } });
    expect(r.get(b1!.id)).toMatchObject({
      sent: true,
      next: { id: b2!.id, chatKey: 'telegram:B' },
    });
    expect(r.get(c1!.id)).toEqual({ sent: true, next: null });
    // Leased with the mark: nothing is left for another claimer.
    expect(await claimOutbox(db, { platform: 'telegram', limit: 10, now: T0 })).toEqual([]);

    // A message marked again, in a batch with a new one: only the new one counts.
    const again = await markSentAndClaimNextMany(db, {
      marks: [
        { id: a1!.id, platformMessageId: '10' },
        { id: a2!.id, platformMessageId: '11' },
      ],
      now: T0,
    });
    expect(again.get(a1!.id)).toEqual({ sent: false, next: null });
    expect(again.get(a2!.id)).toEqual({ sent: true, next: null });
    expect(await pendingOutboxForChat(db, 'telegram:A')).toEqual([]);
    expect((await markSentAndClaimNextMany(db, { marks: [] })).size).toBe(0);
  });

  it('never hands one message to two concurrent claimers', async () => {
    const { db } = getDb();
    for (let c = 0; c < 20; c++) {
      await applyInbound(
        db,
        { platform: 'telegram', updateKey: `k${c}`, chatKey: `telegram:${c}`, now: T0 },
        () => ({
          state: {},
          stateVersion: 1,
          personId: null,
          outbound: [
            { platform: 'telegram', payload: { c } },
            { platform: 'telegram', payload: { c, second: true } },
          ],
        }),
      );
    }
    const claims = await Promise.all(
      [1, 2, 3, 4].map(() => claimOutbox(db, { platform: 'telegram', limit: 8, now: T0 })),
    );
    const ids = claims.flat().map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    const chats = claims.flat().map((m) => m.chatKey);
    expect(new Set(chats).size).toBe(chats.length); // one message per chat at a time
    expect(ids.length).toBe(20);
  });

  it('prunes old inbox keys and finished outbox rows, never pending ones', async () => {
    const { db } = getDb();
    await applyInbound(db, key(1), countTurn());
    await applyInbound(db, key(2), countTurn());
    const [first] = await pendingOutboxForChat(db, 'telegram:100');
    await markSent(db, { id: first!.id, platformMessageId: '1', now: T0 });
    expect(await pruneChatLog(db, { before: at(2) })).toEqual({ inbox: 1, outbox: 1 });
    expect(await pendingOutboxForChat(db, 'telegram:100')).toHaveLength(1);
    expect(await pruneChatLog(db, { before: at(10_000) })).toEqual({ inbox: 1, outbox: 0 });
    expect(await pendingOutboxForChat(db, 'telegram:100')).toHaveLength(1);
    // A pruned key is forgotten: only prune keys older than any possible redelivery.
    expect(await applyInbound(db, key(1), countTurn())).toMatchObject({ outcome: 'applied' });
  });
});
