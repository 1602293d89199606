// A business process: a node of the process tree (level 0..n) and, at a leaf, its flow.
import { z } from 'zod';
import { Id } from './organisation.js';

export const Category = z.enum(['inti', 'pendukung', 'manajemen']);
export type Category = z.infer<typeof Category>;

export const ProcessStatus = z.enum(['draft', 'submitted', 'approved', 'validated', 'ratified']);
export type ProcessStatus = z.infer<typeof ProcessStatus>;

/** Hierarchical code: "01", "01.02", "01.02.03". */
export const ProcessCode = z.string().regex(/^\d{1,3}(\.\d{1,3})*$/, 'kode seperti 01 atau 01.02');

/**
 * A supplier or customer. `unitId` is set when the party is a unit of the organisation or a
 * known outside party (then it is a handoff); `name` is always what people read.
 */
export const Party = z.object({
  unitId: Id.nullable().default(null),
  name: z.string().min(1).max(300),
});
export type Party = z.infer<typeof Party>;

/** An input with the party that supplies it, or an output with the party that receives it. */
export const SipocItem = z.object({
  id: Id,
  name: z.string().min(1).max(300),
  party: Party.nullable(),
});
export type SipocItem = z.infer<typeof SipocItem>;

export const Sipoc = z.object({
  inputs: z.array(SipocItem).default([]),
  outputs: z.array(SipocItem).default([]),
});
export type Sipoc = z.infer<typeof Sipoc>;

export const DurationUnit = z.enum(['menit', 'jam', 'hari', 'hari_kerja', 'minggu', 'bulan']);
export type DurationUnit = z.infer<typeof DurationUnit>;

/** Waktu of the mutu baku: a value and a unit, e.g. 3 hari kerja. */
export const Duration = z.object({
  value: z.number().positive().max(10_000),
  unit: DurationUnit,
});
export type Duration = z.infer<typeof Duration>;

/** Pelaksana: a position inside a unit (or an outside party, with no position). */
export const Performer = z.object({
  unitId: Id,
  position: z.string().min(1).max(200).nullable().default(null),
});
export type Performer = z.infer<typeof Performer>;

/**
 * What activities and decisions share: the columns of an SOP row. `performer` is the first
 * pelaksana (its lane); `coPerformers` are the others of a joint step ("Kasubbag Umum bersama
 * Bendahara"). A performer whose position the clerk does not know has `position: null` in an
 * internal unit: an open finding that unit settles later. A null performer is not yet known at all.
 */
const StepFields = {
  id: Id,
  name: z.string().min(1).max(2000),
  performer: Performer.nullable().default(null),
  coPerformers: z.array(Performer).max(6).default([]),
  kelengkapan: z.array(z.string().min(1).max(500)).default([]),
  waktu: Duration.nullable().default(null),
  outputs: z.array(z.string().min(1).max(500)).default([]),
  keterangan: z.string().max(4000).nullable().default(null),
  /**
   * A step the clerk pointed to before describing it ("ke Menerbitkan izin"): it has a name and
   * nothing else yet; the interview comes back to it before the review.
   */
  placeholder: z.boolean().optional(),
};

export const StartNode = z.object({
  kind: z.literal('start'),
  id: Id,
  label: z.string().max(200).nullable().default(null),
});
/**
 * How a path of the process ends: the result is issued (selesai), the application is rejected or
 * returned (ditolak), or it is put off (ditunda); `lain` is an outcome in the clerk's own words.
 */
export const EndOutcome = z.enum(['selesai', 'ditolak', 'ditunda', 'lain']);
export type EndOutcome = z.infer<typeof EndOutcome>;

/** An end event: one per outcome. `label` is what the map says ("Izin terbit"), when given. */
export const EndNode = z.object({
  kind: z.literal('end'),
  id: Id,
  label: z.string().max(200).nullable().default(null),
  outcome: EndOutcome.default('selesai'),
});
export const ActivityNode = z.object({ kind: z.literal('activity'), ...StepFields });
/** A decision: `name` is the question ("Rancangan disetujui?"); exits are its labelled edges. */
export const DecisionNode = z.object({ kind: z.literal('decision'), ...StepFields });

export const FlowNode = z.discriminatedUnion('kind', [
  StartNode,
  EndNode,
  ActivityNode,
  DecisionNode,
]);
export type FlowNode = z.infer<typeof FlowNode>;
export type StartNode = z.infer<typeof StartNode>;
export type EndNode = z.infer<typeof EndNode>;
export type ActivityNode = z.infer<typeof ActivityNode>;
export type DecisionNode = z.infer<typeof DecisionNode>;
export type StepNode = ActivityNode | DecisionNode;

export const Edge = z.object({
  id: Id,
  from: Id,
  to: Id,
  /** The exit label of a decision ("ya", "tidak", "lengkap"). */
  label: z.string().max(200).nullable().default(null),
  /** What is handed over along this edge ("Nota dinas permintaan usulan"). */
  document: z.string().max(300).nullable().default(null),
});
export type Edge = z.infer<typeof Edge>;

