// The renderers as one service: models in, SVG / PNG / BPMN out, cached by content.
// Nothing here knows about chat or SQL. Small layouts run in-process (graphviz-wasm, milliseconds);
// rasterising and big layouts run in render processes (resvg, hundreds of milliseconds).
import type { Ledger, ProgressRow } from '../core/coordination/types.js';
import type { Organisation, Process } from '../core/model/index.js';
import { isStep, unitById } from '../core/model/index.js';
import { toBpmnXml } from './bpmn/export.js';
import { memoryCache, packParts, renderKey, unpackParts, type RenderCache } from './cache.js';
import {
  CHART_RASTER_SCALE,
  progressChartPages,
  progressChartSvg,
  type ProgressChartOptions,
} from './charts/progress-chart.js';
import { crossFunctionalSvgs } from './cross-functional-svg.js';
import { type CrossFunctionalOptions } from './dot/cross-functional.js';
import { toLevel0Dot, toProcessTreeDot } from './dot/level0.js';
import { ledgerEntriesShown, toLedgerDot, type LedgerPictureOptions } from './dot/ledger.js';
import { toRelationDot } from './dot/relation.js';
import { graphvizWasm, type LayoutEngine } from './layout.js';
import { createRasterPool, type Rasteriser } from './raster-pool.js';

export type { RenderCache } from './cache.js';
export type { LayoutEngine } from './layout.js';
export { memoryCache } from './cache.js';
export { graphvizWasm } from './layout.js';
export { toCrossFunctionalDot, crossFunctionalLanes } from './dot/cross-functional.js';
export { toRelationDot } from './dot/relation.js';
export { toLevel0Dot, toProcessTreeDot } from './dot/level0.js';
export { toLedgerDot } from './dot/ledger.js';
export type { LedgerPictureOptions } from './dot/ledger.js';
export {
  progressChartSpec,
  progressChartSvg,
  progressChartPages,
} from './charts/progress-chart.js';
export type { ProgressChartOptions } from './charts/progress-chart.js';
export { toBpmnXml } from './bpmn/export.js';
export { fromBpmn } from './bpmn/import.js';

export interface RendererOptions {
  cache?: RenderCache;
  /** Render processes (1-2 suit a 2-core machine). Default 1. */
  workers?: number;
  /** Replaceable for tests and benchmarks. Default: graphviz-wasm. */
  layout?: LayoutEngine;
  /** Replaceable for tests. Default: a pool of `workers` render processes. */
  rasteriser?: Rasteriser;
}

export interface PictureResult {
  /** PNG pages for chat, each within Telegram's and WhatsApp's photo limits. */
  pages: Uint8Array[];
  /** The whole map as one SVG. */
  svg: string;
  cached: boolean;
}

export interface Renderer {
  crossFunctionalSvg(
    process: Process,
    org: Organisation,
    o?: CrossFunctionalOptions,
  ): Promise<{ svg: string; pages: string[]; cached: boolean }>;
  crossFunctionalPng(
    process: Process,
    org: Organisation,
    o?: CrossFunctionalOptions,
  ): Promise<PictureResult>;
  /**
   * The content key crossFunctionalPng caches its pictures under (part 0 the SVG, then the
   * pages), computed without rendering: a sender looks the pictures up by it.
   */
  crossFunctionalPngKey(process: Process, org: Organisation, o?: CrossFunctionalOptions): string;
  relationSvg(processes: Process | Process[], org: Organisation): Promise<string>;
  relationPng(processes: Process | Process[], org: Organisation): Promise<PictureResult>;
  /** Level 0 of the organisation; with `treeOf`, the hierarchy below that process instead. */
  level0Svg(processes: Process[], org: Organisation, o?: { treeOf?: string }): Promise<string>;
  level0Png(
    processes: Process[],
    org: Organisation,
    o?: { treeOf?: string },
  ): Promise<PictureResult>;
  /**
   * The coordinator's progress chart: `svg` has every unit, `pages` at most `perPage` units each
   * (default 20), 1080 px wide.
   */
  progressChartPng(
    rows: ProgressRow[],
    o: ProgressChartOptions & { perPage?: number },
  ): Promise<PictureResult>;
  /** The interface ledger as a Peta Relasi; with `unitId`, only what touches that unit. */
  ledgerPng(ledger: Ledger, org: Organisation, o?: LedgerPictureOptions): Promise<PictureResult>;
  bpmnXml(process: Process, org: Organisation): Promise<string>;
  close(): Promise<void>;
}

