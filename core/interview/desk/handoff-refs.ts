// What the handoff dialogs share: the handoff a person is answering (or the coordinator settling),
// how its place in the map is said, and moving on to the next one.
import type { Handoff } from '../../model/handoffs.js';
import { handoffs } from '../../model/handoffs.js';
import { numberedSteps, type Process } from '../../model/process.js';
import { ask } from '../ops.js';
import { returnFromDetour } from '../pipeline.js';
import type { View } from '../view.js';
import type { Bilingual } from '../../language/bilingual.js';

export type Ref = { processId: string; key: string };

export function current(v: View, list: 'handoffs' | 'disputes'): { p: Process; h: Handoff } | null {
  const ref = v.state.work.desk?.[list]?.[0];
  const p = ref && v.ctx.desk?.processes.find((x) => x.id === ref.processId);
  const h = p && handoffs(p).find((x) => x.key === ref.key);
  return p && h ? { p, h } : null;
}

export const unitName = (v: View, id: string | null) => (id ? v.unitName(id) : '?');

/** "dari langkah 4 "Mengirim nota" ke langkah 5 "Memverifikasi" (Kasubbag Keuangan)". */
export function where(v: View, p: Process, h: Handoff): Bilingual {
  if (h.kind !== 'edge' || !p.flow) return { id: '', en: '' };
  const steps = numberedSteps(p.flow);
  const a = steps.find((s) => s.node.id === h.fromNodeId);
  const b = steps.find((s) => s.node.id === h.toNodeId);
  const pos = b?.node.performer?.position ? ` (${b.node.performer.position})` : '';
  return {
    id: ` dari langkah ${a?.no} "${a?.node.name}" ke langkah ${b?.no} "${b?.node.name}"${pos}`,
    en: ` from step ${a?.no} "${a?.node.name}" to step ${b?.no} "${b?.node.name}"${pos}`,
  };
}

/** Next handoff to answer, or back to where the person was. */
export function next(
  v: View,
  list: 'handoffs' | 'disputes',
  q: 'answer.handoff' | 'dispute.settle',
) {
  const rest = (v.state.work.desk?.[list] ?? []).slice(1);
  v.state.work.desk = { ...v.state.work.desk, [list]: rest, answer: undefined };
  if (rest.length) ask(v, { q });
  else returnFromDetour(v);
}
