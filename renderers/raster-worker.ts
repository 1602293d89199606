// Render process entry: lays out and rasterises off the bot's process. Started by
// raster-pool.ts with an IPC channel (advanced serialisation): a RenderJob and its id in, a
// RenderReply out. It exits when the channel closes.
import { setPriority } from 'node:os';
import { crossFunctionalSvgs } from './cross-functional-svg.js';
import { graphvizWasm } from './layout.js';
import type { RenderJob, RenderReply, RenderResult } from './raster-pool.js';
import { svgToPng } from './raster.js';

let engine: ReturnType<typeof graphvizWasm> | undefined;

// Rendering may take seconds; chats must not wait for it. raster-pool.ts starts this process under
// `nice` where there is one; elsewhere it lowers its own priority here (its main thread at least).
try {
  setPriority(10);
} catch {
  // not permitted: render at normal priority
}

if (!process.send)
  throw new Error('raster-worker.ts harus dijalankan oleh raster-pool.ts (kanal IPC tidak ada)');
const reply = (id: number, r: RenderResult) =>
  process.send!({ id, rss: process.memoryUsage().rss, ...r } satisfies RenderReply);
process.on('disconnect', () => process.exit(0));
process.on('message', (job: RenderJob & { id: number }) => {
  void (async () => {
    try {
      if (job.kind === 'png') {
        reply(job.id, { kind: 'png', png: svgToPng(job.svg, job.options) });
        return;
      }
      engine ??= graphvizWasm();
      const { all, pages } = await crossFunctionalSvgs(job.process, job.org, engine, job.options);
      reply(job.id, {
        kind: 'cross-functional',
        svg: all,
        pages: pages.map((svg) => svgToPng(svg)),
      });
    } catch (err) {
      reply(job.id, { kind: 'error', error: err instanceof Error ? err.message : String(err) });
    }
  })();
});
