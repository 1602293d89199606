// The SOP AP as an editable DOCX: the identity block and the flowchart table as real tables a
// clerk edits in Word or LibreOffice. No, Kegiatan, Mutu Baku and Keterangan are text; the
// pelaksana headers are real cells; in each body row the pelaksana columns are merged into one
// cell holding a picture of exactly that row's height of the drawing (symbols in their columns,
// the arrows passing through the row), so that the rows' pictures tile into one flowchart. Rows
// have an exact height and are not split over pages; Word repeats the header rows on each page
// and pages the table itself, so the DOCX needs no off-page connectors.
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeightRule,
  ImageRun,
  Packer,
  PageBreak,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import { sopContent, type SopContent, type SopInput } from './content.js';
import { headerHeights, layoutSop, type SopLayout } from './layout.js';
import { fontMeasure } from './measure.js';
import { drawingSvg, svgPng } from './svg.js';

const FONT = 'Arial';
/** A4 text width with 2 cm margins, in points. */
const A4 = { w: 595.28, h: 841.89 };
const MARGIN_PT = 56.69;
const TW = 20; // twips per point
const PX = 96 / 72; // docx image pixels per point
const STRIP_SCALE = 4; // pixels of the picture per point: sharp when printed
/** Word and LibreOffice draw Arial (Liberation Sans) a little wider than the condensed face. */
const WIDTH_SCALE = 1.15;
const FILL = 'E8E8E8';
/** A cell's padding: 3 pt, as the layout measures it. */
const PAD_TW = 60;
/** The paragraph holding a row's picture: single spacing at 1 pt, so its line is the picture. */
const STRIP_STYLE = 'SopStrip';

const half = (pt: number) => Math.round(pt * 2); // docx sizes are in half-points

function run(t: string, size: number, bold = false) {
  return new TextRun({ text: t, font: FONT, size: half(size), bold });
}

/**
 * One paragraph per line or item. The cell's padding above and below is the first and last
 * paragraph's spacing, not a cell margin: LibreOffice applies one cell's top margin to the whole
 * row, which would push the row's picture down.
 */
