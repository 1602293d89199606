// Geometry of a drawn cross-functional map, read back from its SVG: the frame of the swimlanes,
// the boxes of the steps, the points of every edge and its label, and the text sizes. The golden
// map tests check what matters to a reader with these, not only that labels are present.
import {
  svgEdgeExtents,
  svgNodeExtents,
  textBoxes,
  type Extent,
} from '../../renderers/swimlanes.js';
import { groups, unescapeXml } from './svg.js';

export type Pt = { x: number; y: number };

/** The SVG's width in points (as Graphviz writes it: `width="842pt"`). */
export function svgWidthPt(svg: string): number {
  return Number(/<svg[^>]*\swidth="([\d.]+)pt"/.exec(svg)?.[1]);
}

/** The frame: the union of the swimlane rectangles (graph coordinates, y upwards). */
export function frameOf(svg: string): Extent {
  const rects = [...svg.matchAll(/<g class="(?:swimlane|unitband)"[^>]*>([\s\S]*?)<\/g>/g)].flatMap(
    (g) =>
      [
        ...g[1]!.matchAll(/<rect x="([-\d.]+)" y="([-\d.]+)" width="([\d.]+)" height="([\d.]+)"/g),
      ].map((r) => {
        const [x, y, w, h] = r.slice(1, 5).map(Number) as [number, number, number, number];
        return { x0: x, x1: x + w, y0: -(y + h), y1: -y };
      }),
  );
  return {
    x0: Math.min(...rects.map((r) => r.x0)),
    x1: Math.max(...rects.map((r) => r.x1)),
    y0: Math.min(...rects.map((r) => r.y0)),
    y1: Math.max(...rects.map((r) => r.y1)),
  };
}

/** Points along a Graphviz edge path (`M x,y C x1,y1 x2,y2 x3,y3 ...`), 12 per cubic segment. */
export function pathPoints(d: string): Pt[] {
  const n = d.match(/-?(?:\d+\.?\d*|\.\d+)/g)?.map(Number) ?? [];
  const p: Pt[] = [];
  for (let i = 0; i + 1 < n.length; i += 2) p.push({ x: n[i]!, y: -n[i + 1]! });
  const out: Pt[] = p.length ? [p[0]!] : [];
  for (let i = 0; i + 3 < p.length; i += 3) {
    const [a, b, c, e] = [p[i]!, p[i + 1]!, p[i + 2]!, p[i + 3]!];
    for (let k = 1; k <= 12; k++) {
      const t = k / 12;
      const u = 1 - t;
      out.push({
        x: u * u * u * a.x + 3 * u * u * t * b.x + 3 * u * t * t * c.x + t * t * t * e.x,
        y: u * u * u * a.y + 3 * u * u * t * b.y + 3 * u * t * t * c.y + t * t * t * e.y,
      });
    }
  }
  return out;
}

export type DrawnEdge = { id: string; tail: string; head: string; points: Pt[]; label: string };

/** Every edge with an id (the flow's and the connectors'), its end nodes and sampled points. */
export function edgesOf(svg: string): DrawnEdge[] {
  return [
    ...svg.matchAll(/<g id="([^"]*)" class="edge">\s*<title>([^<]*)<\/title>([\s\S]*?)<\/g>/g),
  ].map((m) => {
    const [tail, head] = unescapeXml(m[2]!).split('->') as [string, string];
    const d = /\sd="([^"]*)"/.exec(m[3]!)?.[1] ?? '';
    const label = textBoxes(m[3]!)
      .map((t) => unescapeXml(t.text))
      .join(' ');
    return { id: m[1]!, tail, head, points: pathPoints(d), label };
  });
}

/** The boxes of the symbols a reader reads: steps, decisions, terminators, connectors, markers. */
export function symbolBoxes(svg: string): Map<string, Extent> {
  const out = new Map<string, Extent>();
  for (const [id, e] of svgNodeExtents(svg)) if (/^(n|c|j)\d/.test(id)) out.set(id, e);
  return out;
}

const inside = (p: Pt, e: Extent, margin = 0) =>
  p.x > e.x0 + margin && p.x < e.x1 - margin && p.y > e.y0 + margin && p.y < e.y1 - margin;

