// Decree annex benchmark: `npx tsx bench/annex.ts [--quick]`. The generated pemda (60 units,
// bench/coordination/generate.ts) with every leaf process validated; the annex PDF of 100 and of
// 1,000 processes (--quick: 30 and 100), each built in a process of its own, streamed to a file:
// time, pages, size, peak RSS and peak heap, and the ratio of the big one to the small one
// (memory stays bounded when the ratio of memory is far below the ratio of processes).
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { evidenceEvents, ratificationEvidence } from '../core/documents/evidence.js';
import { inventoryRows } from '../core/documents/inventory.js';
import { createRenderer } from '../renderers/index.js';
import { type AnnexModel, writeAnnexPdf } from '../renderers/documents/annex-pdf.js';
import { generateOrganisation } from './coordination/generate.js';

const argv = process.argv.slice(2);
const QUICK = argv.includes('--quick');
const TELEGRAM_MAX = 50 * 1024 * 1024;

type Measured = {
  processes: number;
  mapped: number;
  pages: number;
  bytes: number;
  ms: number;
  rssMb: number;
  heapMb: number;
};

async function one(n: number): Promise<Measured> {
  const gen = generateOrganisation({ processes: n });
  const processes = gen.processes.map((p) => (p.flow ? { ...p, status: 'validated' as const } : p));
  const reviews = gen.reviews.map((r) => ({
    processId: r.processId,
    kind: r.kind,
    version: 1,
    byPersonId: r.byPersonId,
    at: r.at.toISOString(),
    comment: r.comment,
  }));
  const mapped = processes.filter((p) => p.flow);
  const organisation = gen.organisation;
  const model: AnnexModel = {
    organisation,
    processes,
    rows: inventoryRows({ organisation, processes, reviews }),
    mapped,
    evidence: evidenceEvents(
      ratificationEvidence({ organisation, processes: mapped, reviews, audit: [] }),
    ),
  };
  const renderer = createRenderer();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'probis-annex-bench-'));
  const out = createWriteStream(path.join(dir, 'lampiran.pdf'));
  let heap = 0;
  const sample = setInterval(() => (heap = Math.max(heap, process.memoryUsage().heapUsed)), 20);
  const t = performance.now();
  const r = await writeAnnexPdf(model, renderer, (c) => out.write(c));
  const ms = performance.now() - t;
  clearInterval(sample);
  heap = Math.max(heap, process.memoryUsage().heapUsed);
  await new Promise<void>((resolve) => out.end(resolve));
  await renderer.close();
  rmSync(dir, { recursive: true, force: true });
  return {
    processes: n,
    mapped: mapped.length,
    pages: r.pages,
    bytes: r.bytes,
    ms,
    rssMb: process.resourceUsage().maxRSS / 1024,
    heapMb: heap / 2 ** 20,
  };
}

if (argv.includes('--one')) {
  const n = Number(argv[argv.indexOf('--one') + 1]);
  console.log(JSON.stringify(await one(n)));
  process.exit(0);
}

const sizes = QUICK ? [30, 100] : [100, 1000];
const rows: Measured[] = [];
for (const n of sizes) {
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), '--one', String(n)],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  if (r.status !== 0) {
    console.error(r.stderr);
    process.exit(1);
  }
  rows.push(JSON.parse(r.stdout.trim().split('\n').at(-1)!) as Measured);
}
console.log(
  `Decree annex (PDF, maps as vector)${QUICK ? ' (--quick)' : ''}: Node ${process.version}, ${os.cpus().length} cores; each size in a process of its own`,
);
const head = ['processes', 'maps', 'pages', 'size', 'time', 'peak RSS', 'peak heap'];
console.log(`| ${head.join(' | ')} |`);
console.log(`|${head.map(() => '---').join('|')}|`);
const mb = (x: number) => `${x.toFixed(1)} MB`;
for (const r of rows)
  console.log(
    `| ${r.processes} | ${r.mapped} | ${r.pages} | ${mb(r.bytes / 2 ** 20)} | ${(r.ms / 1000).toFixed(1)} s | ${mb(r.rssMb)} | ${mb(r.heapMb)} |`,
  );
const [a, b] = [rows[0]!, rows[1]!];
console.log(
  `| ratio | ${(b.mapped / a.mapped).toFixed(1)}x | ${(b.pages / a.pages).toFixed(1)}x | ${(b.bytes / a.bytes).toFixed(1)}x | ${(b.ms / a.ms).toFixed(1)}x | ${(b.rssMb / a.rssMb).toFixed(2)}x | ${(b.heapMb / a.heapMb).toFixed(2)}x |`,
);
const big = rows.at(-1)!;
console.log(
  big.bytes > TELEGRAM_MAX
    ? `The annex of ${big.processes} processes is over Telegram's 50 MB for a file.`
    : `The annex of ${big.processes} processes is ${mb(big.bytes / 2 ** 20)}, within Telegram's 50 MB for a file.`,
);
