// The process inventory in a real Telegram chat (the bot polls the local fake Bot API), after a
// real round of the Renja process: Rina describes it and submits it, Budi (Bagian Organisasi, also
// the coordinator) agrees the handoff his unit receives, Hana (head of Rina's Bagian) approves it
// and Budi validates it. Budi's /inventaris receives daftar-proses-kab-contoh.xlsx, made by the
// render-file job; read back with SheetJS (a second reader), its sheets list the processes per
// level and its evidence names each person and when. Tono, a clerk, is refused with who can.
import * as XLSX from 'xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbKind } from '../support/app.js';
import { SKIP_POSTGRES } from '../support/db.js';
import { renjaTranscript } from '../support/renja.js';
import { documentsHarness } from '../support/documents.js';
import type { TelegramHarness } from '../support/telegram.js';

const RINA = 'Rina (Kasubbag Perencanaan, Bagian Perencanaan dan Keuangan)';
const BUDI = 'Budi (Kasubbag Kelembagaan, Bagian Organisasi)';
const HANA = 'Hana (Kepala Bagian Perencanaan dan Keuangan, Bagian Perencanaan dan Keuangan)';

type Row = Record<string, string | number | Date>;

for (const kind of ['pglite', 'postgres'] as DbKind[]) {
  describe.skipIf(kind === 'postgres' && SKIP_POSTGRES)(
    `/inventaris in Telegram, on ${kind}`,
    () => {
      let h: TelegramHarness;
      beforeAll(async () => {
        h = await documentsHarness(kind);
      }, 60_000);
      afterAll(async () => h?.close());

      it('a described, agreed, approved and validated process is in the workbook with its evidence', async () => {
        const began = Date.now() - 1000;
        const rina = h.user(5101);
        await rina.start(await h.invite('rina'));
        await rina.tell(renjaTranscript());
        await rina.press('Sudah benar');

        const budi = h.user(5102);
        await budi.start(await h.invite('budi'));
        await budi.say('/serahterima');
        // The note Rina's map says Bagian Organisasi receives: agreed.
        await budi.press('Ya, benar');
        await budi.press('Belum ada prosesnya');
        // What Rina's map says Bagian Organisasi sends back: disputed, then upheld as coordinator.
        await budi.press('Tidak');
        await budi.say('Usulan kami kirim ke Bagian Umum, bukan langsung');
        await budi.say('/sengketa');
        await budi.press('Tetap berlaku');

        const hana = h.user(5103);
        await hana.start(await h.invite('hana'));
        await hana.say('/setujui 03.01');
        await budi.say('/validasi 03.01');
        expect(budi.texts().join('\n')).toContain('divalidasi dan dikunci');

        await budi.say('/inventaris');
        const ended = Date.now() + 1000;
        const doc = h.fake.messages(5102).find((m) => m.kind === 'document');
        expect(doc?.document!.fileName).toBe('daftar-proses-kab-contoh.xlsx');
        expect(doc!.caption).toMatch(
          /^Daftar Proses Bisnis Pemerintah Kabupaten Contoh: 2 proses \(Level 0–1\)/,
        );

        const wb = XLSX.read(doc!.document!.bytes, { cellDates: true });
        expect(wb.SheetNames).toEqual(['Ringkasan', 'Level 0', 'Level 1', 'Bukti Pengesahan']);
        const rows = (name: string) => XLSX.utils.sheet_to_json<Row>(wb.Sheets[name]!);
        expect(rows('Level 0')).toEqual([
          expect.objectContaining({
            Kode: '03',
            Level: 0,
            'Nama Proses': 'Perencanaan dan Penganggaran',
            Kategori: 'Proses Manajemen',
            'Unit Pemilik': 'Bagian Perencanaan dan Keuangan',
            Status: 'Draf',
            'Jumlah Langkah': 0,
          }),
        ]);
        expect(rows('Level 1')).toEqual([
          {
            Kode: '03.01',
            Level: 1,
            'Nama Proses': 'Penyusunan Rencana Kerja',
            Kategori: 'Proses Manajemen',
            'Unit Pemilik': 'Bagian Perencanaan dan Keuangan',
            Status: 'Divalidasi',
            Versi: expect.any(Number),
            'Jumlah Langkah': 8,
            // Agreed: the note Budi confirmed and the proposal he disputed but the coordinator upheld.
            'Serah Terima Disepakati': 2,
            // Open: what Bappeda sends and receives (3) and Sekretariat Daerah's part (3): nobody
            // of those units has answered.
            'Serah Terima Terbuka': 6,
            'Serah Terima Dibantah': 0,
          },
        ]);

        // Each person and time of the evidence, as the coordinator shows it.
        const evidence = rows('Bukti Pengesahan');
        const event = (what: RegExp) => {
          const e = evidence.find((r) => what.test(String(r['Peristiwa'])));
          expect(e, String(what)).toBeDefined();
          const at = e!['Waktu (WIB)'];
          expect(at).toBeInstanceOf(Date);
          // Written as the Asia/Jakarta wall clock (UTC+7).
          const instant = (at as Date).getTime() - 7 * 3600_000;
          expect(instant).toBeGreaterThanOrEqual(began);
          expect(instant).toBeLessThanOrEqual(ended);
          return { who: e!['Oleh'], note: e!['Catatan'], instant };
        };
        const described = event(
          /^Menguraikan proses: simpanan pertama \(\d+ simpanan, 1 mengubah alur langkah\)$/,
        );
        expect(described.who).toBe(RINA);
        expect(event(/^Menyepakati serah terima .*Nota dinas permintaan usulan$/).who).toBe(BUDI);
        const disputed = event(/^Membantah serah terima Bagian Organisasi → .*: Usulan program$/);
        expect(disputed).toMatchObject({
          who: BUDI,
          note: 'Usulan kami kirim ke Bagian Umum, bukan langsung',
        });
        const upheld = event(/^Memutuskan sengketa: serah terima tetap berlaku .*Usulan program/);
        expect(upheld.who).toBe(BUDI);
        const submitted = event(/^Mengajukan versi \d+$/);
        const approved = event(/^Menyetujui versi \d+$/);
        const validated = event(/^Memvalidasi versi \d+$/);
        expect([submitted.who, approved.who, validated.who]).toEqual([RINA, HANA, BUDI]);
        expect(submitted.instant).toBeLessThanOrEqual(approved.instant);
        expect(approved.instant).toBeLessThanOrEqual(validated.instant);
        expect(disputed.instant).toBeLessThanOrEqual(upheld.instant);
        // What nobody answered yet is said too, with no one and no time.
        expect(evidence).toContainEqual(
          expect.objectContaining({
            Peristiwa:
              'Belum dijawab Bappeda: serah terima Bagian Perencanaan dan Keuangan → Bappeda: Renja Setda (ditetapkan)',
            Oleh: '-',
          }),
        );
      }, 90_000);

      it('a clerk asking for the inventory is told who can, and gets no file', async () => {
        const tono = h.user(5104);
        await tono.start(await h.invite('tono'));
        await tono.say('/inventaris');
        expect(tono.texts()).toContain(
          'Hanya koordinator yang dapat mengunduh dokumen seluruh organisasi (daftar proses, lampiran keputusan). Silakan minta kepada Budi (Kasubbag Kelembagaan).',
        );
        expect(h.fake.messages(5104).filter((m) => m.kind === 'document')).toEqual([]);
      });

      it('the command menu and /bantuan name /inventaris', async () => {
        expect(
          (h.fake.commands('id') ?? []).find((c) => c.command === 'inventaris')?.description,
        ).toBe('Daftar Proses Bisnis, XLSX (koordinator)');
        const budi = h.user(5105);
        await budi.start(await h.invite('budi'));
        await budi.say('/bantuan');
        expect(budi.texts().join('\n')).toContain(
          '/inventaris — Daftar Proses Bisnis (XLSX) dengan bukti pengesahan (koordinator)',
        );
      });
    },
  );
}