/** What leaves the frame: edge points, arrowheads and label boxes outside it. */
export function outsideFrame(svg: string): string[] {
  const frame = frameOf(svg);
  const bad: string[] = [];
  for (const [id, e] of svgEdgeExtents(svg))
    if (e.x0 < frame.x0 || e.x1 > frame.x1 || e.y0 < frame.y0 || e.y1 > frame.y1)
      bad.push(
        `${id} [${e.x0.toFixed(0)}..${e.x1.toFixed(0)}] frame [${frame.x0.toFixed(0)}..${frame.x1.toFixed(0)}]`,
      );
  return bad;
}

/**
 * Edges that pass through a symbol other than their own two ends: a sampled point more than 2 pt
 * inside the symbol's box. (A diamond's box is larger than the diamond: a conservative check.)
 */
export function edgesThroughSymbols(svg: string): string[] {
  const boxes = symbolBoxes(svg);
  const bad: string[] = [];
  for (const e of edgesOf(svg))
    for (const [id, box] of boxes) {
      if (id === e.tail || id === e.head) continue;
      if (e.points.some((p) => inside(p, box, 2)))
        bad.push(`${e.id} (${e.tail}->${e.head}) through ${id}`);
    }
  return bad;
}

/** Edge labels that sit on a symbol. */
export function labelsOnSymbols(svg: string): string[] {
  const boxes = [...symbolBoxes(svg)];
  const bad: string[] = [];
  for (const m of svg.matchAll(/<g id="([^"]*)" class="edge">[\s\S]*?<\/g>/g))
    for (const t of textBoxes(m[0]))
      for (const [id, b] of boxes)
        if (t.x0 < b.x1 - 1 && t.x1 > b.x0 + 1 && t.y0 < b.y1 - 1 && t.y1 > b.y0 + 1)
          bad.push(`"${unescapeXml(t.text)}" on ${id}`);
  return bad;
}

/** The smallest text of the steps, in pixels, when the page is shown `screenPx` wide. */
export function stepTextPx(svg: string, screenPx = 1080): number {
  const sizes = groups(svg, 'node')
    .filter((g) => /^n\d/.test(g.title))
    .flatMap((g) => textBoxes(g.body).map((t) => t.size));
  return (Math.min(...sizes) * screenPx) / svgWidthPt(svg);
}

/** The smallest edge label text, in pixels, at `screenPx` wide. */
export function edgeTextPx(svg: string, screenPx = 1080): number {
  const sizes = [...svg.matchAll(/<g id="[^"]*" class="edge">[\s\S]*?<\/g>/g)].flatMap((m) =>
    textBoxes(m[0]).map((t) => t.size),
  );
  return sizes.length ? (Math.min(...sizes) * screenPx) / svgWidthPt(svg) : Infinity;
}

/** The lanes as drawn: the band over each lane and its header's text, left to right. */
export function laneHeadings(svg: string): { band: string; header: string }[] {
  const lanes = [...svg.matchAll(/<g class="swimlane"[^>]*>([\s\S]*?)<\/g>/g)].map((g) => {
    const r = /<rect x="([-\d.]+)" y="[-\d.]+" width="([\d.]+)"/.exec(g[1]!)!;
    return { x0: Number(r[1]), x1: Number(r[1]) + Number(r[2]) };
  });
  const bands = [...svg.matchAll(/<g class="unitband"[^>]*>([\s\S]*?)<\/g>/g)].map((g) => {
    const r = /<rect x="([-\d.]+)" y="[-\d.]+" width="([\d.]+)"/.exec(g[1]!)!;
    return {
      x0: Number(r[1]),
      x1: Number(r[1]) + Number(r[2]),
      text: textBoxes(g[1]!)
        .map((t) => unescapeXml(t.text))
        .join(' '),
    };
  });
  const headers = groups(svg, 'node').filter((g) => /^h\d/.test(g.title));
  return lanes.map((l, i) => ({
    band: bands.find((b) => b.x0 <= l.x0 + 1 && b.x1 >= l.x1 - 1)?.text ?? '',
    header: headers.find((h) => h.title === `h${i}`)?.texts.join(' ') ?? '',
  }));
}
