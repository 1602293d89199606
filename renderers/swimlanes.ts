// Swimlane backgrounds for the cross-functional map. Graphviz clusters cannot be kept in a given
// left-to-right order under Graphviz 2.50 (with newrank the flat edges between clusters are
// ignored; without it, rank=same across clusters is refused), so the DOT is a plain grid and the
// lane rectangles are drawn here, from the layout of the same DOT, behind the drawing.
import { textWidth } from './charts/text-width.js';
import { BAND_FONT_PT, FONT, type DrawnBand, type DrawnLane } from './dot/cross-functional.js';
import { xmlEscape } from './dot/escape.js';

interface JsonObject {
  name: string;
  pos?: string;
  width?: string;
  height?: string;
}
interface JsonLayout {
  bb: string;
  objects?: JsonObject[];
  edges?: { pos?: string; lp?: string; label?: string; fontsize?: string }[];
}

export interface LaneBox {
  key: string;
  x0: number;
  x1: number;
  /** Graph coordinates (y grows upwards, as in Graphviz): the top of the unit's band. */
  yTop: number;
  /** The bottom of the unit's band, the top of the position's header. */
  yBandBottom: number;
  yHeaderBottom: number;
  yBottom: number;
}

/** A box in graph coordinates (y upwards). */
export interface Extent {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/**
 * The lane columns around the nodes of each lane; `by0` is the lower y of the graph's box. The
 * outer lanes and the bottom reach out to enclose `drawn` (the edges and their labels), so that
 * no line of the map leaves its frame.
 */
function boxesAround(
  lanes: DrawnLane[],
  extent: (id: string) => Extent | null,
  by0: number,
  drawn: Extent[] = [],
): LaneBox[] {
  const cols = lanes.map((l) => {
    const ext = [l.bandId, l.headerId, ...l.nodeIds].map(extent).filter((e) => e !== null);
    return {
      x0: Math.min(...ext.map((e) => e.x0)),
      x1: Math.max(...ext.map((e) => e.x1)),
      band: extent(l.bandId),
      header: extent(l.headerId),
      bottom: Math.min(...ext.map((e) => e.y0)),
    };
  });
  const pad = 10;
  const bottom = Math.min(
    by0 + 2,
    ...cols.map((c) => c.bottom - 10),
    ...drawn.map((d) => d.y0 - 4),
  );
  const headerTop = Math.max(...cols.map((c) => c.band?.y1 ?? c.header?.y1 ?? 0)) + 2;
  const bandBottom = Math.min(...cols.map((c) => c.band?.y0 ?? c.header?.y1 ?? headerTop));
  const headerBottom = Math.min(...cols.map((c) => c.header?.y0 ?? headerTop)) - 2;
  const left = Math.min(...drawn.map((d) => d.x0 - 4));
  const right = Math.max(...drawn.map((d) => d.x1 + 4));
  return lanes.map((l, i) => {
    const c = cols[i]!;
    const prev = cols[i - 1];
    const next = cols[i + 1];
    return {
      key: l.key,
      x0: prev ? (prev.x1 + c.x0) / 2 : Math.min(c.x0 - pad, left),
      x1: next ? (c.x1 + next.x0) / 2 : Math.max(c.x1 + pad, right),
      yTop: headerTop,
      yBandBottom: bandBottom,
      yHeaderBottom: headerBottom,
      yBottom: bottom,
    };
  });
}

/**
 * Column boxes of the lanes, computed from Graphviz `-Tjson` output (node boxes as Graphviz
 * sizes them). The BPMN export uses this; the SVG path reads its own output (laneBoxesFromSvg).
 */
export function laneBoxes(json: string, lanes: DrawnLane[]): LaneBox[] {
  const g = JSON.parse(json) as JsonLayout;
  const [, by0] = g.bb.split(',').map(Number) as [number, number, number, number];
  const byName = new Map((g.objects ?? []).map((o) => [o.name, o]));
  const extent = (id: string) => {
    const o = byName.get(id);
    if (!o?.pos) return null;
    const [x, y] = o.pos.split(',').map(Number) as [number, number];
    const w = (Number(o.width) * 72) / 2;
    const h = (Number(o.height) * 72) / 2;
    return { x0: x - w, x1: x + w, y0: y - h, y1: y + h };
  };
  // Edges: their route's points, and their label's box around its centre (widths estimated).
  const drawn = (g.edges ?? []).flatMap((e) => {
    const n = (e.pos ?? '').match(NUMBER)?.map(Number) ?? [];
    const out: Extent[] = [];
    for (let i = 0; i + 1 < n.length; i += 2)
      out.push({ x0: n[i]!, x1: n[i]!, y0: n[i + 1]!, y1: n[i + 1]! });
    if (e.lp && e.label) {
      const [x, y] = e.lp.split(',').map(Number) as [number, number];
      const size = Number(e.fontsize ?? 14);
      const lines = e.label.split(/\\n|\n/);
      const w = Math.max(...lines.map((l) => textWidth(l, size)));
      const h = (lines.length * size * 1.2) / 2;
      out.push({ x0: x - w / 2, x1: x + w / 2, y0: y - h, y1: y + h });
    }
    return out;
  });
  return boxesAround(lanes, extent, by0, drawn);
}

const NODE_GROUP = /<g id="[^"]*" class="node">\s*<title>([^<]*)<\/title>([\s\S]*?)<\/g>/g;
const NUMBER = /-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/gi;

