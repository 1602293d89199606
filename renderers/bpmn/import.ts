// Re-import a BPMN 2.0 file (ours, or one edited in bpmn.io / Camunda Modeler) into the model:
// the flow (nodes in document order, edges with exit labels and documents) and the lanes.
import { BpmnModdle, type ModdleElement } from 'bpmn-moddle';
import {
  EndOutcome,
  Flow,
  type EndNode,
  type FlowNode,
  type Performer,
} from '../../core/model/index.js';
import { decodeId } from './ids.js';

export interface ImportedLane {
  /** The lane key as written by toBpmnXml ("unitId" or "unitId|position"), else the BPMN id. */
  key: string;
  name: string;
  nodeIds: string[];
  performer: Performer | null;
}

export interface ImportedBpmn {
  flow: Flow;
  lanes: ImportedLane[];
  warnings: string[];
}

type El = ModdleElement & {
  flowElements?: El[];
  laneSets?: (El & { lanes?: El[] })[];
  flowNodeRef?: El[];
  rootElements?: El[];
  sourceRef?: El;
  targetRef?: El;
  conditionExpression?: El & { body?: string };
  documentation?: (El & { text?: string })[];
};

const KIND: Record<string, FlowNode['kind']> = {
  'bpmn:StartEvent': 'start',
  'bpmn:EndEvent': 'end',
  'bpmn:Task': 'activity',
  'bpmn:UserTask': 'activity',
  'bpmn:ManualTask': 'activity',
  'bpmn:ServiceTask': 'activity',
  'bpmn:SendTask': 'activity',
  'bpmn:ReceiveTask': 'activity',
  'bpmn:ScriptTask': 'activity',
  'bpmn:BusinessRuleTask': 'activity',
  'bpmn:SubProcess': 'activity',
  'bpmn:CallActivity': 'activity',
  'bpmn:ExclusiveGateway': 'decision',
};

const OUTCOME_WORDS: Record<string, EndNode['outcome']> = {
  selesai: 'selesai',
  ditolak: 'ditolak',
  ditunda: 'ditunda',
};

/**
 * An end event's outcome and label: "Ditolak", "Ditunda", "Selesai" (also after "Berakhir:") are
 * outcomes; other words are the clerk's own ('lain'), unless our export's documentation
 * ("Hasil: selesai") says which outcome they name.
 */
export function endFromName(
  name: string | undefined,
  doc: string | undefined,
): Pick<EndNode, 'label' | 'outcome'> {
  const text = (name ?? '').replace(/\s+/g, ' ').trim();
  const word = OUTCOME_WORDS[text.toLowerCase().replace(/^berakhir\s*:\s*/, '')];
  const documented = EndOutcome.safeParse(
    /^Hasil:\s*(\S+)\s*$/i.exec(doc ?? '')?.[1]?.toLowerCase(),
  );
  if (word && (!documented.success || documented.data === word))
    return { label: null, outcome: word };
  if (!text) return { label: null, outcome: documented.success ? documented.data : 'selesai' };
  return { label: text.slice(0, 200), outcome: documented.success ? documented.data : 'lain' };
}

/** What an unnamed start is called in our export. */
const START_NAME = 'Mulai';

const GATEWAYS = new Set([
  'bpmn:ExclusiveGateway',
  'bpmn:ParallelGateway',
  'bpmn:InclusiveGateway',
]);

/**
 * Gateways the model has no node for: the merges and splits our export adds in front of and
 * after a node (Merge_…, Split_…), and the same made in a modeller: an unnamed gateway that only
 * joins (one way out), or a parallel gateway that only forks (one way in).
 */
function collapsibleGateways(elements: El[], flows: El[]): Map<string, 'merge' | 'split'> {
  const out = new Map<string, 'merge' | 'split'>();
  for (const el of elements) {
    const id = el.id ?? '';
    if (!GATEWAYS.has(el.$type) || decodeId('Node', id) !== null) continue;
    const ins = flows.filter((f) => f.targetRef!.id === id).length;
    const outs = flows.filter((f) => f.sourceRef!.id === id).length;
    const unnamed = !el.name?.trim();
    if (outs === 1 && (decodeId('Merge', id) !== null || (unnamed && ins > 1)))
      out.set(id, 'merge');
    else if (
      ins === 1 &&
      (decodeId('Split', id) !== null || (el.$type === 'bpmn:ParallelGateway' && outs > 1))
    )
      out.set(id, 'split');
  }
  return out;
}

