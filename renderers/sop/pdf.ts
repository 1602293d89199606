// The SOP AP as a PDF (pdfkit): the identity block on page 1, the flowchart table on the pages
// after it, on A4 or F4 portrait with the margins offices use (2 cm), "Halaman 1 dari 3" below.
import PDFDocument from 'pdfkit';
import type { Paper } from '../../core/sop/details.js';
import { sopContent, type SopContent, type SopInput } from './content.js';
import {
  headerHeights,
  INDENT,
  INDENT_W,
  layoutSop,
  LINE,
  TEXT_SIZE,
  type Drawing,
  type SopLayout,
} from './layout.js';
import { FONT_FILES, fontMeasure, wrap, type Measure } from './measure.js';

/** Page sizes in points, portrait: A4 210x297 mm, F4/folio 215x330 mm. */
export const PAPER_SIZE: Record<Paper, { w: number; h: number }> = {
  a4: { w: 595.28, h: 841.89 },
  f4: { w: 609.45, h: 935.43 },
};

/** 2 cm. */
export const MARGIN = 56.69;
const RUNNING_HEAD = 16;
const HEAD_LINE = 8.5;
const GRID = '#444444';
const FILL = '#e8e8e8';
const INK = '#000000';

type Doc = PDFKit.PDFDocument;

function text(
  doc: Doc,
  lines: string[],
  x: number,
  y: number,
  size: number,
  o: { bold?: boolean; width?: number; align?: 'left' | 'center' | 'right'; line?: number } = {},
) {
  doc
    .font(o.bold ? 'bold' : 'regular')
    .fontSize(size)
    .fillColor(INK);
  const step = o.line ?? size * 1.2;
  lines.forEach((l, i) => {
    const indent = l.startsWith(INDENT) ? INDENT_W : 0;
    doc.text(l.replace(INDENT, ''), x + indent, y + i * step, {
      lineBreak: false,
      width: o.width === undefined ? undefined : o.width - indent,
      align: o.align ?? 'left',
    });
  });
}

function cell(doc: Doc, x: number, y: number, w: number, h: number, fill?: string) {
  if (fill) doc.rect(x, y, w, h).fillAndStroke(fill, GRID);
  else doc.rect(x, y, w, h).stroke(GRID);
}

// ---------------------------------------------------------------------------------------------
// Page 1: the identity block

function identityPage(
  doc: Doc,
  m: Measure,
  c: SopContent,
  left: number,
  width: number,
  top: number,
) {
  const size = 8;
  const line = size * 1.25;
  const pad = 4;
  doc.lineWidth(0.6);
  // Heading (left) and the numbers and signature (right).
  const leftW = width * 0.42;
  const rightX = left + leftW;
  const rightW = width - leftW;
  // As wide as the widest label ("Tanggal Pembuatan"), so no label runs into its value.
  const labelW = Math.ceil(
    Math.max(
      ...[...c.identity.map((r) => r.label), 'Disahkan oleh', 'Nama SOP'].map((l) =>
        m.width(l, size, true),
      ),
    ) +
      2 * pad +
      2,
  );
  const valueW = rightW - labelW;
  const rows: { label: string; lines: string[]; bold?: boolean; sign?: boolean }[] = [
    ...c.identity.map((r) => ({ label: r.label, lines: wrap(m, r.value, valueW - 2 * pad, size) })),
    {
      label: 'Disahkan oleh',
      lines: [
        ...wrap(m, c.signatory.jabatan, valueW - 2 * pad, size),
        '',
        '',
        '',
        ...wrap(m, c.signatory.nama, valueW - 2 * pad, size, true),
        `NIP. ${c.signatory.nip}`,
      ],
      sign: true,
    },
    { label: 'Nama SOP', lines: wrap(m, c.title, valueW - 2 * pad, size + 1, true), bold: true },
  ];
  let y = top;
  const blockTop = y;
  for (const r of rows) {
    const h = Math.max(1, r.lines.length) * line + 2 * pad;
    cell(doc, rightX, y, labelW, h);
    cell(doc, rightX + labelW, y, valueW, h);
    text(doc, [r.label], rightX + pad, y + pad, size, { bold: true });
    r.lines.forEach((l, i) => {
      const bold = r.bold || (r.sign && i === r.lines.length - 2);
      text(doc, [l], rightX + labelW + pad, y + pad + i * line, r.bold ? size + 1 : size, { bold });
    });
    y += h;
  }
  cell(doc, left, blockTop, leftW, y - blockTop);
  const heading = c.heading.flatMap((h) => wrap(m, h.toUpperCase(), leftW - 16, 10, true));
  const hy = blockTop + (y - blockTop - heading.length * 13) / 2;
  text(doc, heading, left + 8, hy, 10, {
    bold: true,
    width: leftW - 16,
    align: 'center',
    line: 13,
  });

  // The lists, two by two.
  y += 10;
  const half = width / 2;
  for (let i = 0; i < c.lists.length; i += 2) {
    const pair = c.lists.slice(i, i + 2);
    const bodies = pair.map((l) =>
      l.items.length === 1 && l.items[0] === '-'
        ? ['-']
        : l.items.flatMap((item, k) => {
            const prefix = `${k + 1}. `;
            const indent = m.width(prefix, size);
            return wrap(m, item, half - 2 * pad - indent, size).map((t, j) =>
              j === 0 ? prefix + t : `${INDENT}${t}`,
            );
          }),
    );
    const headH = line + 2 * pad;
    pair.forEach((l, k) => {
      cell(doc, left + k * half, y, half, headH, FILL);
      text(doc, [`${l.label}:`], left + k * half + pad, y + pad, size, { bold: true });
    });
    y += headH;
    const h = Math.max(...bodies.map((b) => b.length)) * line + 2 * pad;
    pair.forEach((_, k) => {
      cell(doc, left + k * half, y, half, h);
      text(doc, bodies[k]!, left + k * half + pad, y + pad, size, { line });
    });
    y += h;
  }
}

