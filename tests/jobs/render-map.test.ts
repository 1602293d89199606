// Maps rendered by jobs, in one process, on PGlite and on PostgreSQL: a map message whose
// pictures are not stored leaves its chat's queue (the chat's next messages go on), the render
// job stores them and puts the map back at the chat's tail; a map stored already goes out at
// once; a render that fails for good ends in the outline, never in silence.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Outbound } from '../../core/interview/index.js';
import { OutboxSender, type ChannelSender } from '../../bot/delivery/outbox-sender.js';
import { cleanup } from '../../bot/jobs/cleanup.js';
import { renderMap } from '../../bot/jobs/render-map.js';
import { silentLogger } from '../../bot/log.js';
import { loadMapSource } from '../../bot/map-pictures.js';
import {
  deferForArtifact,
  readArtifact,
  storeArtifact,
  undeliveredOutboxForChat,
} from '../../db/index.js';
import { outbox } from '../../db/schema.js';
import { rawQuery } from '../../db/transaction.js';
import { type DbKind, type TestApp, openTestApp, seedRenja } from '../support/app.js';
import { SKIP_POSTGRES } from '../support/db.js';
import { seedReview } from '../support/review.js';

type Sent = { kind: string; text?: string; pages?: number };

/** A channel that records what it was asked to send. */
function recorder(sent: Sent[]): ChannelSender {
  return {
    platform: 'telegram',
    async send(_chat, m, _attempt, extras) {
      if (m.kind === 'map') sent.push({ kind: 'map', pages: extras?.pictures?.pages.length ?? 0 });
      else if (m.kind === 'text') sent.push({ kind: 'text', text: m.text });
      else sent.push({ kind: m.kind });
      return { ok: true, messageId: null };
    },
  };
}

