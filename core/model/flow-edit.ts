// Pure edits of a flow, as the interview and a coordinator make them. Each returns a new flow.
import type { EndNode, EndOutcome, Edge, Flow, FlowNode, StepNode } from './process.js';
import { isStep, numberedSteps } from './process.js';

export type NewId = (prefix: string) => string;

export function emptyFlow(newId: NewId): Flow {
  return { nodes: [{ kind: 'start', id: newId('start'), label: null }], edges: [] };
}

export function startNode(flow: Flow): FlowNode | undefined {
  return flow.nodes.find((n) => n.kind === 'start');
}

export function stepByNo(flow: Flow, no: number): StepNode | undefined {
  return numberedSteps(flow).find((s) => s.no === no)?.node;
}

export function stepNo(flow: Flow, nodeId: string): number | undefined {
  return numberedSteps(flow).find((s) => s.node.id === nodeId)?.no;
}

export function nodeById(flow: Flow, id: string): FlowNode | undefined {
  return flow.nodes.find((n) => n.id === id);
}

export function outgoing(flow: Flow, id: string): Edge[] {
  return flow.edges.filter((e) => e.from === id);
}

export function incoming(flow: Flow, id: string): Edge[] {
  return flow.edges.filter((e) => e.to === id);
}

/** Appends a step to the SOP order (before any end node, so ends stay last in the table). */
export function appendNode(flow: Flow, node: FlowNode): Flow {
  const firstEnd = flow.nodes.findIndex((n) => n.kind === 'end');
  const nodes = [...flow.nodes];
  if (node.kind !== 'end' && firstEnd >= 0) nodes.splice(firstEnd, 0, node);
  else nodes.push(node);
  return { ...flow, nodes };
}

export function connect(
  flow: Flow,
  newId: NewId,
  from: string,
  to: string,
  extra: { label?: string | null; document?: string | null } = {},
): Flow {
  const edge: Edge = {
    id: newId('e'),
    from,
    to,
    label: extra.label ?? null,
    document: extra.document ?? null,
  };
  return { ...flow, edges: [...flow.edges, edge] };
}

/**
 * The end node of an outcome (one per outcome and label), added when the flow has none yet.
 * Without an outcome: the plain "selesai" end.
 */
export function ensureEnd(
  flow: Flow,
  newId: NewId,
  outcome: EndOutcome = 'selesai',
  label: string | null = null,
): { flow: Flow; endId: string } {
  const end = flow.nodes.find(
    (n) => n.kind === 'end' && n.outcome === outcome && (n.label ?? null) === label,
  );
  if (end) return { flow, endId: end.id };
  const id = newId('end');
  const node: EndNode = { kind: 'end', id, label, outcome };
  return { flow: { ...flow, nodes: [...flow.nodes, node] }, endId: id };
}

export function updateStep(
  flow: Flow,
  id: string,
  patch: Partial<Omit<StepNode, 'id' | 'kind'>>,
): Flow {
  return {
    ...flow,
    nodes: flow.nodes.map((n) => (n.id === id && isStep(n) ? ({ ...n, ...patch } as StepNode) : n)),
  };
}

export function updateEdge(flow: Flow, id: string, patch: Partial<Omit<Edge, 'id'>>): Flow {
  return { ...flow, edges: flow.edges.map((e) => (e.id === id ? { ...e, ...patch } : e)) };
}

/**
 * Takes a step out of the flow and joins its predecessors to its (first) successor. A decision's
 * other exits go with it; what they led to may become unreachable, which the quality rules report.
 */
export function detachStep(flow: Flow, id: string): Flow {
  const ins = incoming(flow, id).filter((e) => e.from !== id);
  const outs = outgoing(flow, id).filter((e) => e.to !== id);
  const next = outs[0]?.to;
  const kept = flow.edges.filter((e) => e.from !== id && e.to !== id);
  const rejoined = next
    ? ins.map((e) => ({ ...e, to: next, document: e.document ?? outs[0]?.document ?? null }))
    : [];
  // Drop a rejoined edge that would duplicate an existing one (same ends and label).
  const edges = [...kept];
  for (const e of rejoined) {
    if (!edges.some((x) => x.from === e.from && x.to === e.to && x.label === e.label))
      edges.push(e);
  }
  return { ...flow, edges };
}

export function deleteStep(flow: Flow, id: string): Flow {
  const detached = detachStep(flow, id);
  return { ...detached, nodes: detached.nodes.filter((n) => n.id !== id) };
}

/** Puts `node` (new, or one already detached) just before `beforeId`: what led there leads to it. */
export function insertBefore(flow: Flow, newId: NewId, node: FlowNode, beforeId: string): Flow {
  const without = flow.nodes.filter((n) => n.id !== node.id);
  const at = without.findIndex((n) => n.id === beforeId);
  const nodes = [...without];
  nodes.splice(at < 0 ? nodes.length : at, 0, node);
  const edges = flow.edges.map((e) =>
    e.to === beforeId && e.from !== node.id ? { ...e, to: node.id } : e,
  );
  return connect({ ...flow, nodes, edges }, newId, node.id, beforeId);
}

/** Moves step `id` so that it comes just before `beforeId`, in the order and in the flow. */
export function moveStepBefore(flow: Flow, newId: NewId, id: string, beforeId: string): Flow {
  const node = nodeById(flow, id);
  if (!node || id === beforeId) return flow;
  const detached = detachStep(flow, id);
  return insertBefore(detached, newId, node, beforeId);
}

/** Orders the exits of a decision as its labels were named (others keep their place after). */
export function orderExits(flow: Flow, nodeId: string, labels: string[]): Flow {
  const rank = (l: string | null) => {
    const i = l === null ? -1 : labels.indexOf(l);
    return i < 0 ? labels.length : i;
  };
  const exits = flow.edges
    .filter((e) => e.from === nodeId)
    .sort((a, b) => rank(a.label) - rank(b.label));
  let k = 0;
  return { ...flow, edges: flow.edges.map((e) => (e.from === nodeId ? exits[k++]! : e)) };
}

/**
 * Where a step goes next, replaced: its outgoing edges become one edge to `to` (the first edge is
 * kept, with its id and label, so a handoff document stays where the caller keeps it).
 */
export function setNext(
  flow: Flow,
  newId: NewId,
  from: string,
  to: string,
  document: string | null,
): Flow {
  const [first, ...rest] = outgoing(flow, from);
  if (!first) return connect(flow, newId, from, to, { document });
  const drop = new Set(rest.map((e) => e.id));
  const edges = flow.edges
    .filter((e) => !drop.has(e.id))
    .map((e) => (e.id === first.id ? { ...e, to, document } : e));
  return { ...flow, edges };
}

export function removeEdge(flow: Flow, id: string): Flow {
  return { ...flow, edges: flow.edges.filter((e) => e.id !== id) };
}

/** The end of an outcome: the first one the flow has (whatever its label), or a new one. */
export function endOf(
  flow: Flow,
  newId: NewId,
  outcome: EndOutcome,
): { flow: Flow; endId: string } {
  const end = flow.nodes.find((n) => n.kind === 'end' && n.outcome === outcome);
  return end ? { flow, endId: end.id } : ensureEnd(flow, newId, outcome, null);
}

/** End nodes nothing leads to any more are taken out (after an exit is retargeted or removed). */
export function pruneEnds(flow: Flow): Flow {
  const reached = new Set(flow.edges.map((e) => e.to));
  return { ...flow, nodes: flow.nodes.filter((n) => n.kind !== 'end' || reached.has(n.id)) };
}
