// The flowchart table of an SOP laid out once, for two painters (PDF and the DOCX's picture
// strips): column positions, row heights with every cell's text wrapped, the pages the rows fall
// on, and the drawing in the pelaksana columns: the five SOP symbols stacked vertically (one per
// height, so that no line crosses another symbol), arrows down through the gaps to the next
// symbol, longer and backward arrows along tracks at the right of the columns, and off-page
// connectors (segilima) naming the page and step a flow continues on.
import type { SopContent, SopRow } from './content.js';
import { wrap, type Measure } from './measure.js';

export const TEXT_SIZE = 7;
export const LINE = 8.4;
const CELL_PAD = 3;
const SYMBOL_PAD = 8;
const SLOT_GAP = 14;
const LABEL_SIZE = 5.5;
const LABEL_LINE = 6.5;
const NUMBER_SIZE = 6.5;
const TRACK_GAP = 4;
/** Continuation lines of a list item, under its text (no-break spaces: a word processor keeps them). */
const INDENT = '\u00a0\u00a0\u00a0';
const INDENT_W = 6;

export interface Box {
  x: number;
  w: number;
}

export interface TableColumns {
  left: number;
  width: number;
  no: Box;
  kegiatan: Box;
  /** One per pelaksana column; the last includes the tracks of the long arrows. */
  lanes: (Box & { key: string; header: string[] })[];
  /** The x range of the arrows' tracks, inside the last pelaksana column. */
  tracks: Box;
  kelengkapan: Box;
  waktu: Box;
  output: Box;
  keterangan: Box;
  /** Whole pelaksana area. */
  pelaksana: Box;
  headerSize: number;
}

export type ShapeKind = 'capsule' | 'box' | 'diamond' | 'pentagon';

export interface Shape {
  kind: ShapeKind;
  cx: number;
  cy: number;
  w: number;
  h: number;
  /** Text inside: the step's number, the terminal's label, the connector's letter. */
  lines: string[];
  size: number;
}

export interface Path {
  points: [number, number][];
  arrow: boolean;
  dashed?: boolean;
}

export interface Label {
  /** Left edge, or centre when `center`. */
  x: number;
  /** Top of the first line. */
  y: number;
  lines: string[];
  size: number;
  center?: boolean;
}

export interface Drawing {
  shapes: Shape[];
  paths: Path[];
  labels: Label[];
}

export interface CellText {
  kegiatan: string[];
  kelengkapan: string[];
  waktu: string[];
  output: string[];
  keterangan: string[];
}

export interface LaidRow {
  /** A step's row, or a band of off-page connectors (no text). */
  row: SopRow | null;
  y: number;
  h: number;
  text: CellText | null;
}

export interface LaidPage {
  /** Index among the flowchart's pages, 0-based. */
  index: number;
  headerY: number;
  headerH: number;
  rows: LaidRow[];
  /** The total rows and footnote, on the page that ends the table. */
  totals: {
    y: number;
    rows: { label: string[]; value: string[]; h: number }[];
    footnote: string[];
    footnoteY: number;
  } | null;
  drawing: Drawing;
}

export interface SopLayout {
  columns: TableColumns;
  pages: LaidPage[];
}

export interface PageFrame {
  /** Left of the table and its width. */
  left: number;
  width: number;
  /** Where the table starts and must end on each page. */
  top: number;
  bottom: number;
  /** The page numbers the flowchart's pages carry (the identity block takes page 1). */
  firstPageNumber: number;
}

// ---------------------------------------------------------------------------------------------
// Columns

function laneHeader(m: Measure, header: string, width: number): { size: number; lines: string[] } {
  const longest = Math.max(...header.split(/\s+/).map((w) => m.width(w, 1, true)));
  const size = Math.max(5, Math.min(6.5, (width - 4) / Math.max(longest, 0.01)));
  return { size, lines: wrap(m, header, width - 4, size, true) };
}