/** Every coordinate pair of the shapes' `points` and `d` attributes, into xs and ys (y upwards). */
function shapePoints(fragment: string, xs: number[], ys: number[]): void {
  for (const a of fragment.matchAll(/\s(?:points|d)="([^"]*)"/g)) {
    const n = a[1]!.match(NUMBER)?.map(Number) ?? [];
    for (let i = 0; i + 1 < n.length; i += 2) {
      xs.push(n[i]!);
      ys.push(-n[i + 1]!);
    }
  }
}

const extentOf = (xs: number[], ys: number[]): Extent => ({
  x0: Math.min(...xs),
  x1: Math.max(...xs),
  y0: Math.min(...ys),
  y1: Math.max(...ys),
});

/**
 * The extents of the nodes Graphviz drew in its SVG, by DOT id (the group's <title>): the bounding
 * box of every coordinate in the shapes' `points` (polygon, polyline), `d` (path) and ellipses.
 * A node that draws no outline (plaintext, style=invis) has no extent. SVG y is graph y negated.
 */
export function svgNodeExtents(svg: string): Map<string, Extent> {
  const out = new Map<string, Extent>();
  for (const m of svg.matchAll(NODE_GROUP)) {
    const xs: number[] = [];
    const ys: number[] = [];
    shapePoints(m[2]!, xs, ys);
    for (const e of m[2]!.matchAll(/<ellipse[^>]*>/g)) {
      const attr = (k: string) => Number(new RegExp(`\\s${k}="([^"]*)"`).exec(e[0])?.[1]);
      const [cx, cy, rx, ry] = ['cx', 'cy', 'rx', 'ry'].map(attr) as [
        number,
        number,
        number,
        number,
      ];
      xs.push(cx - rx, cx + rx);
      ys.push(-cy - ry, -cy + ry);
    }
    if (xs.length === 0) continue;
    // Titles are XML-escaped DOT ids; the cross-functional ids (h0, n3, c1) need no unescaping.
    out.set(m[1]!, extentOf(xs, ys));
  }
  return out;
}

/**
 * Column boxes of the lanes, read from the Graphviz SVG they are drawn into, so that one layout
 * serves both. Lane titles must draw an (invisible) outline to be measured. A drawn shape can
 * differ from Graphviz's node box by up to ~0.25 pt a side (Graphviz scales polygons by the node
 * size over its size rounded to whole points), so these boxes can differ from laneBoxes' by as
 * much; they enclose what is actually drawn. dot puts the graph's lower left corner at (0, 0).
 */
export function laneBoxesFromSvg(svg: string, lanes: DrawnLane[]): LaneBox[] {
  const extents = svgNodeExtents(svg);
  return boxesAround(lanes, (id) => extents.get(id) ?? null, 0, [...svgEdgeExtents(svg).values()]);
}

const EDGE_GROUP = /<g id="([^"]*)" class="edge">\s*<title>[^<]*<\/title>([\s\S]*?)<\/g>/g;

