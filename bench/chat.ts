// Chat-path benchmark: `npx tsx bench/chat.ts [--quick] [--db pglite|postgres] [--profile]`.
//
// The driver (this process) runs the fake Telegram Bot API (tests/support/fake-telegram.ts, rate
// limits off) and the simulated people; the bot runs in a child process (`node --import tsx
// bench/chat/<variant>-bot.ts`, TELEGRAM_API_ROOT pointing at the fake) that reports its own CPU
// time and RSS over IPC. Three bots, each on a fresh database of the same kind:
//   probis  the real application (openApp + startTelegram, pacing off);
//   design  a bare telegraf bot doing what the reliability design asks of each message (lock,
//           inbox, state read and written, outbox, send, mark sent) with no interview;
//   store   a bare telegraf bot: one transaction inserting the message into a table, then reply;
//   echo    a bare telegraf bot replying with the same text (no database).
// Latency: from the update being queued in the fake to the bot's last reply message to it
// arriving at the fake. Phases (one run; medians/percentiles of that run):
//   closed loop with 1, 50, 500 chats, each sending its next message when its reply is complete;
//   open loop: 200 chats, 40 messages/s in all (Poisson arrivals, each to an idle chat);
//   the same while one more chat keeps a 100-activity map rendering (probis only);
//   RSS of the probis bot with 1,000 interviews in progress, next to the bare floor bots.
// See bench/chat/world.ts for what the people say. `--profile` writes a CPU profile of the
// probis bot (node --cpu-prof) per database and prints its heaviest frames.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../db/index.js';
import { createPostgresDatabase, migratedPgliteDir } from '../tests/support/db.js';
import { type FakeTelegram, startFakeTelegram } from '../tests/support/fake-telegram.js';
import type { BotMessage } from '../tests/support/fake-telegram.js';
import type { ChildStats, FromChild } from './chat/child.js';
import { topFrames } from './chat/profile.js';
import type { Closed, Kind, Open, Result, Variant, Window } from './chat/result.js';
import { printTable } from './chat/table.js';
import { Observer, Sim, percentile, watchdog } from './chat/sim.js';
import {
  RENDER_CHAT,
  REVIEW_QUESTION,
  type Script,
  type Step,
  chatIdOf,
  seedWorld,
} from './chat/world.js';

const argv = process.argv.slice(2);
const QUICK = argv.includes('--quick');
const PROFILE = argv.includes('--profile');
const dbArg = argv[argv.indexOf('--db') + 1];
const KINDS: Kind[] = argv.includes('--db') ? [dbArg as Kind] : ['pglite', 'postgres'];
// --quick is a smoke run (~3 min with the probis bot as it is today): 1 and 50 chats, 200 people,
// the open loop on 50 chats. The 500-chat and 1,000-interview figures need the full run.
const CFG = QUICK
  ? {
      warmMs: 1000,
      closedMs: [3000, 4000],
      openMs: 8000,
      chats: [1, 50],
      openChats: 50,
      rate: 40,
      people: 200,
      memoryLines: 11,
    }
  : {
      warmMs: 2000,
      closedMs: [5000, 6000, 6000],
      openMs: 20_000,
      chats: [1, 50, 500],
      openChats: 200,
      rate: 40,
      people: 1000,
      memoryLines: 11,
    };
const WARM_CONCURRENCY = 25;
// Calibration overrides: --people N (organisation size and the memory phase), --chats 1,50,500.
if (argv.includes('--people')) CFG.people = Number(argv[argv.indexOf('--people') + 1]);
if (argv.includes('--chats')) CFG.chats = argv[argv.indexOf('--chats') + 1]!.split(',').map(Number);
CFG.openChats = Math.min(CFG.openChats, Math.max(...CFG.chats));
const ONLY = argv.includes('--only') ? (argv[argv.indexOf('--only') + 1] as Variant) : null;
/** Where the probis bot's render jobs run on PostgreSQL: a `probis worker` (default) or itself. */
const WORKER = argv.includes('--worker') ? argv[argv.indexOf('--worker') + 1] : 'separate';

