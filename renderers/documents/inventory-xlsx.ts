// The process inventory as an XLSX workbook (Daftar Proses Bisnis): a summary sheet (counts per
// category and status), one sheet per level of the process tree, and the ratification evidence
// (one row per event). Every text is written as a string cell, never a formula, so a process named
// "=SUM(A1)" or "+62 812" stays what the clerk wrote. Printed on A4 landscape, one page wide,
// with the header row repeated on every page.
import { jakartaDateTime } from '../../core/coordination/calendar.js';
import ExcelJS from 'exceljs';
import {
  CATEGORY_LABELS,
  STATUS_LABELS,
  type InventoryRow,
  inventoryLevels,
  inventorySummary,
} from '../../core/documents/inventory.js';
import type { EvidenceEvent } from '../../core/documents/evidence.js';
import type { Organisation, ProcessStatus } from '../../core/model/index.js';
import { displayCode } from '../dot/level0.js';

export type InventoryWorkbook = {
  organisation: Pick<Organisation, 'name' | 'codePrefix'>;
  rows: InventoryRow[];
  evidence: EvidenceEvent[];
  /** The time of the last recorded change the workbook shows (ISO); null when nothing happened. */
  dataAt: string | null;
};

/** The sheets' names, as a reader finds them. */
export const SHEETS = {
  summary: 'Ringkasan',
  level: (n: number) => `Level ${n}`,
  evidence: 'Bukti Pengesahan',
} as const;

const FONT = 'Arial';
const HEADER_FILL: ExcelJS.Fill = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FFDDE6F0' },
};
const JAKARTA_OFFSET_MS = 7 * 3600 * 1000;

type Column = {
  header: string;
  /** Widest the column grows to (characters); longer text wraps. */
  max: number;
  value: (r: InventoryRow, org: InventoryWorkbook['organisation']) => string | number;
};

const LEVEL_COLUMNS: Column[] = [
  { header: 'Kode', max: 18, value: (r, org) => displayCode(org, r.code) },
  { header: 'Level', max: 6, value: (r) => r.level },
  { header: 'Nama Proses', max: 55, value: (r) => r.name },
  { header: 'Kategori', max: 18, value: (r) => r.categoryLabel },
  { header: 'Unit Pemilik', max: 32, value: (r) => r.ownerUnit ?? '-' },
  { header: 'Status', max: 11, value: (r) => r.statusLabel },
  { header: 'Versi', max: 6, value: (r) => r.version },
  { header: 'Jumlah Langkah', max: 9, value: (r) => r.steps },
  { header: 'Serah Terima Disepakati', max: 11, value: (r) => r.handoffs.agreed },
  { header: 'Serah Terima Terbuka', max: 11, value: (r) => r.handoffs.open },
  { header: 'Serah Terima Dibantah', max: 11, value: (r) => r.handoffs.disputed },
];