const enc = new TextEncoder();
const dec = new TextDecoder();

/** What a picture of one process depends on: its flow and the names of the units in it. */
function processDeps(process: Process, org: Organisation) {
  const unitIds = new Set<string>();
  for (const n of process.flow?.nodes ?? [])
    if (isStep(n) && n.performer) unitIds.add(n.performer.unitId);
  if (process.ownerUnitId) unitIds.add(process.ownerUnitId);
  for (const i of [...process.sipoc.inputs, ...process.sipoc.outputs])
    if (i.party?.unitId) unitIds.add(i.party.unitId);
  return {
    code: process.code,
    name: process.name,
    flow: process.flow,
    sipoc: process.sipoc,
    ownerUnitId: process.ownerUnitId,
    confirmations: process.handoffConfirmations.map((c) => [c.key, c.state]),
    units: org.units.filter((u) => unitIds.has(u.id)).map((u) => [u.id, u.name, u.kind]),
  };
}

/** The options as they enter a cache key: the changed steps as a set (order and repeats do not count). */
function cfKey(o: CrossFunctionalOptions): CrossFunctionalOptions {
  return o.changed ? { ...o, changed: [...new Set(o.changed)].sort() } : o;
}

/** Width of a phone's screen in pixels: pictures are drawn to fill it. */
const PHONE_PX = 1080;

/**
 * Pixels per point for a Graphviz picture read on a phone: as wide as the screen (text stays the
 * size it is drawn at), at least 1.5 px/pt (the maps' scale) and at most 2.
 */
export function phoneScale(svg: string): number {
  const m = /<svg[^>]*\swidth="([\d.]+)pt"/.exec(svg);
  const w = m ? Number(m[1]) : PHONE_PX / 1.5;
  return Math.min(2, Math.max(1.5, PHONE_PX / w));
}

/** What a ledger picture depends on: the entries drawn and the names of their units. */
function ledgerDeps(ledger: Ledger, org: Organisation, o: LedgerPictureOptions) {
  const entries = ledgerEntriesShown(ledger, o);
  const ids = new Set<string>(o.unitId ? [o.unitId] : []);
  for (const e of entries) for (const id of [e.fromUnitId, e.toUnitId]) if (id) ids.add(id);
  return {
    org: org.name,
    entries: entries.map((e) => [e.kind, e.fromUnitId, e.toUnitId, e.what]),
    units: [...ids].map((id) => [id, unitById(org, id)?.name ?? null, unitById(org, id)?.kind]),
  };
}

