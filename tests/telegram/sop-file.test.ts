// The SOP AP in Telegram: Rina describes the Renja process, sends /sop, answers the short
// follow-up of what the map does not hold (a wrong date refused and corrected, a wrong NIP
// refused with the jabatan and nama kept), and receives sop-03.01.pdf whose text (read back by
// pdftotext) holds the number, the signatory and every step. /sop docx sends a DOCX LibreOffice
// converts; /sop ubah changes one detail and keeps the rest; the flow's version never moves. A
// person of another unit gets the file but cannot change the details.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Person } from '../../core/model/organisation.js';
import { addPerson, listProcesses, loadSopDetails } from '../../db/index.js';
import type { DbKind } from '../support/app.js';
import { SKIP_POSTGRES } from '../support/db.js';
import { renjaTranscript } from '../support/renja.js';
import { type TelegramHarness, telegramHarness } from '../support/telegram.js';

const has = (bin: string) => {
  try {
    execFileSync('which', [bin], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
const READERS = has('pdftotext') && has('soffice');
if (!READERS) console.warn('pdftotext or soffice missing: the SOP file tests are skipped');

const work = mkdtempSync(path.join(tmpdir(), 'probis-sop-chat-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The PDF's text as pdftotext reads it, its spaces and line breaks folded. */
function pdfText(bytes: Uint8Array, name: string): string {
  const file = path.join(work, name);
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

for (const kind of ['pglite', 'postgres'] as DbKind[]) {
  describe.skipIf((kind === 'postgres' && SKIP_POSTGRES) || !READERS)(
    `the SOP AP in Telegram, on ${kind}`,
    () => {
      let h: TelegramHarness;
      beforeAll(async () => {
        h = await telegramHarness(kind);
      }, 60_000);
      afterAll(async () => h?.close());

      const renja = async () =>
        (await listProcesses(h.t.app.database.db, { organisationId: 'kab-contoh' })).find(
          (p) => p.code === '03.01',
        )!;
      const documents = (chat: number) =>
        h.fake.messages(chat).filter((m) => m.kind === 'document');

      it('the owner answers the follow-up, gets the PDF and the DOCX, and changes one detail', async () => {
        const rina = h.user(5201);
        await rina.start(await h.invite('rina'));
        await rina.tell(renjaTranscript());
        const photo = h.fake.messages(5201).find((m) => m.kind === 'photo')!;
        expect(photo.caption).toContain('SOP AP: /sop');
        const before = await renja();
        const photos = () => h.fake.messages(5201).filter((m) => m.kind === 'photo').length;
        const mapsBefore = photos();

        await rina.say('/sop');
        expect(rina.texts().at(-2)).toContain(
          'Untuk SOP AP proses 03.01 "Penyusunan Rencana Kerja"',
        );
        expect(rina.last()).toMatch(
          /^\(1\/8\) SOP 03\.01 Penyusunan Rencana Kerja — Berapa Nomor SOP-nya\?/,
        );
        await rina.say('800/12/SOP/2027');
        expect(rina.last()).toContain('(2/8)');
        await rina.say('awal tahun depan');
        expect(rina.texts().at(-2)).toBe(
          'Tanggal itu tidak saya kenali. Contoh: 2 Januari 2027 atau 2027-01-02',
        );
        await rina.say('2 Januari 2027');
        expect(rina.last()).toContain('(3/8)');
        await rina.say('Sekretaris Daerah; Drs. Budi Santoso; 1970 0101');
        expect(rina.texts().slice(-3, -1).join('\n')).toContain('NIP terdiri dari 18 angka');
        expect(rina.texts().at(-2)).toBe(
          'Yang sudah saya simpan: Sekretaris Daerah, Drs. Budi Santoso.',
        );
        expect(rina.last()).toContain('(3/8)');
        await rina.say('19700101 199003 1 002');
        expect(rina.last()).toContain('(4/8)');
        await rina.say('lewati');
        await rina.say('S1 Ekonomi\nMenguasai aplikasi SIPD');
        await rina.say('Komputer; Printer');
        await rina.say('-');
        expect(rina.last()).toContain('(8/8)');
        await rina.say('Buku agenda surat masuk');

        const pdf = documents(5201).at(-1)!;
        expect(pdf.document!.fileName).toBe('sop-03.01.pdf');
        expect(pdf.caption).toContain('DOCX (bisa disunting): /sop docx');
        expect(pdf.caption).toContain('Ubah rincian SOP: /sop ubah');
        const text = pdfText(pdf.document!.bytes, 'sop-03.01.pdf');
        expect(text).toContain('800/12/SOP/2027');
        expect(text).toContain('Sekretaris Daerah');
        expect(text).toContain('Drs. Budi Santoso');
        expect(text).toMatch(/19700101 ?199003 ?1 ?002/);
        expect(text).toContain('Komputer');
        for (const step of (await renja()).flow!.nodes.filter(
          (n) => n.kind === 'activity' || n.kind === 'decision',
        ))
          expect(text).toContain(step.name);
        // Back where she was, without the review's summary and map said again.
        expect(h.fake.lastQuestion(5201)?.text).toBe('Apakah peta ini sudah benar?');
        expect(photos()).toBe(mapsBefore);

        await rina.say('/sop docx');
        const docx = documents(5201).at(-1)!;
        expect(docx.document!.fileName).toBe('sop-03.01.docx');
        const docxFile = path.join(work, `sop-${kind}.docx`);
        writeFileSync(docxFile, docx.document!.bytes);
        execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', work, docxFile], {
          stdio: 'ignore',
          timeout: 120_000,
        });
        const converted = readFileSync(docxFile.replace(/\.docx$/, '.pdf'));
        expect(pdfText(converted, `converted-${kind}.pdf`)).toContain('800/12/SOP/2027');

        await rina.say('/sop ubah');
        expect(rina.last()).toContain('1. Nomor SOP: 800/12/SOP/2027');
        expect(rina.last()).toContain('8. Peralatan/perlengkapan: Komputer; Printer');
        await rina.say('1');
        expect(rina.last()).toContain('Sekarang: 800/12/SOP/2027');
        await rina.say('800/13/SOP/2027');
        expect(documents(5201).at(-1)!.document!.fileName).toBe('sop-03.01.pdf');
        expect(h.fake.lastQuestion(5201)?.text).toBe('Apakah peta ini sudah benar?');

        const details = await loadSopDetails(h.t.app.database.db, { processId: before.id });
        expect(details).toMatchObject({
          nomor: '800/13/SOP/2027',
          tanggalEfektif: '2027-01-02',
          disahkanOleh: {
            jabatan: 'Sekretaris Daerah',
            nama: 'Drs. Budi Santoso',
            nip: '197001011990031002',
          },
          dasarHukum: [],
          kualifikasi: ['S1 Ekonomi', 'Menguasai aplikasi SIPD'],
          peralatan: ['Komputer', 'Printer'],
          peringatan: [],
          pencatatan: ['Buku agenda surat masuk'],
        });
        expect(details!.tanggalPembuatan).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        // Stored apart from the flow: the process's version did not move.
        expect((await renja()).version).toBe(before.version);

        // With the details given, /sop just sends the file: on folio when asked.
        await rina.say('/sop f4');
        const f4 = documents(5201).at(-1)!;
        expect(f4.caption).toContain('(PDF F4)');
        const info = execFileSync('pdfinfo', [path.join(work, 'sop-03.01.pdf')], {
          encoding: 'utf8',
        });
        expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts/);
        writeFileSync(path.join(work, 'f4.pdf'), f4.document!.bytes);
        expect(execFileSync('pdfinfo', [path.join(work, 'f4.pdf')], { encoding: 'utf8' })).toMatch(
          /Page size:\s+609\.\d+ x 935\.\d+ pts/,
        );
      }, 240_000);

      it('a person of another unit gets the file but cannot change the details', async () => {
        const db = h.t.app.database.db;
        await addPerson(db, {
          organisationId: 'kab-contoh',
          person: Person.parse({
            id: 'sari',
            name: 'Sari',
            position: 'Analis Kelembagaan',
            unitId: 'bag-organisasi',
            roles: ['respondent'],
          }),
          actor: { system: 'test' },
        });
        const sari = h.user(5202);
        await sari.start(await h.invite('sari'));
        const stored = await loadSopDetails(db, { processId: (await renja()).id });

        await sari.say('/sop ubah 03.01');
        expect(sari.texts().join('\n')).toContain(
          'Rincian SOP (nomor, pengesah, peralatan, dan lainnya) diisi oleh unit pemilik proses',
        );
        expect(documents(5202).map((m) => m.document!.fileName)).toEqual(['sop-03.01.pdf']);
        expect(documents(5202)[0]!.caption).not.toContain('/sop ubah');
        // Not asked anything about the SOP: she is where she was.
        expect(sari.last()).not.toContain('SOP');
        expect(await loadSopDetails(db, { processId: (await renja()).id })).toEqual(stored);
      }, 120_000);
    },
  );
}
