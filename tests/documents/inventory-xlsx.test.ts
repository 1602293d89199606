// The inventory workbook as a reader other than its writer sees it (SheetJS), and as LibreOffice
// opens it: a sheet per level with every process's row, a summary, the evidence sheet, headers
// bold, frozen and filtered, printed A4 landscape with the header repeated; and a process whose
// name starts like a formula stays the text the clerk wrote.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { inventoryRows } from '../../core/documents/inventory.js';
import { emptyProcess, type Process } from '../../core/model/index.js';
import { inventoryXlsx } from '../../renderers/documents/inventory-xlsx.js';
import { renjaDocument } from '../support/scenario.js';

const renja = renjaDocument();
const org = renja.organisation;

/** A process under `parent` owned by Bagian Organisasi, with nothing described yet. */
function named(id: string, code: string, name: string, parentId: string | null): Process {
  return emptyProcess({
    id,
    code,
    name,
    category: 'pendukung',
    parentId,
    ownerUnitId: 'bag-organisasi',
  });
}

const processes: Process[] = [
  ...renja.processes,
  named('p-04', '04', '+62 812', null),
  named('p-04-01', '04.01', '=SUM(A1)', 'p-04'),
  named('p-04-01-01', '04.01.01', '@x', 'p-04-01'),
  named('p-10', '10', '-', null),
];

const hasSoffice = (() => {
  try {
    execFileSync('which', ['soffice']);
    return true;
  } catch {
    return false;
  }
})();

async function workbook() {
  const rows = inventoryRows({ organisation: org, processes, reviews: [] });
  const bytes = await inventoryXlsx({
    organisation: { name: org.name, codePrefix: 'SETDA' },
    rows,
    evidence: [
      {
        code: '03.01',
        processName: 'Penyusunan Rencana Kerja',
        what: 'Menyetujui versi 4',
        who: 'Budi (Kasubbag Kelembagaan, Bagian Organisasi)',
        at: '2026-11-24T02:00:00.000Z',
        note: '=HYPERLINK("http://x")',
      },
    ],
    dataAt: '2026-11-24T02:00:00.000Z',
  });
  return { bytes, rows };
}

type Row = Record<string, unknown>;

