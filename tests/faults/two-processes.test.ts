// Issue 11, fault 6: two bot processes on one database.
// - PostgreSQL, webhook mode (two pollers are impossible: Telegram answers 409): one chat's
//   consecutive updates go alternately to the two processes, concurrently (the next one is posted
//   while the previous is still in its transaction). The chat lock lives in the database, so
//   order and state stay right.
// - PGlite: a second process on the same data folder refuses to start, with a clear message.
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { SKIP_POSTGRES, migratedPgliteDir } from '../support/db.js';
import { type BotProcess, freePort, startBot } from '../support/bot-process.js';
import { probis } from '../support/cli.js';
import { startFakeTelegram, type FakeTelegram } from '../support/fake-telegram.js';
import {
  chatRecord,
  expectAppliedOnce,
  expectRepliesMatchOutbox,
  expectRinaInterview,
  openWorld,
  received,
  rinaAnswers,
  settled,
  until,
  verbose,
  type World,
} from './world.js';

const WEBHOOK_URL = 'https://probis.example.go.id/telegram/webhook';
const SECRET = 'rahasia-webhook-uji-gangguan-0123456789';

describe('two bot processes on one database', () => {
  let w: World | undefined;
  let bots: BotProcess[] = [];
  let fake: FakeTelegram | undefined;
  let dir: string | undefined;
  afterEach(async () => {
    await Promise.all(bots.map((b) => b.stop()));
    await w?.close();
    await fake?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    bots = [];
    w = fake = dir = undefined;
  });

  // Protection: lockChat (a row lock on chat_locks, taken first in every update's transaction)
  // and the outbox's head-of-queue claim. Without the row lock, the two processes would each read
  // the interview as it stood before the other's answer: an answer applied to a stale state, the
  // other's lost (the state and the replies differ from the answers in order) → fails. A trigger
  // makes each update's transaction last 300 ms, so the next update is posted while the previous
  // one is still inside its transaction, to the other process.
  it.skipIf(SKIP_POSTGRES)(
    'PostgreSQL, webhook: one chat alternating between two processes keeps its order and state',
    async () => {
      w = await openWorld();
      const { sql } = w;
      const env = w.env({ TELEGRAM_WEBHOOK_URL: WEBHOOK_URL, TELEGRAM_WEBHOOK_SECRET: SECRET });
      const ports = [await freePort(), await freePort()];
      bots = await Promise.all(
        ports.map((port, i) =>
          startBot({ env: { ...env, PORT: String(port) }, label: `bot-${'AB'[i]}` }),
        ),
      );
      const origins = ports.map((p) => `http://127.0.0.1:${p}`);
      expect(w.fake.webhookInfo().url).toBe(WEBHOOK_URL);

      const chatId = 1001;
      const key = 'telegram:1001';
      const ids = rinaAnswers(await w.invite('rina')).map((a) => w!.fake.sendText(chatId, a));
      await sql.unsafe(`
      create function probis_test_slow() returns trigger language plpgsql as $$
      begin perform pg_sleep(0.3); return new; end $$;
      create trigger probis_test_slow before insert on inbox for each row execute function probis_test_slow();`);

      // Backends of the bots that are inside an update's transaction: sleeping in the trigger (it
      // holds the chat lock) or waiting for the chat lock.
      const engaged = async () =>
        (
          await sql`select 1 from pg_stat_activity where datname = ${w!.dbName} and application_name = 'probis'
                  and (wait_event = 'PgSleep' or wait_event_type = 'Lock')`
        ).length;
      const applied = async (upTo: number[]) =>
        (await sql`select 1 from inbox where update_key = any(${upTo.map(String)})`).length;

      const posts: Promise<number>[] = [];
      let overlapped = 0;
      for (const [i, id] of ids.entries()) {
        if (i >= 2) await posts[i - 2]; // at most two updates of the chat in flight, one per process
        posts.push(w.fake.deliverWebhook(id, { origin: origins[i % 2]! }));
        // The update has reached the database (in its transaction, or queued on the chat lock)
        // before the next one is posted: the order they queue in is the order they were sent.
        const fired = ids.slice(0, i + 1);
        await until(
          async () => (await applied(fired)) + (await engaged()) >= fired.length,
          `update ${i + 1} inside the database`,
        );
        if ((await engaged()) >= 2) overlapped++;
      }
      expect(await Promise.all(posts)).toEqual(ids.map(() => 200));
      await settled(sql, key, ids, 90_000);

      const rec = await chatRecord(sql, key);
      const got = received(w.fake, chatId);
      verbose('two webhooks:', {
        overlapped,
        perProcess: bots.map((b) => b.events((l) => l.event === 'inbound.applied').length),
      });
      expect(
        overlapped,
        'updates were in flight at the same time in both processes',
      ).toBeGreaterThan(0);
      expect(
        bots.map(
          (b) => b.events((l) => l.event === 'inbound.applied' && l.outcome === 'applied').length,
        ),
      ).toEqual([5, 4]);
      expectAppliedOnce(rec, ids, 'across two processes');
      expectRepliesMatchOutbox(got, rec, 0);
      await expectRinaInterview(sql, rec, got);
      expect(bots.every((b) => b.alive)).toBe(true);
    },
    120_000,
  );

  // Protection: the lock file db/lock-file.ts taken before PGlite opens the folder. Without it the
  // second process would open the same cluster (and corrupt it): it would start polling (a 409
  // conflict at the fake) instead of exiting 2 with the message.
  it('PGlite: a second process on the same data folder refuses, with a clear message', async () => {
    fake = await startFakeTelegram({ perChatLimit: false, globalLimit: false, longPollMaxMs: 500 });
    dir = await migratedPgliteDir();
    const env = {
      TELEGRAM_BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.apiRoot,
      PROBIS_DATA_DIR: dir,
    };
    const first = await startBot({ env, label: 'first' });
    bots.push(first);

    const second = await probis(['start'], { env, timeoutMs: 60_000 });
    expect(second.code).toBe(2);
    expect(second.stderr).toContain(
      `Folder data ${dir} sedang dipakai oleh proses Probis lain (PID ${first.pid})`,
    );
    expect(second.stderr).toContain(
      `Another Probis process (PID ${first.pid}) is using the data folder ${dir}; stop it or use another folder.`,
    );
    expect(second.stderr).not.toMatch(/at .*\.ts:\d+/); // a message, not a stack trace
    expect(fake.stats().conflicts, 'the second process never polled').toBe(0);

    // The first one still works on its folder.
    const stranger = 4242;
    const id = fake.sendText(stranger, 'halo');
    await fake.waitFor((f) => f.messages(stranger).length > 0, {
      timeoutMs: 15_000,
      what: 'the reply to a stranger',
    });
    expect(fake.messages(stranger)[0]!.text).toContain('belum terdaftar di Probis');
    expect(first.alive).toBe(true);
    expect(
      first.events((l) => l.event === 'inbound.applied' && l.update === String(id)),
    ).toHaveLength(1);
  }, 90_000);
});
