// Helpers to read Graphviz SVG in tests: node groups, their texts and shapes.
export interface SvgGroup {
  cls: string;
  title: string;
  body: string;
  texts: string[];
}

export function unescapeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#45;/g, '-')
    .replace(/&#(\d+);/g, (_m, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, '&');
}

export function groups(svg: string, cls: 'node' | 'edge' | 'cluster'): SvgGroup[] {
  const out: SvgGroup[] = [];
  const re = /<g id="[^"]*" class="([^"]*)">\s*<title>([^<]*)<\/title>([\s\S]*?)<\/g>/g;
  for (const m of svg.matchAll(re)) {
    const classes = m[1]!.split(' ');
    if (classes[0] !== cls) continue;
    const body = m[3]!;
    const texts = [...body.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((t) => unescapeXml(t[1]!));
    out.push({ cls: m[1]!, title: unescapeXml(m[2]!), body, texts });
  }
  return out;
}

/** The kind of symbol a node group draws, by its outline. */
export function shapeOf(
  g: SvgGroup,
): 'terminator' | 'box' | 'diamond' | 'pentagon' | 'none' | 'other' {
  const poly = /<polygon[^>]*points="([^"]*)"/.exec(g.body);
  if (/<path /.test(g.body) && !poly) return 'terminator';
  if (!poly) return /<ellipse/.test(g.body) ? 'other' : 'none';
  const pts = poly[1]!
    .trim()
    .split(/\s+/)
    .map((p) => p.split(',').map(Number) as [number, number]);
  const n = pts.length - 1; // Graphviz closes polygons by repeating the first point
  if (n === 4) {
    const xs = new Set(pts.map((p) => p[0].toFixed(1)));
    return xs.size === 2 ? 'box' : 'diamond';
  }
  if (n === 5) return 'pentagon';
  return 'other';
}

/** Lane titles are the nodes h0, h1, ... of the cross-functional DOT (boxes with no visible outline). */
/** A lane's header (`h*`) or the cell under a unit's band (`u*`): not a symbol of the flow. */
export const isLaneTitle = (g: SvgGroup) => /^[hu]\d+$/.test(g.title);
export const isLaneHeader = (g: SvgGroup) => /^h\d+$/.test(g.title);
