// Worker thread entry: rasterises SVG to PNG off the main thread (resvg blocks for ~0.5 s on a
// 30-activity map). Started by raster-pool.ts; messages are { id, svg, options } in,
// { id, png } or { id, error } out.
import { parentPort } from 'node:worker_threads';
import { svgToPng, type RasterOptions } from './raster.js';

interface Job {
  id: number;
  svg: string;
  options: RasterOptions;
}

if (!parentPort) throw new Error('raster-worker.ts harus dijalankan sebagai worker thread');
const port = parentPort;
port.on('message', (job: Job) => {
  try {
    const png = svgToPng(job.svg, job.options);
    const copy = new Uint8Array(png); // own buffer, so it can be transferred
    port.postMessage({ id: job.id, png: copy }, [copy.buffer]);
  } catch (err) {
    port.postMessage({ id: job.id, error: err instanceof Error ? err.message : String(err) });
  }
});
