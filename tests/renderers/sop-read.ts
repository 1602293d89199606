// Reading an SOP back with readers other than its writers: poppler's pdftotext (words and their
// boxes) for the PDF, LibreOffice (DOCX -> PDF) then pdftotext for the DOCX.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Whether a command-line reader is on this machine. */
export function has(bin: string): boolean {
  try {
    execFileSync('which', [bin], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export type Word = { text: string; xMin: number; yMin: number; xMax: number; yMax: number };
export type Line = Word & { words: Word[] };

const num = (s: string, name: string) => Number(new RegExp(`${name}="([\\d.]+)"`).exec(s)![1]);
const box = (attrs: string) => ({
  xMin: num(attrs, 'xMin'),
  yMin: num(attrs, 'yMin'),
  xMax: num(attrs, 'xMax'),
  yMax: num(attrs, 'yMax'),
});
const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

/** The lines of words of every page, as `pdftotext -bbox-layout` finds them. */
export function pdfLines(pdf: Uint8Array): Line[][] {
  const dir = mkdtempSync(path.join(tmpdir(), 'sop-read-'));
  const file = path.join(dir, 'sop.pdf');
  writeFileSync(file, pdf);
  const html = execFileSync('pdftotext', ['-bbox-layout', file, '-'], { encoding: 'utf8' });
  return html
    .split('<page ')
    .slice(1)
    .map((page) =>
      [...page.matchAll(/<line ([^>]*)>([\s\S]*?)<\/line>/g)].map((m) => {
        const words = [...m[2]!.matchAll(/<word ([^>]*)>([^<]*)<\/word>/g)].map((w) => ({
          ...box(w[1]!),
          text: unescape(w[2]!),
        }));
        return { ...box(m[1]!), text: words.map((w) => w.text).join(' '), words };
      }),
    );
}

/** `pdftotext -layout` of the whole document. */
export function pdfText(pdf: Uint8Array): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sop-read-'));
  const file = path.join(dir, 'sop.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

/** The DOCX as LibreOffice prints it to PDF (it throws when LibreOffice cannot open it). */
export function docxToPdf(docx: Uint8Array): Uint8Array {
  const dir = mkdtempSync(path.join(tmpdir(), 'sop-docx-'));
  const file = path.join(dir, 'sop.docx');
  writeFileSync(file, docx);
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=file://${dir}/profile`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      dir,
      file,
    ],
    { stdio: 'ignore', timeout: 120_000 },
  );
  return new Uint8Array(readFileSync(path.join(dir, 'sop.pdf')));
}

export function pdfInfo(pdf: Uint8Array): { pages: number; width: number; height: number } {
  const dir = mkdtempSync(path.join(tmpdir(), 'sop-read-'));
  const file = path.join(dir, 'sop.pdf');
  writeFileSync(file, pdf);
  const out = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(out)!;
  return {
    pages: Number(/Pages:\s+(\d+)/.exec(out)![1]),
    width: Number(size[1]),
    height: Number(size[2]),
  };
}

/** Words of a cell, in reading order, with words broken over lines joined again ("Perencana-" "an"). */
export function joinWords(lines: { text: string }[]): string {
  return lines
    .map((l) => l.text.trim())
    .join('\n')
    .replace(/(\p{L})-\n(\p{Ll})/gu, '$1$2')
    .replace(/\n/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const centre = (b: { xMin: number; xMax: number }) => (b.xMin + b.xMax) / 2;

export interface FlowTable {
  /** The pelaksana headers, left to right, as read. */
  headers: string[];
  /** x centre of each pelaksana header. */
  headerCentres: number[];
  /** One per row number found in the No column, on every page, in order. */
  rows: {
    page: number;
    no: number;
    yMin: number;
    yMax: number;
    cells: Record<'kegiatan' | 'kelengkapan' | 'waktu' | 'output' | 'keterangan', string>;
    /** Words in the pelaksana columns (numbers in symbols, labels). */
    drawn: Word[];
  }[];
}

const COLUMNS = [
  'No',
  'Kegiatan',
  'Pelaksana',
  'Kelengkapan',
  'Waktu',
  'Output',
  'Keterangan',
] as const;
type Column = (typeof COLUMNS)[number];

/**
 * The flowchart table of one page, read from words alone. Headers are centred in their cells, so
 * from the table's left edge each header's centre gives its column's right edge; the numbers in
 * the No column give the rows; each piece of a line (words closer than a space) belongs to the row
 * it starts in and the column its centre falls in. Pieces in the pelaksana columns are the drawing.
 */
export function readFlowPage(lines: Line[], page: number, tableLeft: number): FlowTable | null {
  const words = lines.flatMap((l) => l.words);
  const find = (t: string) => words.find((w) => w.text === t);
  if (!find('Pelaksana') || !find('No') || !find('Kelengkapan') || !find('Keterangan')) return null;
  const bounds = new Map<Column, [number, number]>();
  let left = tableLeft;
  for (const c of COLUMNS) {
    const right = 2 * centre(find(c)!) - left;
    bounds.set(c, [left, right]);
    left = right;
  }
  const [pelLeft, pelRight] = bounds.get('Pelaksana')!;
  const kel = find('Kelengkapan')!;
  const headerTop = find('Pelaksana')!.yMax;
  // Pelaksana headers: the words under "Pelaksana", down to the sub-headers' last line, grouped
  // by overlapping x (each is centred in its column).
  const subHeaders = words.filter(
    (w) => ['Kelengkapan', 'Waktu', 'Output'].includes(w.text) && w.yMin > headerTop,
  );
  const headerBottom = Math.max(...subHeaders.map((w) => w.yMax)) + 12;
  const laneWords = words.filter(
    (w) =>
      w.yMin > headerTop &&
      w.yMax < headerBottom &&
      centre(w) > pelLeft &&
      centre(w) < pelRight &&
      !/^\d+$/.test(w.text),
  );
  const laneTop = Math.min(...laneWords.map((w) => w.yMin));
  const header = laneWords.filter((w) => w.yMin < laneTop + 30 && w.yMin < kel.yMax + 12);
  const groups: Word[][] = [];
  for (const w of [...header].sort((a, b) => a.xMin - b.xMin)) {
    // One header: words above one another, or side by side on one line a space apart.
    const g = groups.find((g) =>
      g.some(
        (o) =>
          (w.xMin < o.xMax + 1 && o.xMin < w.xMax + 1) ||
          (Math.abs(w.yMin - o.yMin) < 1 && w.xMin - o.xMax < 4),
      ),
    );
    if (g) g.push(w);
    else groups.push([w]);
  }
  groups.sort((a, b) => centre(a[0]!) - centre(b[0]!));
  const headers = groups.map((g) => joinWords(groupLines(g)));
  const headerCentres = groups.map(
    (g) => (Math.min(...g.map((w) => w.xMin)) + Math.max(...g.map((w) => w.xMax))) / 2,
  );
  const bodyTop = Math.max(...header.map((w) => w.yMax), ...subHeaders.map((w) => w.yMax)) + 1;
  const [noLeft, noRight] = bounds.get('No')!;
  const numbers = words
    .filter(
      (w) => w.yMin > bodyTop && /^\d+$/.test(w.text) && centre(w) > noLeft && centre(w) < noRight,
    )
    .sort((a, b) => a.yMin - b.yMin);
  const below = words.filter(
    (w) => (w.text === 'Halaman' || w.text === 'Jumlah') && w.yMin > bodyTop,
  );
  const end = Math.min(Infinity, ...below.map((w) => w.yMin));
  const rows = numbers.map((n, i) => {
    const yMin = n.yMin - 1;
    const next = numbers[i + 1]?.yMin ?? end;
    const cells: Record<string, Line[]> = {};
    const drawn: Word[] = [];
    for (const l of lines.filter((l) => l.yMin >= yMin && l.yMin < next - 1))
      for (const piece of splitByGaps(l)) {
        const c = centre(piece);
        const column = COLUMNS.find((k) => c >= bounds.get(k)![0] && c < bounds.get(k)![1]);
        if (column === 'Pelaksana') drawn.push(...piece.words);
        else if (column && column !== 'No') (cells[column] ??= []).push(piece);
      }
    const text = (k: Column) => joinWords((cells[k] ?? []).sort((a, b) => a.yMin - b.yMin));
    return {
      page,
      no: Number(n.text),
      yMin,
      yMax: next,
      cells: {
        kegiatan: text('Kegiatan'),
        kelengkapan: text('Kelengkapan'),
        waktu: text('Waktu'),
        output: text('Output'),
        keterangan: text('Keterangan'),
      },
      drawn,
    };
  });
  return { headers, headerCentres, rows };
}

/** A line's words split where the gap between two words is wider than a space (two cells). */
function splitByGaps(l: Line): Line[] {
  const out: Word[][] = [];
  for (const w of l.words) {
    const last = out[out.length - 1];
    const prev = last?.[last.length - 1];
    if (prev && w.xMin - prev.xMax < 4) last!.push(w);
    else out.push([w]);
  }
  return out.map((ws) => ({
    words: ws,
    text: ws.map((w) => w.text).join(' '),
    xMin: Math.min(...ws.map((w) => w.xMin)),
    xMax: Math.max(...ws.map((w) => w.xMax)),
    yMin: Math.min(...ws.map((w) => w.yMin)),
    yMax: Math.max(...ws.map((w) => w.yMax)),
  }));
}

/** Words of one header grouped into its lines, top to bottom. */
function groupLines(ws: Word[]): { text: string }[] {
  const sorted = [...ws].sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin);
  const lines: Word[][] = [];
  for (const w of sorted) {
    const l = lines.find((l) => Math.abs(l[0]!.yMin - w.yMin) < 2);
    if (l) l.push(w);
    else lines.push([w]);
  }
  return lines.map((l) => ({
    text: l
      .sort((a, b) => a.xMin - b.xMin)
      .map((w) => w.text)
      .join(' '),
  }));
}
