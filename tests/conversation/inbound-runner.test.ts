// The channel-neutral inbound runner: one key's work in the platform's order, different keys in
// parallel; transient storage errors retried, then an outage (nothing confirmed, one notice per
// chat); a bug retried, then set aside in the inbox and the person asked to send it again.
// The service is a fake; time is never waited for (sleep is recorded and returns at once).
import { describe, expect, it } from 'vitest';
import {
  InboundRunner,
  type InboundWork,
  type Notice,
  StorageUnavailableError,
} from '../../bot/conversation/inbound-runner.js';
import type { HandleResult, InboundEvent } from '../../bot/conversation/service.js';
import { silentLogger } from '../../bot/log.js';
import { type Db, inboxStatus } from '../../db/index.js';
import { forEachDatabase } from '../support/db.js';

type Work = InboundWork & { seq: number };

const event = (chat: string, seq: number): Extract<Work, { kind: 'event' }> => ({
  kind: 'event',
  seq,
  event: {
    platform: 'telegram',
    updateKey: `${chat}#${seq}`,
    chatKey: chat,
    identity: { kind: 'telegram', accountId: chat },
    input: { kind: 'text', text: `answer ${seq}` },
  },
});

const APPLIED: HandleResult = { outcome: 'applied', outboxIds: [1], revision: 1 };
const connectionLost = () => Object.assign(new Error('connection lost'), { code: 'ECONNRESET' });

/** A runner over a fake service: `handle` decides per update; what happened is recorded. */
function harness(
  handle: (ev: InboundEvent) => Promise<HandleResult> = async () => APPLIED,
  o: { db?: Db } = {},
) {
  const applied: string[] = [];
  const notices: { chat: string; kind: Notice['kind'] }[] = [];
  const sleeps: number[] = [];
  let told = 0;
  const runner = new InboundRunner<Work>({
    db: o.db ?? ({} as Db),
    service: {
      async handle(ev) {
        const r = await handle(ev);
        applied.push(ev.updateKey);
        return r;
      },
    },
    log: silentLogger,
    key: (w) => (w.kind === 'event' ? w.event.chatKey : w.id.split('#')[0]!),
    order: (w) => w.seq,
    notice: async (w, n) => {
      notices.push({ chat: w.event.chatKey, kind: n.kind });
    },
    onApplied: () => told++,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
  });
  return { runner, applied, notices, sleeps, told: () => told };
}

