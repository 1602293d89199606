// Jobs in another process: `probis start` with PROBIS_JOBS=off and `probis worker` on one
// PostgreSQL, against the fake Bot API. A map asked in chat is rendered by the worker; the
// chat's next messages never wait behind the render; a worker killed mid-render loses nothing
// (the job runs again on the next worker) and the pictures arrive once. On PGlite, one
// `probis start` does both.
//
// The render is held, not slowed by a sleep: PROBIS_HOLDPOINT=render.before makes the worker's
// render job wait (logging holdpoint.reached) until the process gets SIGUSR2, or is killed.
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createInvitation, openDatabase } from '../../db/index.js';
import { seedRenja } from '../support/app.js';
import { BotProcess, startBot } from '../support/bot-process.js';
import { SKIP_POSTGRES, migratedPgliteDir } from '../support/db.js';
import { type FakeTelegram, startFakeTelegram } from '../support/fake-telegram.js';
import { seedReview } from '../support/review.js';
import { type World, openWorld, until } from './world.js';
import type { App } from '../../bot/app.js';

const REVIEW_QUESTION = 'Apakah peta ini sudah benar?';
const CHAT = 1001;

describe('render jobs in a worker process', () => {
  let w: World | undefined;
  let procs: BotProcess[] = [];
  let fake: FakeTelegram | undefined;
  let dir: string | undefined;
  afterEach(async () => {
    await Promise.all(procs.map((p) => p.stop()));
    await w?.close();
    await fake?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    procs = [];
    w = fake = dir = undefined;
  });

  // Protections: MapDelivery defers the map (without it the bot, which runs no jobs, would
  // send... nothing: the review question waits behind the map, and the test's first wait fails);
  // the render job's heartbeat (without it the killed worker's job stays active for its
  // 300 s expiry and no picture arrives in time); requeueDeferred's one move per deferred row
  // (photos counted: exactly one set per map asked).
  it.skipIf(SKIP_POSTGRES)(
    'PostgreSQL: the worker renders; the chat goes on meanwhile; a worker killed mid-render loses nothing',
    async () => {
      w = await openWorld();
      const db = w.t.app.database.db;
      await seedReview(db, { chatKey: `telegram:${CHAT}`, activities: 20 });
      const held = new BotProcess({
        env: { ...w.env(), PROBIS_HOLDPOINT: 'render.before' },
        args: ['worker'],
        label: 'worker-A',
      });
      procs.push(held);
      await held.waitForLog('worker.ready', 60_000);
      const bot = await startBot({ env: w.env({ PROBIS_JOBS: 'off' }), label: 'bot' });
      procs.push(bot);

      // /start binds Rina and resumes her review: summary, map, findings, the question.
      w.fake.sendText(CHAT, `/start ${await w.invite('rina')}`);
      await held.waitForLog('holdpoint.reached', 60_000);
      const fakeW = w.fake;
      await until(
        () => fakeW.messages(CHAT).some((m) => m.text?.startsWith(REVIEW_QUESTION)),
        'the review question, sent while the map is being rendered',
      );
      // The next answer's reply too, while the render is still held.
      w.fake.sendText(CHAT, '/status');
      await until(
        () => fakeW.messages(CHAT).some((m) => m.text?.includes('Sedang memetakan')),
        'the /status reply, while the map is being rendered',
      );
      expect(fakeW.messages(CHAT).filter((m) => m.kind === 'photo')).toEqual([]);
      expect(bot.events('job.render_map.rendered'), 'the bot runs no jobs').toEqual([]);

      // Killed mid-render: the next worker takes the job again once the heartbeat is missed.
      await held.kill('SIGKILL');
      const next = new BotProcess({ env: w.env(), args: ['worker'], label: 'worker-B' });
      procs.push(next);
      await next.waitForLog('job.render_map.done', 90_000);
      await until(
        async () =>
          (
            await w!.sql`select 1 from outbox where chat_key = ${`telegram:${CHAT}`}
                         and status in ('pending', 'deferred')`
          ).length === 0,
        'the chat has nothing left to send',
      );
      const photos = fakeW.messages(CHAT).filter((m) => m.kind === 'photo');
      const [moved] = await w.sql<{ n: number }[]>`
        select count(*)::int as n from outbox where chat_key = ${`telegram:${CHAT}`} and status = 'moved'`;
      expect(moved!.n, 'one map asked (the resumed review)').toBe(1);
      expect(photos.map((p) => p.caption)).toEqual([
        expect.stringMatching(/hal\. 1\/2/),
        expect.stringMatching(/hal\. 2\/2/),
      ]);
      // The pictures came after the question and the /status reply: the queue was not held.
      const all = fakeW.messages(CHAT);
      const firstPhoto = all.findIndex((m) => m.kind === 'photo');
      expect(all.findIndex((m) => m.text?.includes('Sedang memetakan'))).toBeLessThan(firstPhoto);
      expect(next.events('job.render_map.rendered')).toHaveLength(1);
    },
    180_000,
  );

  // Protection: `probis start` starting the job workers itself on PGlite (PROBIS_JOBS=on by
  // default): without them the map stays deferred and no photo arrives.
  it('PGlite: one probis start renders the map and sends it', async () => {
    fake = await startFakeTelegram({ perChatLimit: false, globalLimit: false, longPollMaxMs: 500 });
    dir = await migratedPgliteDir();
    const h = await openDatabase({ dataDir: dir });
    let token: string;
    try {
      await seedRenja({ database: h } as unknown as App);
      await seedReview(h.db, { chatKey: `telegram:${CHAT}`, activities: 12 });
      ({ token } = await createInvitation(h.db, {
        organisationId: 'kab-contoh',
        personId: 'rina',
        createdBy: { system: 'test' },
        expiresAt: new Date(Date.now() + 86_400_000),
      }));
    } finally {
      await h.close();
    }
    const bot = await startBot({
      env: {
        TELEGRAM_BOT_TOKEN: fake.token,
        TELEGRAM_API_ROOT: fake.apiRoot,
        PROBIS_DATA_DIR: dir,
      },
    });
    procs.push(bot);
    fake.sendText(CHAT, `/start ${token}`);
    const f = fake;
    await until(
      () => f.messages(CHAT).some((m) => m.kind === 'photo'),
      'the map as a photo',
      60_000,
    );
    expect(bot.events('job.render_map.rendered')).toHaveLength(1);
  }, 120_000);
});