describe('the inventory workbook read back by SheetJS', () => {
  it('has a summary, a sheet per level in code order, and the evidence', async () => {
    const { bytes } = await workbook();
    const wb = XLSX.read(bytes, { cellDates: true });
    expect(wb.SheetNames).toEqual([
      'Ringkasan',
      'Level 0',
      'Level 1',
      'Level 2',
      'Bukti Pengesahan',
    ]);
    const rows = (name: string) => XLSX.utils.sheet_to_json<Row>(wb.Sheets[name]!);
    expect(rows('Level 0').map((r) => [r['Kode'], r['Nama Proses'], r['Level']])).toEqual([
      ['SETDA.03', 'Perencanaan dan Penganggaran', 0],
      ['SETDA.04', '+62 812', 0],
      ['SETDA.10', '-', 0],
    ]);
    expect(rows('Level 1').map((r) => [r['Kode'], r['Nama Proses']])).toEqual([
      ['SETDA.03.01', 'Penyusunan Rencana Kerja'],
      ['SETDA.04.01', '=SUM(A1)'],
    ]);
    expect(rows('Level 2')).toEqual([
      {
        Kode: 'SETDA.04.01.01',
        Level: 2,
        'Nama Proses': '@x',
        Kategori: 'Proses Pendukung',
        'Unit Pemilik': 'Bagian Organisasi',
        Status: 'Draf',
        Versi: 0,
        'Jumlah Langkah': 0,
        'Serah Terima Disepakati': 0,
        'Serah Terima Terbuka': 0,
        'Serah Terima Dibantah': 0,
      },
    ]);
    const renjaRow = rows('Level 1')[0]!;
    // The Renja map: 8 numbered steps; its handoffs with Bappeda, Bagian Organisasi and
    // Sekretariat Daerah, none answered in the fixture.
    expect(renjaRow).toMatchObject({ 'Jumlah Langkah': 8, 'Serah Terima Disepakati': 0 });
    expect(renjaRow['Serah Terima Terbuka']).toBeGreaterThan(0);

    expect(rows('Bukti Pengesahan')).toEqual([
      {
        Kode: 'SETDA.03.01',
        'Nama Proses': 'Penyusunan Rencana Kerja',
        Peristiwa: 'Menyetujui versi 4',
        Oleh: 'Budi (Kasubbag Kelembagaan, Bagian Organisasi)',
        // 02:00 UTC is 09:00 in Jakarta.
        'Waktu (WIB)': new Date('2026-11-24T09:00:00.000Z'),
        Catatan: '=HYPERLINK("http://x")',
      },
    ]);
  });

  it('counts per category and status on the summary sheet', async () => {
    const { bytes } = await workbook();
    const wb = XLSX.read(bytes);
    const grid = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['Ringkasan']!, { header: 1 });
    const header = grid.find((r) => r[0] === 'Kategori')!;
    expect(header).toEqual([
      'Kategori',
      'Draf',
      'Diajukan',
      'Disetujui',
      'Divalidasi',
      'Ditetapkan',
      'Jumlah',
    ]);
    const line = (label: string) => grid.find((r) => r[0] === label);
    expect(line('Proses Manajemen')).toEqual(['Proses Manajemen', 2, 0, 0, 0, 0, 2]);
    expect(line('Proses Pendukung')).toEqual(['Proses Pendukung', 4, 0, 0, 0, 0, 4]);
    expect(line('Proses Inti')).toEqual(['Proses Inti', 0, 0, 0, 0, 0, 0]);
    expect(line('Jumlah')).toEqual(['Jumlah', 6, 0, 0, 0, 0, 6]);
    expect(grid.find((r) => r[0] === 'Level 2')).toEqual(['Level 2', 1]);
  });

  it('keeps names that start like formulas as text: no cell holds a formula', async () => {
    const { bytes } = await workbook();
    const wb = XLSX.read(bytes, { cellFormula: true });
    const cells = wb.SheetNames.flatMap((name) =>
      Object.entries(wb.Sheets[name]!)
        .filter(([ref]) => !ref.startsWith('!'))
        .map(([ref, c]) => ({ name, ref, c: c as XLSX.CellObject })),
    );
    expect(cells.filter((x) => x.c.f !== undefined)).toEqual([]);
    for (const text of ['=SUM(A1)', '+62 812', '-', '@x', '=HYPERLINK("http://x")']) {
      const found = cells.filter((x) => x.c.v === text);
      expect(found.length, text).toBeGreaterThan(0);
      for (const x of found) expect(x.c.t, `${text} in ${x.name}!${x.ref}`).toBe('s');
    }
  });

  it('headers are bold, frozen and filtered, printed A4 landscape with the header on every page', async () => {
    const { bytes } = await workbook();
    const wb = XLSX.read(bytes, { cellStyles: true });
    const level1 = wb.Sheets['Level 1']!;
    expect(level1['!autofilter']?.ref).toBe('A1:K3');
    // What SheetJS does not read, the sheet's XML says.
    const xml = sheetXml(bytes, 2);
    expect(xml).toMatch(/<pane [^>]*ySplit="1"[^>]*state="frozen"/);
    expect(xml).toMatch(/<pageSetup [^>]*paperSize="9"[^>]*orientation="landscape"/);
    expect(xml).toMatch(/<pageSetUpPr [^>]*fitToPage="1"/);
    const names = (wb.Workbook?.Names ?? []).filter((n) => n.Name === '_xlnm.Print_Titles');
    expect(names.map((n) => n.Ref)).toContain("'Level 1'!$1:$1");
    expect(headerIsBold(bytes, 2)).toBe(true);
  });

  it.skipIf(!hasSoffice)(
    'LibreOffice opens it and prints every sheet with the names as written',
    async () => {
      const { bytes } = await workbook();
      const dir = mkdtempSync(path.join(tmpdir(), 'probis-inventory-'));
      const file = path.join(dir, 'daftar-proses.xlsx');
      writeFileSync(file, bytes);
      execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', dir, file], {
        stdio: 'pipe',
        timeout: 120_000,
      });
      const text = execFileSync(
        'pdftotext',
        ['-layout', path.join(dir, 'daftar-proses.pdf'), '-'],
        {
          encoding: 'utf8',
        },
      );
      for (const s of [
        'Ringkasan',
        'Penyusunan Rencana Kerja',
        '=SUM(A1)',
        '+62 812',
        '@x',
        'Menyetujui versi 4',
      ])
        expect(text, s).toContain(s);
      expect(text).toContain('2026-11-24 09:00');
    },
    150_000,
  );
});

/** A file of the workbook's zip, as text. */
function zipText(bytes: Uint8Array, name: string): string {
  const zip = XLSX.CFB.read(bytes, { type: 'buffer' });
  const i = zip.FullPaths.findIndex((p: string) => p.endsWith(`/${name}`));
  expect(i, name).toBeGreaterThanOrEqual(0);
  return Buffer.from(zip.FileIndex[i]!.content as Uint8Array).toString('utf8');
}

/** The XML of the n-th worksheet (1-based). */
function sheetXml(bytes: Uint8Array, n: number): string {
  return zipText(bytes, `xl/worksheets/sheet${n}.xml`);
}

/**
 * Whether the n-th sheet's A1 is bold and its A2 is not, read from the styles the cells name
 * (SheetJS's community build does not read fonts).
 */
function headerIsBold(bytes: Uint8Array, n: number): boolean {
  const sheet = sheetXml(bytes, n);
  const styles = zipText(bytes, 'xl/styles.xml');
  const xfs = [...styles.split('<cellXfs')[1]!.matchAll(/<xf [^>]*fontId="(\d+)"/g)].map((m) =>
    Number(m[1]),
  );
  const fonts = styles.split('<fonts')[1]!.split('</fonts>')[0]!.split('<font>').slice(1);
  const bold = (ref: string) => {
    const s = Number(new RegExp(`<c r="${ref}"[^>]* s="(\\d+)"`).exec(sheet)?.[1] ?? 0);
    return fonts[xfs[s]!]!.includes('<b/>');
  };
  return bold('A1') && !bold('A2');
}
