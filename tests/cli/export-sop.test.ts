// probis export --format sop-pdf|sop-docx and probis sop, as a user runs them on the Renja
// example: the details set from the terminal (with the chat's parsers) appear in the SOP the
// export writes, on A4 or on folio, and a wrong value is refused with an example, nothing saved.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ExchangeDocument, isStep } from '../../core/model/index.js';
import { ROOT, probis } from '../support/cli.js';
import { migratedPgliteDir } from '../support/db.js';

const has = (bin: string) => {
  try {
    execFileSync('which', [bin], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
const POPPLER = has('pdftotext') && has('pdfinfo');
if (!POPPLER) console.warn('pdftotext or pdfinfo missing: the SOP export tests are skipped');

const RENJA_FILE = path.join(ROOT, 'tests/fixtures/renja-setda.json');
const renja = ExchangeDocument.parse(JSON.parse(readFileSync(RENJA_FILE, 'utf8')));
const steps = renja.processes
  .find((p) => p.code === '03.01')!
  .flow!.nodes.filter(isStep)
  .map((n) => n.name);

function written(stdout: string): string[] {
  const [head, ...lines] = stdout.trim().split('\n');
  expect(head).toMatch(/^\d+ berkas ditulis \/ \d+ file\(s\) written:$/);
  return lines.map((l) => l.trim());
}

const pdfText = (file: string) =>
  execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
const pageSize = (file: string) =>
  /Page size:\s+([\d.]+) x ([\d.]+) pts/
    .exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))!
    .slice(1)
    .map((x) => Math.round(Number(x)));

let env: Record<string, string>;
let out: string;
beforeAll(async () => {
  env = { PROBIS_DATA_DIR: await migratedPgliteDir() };
  out = await mkdtemp(path.join(os.tmpdir(), 'probis-export-sop-'));
  expect((await probis(['import', RENJA_FILE], { env })).code).toBe(0);
}, 120_000);

describe.skipIf(!POPPLER)('probis sop and probis export --format sop-pdf|sop-docx', () => {
  it('probis sop --set stores the details with the chat parsers and prints them numbered', async () => {
    const r = await probis(
      [
        'sop',
        '--process',
        '03.01',
        '--set',
        'nomor=800/12/SOP/2027',
        '--set',
        'efektif=2 Januari 2027',
        '--set',
        'pengesah=Sekretaris Daerah; Drs. Budi Santoso; 19700101 199003 1 002',
        '--set',
        'peralatan=Komputer; Printer',
      ],
      { env },
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('SOP 03.01 Penyusunan Rencana Kerja');
    expect(r.stdout).toContain('1. Nomor SOP: 800/12/SOP/2027');
    expect(r.stdout).toContain('4. Tanggal efektif: 2 Januari 2027');
    expect(r.stdout).toContain(
      '5. Disahkan oleh: Sekretaris Daerah, Drs. Budi Santoso, NIP 19700101 199003 1 002',
    );
    expect(r.stdout).toContain('8. Peralatan/perlengkapan: Komputer; Printer');
  }, 60_000);

  it('a wrong NIP is refused with an example and nothing is saved', async () => {
    const r = await probis(
      ['sop', '--process', '03.01', '--set', 'nomor=X/1', '--set', 'pengesah=Sekda; Budi; 123'],
      { env },
    );
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('NIP terdiri dari 18 angka, misalnya 19700101 199003 1 002');
    const shown = await probis(['sop', '--process', '03.01'], { env });
    expect(shown.stdout).toContain('1. Nomor SOP: 800/12/SOP/2027');
  }, 60_000);

  it('--format sop-pdf --process 03.01 writes an A4 PDF with the details and every step', async () => {
    const r = await probis(
      ['export', '--format', 'sop-pdf', '--process', '03.01', '--out', path.join(out, 'a4')],
      { env },
    );
    expect(r.code).toBe(0);
    const files = written(r.stdout);
    expect(files).toEqual([path.join(out, 'a4', 'sop-03.01.pdf')]);
    expect(pageSize(files[0]!)).toEqual([595, 842]);
    const text = pdfText(files[0]!);
    for (const s of ['800/12/SOP/2027', 'Sekretaris Daerah', 'Drs. Budi Santoso', 'Komputer'])
      expect(text).toContain(s);
    for (const s of steps) expect(text).toContain(s);
  }, 60_000);

  it('--paper f4 writes folio (215 x 330 mm), --out a file name, and a wrong paper is refused', async () => {
    const file = path.join(out, 'folio', 'renja.pdf');
    const r = await probis(
      ['export', '--format', 'sop-pdf', '--process', '03.01', '--paper', 'f4', '--out', file],
      { env },
    );
    expect(r.code).toBe(0);
    expect(written(r.stdout)).toEqual([file]);
    expect(pageSize(file)).toEqual([609, 935]);
    const bad = await probis(['export', '--format', 'sop-pdf', '--paper', 'letter'], { env });
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('Kertas "letter" tidak dikenal; pilih a4 atau f4 (folio)');
  }, 60_000);

  it('--format sop-docx without --process writes one DOCX per process with a flow', async () => {
    const r = await probis(['export', '--format', 'sop-docx', '--out', path.join(out, 'docx')], {
      env,
    });
    expect(r.code).toBe(0);
    const files = written(r.stdout);
    const withFlow = renja.processes.filter((p) => p.flow).map((p) => p.code);
    expect(files.map((f) => path.basename(f)).sort()).toEqual(
      withFlow.map((c) => `sop-${c}.docx`).sort(),
    );
    // A DOCX is a ZIP (that LibreOffice converts it is tested in tests/telegram/sop-file.test.ts).
    const bytes = readFileSync(files.find((f) => f.endsWith('sop-03.01.docx'))!);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
  }, 60_000);
});