// ---------------------------------------------------------------------------------------------
// The flowchart pages

function tableHeader(doc: Doc, layout: SopLayout, y: number) {
  const c = layout.columns;
  const { top: h1, sub: h2 } = headerHeights(c);
  const size = TEXT_SIZE;
  const m = fontMeasure();
  const centred = (label: string, x: number, w: number, top: number, h: number) => {
    const fit = Math.min(size, (w - 3) / m.width(label, 1, true));
    text(doc, [label], x, top + (h - fit * 1.2) / 2, fit, {
      bold: true,
      width: w,
      align: 'center',
    });
  };
  for (const [label, b] of [
    ['No', c.no],
    ['Kegiatan', c.kegiatan],
    ['Keterangan', c.keterangan],
  ] as const) {
    cell(doc, b.x, y, b.w, h1 + h2, FILL);
    centred(label, b.x, b.w, y, h1 + h2);
  }
  cell(doc, c.pelaksana.x, y, c.pelaksana.w, h1, FILL);
  centred('Pelaksana', c.pelaksana.x, c.pelaksana.w, y, h1);
  const mutuX = c.kelengkapan.x;
  const mutuW = c.keterangan.x - mutuX;
  cell(doc, mutuX, y, mutuW, h1, FILL);
  centred('Mutu Baku', mutuX, mutuW, y, h1);
  for (const l of c.lanes) {
    cell(doc, l.x, y + h1, l.w, h2, FILL);
    const lh = c.headerSize * 1.2;
    const ty = y + h1 + (h2 - l.header.length * lh) / 2;
    const w = l === c.lanes[c.lanes.length - 1] ? l.w - c.tracks.w : l.w;
    text(doc, l.header, l.x, ty, c.headerSize, { bold: true, width: w, align: 'center', line: lh });
  }
  for (const [label, b] of [
    ['Kelengkapan', c.kelengkapan],
    ['Waktu', c.waktu],
    ['Output', c.output],
  ] as const) {
    cell(doc, b.x, y + h1, b.w, h2, FILL);
    centred(label, b.x, b.w, y + h1, h2);
  }
}

function paintDrawing(doc: Doc, d: Drawing) {
  doc.lineWidth(0.6).strokeColor(INK);
  for (const s of d.shapes) {
    const { cx, cy, w, h } = s;
    if (s.kind === 'box') doc.rect(cx - w / 2, cy - h / 2, w, h);
    else if (s.kind === 'capsule')
      doc.roundedRect(cx - w / 2, cy - h / 2, w, h, Math.min(h / 2, 6));
    else if (s.kind === 'diamond')
      doc.polygon([cx, cy - h / 2], [cx + w / 2, cy], [cx, cy + h / 2], [cx - w / 2, cy]);
    else
      doc.polygon(
        [cx - w / 2, cy - h / 2],
        [cx + w / 2, cy - h / 2],
        [cx + w / 2, cy + h / 6],
        [cx, cy + h / 2],
        [cx - w / 2, cy + h / 6],
      );
    doc.fillAndStroke('#ffffff', INK);
    const lh = s.size * 1.15;
    const ty = cy - (s.lines.length * lh) / 2 - (s.kind === 'pentagon' ? h / 8 : 0) + 0.5;
    text(doc, s.lines, cx - w / 2, ty, s.size, { width: w, align: 'center', line: lh });
  }
  for (const p of d.paths) {
    const [first, ...rest] = p.points;
    if (!first) continue;
    doc.moveTo(first[0], first[1]);
    for (const [x, y] of rest) doc.lineTo(x, y);
    if (p.dashed) doc.dash(1.5, { space: 1.5 });
    doc.lineWidth(0.6).stroke(INK);
    doc.undash();
    if (p.arrow && p.points.length >= 2) {
      const [x2, y2] = p.points[p.points.length - 1]!;
      const [x1, y1] = p.points[p.points.length - 2]!;
      const len = Math.hypot(x2 - x1, y2 - y1) || 1;
      const [ux, uy] = [(x2 - x1) / len, (y2 - y1) / len];
      const a = 3.2;
      doc
        .polygon(
          [x2, y2],
          [x2 - ux * a - uy * a * 0.55, y2 - uy * a + ux * a * 0.55],
          [x2 - ux * a + uy * a * 0.55, y2 - uy * a - ux * a * 0.55],
        )
        .fill(INK);
    }
  }
  for (const l of d.labels) {
    const lh = l.size * 1.15;
    if (l.center)
      text(doc, l.lines, l.x - 30, l.y, l.size, { width: 60, align: 'center', line: lh });
    else text(doc, l.lines, l.x, l.y, l.size, { line: lh });
  }
}

