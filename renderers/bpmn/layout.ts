// The BPMNDI geometry of a leaf process, on the grid of the cross-functional map: the same lanes as
// columns, in the same order, and the same rows (Graphviz's ranks: the SOP order, one step a row),
// with Graphviz's box sizes for the tasks. Rows are re-spaced here so that BPMN's extra
// gateways get a row of their own (a merge just above its node, a split just below) and labels
// find room; flows are routed orthogonally on that grid:
//
// - to the next row: straight down, or down-across-down through the gap between the rows;
// - further down in a free column: out of the side along the source's row, then down;
// - otherwise (loops back, jumps past occupied cells): along a channel at the edge of the target's
//   lane (each flow its own slot when their spans overlap), entering the target from the side.
//
// A row holds one node, so a horizontal segment along a node's own row crosses no other shape, and
// a channel runs beside the shapes of its lane. Every point lies inside its lanes and the pool.
import type { BpmnElement, BpmnFlow, BpmnGraph } from './graph.js';
import { labelSize, wrapPx } from './text.js';

export type Pt = { x: number; y: number };
export type Rect = { x: number; y: number; w: number; h: number };

/** A node's place on the Graphviz grid: centre (Graphviz y, upwards) and size in points. */
export interface GridNode {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface LayoutInput {
  graph: BpmnGraph;
  /** The lanes as columns, left to right. */
  lanes: { key: string; title: string }[];
  /** Lane key of every model node's BPMN id (merge and split gateways follow their node). */
  laneOf: Map<string, string>;
  /** Grid position of model nodes, by BPMN id. */
  grid: Map<string, GridNode>;
  /** Text of the external label of an element or flow (events, forking gateways, named exits). */
  labelOf: (id: string) => string | null;
}

export interface BpmnLayout {
  pool: Rect;
  lanes: { key: string; rect: Rect }[];
  /** By BPMN element id. */
  shapes: Map<string, Rect>;
  /** External labels by BPMN element or flow id. */
  labels: Map<string, Rect>;
  /** By BPMN flow id. */
  waypoints: Map<string, Pt[]>;
}

type Shape = 'task' | 'event' | 'gateway';
type Side = 'top' | 'bottom' | 'left' | 'right';

interface Cell {
  id: string;
  shape: Shape;
  w: number;
  h: number;
  row: number;
  col: number;
}

/** How a flow leaves its source and reaches its target. */
interface Route {
  flow: BpmnFlow;
  kind: 'down' | 'across' | 'flat' | 'channel';
  exit: Side;
  entry: Side;
  /** Channel routes: the lane column and edge the channel runs along, and its slot. */
  channel?: { col: number; side: 'left' | 'right'; slot: number };
}

const ORIGIN = 20;
const POOL_HEADER = 30;
const ROW_GAP = 48;
const LANE_PAD = 30;
const SLOT_FIRST = 12;
const SLOT_STEP = 10;
const LABEL_GAP = 6;

const TASK_FONT = 12;

function shapeOf(el: BpmnElement): Shape {
  if (el.kind !== 'node') return 'gateway';
  if (el.node.kind === 'decision') return 'gateway';
  if (el.node.kind === 'activity') return 'task';
  return 'event';
}

function sizeOf(el: BpmnElement, grid: GridNode | undefined): { w: number; h: number } {
  const shape = shapeOf(el);
  if (shape === 'event') return { w: 36, h: 36 };
  if (shape === 'gateway') return { w: 50, h: 50 };
  const name = el.kind === 'node' && el.node.kind === 'activity' ? el.node.name : '';
  const w = Math.max(120, Math.round(grid?.w ?? 0));
  // bpmn-js wraps a task's name inside the box, 12 px with about 5 px padding a side.
  const lines = wrapPx(name, w - 10, TASK_FONT).length;
  const h = Math.max(60, Math.round(grid?.h ?? 0), Math.ceil(lines * TASK_FONT * 1.2 + 16));
  return { w, h };
}

const inflate = (r: Rect, d: number): Rect => ({
  x: r.x - d,
  y: r.y - d,
  w: r.w + 2 * d,
  h: r.h + 2 * d,
});

export const overlaps = (a: Rect, b: Rect): boolean =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** Whether the axis-parallel (or any) segment a-b passes through the rectangle. */
export function segmentHitsRect(a: Pt, b: Pt, r: Rect): boolean {
  // Liang-Barsky clipping.
  let t0 = 0;
  let t1 = 1;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const checks: [number, number][] = [
    [-dx, a.x - r.x],
    [dx, r.x + r.w - a.x],
    [-dy, a.y - r.y],
    [dy, r.y + r.h - a.y],
  ];
  for (const [p, q] of checks) {
    if (p === 0) {
      if (q < 0) return false;
    } else {
      const t = q / p;
      if (p < 0) t0 = Math.max(t0, t);
      else t1 = Math.min(t1, t);
      if (t0 > t1) return false;
    }
  }
  return true;
}

/** The box an arrowhead takes at the end of a flow (about 11 px long, 7 px wide in bpmn-js). */
export function arrowheadBox(points: Pt[]): Rect {
  const end = points[points.length - 1]!;
  const prev = points[points.length - 2] ?? end;
  const len = Math.hypot(end.x - prev.x, end.y - prev.y) || 1;
  const back = {
    x: end.x - ((end.x - prev.x) / len) * 11,
    y: end.y - ((end.y - prev.y) / len) * 11,
  };
  const x0 = Math.min(end.x, back.x) - 5;
  const y0 = Math.min(end.y, back.y) - 5;
  return { x: x0, y: y0, w: Math.abs(end.x - back.x) + 10, h: Math.abs(end.y - back.y) + 10 };
}

export function layoutBpmn(input: LayoutInput): BpmnLayout {
  const { graph, lanes } = input;
  const colOfLane = new Map(lanes.map((l, i) => [l.key, i]));
  const byId = new Map(graph.elements.map((e) => [e.id, e]));

  // Rows: model nodes by Graphviz rank (top first); a node Graphviz did not place gets a row of
  // its own at the end. Merges go in a row just above their node, splits just below.
  const nodeEls = graph.elements.filter((e) => e.kind === 'node');
  const placed = nodeEls
    .filter((e) => input.grid.has(e.id))
    .sort((a, b) => input.grid.get(b.id)!.y - input.grid.get(a.id)!.y);
  const modelRows: string[][] = [];
  let lastY = Number.NaN;
  for (const e of placed) {
    const y = input.grid.get(e.id)!.y;
    if (modelRows.length && Math.abs(y - lastY) < 2) modelRows[modelRows.length - 1]!.push(e.id);
    else modelRows.push([e.id]);
    lastY = y;
  }
  for (const e of nodeEls) if (!input.grid.has(e.id)) modelRows.push([e.id]);
  const mergesOf = new Map<string, string>();
  const splitsOf = new Map<string, string>();
  for (const e of graph.elements) {
    if (e.kind === 'merge') mergesOf.set(graph.ownerOf.get(e.id)!, e.id);
    if (e.kind === 'split') splitsOf.set(graph.ownerOf.get(e.id)!, e.id);
  }
  const rows: string[][] = [];
  for (const row of modelRows) {
    const merges = row.map((id) => mergesOf.get(id)).filter((x) => x !== undefined);
    const splits = row.map((id) => splitsOf.get(id)).filter((x) => x !== undefined);
    if (merges.length) rows.push(merges);
    rows.push(row);
    if (splits.length) rows.push(splits);
  }

  const cells = new Map<string, Cell>();
  rows.forEach((row, r) => {
    for (const id of row) {
      const el = byId.get(id)!;
      const owner = graph.ownerOf.get(id) ?? id;
      const col = colOfLane.get(input.laneOf.get(owner) ?? '') ?? 0;
      const { w, h } = sizeOf(el, input.grid.get(owner === id ? id : ''));
      cells.set(id, { id, shape: shapeOf(el), w, h, row: r, col });
    }
  });
  const inRow: Cell[][] = rows.map((row) => row.map((id) => cells.get(id)!));
  const at = (row: number, col: number) => inRow[row]!.filter((c) => c.col === col);

  // Vertical layout: lane titles on top, then the rows.
  const laneTitleLines = (title: string, width: number) => wrapPx(title, width - 10, 12).length;
  const headerH = POOL_HEADER + 24; // the lane's own 30 px title strip, and room to spare
  const rowTop: number[] = [];
  const rowH: number[] = [];
  let y = ORIGIN + POOL_HEADER + headerH;
  rows.forEach((row, r) => {
    const h = Math.max(...row.map((id) => cells.get(id)!.h));
    rowTop[r] = y;
    rowH[r] = h;
    y += h + ROW_GAP;
  });
  const bottom = y;
  const centreY = (c: Cell) => rowTop[c.row]! + rowH[c.row]! / 2;
  const gapBelow = (r: number) => rowTop[r]! + rowH[r]! + ROW_GAP / 2;
  const gapAbove = (r: number) => rowTop[r]! - ROW_GAP / 2;

  // Routes.
  const colFree = (col: number, r0: number, r1: number, except: string[]) => {
    for (let r = r0; r <= r1; r++) if (at(r, col).some((c) => !except.includes(c.id))) return false;
    return true;
  };
  const rowFree = (row: number, c0: number, c1: number, except: string[]) =>
    inRow[row]!.every(
      (c) => except.includes(c.id) || c.col <= Math.min(c0, c1) || c.col >= Math.max(c0, c1),
    );
  const incoming = new Map<string, number>();
  for (const f of graph.flows) incoming.set(f.target, (incoming.get(f.target) ?? 0) + 1);
  /** Along the edge of the target's lane that faces the source, into the target's side. */
  const channelRoute = (flow: BpmnFlow, s: Cell, t: Cell): Route => {
    const side: 'left' | 'right' =
      s.col < t.col ? 'left' : s.col > t.col ? 'right' : t.row > s.row ? 'right' : 'left';
    const sideCol = side === 'left' ? t.col - 0.5 : t.col + 0.5;
    const exit: Side = rowFree(s.row, s.col, sideCol, [s.id, t.id])
      ? sideCol > s.col
        ? 'right'
        : 'left'
      : 'bottom';
    return { flow, kind: 'channel', exit, entry: side, channel: { col: t.col, side, slot: 0 } };
  };
  const routes: Route[] = [];
  for (const flow of graph.flows) {
    const s = cells.get(flow.source);
    const t = cells.get(flow.target);
    if (!s || !t) continue;
    const ends = [s.id, t.id];
    const toward: Side = t.col > s.col ? 'right' : 'left';
    // A gateway sends a flow to another column out of the corner facing it, as modellers draw
    // exits, and a merge takes flows from other columns into its side corners; other shapes go
    // down and across between the rows.
    const acrossFree =
      t.row > s.row &&
      s.col !== t.col &&
      colFree(t.col, s.row, t.row - 1, ends) &&
      rowFree(s.row, s.col, t.col, ends);
    const merging = t.shape === 'gateway' && (incoming.get(t.id) ?? 0) > 1;
    if (merging && s.col !== t.col) {
      routes.push(channelRoute(flow, s, t));
    } else if (s.shape === 'gateway' && acrossFree) {
      routes.push({ flow, kind: 'across', exit: toward, entry: 'top' });
    } else if (t.row === s.row + 1) {
      routes.push({ flow, kind: 'down', exit: 'bottom', entry: 'top' });
    } else if (t.row > s.row && s.col === t.col && colFree(t.col, s.row + 1, t.row - 1, ends)) {
      routes.push({ flow, kind: 'down', exit: 'bottom', entry: 'top' });
    } else if (acrossFree) {
      routes.push({ flow, kind: 'across', exit: toward, entry: 'top' });
    } else if (t.row === s.row && s.col !== t.col && rowFree(s.row, s.col, t.col, ends)) {
      routes.push({
        flow,
        kind: 'flat',
        exit: toward,
        entry: toward === 'right' ? 'left' : 'right',
      });
    } else {
      routes.push(channelRoute(flow, s, t));
    }
  }
  // Two flows into the same side of a gateway: the nearer one comes in from above instead, when
  // nothing else does.
  for (const c of cells.values()) {
    if (c.shape !== 'gateway' || routes.some((r) => r.flow.target === c.id && r.entry === 'top'))
      continue;
    for (const side of ['left', 'right'] as const) {
      const into = routes.filter((r) => r.flow.target === c.id && r.entry === side);
      if (into.length < 2) continue;
      const nearest = into.sort(
        (a, b) =>
          Math.abs(cells.get(a.flow.source)!.row - c.row) -
          Math.abs(cells.get(b.flow.source)!.row - c.row),
      )[0]!;
      nearest.entry = 'top';
      break;
    }
  }

  // Where flows touch their shapes: several on one side are spread along it, in the order of
  // where they come from or go to, so that they do not cross at the shape.
  type Attach = { route: Route; end: 'out' | 'in'; key: number };
  const sides = new Map<string, Attach[]>();
  const addAttach = (id: string, side: Side, a: Attach) => {
    const k = `${id}|${side}`;
    sides.set(k, [...(sides.get(k) ?? []), a]);
  };
  for (const route of routes) {
    const s = cells.get(route.flow.source)!;
    const t = cells.get(route.flow.target)!;
    const along = (side: Side, other: Cell) =>
      side === 'top' || side === 'bottom'
        ? other.col * 1000 + other.row
        : other.row * 1000 + other.col;
    addAttach(s.id, route.exit, { route, end: 'out', key: along(route.exit, t) });
    addAttach(t.id, route.entry, { route, end: 'in', key: along(route.entry, s) });
  }
  /** Offset along the side (x for top/bottom, y for left/right) from the shape's centre. */
  const offset = new Map<string, number>();
  const offKey = (route: Route, end: 'out' | 'in') => `${route.flow.id}|${end}`;
  for (const [k, list] of sides) {
    const id = k.slice(0, k.lastIndexOf('|'));
    const side = k.slice(k.lastIndexOf('|') + 1) as Side;
    const c = cells.get(id)!;
    const length = side === 'top' || side === 'bottom' ? c.w : c.h;
    const step =
      c.shape === 'task' ? Math.min(20, length / (list.length + 1)) : Math.min(10, length / 5);
    list.sort((a, b) => a.key - b.key);
    list.forEach((a, i) => offset.set(offKey(a.route, a.end), (i - (list.length - 1) / 2) * step));
  }
  /** The point on a shape's outline at `off` along `side`, relative to its centre. */
  const onOutline = (c: Cell, side: Side, off: number): Pt => {
    const hw = c.w / 2;
    const hh = c.h / 2;
    const depth = (half: number, otherHalf: number) => {
      if (c.shape === 'task') return half;
      if (c.shape === 'gateway') return half * (1 - Math.abs(off) / otherHalf);
      return Math.sqrt(Math.max(0, half * half - off * off));
    };
    if (side === 'top') return { x: off, y: -depth(hh, hw) };
    if (side === 'bottom') return { x: off, y: depth(hh, hw) };
    if (side === 'left') return { x: -depth(hw, hh), y: off };
    return { x: depth(hw, hh), y: off };
  };
  const rel = (route: Route, end: 'out' | 'in'): Pt => {
    const c = cells.get(end === 'out' ? route.flow.source : route.flow.target)!;
    return onOutline(
      c,
      end === 'out' ? route.exit : route.entry,
      offset.get(offKey(route, end)) ?? 0,
    );
  };

  // Channel slots: flows along the same lane edge whose spans overlap take different slots.
  const slotSpans = new Map<string, [number, number][][]>();
  const slotsUsed = new Map<string, number>();
  // Longer spans take the outer slots, so that a shorter flow turns in without crossing them.
  const spanOf = (route: Route): [number, number] => {
    const s = cells.get(route.flow.source)!;
    const t = cells.get(route.flow.target)!;
    const y0 = route.exit === 'bottom' ? gapBelow(s.row) : centreY(s) + rel(route, 'out').y;
    const y1 = route.entry === 'top' ? gapAbove(t.row) : centreY(t) + rel(route, 'in').y;
    return [Math.min(y0, y1) - 8, Math.max(y0, y1) + 8];
  };
  const channelled = routes
    .filter((r) => r.channel)
    .map((r) => ({ route: r, span: spanOf(r) }))
    .sort((a, b) => b.span[1] - b.span[0] - (a.span[1] - a.span[0]));
  for (const { route, span } of channelled) {
    const key = `${route.channel!.col}|${route.channel!.side}`;
    const slots = slotSpans.get(key) ?? [];
    let slot = slots.findIndex((spans) => spans.every(([a, b]) => span[1] < a || span[0] > b));
    if (slot < 0) slot = slots.push([]) - 1;
    slots[slot]!.push(span);
    slotSpans.set(key, slots);
    slotsUsed.set(key, slots.length);
    route.channel!.slot = slot;
  }

  // Labels' sizes, and the room they need beside their shapes.
  const labelSizes = new Map<string, { w: number; h: number }>();
  for (const el of graph.elements) {
    const text = input.labelOf(el.id);
    if (text) labelSizes.set(el.id, labelSize(text));
  }
  for (const f of graph.flows) {
    const text = input.labelOf(f.id);
    if (text) labelSizes.set(f.id, labelSize(text, 80));
  }

  // Horizontal layout: lane widths from their shapes, labels, channels and titles.
  const L = Math.max(1, lanes.length);
  const content = Array.from({ length: L }, () => 120);
  for (const c of cells.values()) {
    const label = labelSizes.get(c.id);
    const need = c.shape === 'task' || !label ? c.w : c.w + 2 * (label.w + LABEL_GAP + 4);
    content[c.col] = Math.max(content[c.col]!, need);
  }
  const pad = (col: number, side: 'left' | 'right') =>
    Math.max(LANE_PAD, SLOT_FIRST + SLOT_STEP * (slotsUsed.get(`${col}|${side}`) ?? 0) + 16);
  const laneX: number[] = [];
  const laneW: number[] = [];
  const centreX: number[] = [];
  let x = ORIGIN;
  for (let col = 0; col < L; col++) {
    let left = pad(col, 'left');
    let right = pad(col, 'right');
    const title = lanes[col]?.title ?? '';
    // A lane title wraps in its 30 px strip: at most two lines.
    let width = left + content[col]! + right;
    while (laneTitleLines(title, width) > 2 && width < 360) width += 10;
    const extra = width - (left + content[col]! + right);
    left += extra / 2;
    right += extra / 2;
    laneX[col] = x;
    laneW[col] = width;
    centreX[col] = x + left + content[col]! / 2;
    x += width;
  }
  const poolW = x - ORIGIN;
  const channelX = (ch: NonNullable<Route['channel']>) =>
    ch.side === 'left'
      ? laneX[ch.col]! + SLOT_FIRST + SLOT_STEP * ch.slot
      : laneX[ch.col]! + laneW[ch.col]! - SLOT_FIRST - SLOT_STEP * ch.slot;

  const shapes = new Map<string, Rect>();
  const centre = (c: Cell): Pt => ({ x: centreX[c.col]!, y: centreY(c) });
  for (const c of cells.values()) {
    const p = centre(c);
    shapes.set(c.id, { x: p.x - c.w / 2, y: p.y - c.h / 2, w: c.w, h: c.h });
  }

  // Waypoints.
  const waypoints = new Map<string, Pt[]>();
  const abs = (route: Route, end: 'out' | 'in'): Pt => {
    const c = cells.get(end === 'out' ? route.flow.source : route.flow.target)!;
    const p = centre(c);
    const r = rel(route, end);
    return { x: p.x + r.x, y: p.y + r.y };
  };
  for (const route of routes) {
    const s = cells.get(route.flow.source)!;
    const a = abs(route, 'out');
    const b = abs(route, 'in');
    let pts: Pt[];
    if (route.kind === 'down') {
      if (Math.abs(a.x - b.x) < 0.5) pts = [a, { x: a.x, y: b.y }];
      else {
        const gy = gapBelow(s.row);
        pts = [a, { x: a.x, y: gy }, { x: b.x, y: gy }, b];
      }
    } else if (route.kind === 'across') {
      pts = [a, { x: b.x, y: a.y }, b];
    } else if (route.kind === 'flat') {
      const mx = (a.x + b.x) / 2;
      pts = Math.abs(a.y - b.y) < 0.5 ? [a, b] : [a, { x: mx, y: a.y }, { x: mx, y: b.y }, b];
    } else {
      const cx = channelX(route.channel!);
      pts =
        route.exit === 'bottom'
          ? [a, { x: a.x, y: gapBelow(s.row) }, { x: cx, y: gapBelow(s.row) }]
          : [a, { x: cx, y: a.y }];
      if (route.entry === 'top') {
        const gy = gapAbove(cells.get(route.flow.target)!.row);
        pts.push({ x: cx, y: gy }, { x: b.x, y: gy }, b);
      } else pts.push({ x: cx, y: b.y }, b);
    }
    waypoints.set(route.flow.id, dedupe(pts));
  }

  // Labels: beside their shape or the first segment of their flow, on no shape, arrowhead or
  // other label; where possible crossed by no line either.
  const pool: Rect = { x: ORIGIN, y: ORIGIN, w: poolW, h: bottom - ORIGIN };
  const inner: Rect = {
    x: ORIGIN,
    y: ORIGIN + POOL_HEADER + 30,
    w: poolW,
    h: bottom - ORIGIN - POOL_HEADER - 30,
  };
  const hard: Rect[] = [
    ...[...shapes.values()].map((r) => inflate(r, 2)),
    ...[...waypoints.values()].map(arrowheadBox),
  ];
  const segments = [...waypoints.values()].flatMap((pts) =>
    pts.slice(1).map((p, i) => [pts[i]!, p] as const),
  );
  const labels = new Map<string, Rect>();
  /** In order of preference; `col` is the lane of the labelled element (a flow's source). */
  const place = (id: string, col: number, candidates: Rect[]) => {
    const lane = { x: laneX[col]!, y: inner.y, w: laneW[col]!, h: inner.h };
    const inLane = (r: Rect) => r.x >= lane.x + 2 && r.x + r.w <= lane.x + lane.w - 2;
    const fits = (r: Rect) =>
      r.x >= inner.x + 2 &&
      r.x + r.w <= inner.x + inner.w - 2 &&
      r.y >= inner.y &&
      r.y + r.h <= inner.y + inner.h &&
      !hard.some((h) => overlaps(r, h)) &&
      ![...labels.values()].some((l) => overlaps(inflate(r, 2), l));
    const clear = (r: Rect) => !segments.some(([a, b]) => segmentHitsRect(a, b, r));
    const chosen =
      candidates.find((r) => fits(r) && clear(r) && inLane(r)) ??
      candidates.find((r) => fits(r) && clear(r)) ??
      candidates.find((r) => fits(r) && inLane(r)) ??
      candidates.find(fits) ??
      candidates[0]!;
    labels.set(id, chosen);
  };
  for (const el of graph.elements) {
    const size = labelSizes.get(el.id);
    const r = shapes.get(el.id);
    if (!size || !r) continue;
    const { w, h } = size;
    const cy = r.y + r.h / 2;
    place(el.id, cells.get(el.id)!.col, [
      { x: r.x + r.w + LABEL_GAP, y: cy - h / 2, w, h },
      { x: r.x - LABEL_GAP - w, y: cy - h / 2, w, h },
      { x: r.x + r.w + 2, y: r.y - h - 2, w, h },
      { x: r.x - w - 2, y: r.y - h - 2, w, h },
      { x: r.x + r.w + 2, y: r.y + r.h + 2, w, h },
      { x: r.x - w - 2, y: r.y + r.h + 2, w, h },
      { x: r.x + r.w / 2 - w / 2, y: r.y - h - 4, w, h },
      { x: r.x + r.w / 2 - w / 2, y: r.y + r.h + 4, w, h },
    ]);
  }
  for (const f of graph.flows) {
    const size = labelSizes.get(f.id);
    const pts = waypoints.get(f.id);
    if (!size || !pts || pts.length < 2) continue;
    place(f.id, cells.get(f.source)!.col, flowLabelCandidates(pts, size));
  }

  return {
    pool,
    lanes: lanes.map((l, i) => ({
      key: l.key,
      rect: {
        x: laneX[i]!,
        y: ORIGIN + POOL_HEADER,
        w: laneW[i]!,
        h: bottom - ORIGIN - POOL_HEADER,
      },
    })),
    shapes,
    labels,
    waypoints,
  };
}

/**
 * Places for a flow's label, nearest its source first: beside its first segments (right of or
 * left of a vertical run, above or below a horizontal one), sliding along them in 8 px steps.
 */
function flowLabelCandidates(pts: Pt[], { w, h }: { w: number; h: number }): Rect[] {
  const out: Rect[] = [];
  for (let i = 0; i + 1 < Math.min(pts.length, 4); i++) {
    const a = pts[i]!;
    const b = pts[i + 1]!;
    const len = Math.hypot(b.x - a.x, b.y - a.y);
    const vertical = Math.abs(b.x - a.x) < 0.5;
    const span = vertical ? h : w;
    for (let d = 3; d + span <= len - 14 || d === 3; d += 8) {
      if (vertical) {
        const y0 = b.y > a.y ? a.y + d : a.y - d - h;
        out.push({ x: a.x + 5, y: y0, w, h }, { x: a.x - 5 - w, y: y0, w, h });
      } else {
        const x0 = b.x > a.x ? a.x + d + 3 : a.x - d - 3 - w;
        out.push({ x: x0, y: a.y - h - 3, w, h }, { x: x0, y: a.y + 3, w, h });
      }
    }
  }
  return out;
}

/** Drops repeated points and points in the middle of a straight run. */
function dedupe(pts: Pt[]): Pt[] {
  const out: Pt[] = [];
  for (const p of pts) {
    const last = out[out.length - 1];
    if (last && Math.abs(last.x - p.x) < 0.01 && Math.abs(last.y - p.y) < 0.01) continue;
    const prev = out[out.length - 2];
    if (
      prev &&
      last &&
      ((Math.abs(prev.x - last.x) < 0.01 && Math.abs(last.x - p.x) < 0.01) ||
        (Math.abs(prev.y - last.y) < 0.01 && Math.abs(last.y - p.y) < 0.01))
    )
      out[out.length - 1] = p;
    else out.push(p);
  }
  return out;
}
