// Every BPMN export the tests hold to bpmn-js, bpmnlint and the geometry checks: each process with
// a flow in the Renja fixture and in the kabupaten procedures, a long synthetic one (22 steps,
// two decisions, the second looping back to step 1), and a short one in a single lane.
//
// The fixtures are read by file path, not through fixtures.ts / tests/support/procedures.ts:
// the bpmn-js test runs under jsdom, whose URL class Node's file functions refuse, and
// procedures.ts brings the database modules along.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ExchangeDocument, type Organisation, type Process } from '../../core/model/index.js';
import { syntheticProcess } from './synthetic.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
const RENJA = join(FIXTURES, 'renja-setda.json');
const PROCEDURES = join(FIXTURES, 'procedures', 'kab-sukamaju.json');

const read = (path: string) => ExchangeDocument.parse(JSON.parse(readFileSync(path, 'utf8')));

export interface ExportCase {
  name: string;
  process: Process;
  org: Organisation;
}

/** 22 activities in 5 lanes; "tidak" of the first decision goes back one step, of the second to step 1. */
export function longLoopProcess(): ExportCase {
  const { process, org } = syntheticProcess(22, { lanes: 5, decisionEvery: 10 });
  const flow = structuredClone(process.flow!);
  const decisions = flow.nodes.filter((n) => n.kind === 'decision');
  const loop = flow.edges.find((e) => e.from === decisions[1]!.id && e.label === 'tidak')!;
  loop.to = 'a1';
  return { name: 'sintetis 22 langkah', process: { ...process, flow }, org };
}

export function everyExport(): ExportCase[] {
  const doc = read(RENJA);
  const procedures = read(PROCEDURES);
  return [
    ...doc.processes
      .filter((p) => p.flow?.nodes.length)
      .map((p) => ({ name: `Renja ${p.code}`, process: p, org: doc.organisation })),
    ...procedures.processes
      .filter((p) => p.flow?.nodes.length)
      .map((p) => ({ name: `Sukamaju ${p.code}`, process: p, org: procedures.organisation })),
    longLoopProcess(),
    // Everything in one lane: the loops back run beside the column, by the pool's edge.
    { name: 'sintetis satu lajur', ...syntheticProcess(8, { lanes: 1, decisionEvery: 3 }) },
  ];
}
