// Peta lintas fungsi: the cross-functional map of one leaf process as Graphviz DOT.
// Pure: process and organisation in, DOT text out. Layout and rasterising live elsewhere.
//
// Shape of the drawing, as in an SOP AP flowchart: one column (swimlane) per performer in the
// order they first act, one row per node in SOP order, flowing top to bottom. Only the five SOP
// symbols: terminator (rounded box), activity (box), decision (diamond), arrow, off-page connector
// (a five-sided `invhouse`, pointing down). Lanes are columns of a
// grid of invisible cells (see buildCrossFunctional); the lane rectangles are drawn by
// ../swimlanes.ts from the layout, because Graphviz 2.50 does not keep clusters in a given order.
import type { EndNode, FlowNode, Organisation, Process, StepNode } from '../../core/model/index.js';
import { isStep, numberedSteps } from '../../core/model/index.js';
import { CHANGED_STYLE, changedLabel, changedLegend } from './changed-steps.js';
import {
  cleanText,
  dotLabel,
  dotQuote,
  truncate,
  wrapWholeWords,
  wrapWords,
  xmlEscape,
} from './escape.js';
import {
  crossFunctionalLanes,
  joinAnd,
  jointLine,
  laneHeader,
  unitBands,
  type Lane,
} from './lanes.js';

export { crossFunctionalLanes, joinAnd, jointLine, POSITION_UNKNOWN } from './lanes.js';
export type { Lane } from './lanes.js';

export const FONT = 'Arial';

export interface CrossFunctionalOptions {
  /** Steps per page; a process with more steps is split into pages. Default 12. */
  maxStepsPerPage?: number;
  /** Characters per line in activity boxes. Default: as many as the lanes leave room for. */
  wrap?: number;
  /** Flow node ids of steps new or changed since an earlier version: drawn highlighted. */
  changed?: string[];
  /** The version the `changed` steps are compared with, named in the legend line. */
  changedSince?: number;
}

export const DEFAULT_MAX_STEPS_PER_PAGE = 12;

/**
 * How wide a map may be drawn so that its step text is at least 14 px on a phone 1080 px wide:
 * 12 pt text on a page of W pt reads at 12 × 1080 / W px.
 */
export const PHONE_PAGE_PT = 800;
export const STEP_FONT_PT = 12;

/**
 * The size of a lane for `lanes` lanes side by side: the width of its boxes (inches) and the
 * characters a line of a box holds. Fewer lanes get wider boxes, up to about 2.3 inches.
 */
export function laneSizing(lanes: number, wrap?: number): { width: number; wrap: number } {
  const lanePt = Math.min(175, Math.max(100, (PHONE_PAGE_PT - 30) / Math.max(1, lanes)));
  const boxPt = lanePt - 24;
  // Arial at 12 pt averages about 6.1 pt a character in Indonesian text; 13 pt of margin a side.
  const chars = Math.max(11, Math.floor((boxPt - 26) / 6.1));
  return { width: Math.round((boxPt / 72) * 100) / 100, wrap: wrap ?? chars };
}

/** Page (1-based) of every node: steps by ranges of `maxSteps`, terminators beside their step. */
export function pageOfNodes(
  process: Process,
  maxSteps = DEFAULT_MAX_STEPS_PER_PAGE,
): Map<string, number> {
  const flow = process.flow ?? { nodes: [], edges: [] };
  const page = new Map<string, number>();
  // Pages share the steps evenly: 14 steps are two pages of 7, not 12 and a page of 2.
  const steps = numberedSteps(flow);
  const perPage = Math.ceil(steps.length / Math.max(1, Math.ceil(steps.length / maxSteps)));
  for (const { no, node } of steps) page.set(node.id, Math.floor((no - 1) / perPage) + 1);
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
  // A step's number stays on the line of the first word of its name ("7. Menandatangani").
  const glued = (p: string) => p.replace(/^(\d+\.) (?=\S)/, '$1\u00a0');
  return paragraphs.flatMap((p) =>
    wrapWholeWords(glued(truncate(cleanText(p), max)), width).map((l) => l.replace('\u00a0', ' ')),
  );
}