/** `probis worker` on the bench's database, its log in a file; stop() ends it. */
function startWorker(env: Record<string, string>): { stop(): Promise<void> } {
  const bin = fileURLToPath(new URL('../bin/probis.js', import.meta.url));
  const logFile = path.join(os.tmpdir(), `probis-chat-bench-worker-${process.pid}.log`);
  const fd = fs.openSync(logFile, 'w');
  const child = spawn(process.execPath, [bin, 'worker'], {
    env: { ...process.env, ...env, PROBIS_JOBS: 'on', LOG_LEVEL: 'info' },
    stdio: ['ignore', fd, fd],
  });
  return {
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const gone = new Promise<void>((r) => child.once('exit', () => r()));
      child.kill('SIGTERM');
      await gone;
      fs.closeSync(fd);
    },
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = (s: string) =>
  process.stderr.write(`[chat-bench ${((performance.now() - T0) / 1000).toFixed(0)}s] ${s}\n`);
const T0 = performance.now();

// ---------------- the bot child process ----------------
class BotProcess {
  private nextId = 1;
  private waiters = new Map<number, (s: ChildStats) => void>();
  private stopped: (() => void) | null = null;
  exited = false;

  private constructor(
    readonly child: ChildProcess,
    readonly logFile: string,
  ) {
    child.on('message', (raw) => {
      const m = raw as FromChild;
      if (m.type === 'stats') {
        this.waiters.get(m.id)?.(m);
        this.waiters.delete(m.id);
      } else if (m.type === 'stopped') this.stopped?.();
      else if (m.type === 'error') log(`bot error on stop: ${m.message}`);
    });
    child.on('exit', (code, signal) => {
      this.exited = true;
      if (!this.stopped) {
        log(`bot exited unexpectedly (${code ?? signal}); its log:\n${tail(this.logFile)}`);
        process.exit(3);
      }
    });
  }

  static async start(
    variant: Variant,
    env: Record<string, string>,
    profileDir?: string,
  ): Promise<BotProcess> {
    const entry = fileURLToPath(new URL(`./chat/${variant}-bot.ts`, import.meta.url));
    const logFile = path.join(os.tmpdir(), `probis-chat-bench-${variant}-${process.pid}.log`);
    const fd = fs.openSync(logFile, 'w');
    const args = [
      ...(profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : []),
      '--import',
      'tsx',
      entry,
    ];
    const child = spawn(process.execPath, args, {
      stdio: ['ignore', 'inherit', fd, 'ipc'],
      env: { ...process.env, ...env },
    });
    fs.closeSync(fd);
    const bot = new BotProcess(child, logFile);
    await new Promise<void>((resolve, reject) => {
      const t = setTimeout(
        () => reject(new Error(`${variant} bot did not start in 120 s:\n${tail(logFile)}`)),
        120_000,
      );
      child.on('message', (m) => {
        if ((m as FromChild).type === 'ready') {
          clearTimeout(t);
          resolve();
        }
      });
    });
    return bot;
  }

  stats(): Promise<ChildStats> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiters.set(id, resolve);
      this.child.send({ type: 'stats', id });
    });
  }

  async stop(): Promise<void> {
    const done = new Promise<void>((r) => (this.stopped = r));
    const exited = new Promise<void>((r) =>
      this.exited ? r() : this.child.once('exit', () => r()),
    );
    this.child.send({ type: 'stop' });
    await Promise.race([Promise.all([done, exited]), sleep(30_000)]);
    if (!this.exited) this.child.kill('SIGKILL');
  }
}

function tail(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-30).join('\n');
  } catch {
    return '(no log)';
  }
}

const cpuUs = (s: ChildStats) => s.userUs + s.systemUs;

/** CPU time (µs) of every PostgreSQL server process on this machine (only ours is busy). */
function pgServerCpuUs(): number {
  let ticks = 0;
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      if (stat.slice(stat.indexOf('(') + 1, close) !== 'postgres') continue;
      const f = stat.slice(close + 2).split(' ');
      ticks += Number(f[11]) + Number(f[12]); // utime, stime (fields 14, 15)
    } catch {
      // the process ended meanwhile
    }
  }
  return (ticks * 1e6) / 100; // USER_HZ = 100
}

// ---------------- measurements ----------------
type Sample = { bot: ChildStats; pgUs: number; driverUs: number; t: number };
async function sample(bot: BotProcess, kind: Kind): Promise<Sample> {
  const c = process.cpuUsage();
  return {
    bot: await bot.stats(),
    pgUs: kind === 'postgres' ? pgServerCpuUs() : 0,
    driverUs: c.user + c.system,
    t: performance.now(),
  };
}
function window(a: Sample, b: Sample, msgs: number): Window {
  const seconds = (b.t - a.t) / 1000;
  return {
    msgs,
    seconds,
    cpuUsPerMsg: (cpuUs(b.bot) - cpuUs(a.bot)) / Math.max(1, msgs),
    sysUsPerMsg: (b.bot.systemUs - a.bot.systemUs) / Math.max(1, msgs),
    pgUsPerMsg: (b.pgUs - a.pgUs) / Math.max(1, msgs),
    driverCpuPct: (b.driverUs - a.driverUs) / 1e4 / seconds,
    botCpuPct: (cpuUs(b.bot) - cpuUs(a.bot)) / 1e4 / seconds,
  };
}