function para(
  lines: string[],
  size: number,
  o: { bold?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {},
) {
  return lines.map(
    (l, i) =>
      new Paragraph({
        alignment: o.align,
        spacing: {
          before: i === 0 ? PAD_TW : 0,
          after: i === lines.length - 1 ? PAD_TW : 0,
          line: 240,
          lineRule: 'auto',
        },
        children: [run(l, size, o.bold)],
      }),
  );
}

const border = { style: BorderStyle.SINGLE, size: 4, color: '444444' };
const borders = { top: border, bottom: border, left: border, right: border };

function textCell(
  lines: string[],
  widthPt: number,
  o: {
    size?: number;
    bold?: boolean;
    fill?: boolean;
    span?: number;
    rowSpan?: number;
    center?: boolean;
  } = {},
) {
  return new TableCell({
    width: { size: Math.round(widthPt * TW), type: WidthType.DXA },
    columnSpan: o.span,
    rowSpan: o.rowSpan,
    borders,
    margins: { top: 0, bottom: 0, left: PAD_TW, right: PAD_TW },
    verticalAlign: o.center ? VerticalAlign.CENTER : VerticalAlign.TOP,
    shading: o.fill ? { type: ShadingType.CLEAR, fill: FILL, color: 'auto' } : undefined,
    children: para(lines.length ? lines : [''], o.size ?? 7, {
      bold: o.bold,
      align: o.center ? AlignmentType.CENTER : undefined,
    }),
  });
}

/** The size at which a one-word header fits its column in Arial (at most 7 pt). */
function fitSize(label: string, widthPt: number): number {
  const m = fontMeasure(WIDTH_SCALE);
  return Math.min(7, Math.floor(((widthPt - 7) / m.width(label, 1, true)) * 2) / 2);
}

function identityTables(c: SopContent, width: number): Table[] {
  const leftW = width * 0.42;
  const labelW = 82;
  const valueW = width - leftW - labelW;
  const rows: [string, string[], boolean][] = [
    ...c.identity.map((r) => [r.label, [r.value], false] as [string, string[], boolean]),
    [
      'Disahkan oleh',
      [c.signatory.jabatan, '', '', c.signatory.nama, `NIP. ${c.signatory.nip}`],
      false,
    ],
    ['Nama SOP', [c.title], true],
  ];
  const head = new Table({
    layout: TableLayoutType.FIXED,
    width: { size: Math.round(width * TW), type: WidthType.DXA },
    columnWidths: [leftW, labelW, valueW].map((w) => Math.round(w * TW)),
    rows: rows.map(
      ([label, value, bold], i) =>
        new TableRow({
          children: [
            ...(i === 0
              ? [
                  textCell(
                    c.heading.map((h) => h.toUpperCase()),
                    leftW,
                    { size: 10, bold: true, rowSpan: rows.length, center: true },
                  ),
                ]
              : []),
            textCell([label], labelW, { size: 8, bold: true }),
            textCell(value, valueW, { size: bold ? 9 : 8, bold }),
          ],
        }),
    ),
  });
  const halfW = width / 2;
  const listRows: TableRow[] = [];
  for (let i = 0; i < c.lists.length; i += 2) {
    const pair = c.lists.slice(i, i + 2);
    listRows.push(
      new TableRow({
        children: pair.map((l) =>
          textCell([`${l.label}:`], halfW, { size: 8, bold: true, fill: true }),
        ),
      }),
    );
    listRows.push(
      new TableRow({
        children: pair.map((l) =>
          textCell(
            l.items.length === 1 && l.items[0] === '-'
              ? ['-']
              : l.items.map((t, k) => `${k + 1}. ${t}`),
            halfW,
            { size: 8 },
          ),
        ),
      }),
    );
  }
  const lists = new Table({
    layout: TableLayoutType.FIXED,
    width: { size: Math.round(width * TW), type: WidthType.DXA },
    columnWidths: [halfW, halfW].map((w) => Math.round(w * TW)),
    rows: listRows,
  });
  return [head, lists];
}

function flowTable(layout: SopLayout): Table {
  const c = layout.columns;
  const { top: h1, sub: h2 } = headerHeights(c);
  const page = layout.pages[0]!;
  const laneWidths = c.lanes.map((l) => l.w);
  const grid = [
    c.no.w,
    c.kegiatan.w,
    ...(laneWidths.length ? laneWidths : [c.pelaksana.w]),
    c.kelengkapan.w,
    c.waktu.w,
    c.output.w,
    c.keterangan.w,
  ];
  const lanes = Math.max(1, c.lanes.length);
  const dividers = c.lanes.slice(1).map((l) => l.x);
  const header = [
    new TableRow({
      tableHeader: true,
      height: { value: Math.round(h1 * TW), rule: HeightRule.ATLEAST },
      children: [
        textCell(['No'], c.no.w, { bold: true, fill: true, rowSpan: 2, center: true }),
        textCell(['Kegiatan'], c.kegiatan.w, { bold: true, fill: true, rowSpan: 2, center: true }),
        textCell(['Pelaksana'], c.pelaksana.w, {
          bold: true,
          fill: true,
          span: lanes,
          center: true,
        }),
        textCell(['Mutu Baku'], c.kelengkapan.w + c.waktu.w + c.output.w, {
          bold: true,
          fill: true,
          span: 3,
          center: true,
        }),
        textCell(['Keterangan'], c.keterangan.w, {
          bold: true,
          fill: true,
          rowSpan: 2,
          center: true,
          size: fitSize('Keterangan', c.keterangan.w),
        }),
      ],
    }),
    new TableRow({
      tableHeader: true,
      height: { value: Math.round(h2 * TW), rule: HeightRule.ATLEAST },
      children: [
        ...(c.lanes.length
          ? c.lanes.map((l) =>
              textCell(l.header, l.w, { bold: true, fill: true, center: true, size: c.headerSize }),
            )
          : [textCell([''], c.pelaksana.w, { fill: true })]),
        textCell(['Kelengkapan'], c.kelengkapan.w, {
          bold: true,
          fill: true,
          center: true,
          size: fitSize('Kelengkapan', c.kelengkapan.w),
        }),
        textCell(['Waktu'], c.waktu.w, { bold: true, fill: true, center: true }),
        textCell(['Output'], c.output.w, { bold: true, fill: true, center: true }),
      ],
    }),
  ];
  const body = page.rows.map((r) => {
    const svg = drawingSvg(
      page.drawing,
      { x: c.pelaksana.x, y: r.y, w: c.pelaksana.w, h: r.h },
      dividers,
    );
    const png = svgPng(svg, c.pelaksana.w, STRIP_SCALE);
    const row = r.row!;
    const items = (list: string[]) =>
      list.length === 0 ? ['-'] : list.length === 1 ? list : list.map((i) => `- ${i}`);
    // At least the picture's height: a row a clerk writes more into grows (leaving a gap in the
    // drawing) instead of hiding the text.
    return new TableRow({
      cantSplit: true,
      height: { value: Math.round(r.h * TW), rule: HeightRule.EXACT },
      children: [
        textCell([String(row.no)], c.no.w, { center: false }),
        textCell(row.kegiatan, c.kegiatan.w),
        new TableCell({
          width: { size: Math.round(c.pelaksana.w * TW), type: WidthType.DXA },
          columnSpan: lanes,
          borders,
          margins: { top: 0, bottom: 0, left: 0, right: 0 },
          children: [
            // Single spacing and a paragraph mark of 1 pt: the line is the picture's height.
            new Paragraph({
              style: STRIP_STYLE,
              children: [
                new ImageRun({
                  type: 'png',
                  data: png,
                  transformation: { width: c.pelaksana.w * PX, height: r.h * PX },
                  altText: {
                    name: `Bagan langkah ${r.row?.no ?? ''}`,
                    description: `Simbol langkah ${r.row?.no ?? ''} di kolom pelaksananya`,
                    title: `Langkah ${r.row?.no ?? ''}`,
                  },
                }),
              ],
            }),
          ],
        }),
        textCell(items(row.kelengkapan), c.kelengkapan.w),
        textCell([row.waktu ?? '-'], c.waktu.w),
        textCell(items(row.outputs), c.output.w),
        textCell([row.keterangan ?? '-'], c.keterangan.w),
      ],
    });
  });
  const totals = (page.totals?.rows ?? []).map(
    (t) =>
      new TableRow({
        cantSplit: true,
        children: [
          new TableCell({
            width: { size: Math.round((c.waktu.x - c.left) * TW), type: WidthType.DXA },
            columnSpan: 3 + lanes,
            borders,
            margins: { top: 0, bottom: 0, left: PAD_TW, right: PAD_TW },
            shading: { type: ShadingType.CLEAR, fill: FILL, color: 'auto' },
            children: para([t.label.join(' ')], 7, { bold: true, align: AlignmentType.RIGHT }),
          }),
          textCell([t.value.join(' ')], c.waktu.w, { bold: true, fill: true }),
          textCell([''], c.output.w + c.keterangan.w, { fill: true, span: 2 }),
        ],
      }),
  );
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: Math.round(c.width * TW), type: WidthType.DXA },
    columnWidths: grid.map((w) => Math.round(w * TW)),
    rows: [...header, ...body, ...totals],
  });
}

