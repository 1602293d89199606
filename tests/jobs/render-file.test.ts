// A process's BPMN file, made by a job when it is sent (channels never render), on PGlite and on
// PostgreSQL: in `probis chat --jsonl` /bpmn at the review writes peta-<code>.bpmn into the maps
// folder and its line says where; a file that cannot be made is said in words, never silence.
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Outbound } from '../../core/interview/index.js';
import { type ChannelSender, OutboxSender } from '../../bot/delivery/outbox-sender.js';
import { renderFile } from '../../bot/jobs/render-file.js';
import { silentLogger } from '../../bot/log.js';
import { formatForTerminal } from '../../bot/terminal/format.js';
import { mapFilesIn } from '../../bot/terminal/map-files.js';
import { deferForArtifact, loadProcess, undeliveredOutboxForChat } from '../../db/index.js';
import { outbox } from '../../db/schema.js';
import { type DbKind, type TestApp, openTestApp, seedRenja } from '../support/app.js';
import { SKIP_POSTGRES } from '../support/db.js';
import { JsonlChat } from '../support/jsonl.js';
import { seedReview } from '../support/review.js';
import { until } from '../support/until.js';

const CAPTION = 'Berkas BPMN peta 09.01 Proses Sintetis';

for (const kind of ['pglite', 'postgres'] as DbKind[]) {
  describe.skipIf(kind === 'postgres' && SKIP_POSTGRES)(
    `the BPMN file as a job, on ${kind}`,
    () => {
      let t: TestApp;
      let processId: string;
      const chatKey = 'terminal:rina-bpmn';

      beforeAll(async () => {
        t = await openTestApp(kind);
        await seedRenja(t.app);
        processId = await seedReview(t.app.database.db, { chatKey, activities: 6 });
        await t.app.jobs.start({ work: true });
      }, 60_000);
      afterAll(async () => t?.close());

      // Protection: the 'file' outbound kind through MapDelivery.prepareFile, the render-file job
      // and the terminal's MapFiles.file. Without any of them no file line comes, or its `file` is null.
      it('in the terminal, /bpmn at the review writes peta-09.01.bpmn and says where', async () => {
        const dir = await mkdtemp(path.join(tmpdir(), 'probis-bpmn-'));
        const chat = new JsonlChat(t.app, { personId: 'rina', chatKey, mapFiles: mapFilesIn(dir) });
        await chat.start();
        // The map comes when its job has drawn it (after the question, which does not wait).
        const map = await until(
          () => chat.out.find((o) => o.type === 'map'),
          'the map line of the review',
        );
        expect(map.type === 'map' && map.caption.split('\n')).toEqual([
          'Draf peta: 09.01 Proses sintetis 6 kegiatan',
          'Berkas BPMN (untuk Camunda Modeler / bpmn.io): /bpmn · SOP AP: /sop',
        ]);

        await chat.say('/bpmn');
        const line = await until(
          () => chat.out.find((o) => o.type === 'file'),
          'the file line of /bpmn',
        );
        await chat.end();

        const file = path.join(dir, 'maps', 'peta-09.01.bpmn');
        expect(line).toEqual({
          type: 'file',
          what: 'bpmn',
          processId,
          caption: `Berkas BPMN peta 09.01 Proses sintetis 6 kegiatan: buka di Camunda Modeler atau bpmn.io untuk melihat dan menyunting alurnya.`,
          file,
        });
        const xml = await readFile(file, 'utf8');
        const process = (await loadProcess(t.app.database.db, { processId }))!;
        const tasks = process.flow!.nodes.filter((n) => n.kind === 'activity');
        expect(tasks).toHaveLength(6);
        for (const task of tasks) expect(xml).toContain(`name="${task.name}"`);
        expect(chat.question().questionId, 'the review goes on').toBe('review.confirm');
      }, 60_000);

      // Protection: render-file's failedForGood and requeueDeferred's `unavailable`. Without them
      // a file whose job failed waits for ever, or comes back as a caption with nothing after it.
      it('a file whose job failed for good is said in words, with how to ask again', async () => {
        const db = t.app.database.db;
        const key = 'file:bpmn:never';
        const message: Outbound = { kind: 'file', what: 'bpmn', processId, caption: CAPTION };
        await db
          .insert(outbox)
          .values({ chatKey: 'telegram:9301', platform: 'telegram', payload: message });
        const [row] = await undeliveredOutboxForChat(db, 'telegram:9301');
        expect(await deferForArtifact(db, { id: row!.id, key })).toBe(true);
        await renderFile.failedForGood!(
          {
            db,
            log: silentLogger,
            renderer: t.app.renderer,
            requeued: () => {},
            deliver: (p) => t.app.service.deliver(p),
          },
          { request: { what: 'bpmn', processId }, key },
        );
        const sent: Outbound[] = [];
        const channel: ChannelSender = {
          platform: 'telegram',
          async send(_chat, m) {
            sent.push(m);
            return { ok: true, messageId: null };
          },
        };
        const sender = new OutboxSender(db, channel, silentLogger, { maps: t.app.maps });
        await sender.drain();
        sender.close();
        expect(sent).toEqual([
          {
            kind: 'text',
            text: `${CAPTION}\n\nBerkas ini belum dapat dibuat atau dikirim. Coba lagi nanti dengan /bpmn. / This file could not be made or sent. Try /bpmn again later.`,
          },
        ]);
      });
    },
  );
}

describe('a file in the plain terminal', () => {
  const message: Outbound = { kind: 'file', what: 'bpmn', processId: 'p', caption: CAPTION };

  it('says where it was written', () => {
    expect(formatForTerminal(message, '/data/maps/peta-09.01.bpmn')).toBe(
      `${CAPTION}\n(berkas / file: /data/maps/peta-09.01.bpmn)`,
    );
  });

  it('says so when it could not be made', () => {
    expect(formatForTerminal(message)).toBe(
      `${CAPTION}\nBerkas ini belum dapat dibuat atau dikirim. Coba lagi nanti dengan /bpmn. / This file could not be made or sent. Try /bpmn again later.`,
    );
  });
});