/** The workbook's bytes. */
export async function inventoryXlsx(w: InventoryWorkbook): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Probis';
  wb.title = `Daftar Proses Bisnis ${w.organisation.name}`;
  // The same content gives the same properties: no clock in the file.
  const stamp = w.dataAt ? new Date(w.dataAt) : new Date(0);
  wb.created = stamp;
  wb.modified = stamp;

  summarySheet(wb, w);
  for (const level of inventoryLevels(w.rows)) levelSheet(wb, w, level);
  evidenceSheet(wb, w);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function summarySheet(wb: ExcelJS.Workbook, w: InventoryWorkbook): void {
  const ws = sheet(wb, SHEETS.summary, 'portrait');
  const statuses = Object.keys(STATUS_LABELS) as ProcessStatus[];
  const title = ws.addRow([`Daftar Proses Bisnis ${w.organisation.name}`]);
  title.font = { name: FONT, bold: true, size: 13 };
  ws.addRow([w.dataAt ? `Data per ${wib(w.dataAt)} WIB` : 'Belum ada perubahan tercatat']);
  ws.addRow([]);
  const header = ws.addRow(['Kategori', ...statuses.map((s) => STATUS_LABELS[s]), 'Jumlah']);
  styleHeader(header);
  const summary = inventorySummary(w.rows);
  for (const c of summary)
    ws.addRow([CATEGORY_LABELS[c.category], ...statuses.map((s) => c.byStatus[s]), c.total]);
  const total = ws.addRow([
    'Jumlah',
    ...statuses.map((s) => summary.reduce((n, c) => n + c.byStatus[s], 0)),
    w.rows.length,
  ]);
  total.font = { name: FONT, bold: true };
  ws.addRow([]);
  const levels = inventoryLevels(w.rows);
  const perLevel = ws.addRow(['Level', 'Jumlah proses']);
  styleHeader(perLevel);
  for (const level of levels)
    ws.addRow([SHEETS.level(level), w.rows.filter((r) => r.level === level).length]);
  ws.addRow([]);
  const note = ws.addRow([
    `Level 0 memuat proses teratas organisasi; setiap level berikutnya memuat subprosesnya. Siapa menguraikan, menyepakati, menyetujui dan memvalidasi setiap proses, dan kapan, ada di lembar "${SHEETS.evidence}".`,
  ]);
  const last = statuses.length + 2;
  ws.mergeCells(note.number, 1, note.number, last);
  note.alignment = { wrapText: true, vertical: 'top' };
  note.height = 45;
  ws.getColumn(1).width = 22;
  for (let i = 2; i <= last; i++) ws.getColumn(i).width = 12;
  ws.eachRow((row, n) => {
    if (n > 1 && !row.font?.bold) row.font = { name: FONT };
  });
  ws.headerFooter.oddHeader = `&L&"${FONT},Bold"Daftar Proses Bisnis ${headerText(w.organisation.name)}&R${SHEETS.summary}`;
}

function levelSheet(wb: ExcelJS.Workbook, w: InventoryWorkbook, level: number): void {
  const ws = sheet(wb, SHEETS.level(level), 'landscape');
  const rows = w.rows.filter((r) => r.level === level);
  styleHeader(ws.addRow(LEVEL_COLUMNS.map((c) => c.header)));
  for (const r of rows) ws.addRow(LEVEL_COLUMNS.map((c) => c.value(r, w.organisation)));
  fitColumns(
    ws,
    LEVEL_COLUMNS.map((c) => c.max),
  );
  finishTable(ws, LEVEL_COLUMNS.length, rows.length);
  ws.headerFooter.oddHeader = `&L&"${FONT},Bold"Daftar Proses Bisnis ${headerText(w.organisation.name)}&R${SHEETS.level(level)}`;
}

const EVIDENCE_COLUMNS = [
  { header: 'Kode', max: 16 },
  { header: 'Nama Proses', max: 40 },
  { header: 'Peristiwa', max: 60 },
  { header: 'Oleh', max: 45 },
  { header: 'Waktu (WIB)', max: 17 },
  { header: 'Catatan', max: 40 },
];

function evidenceSheet(wb: ExcelJS.Workbook, w: InventoryWorkbook): void {
  const ws = sheet(wb, SHEETS.evidence, 'landscape');
  styleHeader(ws.addRow(EVIDENCE_COLUMNS.map((c) => c.header)));
  for (const e of w.evidence) {
    const row = ws.addRow([
      displayCode(w.organisation, e.code),
      e.processName,
      e.what,
      e.who,
      e.at ? jakartaWallClock(e.at) : '-',
      e.note ?? '',
    ]);
    row.getCell(5).numFmt = 'yyyy-mm-dd hh:mm';
  }
  fitColumns(
    ws,
    EVIDENCE_COLUMNS.map((c) => c.max),
  );
  ws.getColumn(5).width = 17;
  finishTable(ws, EVIDENCE_COLUMNS.length, w.evidence.length);
  ws.headerFooter.oddHeader = `&L&"${FONT},Bold"Bukti Pengesahan Peta Proses Bisnis ${headerText(w.organisation.name)}`;
}