/** Each chat sends its next input as soon as the previous reply is complete. */
async function closedLoop(
  sims: Sim[],
  measureMs: number,
  bot: BotProcess,
  kind: Kind,
): Promise<Closed> {
  let phase = 'warm' as 'warm' | 'measure' | 'stop';
  const lat: number[] = [];
  let completed = 0;
  const loops = sims.map(async (s) => {
    while (phase !== 'stop') {
      const sentIn = phase;
      const ms = await s.say();
      if (sentIn === 'measure') lat.push(ms);
      if (phase === 'measure') completed++;
    }
  });
  await sleep(CFG.warmMs);
  const a = await sample(bot, kind);
  phase = 'measure';
  await sleep(measureMs);
  const doneAt = completed;
  const b = await sample(bot, kind);
  phase = 'stop';
  await Promise.all(loops);
  const w = window(a, b, doneAt);
  return {
    ...w,
    chats: sims.length,
    p50: percentile(lat, 50),
    p99: percentile(lat, 99),
    rate: doneAt / w.seconds,
  };
}

/** Seeded exponential inter-arrival times. */
function poisson(ratePerSec: number, seed = 42): () => number {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return (-Math.log(1 - x / 2147483648) / ratePerSec) * 1000;
  };
}

/** Messages arrive at `rate` per second in all, each to a chat with no reply outstanding. */
async function openLoop(
  sims: Sim[],
  ms: number,
  bot: BotProcess,
  kind: Kind,
  render?: Sim,
): Promise<Open> {
  let phase = 'warm' as 'warm' | 'measure' | 'stop';
  const lat: number[] = [];
  let completed = 0;
  let backlog = 0;
  const idle = [...sims];
  const pending: Promise<void>[] = [];
  let rnd = 7;
  const pick = () => {
    rnd = (rnd * 1103515245 + 12345) % 2147483648;
    return Math.floor((rnd / 2147483648) * idle.length);
  };
  const fire = () => {
    if (!idle.length) {
      backlog++;
      return;
    }
    const i = pick();
    const s = idle[i]!;
    idle[i] = idle[idle.length - 1]!;
    idle.pop();
    const sentIn = phase;
    pending.push(
      s.say().then((latency) => {
        if (sentIn === 'measure') lat.push(latency);
        if (phase === 'measure') completed++;
        idle.push(s);
      }),
    );
  };
  // The render chat: renames its 100-activity process again as soon as the last review is out.
  const renders: { from: number; to: number }[] = [];
  const renderLoop = render
    ? (async () => {
        for (let k = 1; phase !== 'stop'; k++) {
          // The review's question comes before its pictures: the map is rendered by a job and
          // put back at the chat's tail. Done when both the question and the SVG are in.
          let sawDocument = false;
          let sawQuestion = false;
          const from = performance.now();
          await render.say(
            { kind: 'text', value: `/nama Proses sintetis ${k} ${process.pid}`, expect: 0 },
            (m: BotMessage) => {
              if (m.kind === 'document') sawDocument = true;
              if (m.buttons.length > 0 && (m.text ?? '').startsWith(REVIEW_QUESTION))
                sawQuestion = true;
              return sawDocument && sawQuestion;
            },
          );
          renders.push({ from, to: performance.now() });
        }
      })()
    : Promise.resolve();
  const next = poisson(CFG.rate);
  let stopArrivals = false;
  const arrivals = (async () => {
    let at = performance.now();
    while (!stopArrivals) {
      at += next();
      const wait = at - performance.now();
      if (wait > 0) await sleep(wait);
      if (!stopArrivals) fire();
    }
  })();
  await sleep(CFG.warmMs + (render ? 3000 : 0)); // with a render: let the first one get going
  const a = await sample(bot, kind);
  phase = 'measure';
  // The driver times replies on its own event loop: a late loop (the fake Bot API parsing a
  // map's upload) shows up as latency of the bot.
  const lag = monitorEventLoopDelay({ resolution: 1 });
  lag.enable();
  await sleep(ms);
  lag.disable();
  const doneAt = completed;
  const b = await sample(bot, kind);
  phase = 'stop';
  stopArrivals = true;
  await arrivals;
  await Promise.all(pending);
  await renderLoop;
  const w = window(a, b, doneAt);
  const busy = renders.reduce(
    (acc, r) => acc + Math.max(0, Math.min(r.to, b.t) - Math.max(r.from, a.t)),
    0,
  );
  return {
    ...w,
    p50: percentile(lat, 50),
    p99: percentile(lat, 99),
    n: lat.length,
    backlog,
    driverLagP99: lag.percentile(99) / 1e6,
    botLagP99: b.bot.lagP99Ms,
    botLagMax: b.bot.lagMaxMs,
    ...(render
      ? { renders: renders.map((r) => r.to - r.from), renderBusy: busy / (b.t - a.t) }
      : {}),
  };
}

