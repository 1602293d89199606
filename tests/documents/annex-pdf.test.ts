// The decree's annex of the Renja organisation with its process validated, read back by pdftotext
// (a reader other than pdfkit): the cover, a Daftar Isi whose page numbers point at the pages
// where each heading is, every row of the Daftar Proses Bisnis, the map, and the names of the
// Bukti Pengesahan.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evidenceEvents, ratificationEvidence } from '../../core/documents/evidence.js';
import { inventoryRows } from '../../core/documents/inventory.js';
import { ExchangeDocument } from '../../core/model/index.js';
import { createRenderer, type Renderer } from '../../renderers/index.js';
import { type AnnexModel, annexPdf } from '../../renderers/documents/annex-pdf.js';

const has = (bin: string) => {
  try {
    execFileSync('which', [bin], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
const POPPLER = has('pdftotext');
if (!POPPLER) console.warn('pdftotext (poppler-utils) is missing: the annex read-back tests skip');

const doc = ExchangeDocument.parse(
  JSON.parse(readFileSync(path.join(__dirname, '../fixtures/renja-setda.json'), 'utf8')),
);
const org = doc.organisation;
const processes = doc.processes.map((p) =>
  p.code === '03.01' ? { ...p, status: 'validated' as const } : p,
);
const renja = processes.find((p) => p.code === '03.01')!;
const at = (d: string) => `2026-11-${d}T03:00:00.000Z`;
const reviews = [
  {
    processId: renja.id,
    kind: 'submitted' as const,
    version: 1,
    byPersonId: 'rina',
    at: at('02'),
    comment: null,
  },
  {
    processId: renja.id,
    kind: 'approved' as const,
    version: 1,
    byPersonId: 'budi',
    at: at('03'),
    comment: null,
  },
  {
    processId: renja.id,
    kind: 'validated' as const,
    version: 1,
    byPersonId: 'budi',
    at: at('04'),
    comment: null,
  },
];
const audit = [
  {
    at: at('01'),
    actor: { personId: 'rina' },
    entityType: 'process',
    entityId: renja.id,
    action: 'update',
    flowChanged: true,
  },
];

let renderer: Renderer;
let text: string;
let file: string;
const pageText = (n: number) =>
  execFileSync('pdftotext', ['-layout', '-f', String(n), '-l', String(n), file, '-']).toString();

beforeAll(async () => {
  renderer = createRenderer();
  const model: AnnexModel = {
    organisation: org,
    processes,
    rows: inventoryRows({ organisation: org, processes, reviews }),
    mapped: [renja],
    evidence: evidenceEvents(
      ratificationEvidence({ organisation: org, processes: [renja], reviews, audit }),
    ),
  };
  const bytes = await annexPdf(model, renderer);
  file = path.join(mkdtempSync(path.join(os.tmpdir(), 'probis-annex-')), 'lampiran.pdf');
  writeFileSync(file, bytes);
  if (POPPLER) text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
}, 120_000);
afterAll(() => renderer.close());

describe.skipIf(!POPPLER)('the decree annex (PDF)', () => {
  it('opens with the cover naming the decree and the organisation', () => {
    const cover = pageText(1);
    expect(cover).toContain('LAMPIRAN');
    expect(cover).toContain('KEPUTUSAN SEKRETARIS DAERAH PEMERINTAH KABUPATEN CONTOH');
    expect(cover).toContain('PETA PROSES BISNIS PEMERINTAH KABUPATEN CONTOH');
  });

  it('has a Daftar Isi whose every page number is the page its heading is on', () => {
    const toc = pageText(2);
    expect(toc).toContain('DAFTAR ISI');
    const entries = [...toc.matchAll(/^\s*(.+?)\s{2,}(\d+)\s*$/gm)].map((m) => ({
      title: m[1]!.trim(),
      page: Number(m[2]),
    }));
    expect(entries.map((e) => e.title)).toEqual([
      'I. Peta Proses Bisnis Level 0',
      'II. Daftar Proses Bisnis',
      'III. Peta Relasi Antarunit',
      'IV. Peta Lintas Fungsi Proses',
      expect.stringContaining('Penyusunan Rencana Kerja'),
      'V. Bukti Pengesahan',
    ]);
    const upper = (t: string) => t.toUpperCase().replace(/^IV\. .*/, 'IV.');
    for (const e of entries.filter((x) => /^[IV]+\. /.test(x.title) && !x.title.startsWith('IV')))
      expect(pageText(e.page)).toContain(upper(e.title));
    const map = entries.find((e) => e.title.includes('Penyusunan Rencana Kerja'))!;
    expect(pageText(map.page)).toContain('Penyusunan Rencana Kerja');
    expect(entries.find((e) => e.title.startsWith('IV'))!.page).toBe(map.page);
  });

  it('lists every process of the inventory, numbered, with its code and status', () => {
    // Read in reading order (a cell's wrapped lines together), whitespace joined.
    const table = execFileSync('pdftotext', ['-f', '4', '-l', '4', file, '-'])
      .toString()
      .replace(/\s+/g, ' ');
    expect(table).toContain('II. DAFTAR PROSES BISNIS');
    for (const p of processes) {
      expect(table).toContain(p.name);
      expect(table).toContain(p.code);
    }
    expect(table).toContain('Divalidasi');
    expect(table).toContain('Draf');
  });

  it('names who described, approved and validated the process, and when', () => {
    const appendix = text.slice(text.lastIndexOf('V. BUKTI PENGESAHAN'));
    expect(appendix).toContain('Rina');
    expect(appendix).toContain('Budi');
    expect(appendix).toContain('2026-11-04');
  });

  it('numbers every page after the cover in its footer', () => {
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file]).toString())![1]);
    for (let n = 2; n <= pages; n++) expect(pageText(n)).toContain(`Halaman ${n}`);
  });
});
