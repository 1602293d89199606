// A small pool of worker threads for rasterising. The worker is a .ts file: under tsx and vitest
// it is booted through tsx's ESM API (see startWorker); if this module runs compiled to .js, the
// sibling raster-worker.js is started plainly.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Organisation } from '../core/model/organisation.js';
import type { Process } from '../core/model/process.js';
import type { CrossFunctionalOptions } from './dot/cross-functional.js';
import type { RasterOptions } from './raster.js';

export interface Rasteriser {
  toPng(svg: string, options?: RasterOptions): Promise<Uint8Array>;
  /**
   * The whole cross-functional picture (layout and rasterising) off the main thread: graphviz
   * blocks for ~0.4 s on a 100-activity layout. Optional: without it the caller lays out itself.
   */
  crossFunctional?(
    process: Process,
    org: Organisation,
    options?: CrossFunctionalOptions,
  ): Promise<{ svg: string; pages: Uint8Array[] }>;
  close(): Promise<void>;
}

type Result = { png?: Uint8Array; svg?: string; pages?: Uint8Array[] };

interface Pending {
  resolve: (r: Result) => void;
  reject: (err: Error) => void;
}

interface Slot {
  worker: Worker;
  busy: number;
  idle?: ReturnType<typeof setTimeout>;
}

function startWorker(): Worker {
  const self = import.meta.url;
  if (self.endsWith('.ts')) {
    // Node 20 does not apply `--import tsx` hooks to a worker's entry module, so the worker starts
    // as a tiny CommonJS script that registers tsx's ESM hooks and then imports the .ts entry.
    // tsx/esm/api's "import" target sits beside its "require" target (.mjs beside .cjs).
    const tsxApi = pathToFileURL(
      createRequire(self)
        .resolve('tsx/esm/api')
        .replace(/\.cjs$/, '.mjs'),
    ).href;
    const entry = new URL('./raster-worker.ts', self).href;
    const boot =
      `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); })` +
      `.catch((err) => { throw err; });`;
    return new Worker(boot, { eval: true });
  }
  return new Worker(new URL('./raster-worker.js', self));
}

/** A pool of `size` workers (default 1), started lazily, jobs to the least busy worker. */
/**
 * A worker's WebAssembly memory (graphviz, resvg) grows with the largest map it drew and never
 * shrinks: a worker idle for `idleMs` is let go, and the next picture starts a fresh one.
 */
export function createRasterPool(
  size = 1,
  o: { idleMs?: number } = {},
): Rasteriser & { running(): number } {
  const idleMs = o.idleMs ?? 30_000;
  const slots: Slot[] = [];
  const pending = new Map<number, Pending & { slot: Slot }>();
  let nextId = 1;
  let closed = false;

  const failAll = (slot: Slot, err: Error) => {
    for (const [id, p] of pending) {
      if (p.slot === slot) {
        pending.delete(id);
        p.reject(err);
      }
    }
    const i = slots.indexOf(slot);
    if (i >= 0) slots.splice(i, 1);
  };

  const retire = (slot: Slot) => {
    if (slot.busy > 0) return;
    const i = slots.indexOf(slot);
    if (i >= 0) slots.splice(i, 1);
    void slot.worker.terminate();
  };

  const spawn = (): Slot => {
    const slot: Slot = { worker: startWorker(), busy: 0 };
    slot.worker.on('message', (m: Result & { id: number; error?: string }) => {
      const p = pending.get(m.id);
      if (!p) return;
      pending.delete(m.id);
      slot.busy--;
      if (m.error === undefined) p.resolve(m);
      else p.reject(new Error(`Gagal membuat gambar: ${m.error}`));
      if (slot.busy === 0) {
        slot.worker.unref();
        slot.idle = setTimeout(() => retire(slot), idleMs);
        slot.idle.unref();
      }
    });
    slot.worker.on('error', (err) => failAll(slot, err));
    slot.worker.on('exit', (code) => {
      if (!closed && slots.includes(slot))
        failAll(slot, new Error(`raster worker berhenti (kode ${code})`));
    });
    slots.push(slot);
    return slot;
  };

  const run = (job: Record<string, unknown>): Promise<Result> => {
    if (closed) return Promise.reject(new Error('raster pool sudah ditutup'));
    const idle = slots.find((s) => s.busy === 0);
    const slot =
      idle ??
      (slots.length < Math.max(1, size)
        ? spawn()
        : slots.reduce((a, b) => (a.busy <= b.busy ? a : b)));
    const id = nextId++;
    if (slot.idle) clearTimeout(slot.idle);
    slot.busy++;
    slot.worker.ref();
    return new Promise<Result>((resolve, reject) => {
      pending.set(id, { resolve, reject, slot });
      slot.worker.postMessage({ id, ...job });
    });
  };

  return {
    running: () => slots.length,
    async toPng(svg, options = {}) {
      const r = await run({ kind: 'png', svg, options });
      return new Uint8Array(r.png!);
    },
    async crossFunctional(process, org, options = {}) {
      const r = await run({ kind: 'cross-functional', process, org, options });
      return { svg: r.svg!, pages: r.pages!.map((p) => new Uint8Array(p)) };
    },
    async close() {
      closed = true;
      await Promise.all(slots.map((s) => s.worker.terminate()));
      slots.length = 0;
      for (const p of pending.values()) p.reject(new Error('raster pool ditutup'));
      pending.clear();
    },
  };
}
