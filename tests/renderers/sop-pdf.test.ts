// The SOP AP as PDF, read back by poppler (another reader than pdfkit, which wrote it): its rows,
// pelaksana columns and mutu baku are the map's, its symbols sit in their performers' columns,
// a long process runs over pages with connectors that name their page, on A4 and F4.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ExchangeDocument,
  numberedSteps,
  type Organisation,
  type Process,
} from '../../core/model/index.js';
import { PROCEDURES_DOCUMENT } from '../support/procedures.js';
import { emptySopDetails } from '../../core/sop/details.js';
import { crossFunctionalLanes, jointLine } from '../../renderers/dot/lanes.js';
import { sopPdf } from '../../renderers/sop/index.js';
import { MARGIN } from '../../renderers/sop/pdf.js';
import { waktuText } from '../../renderers/sop/content.js';
import { renja } from './fixtures.js';
import { permitProcess } from './outcomes-fixture.js';
import { fortyStepProcess } from './sop-fixtures.js';
import { has, pdfInfo, pdfLines, pdfText, readFlowPage, type FlowTable } from './sop-read.js';

const readers = has('pdftotext') && has('pdfinfo');
if (!readers) console.warn('pdftotext/pdfinfo (poppler-utils) not found: SOP PDF tests skipped');

const TODAY = '2026-12-05';

async function pdfOf(process: Process, org: Organisation, processes: Process[] = [process]) {
  const details = {
    ...emptySopDetails(process.id),
    nomor: '800/12/SOP/2026',
    tanggalEfektif: '2027-01-02',
    disahkanOleh: {
      jabatan: 'Sekretaris Daerah',
      nama: 'Drs. Budi Santoso',
      nip: '197001011990031002',
    },
    peralatan: ['Komputer', 'Printer'],
  };
  return sopPdf({ process, org, details, processes, today: TODAY }, 'a4');
}

/** Every flowchart page read back, pages 2.. (page 1 is the identity block). */
function tables(pdf: Uint8Array): FlowTable[] {
  return pdfLines(pdf)
    .map((lines, i) => readFlowPage(lines, i + 1, MARGIN))
    .filter((t): t is FlowTable => t !== null);
}

/** What the map says each column header and row must read. */
function expected(process: Process, org: Organisation) {
  const { lanes } = crossFunctionalLanes(process, org);
  const headers = lanes.map(
    (l) =>
      l.position ?? (l.positionUnknown ? `${l.unitName} (jabatan belum diketahui)` : l.unitName),
  );
  const rows = numberedSteps(process.flow!).map(({ no, node }) => ({
    no,
    kegiatan: [node.name, jointLine(org, node)].filter(Boolean).join(' '),
    waktu: node.waktu ? waktuText(node.waktu) : '-',
    lanes: [node.performer, ...node.coPerformers].map((p) =>
      lanes.findIndex(
        (l) => l.unitId === p!.unitId && (l.position === p!.position || !l.key.includes('|')),
      ),
    ),
  }));
  return { headers, rows };
}