function nodeLabel(n: FlowNode, no: Map<string, number>, org: Organisation, wrap: number): string {
  const width = n.kind === 'decision' ? decisionWrap(wrap) : wrap;
  const [main, joint] = nodeParagraphs(n, no, org);
  if (!joint) return dotQuote(wrapParagraphs([main!], width));
  // The "bersama …" line in italics, so that it reads as a note under the step's name.
  const esc = (ps: string[]) => wrapParagraphs(ps, width).map(xmlEscape).join('<BR/>');
  return `<${esc([main!])}<BR/><I>${esc([joint])}</I>>`;
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

/** A lane as drawn on one page: its band and title nodes and the DOT ids of the nodes in its column. */
export interface DrawnLane extends Lane {
  bandId: string;
  headerId: string;
  nodeIds: string[];
}

/** A unit's band over its side-by-side lanes (indexes into `lanes`), with its wrapped name. */
export interface DrawnBand {
  lines: string[];
  from: number;
  to: number;
}

export interface CrossFunctionalDot {
  dot: string;
  /** The lanes drawn on this page (a page shows only the lanes its steps use). */
  lanes: DrawnLane[];
  bands: DrawnBand[];
  /** Model node id -> DOT node name, for the nodes drawn on this page. */
  nodeRefs: Map<string, string>;
  /** Model edge id -> DOT edge id (the `id` attribute), and whether it was written reversed. */
  edgeRefs: Map<string, { dotId: string; reversed: boolean }>;
  /** Off-page connectors on this page: one per edge crossing a page, with its text. */
  connectors: { edgeId: string; side: 'to' | 'from'; dotId: string; text: string[] }[];
}

/** Font sizes (pt) of the map: a lane's band and header, edge labels. Steps are STEP_FONT_PT. */
export const BAND_FONT_PT = 13;
const HEADER_FONT_PT = 12;
const EDGE_FONT_PT = 11;

export function buildCrossFunctional(
  process: Process,
  org: Organisation,
  options: CrossFunctionalOptions & { page?: number | 'all' } = {},
): CrossFunctionalDot {
  const flow = process.flow ?? { nodes: [], edges: [] };
  const maxSteps =
    options.page === 'all'
      ? Number.MAX_SAFE_INTEGER
      : (options.maxStepsPerPage ?? DEFAULT_MAX_STEPS_PER_PAGE);
  const pageNo = options.page === 'all' || options.page === undefined ? 1 : options.page;
  const pages = pageOfNodes(process, maxSteps);
  const total = Math.max(1, ...pages.values());
  const onPage = (id: string) => pages.get(id) === pageNo;
  const all = crossFunctionalLanes(process, org);
  const { laneOf, jointLanesOf } = all;
  // Only the lanes this page uses: a page of a long process is as narrow as its own steps allow.
  const usedLanes = new Set<string>();
  for (const n of flow.nodes)
    if (onPage(n.id)) {
      const l = laneOf.get(n.id);
      if (l) usedLanes.add(l);
      for (const j of jointLanesOf.get(n.id) ?? []) usedLanes.add(j);
    }
  const lanes = all.lanes.filter((l) => usedLanes.has(l.key));
  const { width: boxWidth, wrap } = laneSizing(lanes.length, options.wrap);
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

  // What an arrow carries: its document, else every output of the step it leaves, one per line.
  const handedOver = (from: StepNode | undefined, doc: string | null): string[] =>
    doc ? [doc] : (from?.outputs ?? []).filter((o) => o.trim());
  const sipocNames = (items: { name: string }[]) =>
    items.map((i) => i.name).filter((n) => n.trim());

  // The process's inputs go in at its start, from their suppliers, and its outputs come out at a
  // finished end, to their customers: a party is named unless its lane is where the arrow is.
  const laneUnit = (id: string) => all.lanes.find((l) => l.key === laneOf.get(id))?.unitId ?? null;
  const parties = (items: Process['sipoc']['inputs'], here: string | null) => [
    ...new Set(
      items
        .filter((i) => i.party && i.party.unitId !== here)
        .map((i) => i.party!.name.trim())
        .filter((n) => n),
    ),
  ];
  const carried = (a: FlowNode, b: FlowNode, doc: string | null, crossLane: boolean): string[] => {
    if (a.kind === 'start') {
      const from = parties(process.sipoc.inputs, laneUnit(a.id));
      const items = doc ? [doc] : sipocNames(process.sipoc.inputs);
      return items.length && from.length ? [...items, `dari ${joinAnd(from)}`] : items;
    }
    const handed = crossLane && isStep(a) ? handedOver(a, doc) : handedOver(undefined, doc);
    if (b.kind !== 'end' || (b.outcome !== 'selesai' && b.outcome !== 'lain')) return handed;
    const items = handed.length ? handed : sipocNames(process.sipoc.outputs);
    const to = parties(process.sipoc.outputs, laneUnit(b.id));
    return items.length && to.length ? [...items, `untuk ${joinAnd(to)}`] : items;
  };

  const MAX_ITEMS = 5;
  const labelWrap = Math.max(14, Math.round(wrap * 1.05));
  const edgeLabel = (exit: string | null, what: string[]): string => {
    const lines: string[] = [];
    if (exit) lines.push(...wrapWholeWords(truncate(cleanText(exit), 40), labelWrap));
    const shown = what.length > MAX_ITEMS ? [...what.slice(0, MAX_ITEMS - 1), '…'] : what;
    for (const item of shown)
      lines.push(...wrapWholeWords(truncate(cleanText(item), 120), labelWrap));
    return lines.length === 0 ? '' : ` label=${dotQuote(lines)}`;
  };

  const edgeRefs = new Map<string, { dotId: string; reversed: boolean }>();
  const connectors: CrossFunctionalDot['connectors'] = [];
  // One connector per edge that crosses a page, named by the page and the step on the other side.
  const connector = (edgeId: string, side: 'to' | 'from', lane: string, text: string[]): Row => {
    const id = `c${connectors.length}`;
    connectors.push({ edgeId, side, dotId: id, text });
    return {
      id,
      lane,
      decl: `${dotQuote(id)} [label=${dotQuote(text)} shape=invhouse style=filled fillcolor="#eeeeee" fontsize=${EDGE_FONT_PT}]`,
    };
  };
  /** "langkah 9", or an end's words: what a connector points at on the other page. */
  const nodeRef = (id: string): string | null => {
    const n = byId.get(id);
    if (!n) return null;
    if (isStep(n)) return `langkah ${no.get(n.id)}`;
    return n.kind === 'end' ? truncate(cleanText(endText(n)), 30) : null;
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
    const what = carried(a, b, e.document, isCrossLane);
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
      const target = nodeRef(b.id);
      const row = connector(e.id, 'to', laneOf.get(a.id)!, [
        `ke hal. ${pb}`,
        ...(target ? [target] : []),
      ]);
      after.set(a.id, [...(after.get(a.id) ?? []), row]);
      edges.push(
        `${dotQuote(dotId.get(a.id)!)} -> ${dotQuote(row.id)} [${edgeLabel(e.label, what).trim()}]`,
      );
    } else if (pb === pageNo) {
      const source = nodeRef(a.id);
      const row = connector(e.id, 'from', laneOf.get(b.id)!, [
        `dari hal. ${pa}`,
        ...(source ? [source] : []),
      ]);
      before.set(b.id, [...(before.get(b.id) ?? []), row]);
      edges.push(
        `${dotQuote(row.id)} -> ${dotQuote(dotId.get(b.id)!)} [${edgeLabel(e.label, what).trim()}]`,
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
  // The grid: row 0 holds the units' bands, row 1 the lane headers, then one row per node; every
  // other cell of a row is an invisible filler. Invisible edges tie each lane into a straight
  // column (heavy, vertical) and each row into left-to-right lane order (flat): without clusters,
  // dot honours flat edge order. The bands' text is drawn by ../swimlanes.ts across their lanes.
  const grid: string[][] = [];
  const bandRow = lanes.length ? lanes.map((_, i) => `u${i}`) : ['u0'];
  const header = lanes.length ? lanes.map((_, i) => `h${i}`) : ['h0'];
  grid.push(bandRow, header);
  rows.forEach((r, ri) => {
    const li = laneIndex.get(r.lane) ?? 0;
    const cells = Array.from({ length: L }, (_, i) => (i === li ? r.id : `f${ri}_${i}`));
    for (const m of r.joint ?? []) {
      const mi = laneIndex.get(m.lane);
      if (mi === undefined || mi === li) continue;
      // The mark stands in the step's row and names it ("turut serta langkah 9"): a line to the
      // step would cross the edges and labels between the two lanes.
      cells[mi] = m.id;
    }
    grid.push(cells);
  });
  const out: string[] = [];
  out.push('digraph peta_lintas_fungsi {');
  // With changed steps in the flow the title carries the legend line, in the highlight's colour.
  const marked = flow.nodes.some((n) => changed.has(n.id));
  const titleWrap = Math.max(30, Math.round((L * (boxWidth * 72 + 24)) / 8));
  const graphLabel = marked
    ? `<${wrapWords(truncate(cleanText(title), 240), titleWrap)
        .map(xmlEscape)
        .join(
          '<BR/>',
        )}<BR/><FONT POINT-SIZE="13" COLOR="${CHANGED_STYLE.color}">${xmlEscape(changedLegend(options.changedSince))}</FONT>>`
    : dotLabel(title, titleWrap);
  out.push(
    `  graph [rankdir=TB nodesep=0.2 ranksep=0.22 splines=spline fontname="${FONT}" fontsize=16 labelloc=t label=${graphLabel} pad=0.25 bgcolor="white" outputorder=edgesfirst]`,
  );
  out.push(
    `  node [fontname="${FONT}" fontsize=${STEP_FONT_PT} width=${boxWidth} height=0.5 margin="0.12,0.07" color="#333333"]`,
  );
  out.push(`  edge [fontname="${FONT}" fontsize=${EDGE_FONT_PT} color="#333333" arrowsize=0.8]`);
  // The bands: a unit's name over its lanes, wrapped to their joint width; the band row is as
  // tall as the longest name needs. Its cells are invisible boxes, measured by ../swimlanes.ts.
  const headerChars = Math.max(10, Math.floor((boxWidth * 72 - 12) / 6.6));
  const bandChars = (span: number) =>
    Math.max(8, Math.floor((span * (boxWidth * 72 + 14) - 16) / (BAND_FONT_PT * 0.62)));
  const bands: DrawnBand[] = unitBands(lanes).map((b) => ({
    from: b.from,
    to: b.to,
    lines: wrapWholeWords(truncate(cleanText(b.name), 120), bandChars(b.to - b.from + 1), 16),
  }));
  const bandLines = Math.max(1, ...bands.map((b) => b.lines.length));
  const bandHeight = (bandLines * BAND_FONT_PT * 1.25 + 10) / 72;
  const headerLines = lanes.map((l) =>
    wrapWholeWords(truncate(cleanText(laneHeader(l)), 80), headerChars),
  );
  const headerHeight =
    (Math.max(1, ...headerLines.map((h) => h.length)) * HEADER_FONT_PT * 1.2 + 10) / 72;
  // A band over one lane sizes its cell by its (invisible) text, so that a long word widens the
  // lane rather than spilling over; the text itself is drawn by ../swimlanes.ts.
  const alone = new Map(bands.filter((b) => b.from === b.to).map((b) => [b.from, b.lines]));
  bandRow.forEach((id, i) =>
    out.push(
      `  ${dotQuote(id)} [label=${dotQuote(alone.get(i) ?? [''])} fontsize=${BAND_FONT_PT + 1} fontcolor=transparent shape=box color=transparent height=${bandHeight.toFixed(2)}]`,
    ),
  );
  // A header is a box with an invisible outline: laid out exactly as plaintext, but its extent
  // is in the SVG, where ../swimlanes.ts measures the lanes.
  header.forEach((id, i) =>
    out.push(
      `  ${dotQuote(id)} [label=${dotQuote(headerLines[i] ?? [''])} shape=box color=transparent fontsize=${HEADER_FONT_PT} height=${headerHeight.toFixed(2)}]`,
    ),
  );
  for (const r of rows) out.push(`  ${r.decl}`);
  for (const m of markers) out.push(`  ${m}`);
  for (let ri = 2; ri < grid.length; ri++) {
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
  out.push('}');
  const nodeRefs = new Map(
    flow.nodes.filter((n) => onPage(n.id)).map((n) => [n.id, dotId.get(n.id)!]),
  );
  return {
    dot: out.join('\n') + '\n',
    nodeRefs,
    edgeRefs,
    connectors,
    bands,
    lanes: lanes.map((l, i) => ({
      ...l,
      bandId: `u${i}`,
      headerId: `h${i}`,
      nodeIds: laneCols[i]!.filter((c) => !/^[fuh]\d/.test(c)),
    })),
  };
}
