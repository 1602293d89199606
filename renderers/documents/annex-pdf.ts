// The decree's annex (Lampiran Keputusan Sekretaris Daerah) as one PDF: a cover, a Daftar Isi, the
// Level-0 map, the Daftar Proses Bisnis, the Peta Relasi, every validated process's map and the
// Bukti Pengesahan. Maps go in as vector (svg-to-pdfkit): about 7 KB and 30 ms a page against
// 96 KB and 400 ms as PNG (bench/annex.ts). The document is laid out twice: a first pass on a
// document whose bytes are dropped counts each section's pages (maps add their known page count
// without drawing), so the second pass writes the Daftar Isi with the right page numbers. Pages
// stream out as they are made; one process's map is drawn, written and dropped at a time.
import { jakartaDateTime } from '../../core/coordination/calendar.js';
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import type { EvidenceEvent } from '../../core/documents/evidence.js';
import type { InventoryRow } from '../../core/documents/inventory.js';
import type { Organisation, Process } from '../../core/model/index.js';
import { pageCount } from '../dot/cross-functional.js';
import { displayCode } from '../dot/level0.js';
import { relationEdges } from '../dot/relation.js';
import type { Renderer } from '../index.js';

export type AnnexPaper = 'a4' | 'f4';

export type AnnexModel = {
  organisation: Organisation;
  /** Every process of the organisation (the Level-0 map is drawn from them). */
  processes: Process[];
  /** The Daftar Proses Bisnis. */
  rows: InventoryRow[];
  /** The processes whose maps the annex holds: validated or ratified, with a flow, in code order. */
  mapped: Process[];
  /** Bukti Pengesahan of the mapped processes, one line per event. */
  evidence: EvidenceEvent[];
  paper?: AnnexPaper;
};

/** Paper sizes in points, portrait: A4 210x297 mm, F4 (folio) 215x330 mm. */
export const PAPER_SIZES: Record<AnnexPaper, [number, number]> = {
  a4: [595.28, 841.89],
  f4: [609.45, 935.43],
};

/** Above this many mapped processes the Peta Relasi is a table only: a picture of them all takes minutes to lay out and reads as nothing. */
export const RELATION_PICTURE_MAX = 12;

const MARGIN = 42;
const FOOTER = 22;
const FONT = 'annex-regular';
const BOLD = 'annex-bold';
/** Every page's margins (addPage falls back to pdfkit's 72 pt when a page is not given them). */
const MARGINS = { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER };
const fontFile = (f: string) => fileURLToPath(new URL(`../fonts/${f}`, import.meta.url));

type TocEntry = { title: string; level: 0 | 1; page: number };

/** What the first pass learns for the second: the Daftar Isi. */
type Plan = { toc: TocEntry[]; tocPages: number };

export type AnnexResult = { pages: number; bytes: number };

/** Writes the annex chunk by chunk to `sink`; resolves when the last chunk is out. */
export async function writeAnnexPdf(
  model: AnnexModel,
  renderer: Renderer,
  sink: (chunk: Uint8Array) => void,
): Promise<AnnexResult> {
  const first = await pass(model, renderer, null, () => {});
  let bytes = 0;
  const second = await pass(model, renderer, first.plan, (c) => {
    bytes += c.byteLength;
    sink(c);
  });
  if (second.plan.toc.some((e, i) => e.page !== first.plan.toc[i]?.page))
    throw new Error('Daftar Isi: halaman berubah antara tata letak dan penulisan');
  return { pages: second.pages, bytes };
}

/** The whole annex in memory (a chat file is stored as one part). */
export async function annexPdf(model: AnnexModel, renderer: Renderer): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  await writeAnnexPdf(model, renderer, (c) => chunks.push(c));
  return Buffer.concat(chunks);
}

/** "LAMPIRAN KEPUTUSAN SEKRETARIS DAERAH ...": the cover's heading lines. */
export function annexTitle(org: Pick<Organisation, 'name'>): string[] {
  return [
    'LAMPIRAN',
    `KEPUTUSAN SEKRETARIS DAERAH ${org.name.toUpperCase()}`,
    'NOMOR ....',
    'TENTANG',
    `PETA PROSES BISNIS ${org.name.toUpperCase()}`,
  ];
}

