// Swimlane backgrounds for the cross-functional map. Graphviz clusters cannot be kept in a given
// left-to-right order under Graphviz 2.50 (with newrank the flat edges between clusters are
// ignored; without it, rank=same across clusters is refused), so the DOT is a plain grid and the
// lane rectangles are drawn here, from the layout of the same DOT, behind the drawing.
import type { DrawnLane } from './dot/cross-functional.js';
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
}

export interface LaneBox {
  key: string;
  x0: number;
  x1: number;
  /** Graph coordinates (y grows upwards, as in Graphviz). */
  yTop: number;
  yHeaderBottom: number;
  yBottom: number;
}

/** A node's box in graph coordinates (y upwards). */
interface Extent {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** The lane columns around the nodes of each lane; `by0` is the lower y of the graph's box. */
function boxesAround(
  lanes: DrawnLane[],
  extent: (id: string) => Extent | null,
  by0: number,
): LaneBox[] {
  const cols = lanes.map((l) => {
    const ext = [l.headerId, ...l.nodeIds].map(extent).filter((e) => e !== null);
    return {
      x0: Math.min(...ext.map((e) => e.x0)),
      x1: Math.max(...ext.map((e) => e.x1)),
      header: extent(l.headerId),
      bottom: Math.min(...ext.map((e) => e.y0)),
    };
  });
  const bottom = Math.min(by0 + 2, ...cols.map((c) => c.bottom - 10));
  const headerTop = Math.max(...cols.map((c) => c.header?.y1 ?? 0)) + 4;
  const headerBottom = Math.min(...cols.map((c) => c.header?.y0 ?? headerTop)) - 2;
  const pad = 10;
  return lanes.map((l, i) => {
    const c = cols[i]!;
    const prev = cols[i - 1];
    const next = cols[i + 1];
    return {
      key: l.key,
      x0: prev ? (prev.x1 + c.x0) / 2 : c.x0 - pad,
      x1: next ? (c.x1 + next.x0) / 2 : c.x1 + pad,
      yTop: headerTop,
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
  return boxesAround(lanes, extent, by0);
}

const NODE_GROUP = /<g id="[^"]*" class="node">\s*<title>([^<]*)<\/title>([\s\S]*?)<\/g>/g;
const NUMBER = /-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/gi;

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
    const pairs = (text: string) => {
      const n = text.match(NUMBER)?.map(Number) ?? [];
      for (let i = 0; i + 1 < n.length; i += 2) {
        xs.push(n[i]!);
        ys.push(-n[i + 1]!);
      }
    };
    for (const a of m[2]!.matchAll(/\s(?:points|d)="([^"]*)"/g)) pairs(a[1]!);
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
    out.set(m[1]!, {
      x0: Math.min(...xs),
      x1: Math.max(...xs),
      y0: Math.min(...ys),
      y1: Math.max(...ys),
    });
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
  return boxesAround(lanes, (id) => extents.get(id) ?? null, 0);
}

/** Inserts the lane rectangles behind everything Graphviz drew (right after its background). */
export function drawSwimlanes(svg: string, boxes: LaneBox[]): string {
  const f = (n: number) => n.toFixed(2);
  const rects = boxes
    .map((b, i) => {
      const w = b.x1 - b.x0;
      return (
        `<g class="swimlane" id="${xmlEscape(`lane${i}`)}">` +
        `<rect x="${f(b.x0)}" y="${f(-b.yTop)}" width="${f(w)}" height="${f(b.yTop - b.yBottom)}" fill="${i % 2 ? '#f3f5f8' : '#fbfcfd'}" stroke="#8a96a3" stroke-width="1"/>` +
        `<rect x="${f(b.x0)}" y="${f(-b.yTop)}" width="${f(w)}" height="${f(b.yTop - b.yHeaderBottom)}" fill="#dfe6ee" stroke="#8a96a3" stroke-width="1"/>` +
        `</g>`
      );
    })
    .join('\n');
  // The first polygon inside graph0 is Graphviz's page background; labels cannot contain '<'.
  return svg.replace(/(<g id="graph0"[^>]*>[\s\S]*?<polygon[^>]*\/>)/, `$1\n${rects}`);
}
