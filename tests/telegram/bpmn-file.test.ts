// The review of a process offers its BPMN file, and /bpmn sends it: in a real Telegram chat (the
// bot polls the local fake Bot API), Rina describes the Renja process, sees the offer under the
// map's title, and receives peta-03.01.bpmn, made by a job from the draft as stored, with her
// steps as its tasks. The review goes on where it was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listProcesses } from '../../db/index.js';
import type { DbKind } from '../support/app.js';
import { SKIP_POSTGRES } from '../support/db.js';
import { renjaTranscript } from '../support/renja.js';
import { type TelegramHarness, telegramHarness } from '../support/telegram.js';

const OFFER = 'Berkas BPMN (untuk Camunda Modeler / bpmn.io): /bpmn';

for (const kind of ['pglite', 'postgres'] as DbKind[]) {
  describe.skipIf(kind === 'postgres' && SKIP_POSTGRES)(
    `the BPMN file in Telegram, on ${kind}`,
    () => {
      let h: TelegramHarness;
      beforeAll(async () => {
        h = await telegramHarness(kind);
      }, 60_000);
      afterAll(async () => h?.close());

      it('the command menu and /bantuan name /bpmn', async () => {
        expect((h.fake.commands('id') ?? []).find((c) => c.command === 'bpmn')?.description).toBe(
          'Berkas BPMN proses (Camunda Modeler)',
        );
        const sari = h.user(4101);
        await sari.start(await h.invite('rina'));
        await sari.say('/bantuan');
        expect(sari.texts().join('\n')).toContain(
          '/bpmn — berkas BPMN proses (untuk Camunda Modeler / bpmn.io)',
        );
      });

      it('the review offers the BPMN file, and /bpmn sends peta-03.01.bpmn with the steps as tasks', async () => {
        const rina = h.user(4102);
        await rina.start(await h.invite('rina'));
        await rina.tell(renjaTranscript());
        const photo = h.fake.messages(4102).find((m) => m.kind === 'photo')!;
        expect(photo.caption!.split('\n')[0]).toMatch(
          /^Draf peta: 03\.01 Penyusunan Rencana Kerja/,
        );
        expect(photo.caption).toContain(OFFER);

        await rina.say('/bpmn');

        const files = h.fake.messages(4102).filter((m) => m.kind === 'document');
        const bpmn = files.find((m) => m.document!.fileName.endsWith('.bpmn'));
        expect(bpmn?.document!.fileName).toBe('peta-03.01.bpmn');
        expect(bpmn!.caption).toBe(
          'Berkas BPMN peta 03.01 Penyusunan Rencana Kerja: buka di Camunda Modeler atau bpmn.io untuk melihat dan menyunting alurnya.',
        );
        const xml = new TextDecoder().decode(bpmn!.document!.bytes);
        expect(xml).toMatch(/^<\?xml/);
        const draft = (
          await listProcesses(h.t.app.database.db, { organisationId: 'kab-contoh' })
        ).find((p) => p.code === '03.01')!;
        const tasks = draft.flow!.nodes.filter((n) => n.kind === 'activity').map((n) => n.name);
        expect(tasks.length).toBeGreaterThan(3);
        expect(xml).toContain('<bpmn:task id=');
        for (const name of tasks) expect(xml).toContain(`name="${name}"`);

        // The review goes on where it was.
        expect(h.fake.lastQuestion(4102)?.text).toBe('Apakah peta ini sudah benar?');
        await rina.press('Sudah benar');
        expect(rina.texts().join('\n')).toContain('Proses "Penyusunan Rencana Kerja" dikirim');
      }, 60_000);

      it('/bpmn with no process open says what it is for', async () => {
        const budi = h.user(4103);
        await budi.start(await h.invite('budi'));
        await budi.say('/bpmn');
        // Refused, and the question he is on asked again.
        expect(budi.texts().slice(-2)).toEqual([
          'Perintah ini dipakai saat memetakan sebuah proses.',
          'Selamat datang, Budi. Proses apa yang ingin Anda petakan?',
        ]);
        expect(h.fake.messages(4103).filter((m) => m.kind === 'document')).toEqual([]);
      });
    },
  );
}
