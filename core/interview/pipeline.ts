// The order in which a step is described, and where the interview goes when a chain of steps ends.
// Questions call these instead of naming their successor, so the order lives in one place.
import { incoming, outgoing, stepNo } from '../model/flow-edit.js';
import { isStep } from '../model/process.js';
import { T } from './texts.js';
import type { Bilingual } from '../language/bilingual.js';
import { ask } from './ops.js';
import type { QuestionId } from './question-ids.js';
import type { View } from './view.js';

export type Stage = 'created' | 'performer' | 'doc' | 'kelengkapan' | 'waktu' | 'output' | 'exits';

/** After `stage` of step `nid` is answered: ask the next thing about it, or move on. */
export function continueStep(
  v: View,
  nid: string,
  stage: Stage,
  notes: Bilingual[] = [],
): Bilingual[] {
  const pid = v.cursor.pid;
  const mode = v.cursor.mode;
  const node = v.node(nid, pid);
  if (!node) return closeChain(v, notes);
  if (mode === 'edit') {
    ask(v, { q: 'edit.menu', pid, nid });
    return notes;
  }
  const to = (q: QuestionId) => {
    ask(v, { q, pid, nid, ...(mode ? { mode } : {}) });
    return notes;
  };
  switch (stage) {
    case 'created':
      // The performer may be known already, from a handoff.
      return to(node.performer ? 'step.kelengkapan' : 'step.performer');
    case 'performer':
      return to(crossUnitEdgeWithoutDocument(v, nid) ? 'edge.document' : 'step.kelengkapan');
    case 'doc':
      return to('step.kelengkapan');
    case 'kelengkapan':
      return to('step.waktu');
    case 'waktu':
      if (node.kind === 'activity') return to('activity.output');
      return mode === 'insert' ? finishInsert(v, notes) : to('decision.exits');
    case 'output':
      if (mode === 'insert') return finishInsert(v, notes);
      return afterDescribed(v, nid, notes);
    case 'exits':
      return afterDescribed(v, nid, notes);
  }
}

/** The incoming edge of `nid` that crosses units and does not yet say what is handed over. */
export function crossUnitEdgeWithoutDocument(v: View, nid: string): string | undefined {
  const flow = v.draft()?.flow;
  const node = v.node(nid);
  if (!flow || !node?.performer) return undefined;
  for (const e of incoming(flow, nid)) {
    const from = v.node(e.from);
    if (from?.performer && from.performer.unitId !== node.performer.unitId && !e.document)
      return e.id;
  }
  return undefined;
}

/** A step is described: a pasted list goes on by itself, otherwise ask what comes next. */
function afterDescribed(v: View, nid: string, notes: Bilingual[]): Bilingual[] {
  const pasted = v.state.work.pasted;
  const flow = v.draft()?.flow;
  if (pasted[0] && flow && outgoing(flow, nid).some((e) => e.to === pasted[0])) {
    const next = pasted.shift()!;
    return continueStep(v, next, 'created', notes);
  }
  const node = v.node(nid);
  if (node?.kind === 'decision') return closeChain(v, notes);
  ask(v, { q: 'activity.next', pid: v.cursor.pid, nid });
  return notes;
}

/** The current chain of steps has ended: continue a pasted list, an open branch, or review. */
export function closeChain(v: View, notes: Bilingual[] = []): Bilingual[] {
  const pid = v.cursor.pid;
  const w = v.state.work;
  if (w.pasted[0]) return continueStep(v, w.pasted.shift()!, 'created', notes);
  const branch = w.branches.shift();
  if (branch) {
    w.attach = { from: branch.from, label: branch.label, document: null, order: branch.order };
    ask(v, { q: 'activity.name', pid });
    const flow = v.draft(pid)?.flow;
    const no = flow ? (stepNo(flow, branch.from) ?? 0) : 0;
    return [...notes, T.branchNext(branch.label, no)];
  }
  ask(v, { q: 'review.confirm', pid });
  return notes;
}

/** An inserted step is described: back to where the person was. */
function finishInsert(v: View, notes: Bilingual[]): Bilingual[] {
  returnFromDetour(v);
  return notes;
}

/** Leaves an edit or insert and goes back to the question the person was on before it. */
export function returnFromDetour(v: View): void {
  const back = v.state.work.returnTo.pop();
  if (back && (!back.nid || v.node(back.nid, back.pid) || back.q === 'activity.name')) ask(v, back);
  else if (v.cursor.pid) ask(v, { q: 'review.confirm', pid: v.cursor.pid });
  else ask(v, { q: 'menu' });
}

export function stepCount(v: View): number {
  return v.draft()?.flow?.nodes.filter(isStep).length ?? 0;
}
