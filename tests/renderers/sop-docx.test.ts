// The SOP AP as DOCX, opened by LibreOffice (headless) and printed to PDF, then read by poppler:
// it opens without errors, its table has the map's rows, pelaksana columns and mutu baku as text a
// clerk can edit, one picture per row for the drawing, and the header repeats on every page.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { numberedSteps, type Organisation, type Process } from '../../core/model/index.js';
import { emptySopDetails } from '../../core/sop/details.js';
import { crossFunctionalLanes, jointLine } from '../../renderers/dot/lanes.js';
import { waktuText } from '../../renderers/sop/content.js';
import { sopDocx } from '../../renderers/sop/index.js';
import { MARGIN } from '../../renderers/sop/pdf.js';
import { renja } from './fixtures.js';
import { fortyStepProcess } from './sop-fixtures.js';
import { docxToPdf, has, pdfLines, pdfText, readFlowPage, type FlowTable } from './sop-read.js';

const readers = has('soffice') && has('pdftotext') && has('unzip');
if (!readers) console.warn('soffice, pdftotext or unzip not found: SOP DOCX tests skipped');

async function docxOf(process: Process, org: Organisation, processes: Process[] = [process]) {
  const details = {
    ...emptySopDetails(process.id),
    nomor: '800/12/SOP/2026',
    disahkanOleh: {
      jabatan: 'Sekretaris Daerah',
      nama: 'Drs. Budi Santoso',
      nip: '197001011990031002',
    },
  };
  return sopDocx({ process, org, details, processes, today: '2026-12-05' });
}

function flowPages(pdf: Uint8Array): FlowTable[] {
  return pdfLines(pdf)
    .map((lines, i) => readFlowPage(lines, i + 1, MARGIN))
    .filter((t): t is FlowTable => t !== null);
}

function expectedOf(process: Process, org: Organisation) {
  const headers = crossFunctionalLanes(process, org).lanes.map(
    (l) =>
      l.position ?? (l.positionUnknown ? `${l.unitName} (jabatan belum diketahui)` : l.unitName),
  );
  const rows = numberedSteps(process.flow!).map(({ no, node }) => [
    no,
    [node.name, jointLine(org, node)].filter(Boolean).join(' '),
    node.waktu ? waktuText(node.waktu) : '-',
  ]);
  return { headers, rows };
}

/** How many pictures the document's body holds. */
function pictures(docx: Uint8Array): number {
  const dir = mkdtempSync(path.join(tmpdir(), 'sop-docx-'));
  const file = path.join(dir, 'sop.docx');
  writeFileSync(file, docx);
  const xml = execFileSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8' });
  return (xml.match(/<w:drawing>/g) ?? []).length;
}

describe.skipIf(!readers)('SOP DOCX opened by LibreOffice', () => {
  it('Renja: the table reads back with the map rows, columns and mutu baku; one picture per row', async () => {
    const { process, org, doc } = renja();
    const docx = await docxOf(process, org, doc.processes);
    const pdf = docxToPdf(docx);
    const text = pdfText(pdf);
    for (const t of [
      'PEMERINTAH KABUPATEN CONTOH',
      '800/12/SOP/2026',
      'NIP. 19700101 199003 1 002',
    ])
      expect(text).toContain(t);
    const want = expectedOf(process, org);
    const [table, ...more] = flowPages(pdf);
    expect(more).toEqual([]);
    expect(table!.headers).toEqual(want.headers);
    expect(table!.rows.map((r) => [r.no, r.cells.kegiatan, r.cells.waktu])).toEqual(want.rows);
    const six = table!.rows.find((r) => r.no === 6)!.cells;
    // The word processor breaks a word too long for the narrow column where it must.
    expect(six.kelengkapan.replace(/\s/g, '')).toBe('-RancanganRenja-Beritaacarapembahasan');
    expect(table!.rows.find((r) => r.no === 8)!.cells.output).toBe('Surat pengantar');
    expect(text).toMatch(/Jumlah waktu \(jalur utama\)\s+15 hari/);
    expect(pictures(docx)).toBe(8);
  }, 120_000);

  it('40 steps: every row in order over the pages, the pelaksana header on each page', async () => {
    const { process, org } = fortyStepProcess();
    const docx = await docxOf(process, org);
    const pages = flowPages(docxToPdf(docx));
    const want = expectedOf(process, org);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const p of pages) expect(p.headers).toEqual(want.headers);
    expect(
      pages.flatMap((p) => p.rows.map((r) => [r.no, r.cells.kegiatan, r.cells.waktu])),
    ).toEqual(want.rows);
    expect(pictures(docx)).toBe(40);
  }, 120_000);
});
