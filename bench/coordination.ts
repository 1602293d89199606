// Coordinator benchmark: `npx tsx bench/coordination.ts [--quick] [--db pglite|postgres]`.
// Generates a large pemda (60 units, ~300 people, 1,000 leaf processes of 8-16 steps with handoffs
// between units, answers, reviews, chat activity), stores it, then times `loadDesk`, the one read
// every coordinator answer (/progres, reminders, the ledger) is computed from: median and p95 of
// 20 runs after 2 warm-ups (--quick: 5 runs, 300 processes); and each coordinator answer
// (/progres, /relasi, /level0 usul) as the desk read plus core's computation on it. Pictures are
// drawn by jobs, apart (bench/render.ts measures drawing). PostgreSQL: 127.0.0.1:5432 (or
// PROBIS_TEST_DATABASE_URL), in a database of its own, dropped after.
import fs from 'node:fs';
import os from 'node:os';
import { sql } from 'drizzle-orm';
import { listProcesses, loadDesk, openDatabase, type DatabaseHandle } from '../db/index.js';
import { interfaceLedger } from '../core/coordination/ledger.js';
import { ledgerText } from '../core/coordination/ledger-text.js';
import { level0Text, proposeLevel0 } from '../core/coordination/level0-proposal.js';
import { progressRows, progressText } from '../core/coordination/progress.js';
import type { Campaign, Desk } from '../core/coordination/types.js';
import { isExternalKind } from '../core/model/index.js';
import { createPostgresDatabase, migratedPgliteDir } from '../tests/support/db.js';
import { generateOrganisation } from './coordination/generate.js';
import { storeGenerated } from './coordination/store.js';

const argv = process.argv.slice(2);
const QUICK = argv.includes('--quick');
const RUNS = QUICK ? 5 : 20;
const kinds = argv.includes('--db')
  ? [argv[argv.indexOf('--db') + 1] as 'pglite' | 'postgres']
  : (['pglite', 'postgres'] as const);

const gen = generateOrganisation({ processes: QUICK ? 300 : 1000 });
const leaves = gen.processes.filter((p) => p.flow);
const steps = leaves.reduce((n, p) => n + p.flow!.nodes.length - 2, 0);
const confirmations = leaves.reduce((n, p) => n + p.handoffConfirmations.length, 0);

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
}

async function time(fn: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < 2; i++) await fn();
  const t: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const s = performance.now();
    await fn();
    t.push(performance.now() - s);
  }
  return { p50: quantile(t, 0.5), p95: quantile(t, 0.95) };
}

async function open(kind: 'pglite' | 'postgres') {
  if (kind === 'postgres') {
    const pg = await createPostgresDatabase();
    const h = await openDatabase({ databaseUrl: pg.url, dataDir: '' });
    return { h, done: () => h.close().then(() => pg.drop()) };
  }
  const dir = await migratedPgliteDir();
  const h: DatabaseHandle = await openDatabase({ dataDir: dir });
  return {
    h,
    done: async () => {
      await h.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

const NOW = new Date().toISOString();
/** A campaign over every internal unit: the largest /progres there is. */
const campaign: Campaign = {
  id: 'bench',
  organisationId: gen.organisation.id,
  name: 'Pemetaan Proses Bisnis',
  unitIds: gen.organisation.units.filter((u) => !isExternalKind(u.kind)).map((u) => u.id),
  deadline: '2027-01-31',
  remindAfterDays: 3,
  createdByPersonId: null,
  createdAt: NOW,
  closedAt: null,
};

const rows: string[][] = [];
for (const kind of kinds) {
  const { h, done } = await open(kind);
  try {
    const t0 = performance.now();
    await storeGenerated(h.db, gen);
    const storeS = (performance.now() - t0) / 1000;
    // Statistics as autovacuum would have them after a bulk load (the result is not read).
    await h.db.execute(sql`analyze`);
    const desk = (await loadDesk(h.db, gen.organisation.id))!;
    if (desk.processes.length !== gen.processes.length)
      throw new Error('desk is missing processes');
    const d = await time(() => loadDesk(h.db, gen.organisation.id));
    const p = await time(() => listProcesses(h.db, { organisationId: gen.organisation.id }));
    // Each coordinator answer as the chat computes it: the desk read, then core's work on it.
    const answer = (f: (desk: Desk) => unknown) =>
      time(async () => f((await loadDesk(h.db, gen.organisation.id))!));
    const progres = await answer((x) =>
      progressText(progressRows(x, campaign, NOW), campaign, 'id'),
    );
    const relasi = await answer((x) =>
      ledgerText(interfaceLedger(x.organisation, x.processes), x.organisation, 'id'),
    );
    const level0 = await answer((x) =>
      level0Text(proposeLevel0(x.organisation, x.processes), 'id'),
    );
    const fmt = (n: number) => (n < 10 ? n.toFixed(1) : n.toFixed(0));
    rows.push([
      kind,
      fmt(d.p50),
      fmt(d.p95),
      fmt(p.p50),
      fmt(progres.p50),
      fmt(progres.p95),
      fmt(relasi.p50),
      fmt(relasi.p95),
      fmt(level0.p50),
      fmt(level0.p95),
      storeS.toFixed(1),
    ]);
  } finally {
    await done();
  }
}

console.log(
  `Coordinator desk${QUICK ? ' (--quick)' : ''}: Node ${process.version}, ${os.cpus().length} cores; ` +
    `${gen.organisation.units.length} units, ${gen.organisation.people.length} people, ` +
    `${gen.processes.length} processes (${leaves.length} with flows, ${steps} steps, ` +
    `${confirmations} handoff answers), ${gen.reviews.length} review events, ` +
    `${gen.messages.length} inbox rows; ${RUNS} runs after 2 warm-ups.\n`,
);
const head = [
  'database',
  'loadDesk p50 ms',
  'p95',
  'listProcesses p50',
  '/progres p50',
  'p95',
  '/relasi p50',
  'p95',
  '/level0 usul p50',
  'p95',
  'store s',
];
console.log(`| ${head.join(' | ')} |`);
console.log(`|${head.map(() => '---').join('|')}|`);
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
