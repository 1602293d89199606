// The order in which a step is described, and where the interview goes when a chain of steps ends.
// Questions call these instead of naming their successor, so the order lives in one place.
import { incoming, outgoing, stepNo, updateEdge, updateStep } from '../model/flow-edit.js';
import { isStep } from '../model/process.js';
import { bilingual as msg } from '../language/bilingual.js';
import { editDraft } from './ops.js';
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
      if (node.placeholder) settlePlaceholder(v, nid);
      // The performer may be known already: from the step line or a handoff.
      if (!node.performer) return to('step.performer');
      return continueStep(v, nid, 'performer', notes);
    case 'performer': {
      const edge = crossUnitEdgeWithoutDocument(v, nid);
      if (!edge) return continueStep(v, nid, 'doc', notes);
      const handed = handedOver(v, edge);
      if (!handed) return to('edge.document');
      editDraft(v, (p) => ({ ...p, flow: updateEdge(p.flow!, edge, { document: handed }) }));
      return continueStep(v, nid, 'doc', [
        ...notes,
        msg(
          `Yang diserahkan ke ${v.unitName(node.performer?.unitId)}: ${handed}.`,
          `Handed to ${v.unitName(node.performer?.unitId)}: ${handed}.`,
        ),
      ]);
    }
    case 'doc': {
      if (node.kelengkapan.length) return continueStep(v, nid, 'kelengkapan', notes);
      const known = knownKelengkapan(v, nid);
      if (!known)
        return node.kind === 'activity'
          ? to('step.kelengkapan')
          : continueStep(v, nid, 'kelengkapan', notes);
      editDraft(v, (p) => ({ ...p, flow: updateStep(p.flow!, nid, { kelengkapan: known.items }) }));
      return continueStep(v, nid, 'kelengkapan', [
        ...notes,
        msg(
          `Kelengkapan langkah ${v.stepNo(nid) ?? ''}: ${known.items.join(', ')} (${known.from.id}).`,
          `Kelengkapan of step ${v.stepNo(nid) ?? ''}: ${known.items.join(', ')} (${known.from.en}).`,
        ),
      ]);
    }
    case 'kelengkapan':
    case 'waktu':
      // Outputs given in the step line need no question.
      if (node.kind === 'activity' && node.outputs.length && mode !== 'insert')
        return continueStep(v, nid, 'output', notes);
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

/** The outputs of the step the edge comes from (through a decision, the step before it). */
function handedOver(v: View, edgeId: string): string | null {
  const flow = v.draft()!.flow!;
  const e = flow.edges.find((x) => x.id === edgeId);
  if (!e) return null;
  let from = v.node(e.from);
  if (from?.kind === 'decision') {
    const before = incoming(flow, from.id)[0];
    from = before ? v.node(before.from) : undefined;
  }
  return from?.outputs.length ? from.outputs.join(', ') : null;
}

/**
 * What a step works on when the clerk need not be asked: the outputs of the step before it, or,
 * for the first step, the process's inputs (SIPOC input -> kelengkapan of the first row).
 */
function knownKelengkapan(
  v: View,
  nid: string,
): { items: string[]; from: { id: string; en: string } } | null {
  const flow = v.draft()!.flow!;
  for (const e of incoming(flow, nid)) {
    let from = v.node(e.from);
    if (from?.kind === 'decision') {
      const before = incoming(flow, from.id)[0];
      from = before ? v.node(before.from) : undefined;
    }
    if (from?.outputs.length) {
      const no = stepNo(flow, from.id);
      return {
        items: from.outputs,
        from: { id: `output langkah ${no}`, en: `output of step ${no}` },
      };
    }
  }
  return null;
}

/** A step named earlier ("ke Menerbitkan izin") is described now: it takes its place in order. */
function settlePlaceholder(v: View, nid: string): void {
  editDraft(v, (p) => {
    const flow = p.flow!;
    const node = flow.nodes.find((n) => n.id === nid)!;
    const { placeholder: _, ...rest } = node as typeof node & { placeholder?: boolean };
    const others = flow.nodes.filter((n) => n.id !== nid);
    const lastStep = others.reduce((at, n, i) => (isStep(n) ? i : at), -1);
    const nodes = [...others.slice(0, lastStep + 1), rest, ...others.slice(lastStep + 1)];
    return { ...p, flow: { ...flow, nodes } };
  });
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
    const flow = v.draft(pid)?.flow;
    const no = flow ? (stepNo(flow, branch.from) ?? 0) : 0;
    ask(v, { q: 'activity.name', pid });
    return [...notes, T.branchNext(branch.label, no)];
  }
  // A step pointed to by number before it was written ("ke langkah 9").
  const forward = w.forward?.[0];
  if (forward) {
    w.forward = w.forward!.slice(1);
    w.attach = { from: forward.from, label: forward.label, document: null };
    ask(v, { q: 'activity.name', pid });
    const flow = v.draft(pid)?.flow;
    const from = flow ? (stepNo(flow, forward.from) ?? 0) : 0;
    return [
      ...notes,
      msg(
        `Langkah ${from}${forward.label ? ` (${forward.label})` : ''} menuju langkah ${forward.no}, yang belum ditulis. Apa kegiatannya?`,
        `Step ${from}${forward.label ? ` (${forward.label})` : ''} leads to step ${forward.no}, not written yet. What is it?`,
      ),
    ];
  }
  const placeholder = v.draft(pid)?.flow?.nodes.find((n) => isStep(n) && n.placeholder);
  if (placeholder && isStep(placeholder)) {
    ask(v, { q: 'step.performer', pid, nid: placeholder.id });
    return continueStep(v, placeholder.id, 'created', [
      ...notes,
      msg(
        `Sekarang kita lengkapi "${placeholder.name}", yang tadi disebut.`,
        `Now let us complete "${placeholder.name}", named earlier.`,
      ),
    ]);
  }
  if (
    pid &&
    !(w.waktuAsked ?? []).includes(pid) &&
    v.draft(pid)?.flow?.nodes.some((n) => isStep(n) && !n.waktu && !n.placeholder)
  ) {
    ask(v, { q: 'step.waktu_all', pid });
    return notes;
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