for (const kind of ['pglite', 'postgres'] as DbKind[]) {
  describe.skipIf(kind === 'postgres' && SKIP_POSTGRES)(`map renders as jobs on ${kind}`, () => {
    let t: TestApp;
    let processId: string;
    const chatKey = 'telegram:7001';
    const map = (): Outbound => ({
      kind: 'map',
      processId,
      caption: 'Draf peta: 09.01',
      outline: '1. Langkah satu',
    });
    const queue = async (...payloads: Outbound[]) => {
      for (const payload of payloads)
        await t.app.database.db.insert(outbox).values({ chatKey, platform: 'telegram', payload });
    };

    beforeAll(async () => {
      t = await openTestApp(kind);
      await seedRenja(t.app);
      processId = await seedReview(t.app.database.db, { chatKey, activities: 20 });
      await t.app.jobs.start({ work: true });
    }, 60_000);
    afterAll(async () => t?.close());

    // Protection: MapDelivery defers a map whose pictures are not stored. Without it (no `maps`
    // given to the sender) the map goes first, as an outline with no pictures → fails.
    it('a map not stored yet lets the next message go first; its job puts it back with pictures', async () => {
      const db = t.app.database.db;
      await queue(map(), { kind: 'text', text: 'sesudah peta' });
      const sent: Sent[] = [];
      const sender = new OutboxSender(db, recorder(sent), silentLogger, { maps: t.app.maps });
      const putBack = new Promise<void>((resolve) => {
        const off = t.app.jobs.onRequeued(() => {
          off();
          resolve();
        });
      });
      await sender.drain();
      expect(sent).toEqual([{ kind: 'text', text: 'sesudah peta' }]);
      expect((await undeliveredOutboxForChat(db, chatKey)).map((m) => m.payload)).toMatchObject([
        { kind: 'map' },
      ]);

      await putBack;
      await sender.drain();
      sender.close();
      expect(sent).toEqual([
        { kind: 'text', text: 'sesudah peta' },
        { kind: 'map', pages: 2 },
      ]);
      const source = (await loadMapSource(db, processId))!;
      const key = t.app.renderer.crossFunctionalPngKey(source.process, source.org);
      expect((await readArtifact(db, key))?.length, 'the SVG and two pages, stored').toBe(3);
      expect(await undeliveredOutboxForChat(db, chatKey)).toEqual([]);
    }, 90_000);

    // Protection: the artifact lookup before any job. Without it every map would be deferred.
    it('a map whose pictures are stored goes out at once, in its place', async () => {
      const db = t.app.database.db;
      await queue(map(), { kind: 'text', text: 'sesudah peta' });
      const sent: Sent[] = [];
      const sender = new OutboxSender(db, recorder(sent), silentLogger, { maps: t.app.maps });
      await sender.drain();
      sender.close();
      expect(sent).toEqual([
        { kind: 'map', pages: 2 },
        { kind: 'text', text: 'sesudah peta' },
      ]);
    });

    // Protection: failedForGood (the dead letter of render-map). Without it the map would wait
    // for ever; without the outline fallback in requeueDeferred it would come back as a map
    // with no pictures to find, and be deferred again.
    it('a render that failed for good sends the caption and outline instead', async () => {
      const db = t.app.database.db;
      await queue(map());
      const [row] = await undeliveredOutboxForChat(db, chatKey);
      expect(await deferForArtifact(db, { id: row!.id, key: 'cf-png:never' })).toBe(true);
      const ctx = {
        db,
        log: silentLogger,
        renderer: t.app.renderer,
        requeued: () => {},
        deliver: (p: Parameters<typeof t.app.service.deliver>[0]) => t.app.service.deliver(p),
      };
      await renderMap.failedForGood!(ctx, { processId, key: 'cf-png:never' });
      const sent: Sent[] = [];
      const sender = new OutboxSender(db, recorder(sent), silentLogger, { maps: t.app.maps });
      await sender.drain();
      sender.close();
      expect(sent).toEqual([{ kind: 'text', text: 'Draf peta: 09.01\n\n1. Langkah satu' }]);
    });

    // Protection: the clean-up's three deletes and its stale-map rule; pruneChatLog keeping
    // deferred rows (with `status <> 'pending'` it deleted a map still waiting for its render).
    it('the clean-up job deletes old chat rows and unused artifacts, and ends stale maps in the outline', async () => {
      const db = t.app.database.db;
      await storeArtifact(db, { key: 'cf-png:old', parts: [new Uint8Array([1])] });
      await storeArtifact(db, { key: 'cf-png:fresh', parts: [new Uint8Array([2])] });
      await rawQuery(
        db,
        `update artifacts set used_at = now() - interval '40 days' where key = 'cf-png:old'`,
      );
      await queue(map());
      const [row] = await undeliveredOutboxForChat(db, chatKey);
      await deferForArtifact(db, { id: row!.id, key: 'cf-png:stuck' });
      await rawQuery(
        db,
        `update outbox set created_at = now() - interval '30 days',
                next_attempt_at = now() - interval '2 hours' where id = $1`,
        [row!.id],
      );
      const requeued: string[][] = [];
      const ctx = {
        db,
        log: silentLogger,
        renderer: t.app.renderer,
        requeued: (p: string[]) => requeued.push(p),
        deliver: (p: Parameters<typeof t.app.service.deliver>[0]) => t.app.service.deliver(p),
      };
      await cleanup.run(ctx, {});
      expect(await readArtifact(db, 'cf-png:old')).toBeNull();
      expect(await readArtifact(db, 'cf-png:fresh')).not.toBeNull();
      expect(requeued).toEqual([['telegram']]);
      const left = await undeliveredOutboxForChat(db, chatKey);
      expect(left.map((m) => m.payload)).toEqual([
        { kind: 'text', text: 'Draf peta: 09.01\n\n1. Langkah satu' },
      ]);
      const old = await rawQuery<{ n: number }>(
        db,
        `select count(*)::int as n from outbox where created_at < now() - interval '7 days'`,
      );
      expect(old[0]!.n, 'the moved row, older than a week, deleted').toBe(0);
    });
  });
}
