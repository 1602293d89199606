// The decree's annex in a real Telegram chat (the bot polls the local fake Bot API): before any
// process is validated the coordinator's /lampiran says what is needed; after Rina's Renja process
// is approved and validated, Budi's /lampiran says the annex is being prepared, the chat goes on
// answering, and the annex PDF and the decree's draft DOCX arrive (made by the render-file job).
// Tono, a clerk, is refused with the reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbKind } from '../support/app.js';
import { SKIP_POSTGRES } from '../support/db.js';
import { renjaTranscript } from '../support/renja.js';
import { documentsHarness } from '../support/documents.js';
import type { TelegramHarness } from '../support/telegram.js';

const text = (b: Uint8Array, from: number, to: number) =>
  new TextDecoder('latin1').decode(b.slice(from, to));

for (const kind of ['pglite', 'postgres'] as DbKind[]) {
  describe.skipIf(kind === 'postgres' && SKIP_POSTGRES)(`/lampiran in Telegram, on ${kind}`, () => {
    let h: TelegramHarness;
    beforeAll(async () => {
      h = await documentsHarness(kind);
    }, 60_000);
    afterAll(async () => h?.close());

    it('a coordinator receives the annex and the decree draft once a process is validated', async () => {
      const rina = h.user(5201);
      await rina.start(await h.invite('rina'));
      await rina.tell(renjaTranscript());
      await rina.press('Sudah benar');

      const budi = h.user(5202);
      await budi.start(await h.invite('budi'));
      await budi.say('/lampiran');
      expect(budi.texts().join('\n')).toContain(
        'Belum ada proses yang divalidasi, jadi belum ada peta untuk lampiran keputusan. Validasi dulu prosesnya, misalnya /validasi 03.01.',
      );
      expect(h.fake.messages(5202).filter((m) => m.kind === 'document')).toEqual([]);

      const hana = h.user(5203);
      await hana.start(await h.invite('hana'));
      await hana.say('/setujui 03.01');
      await budi.say('/validasi 03.01');
      expect(budi.texts().join('\n')).toContain('divalidasi dan dikunci');

      await budi.say('/lampiran');
      expect(budi.texts().join('\n')).toContain(
        'Lampiran keputusan Pemerintah Kabupaten Contoh sedang disiapkan (1 peta proses yang divalidasi); berkasnya menyusul.',
      );
      // The chat answers while the files are made.
      await budi.say('/bantuan');
      expect(budi.texts().join('\n')).toContain('/lampiran — lampiran keputusan (PDF)');

      const docs = h.fake.messages(5202).filter((m) => m.kind === 'document');
      const annex = docs.find((m) => m.document!.fileName === 'lampiran-kab-contoh.pdf');
      const decree = docs.find(
        (m) => m.document!.fileName === 'rancangan-keputusan-kab-contoh.docx',
      );
      expect(annex?.caption).toMatch(/^Lampiran Keputusan Sekretaris Daerah tentang Peta Proses/);
      expect(text(annex!.document!.bytes, 0, 5)).toBe('%PDF-');
      expect(decree?.caption).toMatch(/^Rancangan Keputusan Sekretaris Daerah \(DOCX\)/);
      expect(text(decree!.document!.bytes, 0, 2)).toBe('PK');
    }, 120_000);

    it('a clerk asking for the annex is refused with the reason, and gets no file', async () => {
      const tono = h.user(5204);
      await tono.start(await h.invite('tono'));
      await tono.say('/lampiran');
      expect(tono.texts().join('\n')).toContain(
        'Hanya koordinator yang dapat mengunduh dokumen seluruh organisasi (daftar proses, lampiran keputusan).',
      );
      expect(h.fake.messages(5204).filter((m) => m.kind === 'document')).toEqual([]);
    });
  });
}