async function pass(
  model: AnnexModel,
  renderer: Renderer,
  plan: Plan | null,
  sink: (c: Uint8Array) => void,
): Promise<{ plan: Plan; pages: number }> {
  const size = PAPER_SIZES[model.paper ?? 'a4'];
  const doc = new PDFDocument({
    size,
    autoFirstPage: false,
    margins: MARGINS,
    info: { Title: annexTitle(model.organisation).join(' '), Producer: 'Probis' },
    compress: true,
  });
  doc.registerFont(FONT, fontFile('DejaVuSansCondensed-Latin.ttf'));
  doc.registerFont(BOLD, fontFile('DejaVuSansCondensed-Bold-Latin.ttf'));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  doc.on('data', (c: Buffer) => sink(c));

  let page = 0;
  doc.on('pageAdded', () => {
    page++;
    if (page > 1) footer(doc, page, model.organisation);
  });
  const toc: TocEntry[] = [];
  const section = (title: string, level: 0 | 1 = 0) => toc.push({ title, level, page: page + 1 });
  const portrait = () => doc.addPage({ size, layout: 'portrait', margins: MARGINS });

  // Cover
  portrait();
  cover(doc, model);

  // Daftar Isi: as many pages as the first pass's entries need (the same in both passes).
  const tocEntries = plan?.toc ?? [];
  const tocPages = plan ? plan.tocPages : 0;
  const tocStart = page + 1;
  if (plan) {
    portrait();
    heading(doc, 'DAFTAR ISI');
    const [first, next] = tocCapacity(size);
    doc.y = doc.page.margins.top + TOC_HEAD;
    let onPage = 0;
    for (const e of tocEntries) {
      if (onPage === (page === tocStart ? first : next)) {
        portrait();
        doc.y = doc.page.margins.top;
        onPage = 0;
      }
      tocLine(doc, e);
      onPage++;
    }
  }
  const tocMade = plan ? page - tocStart + 1 : 0;
  if (plan && tocMade !== tocPages)
    throw new Error(`Daftar Isi: ${tocMade} halaman, bukan ${tocPages}`);
  // The first pass leaves room for the Daftar Isi by counting its lines.
  const tocReserve = plan ? 0 : tocPagesFor(model, size);
  for (let i = 0; i < tocReserve; i++) portrait();

  const org = model.organisation;

  // I. Peta Proses Level 0
  section('I. Peta Proses Bisnis Level 0');
  const level0 = plan ? await renderer.level0Svg(model.processes, org) : null;
  mapPage(doc, size, level0, 'I. PETA PROSES BISNIS LEVEL 0', plan === null);

  // II. Daftar Proses Bisnis
  section('II. Daftar Proses Bisnis');
  portrait();
  heading(doc, 'II. DAFTAR PROSES BISNIS');
  table(
    doc,
    INVENTORY_COLUMNS,
    model.rows.map((r) => inventoryCells(r, org)),
    portrait,
  );

  // III. Peta Relasi
  section('III. Peta Relasi Antarunit');
  const relation = relationRows(model.mapped, org);
  if (model.mapped.length && model.mapped.length <= RELATION_PICTURE_MAX) {
    const svg = plan ? await renderer.relationSvg(model.mapped, org) : null;
    mapPage(doc, size, svg, 'III. PETA RELASI ANTARUNIT', plan === null);
    portrait();
  } else {
    portrait();
    heading(doc, 'III. PETA RELASI ANTARUNIT');
  }
  doc
    .font(FONT)
    .fontSize(9)
    .text(
      'Serah terima antarunit dalam proses yang ditetapkan: dari unit, ke unit, banyaknya keluaran yang diserahkan, dan kesepakatan unit penerima.',
    );
  doc.moveDown(0.5);
  table(doc, RELATION_COLUMNS, relation, portrait);

  // IV. Peta Lintas Fungsi of every mapped process
  section('IV. Peta Lintas Fungsi Proses');
  for (const p of model.mapped) {
    const title = `${displayCode(org, p.code)} ${p.name}`;
    section(title, 1);
    const n = pageCount(p);
    if (!plan) {
      for (let i = 0; i < n; i++) portrait();
      continue;
    }
    const { pages } = await renderer.crossFunctionalSvg(p, org);
    if (pages.length !== n) throw new Error(`Peta ${p.code}: ${pages.length} halaman, bukan ${n}`);
    for (const svg of pages) mapPage(doc, size, svg, null, false);
  }

  // V. Bukti Pengesahan
  section('V. Bukti Pengesahan');
  portrait();
  heading(doc, 'V. BUKTI PENGESAHAN');
  doc
    .font(FONT)
    .fontSize(9)
    .text(
      'Untuk setiap proses dalam lampiran ini: siapa yang menguraikannya, siapa yang menyepakati setiap serah terima, siapa yang menyetujui dan memvalidasi, dan kapan (dari catatan audit Probis).',
    );
  evidence(doc, model, portrait);

  const pages = page;
  doc.end();
  await ended;
  const entries = plan ? plan.toc : toc;
  return { plan: { toc: entries, tocPages: plan ? plan.tocPages : tocReserve }, pages };
}

