// probis export --format inventory-xlsx, as a user runs it on the Renja example: the workbook it
// says it wrote reads back (SheetJS) with the organisation's processes per level; --process is
// refused with an example of a right command; --help names the format.
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import XLSX from 'xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import { ExchangeDocument } from '../../core/model/index.js';
import { ROOT, probis } from '../support/cli.js';
import { migratedPgliteDir } from '../support/db.js';

const RENJA_FILE = path.join(ROOT, 'tests/fixtures/renja-setda.json');
const renja = ExchangeDocument.parse(JSON.parse(readFileSync(RENJA_FILE, 'utf8')));

let env: Record<string, string>;
let out: string;
beforeAll(async () => {
  env = { PROBIS_DATA_DIR: await migratedPgliteDir() };
  out = await mkdtemp(path.join(os.tmpdir(), 'probis-inventory-'));
  expect((await probis(['import', RENJA_FILE], { env })).code).toBe(0);
}, 120_000);

describe('probis export --format inventory-xlsx', () => {
  it('writes daftar-proses-<org>.xlsx into --out DIR, listing every process on its level’s sheet', async () => {
    const r = await probis(['export', '--format', 'inventory-xlsx', '--out', out], { env });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const file = path.join(out, `daftar-proses-${renja.organisation.id}.xlsx`);
    expect(r.stdout.trim().split('\n')).toEqual([
      '1 berkas ditulis / 1 file(s) written:',
      `  ${file}`,
    ]);
    const wb = XLSX.read(await readFile(file));
    const codes = (sheet: string) =>
      XLSX.utils.sheet_to_json<{ Kode: string }>(wb.Sheets[sheet]!).map((x) => x.Kode);
    expect(codes('Level 0')).toEqual(['03']);
    expect(codes('Level 1')).toEqual(['03.01']);
    expect([...codes('Level 0'), ...codes('Level 1')].sort()).toEqual(
      renja.processes.map((p) => p.code).sort(),
    );
  });

  it('writes to --out FILE.xlsx when it names one', async () => {
    const file = path.join(out, 'sub', 'inventaris.xlsx');
    const r = await probis(['export', '--format', 'inventory-xlsx', '--out', file], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(file);
    expect(XLSX.read(await readFile(file)).SheetNames[0]).toBe('Ringkasan');
  });

  it('refuses --process: the inventory lists the whole organisation', async () => {
    const r = await probis(
      ['export', '--format', 'inventory-xlsx', '--process', '03.01', '--out', out],
      { env },
    );
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain(
      'Daftar proses memuat seluruh instansi; --process tidak dipakai di sini. Contoh: probis export --format inventory-xlsx --out daftar-proses.xlsx',
    );
  });

  it('is named in probis --help', async () => {
    const r = await probis(['--help'], { env });
    expect(r.stdout).toContain('inventory-xlsx: Daftar Proses Bisnis dan bukti pengesahan');
  });
});
