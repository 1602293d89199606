import { describe, expect, it } from 'vitest';
import { Process } from '../../core/model/index.js';
import {
  canonicalJson,
  memoryCache,
  packParts,
  renderKey,
  unpackParts,
} from '../../renderers/cache.js';
import { createRenderer } from '../../renderers/index.js';
import { graphvizWasm, type LayoutEngine } from '../../renderers/layout.js';
import type { Rasteriser } from '../../renderers/raster-pool.js';
import { svgToPng } from '../../renderers/raster.js';
import { renja } from './fixtures.js';

function countingLayout(): LayoutEngine & { calls: number } {
  const real = graphvizWasm();
  const spy = {
    calls: 0,
    async layout(dot: string, format: 'svg' | 'json') {
      spy.calls++;
      return real.layout(dot, format);
    },
  };
  return spy;
}

/** In-thread rasteriser: the cache tests need no worker. */
const inline: Rasteriser = { toPng: async (svg) => svgToPng(svg), close: async () => {} };

describe('the render cache', () => {
  const { process, org, doc } = renja();

  it('serves an unchanged map without laying it out again; a changed map is laid out', async () => {
    const layout = countingLayout();
    const r = createRenderer({ layout, rasteriser: inline });
    const first = await r.crossFunctionalPng(process, org);
    expect(first.cached).toBe(false);
    const afterFirst = layout.calls;
    expect(afterFirst).toBeGreaterThan(0);

    // A copy of the same content (and a new optimistic-lock version) is the same picture.
    const same = Process.parse({ ...structuredClone(process), version: process.version + 1 });
    const second = await r.crossFunctionalPng(same, org);
    expect(second.cached).toBe(true);
    expect(layout.calls).toBe(afterFirst);
    expect(second.pages).toEqual(first.pages);
    expect(second.svg).toBe(first.svg);

    const changed = structuredClone(process);
    const a1 = changed.flow!.nodes.find((n) => n.id === 'a1')!;
    if (a1.kind === 'activity') a1.name = 'Menerima dan mencatat surat edaran';
    const third = await r.crossFunctionalPng(changed, org);
    expect(third.cached).toBe(false);
    expect(layout.calls).toBeGreaterThan(afterFirst);
    // The name is wrapped over lines: read the lines of its box as one text.
    expect(third.svg.replace(/<\/text>\s*<text[^>]*>/g, ' ')).toContain('Menerima dan mencatat');

    // Renaming a unit that takes part changes the picture too.
    const before = layout.calls;
    const renamed = {
      ...org,
      units: org.units.map((u) => (u.id === 'setda' ? { ...u, name: 'Setda Kab. Contoh' } : u)),
    };
    expect((await r.crossFunctionalPng(process, renamed)).cached).toBe(false);
    expect(layout.calls).toBeGreaterThan(before);
    await r.close();
  });

  it('caches the other pictures as well', async () => {
    const layout = countingLayout();
    const r = createRenderer({ layout, rasteriser: inline });
    await r.relationSvg(process, org);
    await r.level0Svg(doc.processes, org);
    await r.bpmnXml(process, org);
    const n = layout.calls;
    expect(n).toBe(3);
    await r.relationSvg(structuredClone(process), org);
    await r.level0Svg(structuredClone(doc.processes), org);
    await r.bpmnXml(structuredClone(process), org);
    expect(layout.calls).toBe(n);
    await r.close();
  });

  it('uses whatever RenderCache it is given (e.g. one backed by a database)', async () => {
    const store = new Map<string, Uint8Array>();
    const cache = {
      get: async (k: string) => store.get(k),
      set: async (k: string, v: Uint8Array) => void store.set(k, v),
    };
    const r = createRenderer({ cache, rasteriser: inline });
    await r.relationPng(process, org);
    expect([...store.keys()]).toEqual([expect.stringMatching(/^rel-png:[0-9a-f]{64}$/)]);
    expect(
      (
        await createRenderer({
          cache,
          rasteriser: inline,
          layout: { layout: () => Promise.reject(new Error('no layout')) },
        }).relationPng(process, org)
      ).cached,
    ).toBe(true);
  });

  it('keys by canonical content: key order does not matter, options and kind do', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: 3 } })).toBe('{"a":{"c":3,"d":2},"b":1}');
    expect(renderKey('x', { a: 1, b: 2 })).toBe(renderKey('x', { b: 2, a: 1 }));
    expect(renderKey('x', { a: 1 }, { maxStepsPerPage: 10 })).not.toBe(renderKey('x', { a: 1 }));
    expect(renderKey('x', { a: 1 })).not.toBe(renderKey('y', { a: 1 }));
  });

  it('evicts the least recently used entries beyond its byte budget', async () => {
    const c = memoryCache({ maxBytes: 10 });
    await c.set('a', new Uint8Array(4));
    await c.set('b', new Uint8Array(4));
    await c.get('a');
    await c.set('c', new Uint8Array(4));
    expect(await c.get('b')).toBeUndefined();
    expect(await c.get('a')).toBeDefined();
    expect(await c.get('c')).toBeDefined();
  });

  it('packs several parts into one entry and back', () => {
    const parts = [new Uint8Array([1, 2, 3]), new Uint8Array([]), new Uint8Array([9])];
    expect(unpackParts(packParts(parts))).toEqual(parts);
  });
});
