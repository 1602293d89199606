import { afterAll, describe, expect, it } from 'vitest';
import { isStep, numberedSteps } from '../../core/model/index.js';
import {
  crossFunctionalLanes,
  toCrossFunctionalDot,
} from '../../renderers/dot/cross-functional.js';
import { createRenderer } from '../../renderers/index.js';
import { CHAT_LIMITS } from '../../renderers/raster.js';
import { renja } from './fixtures.js';
import { decodePng, pngSize } from './png.js';
import { laneHeadings } from './geometry.js';
import { groups, isLaneHeader, isLaneTitle, shapeOf } from './svg.js';
import { syntheticProcess } from './synthetic.js';

const renderer = createRenderer({ workers: 2 });
afterAll(() => renderer.close());

const { process, org } = renja();

function withinChatLimits(png: Uint8Array) {
  const { width, height } = pngSize(png);
  expect(Math.max(width, height)).toBeLessThanOrEqual(CHAT_LIMITS.maxSide);
  expect(width + height).toBeLessThanOrEqual(10_000);
  expect(Math.max(width / height, height / width)).toBeLessThanOrEqual(20);
  expect(png.byteLength).toBeLessThanOrEqual(5 * 1024 * 1024);
}

describe('lanes of the Renja example', () => {
  it('are the supplier Bappeda, then one per performer, split by position inside Bagian Perencanaan and grouped by unit', () => {
    const { lanes } = crossFunctionalLanes(process, org);
    expect(lanes.map((l) => l.title)).toEqual([
      'Bappeda',
      'Bagian Perencanaan dan Keuangan — Kasubbag Perencanaan',
      'Bagian Perencanaan dan Keuangan — Analis Perencanaan',
      'Bagian Perencanaan dan Keuangan — Kepala Bagian',
      'Bagian Organisasi — Kasubbag Kelembagaan',
      'Sekretariat Daerah — Sekretaris Daerah',
    ]);
  });
});

describe('the DOT of the Renja map', () => {
  const dot = toCrossFunctionalDot(process, org);
  it('sets Arial on graph, nodes and edges', () => {
    expect(dot).toContain('graph [rankdir=TB');
    expect(dot.match(/fontname="Arial"/g)?.length).toBe(3);
  });
  it('numbers activities as the chat summary does and labels the handed-over documents', () => {
    expect(dot).toContain('label="1. Menerima\\nsurat edaran\\npenyusunan\\nRenja"');
    expect(dot).toContain('label="6. Rancangan\\ndisetujui?" shape=diamond');
    expect(dot).toMatch(/label="Nota dinas\\npermintaan\\nusulan"/);
    expect(dot).toMatch(/label="tidak\\nCatatan revisi"/);
  });
});

describe('the SVG of the Renja map', async () => {
  const { svg } = await renderer.crossFunctionalSvg(process, org);
  const nodes = groups(svg, 'node');
  const drawn = nodes.filter((n) => !isLaneTitle(n) && shapeOf(n) !== 'none');
  const allText = [...nodes, ...groups(svg, 'edge')].map((g) => g.texts.join(' ')).join('\n');

  it('shows every activity with its number and full name', () => {
    const labels = drawn.map((n) => n.texts.join(' '));
    for (const { no, node } of numberedSteps(process.flow!))
      expect(labels).toContain(`${no}. ${node.name}`);
  });
  it('shows every lane title, both decision exits and every handed-over document', () => {
    expect(laneHeadings(svg)).toEqual([
      { band: 'Bappeda', header: '' },
      { band: 'Bagian Perencanaan dan Keuangan', header: 'Kasubbag Perencanaan' },
      { band: 'Bagian Perencanaan dan Keuangan', header: 'Analis Perencanaan' },
      { band: 'Bagian Perencanaan dan Keuangan', header: 'Kepala Bagian' },
      { band: 'Bagian Organisasi', header: 'Kasubbag Kelembagaan' },
      { band: 'Sekretariat Daerah', header: 'Sekretaris Daerah' },
    ]);
    const edgeTexts = groups(svg, 'edge').map((e) => e.texts.join(' '));
    expect(edgeTexts).toContain('ya');
    expect(edgeTexts).toContain('tidak Catatan revisi');
    for (const doc of [
      'Nota dinas permintaan usulan',
      'Usulan program',
      'Rancangan Renja',
      'Renja ditandatangani',
    ]) {
      expect(allText).toContain(doc);
    }
  });
  it('uses only the SOP symbols: terminators for start and end, boxes, a diamond', () => {
    const shapes = drawn.map(shapeOf);
    expect(new Set(shapes)).toEqual(new Set(['terminator', 'box', 'diamond']));
    expect(shapes.filter((s) => s === 'terminator')).toHaveLength(2);
    expect(shapes.filter((s) => s === 'diamond')).toHaveLength(
      process.flow!.nodes.filter((n) => n.kind === 'decision').length,
    );
    expect(shapes.filter((s) => s === 'box')).toHaveLength(
      process.flow!.nodes.filter((n) => n.kind === 'activity').length,
    );
  });
  it('keeps the lanes in first-acting order from left to right, with every step inside its lane', () => {
    const xOf = (g: { body: string }) => Number(/<text[^>]* x="([-\d.]+)"/.exec(g.body)![1]);
    const titles = nodes.filter((n) => isLaneHeader(n) && n.texts.length);
    const xs = titles.map(xOf);
    expect(xs).toHaveLength(5);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(new Set(xs).size).toBe(xs.length);
    const rects = [
      ...svg.matchAll(/<g class="swimlane"[^>]*><rect x="([-\d.]+)" y="[-\d.]+" width="([\d.]+)"/g),
    ].map((m) => [Number(m[1]), Number(m[1]) + Number(m[2])] as const);
    expect(rects).toHaveLength(6);
    const { lanes, laneOf } = crossFunctionalLanes(process, org);
    for (const step of process.flow!.nodes.filter(isStep)) {
      const no = numberedSteps(process.flow!).find((s) => s.node.id === step.id)!.no;
      const g = drawn.find((n) => n.texts.join(' ').startsWith(`${no}. `))!;
      const [x0, x1] = rects[lanes.findIndex((l) => l.key === laneOf.get(step.id))]!;
      expect(xOf(g)).toBeGreaterThan(x0);
      expect(xOf(g)).toBeLessThan(x1);
    }
  });
});

