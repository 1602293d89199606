// The real bot as a child process (`node bin/probis.js start`), for fault tests: it can be killed
// with SIGKILL (or kill itself at a named failpoint), restarted on the same database, and run
// under a supervisor that restarts it whenever it dies, as systemd's Restart=always would.
// Its JSON log lines (stderr) are collected, so a test can wait on an event and assert on them.
import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Failpoint } from '../../bot/failpoints.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = fileURLToPath(new URL('../../bin/probis.js', import.meta.url));

export type BotLog = { t?: string; level: string; event: string } & Record<string, unknown>;
export type BotExit = { code: number | null; signal: NodeJS.Signals | null };

export type BotOptions = {
  /** The bot's environment (nothing of the test process's environment leaks in but PATH/HOME). */
  env: Record<string, string>;
  /** PROBIS_FAILPOINT for this process only. */
  failpoint?: Failpoint;
  /** Name in messages, e.g. "bot#2". */
  label?: string;
  args?: string[];
};

/** A free TCP port on 127.0.0.1 (for a webhook server or a proxy). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

export class BotProcess {
  readonly child: ChildProcess;
  readonly label: string;
  readonly logs: BotLog[] = [];
  /** Lines of stderr that were not JSON log lines (Node's own crash output, the CLI's messages). */
  readonly otherStderr: string[] = [];
  stdout = '';
  exit: BotExit | null = null;
  readonly exited: Promise<BotExit>;
  private readonly waiters = new Set<() => void>();
  private partial = '';

  constructor(o: BotOptions) {
    this.label = o.label ?? 'bot';
    this.child = spawn(process.execPath, [BIN, ...(o.args ?? ['start'])], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '/tmp',
        LOG_LEVEL: 'debug',
        ...o.env,
        ...(o.failpoint ? { PROBIS_FAILPOINT: o.failpoint } : {}),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout!.on('data', (d: Buffer) => {
      this.stdout += d.toString('utf8');
      this.notify();
    });
    this.child.stderr!.on('data', (d: Buffer) => {
      const lines = (this.partial + d.toString('utf8')).split('\n');
      this.partial = lines.pop() ?? '';
      for (const line of lines) this.take(line);
      this.notify();
    });
    this.exited = new Promise((resolve) => {
      this.child.on('exit', (code, signal) => {
        if (this.partial) this.take(this.partial);
        this.partial = '';
        this.exit = { code, signal };
        resolve(this.exit);
        this.notify();
      });
    });
  }

  private take(line: string): void {
    if (!line.trim()) return;
    try {
      const v = JSON.parse(line) as BotLog;
      if (v && typeof v.event === 'string') {
        this.logs.push(v);
        return;
      }
    } catch {
      /* not a log line */
    }
    this.otherStderr.push(line);
  }

  private notify(): void {
    for (const w of [...this.waiters]) w();
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get alive(): boolean {
    return this.exit === null;
  }

  /** Log lines of one event (or matching a predicate). */
  events(event: string | ((l: BotLog) => boolean)): BotLog[] {
    return this.logs.filter(typeof event === 'string' ? (l) => l.event === event : event);
  }

  /** Everything it wrote to stderr, for failure messages. */
  stderrTail(lines = 30): string {
    return [...this.logs.map((l) => JSON.stringify(l)), ...this.otherStderr]
      .slice(-lines)
      .join('\n');
  }

  /** Resolves with the first log line matching; rejects on timeout or when the process exits first. */
  waitForLog(match: string | ((l: BotLog) => boolean), timeoutMs = 30_000): Promise<BotLog> {
    const pred = typeof match === 'string' ? (l: BotLog) => l.event === match : match;
    return new Promise((resolve, reject) => {
      const check = () => {
        const hit = this.logs.find(pred);
        if (hit) {
          done();
          resolve(hit);
        } else if (this.exit) {
          done();
          reject(
            new Error(
              `${this.label} exited (${JSON.stringify(this.exit)}) before logging ${String(match)}\n${this.stderrTail()}`,
            ),
          );
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(
          new Error(
            `${this.label}: no log ${String(match)} within ${timeoutMs} ms\n${this.stderrTail()}`,
          ),
        );
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
      check();
    });
  }

  /** Resolves when the bot polls or serves its webhook. */
  async ready(timeoutMs = 60_000): Promise<this> {
    await this.waitForLog(
      (l) => l.event === 'telegram.polling' || l.event === 'telegram.webhook',
      timeoutMs,
    );
    return this;
  }

  /** Waits for the process to end by itself (e.g. at a failpoint). */
  async waitForExit(timeoutMs = 30_000): Promise<BotExit> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new Error(`${this.label} did not exit within ${timeoutMs} ms\n${this.stderrTail()}`),
          ),
        timeoutMs,
      );
    });
    try {
      return await Promise.race([this.exited, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Kills it (default SIGKILL) and waits for it to be gone. */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<BotExit> {
    if (this.exit) return this.exit;
    this.child.kill(signal);
    return this.waitForExit(15_000);
  }

  /** A clean stop: SIGTERM, then SIGKILL if it has not ended within `graceMs`. */
  async stop(graceMs = 10_000): Promise<BotExit> {
    if (this.exit) return this.exit;
    this.child.kill('SIGTERM');
    try {
      return await this.waitForExit(graceMs);
    } catch {
      return this.kill('SIGKILL');
    }
  }
}

/** Starts the bot; resolves once it is polling (or serving the webhook). */
export async function startBot(o: BotOptions & { readyTimeoutMs?: number }): Promise<BotProcess> {
  const bot = new BotProcess(o);
  try {
    return await bot.ready(o.readyTimeoutMs);
  } catch (e) {
    await bot.kill();
    throw e;
  }
}

/**
 * Runs the bot and starts it again (without any failpoint) whenever it exits, as a supervisor
 * would (systemd Restart=always, RestartSec): `runs` keeps every process started, `deaths` every
 * exit it did not ask for. A start that fails (the database unreachable) is a death like any other.
 */
export class Supervisor {
  readonly runs: BotProcess[] = [];
  readonly deaths: BotExit[] = [];
  private stopping = false;
  private loop: Promise<void> = Promise.resolve();
  private wake: (() => void) | null = null;

  constructor(private readonly o: BotOptions & { maxRestarts?: number; restartDelayMs?: number }) {}

  get current(): BotProcess {
    const b = this.runs.at(-1);
    if (!b) throw new Error('supervisor not started');
    return b;
  }

  /** Every log line of every run, in order. */
  get logs(): BotLog[] {
    return this.runs.flatMap((r) => r.logs);
  }

  /** Starts the first run (optionally armed with a failpoint) and resolves once it is ready. */
  async start(failpoint?: Failpoint): Promise<BotProcess> {
    this.loop = this.run(failpoint);
    const first = this.current;
    return first.ready();
  }

  private async run(failpoint?: Failpoint): Promise<void> {
    let fp = failpoint;
    while (!this.stopping) {
      const bot = new BotProcess({
        ...this.o,
        ...(fp ? { failpoint: fp } : {}),
        label: `${this.o.label ?? 'bot'}#${this.runs.length + 1}`,
      });
      fp = undefined;
      this.runs.push(bot);
      const exit = await bot.exited;
      if (this.stopping) return;
      this.deaths.push(exit);
      if (this.deaths.length > (this.o.maxRestarts ?? 30)) return;
      // RestartSec: a bounded pause between runs, so a database still down is not hammered.
      await new Promise<void>((r) => {
        const timer = setTimeout(r, this.o.restartDelayMs ?? 500);
        this.wake = () => {
          clearTimeout(timer);
          r();
        };
      });
      this.wake = null;
    }
  }

  /** Resolves with the run that is up (ready and alive) after at least `deaths` deaths. */
  async upAfter(deaths: number, timeoutMs = 60_000): Promise<BotProcess> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const bot = this.runs.at(-1);
      if (
        bot &&
        this.deaths.length >= deaths &&
        bot.alive &&
        bot.logs.some((l) => l.event === 'telegram.polling' || l.event === 'telegram.webhook')
      )
        return bot;
      if (Date.now() > end)
        throw new Error(
          `supervisor: no run up after ${deaths} deaths within ${timeoutMs} ms (deaths: ${JSON.stringify(this.deaths)})`,
        );
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await Promise.all(this.runs.map((r) => r.stop()));
    await this.loop;
  }
}