describe.skipIf(!readers)('SOP PDF read back', () => {
  it('Renja: rows, pelaksana columns and mutu baku are the map exactly', async () => {
    const { process, org, doc } = renja();
    const pdf = await pdfOf(process, org, doc.processes);
    const [table, ...more] = tables(pdf);
    expect(more).toEqual([]);
    const want = expected(process, org);
    // Bappeda supplies the circular and receives the Renja: its lane comes first, as on the map.
    expect(table!.headers).toEqual(want.headers);
    expect(table!.headers).toEqual([
      'Bappeda',
      'Kasubbag Perencanaan',
      'Analis Perencanaan',
      'Kepala Bagian',
      'Kasubbag Kelembagaan',
      'Sekretaris Daerah',
    ]);
    expect(table!.rows.map((r) => [r.no, r.cells.kegiatan, r.cells.waktu])).toEqual(
      want.rows.map((r) => [r.no, r.kegiatan, r.waktu]),
    );
    const byNo = new Map(table!.rows.map((r) => [r.no, r.cells]));
    // The SIPOC inputs are not needed: the first step has its own kelengkapan.
    expect(byNo.get(1)).toEqual({
      kegiatan: 'Menerima surat edaran penyusunan Renja',
      kelengkapan: 'Surat edaran Bappeda',
      waktu: '1 hari',
      output: 'Disposisi',
      keterangan: '-',
    });
    expect(byNo.get(3)!.kelengkapan).toBe('- Nota dinas - Renstra');
    expect(byNo.get(3)!.keterangan).toBe('Dilakukan oleh setiap bagian');
    expect(byNo.get(6)!.kelengkapan).toBe('- Rancangan Renja - Berita acara pembahasan');
    // The total row: 1+1+5+3+1+2+1+1 hari along the main path; the loop back is not counted.
    const text = pdfText(pdf);
    expect(text).toMatch(/Jumlah waktu \(jalur utama\)\s+15 hari/);
    expect(text).not.toContain('jalur terpanjang)');
  });

  it('Renja: the identity block says who ratifies, the legal basis and "-" where nothing is given', async () => {
    const { process, org, doc } = renja();
    const text = pdfText(await pdfOf(process, org, doc.processes)).split('\f')[0]!;
    for (const t of [
      'PEMERINTAH KABUPATEN CONTOH',
      'BAGIAN PERENCANAAN DAN',
      '800/12/SOP/2026',
      '2 Januari 2027',
      'Sekretaris Daerah',
      'Drs. Budi Santoso',
      'NIP. 19700101 199003 1 002',
      'Penyusunan Rencana Kerja',
      '1. Permendagri 86/2017',
      '1. Komputer',
      '2. Printer',
    ])
      expect(text).toContain(t);
    expect(text).toMatch(/Tanggal Revisi\s+-/);
    expect(text).toMatch(/Halaman 1 dari 2/);
  });

  it("each step's number is drawn in its performer's column, a joint step's in all of them", async () => {
    for (const { process, org } of [renja(), permitProcess(), fortyStepProcess()]) {
      const pdf = await pdfOf(process, org);
      const want = expected(process, org);
      const pages = tables(pdf);
      const seen: number[] = [];
      for (const t of pages) {
        expect(t.headers).toEqual(want.headers);
        const half = (t.headerCentres[1]! - t.headerCentres[0]!) / 2 || 40;
        for (const row of t.rows) {
          const w = want.rows.find((r) => r.no === row.no)!;
          const at = row.drawn
            .filter((d) => d.text === String(row.no))
            .map((d) => (d.xMin + d.xMax) / 2);
          // In each of its performers' columns, and nowhere else.
          const columns = at.map((x) => {
            const i = t.headerCentres.findIndex((c) => Math.abs(c - x) < half);
            return i;
          });
          expect(columns.sort(), `step ${row.no} of ${process.name}`).toEqual([...w.lanes].sort());
          seen.push(row.no);
        }
      }
      expect(seen).toEqual(want.rows.map((r) => r.no));
    }
  });

  it("the procedures of Kabupaten Sukamaju: every SOP's columns, rows and waktu are its map's", async () => {
    const doc = ExchangeDocument.parse(JSON.parse(readFileSync(PROCEDURES_DOCUMENT, 'utf8')));
    const mapped = doc.processes.filter((p) => p.flow);
    expect(mapped.length).toBeGreaterThanOrEqual(4);
    for (const process of mapped) {
      const want = expected(process, doc.organisation);
      const pages = tables(await pdfOf(process, doc.organisation, doc.processes));
      for (const t of pages) expect(t.headers, process.name).toEqual(want.headers);
      expect(
        pages.flatMap((t) => t.rows.map((r) => [r.no, r.cells.kegiatan, r.cells.waktu])),
        process.name,
      ).toEqual(want.rows.map((r) => [r.no, r.kegiatan, r.waktu]));
    }
  });

  it('the permit: ends with outcomes are kapsul with their labels, decisions show both exits', async () => {
    const { process, org } = permitProcess();
    const pdf = await pdfOf(process, org);
    const text = pdfText(pdf);
    for (const t of [
      'Mulai',
      'Izin terbit',
      'Ditolak',
      'Ditunda',
      'lengkap',
      'tidak lengkap',
      'ya',
      'tidak',
    ])
      expect(text).toContain(t);
    // Step 4's joint performer is named in the Kegiatan column.
    const row4 = tables(pdf)[0]!.rows.find((r) => r.no === 4)!;
    expect(row4.cells.kegiatan).toBe('Memverifikasi retribusi bersama Bendahara Penerimaan');
  });

  it('a 40-step process runs over pages; the header repeats and connectors name page and step', async () => {
    const { process, org } = fortyStepProcess();
    const pdf = await pdfOf(process, org);
    const info = pdfInfo(pdf);
    expect(info.pages).toBeGreaterThanOrEqual(4);
    const pages = tables(pdf);
    expect(pages.length).toBe(info.pages - 1);
    const text = pdfText(pdf).split('\f');
    // Each flowchart page: the header again, and "Halaman n dari N".
    pages.forEach((t, i) => {
      expect(t.headers).toHaveLength(8);
      expect(text[t.rows[0]!.page - 1]).toContain(`Halaman ${i + 2} dari ${info.pages}`);
    });
    // Every edge between rows on different pages has a connector on both pages naming the other.
    const pageOf = new Map(pages.flatMap((t) => t.rows.map((r) => [r.no, r.page])));
    const noOf = new Map(numberedSteps(process.flow!).map((s) => [s.node.id, s.no]));
    let crossings = 0;
    for (const e of process.flow!.edges) {
      const a = noOf.get(e.from);
      const b = noOf.get(e.to);
      if (!a || !b || pageOf.get(a) === pageOf.get(b)) continue;
      crossings++;
      const from = text[pageOf.get(a)! - 1]!.replace(/\s+/g, ' ');
      const to = text[pageOf.get(b)! - 1]!.replace(/\s+/g, ' ');
      expect(from).toContain(`ke hal. ${pageOf.get(b)}`);
      expect(from).toMatch(new RegExp(`no\\.${b}\\b`));
      expect(to).toContain(`dari hal. ${pageOf.get(a)}`);
      expect(to).toMatch(new RegExp(`no\\.${a}\\b`));
    }
    // The rejection (15 -> 38) and the row order (14 -> 15 at least) cross pages.
    expect(crossings).toBeGreaterThanOrEqual(2);
  });

  it('prints on A4 and on F4 (folio), portrait', async () => {
    const { process, org } = fortyStepProcess();
    const details = emptySopDetails(process.id);
    const a4 = pdfInfo(await sopPdf({ process, org, details, processes: [], today: TODAY }, 'a4'));
    const f4 = pdfInfo(await sopPdf({ process, org, details, processes: [], today: TODAY }, 'f4'));
    expect([a4.width, a4.height]).toEqual([595.28, 841.89]);
    expect([f4.width, f4.height]).toEqual([609.45, 935.43]);
    // The taller folio page holds more rows.
    expect(f4.pages).toBeLessThanOrEqual(a4.pages);
  });
});