describe('the PNG of the Renja map', async () => {
  const res = await renderer.crossFunctionalPng(process, org);
  it('is one page that decodes and fits Telegram and WhatsApp', () => {
    expect(res.pages).toHaveLength(1);
    withinChatLimits(res.pages[0]!);
  });
  it('has dark text pixels in the title band of every lane column (fonts were loaded)', () => {
    const png = decodePng(res.pages[0]!);
    const svgW = Number(/<svg width="([\d.]+)pt"/.exec(res.svg)![1]);
    const [tx, ty] = /translate\(([-\d.]+) ([-\d.]+)\)/.exec(res.svg)!.slice(1).map(Number) as [
      number,
      number,
    ];
    const zoom = png.width / svgW;
    const lanes = [...res.svg.matchAll(/<g class="swimlane"[^>]*>(<rect[^>]*>)(<rect[^>]*>)/g)].map(
      (m) => {
        const head = m[2]!;
        const num = (a: string) => Number(new RegExp(`${a}="([-\\d.]+)"`).exec(head)![1]);
        return { x: num('x'), y: num('y'), w: num('width'), h: num('height') };
      },
    );
    expect(lanes).toHaveLength(6);
    // Bappeda, an outside party, has no position under its band.
    for (const l of lanes.slice(1)) {
      let dark = 0;
      const x0 = Math.ceil((l.x + tx) * zoom) + 4;
      const x1 = Math.floor((l.x + l.w + tx) * zoom) - 4;
      const y0 = Math.ceil((l.y + ty) * zoom) + 4;
      const y1 = Math.floor((l.y + l.h + ty) * zoom) - 4;
      for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (png.lum(x, y) < 90) dark++;
      expect(dark).toBeGreaterThan(200);
    }
  });
});

describe('a 100-activity process', async () => {
  const { process: big, org: bigOrg } = syntheticProcess(100);
  const steps = numberedSteps(big.flow!).length;
  const svgs = await renderer.crossFunctionalSvg(big, bigOrg);
  const pngs = await renderer.crossFunctionalPng(big, bigOrg);

  it('comes out as numbered pages of at most 12 steps, each within the chat limits', () => {
    expect(pngs.pages.length).toBe(Math.ceil(steps / 12));
    for (const p of pngs.pages) withinChatLimits(p);
    svgs.pages.forEach((s, i) => expect(s).toContain(`(hal. ${i + 1} dari ${svgs.pages.length})`));
  });
  it('joins the pages with off-page connectors (pentagons) that name the page they continue on', () => {
    svgs.pages.forEach((s, i) => {
      const connectors = groups(s, 'node')
        .filter((n) => shapeOf(n) === 'pentagon')
        .map((n) => n.texts.join(' '));
      if (i + 1 < svgs.pages.length)
        expect(connectors.some((c) => c.startsWith(`ke hal. ${i + 2}`))).toBe(true);
      if (i > 0) expect(connectors.some((c) => c.startsWith(`dari hal. ${i}`))).toBe(true);
      for (const c of connectors) expect(c).toMatch(/^(ke|dari) hal\. \d+ langkah \d+$/);
    });
  });
  it('shows every step on exactly one page, and all of them in the whole-map SVG', () => {
    for (const { no } of numberedSteps(big.flow!)) {
      const on = svgs.pages.filter((s) =>
        groups(s, 'node').some((n) => n.texts.join(' ').startsWith(`${no}. `)),
      );
      expect(on).toHaveLength(1);
    }
    const all = groups(svgs.svg, 'node').filter((n) => /^\d+\. /.test(n.texts.join(' ')));
    expect(all).toHaveLength(steps);
  });
});