export async function fromBpmn(xml: string): Promise<ImportedBpmn> {
  const { rootElement, warnings } = await new BpmnModdle().fromXML(xml);
  const defs = rootElement as El;
  const proc =
    (defs.rootElements ?? []).find(
      (e) => e.$type === 'bpmn:Process' && (e.flowElements ?? []).length > 0,
    ) ?? (defs.rootElements ?? []).find((e) => e.$type === 'bpmn:Process');
  if (!proc) throw new Error('Berkas BPMN tidak memuat proses (bpmn:process)');
  const nodeId = (id: string) => decodeId('Node', id) ?? id;
  const edgeId = (id: string) => decodeId('Flow', id) ?? id;

  const lanes: ImportedLane[] = [];
  const performerOf = new Map<string, Performer | null>();
  for (const lane of proc.laneSets?.[0]?.lanes ?? []) {
    const key = decodeId('Lane', lane.id ?? '') ?? lane.id ?? '';
    const [unitId, position] = key.includes('|')
      ? [key.slice(0, key.indexOf('|')), key.slice(key.indexOf('|') + 1)]
      : [key, ''];
    const performer: Performer | null = unitId ? { unitId, position: position || null } : null;
    const nodeIds = (lane.flowNodeRef ?? []).map((n) => nodeId(n.id ?? ''));
    for (const id of nodeIds) performerOf.set(id, performer);
    lanes.push({ key, name: lane.name ?? key, nodeIds, performer });
  }

  const flowEls = (proc.flowElements ?? []).filter(
    (el) => el.$type === 'bpmn:SequenceFlow' && el.sourceRef?.id && el.targetRef?.id,
  );
  const collapsed = collapsibleGateways(proc.flowElements ?? [], flowEls);
  const isCollapsed = (id: string) => collapsed.has(id);
  for (const lane of lanes) lane.nodeIds = lane.nodeIds.filter((id) => !isCollapsed(id));

  const nodes: FlowNode[] = [];
  const edges: Flow['edges'] = [];
  const skipped: string[] = [];
  for (const el of proc.flowElements ?? []) {
    if (el.$type === 'bpmn:SequenceFlow' || isCollapsed(el.id ?? '')) continue;
    const kind = KIND[el.$type];
    const id = nodeId(el.id ?? '');
    if (!kind) {
      skipped.push(`${el.$type} ${el.id ?? ''}`);
      continue;
    }
    if (kind === 'start')
      nodes.push({ kind, id, label: el.name && el.name !== START_NAME ? el.name : null });
    else if (kind === 'end')
      nodes.push({ kind, id, ...endFromName(el.name, el.documentation?.[0]?.text) });
    else
      nodes.push({
        kind,
        id,
        name: el.name ?? id,
        performer: performerOf.get(id) ?? null,
        coPerformers: [],
        kelengkapan: [],
        waktu: null,
        outputs: [],
        keterangan: null,
      });
  }
  // A flow into a merge gateway goes on to the merge's target; a flow out of a split gateway
  // comes from the split's source. The flows between such a gateway and its node are dropped.
  const follow = (id: string, kind: 'merge' | 'split'): string => {
    const seen = new Set<string>();
    let at = id;
    while (collapsed.get(at) === kind && !seen.has(at)) {
      seen.add(at);
      const next =
        kind === 'merge'
          ? flowEls.find((f) => f.sourceRef!.id === at)?.targetRef?.id
          : flowEls.find((f) => f.targetRef!.id === at)?.sourceRef?.id;
      if (!next) break;
      at = next;
    }
    return at;
  };
  for (const el of flowEls) {
    if (
      collapsed.get(el.sourceRef!.id!) === 'merge' ||
      collapsed.get(el.targetRef!.id!) === 'split'
    )
      continue;
    // The exit label: the condition, else the flow's name (as a modeller names a gateway exit).
    const label = el.conditionExpression?.body ?? el.name ?? null;
    edges.push({
      id: edgeId(el.id ?? ''),
      from: nodeId(follow(el.sourceRef!.id!, 'split')),
      to: nodeId(follow(el.targetRef!.id!, 'merge')),
      label,
      document: el.documentation?.[0]?.text ?? null,
    });
  }
  return {
    flow: Flow.parse({ nodes, edges }),
    lanes,
    warnings: [...warnings.map((w) => w.message), ...skipped.map((s) => `dilewati: ${s}`)],
  };
}
