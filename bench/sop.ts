// `npx tsx bench/sop.ts`: how long an SOP AP takes to make, and how big it is, for the Renja
// process (8 steps, 6 pelaksana columns) and a 40-step permit service (8 columns, 4 pages): the
// median of 5 runs after a warm-up, for the PDF (A4 and F4) and the DOCX (one picture per row).
import { emptySopDetails } from '../core/sop/details.js';
import { sopDocx, sopPdf } from '../renderers/sop/index.js';
import { renja } from '../tests/renderers/fixtures.js';
import { fortyStepProcess } from '../tests/renderers/sop-fixtures.js';

const RUNS = 5;

async function median(make: () => Promise<Uint8Array>): Promise<{ ms: number; bytes: number }> {
  const first = await make(); // warm-up: fonts, the measuring document, resvg
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await make();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(RUNS / 2)]!, bytes: first.length };
}

const r = renja();
const forty = fortyStepProcess();
const cases = [
  { name: `${r.process.code} ${r.process.name} (8 langkah)`, ...r, processes: r.doc.processes },
  {
    name: `${forty.process.code} ${forty.process.name} (40 langkah)`,
    ...forty,
    processes: [forty.process],
  },
];

console.log('| SOP | format | median ms | size KB |');
console.log('|---|---|--:|--:|');
for (const c of cases) {
  const input = {
    process: c.process,
    org: c.org,
    details: emptySopDetails(c.process.id),
    processes: c.processes,
    today: '2026-12-05',
  };
  for (const [format, make] of [
    ['PDF A4', () => sopPdf(input, 'a4')],
    ['PDF F4', () => sopPdf(input, 'f4')],
    ['DOCX', () => sopDocx(input)],
  ] as const) {
    const { ms, bytes } = await median(make);
    console.log(`| ${c.name} | ${format} | ${ms.toFixed(0)} | ${(bytes / 1024).toFixed(1)} |`);
  }
}
