// The SOP follow-up through `probis chat --jsonl`: its questions carry their stable ids like every
// other question, a skipped one is skipped with "-" or "lewati", and the SOP comes as a file line
// {"type":"file","what":"sop-pdf","paper":"a4",...} whose file was written by the job.
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mapFilesIn } from '../../bot/terminal/map-files.js';
import { listProcesses, loadSopDetails } from '../../db/index.js';
import { type DbKind, type TestApp, openTestApp, seedRenja } from '../support/app.js';
import { SKIP_POSTGRES } from '../support/db.js';
import { JsonlChat } from '../support/jsonl.js';
import { renjaTranscript } from '../support/renja.js';
import { until } from '../support/until.js';

for (const kind of ['pglite', 'postgres'] as DbKind[]) {
  describe.skipIf(kind === 'postgres' && SKIP_POSTGRES)(
    `the SOP follow-up in JSON lines, on ${kind}`,
    () => {
      let t: TestApp;
      beforeAll(async () => {
        t = await openTestApp(kind);
        await seedRenja(t.app);
        await t.app.jobs.start({ work: true });
      }, 60_000);
      afterAll(async () => t?.close());

      it('asks the follow-up by question id and sends the SOP as a file line', async () => {
        const dir = await mkdtemp(path.join(tmpdir(), 'probis-sop-jsonl-'));
        const chat = new JsonlChat(t.app, {
          personId: 'rina',
          chatKey: `terminal:rina-sop-${kind}`,
          mapFiles: mapFilesIn(dir),
        });
        await chat.start();
        await chat.tell(renjaTranscript());
        expect(chat.question().questionId).toBe('review.confirm');

        const asked: string[] = [];
        await chat.say('/sop');
        asked.push(chat.question().questionId);
        expect(chat.question()).toMatchObject({ optional: true });
        expect(chat.question().choices.map((c) => c.label)).toEqual(['Lewati']);
        await chat.say('SOP/03.01/2027');
        for (const answer of ['-', 'lewati', '-', '-', '-', '-', 'Buku agenda']) {
          asked.push(chat.question().questionId);
          await chat.say(answer);
        }
        expect(asked).toEqual([
          'sop.nomor',
          'sop.efektif',
          'sop.pengesah',
          'sop.dasar_hukum',
          'sop.kualifikasi',
          'sop.peralatan',
          'sop.peringatan',
          'sop.pencatatan',
        ]);
        expect(chat.question().questionId).toBe('review.confirm');
        const line = await until(
          () => chat.out.find((o) => o.type === 'file'),
          'the file line of the SOP',
        );
        await chat.end();
        const renja = (
          await listProcesses(t.app.database.db, { organisationId: 'kab-contoh' })
        ).find((p) => p.code === '03.01')!;
        const file = path.join(dir, 'maps', 'sop-03.01.pdf');
        expect(line).toMatchObject({
          type: 'file',
          what: 'sop-pdf',
          processId: renja.id,
          paper: 'a4',
          file,
        });
        expect((await readFile(file)).subarray(0, 5).toString()).toBe('%PDF-');
        expect(await loadSopDetails(t.app.database.db, { processId: renja.id })).toMatchObject({
          nomor: 'SOP/03.01/2027',
          disahkanOleh: null,
          pencatatan: ['Buku agenda'],
        });
      }, 120_000);
    },
  );
}
