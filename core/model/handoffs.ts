// Handoffs: where work passes from one unit to another. Derived from the model, never stored
// twice; only the receiving unit's confirmation is stored (Process.handoffConfirmations).
import type { ConfirmationState, Flow, HandoffConfirmation, Process, StepNode } from './process.js';
import { isStep } from './process.js';

export type Handoff =
  | {
      kind: 'edge';
      key: `edge:${string}`;
      edgeId: string;
      fromUnitId: string;
      toUnitId: string;
      fromNodeId: string;
      toNodeId: string;
      /** What is handed over: the edge's document, else the sending step's output. */
      what: string | null;
      state: ConfirmationState;
    }
  | {
      kind: 'input' | 'output';
      key: `input:${string}` | `output:${string}`;
      itemId: string;
      fromUnitId: string;
      toUnitId: string;
      what: string;
      state: ConfirmationState;
    };

function stepsById(flow: Flow): Map<string, StepNode> {
  return new Map(flow.nodes.filter(isStep).map((n) => [n.id, n]));
}

/**
 * Every handoff of a process: each edge between steps performed by different units, and each
 * SIPOC input or output whose party is a unit other than the owner. An edge with a step that has
 * no performer yet is not a handoff; the quality rule `step-performer` reports that step.
 */
export function handoffs(process: Process): Handoff[] {
  const out = derive(process);
  for (const h of out) h.state = confirmationOf(process, h)?.state ?? 'pending';
  return out;
}

/**
 * The confirmation that speaks for a handoff: the one under its key, given while the handoff
 * joined the same two units. A confirmation by Bappeda does not count once the step it received
 * is performed by another unit.
 */
export function confirmationOf(
  process: Process,
  h: Pick<Handoff, 'key' | 'fromUnitId' | 'toUnitId'>,
): HandoffConfirmation | undefined {
  const c = process.handoffConfirmations.find((x) => x.key === h.key);
  if (!c) return undefined;
  if (c.fromUnitId !== null && c.fromUnitId !== h.fromUnitId) return undefined;
  if (c.toUnitId !== null && c.toUnitId !== h.toUnitId) return undefined;
  return c;
}

/**
 * Where the confirmations of `before` belong in `after`, a new flow of the same process: a
 * confirmation whose handoff no longer sits under its key (a step was inserted between the two
 * units, so the handoff now runs along a new edge) follows it to the one handoff of `after` that
 * joins the same units and receives at the same step (or sends from the same step), and that no
 * confirmation is kept under yet. Returns the keys to move; confirmations that found no such
 * handoff stay under their key, where they count again if the handoff comes back.
 */
export function reanchorConfirmations(
  before: Process,
  after: Process,
): { from: string; to: string }[] {
  const old = new Map<string, Handoff>(derive(before).map((h) => [h.key, h]));
  const now = derive(after);
  const nowByKey = new Map<string, Handoff>(now.map((h) => [h.key, h]));
  const taken = new Set(after.handoffConfirmations.map((c) => c.key));
  const moves: { from: string; to: string }[] = [];
  for (const c of after.handoffConfirmations) {
    const was = old.get(c.key);
    if (!was || !confirmationOf(before, was)) continue;
    const still = nowByKey.get(c.key);
    if (still && still.fromUnitId === was.fromUnitId && still.toUnitId === was.toUnitId) continue;
    const candidates = now.filter(
      (h) =>
        !taken.has(h.key) &&
        h.kind === was.kind &&
        h.fromUnitId === was.fromUnitId &&
        h.toUnitId === was.toUnitId &&
        (h.kind !== 'edge' ||
          (was.kind === 'edge' &&
            (h.toNodeId === was.toNodeId || h.fromNodeId === was.fromNodeId))),
    );
    if (candidates.length !== 1) continue;
    const to = candidates[0]!.key;
    taken.add(to);
    moves.push({ from: c.key, to });
  }
  return moves;
}

/** The handoffs of a process, every one still 'pending': handoffs() adds the confirmations. */
function derive(process: Process): Handoff[] {
  const state = (): ConfirmationState => 'pending';
  const out: Handoff[] = [];
  const owner = process.ownerUnitId;

  for (const item of process.sipoc.inputs) {
    const from = item.party?.unitId;
    if (from && owner && from !== owner) {
      const key = `input:${item.id}` as const;
      out.push({
        kind: 'input',
        key,
        itemId: item.id,
        fromUnitId: from,
        toUnitId: owner,
        what: item.name,
        state: state(),
      });
    }
  }

  if (process.flow) {
    const steps = stepsById(process.flow);
    for (const e of process.flow.edges) {
      const a = steps.get(e.from);
      const b = steps.get(e.to);
      const au = a?.performer?.unitId;
      const bu = b?.performer?.unitId;
      if (a && b && au && bu && au !== bu) {
        const key = `edge:${e.id}` as const;
        out.push({
          kind: 'edge',
          key,
          edgeId: e.id,
          fromUnitId: au,
          toUnitId: bu,
          fromNodeId: a.id,
          toNodeId: b.id,
          what: e.document ?? (a.outputs.join(', ') || null),
          state: state(),
        });
      }
    }
  }

  for (const item of process.sipoc.outputs) {
    const to = item.party?.unitId;
    if (to && owner && to !== owner) {
      const key = `output:${item.id}` as const;
      out.push({
        kind: 'output',
        key,
        itemId: item.id,
        fromUnitId: owner,
        toUnitId: to,
        what: item.name,
        state: state(),
      });
    }
  }
  return out;
}
