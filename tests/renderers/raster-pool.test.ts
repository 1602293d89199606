import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { crossFunctionalSvgs } from '../../renderers/cross-functional-svg.js';
import { graphvizWasm } from '../../renderers/layout.js';
import { createRasterPool } from '../../renderers/raster-pool.js';
import { pngSize } from './png.js';
import { until } from '../support/until.js';
import { syntheticProcess } from './synthetic.js';

describe('the render process pool', () => {
  it('rasterises in other processes: the event loop keeps ticking meanwhile', async () => {
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

const tinySvg =
  '<svg xmlns="http://www.w3.org/2000/svg" width="10pt" height="10pt" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>';

describe('a render process', () => {
  it('past its memory limit is let go after its job, and the next picture starts a fresh one', async () => {
    const pool = createRasterPool(1, { maxRssBytes: 1 });
    try {
      expect((await pool.toPng(tinySvg)).length).toBeGreaterThan(0);
      await until(() => pool.running() === 0, 'the render process to be let go');
      expect((await pool.toPng(tinySvg)).length).toBeGreaterThan(0);
    } finally {
      await pool.close();
    }
  });

  it('that dies mid-job fails that job with a message, and the next picture still comes', async () => {
    const pool = createRasterPool(1);
    try {
      await pool.toPng(tinySvg);
      const [pid] = pool.pids();
      const { process: p, org } = syntheticProcess(100);
      const job = pool.crossFunctional!(p, org);
      process.kill(pid!, 'SIGKILL');
      await expect(job).rejects.toThrow(/proses gambar berhenti/);
      expect((await pool.toPng(tinySvg)).length).toBeGreaterThan(0);
      expect(pool.pids()).not.toContain(pid);
    } finally {
      await pool.close();
    }
  });

  it.skipIf(process.platform !== 'linux')(
    'yields the CPU to chats: every one of its threads runs at nice 10, from its start',
    async () => {
      const pool = createRasterPool(1);
      try {
        await pool.toPng(tinySvg);
        const [pid] = pool.pids();
        const threads = readdirSync(`/proc/${pid}/task`);
        expect(threads.length).toBeGreaterThan(1);
        // /proc/<pid>/task/<tid>/stat: field 19, after the parenthesised command name, is nice.
        const nice = threads.map(
          (t) => readFileSync(`/proc/${pid}/task/${t}/stat`, 'utf8').split(') ')[1]!.split(' ')[16],
        );
        expect(new Set(nice)).toEqual(new Set(['10']));
      } finally {
        await pool.close();
      }
    },
  );

  it('does not outlive the bot: killed with SIGKILL, its render process exits too', async () => {
    const owner = spawn(process.execPath, ['--import', 'tsx', OWNER], { stdio: 'pipe' });
    try {
      let out = '';
      owner.stdout.on('data', (d: Buffer) => (out += d.toString()));
      const pid = await until(() => Number(out.trim()) || null, 'the render pid', 30_000);
      expect(alive(pid)).toBe(true);
      owner.kill('SIGKILL');
      await until(() => !alive(pid), 'the render process to exit', 10_000);
    } finally {
      owner.kill('SIGKILL');
    }
  });
});

const OWNER = fileURLToPath(new URL('./pool-owner.ts', import.meta.url));

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('an idle render process', () => {
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
