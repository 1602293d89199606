// The decree's draft opens in LibreOffice (headless, converted to PDF without an error) and reads
// as a Keputusan: MENIMBANG, MENGINGAT, MEMUTUSKAN, KESATU, the organisation's name, the counts of
// what the Lampiran holds, and "...." where only the legal section knows the answer.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { decreeDocx } from '../../renderers/documents/decree-docx.js';

const has = (bin: string) => {
  try {
    execFileSync('which', [bin], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
const READERS = has('soffice') && has('pdftotext');
if (!READERS) console.warn('soffice or pdftotext is missing: the decree read-back test skips');

let text = '';
beforeAll(async () => {
  if (!READERS) return;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'probis-decree-'));
  const docx = path.join(dir, 'rancangan.docx');
  writeFileSync(
    docx,
    await decreeDocx({
      organisationName: 'Pemerintah Kabupaten Contoh',
      processCount: 14,
      mappedCount: 9,
      level0Count: 3,
      paper: 'f4',
    }),
  );
  execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', dir, docx], {
    stdio: 'pipe',
    timeout: 120_000,
  });
  text = execFileSync('pdftotext', [path.join(dir, 'rancangan.pdf'), '-']).toString();
}, 150_000);

describe.skipIf(!READERS)('the decree draft (DOCX)', () => {
  it('reads as a Keputusan Sekretaris Daerah on the organisation’s Peta Proses Bisnis', () => {
    for (const word of ['Menimbang', 'Mengingat', 'MEMUTUSKAN', 'KESATU', 'KEDUA', 'KETIGA'])
      expect(text).toContain(word);
    expect(text).toContain('KEPUTUSAN SEKRETARIS DAERAH PEMERINTAH KABUPATEN CONTOH');
    expect(text).toContain('Nomor 19 Tahun 2018');
    expect(text).toContain('Nomor 35 Tahun 2012');
  });

  it('lists what the Lampiran holds with the inventory’s counts', () => {
    expect(text).toContain('Daftar Proses Bisnis (14 proses)');
    expect(text).toContain('Peta Lintas Fungsi 9 proses');
  });

  it('says in its first lines that "...." is for the legal section to fill', () => {
    expect(text.trimStart().slice(0, 200)).toContain('RANCANGAN');
    expect(text).toContain('NOMOR ....');
  });
});
