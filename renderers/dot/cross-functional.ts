// Peta lintas fungsi: the cross-functional map of one leaf process as Graphviz DOT.
// Pure: process and organisation in, DOT text out. Layout and rasterising live elsewhere.
//
// Shape of the drawing, as in an SOP AP flowchart: one column (swimlane) per performer in the
// order they first act, one row per node in SOP order, flowing top to bottom. Only the five SOP
// symbols: terminator (rounded box), activity (box), decision (diamond), arrow, off-page connector
// (a five-sided `invhouse`, pointing down). Lanes are columns of a
// grid of invisible cells (see buildCrossFunctional); the lane rectangles are drawn by
// ../swimlanes.ts from the layout, because Graphviz 2.50 does not keep clusters in a given order.
import type {
  EndNode,
  FlowNode,
  Organisation,
  Performer,
  Process,
  StepNode,
} from '../../core/model/index.js';
import { isExternalKind, isStep, numberedSteps, unitById } from '../../core/model/index.js';
import { CHANGED_STYLE, changedLabel, changedLegend } from './changed-steps.js';
import { cleanText, dotLabel, dotQuote, truncate, wrapWords, xmlEscape } from './escape.js';

export const FONT = 'Arial';

export interface Lane {
  /** Stable key: the unit id, or "unitId|position" when a unit is split by position. */
  key: string;
  title: string;
  unitId: string | null;
  position: string | null;
  /** An internal unit whose acting position the clerk did not know: "(jabatan belum diketahui)". */
  positionUnknown: boolean;
}

export interface CrossFunctionalOptions {
  /** Steps per page; a process with more steps is split into pages. Default 12. */
  maxStepsPerPage?: number;
  /** Characters per line in activity boxes. Default 24. */
  wrap?: number;
  /** Flow node ids of steps new or changed since an earlier version: drawn highlighted. */
  changed?: string[];
  /** The version the `changed` steps are compared with, named in the legend line. */
  changedSince?: number;
}

export const DEFAULT_MAX_STEPS_PER_PAGE = 12;
const NO_PERFORMER = '∅';

function unitTitle(org: Organisation, unitId: string): string {
  return unitById(org, unitId)?.name ?? unitId;
}

export const POSITION_UNKNOWN = 'jabatan belum diketahui';

/** A performer with no position in a unit of the organisation: the jabatan is still open. */
function isPositionUnknown(org: Organisation, p: Performer): boolean {
  if (p.position) return false;
  const unit = unitById(org, p.unitId);
  return unit !== undefined && !isExternalKind(unit.kind);
}

/** How a joint step names its other performers: the position, else the unit's (short) name. */
function performerName(org: Organisation, p: Performer): string {
  if (p.position) return p.position;
  const unit = unitById(org, p.unitId);
  return unit ? (unit.shortName ?? unit.name) : p.unitId;
}