function flowPage(doc: Doc, layout: SopLayout, page: SopLayout['pages'][number]) {
  const c = layout.columns;
  doc.lineWidth(0.6);
  tableHeader(doc, layout, page.headerY);
  for (const r of page.rows) {
    for (const b of [c.no, c.kegiatan, c.kelengkapan, c.waktu, c.output, c.keterangan])
      cell(doc, b.x, r.y, b.w, r.h);
    doc.lineWidth(0.3);
    for (const l of c.lanes) cell(doc, l.x, r.y, l.w, r.h);
    doc.lineWidth(0.6);
    cell(doc, c.pelaksana.x, r.y, c.pelaksana.w, r.h);
    if (!r.row || !r.text) continue;
    const t = r.text;
    const at = (lines: string[], b: { x: number; w: number }, align: 'left' | 'center' = 'left') =>
      text(doc, lines, b.x + 3, r.y + 3, TEXT_SIZE, { width: b.w - 6, align, line: LINE });
    at([String(r.row.no)], c.no, 'center');
    at(t.kegiatan, c.kegiatan);
    at(t.kelengkapan, c.kelengkapan);
    at(t.waktu, c.waktu);
    at(t.output, c.output);
    at(t.keterangan, c.keterangan);
  }
  if (page.totals) {
    let y = page.totals.y;
    for (const t of page.totals.rows) {
      const labelW = c.waktu.x - c.left;
      cell(doc, c.left, y, labelW, t.h, FILL);
      cell(doc, c.waktu.x, y, c.waktu.w, t.h, FILL);
      cell(doc, c.output.x, y, c.output.w + c.keterangan.w, t.h, FILL);
      text(doc, t.label, c.left + 3, y + 3, TEXT_SIZE, {
        bold: true,
        width: labelW - 6,
        align: 'right',
        line: LINE,
      });
      text(doc, t.value, c.waktu.x + 3, y + 3, TEXT_SIZE, { bold: true, line: LINE });
      y += t.h;
    }
    text(doc, page.totals.footnote, c.left, page.totals.footnoteY, 6, { line: 6.5 * 1.0 });
  }
  paintDrawing(doc, page.drawing);
}

/** The SOP AP of a process as PDF bytes. */
export async function sopPdf(input: SopInput, paper: Paper): Promise<Uint8Array> {
  const { w, h } = PAPER_SIZE[paper];
  const m = fontMeasure();
  const content = sopContent(input);
  const left = MARGIN;
  const width = w - 2 * MARGIN;
  // The running head names the SOP on every flowchart page, on as many lines as its title needs.
  const head = wrap(m, `SOP ${input.process.code} — ${content.title}`, width, 7, true);
  const layout = layoutSop(m, content, {
    left,
    width,
    top: MARGIN + RUNNING_HEAD + (head.length - 1) * HEAD_LINE,
    bottom: h - MARGIN,
    firstPageNumber: 2,
  });
  const total = 1 + layout.pages.length;
  const doc = new PDFDocument({
    size: [w, h],
    margin: 0,
    autoFirstPage: false,
    info: {
      Title: `SOP ${input.process.code} ${input.process.name}`,
      Subject: 'Standar Operasional Prosedur Administrasi Pemerintahan',
      Creator: 'Probis',
      CreationDate: new Date(`${input.today}T00:00:00Z`),
    },
  });
  doc.registerFont('regular', FONT_FILES.regular).registerFont('bold', FONT_FILES.bold);
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  const footer = (n: number) =>
    text(doc, [`Halaman ${n} dari ${total}`], left, h - MARGIN + 10, 7, { width, align: 'right' });

  doc.addPage();
  identityPage(doc, m, content, left, width, MARGIN);
  footer(1);
  for (const page of layout.pages) {
    doc.addPage();
    text(doc, head, left, MARGIN, 7, { bold: true, width, line: HEAD_LINE });
    flowPage(doc, layout, page);
    footer(page.index + 2);
  }
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}