function sheet(
  wb: ExcelJS.Workbook,
  name: string,
  orientation: 'portrait' | 'landscape',
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, {
    pageSetup: {
      paperSize: 9, // A4
      orientation,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&CHalaman &P dari &N' },
  });
  return ws;
}

function styleHeader(row: ExcelJS.Row): void {
  row.font = { name: FONT, bold: true };
  row.height = 18;
  row.alignment = { vertical: 'middle', wrapText: true };
  row.eachCell((c) => {
    c.fill = HEADER_FILL;
    c.border = { bottom: { style: 'thin' } };
  });
}

/** Frozen, filtered header row repeated on every printed page; body in the document font. */
function finishTable(ws: ExcelJS.Worksheet, columns: number, rows: number): void {
  ws.views = [{ state: 'frozen', ySplit: 1, xSplit: 0 }];
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows + 1, column: columns } };
  ws.pageSetup.printTitlesRow = '1:1';
  const widths = Array.from({ length: columns }, (_, i) => ws.getColumn(i + 1).width ?? 10);
  ws.eachRow((row, n) => {
    if (n === 1) return;
    row.font = { name: FONT };
    row.alignment = { vertical: 'top', horizontal: 'left', wrapText: true };
    // Readers do not grow a row for its wrapped text (LibreOffice keeps the height it is given):
    // as tall as its most wrapped cell. A column's width counts the widest digit of the default
    // font; Arial 10 fits about 1.3 of its letters per unit, so 1.15 leaves room to spare.
    let lines = 1;
    row.eachCell((cell, col) => {
      if (typeof cell.value === 'number')
        cell.alignment = { vertical: 'top', horizontal: 'center' };
      if (typeof cell.value === 'string')
        lines = Math.max(lines, wrappedLines(cell.value, widths[col - 1]! * 1.15));
    });
    row.height = 3 + 12.5 * lines;
  });
}

/**
 * Each column as wide as its longest text, at most its `max` (longer text wraps), and never
 * narrower than the longest word of its header; the header row as tall as its most wrapped header.
 */
function fitColumns(ws: ExcelJS.Worksheet, max: number[]): void {
  let headerLines = 1;
  max.forEach((cap, i) => {
    const col = ws.getColumn(i + 1);
    const header = String(ws.getRow(1).getCell(i + 1).value ?? '');
    const longestWord = Math.max(4, ...header.split(' ').map((w) => w.length));
    let widest = longestWord;
    col.eachCell({ includeEmpty: false }, (cell, rowNo) => {
      if (rowNo === 1) return;
      const text = cell.value instanceof Date ? '0000-00-00 00:00' : String(cell.value ?? '');
      widest = Math.max(widest, text.length);
    });
    const width = Math.max(longestWord + 1, Math.min(cap, widest + 2));
    col.width = width;
    headerLines = Math.max(headerLines, wrappedLines(header, width - 1));
  });
  ws.getRow(1).height = 5 + 14 * headerLines;
}

/** How many lines `text` takes when wrapped at words into `width` characters. */
function wrappedLines(text: string, width: number): number {
  const w = Math.max(1, Math.floor(width));
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    lines++;
    let used = 0;
    for (const word of paragraph.split(' ')) {
      let need = used === 0 ? word.length : used + 1 + word.length;
      if (used > 0 && need > w) {
        lines++;
        need = word.length;
      }
      if (need > w) {
        // A word longer than a line is broken where it runs over.
        lines += Math.ceil(word.length / w) - 1;
        used = word.length % w || w;
      } else used = need;
    }
  }
  return lines;
}

/** An instant as the Asia/Jakarta wall clock, in a Date whose UTC fields are that clock. */
function jakartaWallClock(iso: string): Date {
  return new Date(Date.parse(iso) + JAKARTA_OFFSET_MS);
}

/** "2026-12-05 14:03", Asia/Jakarta. */
const wib = jakartaDateTime;

/** Text safe in a print header: "&" starts a header code there. */
function headerText(s: string): string {
  return s.replace(/&/g, '&&');
}
