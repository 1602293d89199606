// Interview benchmark: `npx tsx bench/interview.ts`. Not a timing: how many messages a clerk
// sends to map a real procedure. Replays the Renja transcript and every procedure of
// tests/fixtures/procedures/ through the interview (in memory), checks each ends in its expected
// process, and prints per procedure its steps, the clerk's messages (every message and button
// press of the transcript, the process questions and the review included; a pasted list is one)
// and messages per step, with the average over all transcripts (all messages / all steps).
import {
  allTranscripts,
  canonicalProcess,
  clerkMessages,
  stepsOf,
  tell,
} from '../tests/support/procedures.js';
import { newChat } from '../tests/support/scenario.js';
import { isDeepStrictEqual } from 'node:util';

type Row = { name: string; steps: number; messages: number; exact: string; refusals: number };

const rows: Row[] = [];
for (const t of allTranscripts()) {
  const { organisation, processes, expected } = t.world;
  const chat = newChat(organisation, t.clerk, processes);
  let exact = 'yes';
  try {
    tell(chat, t.lines);
    const stored = chat.process(expected.name);
    if (!isDeepStrictEqual(canonicalProcess(stored), canonicalProcess(expected))) exact = 'NO';
  } catch (err) {
    exact = `NO (${err instanceof Error ? err.message.slice(0, 60) : String(err)})`;
  }
  rows.push({
    name: t.name,
    steps: stepsOf(expected),
    messages: clerkMessages(t.lines),
    exact,
    refusals: chat.refusals,
  });
}

const sum = (f: (r: Row) => number) => rows.reduce((s, r) => s + f(r), 0);
const ratio = (m: number, s: number) => (s ? (m / s).toFixed(2) : 'n/a');
const table = [
  ['Procedure', 'Steps', 'Clerk messages', 'Messages/step', 'Exact model', 'Refusals'],
  ...rows.map((r) => [
    r.name,
    String(r.steps),
    String(r.messages),
    ratio(r.messages, r.steps),
    r.exact,
    String(r.refusals),
  ]),
  [
    'Average (all messages / all steps)',
    String(sum((r) => r.steps)),
    String(sum((r) => r.messages)),
    ratio(
      sum((r) => r.messages),
      sum((r) => r.steps),
    ),
    '',
    String(sum((r) => r.refusals)),
  ],
];
const widths = table[0]!.map((_, i) => Math.max(...table.map((r) => r[i]!.length)));
const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
console.log(line(table[0]!));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const r of table.slice(1)) console.log(line(r));
process.exit(rows.every((r) => r.exact === 'yes' && r.refusals === 0) ? 0 : 1);
