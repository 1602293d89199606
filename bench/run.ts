// `npm run bench`: every benchmark in turn, each in its own process so one cannot warm or
// disturb another. Prints the tables; the README quotes them.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const benches = [
  'render.ts',
  'maps.ts',
  'bpmn-check.ts',
  'chat.ts',
  'coordination.ts',
  'interview.ts',
  'sop.ts',
  'inventory.ts',
  'annex.ts',
];
let failed = 0;
for (const b of benches) {
  const file = fileURLToPath(new URL(`./${b}`, import.meta.url));
  console.log(`\n== ${b} ==`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', file, ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