/**
 * The flow of a leaf process. `nodes` keeps the order of the SOP rows: steps are numbered
 * 1..n in the order they appear here, start and end nodes are not numbered.
 */
export const Flow = z.preprocess(
  upgradeLegacyFlow,
  z.object({
    nodes: z.array(FlowNode),
    edges: z.array(Edge),
  }),
);
export type Flow = z.infer<typeof Flow>;

/**
 * Flows stored or exported before steps kept a list of outputs had `output: string | null`
 * (several outputs joined by commas): it becomes `outputs`, one item per comma-separated part.
 */
function upgradeLegacyFlow(raw: unknown): unknown {
  if (!raw || typeof raw !== 'object' || !Array.isArray((raw as { nodes?: unknown }).nodes))
    return raw;
  const flow = raw as { nodes: unknown[] };
  if (!flow.nodes.some((n) => n && typeof n === 'object' && 'output' in n)) return raw;
  return {
    ...flow,
    nodes: flow.nodes.map((n) => {
      if (!n || typeof n !== 'object' || !('output' in n)) return n;
      const { output, ...rest } = n as { output: unknown; outputs?: unknown };
      if (rest.outputs !== undefined) return rest;
      const outputs =
        typeof output === 'string'
          ? output
              .split(',')
              .map((s) => s.trim())
              .filter(Boolean)
          : [];
      return { ...rest, outputs };
    }),
  };
}

export const ConfirmationState = z.enum(['pending', 'confirmed', 'disputed']);
export type ConfirmationState = z.infer<typeof ConfirmationState>;

/**
 * The receiving unit's word on one handoff. `key` names the handoff (see handoffs.ts):
 * "edge:<edgeId>", "input:<itemId>" or "output:<itemId>". `fromUnitId` and `toUnitId` are the
 * units of the handoff it was given on: it counts only while the handoff still joins those two
 * units (null in data made before they were kept: then the key alone decides).
 */
export const HandoffConfirmation = z.object({
  key: z.string().min(1).max(140),
  state: ConfirmationState,
  byPersonId: Id.nullable().default(null),
  at: z.string().nullable().default(null),
  note: z.string().max(1000).nullable().default(null),
  fromUnitId: Id.nullable().default(null),
  toUnitId: Id.nullable().default(null),
  /** The answering unit's process that takes (or gives) what is handed over, when it said so. */
  counterpartProcessId: Id.nullable().default(null),
  /** The name the answering unit knows it by, when it differs ("ya, dengan nama lain"). */
  counterpartName: z.string().max(300).nullable().default(null),
  /**
   * A dispute settled by the coordinator: 'upheld' (the handoff stands as the sender drew it,
   * state becomes confirmed) or 'sender-corrects' (the sender must change its map). Null while
   * unsettled, and for answers the units gave themselves.
   */
  settlement: z.enum(['upheld', 'sender-corrects']).nullable().default(null),
  settledByPersonId: Id.nullable().default(null),
  settledAt: z.string().nullable().default(null),
});
export type HandoffConfirmation = z.infer<typeof HandoffConfirmation>;

export const Process = z.object({
  id: Id,
  code: ProcessCode,
  name: z.string().min(1).max(2000),
  category: Category,
  parentId: Id.nullable().default(null),
  ownerUnitId: Id.nullable().default(null),
  sipoc: Sipoc.default({ inputs: [], outputs: [] }),
  legalBasis: z.array(z.string().min(1).max(500)).default([]),
  status: ProcessStatus.default('draft'),
  /**
   * Optimistic-concurrency version of the flow: 1 on first save, +1 on every save of the flow.
   * Confirmations, review events and notes are stored apart and never move it.
   */
  version: z.number().int().nonnegative().default(0),
  /** Present on a leaf process that has been mapped; null on a grouping process. */
  flow: Flow.nullable().default(null),
  /** Written by the receiving units (db/repositories/handoff-confirmations.ts), not the flow's save. */
  handoffConfirmations: z.array(HandoffConfirmation).default([]),
});
export type Process = z.infer<typeof Process>;

/** A new process with nothing described yet: a draft with no flow, saved as version 1. */
export function emptyProcess(
  p: Pick<Process, 'id' | 'code' | 'name' | 'category' | 'parentId' | 'ownerUnitId'>,
): Process {
  return {
    ...p,
    sipoc: { inputs: [], outputs: [] },
    legalBasis: [],
    status: 'draft',
    version: 0,
    flow: null,
    handoffConfirmations: [],
  };
}

export function isStep(n: FlowNode): n is StepNode {
  return n.kind === 'activity' || n.kind === 'decision';
}

/**
 * Steps in SOP order with their 1-based numbers, as the chat summary and the maps show them. A
 * placeholder (named, not yet described) has no number until it is described.
 */
export function numberedSteps(flow: Flow): { no: number; node: StepNode }[] {
  return flow.nodes
    .filter(isStep)
    .filter((n) => !n.placeholder)
    .map((node, i) => ({ no: i + 1, node }));
}