/** Runs each sim's warm part (unmeasured), WARM_CONCURRENCY chats at a time. */
async function warmUp(sims: Sim[]): Promise<void> {
  const queue = sims.filter((s) => !s.warmedUp);
  const t = performance.now();
  let n = 0;
  const progress = setInterval(
    () => log(`warm-up: ${n} messages, ${queue.length} chats to go`),
    10_000,
  );
  await Promise.all(
    Array.from({ length: WARM_CONCURRENCY }, async () => {
      for (let s = queue.shift(); s; s = queue.shift())
        while (!s.warmedUp) {
          await s.say();
          n++;
        }
    }),
  );
  clearInterval(progress);
  log(`warm-up: ${n} messages in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}

// ---------------- one bot on one database ----------------
async function runVariant(kind: Kind, variant: Variant): Promise<Result> {
  log(`${kind} / ${variant}: preparing`);
  const fake: FakeTelegram = await startFakeTelegram({
    perChatLimit: false,
    globalLimit: false,
    longPollMaxMs: 1000,
  });
  const obs = new Observer(fake);
  const env: Record<string, string> = {
    TELEGRAM_BOT_TOKEN: fake.token,
    TELEGRAM_API_ROOT: fake.apiRoot,
    LOG_LEVEL: 'info',
  };
  const cleanup: (() => Promise<void>)[] = [];
  const people = variant === 'probis' ? CFG.people : Math.max(...CFG.chats);
  if (variant !== 'echo') {
    if (kind === 'postgres') {
      const pg = await createPostgresDatabase();
      env.DATABASE_URL = pg.url;
      cleanup.push(() => pg.drop());
    } else {
      const dir =
        variant === 'probis'
          ? await migratedPgliteDir()
          : fs.mkdtempSync(path.join(os.tmpdir(), 'probis-chat-store-'));
      if (variant === 'probis') env.PROBIS_DATA_DIR = dir;
      else env.BENCH_PGLITE_DIR = dir;
      cleanup.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
    }
  }
  let scripts: Script[] = [];
  if (variant === 'probis') {
    const t = performance.now();
    const h = await openDatabase(
      kind === 'postgres'
        ? { databaseUrl: env.DATABASE_URL!, dataDir: '' }
        : { dataDir: env.PROBIS_DATA_DIR! },
    );
    scripts = await seedWorld(h.db, people, Math.max(...CFG.chats), CFG.memoryLines);
    await h.close();
    log(
      `${kind} / probis: seeded ${people} people and their interviews in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
  }
  const profileDir =
    PROFILE && variant === 'probis'
      ? fs.mkdtempSync(path.join(os.tmpdir(), `probis-chat-prof-${kind}-`))
      : undefined;
  // Renders run as jobs: on PostgreSQL in a `probis worker` process of their own (the bot sends
  // jobs only, PROBIS_JOBS=off), unless --worker same; on PGlite the bot does both.
  const separateWorker = variant === 'probis' && kind === 'postgres' && WORKER !== 'same';
  if (separateWorker) env.PROBIS_JOBS = 'off';
  const worker = separateWorker ? startWorker(env) : null;
  if (worker) cleanup.unshift(() => worker.stop());
  const bot = await BotProcess.start(variant, env, profileDir);
  log(
    `${kind} / ${variant}: bot started${variant === 'probis' ? (worker ? '; renders in a separate worker process' : '; renders in the bot process') : ''}`,
  );

  const sims: Sim[] = [];
  for (let i = 1; i <= people; i++) {
    const script = scripts[i - 1];
    if (script) sims.push(obs.add(new Sim(chatIdOf(i), script.warm, script.cycle)));
    else {
      const texts: Step[] = [
        'halo',
        'Menerima surat edaran penyusunan Renja',
        'Disposisi',
        '1 hari',
      ].map((value) => ({ kind: 'text', value, expect: 1 }));
      sims.push(obs.add(new Sim(chatIdOf(i), [], texts)));
    }
  }
  const stopWatchdog = watchdog(sims, fake, 120_000);

  const closed: Closed[] = [];
  for (const [k, n] of CFG.chats.entries()) {
    const group = sims.slice(0, n);
    await warmUp(group);
    obs.trimFakeLogs();
    const r = await closedLoop(group, CFG.closedMs[k] ?? CFG.closedMs.at(-1)!, bot, kind);
    log(
      `${kind} / ${variant}: closed ${n}: p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, ${r.rate.toFixed(0)} msg/s, ${r.cpuUsPerMsg.toFixed(0)} µs/msg (system ${r.sysUsPerMsg.toFixed(0)})`,
    );
    closed.push(r);
  }
  const rssBefore = (await bot.stats()).rss;
  obs.trimFakeLogs();
  const open = await openLoop(sims.slice(0, CFG.openChats), CFG.openMs, bot, kind);
  log(
    `${kind} / ${variant}: open: p50 ${open.p50.toFixed(1)} ms, p99 ${open.p99.toFixed(1)} ms (n ${open.n}); bot loop delay p99 ${open.botLagP99.toFixed(1)} ms, max ${open.botLagMax.toFixed(1)} ms`,
  );
  let render: Open | undefined;
  if (variant === 'probis') {
    const renderSim = obs.add(new Sim(RENDER_CHAT, [], []));
    sims.push(renderSim);
    obs.trimFakeLogs();
    render = await openLoop(sims.slice(0, CFG.openChats), CFG.openMs, bot, kind, renderSim);
    log(
      `${kind} / ${variant}: open + render: p50 ${render.p50.toFixed(1)} ms, p99 ${render.p99.toFixed(1)} ms, renders ${render.renders?.map((x) => x.toFixed(0)).join(', ')} ms; bot loop delay p99 ${render.botLagP99.toFixed(1)} ms, max ${render.botLagMax.toFixed(1)} ms`,
    );
  }
  let rssNote: string;
  if (variant === 'probis') {
    await warmUp(sims.slice(0, CFG.people));
    rssNote = `${CFG.people} interviews in progress`;
  } else rssNote = `after ${Math.max(...CFG.chats)} chats`;
  await sleep(2000);
  const { rss, childrenRss, heapUsed, external } = await bot.stats();
  stopWatchdog();
  await bot.stop();
  await fake.close();
  for (const c of cleanup) await c();
  let profile: string | undefined;
  if (profileDir) {
    const file = fs.readdirSync(profileDir).find((f) => f.endsWith('.cpuprofile'));
    if (file) profile = path.join(profileDir, file);
  }
  return {
    closed,
    open,
    ...(render ? { render } : {}),
    rss,
    rssBefore,
    rssNote,
    childrenRss,
    heapUsed,
    external,
    unexpected: obs.unexpected,
    ...(profile ? { profile } : {}),
  };
}

