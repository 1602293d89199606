// Renderer benchmark: `npx tsx bench/render.ts [runs]`.
// For synthetic processes of 10, 20, 30 and 100 activities (decisions, 5 lanes), medians of:
// layout (graphviz-wasm DOT -> SVG), rasterising (resvg SVG -> PNG at chat size, in-thread),
// native Graphviz `dot -Tsvg` / `dot -Tpng` on the same DOT ("n/a" without `dot` on PATH), and
// serving the unchanged map again from the render cache.
import { spawnSync } from 'node:child_process';
import { toCrossFunctionalDot } from '../renderers/dot/cross-functional.js';
import { createRenderer } from '../renderers/index.js';
import { graphvizWasm } from '../renderers/layout.js';
import { svgToPng } from '../renderers/raster.js';
import { syntheticProcess } from '../tests/renderers/synthetic.js';

const RUNS = Math.max(7, Number(process.argv[2] ?? 7));
const SIZES = [10, 20, 30, 100];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

async function time(fn: () => unknown | Promise<unknown>, runs = RUNS): Promise<number> {
  await fn(); // warm-up
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    await fn();
    t.push(performance.now() - s);
  }
  return median(t);
}

const hasDot = spawnSync('dot', ['-V']).status === 0;
function nativeDot(dot: string, format: 'svg' | 'png'): void {
  const r = spawnSync('dot', [`-T${format}`], { input: dot, maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`dot -T${format} failed: ${r.stderr}`);
}

const engine = graphvizWasm();
const inline = { toPng: async (svg: string) => svgToPng(svg), close: async () => {} };
const fmt = (n: number | null) => (n === null ? 'n/a' : n < 10 ? n.toFixed(2) : n.toFixed(1));
const ratio = (a: number | null, b: number | null) =>
  a === null || b === null ? 'n/a' : `${(a / b).toFixed(2)}x`;

const rows: string[][] = [];
for (const n of SIZES) {
  const { process: p, org } = syntheticProcess(n);
  const dot = toCrossFunctionalDot(p, org, { page: 'all' });
  const svg = await engine.layout(dot, 'svg');
  const layout = await time(() => engine.layout(dot, 'svg'));
  const png = svgToPng(svg);
  const raster = await time(() => svgToPng(svg));
  const dotSvg = hasDot ? await time(() => nativeDot(dot, 'svg')) : null;
  const dotPng = hasDot ? await time(() => nativeDot(dot, 'png')) : null;
  // The service path: whole map + pages, laid out and rasterised once, then served from cache.
  const renderer = createRenderer({ rasteriser: inline });
  const s0 = performance.now();
  const first = await renderer.crossFunctionalPng(p, org);
  const full = performance.now() - s0;
  const hit = await time(() => renderer.crossFunctionalPng(structuredClone(p), org));
  await renderer.close();
  // The chat preview as the bot makes it: the pages, laid out and rasterised in a render process, not cached
  // (each run renames the process, so its content and its cache key differ).
  const pooled = createRenderer();
  let k = 0;
  const preview = await time(() =>
    pooled.crossFunctionalPng({ ...p, name: `${p.name} ${++k}` }, org),
  );
  await pooled.close();
  const v = new DataView(png.buffer, png.byteOffset);
  rows.push([
    String(n),
    fmt(layout),
    fmt(dotSvg),
    ratio(layout, dotSvg),
    fmt(raster),
    `${v.getUint32(16)}x${v.getUint32(20)}`,
    fmt(dotPng),
    String(first.pages.length),
    fmt(full),
    fmt(hit),
    ratio(full, hit),
    fmt(preview),
    ratio(preview, dotPng),
  ]);
}

const head = [
  'activities',
  'wasm layout',
  'dot -Tsvg',
  'wasm/dot',
  'resvg PNG',
  'PNG px (whole map)',
  'dot -Tpng',
  'pages',
  'first render',
  'cache hit',
  'first/hit',
  'chat preview',
  'preview/dot -Tpng',
];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i]!)).join(' | ');
console.log(
  `Renderer benchmark, medians of ${RUNS} runs in ms (Node ${process.version}, ${hasDot ? spawnSync('dot', ['-V'], { encoding: 'utf8' }).stderr.trim() : 'native dot: n/a'})`,
);
console.log(line(head));
console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
for (const r of rows) console.log(line(r));
console.log(
  'first render = whole-map SVG + every page laid out and rasterised in-thread; cache hit = same content again.',
);
console.log(
  'chat preview = what the bot sends: the whole-map SVG and the PNG pages, laid out and rasterised in a render process, uncached. Target at 20 activities: <= 0.8x dot -Tpng.',
);
