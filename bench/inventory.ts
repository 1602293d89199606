// Inventory benchmark: `npx tsx bench/inventory.ts [--quick] [--db pglite|postgres]`. The large
// pemda of bench/coordination (60 units, 1,000 processes with flows, handoff answers and reviews),
// each leaf described in 6 saves by a person of its unit (the audit log holds the process before
// and after each, as the chat writes it), then what /inventaris's job does: read the document
// sources (the audit log grouped in SQL), compute the rows and the evidence, write the XLSX.
// Median and p95 of 10 runs after 1 warm-up (--quick: 3 runs, 300 processes), the file's size,
// and the heap the job grows by at most.
import fs from 'node:fs';
import os from 'node:os';
import { sql } from 'drizzle-orm';
import { loadInventoryWorkbook } from '../bot/delivery/files/inventory.js';
import { openDatabase, type DatabaseHandle, type Db } from '../db/index.js';
import { auditLog } from '../db/schema.js';
import { inventoryXlsx } from '../renderers/documents/inventory-xlsx.js';
import { createPostgresDatabase, migratedPgliteDir } from '../tests/support/db.js';
import { generateOrganisation, type Generated } from './coordination/generate.js';
import { storeGenerated } from './coordination/store.js';

const argv = process.argv.slice(2);
const QUICK = argv.includes('--quick');
const RUNS = QUICK ? 3 : 10;
const SAVES = 6;
const kinds = argv.includes('--db')
  ? [argv[argv.indexOf('--db') + 1] as 'pglite' | 'postgres']
  : (['pglite', 'postgres'] as const);

const gen = generateOrganisation({ processes: QUICK ? 300 : 1000 });
const orgId = gen.organisation.id;

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
}

/** Each leaf saved SAVES times by a person of its owner unit: first with no flow, then with it. */
async function storeSaves(db: Db, g: Generated): Promise<number> {
  const rows = g.processes
    .filter((p) => p.flow)
    .flatMap((p) => {
      const person = g.organisation.people.find((x) => x.unitId === p.ownerUnitId);
      if (!person) return [];
      return Array.from({ length: SAVES }, (_, i) => ({
        actorPersonId: person.id,
        organisationId: orgId,
        entityType: 'process',
        entityId: p.id,
        action: i === 0 ? 'create' : 'update',
        at: new Date(Date.UTC(2026, 10, 1 + i, 2)),
        before: i === 0 ? null : { ...p, flow: i === 1 ? null : p.flow },
        after: { ...p, flow: i === 0 ? null : p.flow },
      }));
    });
  for (let i = 0; i < rows.length; i += 200)
    await db.insert(auditLog).values(rows.slice(i, i + 200));
  return rows.length;
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

const fmt = (n: number) => (n < 10 ? n.toFixed(1) : n.toFixed(0));
const rows: string[][] = [];
let auditRows = 0;
let events = 0;
for (const kind of kinds) {
  const { h, done } = await open(kind);
  try {
    await storeGenerated(h.db, gen);
    auditRows = await storeSaves(h.db, gen);
    await h.db.execute(sql`analyze`);
    const load: number[] = [];
    const write: number[] = [];
    let bytes = 0;
    let heapGrowth = 0;
    for (let i = 0; i < RUNS + 1; i++) {
      global.gc?.();
      const heap0 = process.memoryUsage().heapUsed;
      const t0 = performance.now();
      const w = await loadInventoryWorkbook(h.db, orgId);
      const t1 = performance.now();
      const file = await inventoryXlsx(w!);
      const t2 = performance.now();
      heapGrowth = Math.max(heapGrowth, process.memoryUsage().heapUsed - heap0);
      if (w!.rows.length !== gen.processes.length) throw new Error('rows are missing processes');
      events = w!.evidence.length;
      bytes = file.byteLength;
      if (i === 0) continue; // warm-up
      load.push(t1 - t0);
      write.push(t2 - t1);
    }
    rows.push([
      kind,
      fmt(quantile(load, 0.5)),
      fmt(quantile(load, 0.95)),
      fmt(quantile(write, 0.5)),
      fmt(quantile(write, 0.95)),
      (bytes / 1024).toFixed(0),
      (heapGrowth / 1024 / 1024).toFixed(0),
      (process.memoryUsage().rss / 1024 / 1024).toFixed(0),
    ]);
  } finally {
    await done();
  }
}

console.log(
  `Process inventory${QUICK ? ' (--quick)' : ''}: Node ${process.version}, ${os.cpus().length} cores; ` +
    `${gen.organisation.units.length} units, ${gen.processes.length} processes, ` +
    `${gen.reviews.length} review events, ${auditRows} audit rows of saves by people, ` +
    `${events} evidence lines; ${RUNS} runs after 1 warm-up.\n`,
);
const head = [
  'database',
  'sources+rows+evidence p50 ms',
  'p95',
  'XLSX p50 ms',
  'p95',
  'file KB',
  'heap growth MB (max)',
  'RSS MB',
];
console.log(`| ${head.join(' | ')} |`);
console.log(`|${head.map(() => '---').join('|')}|`);
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
