// Render process entry: lays out and rasterises off the bot's process. Started by
// raster-pool.ts with an IPC channel (advanced serialisation); jobs { id, kind, ... } in,
// { id, rss, png | svg + pages | error } out. It exits when the channel closes.
import { setPriority } from 'node:os';
import type { Organisation } from '../core/model/organisation.js';
import type { Process } from '../core/model/process.js';
import { crossFunctionalSvgs } from './cross-functional-svg.js';
import type { CrossFunctionalOptions } from './dot/cross-functional.js';
import { graphvizWasm } from './layout.js';
import type { RenderReply } from './raster-pool.js';
import { svgToPng, type RasterOptions } from './raster.js';

type Job =
  | { id: number; kind: 'png'; svg: string; options: RasterOptions }
  /** Layout and rasterising of a whole cross-functional map, so graphviz runs here too. */
  | {
      id: number;
      kind: 'cross-functional';
      process: Process;
      org: Organisation;
      options: CrossFunctionalOptions;
    };

let engine: ReturnType<typeof graphvizWasm> | undefined;

// Rendering may take seconds; chats must not wait for it. raster-pool.ts starts this process under
// `nice` where there is one; elsewhere it lowers its own priority here (its main thread at least).
try {
  setPriority(10);
} catch {
  // not permitted: render at normal priority
}

if (!process.send) throw new Error('raster-worker.ts dijalankan oleh raster-pool.ts (tanpa IPC)');
const reply = (m: Omit<RenderReply, 'rss'>) =>
  process.send!({ ...m, rss: process.memoryUsage().rss });
process.on('disconnect', () => process.exit(0));
process.on('message', (job: Job) => {
  void (async () => {
    try {
      if (job.kind === 'png') {
        reply({ id: job.id, png: svgToPng(job.svg, job.options) });
        return;
      }
      engine ??= graphvizWasm();
      const { all, pages } = await crossFunctionalSvgs(job.process, job.org, engine, job.options);
      reply({ id: job.id, svg: all, pages: pages.map((svg) => svgToPng(svg)) });
    } catch (err) {
      reply({ id: job.id, error: err instanceof Error ? err.message : String(err) });
    }
  })();
});
