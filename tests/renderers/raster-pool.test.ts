import { describe, expect, it } from 'vitest';
import { crossFunctionalSvgs } from '../../renderers/cross-functional-svg.js';
import { graphvizWasm } from '../../renderers/layout.js';
import { createRasterPool } from '../../renderers/raster-pool.js';
import { pngSize } from './png.js';
import { syntheticProcess } from './synthetic.js';

describe('the raster worker pool', () => {
  it('rasterises in worker threads: the event loop keeps ticking meanwhile', async () => {
    const { process, org } = syntheticProcess(30);
    const { all } = await crossFunctionalSvgs(process, org, graphvizWasm());
    const pool = createRasterPool(2);
    try {
      await pool.toPng(
        '<svg width="10pt" height="10pt" viewBox="0 0 10 10" xmlns="http://www.w3.org/2000/svg"></svg>',
      ); // warm-up
      let ticks = 0;
      const timer = setInterval(() => ticks++, 5);
      const started = performance.now();
      const pngs = await Promise.all([pool.toPng(all), pool.toPng(all)]);
      const took = performance.now() - started;
      clearInterval(timer);
      for (const p of pngs) expect(pngSize(p).width).toBeGreaterThan(500);
      // A blocked loop would tick once or twice in total; a free one about every 5 ms.
      expect(ticks).toBeGreaterThan(Math.min(10, took / 20));
    } finally {
      await pool.close();
    }
  });

  it('reports a broken SVG as an error instead of hanging', async () => {
    const pool = createRasterPool(1);
    try {
      await expect(pool.toPng('<svg width="10pt" height="10pt"><g></svg>')).rejects.toThrow(
        /Gagal membuat gambar/,
      );
    } finally {
      await pool.close();
    }
  });
});

describe('an idle worker', () => {
  it('is let go, freeing its memory, and the next picture starts a fresh one', async () => {
    const pool = createRasterPool(1, { idleMs: 20 });
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="10pt" height="10pt" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>';
    try {
      expect((await pool.toPng(svg)).length).toBeGreaterThan(0);
      expect(pool.running()).toBe(1);
      for (let i = 0; i < 200 && pool.running() > 0; i++)
        await new Promise((r) => setTimeout(r, 10));
      expect(pool.running()).toBe(0);
      expect((await pool.toPng(svg)).length).toBeGreaterThan(0);
      expect(pool.running()).toBe(1);
    } finally {
      await pool.close();
    }
  });
});