function footer(doc: PDFKit.PDFDocument, page: number, org: Organisation) {
  const { x, y } = doc;
  const bottom = doc.page.margins.bottom;
  doc.page.margins.bottom = 0;
  const w = doc.page.width - 2 * MARGIN;
  doc
    .font(FONT)
    .fontSize(7.5)
    .fillColor('#555555')
    .text(`Lampiran Keputusan Sekretaris Daerah ${org.name}`, MARGIN, doc.page.height - MARGIN, {
      width: w * 0.8,
      lineBreak: false,
      height: 10,
    })
    .text(`Halaman ${page}`, MARGIN, doc.page.height - MARGIN, {
      width: w,
      align: 'right',
      lineBreak: false,
    })
    .fillColor('black');
  doc.page.margins.bottom = bottom;
  doc.x = x;
  doc.y = y;
}

function cover(doc: PDFKit.PDFDocument, model: AnnexModel) {
  const w = doc.page.width - 2 * MARGIN;
  doc.y = doc.page.height * 0.28;
  for (const [i, line] of annexTitle(model.organisation).entries())
    doc
      .font(BOLD)
      .fontSize(i === 0 ? 16 : 13)
      .text(line, MARGIN, doc.y, { width: w, align: 'center' })
      .moveDown(0.4);
  doc.moveDown(3);
  const validated = model.mapped.length;
  doc
    .font(FONT)
    .fontSize(10)
    .text(
      `Memuat: Peta Proses Bisnis Level 0, Daftar Proses Bisnis (${model.rows.length} proses), Peta Relasi Antarunit, Peta Lintas Fungsi ${validated} proses yang telah divalidasi, dan Bukti Pengesahan.`,
      { width: w, align: 'center' },
    );
}

function heading(doc: PDFKit.PDFDocument, text: string) {
  doc
    .font(BOLD)
    .fontSize(12)
    .text(text, MARGIN, doc.page.margins.top, { width: doc.page.width - 2 * MARGIN })
    .moveDown(0.6);
}

const TOC_LINE = 14;

const TOC_HEAD = 30;

/** Lines of the Daftar Isi on its first page (under the heading) and on each next one. */
function tocCapacity(size: [number, number]): [number, number] {
  const room = size[1] - 2 * MARGIN - FOOTER;
  return [Math.floor((room - TOC_HEAD) / TOC_LINE), Math.floor(room / TOC_LINE)];
}

/** One line of the Daftar Isi where tocCapacity put it: never a page break of pdfkit's own. */
function tocLine(doc: PDFKit.PDFDocument, e: TocEntry) {
  const bottom = doc.page.margins.bottom;
  doc.page.margins.bottom = 0;
  const y = doc.y;
  const w = doc.page.width - 2 * MARGIN;
  const indent = e.level ? 16 : 0;
  doc
    .font(e.level ? FONT : BOLD)
    .fontSize(9)
    .text(e.title, MARGIN + indent, y, { width: w - indent - 50, height: 11, ellipsis: true })
    .text(String(e.page), MARGIN, y, { width: w, align: 'right', lineBreak: false });
  doc.page.margins.bottom = bottom;
  doc.y = y + TOC_LINE;
}

/** Pages of the Daftar Isi: the heading, then one line per section and per mapped process. */
function tocPagesFor(model: AnnexModel, size: [number, number]): number {
  const entries = 5 + model.mapped.length;
  const [first, next] = tocCapacity(size);
  return entries <= first ? 1 : 1 + Math.ceil((entries - first) / next);
}

/** One page holding a picture scaled to fit (landscape when the picture is wider than tall). */
function mapPage(
  doc: PDFKit.PDFDocument,
  size: [number, number],
  svg: string | null,
  title: string | null,
  dry: boolean,
) {
  const m = svg ? /<svg[^>]*\swidth="([\d.]+)pt"[^>]*\sheight="([\d.]+)pt"/.exec(svg) : null;
  const [w, h] = m ? [Number(m[1]), Number(m[2])] : [1, 1];
  doc.addPage({ size, layout: w > h * 1.15 ? 'landscape' : 'portrait', margins: MARGINS });
  if (dry || !svg) return;
  let top = doc.page.margins.top;
  if (title) {
    heading(doc, title);
    top = doc.y;
  }
  const aw = doc.page.width - 2 * MARGIN;
  const ah = doc.page.height - top - doc.page.margins.bottom;
  const scale = Math.min(aw / w, ah / h, 1);
  doc.save();
  doc.translate(MARGIN + (aw - w * scale) / 2, top);
  doc.scale(scale);
  SVGtoPDF(doc, svg, 0, 0, {
    fontCallback: (_family, bold) => (bold ? BOLD : FONT),
    warningCallback: () => {},
  });
  doc.restore();
}

type Column = { header: string; width: number; align?: 'left' | 'center' };