/**
 * The extents of the edges Graphviz drew, by edge id: every point of the path and arrowhead, and
 * each label line's box (its width estimated from the font's advances).
 */
export function svgEdgeExtents(svg: string): Map<string, Extent> {
  const out = new Map<string, Extent>();
  for (const m of svg.matchAll(EDGE_GROUP)) {
    const xs: number[] = [];
    const ys: number[] = [];
    shapePoints(m[2]!, xs, ys);
    for (const t of textBoxes(m[2]!)) {
      xs.push(t.x0, t.x1);
      ys.push(t.y0, t.y1);
    }
    if (xs.length) out.set(m[1]!, extentOf(xs, ys));
  }
  return out;
}

/** The boxes of the <text> lines of an SVG fragment, graph coordinates (y upwards). */
export function textBoxes(fragment: string): (Extent & { size: number; text: string })[] {
  const out: (Extent & { size: number; text: string })[] = [];
  for (const t of fragment.matchAll(/<text([^>]*)>([^<]*)<\/text>/g)) {
    const attr = (k: string) => new RegExp(`\\s${k}="([^"]*)"`).exec(t[1]!)?.[1];
    const x = Number(attr('x'));
    const y = -Number(attr('y'));
    const size = Number(attr('font-size') ?? 14);
    const text = t[2]!.replace(/&[^;]+;/g, 'x');
    const w = textWidth(text, size);
    const anchor = attr('text-anchor') ?? 'start';
    const x0 = anchor === 'middle' ? x - w / 2 : anchor === 'end' ? x - w : x;
    out.push({ x0, x1: x0 + w, y0: y - size * 0.25, y1: y + size * 0.8, size, text: t[2]! });
  }
  return out;
}

/**
 * Inserts the lane rectangles behind everything Graphviz drew (right after its background): each
 * lane with its header, and over the lanes of one unit its band with the unit's name.
 */
export function drawSwimlanes(svg: string, boxes: LaneBox[], bands: DrawnBand[] = []): string {
  const f = (n: number) => n.toFixed(2);
  const rect = (x0: number, x1: number, yTop: number, yBottom: number, fill: string) =>
    `<rect x="${f(x0)}" y="${f(-yTop)}" width="${f(x1 - x0)}" height="${f(yTop - yBottom)}" fill="${fill}" stroke="#8a96a3" stroke-width="1"/>`;
  const lanes = boxes.map(
    (b, i) =>
      `<g class="swimlane" id="${xmlEscape(`lane${i}`)}">` +
      rect(b.x0, b.x1, b.yBandBottom, b.yBottom, i % 2 ? '#f3f5f8' : '#fbfcfd') +
      rect(b.x0, b.x1, b.yBandBottom, b.yHeaderBottom, '#e9eef4') +
      `</g>`,
  );
  const unitBands = bands.map((band, i) => {
    const first = boxes[band.from];
    const last = boxes[band.to];
    if (!first || !last) return '';
    const cx = (first.x0 + last.x1) / 2;
    const lineH = BAND_FONT_PT * 1.25;
    const mid = (first.yTop + first.yBandBottom) / 2;
    const y0 = mid + ((band.lines.length - 1) * lineH) / 2;
    const texts = band.lines.map(
      (line, j) =>
        `<text text-anchor="middle" x="${f(cx)}" y="${f(-(y0 - j * lineH) + BAND_FONT_PT * 0.35)}" font-family="${FONT}" font-size="${BAND_FONT_PT.toFixed(2)}" font-weight="bold" fill="#1f2933">${xmlEscape(line)}</text>`,
    );
    return (
      `<g class="unitband" id="${xmlEscape(`band${i}`)}">` +
      rect(first.x0, last.x1, first.yTop, first.yBandBottom, '#d5dee8') +
      texts.join('') +
      `</g>`
    );
  });
  // The first polygon inside graph0 is Graphviz's page background; labels cannot contain '<'.
  return svg.replace(
    /(<g id="graph0"[^>]*>[\s\S]*?<polygon[^>]*\/>)/,
    `$1\n${[...lanes, ...unitBands].join('\n')}`,
  );
}