function columnsOf(
  m: Measure,
  content: SopContent,
  frame: PageFrame,
  trackCount: number,
): TableColumns {
  const T = frame.width;
  const n = Math.max(1, content.columns.length);
  const tracksW = 4 + Math.min(trackCount, 10) * TRACK_GAP;
  const laneW = Math.min(52, Math.max(24, (T * 0.45 - tracksW) / n));
  const P = n * laneW + tracksW;
  const noW = 16;
  const waktuW = 38;
  const rest = T - P - noW - waktuW;
  const kegW = rest * 0.33;
  const kelW = rest * 0.23;
  const outW = rest * 0.23;
  const ketW = rest - kegW - kelW - outW;
  let x = frame.left;
  const take = (w: number): Box => {
    const b = { x, w };
    x += w;
    return b;
  };
  const no = take(noW);
  const kegiatan = take(kegW);
  const pelaksanaX = x;
  const headers = content.columns.map((c) => laneHeader(m, c.header, laneW));
  const headerSize = Math.min(...headers.map((h) => h.size), 6.5);
  const lanes = content.columns.map((c, i) => {
    const w = i === n - 1 ? laneW + tracksW : laneW;
    const b = take(w);
    return { ...b, key: c.key, header: wrap(m, c.header, laneW - 4, headerSize, true) };
  });
  if (lanes.length === 0) take(P);
  const tracks = { x: pelaksanaX + n * laneW, w: tracksW };
  const kelengkapan = take(kelW);
  const waktu = take(waktuW);
  const output = take(outW);
  const keterangan = take(ketW);
  return {
    left: frame.left,
    width: T,
    no,
    kegiatan,
    lanes,
    tracks,
    kelengkapan,
    waktu,
    output,
    keterangan,
    pelaksana: { x: pelaksanaX, w: P },
    headerSize,
  };
}

/** Height of the two header rows: titles, then the pelaksana and mutu baku sub-headers. */
export function headerHeights(cols: TableColumns): { top: number; sub: number } {
  const lines = Math.max(1, ...cols.lanes.map((l) => l.header.length));
  return { top: 13, sub: Math.max(13, lines * cols.headerSize * 1.2 + 6) };
}

// ---------------------------------------------------------------------------------------------
// Slots: the symbols of a row, stacked one above the other

interface Slot {
  id: string;
  kind: ShapeKind;
  /** Column keys: the first holds the arrows; the others are a joint step's copies. */
  columns: string[];
  lines: string[];
  size: number;
  w: number;
  h: number;
  /** Text above (an incoming connector) or below (an outgoing one). */
  caption?: { lines: string[]; above: boolean };
}

function stepSlot(r: SopRow, laneW: number): Slot {
  const w = Math.min(laneW - 8, r.kind === 'decision' ? 30 : 40);
  return {
    id: r.stepId,
    kind: r.kind === 'decision' ? 'diamond' : 'box',
    columns: r.columns,
    lines: [String(r.no)],
    size: NUMBER_SIZE,
    w,
    h: r.kind === 'decision' ? 22 : 16,
  };
}

function terminalSlot(m: Measure, t: SopContent['terminals'][number], laneW: number): Slot {
  const w = laneW - 6;
  const lines = wrap(m, t.label, w - 6, LABEL_SIZE);
  return {
    id: t.id,
    kind: 'capsule',
    columns: [t.column],
    lines,
    size: LABEL_SIZE,
    w,
    h: Math.max(12, lines.length * LABEL_LINE + 5),
  };
}

function connectorSlot(
  id: string,
  column: string,
  letter: string,
  caption: string[],
  incoming: boolean,
): Slot {
  return {
    id,
    kind: 'pentagon',
    columns: [column],
    lines: [letter],
    size: NUMBER_SIZE,
    w: 16,
    h: 16,
    caption: { lines: caption, above: incoming },
  };
}

const slotHeight = (s: Slot) => s.h + (s.caption ? s.caption.lines.length * LABEL_LINE + 2 : 0);

function stackHeight(slots: Slot[]): number {
  return (
    2 * SYMBOL_PAD +
    slots.reduce((sum, s) => sum + slotHeight(s), 0) +
    SLOT_GAP * Math.max(0, slots.length - 1)
  );
}

