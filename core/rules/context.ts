// What every rule sees: the process, the organisation and the lookups several rules need,
// including how the chat names a step ("langkah 3 "Menyusun usulan program bagian"").
import { numberedSteps, unitById } from '../model/index.js';
import type { Flow, FlowNode, Organisation, Process, StepNode } from '../model/index.js';
import type { Bilingual } from '../language/bilingual.js';

export type RuleContext = {
  process: Process;
  org: Organisation;
  /** The flow, or null for a grouping process (flow rules skip those). */
  flow: Flow | null;
  steps: Array<{ no: number; node: StepNode }>;
  node(id: string): FlowNode | undefined;
  /** How the chat names a node: `langkah 3 "Memeriksa berkas"`, `titik mulai`, … */
  nodeLabel(id: string): Bilingual;
  /** How people name a unit: its short name, else its name, else the id as given. */
  unitLabel(unitId: string): string;
};

export function quote(text: string): string {
  return `"${text}"`;
}

export function createContext(process: Process, org: Organisation): RuleContext {
  const flow = process.flow;
  const steps = flow ? numberedSteps(flow) : [];
  const nodes = new Map<string, FlowNode>();
  for (const n of flow?.nodes ?? []) if (!nodes.has(n.id)) nodes.set(n.id, n);
  const numbers = new Map<string, number>();
  for (const s of steps) if (!numbers.has(s.node.id)) numbers.set(s.node.id, s.no);

  const nodeLabel = (id: string): Bilingual => {
    const n = nodes.get(id);
    if (!n) return { id: `simpul ${quote(id)} (tidak ada)`, en: `node ${quote(id)} (missing)` };
    if (n.kind === 'start') return { id: 'titik mulai', en: 'the start' };
    if (n.kind === 'end') return { id: 'titik selesai', en: 'the end' };
    const no = numbers.get(id);
    return { id: `langkah ${no} ${quote(n.name)}`, en: `step ${no} ${quote(n.name)}` };
  };

  const unitLabel = (unitId: string): string => {
    const u = unitById(org, unitId);
    return u ? (u.shortName ?? u.name) : unitId;
  };

  return { process, org, flow, steps, node: (id) => nodes.get(id), nodeLabel, unitLabel };
}

/** First letter up, for a label that begins a sentence. */
export function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