export function createRenderer(options: RendererOptions = {}): Renderer {
  const cache = options.cache ?? memoryCache();
  const engine = options.layout ?? graphvizWasm();
  let pool: Rasteriser | undefined = options.rasteriser;
  const raster = () => (pool ??= createRasterPool(options.workers ?? 1));

  /** Cached bundle: part 0 is the SVG (or text), the rest PNG pages. */
  async function cached(
    key: string,
    make: () => Promise<Uint8Array[]>,
  ): Promise<{ parts: Uint8Array[]; cached: boolean }> {
    const hit = await cache.get(key);
    if (hit) return { parts: unpackParts(hit), cached: true };
    const parts = await make();
    await cache.set(key, packParts(parts));
    return { parts, cached: false };
  }

  async function svgToPictures(svgs: string[]): Promise<Uint8Array[]> {
    return Promise.all(svgs.map((s) => raster().toPng(s)));
  }

  const singleSvg = async (dot: string) => engine.layout(dot, 'svg');

  return {
    async crossFunctionalSvg(process, org, o = {}) {
      const key = renderKey('cf-svg', processDeps(process, org), cfKey(o));
      const r = await cached(key, async () => {
        const { all, pages } = await crossFunctionalSvgs(process, org, engine, o);
        return [all, ...pages].map((s) => enc.encode(s));
      });
      const [all, ...pages] = r.parts.map((p) => dec.decode(p));
      return { svg: all!, pages, cached: r.cached };
    },
    crossFunctionalPngKey(process, org, o = {}) {
      return renderKey('cf-png', processDeps(process, org), cfKey(o));
    },
    async crossFunctionalPng(process, org, o = {}) {
      const key = renderKey('cf-png', processDeps(process, org), cfKey(o));
      const r = await cached(key, async () => {
        // The default pool lays out in its worker: a big map never blocks the main thread.
        const pool = raster();
        if (pool.crossFunctional && !options.layout) {
          const done = await pool.crossFunctional(process, org, o);
          return [enc.encode(done.svg), ...done.pages];
        }
        const { all, pages } = await crossFunctionalSvgs(process, org, engine, o);
        return [enc.encode(all), ...(await svgToPictures(pages))];
      });
      const [svg, ...pages] = r.parts;
      return { svg: dec.decode(svg!), pages, cached: r.cached };
    },
    async relationSvg(processes, org) {
      const list = Array.isArray(processes) ? processes : [processes];
      const key = renderKey('rel-svg', {
        many: Array.isArray(processes),
        org: org.name,
        ps: list.map((p) => processDeps(p, org)),
      });
      const r = await cached(key, async () => [
        enc.encode(await singleSvg(toRelationDot(processes, org))),
      ]);
      return dec.decode(r.parts[0]!);
    },
    async relationPng(processes, org) {
      const list = Array.isArray(processes) ? processes : [processes];
      const key = renderKey('rel-png', {
        many: Array.isArray(processes),
        org: org.name,
        ps: list.map((p) => processDeps(p, org)),
      });
      const r = await cached(key, async () => {
        const svg = await singleSvg(toRelationDot(processes, org));
        return [enc.encode(svg), ...(await svgToPictures([svg]))];
      });
      return { svg: dec.decode(r.parts[0]!), pages: r.parts.slice(1), cached: r.cached };
    },
    async level0Svg(processes, org, o = {}) {
      const deps = {
        org: [org.name, org.codePrefix],
        ps: processes.map((p) => [p.id, p.code, p.name, p.category, p.parentId, p.flow !== null]),
      };
      const key = renderKey('l0-svg', deps, o);
      const dot = () =>
        o.treeOf ? toProcessTreeDot(processes, org, o.treeOf) : toLevel0Dot(processes, org);
      const r = await cached(key, async () => [enc.encode(await singleSvg(dot()))]);
      return dec.decode(r.parts[0]!);
    },
    async level0Png(processes, org, o = {}) {
      const deps = {
        org: [org.name, org.codePrefix],
        ps: processes.map((p) => [p.id, p.code, p.name, p.category, p.parentId, p.flow !== null]),
      };
      const key = renderKey('l0-png', deps, o);
      const dot = () =>
        o.treeOf ? toProcessTreeDot(processes, org, o.treeOf) : toLevel0Dot(processes, org);
      const r = await cached(key, async () => {
        const svg = await singleSvg(dot());
        return [enc.encode(svg), ...(await svgToPictures([svg]))];
      });
      return { svg: dec.decode(r.parts[0]!), pages: r.parts.slice(1), cached: r.cached };
    },
    async progressChartPng(rows, o) {
      // Only what is drawn: a new activity time or deadline count does not redraw the chart.
      const deps = rows.map((r) => [r.unitName, r.processes]);
      const key = renderKey('progress-png', deps, o);
      const r = await cached(key, async () => {
        const pages = await progressChartPages(rows, o);
        const all = pages.length === 1 ? pages[0]! : await progressChartSvg(rows, o);
        const pngs = await Promise.all(
          pages.map((p) => raster().toPng(p, { scale: CHART_RASTER_SCALE })),
        );
        return [enc.encode(all), ...pngs];
      });
      return { svg: dec.decode(r.parts[0]!), pages: r.parts.slice(1), cached: r.cached };
    },
    async ledgerPng(ledger, org, o = {}) {
      const key = renderKey('ledger-png', ledgerDeps(ledger, org, o), o);
      const r = await cached(key, async () => {
        const svg = await singleSvg(toLedgerDot(ledger, org, o));
        return [enc.encode(svg), await raster().toPng(svg, { scale: phoneScale(svg) })];
      });
      return { svg: dec.decode(r.parts[0]!), pages: r.parts.slice(1), cached: r.cached };
    },
    async bpmnXml(process, org) {
      const key = renderKey('bpmn', { ...processDeps(process, org), orgName: org.name });
      const r = await cached(key, async () => [enc.encode(await toBpmnXml(process, org, engine))]);
      return dec.decode(r.parts[0]!);
    },
    async close() {
      await pool?.close();
    },
  };
}
export { sopPdf, sopDocx, sopContent } from './sop/index.js';
export type { SopInput, SopContent } from './sop/index.js';