/** "A".."Z", "AA".. : the letters pairing off-page connectors. */
function letter(i: number): string {
  let s = '';
  let n = i + 1;
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

// ---------------------------------------------------------------------------------------------
// The layout

function cellText(m: Measure, r: SopRow, cols: TableColumns): CellText {
  const w = (b: Box) => b.w - 2 * CELL_PAD;
  const list = (items: string[], b: Box) =>
    items.length === 0
      ? ['-']
      : items.length === 1
        ? wrap(m, items[0]!, w(b), TEXT_SIZE)
        : items.flatMap((item) =>
            wrap(m, `- ${item}`, w(b) - INDENT_W, TEXT_SIZE).map((l, i) =>
              i === 0 ? l : `${INDENT}${l}`,
            ),
          );
  return {
    kegiatan: r.kegiatan.flatMap((k) => wrap(m, k, w(cols.kegiatan), TEXT_SIZE)),
    kelengkapan: list(r.kelengkapan, cols.kelengkapan),
    waktu: wrap(m, r.waktu ?? '-', w(cols.waktu), TEXT_SIZE),
    output: list(r.outputs, cols.output),
    keterangan: wrap(m, r.keterangan ?? '-', w(cols.keterangan), TEXT_SIZE),
  };
}

const textHeight = (t: CellText) =>
  Math.max(
    t.kegiatan.length,
    t.kelengkapan.length,
    t.waktu.length,
    t.output.length,
    t.keterangan.length,
  ) *
    LINE +
  2 * CELL_PAD;

/** The most long arrows that pass one row at once, without paging: how wide the tracks are. */
function trackEstimate(
  content: SopContent,
  rowOf: Map<string, number>,
  slotIndex: Map<string, number>,
): number {
  const spans = content.edges
    .filter((e) => (slotIndex.get(e.to) ?? 0) !== (slotIndex.get(e.from) ?? 0) + 1)
    .map((e) => {
      const a = rowOf.get(e.from) ?? 0;
      const b = rowOf.get(e.to) ?? 0;
      return [Math.min(a, b), Math.max(a, b)] as const;
    });
  let most = 0;
  for (let r = 0; r < content.rows.length; r++)
    most = Math.max(most, spans.filter(([a, b]) => a <= r && r <= b).length);
  // Paging adds a route to each connector: leave room for two more.
  return most + 2;
}

/**
 * Lays the flowchart out on pages of `frame` (one endless page when `frame.bottom` is Infinity:
 * the DOCX, which a word processor pages itself).
 */
export function layoutSop(m: Measure, content: SopContent, frame: PageFrame): SopLayout {
  // Which row each terminal sits in: the start with its first step, an end with the first step
  // that leads to it.
  const rowIndex = new Map(content.rows.map((r, i) => [r.stepId, i]));
  const attached = new Map<number, { before: string[]; after: string[] }>();
  const attach = (i: number, id: string, before: boolean) => {
    const a = attached.get(i) ?? { before: [], after: [] };
    (before ? a.before : a.after).push(id);
    attached.set(i, a);
  };
  const rowOf = new Map<string, number>(rowIndex);
  for (const t of content.terminals) {
    const near = content.edges
      .filter((e) => (t.kind === 'start' ? e.from === t.id : e.to === t.id))
      .map((e) => rowIndex.get(t.kind === 'start' ? e.to : e.from))
      .filter((i): i is number => i !== undefined);
    const i = near.length ? Math.min(...near) : t.kind === 'start' ? 0 : content.rows.length - 1;
    if (content.rows.length === 0) continue;
    attach(i, t.id, t.kind === 'start');
    rowOf.set(t.id, i);
  }
  const order: string[] = content.rows.flatMap((r, i) => [
    ...(attached.get(i)?.before ?? []),
    r.stepId,
    ...(attached.get(i)?.after ?? []),
  ]);
  const slotIndex = new Map(order.map((id, i) => [id, i]));
  const cols = columnsOf(m, content, frame, trackEstimate(content, rowOf, slotIndex));
  const laneW = cols.lanes[0] ? cols.lanes[0].w : 40;
  const terminalById = new Map(content.terminals.map((t) => [t.id, t]));
  const rowSlots = content.rows.map((r, i) => {
    const a = attached.get(i) ?? { before: [], after: [] };
    return [
      ...a.before.map((id) => terminalSlot(m, terminalById.get(id)!, laneW)),
      stepSlot(r, laneW),
      ...a.after.map((id) => terminalSlot(m, terminalById.get(id)!, laneW)),
    ];
  });
  const texts = content.rows.map((r) => cellText(m, r, cols));
  const heights = content.rows.map((_, i) =>
    Math.max(28, textHeight(texts[i]!), stackHeight(rowSlots[i]!)),
  );
  const { top: h1, sub: h2 } = headerHeights(cols);
  const headerH = h1 + h2;

  // Totals below the last row.
  const totalsRows = [
    {
      label: `Jumlah waktu (jalur utama)${content.totals.missing ? `, ${content.totals.missing} langkah tanpa waktu` : ''}`,
      value: content.totals.main,
    },
    ...(content.totals.longest
      ? [{ label: 'Jumlah waktu (jalur terpanjang)', value: content.totals.longest }]
      : []),
  ].map((t) => {
    const label = wrap(
      m,
      t.label,
      cols.kelengkapan.x + cols.kelengkapan.w - cols.left - 2 * CELL_PAD,
      TEXT_SIZE,
      true,
    );
    const value = wrap(m, t.value, cols.waktu.w - 2 * CELL_PAD, TEXT_SIZE, true);
    return { label, value, h: Math.max(label.length, value.length) * LINE + 2 * CELL_PAD };
  });
  const footnote = wrap(m, content.footnote, cols.width, LABEL_SIZE + 0.5);
  const totalsH = totalsRows.reduce((s, t) => s + t.h, 0) + 4 + footnote.length * LABEL_LINE;

  // Pages: rows in order while they fit with the connector bands they need.
  const crossing = (set: Set<number>) => {
    let into = 0;
    let out = 0;
    for (const e of content.edges) {
      const a = set.has(rowOf.get(e.from) ?? -1);
      const b = set.has(rowOf.get(e.to) ?? -1);
      if (a && !b) out++;
      if (b && !a) into++;
    }
    return { into, out };
  };
  const bandH = (k: number, incoming: boolean) =>
    k === 0
      ? 0
      : stackHeight(
          Array.from({ length: k }, () =>
            connectorSlot(
              '',
              '',
              'A',
              incoming ? ['dari hal. 1', 'no.1'] : ['ke hal. 1', 'no.1'],
              incoming,
            ),
          ),
        );
  const avail = frame.bottom - frame.top - headerH;
  const pageRows: number[][] = [];
  let next = 0;
  while (next < content.rows.length) {
    const set = new Set<number>();
    let used = 0;
    while (next < content.rows.length) {
      set.add(next);
      const { into, out } = crossing(set);
      const need = used + heights[next]! + bandH(into, true) + bandH(out, false);
      if (set.size > 1 && need > avail) {
        set.delete(next);
        break;
      }
      used += heights[next]!;
      next++;
    }
    pageRows.push([...set]);
  }
  if (pageRows.length === 0) pageRows.push([]);
  const pageOfRow = new Map<number, number>();
  pageRows.forEach((rows, p) => rows.forEach((r) => pageOfRow.set(r, p)));

  // Connectors: each edge between pages gets a lettered pair.
  const stepNo = (id: string) => {
    const i = rowOf.get(id) ?? 0;
    return content.rows[i]?.no ?? 0;
  };
  const columnOf = (id: string) =>
    content.rows[rowIndex.get(id) ?? -1]?.columns[0] ?? terminalById.get(id)?.column ?? '';
  const inBands = pageRows.map(() => [] as Slot[]);
  const outBands = pageRows.map(() => [] as Slot[]);
  const routes = pageRows.map(() => [] as { from: string; to: string; label: string | null }[]);
  let letters = 0;
  for (const e of content.edges) {
    const pa = pageOfRow.get(rowOf.get(e.from) ?? -1);
    const pb = pageOfRow.get(rowOf.get(e.to) ?? -1);
    if (pa === undefined || pb === undefined) continue;
    if (pa === pb) {
      routes[pa]!.push(e);
      continue;
    }
    const l = letter(letters++);
    const outId = `out:${l}`;
    const inId = `in:${l}`;
    const pageNumber = (p: number) => frame.firstPageNumber + p;
    outBands[pa]!.push(
      connectorSlot(
        outId,
        columnOf(e.from),
        l,
        [`ke hal. ${pageNumber(pb)}`, `no.${stepNo(e.to)}`],
        false,
      ),
    );
    inBands[pb]!.push(
      connectorSlot(
        inId,
        columnOf(e.to),
        l,
        [`dari hal. ${pageNumber(pa)}`, `no.${stepNo(e.from)}`],
        true,
      ),
    );
    routes[pa]!.push({ from: e.from, to: outId, label: e.label });
    routes[pb]!.push({ from: inId, to: e.to, label: null });
  }

  const laneByKey = new Map(cols.lanes.map((l) => [l.key, l]));
  const laneCenter = (key: string) => {
    const l = laneByKey.get(key);
    if (!l) return cols.pelaksana.x + cols.pelaksana.w / 2;
    const w = l === cols.lanes[cols.lanes.length - 1] ? l.w - cols.tracks.w : l.w;
    return l.x + w / 2;
  };

  const pages: LaidPage[] = pageRows.map((rows, p) => {
    const headerY = frame.top;
    let y = headerY + headerH;
    const laid: LaidRow[] = [];
    const placed: { slot: Slot; cy: number }[] = [];
    const placeStack = (slots: Slot[], top: number, h: number) => {
      let sy = top + (h - stackHeight(slots)) / 2 + SYMBOL_PAD;
      for (const s of slots) {
        const capAbove = s.caption?.above ? s.caption.lines.length * LABEL_LINE + 2 : 0;
        placed.push({ slot: s, cy: sy + capAbove + s.h / 2 });
        sy += slotHeight(s) + SLOT_GAP;
      }
    };
    if (inBands[p]!.length > 0) {
      const h = stackHeight(inBands[p]!);
      placeStack(inBands[p]!, y, h);
      laid.push({ row: null, y, h, text: null });
      y += h;
    }
    for (const i of rows) {
      const h = heights[i]!;
      placeStack(rowSlots[i]!, y, h);
      laid.push({ row: content.rows[i]!, y, h, text: texts[i]! });
      y += h;
    }
    if (outBands[p]!.length > 0) {
      const h = stackHeight(outBands[p]!);
      placeStack(outBands[p]!, y, h);
      laid.push({ row: null, y, h, text: null });
      y += h;
    }
    const last = p === pageRows.length - 1;
    let totals: LaidPage['totals'] = null;
    if (last) {
      let ty = y;
      const tr = totalsRows.map((t) => {
        const row = { ...t };
        ty += t.h;
        return row;
      });
      totals = { y, rows: tr, footnote, footnoteY: ty + 4 };
    }
    return {
      index: p,
      headerY,
      headerH,
      rows: laid,
      totals,
      drawing: draw(placed, routes[p]!, laneCenter, cols, m),
    };
  });
  // Totals that do not fit under the last row go to a page of their own.
  const lastPage = pages[pages.length - 1]!;
  if (
    lastPage.totals &&
    lastPage.totals.footnoteY + footnote.length * LABEL_LINE > frame.bottom &&
    lastPage.rows.length > 0 &&
    Number.isFinite(frame.bottom)
  ) {
    const t = lastPage.totals;
    lastPage.totals = null;
    const shift = frame.top + headerH - t.y;
    pages.push({
      index: pages.length,
      headerY: frame.top,
      headerH,
      rows: [],
      totals: { ...t, y: t.y + shift, footnoteY: t.footnoteY + shift },
      drawing: { shapes: [], paths: [], labels: [] },
    });
  }
  void totalsH;
  return { columns: cols, pages };
}

// ---------------------------------------------------------------------------------------------
// Drawing one page

function draw(
  placed: { slot: Slot; cy: number }[],
  routes: { from: string; to: string; label: string | null }[],
  laneCenter: (key: string) => number,
  cols: TableColumns,
  m: Measure,
): Drawing {
  const shapes: Shape[] = [];
  const paths: Path[] = [];
  const labels: Label[] = [];
  const at = new Map<
    string,
    { slot: Slot; cy: number; index: number; cx: number; right: number }
  >();
  placed.forEach(({ slot, cy }, index) => {
    const xs = slot.columns.map(laneCenter);
    for (const cx of xs)
      shapes.push({
        kind: slot.kind,
        cx,
        cy,
        w: slot.w,
        h: slot.h,
        lines: slot.lines,
        size: slot.size,
      });
    // A joint step's copies are tied by a dashed line between them.
    if (xs.length > 1) {
      const sorted = [...xs].sort((a, b) => a - b);
      for (let i = 1; i < sorted.length; i++)
        paths.push({
          points: [
            [sorted[i - 1]! + slot.w / 2, cy],
            [sorted[i]! - slot.w / 2, cy],
          ],
          arrow: false,
          dashed: true,
        });
    }
    if (slot.caption) {
      const capH = slot.caption.lines.length * LABEL_LINE;
      const y = slot.caption.above ? cy - slot.h / 2 - capH - 1 : cy + slot.h / 2 + 1;
      labels.push({ x: xs[0]!, y, lines: slot.caption.lines, size: LABEL_SIZE, center: true });
    }
    at.set(slot.id, { slot, cy, index, cx: xs[0]!, right: Math.max(...xs) + slot.w / 2 });
  });

  // Long routes get tracks: shortest nearest the columns, none sharing a height.
  type Route = { from: string; to: string; label: string | null };
  const long: { r: Route; lo: number; hi: number }[] = [];
  for (const r of routes) {
    const a = at.get(r.from);
    const b = at.get(r.to);
    if (!a || !b) continue;
    if (b.index === a.index + 1) {
      const top = b.cy - b.slot.h / 2;
      const bottom = a.cy - a.slot.h / 2 + a.slot.h;
      const jog = bottom + Math.min(6, (top - bottom) / 2);
      const pts: [number, number][] =
        Math.abs(a.cx - b.cx) < 0.5
          ? [
              [a.cx, bottom],
              [b.cx, top],
            ]
          : [
              [a.cx, bottom],
              [a.cx, jog],
              [b.cx, jog],
              [b.cx, top],
            ];
      paths.push({ points: pts, arrow: true });
      // The exit's label beside its line, on the side the line does not turn to.
      if (r.label) {
        const w = m.width(r.label, LABEL_SIZE);
        const x = b.cx > a.cx + 0.5 ? a.cx - 2 - w : a.cx + 2;
        labels.push({ x, y: bottom + 0.5, lines: [r.label], size: LABEL_SIZE });
      }
    } else {
      long.push({ r, lo: Math.min(a.cy, b.cy), hi: Math.max(a.cy, b.cy) });
    }
  }
  long.sort((x, y) => x.hi - x.lo - (y.hi - y.lo));
  const taken: { lo: number; hi: number }[][] = [];
  const trackOf = long.map((l) => {
    let t = 0;
    while (taken[t]?.some((o) => o.lo <= l.hi + 3 && l.lo <= o.hi + 3)) t++;
    (taken[t] ??= []).push(l);
    return t;
  });
  const n = Math.max(1, taken.length);
  const gap = Math.min(TRACK_GAP, (cols.tracks.w - 4) / n);
  long.forEach(({ r }, i) => {
    const a = at.get(r.from)!;
    const b = at.get(r.to)!;
    const x = cols.tracks.x + 2 + trackOf[i]! * gap;
    const depart = a.cy + (a.slot.kind === 'diamond' ? 0 : 3);
    const startX = a.right - (a.slot.kind === 'pentagon' ? 0 : 0);
    const pts: [number, number][] = [
      [startX, depart],
      [x, depart],
    ];
    if (b.slot.kind === 'diamond') {
      const top = b.cy - b.slot.h / 2;
      pts.push([x, top - 5], [b.cx, top - 5], [b.cx, top]);
    } else {
      const arrive = b.cy - 3;
      pts.push([x, arrive], [b.right, arrive]);
    }
    paths.push({ points: pts, arrow: true });
    // The label on the side of the line away from where it turns: below a line going up.
    if (r.label) {
      const up = b.cy < a.cy;
      labels.push({
        x: startX + 1.5,
        y: up ? depart + 1 : depart - LABEL_LINE,
        lines: [r.label],
        size: LABEL_SIZE,
      });
    }
  });
  return { shapes, paths, labels };
}