/** "A", "A dan B", "A, B dan C". */
export function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} dan ${items[items.length - 1]}`;
}

/** The second line of a joint step: "bersama Bendahara", or null for a step with one performer. */
export function jointLine(org: Organisation, s: StepNode): string | null {
  const names = s.coPerformers.map((p) => performerName(org, p));
  return names.length ? `bersama ${joinAnd(names)}` : null;
}

/**
 * The lanes of a process and the lane of every node. A unit is one lane, split by position when
 * several positions of it act. A step without performer (typically a decision) sits in the lane of
 * the step that leads into it; start and end nodes sit in the lane of their neighbouring step.
 */
export function crossFunctionalLanes(
  process: Process,
  org: Organisation,
): {
  lanes: Lane[];
  laneOf: Map<string, string>;
  /** The lanes of a joint step's other performers, other than its own lane, by step id. */
  jointLanesOf: Map<string, string[]>;
} {
  const flow = process.flow ?? { nodes: [], edges: [] };
  const steps = flow.nodes.filter(isStep);
  const positionsByUnit = new Map<string, Set<string>>();
  for (const s of steps) {
    for (const p of [...(s.performer ? [s.performer] : []), ...s.coPerformers]) {
      const set = positionsByUnit.get(p.unitId) ?? new Set<string>();
      set.add(p.position ?? '');
      positionsByUnit.set(p.unitId, set);
    }
  }
  const lanes: Lane[] = [];
  const laneOf = new Map<string, string>();
  const jointLanesOf = new Map<string, string[]>();
  const addLane = (lane: Lane) => {
    if (!lanes.some((l) => l.key === lane.key)) lanes.push(lane);
  };
  // A unit is one lane unless several of its positions act; a unit whose only known performer
  // has no position says so in its header: "(jabatan belum diketahui)".
  const laneOfPerformer = (p: Performer): Lane => {
    const { unitId, position } = p;
    const unknown = isPositionUnknown(org, p);
    const unit = unitTitle(org, unitId);
    const split = (positionsByUnit.get(unitId)?.size ?? 0) > 1;
    if (!split)
      return {
        key: unitId,
        title: unknown ? `${unit} (${POSITION_UNKNOWN})` : unit,
        unitId,
        position: null,
        positionUnknown: unknown,
      };
    return {
      key: `${unitId}|${position ?? ''}`,
      title: position ? `${unit} — ${position}` : unknown ? `${unit} (${POSITION_UNKNOWN})` : unit,
      unitId,
      position,
      positionUnknown: unknown,
    };
  };
  const laneForPerformer = (s: StepNode): Lane | null =>
    s.performer ? laneOfPerformer(s.performer) : null;

  const incoming = new Map<string, string[]>();
  const outgoing = new Map<string, string[]>();
  for (const e of flow.edges) {
    incoming.set(e.to, [...(incoming.get(e.to) ?? []), e.from]);
    outgoing.set(e.from, [...(outgoing.get(e.from) ?? []), e.to]);
  }
  // Steps in SOP order; a performer-less step borrows its predecessor's lane (or the previous row's).
  let previous: string | null = null;
  for (const s of steps) {
    const lane = laneForPerformer(s);
    if (lane) {
      addLane(lane);
      laneOf.set(s.id, lane.key);
    } else {
      const from = (incoming.get(s.id) ?? [])
        .map((id) => laneOf.get(id))
        .find((k) => k !== undefined);
      const key = from ?? previous;
      if (key) laneOf.set(s.id, key);
      else {
        addLane({
          key: NO_PERFORMER,
          title: 'Pelaksana belum diisi',
          unitId: null,
          position: null,
          positionUnknown: false,
        });
        laneOf.set(s.id, NO_PERFORMER);
      }
    }
    // A joint step's other performers have their lanes too, even when no other step is theirs.
    for (const p of s.coPerformers) {
      const lane = laneOfPerformer(p);
      addLane(lane);
      const joint = jointLanesOf.get(s.id) ?? [];
      if (lane.key !== laneOf.get(s.id) && !joint.includes(lane.key)) joint.push(lane.key);
      jointLanesOf.set(s.id, joint);
    }
    previous = laneOf.get(s.id) ?? previous;
  }
  // Terminators: a start takes its first successor's lane, an end its first predecessor's.
  for (const n of flow.nodes) {
    if (n.kind === 'start' || n.kind === 'end') {
      const near = n.kind === 'start' ? outgoing.get(n.id) : incoming.get(n.id);
      const key =
        (near ?? []).map((id) => laneOf.get(id)).find((k) => k !== undefined) ?? lanes[0]?.key;
      if (key) laneOf.set(n.id, key);
      else {
        addLane({
          key: NO_PERFORMER,
          title: 'Pelaksana belum diisi',
          unitId: null,
          position: null,
          positionUnknown: false,
        });
        laneOf.set(n.id, NO_PERFORMER);
      }
    }
  }
  return { lanes, laneOf, jointLanesOf };
}

/** Page (1-based) of every node: steps by ranges of `maxSteps`, terminators beside their step. */
export function pageOfNodes(
  process: Process,
  maxSteps = DEFAULT_MAX_STEPS_PER_PAGE,
): Map<string, number> {
  const flow = process.flow ?? { nodes: [], edges: [] };
  const page = new Map<string, number>();
  for (const { no, node } of numberedSteps(flow))
    page.set(node.id, Math.floor((no - 1) / maxSteps) + 1);
  for (const n of flow.nodes) {
    if (n.kind !== 'start' && n.kind !== 'end') continue;
    const pages = flow.edges
      .filter((e) => (n.kind === 'start' ? e.from === n.id : e.to === n.id))
      .map((e) => page.get(n.kind === 'start' ? e.to : e.from))
      .filter((p): p is number => p !== undefined);
    page.set(
      n.id,
      n.kind === 'start' ? Math.min(1, ...pages) || 1 : pages.length ? Math.max(...pages) : 1,
    );
  }
  return page;
}

export function pageCount(process: Process, maxSteps = DEFAULT_MAX_STEPS_PER_PAGE): number {
  return Math.max(1, ...pageOfNodes(process, maxSteps).values());
}

/** The word an end shows when the clerk gave it no words of its own. */
export const OUTCOME_WORD: Record<EndNode['outcome'], string> = {
  selesai: 'Selesai',
  ditolak: 'Ditolak',
  ditunda: 'Ditunda',
  lain: 'Selesai',
};

/** An end's text: the clerk's own words ("Izin terbit"), else its outcome ("Ditolak"). */
export function endText(n: EndNode): string {
  return n.label?.trim() || OUTCOME_WORD[n.outcome];
}

/**
 * A node's text as drawn, in paragraphs each wrapped on its own: "Mulai", an end's words, or the
 * step's number and name, and for a joint step a second paragraph "bersama Bendahara".
 */
function nodeParagraphs(n: FlowNode, no: Map<string, number>, org: Organisation): string[] {
  if (n.kind === 'start') return [n.label ?? 'Mulai'];
  if (n.kind === 'end') return [endText(n)];
  const joint = jointLine(org, n);
  return [`${no.get(n.id)}. ${n.name}`, ...(joint ? [joint] : [])];
}

/** Diamonds hold less per line than boxes. */
const decisionWrap = (wrap: number) => Math.max(12, Math.round(wrap * 0.7));

/** Lines of paragraphs, each cleaned and wrapped; at most `max` characters in all. */
function wrapParagraphs(paragraphs: string[], width: number, max = 240): string[] {
  return paragraphs.flatMap((p) => wrapWords(truncate(cleanText(p), max), width));
}

function nodeLabel(n: FlowNode, no: Map<string, number>, org: Organisation, wrap: number): string {
  const width = n.kind === 'decision' ? decisionWrap(wrap) : wrap;
  const [main, joint] = nodeParagraphs(n, no, org);
  if (!joint) return dotQuote(wrapParagraphs([main!], width));
  // The "bersama …" line a size smaller, so that it reads as a note under the step's name.
  const esc = (ps: string[]) => wrapParagraphs(ps, width).map(xmlEscape).join('<BR/>');
  return `<${esc([main!])}<BR/><FONT POINT-SIZE="11">${esc([joint])}</FONT>>`;
}

/**
 * Ends differ by outcome in outline as well as fill, so that a grey print still tells them apart:
 * selesai a thin outline, ditolak a heavy one, ditunda a dashed one.
 */
function nodeAttrs(n: FlowNode): string {
  switch (n.kind) {
    case 'start':
      return 'shape=box style="rounded,filled" fillcolor="#e8f1fb"';
    case 'end':
      if (n.outcome === 'ditolak')
        return 'shape=box style="rounded,filled" fillcolor="#fbe4e4" color="#8b1c1c" penwidth=3';
      if (n.outcome === 'ditunda')
        return 'shape=box style="rounded,filled,dashed" fillcolor="#fdf3d8" penwidth=2';
      return 'shape=box style="rounded,filled" fillcolor="#e8f1fb"';
    case 'activity':
      return 'shape=box style=filled fillcolor="#ffffff"';
    case 'decision':
      return 'shape=diamond style=filled fillcolor="#fff6dc" margin="0.02,0.02"';
  }
}

/**
 * The DOT of one page of the cross-functional map (page 1 of 1 when the process is short; pass
 * `page: 'all'` for the whole map on one sheet, as for the SVG download).
 */
export function toCrossFunctionalDot(
  process: Process,
  org: Organisation,
  options: CrossFunctionalOptions & { page?: number | 'all' } = {},
): string {
  return buildCrossFunctional(process, org, options).dot;
}

/** A lane as drawn on one page: its title node and the DOT ids of the nodes in its column. */
export interface DrawnLane extends Lane {
  headerId: string;
  nodeIds: string[];
}

export interface CrossFunctionalDot {
  dot: string;
  lanes: DrawnLane[];
  /** Model node id -> DOT node name, for the nodes drawn on this page. */
  nodeRefs: Map<string, string>;
  /** Model edge id -> DOT edge id (the `id` attribute), and whether it was written reversed. */
  edgeRefs: Map<string, { dotId: string; reversed: boolean }>;
}

export function buildCrossFunctional(
  process: Process,
  org: Organisation,
  options: CrossFunctionalOptions & { page?: number | 'all' } = {},
): CrossFunctionalDot {
  const flow = process.flow ?? { nodes: [], edges: [] };
  const wrap = options.wrap ?? 24;
  const maxSteps =
    options.page === 'all'
      ? Number.MAX_SAFE_INTEGER
      : (options.maxStepsPerPage ?? DEFAULT_MAX_STEPS_PER_PAGE);
  const pageNo = options.page === 'all' || options.page === undefined ? 1 : options.page;
  const pages = pageOfNodes(process, maxSteps);
  const total = Math.max(1, ...pages.values());
  const { lanes, laneOf, jointLanesOf } = crossFunctionalLanes(process, org);
  const no = new Map(numberedSteps(flow).map((s) => [s.node.id, s.no]));
  const byId = new Map(flow.nodes.map((n) => [n.id, n]));
  // Generated DOT ids: nothing a person typed ever becomes an id.
  const dotId = new Map(flow.nodes.map((n, i) => [n.id, `n${i}`]));
  const laneIndex = new Map(lanes.map((l, i) => [l.key, i]));
  const order = new Map(flow.nodes.map((n, i) => [n.id, i]));

  /** A row of the grid: one node, and for a joint step a marker in each other performer's lane. */
  type Row = { id: string; lane: string; decl: string; joint?: { id: string; lane: string }[] };
  const rows: Row[] = [];
  const edges: string[] = [];
  const onPage = (id: string) => pages.get(id) === pageNo;

  // What an arrow carries: its document, else every output of the step it leaves, one per line.
  const handedOver = (from: StepNode | undefined, doc: string | null): string[] =>
    doc ? [doc] : (from?.outputs ?? []).filter((o) => o.trim());

  const MAX_ITEMS = 5;
  const edgeLabel = (exit: string | null, what: string[]): string => {
    const lines: string[] = [];
    if (exit) lines.push(truncate(cleanText(exit), 40));
    const shown = what.length > MAX_ITEMS ? [...what.slice(0, MAX_ITEMS - 1), '…'] : what;
    for (const item of shown)
      lines.push(
        ...wrapWords(truncate(cleanText(item), 120), Math.max(14, Math.round(wrap * 0.8))),
      );
    return lines.length === 0 ? '' : ` label=${dotQuote(lines)}`;
  };

  const edgeRefs = new Map<string, { dotId: string; reversed: boolean }>();
  const connectors = new Map<string, Row>();
  const connector = (key: string, lane: string, text: string[]): string => {
    const existing = connectors.get(key);
    if (existing) return existing.id;
    const id = `c${connectors.size}`;
    const row = {
      id,
      lane,
      decl: `${dotQuote(id)} [label=${dotQuote(text)} shape=invhouse style=filled fillcolor="#eeeeee" fontsize=11]`,
    };
    connectors.set(key, row);
    return id;
  };

  // Rows: the nodes of this page in SOP order, with connectors next to the node they belong to.
  const before = new Map<string, Row[]>();
  const after = new Map<string, Row[]>();
  for (const e of flow.edges) {
    const a = byId.get(e.from);
    const b = byId.get(e.to);
    if (!a || !b) continue;
    const pa = pages.get(a.id) ?? 1;
    const pb = pages.get(b.id) ?? 1;
    const isCrossLane = laneOf.get(a.id) !== laneOf.get(b.id);
    const what =
      isCrossLane && isStep(a) ? handedOver(a, e.document) : handedOver(undefined, e.document);
    const backward = (order.get(b.id) ?? 0) <= (order.get(a.id) ?? 0);
    if (pa === pageNo && pb === pageNo) {
      // A loop back (e.g. "tidak" -> an earlier step) is written downwards with the arrow drawn at
      // its tail, so that it is ranked and routed like the rest of the grid.
      const [t, h] = backward ? [b.id, a.id] : [a.id, b.id];
      const dir = backward ? ' dir=back' : '';
      const fid = `flow_${edgeRefs.size}`;
      edgeRefs.set(e.id, { dotId: fid, reversed: backward });
      edges.push(
        `${dotQuote(dotId.get(t)!)} -> ${dotQuote(dotId.get(h)!)} [id=${dotQuote(fid)}${edgeLabel(e.label, what)}${dir}]`,
      );
    } else if (pa === pageNo) {
      const targetNo = no.get(b.id);
      const text = [`ke hal. ${pb}`, ...(targetNo ? [`langkah ${targetNo}`] : [])];
      const cid = connector(`to:${b.id}`, laneOf.get(a.id)!, text);
      const row = connectors.get(`to:${b.id}`)!;
      if (!(after.get(a.id) ?? []).includes(row) && ![...after.values()].flat().includes(row))
        after.set(a.id, [...(after.get(a.id) ?? []), row]);
      edges.push(
        `${dotQuote(dotId.get(a.id)!)} -> ${dotQuote(cid)} [${edgeLabel(e.label, what).trim()}]`,
      );
    } else if (pb === pageNo) {
      const fromNo = no.get(a.id);
      const text = [`dari hal. ${pa}`, ...(fromNo ? [`langkah ${fromNo}`] : [])];
      const cid = connector(`from:${pa}:${b.id}`, laneOf.get(b.id)!, text);
      const row = connectors.get(`from:${pa}:${b.id}`)!;
      if (![...before.values()].flat().includes(row))
        before.set(b.id, [...(before.get(b.id) ?? []), row]);
      edges.push(
        `${dotQuote(cid)} -> ${dotQuote(dotId.get(b.id)!)} [${edgeLabel(e.label, what).trim()}]`,
      );
    }
  }
  const changed = new Set(options.changed ?? []);
  const markers: string[] = [];
  const changedAttrs = ` color="${CHANGED_STYLE.color}" fillcolor="${CHANGED_STYLE.fill}" penwidth=${CHANGED_STYLE.penwidth}`;
  for (const n of flow.nodes) {
    if (!onPage(n.id)) continue;
    rows.push(...(before.get(n.id) ?? []));
    const width = n.kind === 'decision' ? decisionWrap(wrap) : wrap;
    const decl = changed.has(n.id)
      ? `[label=${changedLabel(wrapParagraphs(nodeParagraphs(n, no, org), width))} ${nodeAttrs(n)}${changedAttrs}]`
      : `[label=${nodeLabel(n, no, org, wrap)} ${nodeAttrs(n)}]`;
    // A joint step is drawn once, in its first performer's lane, with "bersama Bendahara" as a
    // second line: the box keeps one lane's width, which a phone screen can afford, and its text
    // stays where it is read. A box spanning lanes would widen every lane it crosses, and the
    // lanes of a joint step are not always side by side. The other performers' lanes get a small
    // dashed box in the same row ("turut serta langkah 3"), so that each pelaksana column shows
    // its part, as a published SOP marks the symbol in every column of a joint row.
    const joint = (jointLanesOf.get(n.id) ?? []).map((lane, j) => {
      const id = `j${dotId.get(n.id)!.slice(1)}_${j}`;
      markers.push(
        `${dotQuote(id)} [label=${dotQuote(wrapWords(`turut serta langkah ${no.get(n.id)}`, 14))} shape=box style="dashed,filled" fillcolor="#ffffff" color="#555555" fontsize=10 width=1.2 height=0.4]`,
      );
      return { id, lane };
    });
    rows.push({
      id: dotId.get(n.id)!,
      lane: laneOf.get(n.id)!,
      decl: `${dotQuote(dotId.get(n.id)!)} ${decl}`,
      ...(joint.length ? { joint } : {}),
    });
    rows.push(...(after.get(n.id) ?? []));
  }

  const title =
    total > 1 && options.page !== 'all'
      ? `${process.code} ${process.name} (hal. ${pageNo} dari ${total})`
      : `${process.code} ${process.name}`;
  const L = Math.max(1, lanes.length);
  const laneCols: string[][] = Array.from({ length: L }, () => []);
  // The grid: row 0 holds the lane titles, then one row per node; every other cell of a row is an
  // invisible filler. Invisible edges tie each lane into a straight column (heavy, vertical) and
  // each row into left-to-right lane order (flat): without clusters, dot honours flat edge order.
  const grid: string[][] = [];
  const header = lanes.map((_, i) => `h${i}`);
  grid.push(header.length ? header : ['h0']);
  const jointEdges: string[] = [];
  rows.forEach((r, ri) => {
    const li = laneIndex.get(r.lane) ?? 0;
    const cells = Array.from({ length: L }, (_, i) => (i === li ? r.id : `f${ri}_${i}`));
    for (const m of r.joint ?? []) {
      const mi = laneIndex.get(m.lane);
      if (mi === undefined || mi === li) continue;
      cells[mi] = m.id;
      // Written left to right, as flat edges fix the order of a row; no arrowhead.
      const [a, b] = mi < li ? [m.id, r.id] : [r.id, m.id];
      jointEdges.push(
        `${dotQuote(a)} -> ${dotQuote(b)} [style=dashed dir=none color="#777777" penwidth=1]`,
      );
    }
    grid.push(cells);
  });
  const out: string[] = [];
  out.push('digraph peta_lintas_fungsi {');
  // With changed steps in the flow the title carries the legend line, in the highlight's colour.
  const marked = flow.nodes.some((n) => changed.has(n.id));
  const graphLabel = marked
    ? `<${wrapWords(truncate(cleanText(title), 240), 70)
        .map(xmlEscape)
        .join(
          '<BR/>',
        )}<BR/><FONT POINT-SIZE="13" COLOR="${CHANGED_STYLE.color}">${xmlEscape(changedLegend(options.changedSince))}</FONT>>`
    : dotLabel(title, 70);
  out.push(
    `  graph [rankdir=TB nodesep=0.35 ranksep=0.22 splines=spline fontname="${FONT}" fontsize=16 labelloc=t label=${graphLabel} pad=0.25 bgcolor="white" outputorder=edgesfirst]`,
  );
  out.push(
    `  node [fontname="${FONT}" fontsize=12 width=2.3 height=0.5 margin="0.18,0.07" color="#333333"]`,
  );
  out.push(`  edge [fontname="${FONT}" fontsize=10 color="#333333" arrowsize=0.8]`);
  lanes.forEach((lane, i) => {
    const lines = wrapWords(
      truncate(cleanText(lane.unitId ? unitTitle(org, lane.unitId) : lane.title), 120),
      32,
    );
    if (lane.position) lines.push(...wrapWords(truncate(cleanText(lane.position), 80), 32));
    else if (lane.positionUnknown) lines.push(`(${POSITION_UNKNOWN})`);
    // A box with an invisible outline: laid out exactly as plaintext, but its extent is in the
    // SVG, where ../swimlanes.ts measures the lanes.
    out.push(
      `  ${dotQuote(`h${i}`)} [label=${dotQuote(lines)} shape=box color=transparent fontsize=13 height=0.6]`,
    );
  });
  for (const r of rows) out.push(`  ${r.decl}`);
  for (const m of markers) out.push(`  ${m}`);
  for (let ri = 1; ri < grid.length; ri++) {
    for (const cell of grid[ri]!)
      if (cell.startsWith('f'))
        out.push(`  ${dotQuote(cell)} [style=invis shape=point width=0.01 height=0.01 label=""]`);
  }
  for (let i = 0; i < L; i++) {
    const col = grid.map((row) => row[i]!).filter((c) => c !== undefined);
    laneCols[i] = col;
    if (col.length > 1) out.push(`  ${col.map(dotQuote).join(' -> ')} [style=invis weight=50]`);
  }
  for (const row of grid) {
    if (row.length > 1)
      out.push(`  { rank=same; ${row.map(dotQuote).join(' -> ')} [style=invis] }`);
  }
  for (const e of edges) out.push(`  ${e}`);
  for (const e of jointEdges) out.push(`  ${e}`);
  out.push('}');
  const nodeRefs = new Map(
    flow.nodes.filter((n) => onPage(n.id)).map((n) => [n.id, dotId.get(n.id)!]),
  );
  return {
    dot: out.join('\n') + '\n',
    nodeRefs,
    edgeRefs,
    lanes: lanes.map((l, i) => ({
      ...l,
      headerId: `h${i}`,
      nodeIds: laneCols[i]!.filter((c) => !c.startsWith('f')),
    })),
  };
}
