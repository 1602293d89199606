import { describe, expect, it } from 'vitest';
import { crossFunctionalSvgs } from '../../renderers/cross-functional-svg.js';
import { buildCrossFunctional, pageCount } from '../../renderers/dot/cross-functional.js';
import { graphvizWasm, type LayoutEngine, type LayoutFormat } from '../../renderers/layout.js';
import { renderSvg } from '../../renderers/raster.js';
import { laneBoxes, laneBoxesFromSvg, svgNodeExtents } from '../../renderers/swimlanes.js';
import { renja } from './fixtures.js';
import { syntheticProcess } from './synthetic.js';

const engine = graphvizWasm();

const maps = [
  { name: 'Renja', ...renja() },
  { name: '10 activities', ...syntheticProcess(10) },
  { name: '20 activities', ...syntheticProcess(20) },
  { name: '40 activities, 8 lanes', ...syntheticProcess(40, { lanes: 8, decisionEvery: 3 }) },
  { name: '7 activities, 1 lane', ...syntheticProcess(7, { lanes: 1 }) },
];

/** Every page of every map, and the whole map: the DOT as the renderer builds it. */
const sheets = maps.flatMap((m) =>
  (['all', ...Array.from({ length: pageCount(m.process) }, (_, i) => i + 1)] as const).map(
    (page) => ({
      name: `${m.name}, page ${page}`,
      built: buildCrossFunctional(m.process, m.org, { page }),
    }),
  ),
);

/** The header declaration as it was before: plaintext (no outline in the SVG). */
const asPlaintext = (dot: string) =>
  dot
    .replace(/shape=box color=transparent fontsize=12/g, 'shape=plaintext fontsize=12')
    .replace(
      /fontcolor=transparent shape=box color=transparent/g,
      'fontcolor=transparent shape=plaintext',
    );

/** What a layout placed: the graph's box, every node's position and size, every edge's route. */
function geometry(json: string) {
  type Obj = { name: string; pos?: string; width?: string; height?: string };
  const g = JSON.parse(json) as { bb: string; objects?: Obj[]; edges?: { pos?: string }[] };
  return {
    bb: g.bb,
    // Anonymous subgraphs (rank=same) have no position and a name from a global counter.
    nodes: (g.objects ?? []).filter((o) => o.pos).map((o) => [o.name, o.pos, o.width, o.height]),
    edges: (g.edges ?? []).map((e) => e.pos),
  };
}

describe('lane boxes measured in the SVG', () => {
  it.each(sheets)('$name: equal those from the JSON layout within 0.25 pt', async ({ built }) => {
    const json = await engine.layout(built.dot, 'json');
    const svg = await engine.layout(built.dot, 'svg');
    // laneBoxesFromSvg takes the graph's lower edge as y = 0: so does dot.
    expect((JSON.parse(json) as { bb: string }).bb).toMatch(/^0,0,/);
    const fromJson = laneBoxes(json, built.lanes);
    const fromSvg = laneBoxesFromSvg(svg, built.lanes);
    expect(fromSvg.map((b) => b.key)).toEqual(fromJson.map((b) => b.key));
    // Graphviz draws a polygon scaled by (node size / node size rounded to whole points), so
    // a drawn side can sit up to 0.25 pt from the node box that -Tjson reports. The outer sides
    // and the bottom reach out around the edges: the SVG has the arrowheads' corners and the
    // labels' lines, JSON the arrow's tip and the label's centre, so they agree within 8 pt.
    fromSvg.forEach((b, i) => {
      const j = fromJson[i]!;
      const outer = (k: string) =>
        k === 'yBottom' || (k === 'x0' && i === 0) || (k === 'x1' && i === fromSvg.length - 1);
      for (const k of ['x0', 'x1', 'yTop', 'yBandBottom', 'yHeaderBottom', 'yBottom'] as const)
        expect(Math.abs(b[k] - j[k]), `${b.key} ${k}`).toBeLessThanOrEqual(outer(k) ? 8 : 0.25);
    });
  });

  it('lane titles draw an outline to measure, laid out exactly as the plaintext they were', async () => {
    for (const { built } of sheets.slice(0, 4)) {
      const svg = await engine.layout(built.dot, 'svg');
      const extents = svgNodeExtents(svg);
      for (const l of built.lanes) expect(extents.has(l.headerId)).toBe(true);
      const old = asPlaintext(built.dot);
      expect(old).not.toBe(built.dot);
      expect(geometry(await engine.layout(built.dot, 'json'))).toEqual(
        geometry(await engine.layout(old, 'json')),
      );
      // The SVG differs only by the transparent outlines of the titles and the bands' cells.
      const outline = /<polygon fill="none" stroke="transparent" points="[^"]*"\/>\n/g;
      expect(svg.match(outline)).toHaveLength(built.lanes.length * 2);
      expect(svg.replace(outline, '')).toBe(await engine.layout(old, 'svg'));
    }
  });

  it('the transparent title outline draws no pixel', async () => {
    const { process, org } = renja();
    const { all } = await crossFunctionalSvgs(process, org, engine);
    const bare = all.replace(/<polygon fill="none" stroke="transparent" points="[^"]*"\/>\n/g, '');
    expect(bare.length).toBeLessThan(all.length);
    expect(Buffer.compare(renderSvg(all).pixels, renderSvg(bare).pixels)).toBe(0);
  });
});

describe('crossFunctionalSvgs', () => {
  it('lays out the whole map and each page once, to SVG only', async () => {
    const calls: LayoutFormat[] = [];
    const counting: LayoutEngine = {
      layout: (dot, format) => (calls.push(format), engine.layout(dot, format)),
    };
    const { process, org } = syntheticProcess(20);
    const { pages } = await crossFunctionalSvgs(process, org, counting);
    expect(pages).toHaveLength(2);
    expect(calls).toEqual(['svg', 'svg', 'svg']);
  });

  it('draws the lanes it measured: one rectangle pair per lane, around every node of the lane', async () => {
    const { process, org } = syntheticProcess(20);
    const { pages } = await crossFunctionalSvgs(process, org, engine);
    pages.forEach((svg, i) => {
      const built = buildCrossFunctional(process, org, { page: i + 1 });
      const rects = [
        ...svg.matchAll(
          /<g class="swimlane"[^>]*><rect x="([-\d.]+)" y="([-\d.]+)" width="([\d.]+)" height="([\d.]+)"/g,
        ),
      ].map((m) => m.slice(1).map(Number) as [number, number, number, number]);
      expect(rects).toHaveLength(built.lanes.length);
      const extents = svgNodeExtents(svg);
      built.lanes.forEach((l, li) => {
        const [x, y, w, h] = rects[li]!;
        for (const id of [l.headerId, ...l.nodeIds]) {
          const e = extents.get(id);
          if (!e) continue; // a node without outline (none in these maps but invisible fillers)
          expect(e.x0).toBeGreaterThanOrEqual(x);
          expect(e.x1).toBeLessThanOrEqual(x + w);
          expect(-e.y1).toBeGreaterThanOrEqual(y);
          expect(-e.y0).toBeLessThanOrEqual(y + h);
        }
      });
    });
  });
});
