// A small vocabulary for rule tests, so that a test reads like the map it checks:
//
//   map('start -> a1 -> d1 -ya-> a2 -> end, d1 -tidak-> a1')
//
// Node kinds come from the id: start…, end…, d… (decision), anything else an activity. Nodes are
// listed (numbered) in order of first appearance. Every step gets a clean default (an active-verb
// name, a performer in Bagian Umum, 1 hari, an output) so that a test only states what it breaks.
// Edge ids are "from->to".
import { Organisation, Process } from '../../core/model/index.js';
import type {
  Edge,
  FlowNode,
  HandoffConfirmation,
  SipocItem,
  StepNode,
} from '../../core/model/index.js';

export const org: Organisation = Organisation.parse({
  id: 'kab-uji',
  name: 'Pemerintah Kabupaten Uji',
  units: [
    {
      id: 'setda',
      name: 'Sekretariat Daerah',
      kind: 'sekretariat',
      parentId: null,
      shortName: 'Setda',
    },
    {
      id: 'bag-umum',
      name: 'Bagian Umum',
      kind: 'bagian',
      parentId: 'setda',
      shortName: 'Bag. Umum',
    },
    { id: 'bag-keu', name: 'Bagian Keuangan', kind: 'bagian', parentId: 'setda' },
    { id: 'pemohon', name: 'Pemohon', kind: 'public', parentId: null },
  ],
  people: [],
});

type StepPatch = Partial<Omit<StepNode, 'id' | 'kind'>>;

export type MapOptions = {
  name?: string;
  owner?: string | null;
  /** Overrides per step id. */
  steps?: Record<string, StepPatch>;
  /** Nodes that no edge mentions, e.g. an island step. */
  extraNodes?: string[];
  /** Overrides per edge id ("a1->a2"). */
  edges?: Record<string, Partial<Pick<Edge, 'label' | 'document'>>>;
  /** Edges added as they are, e.g. dangling ones. */
  rawEdges?: Array<Pick<Edge, 'id' | 'from' | 'to'> & Partial<Edge>>;
  inputs?: SipocItem[];
  outputs?: SipocItem[];
  confirmations?: Array<Pick<HandoffConfirmation, 'key' | 'state'> & Partial<HandoffConfirmation>>;
};

function kindOf(id: string): FlowNode['kind'] {
  if (id.startsWith('start')) return 'start';
  if (id.startsWith('end')) return 'end';
  if (id.startsWith('d')) return 'decision';
  return 'activity';
}

function defaultNode(id: string): FlowNode {
  const kind = kindOf(id);
  if (kind === 'start') return { kind, id, label: null };
  if (kind === 'end') return { kind, id, label: null, outcome: 'selesai' };
  const common = {
    id,
    performer: { unitId: 'bag-umum', position: 'Staf' },
    coPerformers: [],
    kelengkapan: [],
    waktu: { value: 1, unit: 'hari' as const },
    keterangan: null,
  };
  return kind === 'decision'
    ? { kind, ...common, name: `Berkas ${id} lengkap?`, outputs: [] }
    : { kind, ...common, name: `Memproses berkas ${id}`, outputs: [`Hasil ${id}`] };
}

/** Parses "a -> b -lbl-> c, x -> y" into node ids (in order) and edges. */
function parse(spec: string): { ids: string[]; edges: Edge[] } {
  const ids: string[] = [];
  const edges: Edge[] = [];
  const see = (id: string) => {
    if (!ids.includes(id)) ids.push(id);
  };
  for (const path of spec
    .split(/[,\n]/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    const tokens = path.split(/\s+/);
    let prev: string | null = null;
    let label: string | null = null;
    for (const t of tokens) {
      const arrow = /^-(?:(.*)-)?>$/.exec(t);
      if (arrow) {
        label = arrow[1] ? arrow[1] : null;
        continue;
      }
      see(t);
      if (prev !== null)
        edges.push({ id: `${prev}->${t}`, from: prev, to: t, label, document: null });
      prev = t;
      label = null;
    }
  }
  return { ids, edges };
}

/** A leaf process whose flow is described by `spec`. */
export function map(spec: string, o: MapOptions = {}): Process {
  const { ids, edges } = parse(spec);
  for (const id of o.extraNodes ?? []) if (!ids.includes(id)) ids.push(id);
  const nodes = ids.map((id) => {
    const n = defaultNode(id);
    const patch = o.steps?.[id];
    return patch && (n.kind === 'activity' || n.kind === 'decision') ? { ...n, ...patch } : n;
  });
  const allEdges = [
    ...edges.map((e) => ({ ...e, ...o.edges?.[e.id] })),
    ...(o.rawEdges ?? []).map((e) => ({ label: null, document: null, ...e })),
  ];
  return Process.parse({
    id: 'p-uji',
    code: '01.01',
    name: o.name ?? 'Pengelolaan Surat Masuk',
    category: 'pendukung',
    ownerUnitId: o.owner === undefined ? 'bag-umum' : o.owner,
    sipoc: { inputs: o.inputs ?? [], outputs: o.outputs ?? [] },
    flow: { nodes, edges: allEdges },
    handoffConfirmations: o.confirmations ?? [],
  });
}

/** A grouping process (level 0/1): no flow. */
export function grouping(o: Pick<MapOptions, 'name' | 'inputs' | 'outputs'> = {}): Process {
  return Process.parse({
    id: 'p-induk',
    code: '01',
    name: o.name ?? 'Administrasi Umum',
    category: 'pendukung',
    ownerUnitId: 'bag-umum',
    sipoc: { inputs: o.inputs ?? [], outputs: o.outputs ?? [] },
    flow: null,
  });
}

/** A SIPOC item; `party` is a unit id of the test organisation, a free name, or null. */
export function item(
  id: string,
  name: string,
  party: { unitId?: string; name: string } | null,
): SipocItem {
  return { id, name, party: party ? { unitId: party.unitId ?? null, name: party.name } : null };
}

/** The happy path every rule accepts: a completeness check that loops back to the applicant. */
export const cleanSpec = 'start -> a1 -> d1 -ya-> a2 -> end, d1 -tidak-> a3 -> end';