describe('the inbound runner', () => {
  // Protection: the runner sorts a key's waiting items by `order`. Without it a batch is applied
  // in arrival order: 3, 1, 2.
  it("applies a batch's items of one key in the platform's order, not in arrival order", async () => {
    const h = harness();
    await h.runner.run([event('a', 3), event('b', 9), event('a', 1), event('a', 2)]);
    expect(h.applied.filter((k) => k.startsWith('a#'))).toEqual(['a#1', 'a#2', 'a#3']);
    expect(h.applied).toContain('b#9');
    expect(h.told(), 'the outbox is told after each item and after the batch').toBe(5);
  });

  // Protection: the same sort, across runs: deliveries that arrive while the key is busy (webhook
  // requests on several connections) wait, and the lowest goes first. Without it: 5, 7, 6.
  it('runs deliveries that queue behind a busy key lowest first, and other keys meanwhile', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const h = harness(async (ev) => {
      if (ev.updateKey === 'a#5') await held;
      return APPLIED;
    });
    const first = h.runner.run([event('a', 5)]);
    const later = [h.runner.run([event('a', 7)]), h.runner.run([event('a', 6)])];
    await h.runner.run([event('b', 1)]);
    expect(h.applied, 'another chat is not held up').toEqual(['b#1']);
    release();
    await Promise.all([first, ...later]);
    expect(h.applied).toEqual(['b#1', 'a#5', 'a#6', 'a#7']);
  });

  // Protections: (1) quick retries of a transient error before it counts as an outage; (2) the
  // items of the key waiting behind the one that could not be stored are not applied (they would
  // overtake it): without that, a#2 is applied; (3) one notice per chat for the whole outage,
  // without the told-once set the second run tells again; (4) the run rejects, so the channel
  // does not confirm.
  it('an outage: retried quickly, then not confirmed, the chat told once, nothing overtakes', async () => {
    let down = true;
    const h = harness(async (ev) => {
      if (down && ev.chatKey === 'a') throw connectionLost();
      return APPLIED;
    });
    await expect(h.runner.run([event('a', 1), event('a', 2), event('b', 1)])).rejects.toThrow(
      StorageUnavailableError,
    );
    expect(h.applied, 'the other chat is applied; a#2 waits for a#1').toEqual(['b#1']);
    expect(h.sleeps).toEqual([250, 500, 1000]);
    await expect(h.runner.run([event('a', 1), event('a', 2)])).rejects.toThrow(
      StorageUnavailableError,
    );
    expect(h.notices).toEqual([{ chat: 'a', kind: 'outage' }]);

    down = false;
    await h.runner.run([event('a', 1), event('a', 2)]);
    expect(h.applied).toEqual(['b#1', 'a#1', 'a#2']);
    // Storage worked again: a later outage is told again.
    down = true;
    await expect(h.runner.run([event('a', 3)])).rejects.toThrow(StorageUnavailableError);
    expect(h.notices).toHaveLength(2);
  });

  it('runs what the channel does afterwards with the result, and ignores its failure', async () => {
    const h = harness();
    const seen: HandleResult[] = [];
    await h.runner.run([
      { ...event('a', 1), afterwards: async (r: HandleResult) => void seen.push(r) },
      {
        ...event('a', 2),
        afterwards: async () => {
          throw new Error('button already closed');
        },
      },
    ]);
    expect(seen).toEqual([APPLIED]);
    expect(h.applied).toEqual(['a#1', 'a#2']);
  });

  // Protections: a task's transient failure is an outage like an event's (no notice: the task
  // is not an answer anyone waits for); a task's bug is retried, then dropped, and the key goes on.
  it('a task: an outage rejects the run; a bug is retried, dropped, and the key goes on', async () => {
    const h = harness();
    const task = (id: string, seq: number, run: () => Promise<void>): Work => ({
      kind: 'task',
      id,
      seq,
      run,
    });
    await expect(
      h.runner.run([
        task('a#1', 1, async () => {
          throw connectionLost();
        }),
        event('a', 2),
      ]),
    ).rejects.toThrow(StorageUnavailableError);
    expect(h.applied).toEqual([]);
    expect(h.notices).toEqual([]);

    let tries = 0;
    await h.runner.run([
      task('a#1', 1, async () => {
        tries++;
        throw new Error('bug');
      }),
      event('a', 2),
    ]);
    expect(tries).toBe(3);
    expect(h.applied).toEqual(['a#2']);
  });
});

forEachDatabase('the inbound runner, setting an update aside', (getDb) => {
  // Protection: setAside marks the update failed in the inbox (a redelivery is then a duplicate)
  // and asks the person to send it again. Without it the update is never recorded, comes back
  // for ever, and the chat's next update waits behind it.
  it('retries a bug three times, sets the update aside, asks again, and goes on', async () => {
    const { db } = getDb();
    let tries = 0;
    const h = harness(
      async (ev) => {
        if (ev.updateKey === 'a#2') {
          tries++;
          throw Object.assign(new Error('bug'), { code: 'P0001' });
        }
        return APPLIED;
      },
      { db },
    );
    await h.runner.run([event('a', 1), event('a', 2), event('a', 3)]);
    expect(tries).toBe(3);
    expect(h.sleeps).toEqual([100, 200]);
    expect(h.applied).toEqual(['a#1', 'a#3']);
    expect(await inboxStatus(db, { platform: 'telegram', updateKey: 'a#2' })).toBe('failed');
    expect(h.notices).toEqual([{ chat: 'a', kind: 'set-aside' }]);
  });
});
