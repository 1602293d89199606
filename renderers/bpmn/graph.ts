// The BPMN process graph of a leaf process, before any geometry: the model's nodes and edges,
// plus the gateways BPMN asks for where the model leaves joins and forks implicit.
//
// - A task or end event with several incoming flows (a loop back, two branches rejoining) gets a
//   merging exclusive gateway in front of it ("Merge_<node>"): bpmnlint's fake-join. So does a
//   decision with several incoming flows, which would otherwise join and fork at once.
// - A task or start event with several outgoing flows gets a parallel gateway after it
//   ("Split_<node>"): bpmnlint's no-implicit-split.
// The model edges keep their ids (the flow into a merge, the flow out of a split); the extra
// flows are "MergeFlow_<node>" and "SplitFlow_<node>". import.ts collapses these gateways again.
import type { Edge, Flow, FlowNode } from '../../core/model/index.js';
import { encodeId } from './ids.js';

export const nodeBpmnId = (id: string) => encodeId('Node', id);
export const flowBpmnId = (id: string) => encodeId('Flow', id);
export const laneBpmnId = (key: string) => encodeId('Lane', key);
export const mergeBpmnId = (nodeId: string) => encodeId('Merge', nodeId);
export const splitBpmnId = (nodeId: string) => encodeId('Split', nodeId);

export type BpmnElement =
  | { kind: 'node'; id: string; node: FlowNode }
  /** A merging exclusive gateway in front of the model node `of`. */
  | { kind: 'merge'; id: string; of: string }
  /** A forking parallel gateway after the model node `of`. */
  | { kind: 'split'; id: string; of: string };

export interface BpmnFlow {
  id: string;
  source: string;
  target: string;
  /** The model edge this flow stands for; null for a flow between a gateway and its node. */
  edge: Edge | null;
}

export interface BpmnGraph {
  elements: BpmnElement[];
  flows: BpmnFlow[];
  /** The BPMN id of the model node each element belongs to (itself, or the node it merges/splits). */
  ownerOf: Map<string, string>;
}

export function bpmnGraph(flow: Flow): BpmnGraph {
  const ids = new Set(flow.nodes.map((n) => n.id));
  const edges = flow.edges.filter((e) => ids.has(e.from) && ids.has(e.to));
  const countIn = new Map<string, number>();
  const countOut = new Map<string, number>();
  for (const e of edges) {
    countIn.set(e.to, (countIn.get(e.to) ?? 0) + 1);
    countOut.set(e.from, (countOut.get(e.from) ?? 0) + 1);
  }
  const merged = new Set(
    flow.nodes
      .filter((n) => n.kind !== 'start' && (countIn.get(n.id) ?? 0) > 1)
      .filter((n) => n.kind !== 'decision' || (countOut.get(n.id) ?? 0) > 1)
      .map((n) => n.id),
  );
  const split = new Set(
    flow.nodes
      .filter((n) => (n.kind === 'activity' || n.kind === 'start') && (countOut.get(n.id) ?? 0) > 1)
      .map((n) => n.id),
  );

  const elements: BpmnElement[] = [];
  const ownerOf = new Map<string, string>();
  for (const n of flow.nodes) {
    const own = nodeBpmnId(n.id);
    if (merged.has(n.id)) {
      elements.push({ kind: 'merge', id: mergeBpmnId(n.id), of: n.id });
      ownerOf.set(mergeBpmnId(n.id), own);
    }
    elements.push({ kind: 'node', id: own, node: n });
    ownerOf.set(own, own);
    if (split.has(n.id)) {
      elements.push({ kind: 'split', id: splitBpmnId(n.id), of: n.id });
      ownerOf.set(splitBpmnId(n.id), own);
    }
  }
  const flows: BpmnFlow[] = [];
  for (const n of flow.nodes) {
    if (merged.has(n.id))
      flows.push({
        id: encodeId('MergeFlow', n.id),
        source: mergeBpmnId(n.id),
        target: nodeBpmnId(n.id),
        edge: null,
      });
    if (split.has(n.id))
      flows.push({
        id: encodeId('SplitFlow', n.id),
        source: nodeBpmnId(n.id),
        target: splitBpmnId(n.id),
        edge: null,
      });
  }
  for (const e of edges)
    flows.push({
      id: flowBpmnId(e.id),
      source: split.has(e.from) ? splitBpmnId(e.from) : nodeBpmnId(e.from),
      target: merged.has(e.to) ? mergeBpmnId(e.to) : nodeBpmnId(e.to),
      edge: e,
    });
  return { elements, flows, ownerOf };
}
