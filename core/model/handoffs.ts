// Handoffs: where work passes from one unit to another. Derived from the model, never stored
// twice; only the receiving unit's confirmation is stored (Process.handoffConfirmations).
import type { ConfirmationState, Flow, Process, StepNode } from './process.js';
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
  const state = (key: string): ConfirmationState =>
    process.handoffConfirmations.find((c) => c.key === key)?.state ?? 'pending';
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
        state: state(key),
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
          what: e.document ?? a.output ?? null,
          state: state(key),
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
        state: state(key),
      });
    }
  }
  return out;
}