// ---------------- main ----------------
console.log(
  `Chat-path benchmark${QUICK ? ' (--quick)' : ''}: Node ${process.version}, ${os.cpus().length} cores; bot in a child process, fake Bot API and people in the driver.`,
);
for (const kind of KINDS) {
  const results = {} as Record<Variant, Result>;
  if (ONLY) {
    // A single bot, for profiling and for calibrating: its numbers are in the log lines above.
    const r = await runVariant(kind, ONLY);
    console.log(
      `${kind} / ${ONLY}: RSS ${(r.rss / 2 ** 20).toFixed(0)} MB (${r.rssNote}; render processes ${(r.childrenRss / 2 ** 20).toFixed(0)} MB; V8 heap in use ${(r.heapUsed / 2 ** 20).toFixed(0)} MB, external ${(r.external / 2 ** 20).toFixed(0)} MB); unexpected messages ${r.unexpected}`,
    );
    if (r.profile) console.log(`CPU profile: ${r.profile}\n${topFrames(r.profile, 25).join('\n')}`);
    continue;
  }
  for (const v of ['echo', 'store', 'design', 'probis'] as Variant[])
    results[v] = await runVariant(kind, v);
  const table = printTable(kind, results, CFG);
  console.log(table.join('\n'));
  if (results.probis.profile) {
    console.log(`CPU profile of the probis bot (${kind}): ${results.probis.profile}`);
    console.log(topFrames(results.probis.profile, 25).join('\n'));
  }
}
process.exit(0);
