// A process that owns a render pool and never closes it, for the test that a render process does
// not outlive its owner: it draws one picture, prints the render process's pid, and waits.
import { createRasterPool } from '../../renderers/raster-pool.js';

const pool = createRasterPool(1, { idleMs: 60_000 });
await pool.toPng(
  '<svg xmlns="http://www.w3.org/2000/svg" width="10pt" height="10pt" viewBox="0 0 10 10"></svg>',
);
process.stdout.write(`${pool.pids()[0]}\n`);
setInterval(() => {}, 1000);
