// A small pool of render processes. Rasterising (resvg) and laying out big maps (graphviz-wasm)
// run in child processes, not worker threads, for two measured reasons:
// - resvg-js 2.6 never frees a rendered pixmap (thx/resvg-js#216): about 80 MB per 100-activity
//   map kept at its high-water mark. A worker thread's native memory stays with the bot after the
//   thread ends; a process gives all of it back when it exits. A render process is let go when
//   idle, and as soon as its RSS passes `maxRssBytes`.
// - a process has its own nice value on every platform, so a render yields the CPU to chats.
// The entry is raster-worker.ts; under tsx and vitest it is started with tsx's loader.
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
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

/** A job for a render process. */
export type RenderJob =
  | { kind: 'png'; svg: string; options: RasterOptions }
  /** Layout and rasterising of a whole cross-functional map, so graphviz runs there too. */
  | {
      kind: 'cross-functional';
      process: Process;
      org: Organisation;
      options: CrossFunctionalOptions;
    };

/** What a job produced, or why it could not. */
export type RenderResult =
  | { kind: 'png'; png: Uint8Array }
  | { kind: 'cross-functional'; svg: string; pages: Uint8Array[] }
  | { kind: 'error'; error: string };

/** What a render process answers to job `id`, with its RSS after the job. */
export type RenderReply = { id: number; rss: number } & RenderResult;

interface Pending {
  resolve: (r: RenderReply) => void;
  reject: (err: Error) => void;
  slot: Slot;
}

interface Slot {
  child: ChildProcess;
  busy: number;
  /** Set when the process is past its memory limit: it takes no new job and exits when idle. */
  draining: boolean;
  idle?: ReturnType<typeof setTimeout>;
}

/** `nice` where there is one: then every thread of the render process, from its start, yields. */
const NICE = ['/usr/bin/nice', '/bin/nice'].find((p) => existsSync(p));

function startChild(): ChildProcess {
  const self = import.meta.url;
  // Not process.execArgv: under vitest that holds the test runner's flags, not tsx's.
  const node = self.endsWith('.ts')
    ? ['--import', pathToFileURL(createRequire(self).resolve('tsx/esm')).href]
    : [];
  const entry = fileURLToPath(
    new URL(`./raster-worker.${self.endsWith('.ts') ? 'ts' : 'js'}`, self),
  );
  // fork() runs `execPath ...execArgv entry`: with nice, `nice -n 10 node ...` (same pid, same IPC).
  return fork(entry, [], {
    serialization: 'advanced',
    stdio: 'inherit',
    ...(NICE
      ? { execPath: NICE, execArgv: ['-n', '10', process.execPath, ...node] }
      : { execArgv: node }),
  });
}

export interface RasterPoolOptions {
  /** A process idle this long is let go; the next picture starts a fresh one. Default 30 s. */
  idleMs?: number;
  /**
   * A process whose RSS passes this after a job is let go once idle. Default 320 MB: measured, a
   * render process holds ~185 MB after its first 20-activity map and stays there, while one
   * 100-activity map takes it to ~440 MB for good.
   */
  maxRssBytes?: number;
}

/** A pool of `size` render processes (default 1), started lazily, jobs to the least busy. */
export function createRasterPool(
  size = 1,
  o: RasterPoolOptions = {},
): Rasteriser & { running(): number; pids(): number[] } {
  const idleMs = o.idleMs ?? 30_000;
  const maxRss = o.maxRssBytes ?? 320 * 2 ** 20;
  const slots: Slot[] = [];
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let closed = false;

  const forget = (slot: Slot) => {
    const i = slots.indexOf(slot);
    if (i >= 0) slots.splice(i, 1);
    if (slot.idle) clearTimeout(slot.idle);
  };

  const failAll = (slot: Slot, err: Error) => {
    forget(slot);
    slot.child.kill(); // a broken channel or a dead process: never reuse it (no-op once exited)
    for (const [id, p] of pending) {
      if (p.slot === slot) {
        pending.delete(id);
        p.reject(err);
      }
    }
  };

  const retire = (slot: Slot) => {
    if (slot.busy > 0) return;
    forget(slot);
    slot.child.disconnect();
  };

  const spawn = (): Slot => {
    const slot: Slot = { child: startChild(), busy: 0, draining: false };
    slot.child.on('message', (m: RenderReply) => {
      const p = pending.get(m.id);
      if (!p) return;
      pending.delete(m.id);
      slot.busy--;
      if (m.rss > maxRss) slot.draining = true;
      if (m.kind === 'error') p.reject(new Error(`Gagal membuat gambar: ${m.error}`));
      else p.resolve(m);
      if (slot.busy > 0) return;
      if (slot.draining) return retire(slot);
      slot.child.unref();
      slot.child.channel?.unref();
      slot.idle = setTimeout(() => retire(slot), idleMs);
      slot.idle.unref();
    });
    slot.child.on('error', (err) => failAll(slot, err));
    slot.child.on('exit', (code, signal) => {
      if (slots.includes(slot) || slot.busy > 0)
        failAll(slot, new Error(`proses gambar berhenti (${signal ?? `kode ${code}`})`));
    });
    slots.push(slot);
    return slot;
  };

  const run = (job: RenderJob): Promise<RenderReply> => {
    if (closed) return Promise.reject(new Error('raster pool sudah ditutup'));
    const open = slots.filter((s) => !s.draining);
    const idle = open.find((s) => s.busy === 0);
    const slot =
      idle ??
      (open.length < Math.max(1, size)
        ? spawn()
        : open.reduce((a, b) => (a.busy <= b.busy ? a : b)));
    const id = nextId++;
    if (slot.idle) clearTimeout(slot.idle);
    slot.busy++;
    slot.child.ref();
    slot.child.channel?.ref();
    return new Promise<RenderReply>((resolve, reject) => {
      pending.set(id, { resolve, reject, slot });
      slot.child.send({ id, ...job }, (err) => {
        if (err) failAll(slot, err);
      });
    });
  };

  return {
    running: () => slots.length,
    pids: () => slots.map((s) => s.child.pid).filter((p) => p !== undefined),
    async toPng(svg, options = {}) {
      const r = await run({ kind: 'png', svg, options });
      if (r.kind !== 'png') throw new Error(`render process answered ${r.kind} to png`);
      return r.png;
    },
    async crossFunctional(process, org, options = {}) {
      const r = await run({ kind: 'cross-functional', process, org, options });
      if (r.kind !== 'cross-functional')
        throw new Error(`render process answered ${r.kind} to cross-functional`);
      return { svg: r.svg, pages: r.pages };
    },
    async close() {
      closed = true;
      const all = [...slots];
      slots.length = 0;
      for (const p of pending.values()) p.reject(new Error('raster pool ditutup'));
      pending.clear();
      await Promise.all(
        all.map(
          (s) =>
            new Promise<void>((resolve) => {
              if (s.idle) clearTimeout(s.idle);
              if (s.child.exitCode !== null || s.child.signalCode !== null) return resolve();
              s.child.once('exit', () => resolve());
              s.child.ref(); // an idle child is unreferenced: keep the loop alive for its exit
              s.child.kill();
            }),
        ),
      );
    },
  };
}