/** The SOP AP of a process as an editable DOCX (A4 portrait). */
export async function sopDocx(input: SopInput): Promise<Uint8Array> {
  const content = sopContent(input);
  const width = A4.w - 2 * MARGIN_PT;
  const layout = layoutSop(fontMeasure(WIDTH_SCALE), content, {
    left: 0,
    width,
    top: 0,
    bottom: Number.POSITIVE_INFINITY,
    firstPageNumber: 2,
  });
  const margin = Math.round(MARGIN_PT * TW);
  const doc = new Document({
    creator: 'Probis',
    title: `SOP ${input.process.code} ${input.process.name}`,
    description: 'Standar Operasional Prosedur Administrasi Pemerintahan',
    styles: {
      default: { document: { run: { font: FONT, size: half(8) } } },
      paragraphStyles: [
        {
          id: STRIP_STYLE,
          name: 'SOP bagan',
          run: { size: 2 },
          paragraph: { spacing: { before: 0, after: 0, line: 240, lineRule: 'auto' } },
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: Math.round(A4.w * TW), height: Math.round(A4.h * TW) },
            margin: { top: margin, bottom: margin, left: margin, right: margin },
          },
        },
        children: [
          ...identityTables(content, width).flatMap((t) => [t, new Paragraph({ children: [] })]),
          new Paragraph({ children: [new PageBreak()] }),
          new Paragraph({
            spacing: { after: 80 },
            children: [run(`SOP ${input.process.code} — ${content.title}`, 8, true)],
          }),
          flowTable(layout),
          new Paragraph({ spacing: { before: 80 }, children: [run(content.footnote, 6)] }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