const INVENTORY_COLUMNS: Column[] = [
  { header: 'No', width: 22, align: 'center' },
  { header: 'Kode', width: 44 },
  { header: 'Nama Proses', width: 115 },
  { header: 'Level', width: 30, align: 'center' },
  { header: 'Kategori', width: 52 },
  { header: 'Unit Pemilik', width: 86 },
  { header: 'Status', width: 48 },
  { header: 'Versi', width: 28, align: 'center' },
  { header: 'Langkah', width: 38, align: 'center' },
  { header: 'Serah terima sepakat / terbuka', width: 48, align: 'center' },
];

function inventoryCells(r: InventoryRow, org: Organisation): string[] {
  return [
    displayCode(org, r.code),
    r.name,
    String(r.level),
    r.categoryLabel.replace(/^Proses /, ''),
    r.ownerUnit ?? '(seluruh organisasi)',
    r.statusLabel,
    String(r.version),
    String(r.steps),
    `${r.handoffs.agreed} / ${r.handoffs.open + r.handoffs.disputed}`,
  ];
}

const RELATION_COLUMNS: Column[] = [
  { header: 'No', width: 24, align: 'center' },
  { header: 'Dari unit', width: 150 },
  { header: 'Ke unit', width: 150 },
  { header: 'Keluaran diserahkan', width: 70, align: 'center' },
  { header: 'Kesepakatan unit penerima', width: 117 },
];

const AGREEMENT: Record<string, string> = {
  confirmed: 'disepakati',
  pending: 'belum dijawab',
  disputed: 'dipersoalkan',
};

function relationRows(mapped: Process[], org: Organisation): string[][] {
  const name = (id: string) => org.units.find((u) => u.id === id)?.name ?? id;
  return relationEdges(mapped, { withCode: true }).map((e) => [
    name(e.from),
    name(e.to),
    String(e.what.length),
    AGREEMENT[e.state] ?? e.state,
  ]);
}

/** A table whose header repeats on every page; rows as tall as their wrapped text; numbered. */
function table(doc: PDFKit.PDFDocument, cols: Column[], rows: string[][], newPage: () => void) {
  const pad = 3;
  const x0 = MARGIN;
  doc.font(FONT).fontSize(7.5);
  const heightOf = (cells: string[], font: string) => {
    doc.font(font);
    return (
      Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: cols[i]!.width - 2 * pad }))) +
      2 * pad
    );
  };
  const drawRow = (cells: string[], font: string, fill: string | null) => {
    const h = heightOf(cells, font);
    const y = doc.y;
    let x = x0;
    for (const [i, c] of cells.entries()) {
      const col = cols[i]!;
      if (fill) doc.rect(x, y, col.width, h).fill(fill).fillColor('black');
      doc.rect(x, y, col.width, h).lineWidth(0.5).stroke('#666666');
      doc
        .font(font)
        .text(c, x + pad, y + pad, { width: col.width - 2 * pad, align: col.align ?? 'left' });
      x += col.width;
    }
    doc.x = x0;
    doc.y = y + h;
  };
  const header = cols.map((c) => c.header);
  drawRow(header, BOLD, '#dfe6ee');
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  for (const [i, r] of rows.entries()) {
    const cells = [String(i + 1), ...r];
    if (doc.y + heightOf(cells, FONT) > bottom()) {
      newPage();
      doc.y = doc.page.margins.top;
      drawRow(header, BOLD, '#dfe6ee');
    }
    drawRow(cells, FONT, null);
  }
  doc.moveDown(1);
}

function evidence(doc: PDFKit.PDFDocument, model: AnnexModel, newPage: () => void) {
  const w = doc.page.width - 2 * MARGIN;
  const byCode = new Map<string, EvidenceEvent[]>();
  for (const e of model.evidence) byCode.set(e.code, [...(byCode.get(e.code) ?? []), e]);
  for (const p of model.mapped) {
    const events = byCode.get(p.code) ?? [];
    if (doc.y + 60 > doc.page.height - doc.page.margins.bottom) {
      newPage();
      doc.y = doc.page.margins.top;
    }
    doc.moveDown(0.6);
    doc
      .font(BOLD)
      .fontSize(9.5)
      .text(`${displayCode(model.organisation, p.code)} ${p.name}`, MARGIN, doc.y, { width: w });
    if (!events.length)
      doc.font(FONT).fontSize(8.5).text('Tidak ada catatan audit untuk proses ini.', { width: w });
    for (const e of events) {
      const note = e.note ? ` Catatan: ${e.note}` : '';
      const who = e.at ? `${formatAt(e.at)} — ${e.who}: ` : '';
      doc
        .font(FONT)
        .fontSize(8.5)
        .text(`• ${who}${e.what}.${note}`, MARGIN + 8, doc.y, {
          width: w - 8,
        });
    }
  }
}

/** "2026-11-03 16:15 WIB": the time as the signing office reads it. */
function formatAt(iso: string): string {
  return `${jakartaDateTime(iso)} WIB`;
}
