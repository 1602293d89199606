// Worker thread entry: rasterises SVG to PNG off the main thread (resvg blocks for ~0.5 s on a
// 30-activity map). Started by raster-pool.ts; messages are { id, svg, options } in,
// { id, png } or { id, error } out.
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import type { Organisation } from '../core/model/organisation.js';
import type { Process } from '../core/model/process.js';
import { crossFunctionalSvgs } from './cross-functional-svg.js';
import type { CrossFunctionalOptions } from './dot/cross-functional.js';
import { graphvizWasm } from './layout.js';
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

// Rendering may take seconds; chats must not wait for it. On Linux a thread has its own nice
// value, and setpriority(0) applies to the calling thread: this worker yields the CPU to the
// bot's main thread and the database. Elsewhere it may lower the process or be refused.
try {
  if (process.platform === 'linux') setPriority(10);
} catch {
  // not permitted: render at normal priority
}

if (!parentPort) throw new Error('raster-worker.ts harus dijalankan sebagai worker thread');
const port = parentPort;
port.on('message', (job: Job) => {
  void (async () => {
    try {
      if (job.kind === 'png') {
        const copy = new Uint8Array(svgToPng(job.svg, job.options)); // own buffer, transferable
        port.postMessage({ id: job.id, png: copy }, [copy.buffer]);
        return;
      }
      engine ??= graphvizWasm();
      const { all, pages } = await crossFunctionalSvgs(job.process, job.org, engine, job.options);
      const pngs = pages.map((svg) => new Uint8Array(svgToPng(svg)));
      port.postMessage(
        { id: job.id, svg: all, pages: pngs },
        pngs.map((p) => p.buffer as ArrayBuffer),
      );
    } catch (err) {
      port.postMessage({ id: job.id, error: err instanceof Error ? err.message : String(err) });
    }
  })();
});
