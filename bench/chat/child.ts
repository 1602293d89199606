// The bench's side of a bot child process: it reports its CPU time and memory to the driver over
// the IPC channel, and stops cleanly when told (so `node --cpu-prof` writes its profile).
import fs from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Telegraf } from 'telegraf';

export type ToChild = { type: 'stats'; id: number } | { type: 'stop' };
export type ChildStats = {
  userUs: number;
  systemUs: number;
  rss: number;
  /** RSS of this process's children (the render processes), from /proc; 0 elsewhere. */
  childrenRss: number;
  heapUsed: number;
  external: number;
  /** The bot's event-loop delay since the previous stats request: p99 and max, ms. */
  lagP99Ms: number;
  lagMaxMs: number;
};
export type FromChild =
  | { type: 'ready' }
  | ({ type: 'stats'; id: number } & ChildStats)
  | { type: 'stopped' }
  | { type: 'error'; message: string };

function send(m: FromChild): void {
  process.send?.(m);
}

function readProc(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/** Total RSS in bytes of the descendants of `pid` (Linux /proc; 0 where there is none). */
function descendantsRss(pid: number): number {
  let total = 0;
  const tasks = readProc(`/proc/${pid}/task/${pid}/children`).trim();
  for (const child of tasks ? tasks.split(/\s+/).map(Number) : []) {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readProc(`/proc/${child}/status`));
    total += (kb ? Number(kb[1]) * 1024 : 0) + descendantsRss(child);
  }
  return total;
}

/** Serves stats requests and the stop command; announces that the bot is ready. */
export function serveDriver(stop: () => Promise<void>): void {
  if (!process.send)
    throw new Error(
      'bench/chat bots run as child processes of bench/chat.ts (IPC channel missing)',
    );
  // A message's latency includes any time the bot's event loop was busy with something else.
  const lag = monitorEventLoopDelay({ resolution: 1 });
  lag.enable();
  process.on('message', (raw) => {
    const m = raw as ToChild;
    if (m.type === 'stats') {
      const c = process.cpuUsage();
      const mem = process.memoryUsage();
      const lagP99Ms = lag.percentile(99) / 1e6;
      const lagMaxMs = lag.max / 1e6;
      lag.reset();
      send({
        type: 'stats',
        id: m.id,
        userUs: c.user,
        systemUs: c.system,
        rss: mem.rss,
        childrenRss: descendantsRss(process.pid),
        heapUsed: mem.heapUsed,
        external: mem.external,
        lagP99Ms,
        lagMaxMs,
      });
    } else if (m.type === 'stop') {
      void stop()
        .catch((e: unknown) => send({ type: 'error', message: String((e as Error)?.message ?? e) }))
        .finally(() => {
          send({ type: 'stopped' });
          // Exit normally (not by signal) so that --cpu-prof writes its profile.
          setTimeout(() => process.exit(0), 50);
        });
    }
  });
  process.on('disconnect', () => process.exit(0));
  send({ type: 'ready' });
}

export function required(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set`);
  return v;
}

/**
 * Runs a floor bot (bare telegraf, its own long polling): its handler errors on stderr, and on
 * the driver's stop, polling stopped, then `close` for what the bot opened (its database).
 */
export function launchFloorBot(
  name: string,
  bot: Telegraf,
  close: () => Promise<void> = async () => {},
): void {
  bot.catch((e) => {
    process.stderr.write(`${name}: ${String((e as Error)?.message ?? e)}\n`);
  });
  void bot.launch(() =>
    serveDriver(async () => {
      bot.stop('bench');
      await close();
    }),
  );
}
