// Three-way merge of a process: the version a writer started from (base), what that writer made
// of it (mine) and what another writer saved meanwhile (theirs). Used when a clerk's save meets
// a newer stored version: nothing either of them changed is dropped.
//
// Steps, edges and SIPOC items are merged one by one, by id, field by field: a coordinator who
// renamed step 3 and a clerk who just gave step 5's waktu both keep their change. Where both
// changed the same field of the same element differently, or one deleted what the other edited,
// mine wins (it is the answer being given now) and the element is reported, so the writer can be
// told; the other version stays in the audit log.
import type { Edge, Flow, FlowNode, Process, SipocItem } from './process.js';

export type MergeOverlap = {
  kind: 'process' | 'input' | 'output' | 'node' | 'edge';
  /** The element's id (the process's id for kind 'process'). */
  id: string;
  /** The element's name as either side had it (a step's name, an item's name), for messages. */
  name: string | null;
  /** The fields both changed; 'deleted' when one side deleted it, 'order' for a reordering. */
  fields: string[];
};

export type MergeResult = {
  /** The merged process, at theirs' version and status, with theirs' confirmations. */
  process: Process;
  overlaps: MergeOverlap[];
};

/** Fields of a process merged one by one; the rest (version, status, confirmations) is theirs. */
const PROCESS_FIELDS = [
  'code',
  'name',
  'category',
  'parentId',
  'ownerUnitId',
  'legalBasis',
] as const;

/**
 * Merges mine into theirs. `base` is null when the version mine started from is not known: then
 * every difference counts as a change of both, mine wins, and nothing theirs added is dropped.
 */
export function mergeProcess(base: Process | null, mine: Process, theirs: Process): MergeResult {
  const overlaps: MergeOverlap[] = [];
  const merged: Process = structuredClone(theirs);

  const clash: string[] = [];
  for (const f of PROCESS_FIELDS) {
    const v = pick(base ? base[f] : undefined, mine[f], theirs[f], base !== null);
    if (v.clash) clash.push(f);
    (merged as Record<string, unknown>)[f] = structuredClone(v.value);
  }
  if (clash.length) overlaps.push({ kind: 'process', id: mine.id, name: mine.name, fields: clash });

  const inputs = mergeList(
    'input',
    base ? base.sipoc.inputs : null,
    mine.sipoc.inputs,
    theirs.sipoc.inputs,
  );
  const outputs = mergeList(
    'output',
    base ? base.sipoc.outputs : null,
    mine.sipoc.outputs,
    theirs.sipoc.outputs,
  );
  merged.sipoc = { inputs: inputs.list, outputs: outputs.list };
  overlaps.push(...inputs.overlaps, ...outputs.overlaps);

  const flow = mergeFlow(base ? base.flow : undefined, mine.flow, theirs.flow);
  merged.flow = flow.flow;
  overlaps.push(...flow.overlaps);
  return { process: merged, overlaps };
}

/** `base` undefined: unknown; null: the base had no flow. */
function mergeFlow(
  base: Flow | null | undefined,
  mine: Flow | null,
  theirs: Flow | null,
): { flow: Flow | null; overlaps: MergeOverlap[] } {
  if (!mine || !theirs) {
    const v = pick(base, mine, theirs, base !== undefined);
    return { flow: structuredClone(v.value ?? null), overlaps: [] };
  }
  const known = base !== undefined;
  const baseFlow = base ?? { nodes: [], edges: [] };
  const nodes = mergeList<FlowNode>(
    'node',
    known ? baseFlow.nodes : null,
    mine.nodes,
    theirs.nodes,
  );
  const edgesTheirs = theirs.edges.map((e) => ({
    ...e,
    from: nodes.renamed.get(e.from) ?? e.from,
    to: nodes.renamed.get(e.to) ?? e.to,
  }));
  const edges = mergeList<Edge>('edge', known ? baseFlow.edges : null, mine.edges, edgesTheirs);
  return {
    flow: { nodes: nodes.list, edges: edges.list },
    overlaps: [...nodes.overlaps, ...edges.overlaps],
  };
}

type Item = FlowNode | Edge | SipocItem;

/**
 * Merges a list of elements with ids. An id both sides added with different content is the
 * same local id handed out in two chats: theirs is kept under a fresh id (`renamed`), since
 * mine's ids are the ones the writer's interview still points at.
 */
function mergeList<T extends Item>(
  kind: MergeOverlap['kind'],
  base: T[] | null,
  mine: T[],
  theirs: T[],
): { list: T[]; overlaps: MergeOverlap[]; renamed: Map<string, string> } {
  const overlaps: MergeOverlap[] = [];
  const renamed = new Map<string, string>();
  const b = new Map((base ?? []).map((x) => [x.id, x]));
  const m = new Map(mine.map((x) => [x.id, x]));
  const used = new Set([...b.keys(), ...m.keys(), ...theirs.map((x) => x.id)]);
  const t = new Map<string, T>();
  const theirOrder: string[] = [];
  for (const x of theirs) {
    let item = x;
    const mx = m.get(x.id);
    if (mx && !b.has(x.id) && !same(mx, x) && base !== null) {
      const fresh = freshId(x.id, used);
      renamed.set(x.id, fresh);
      item = { ...x, id: fresh };
    }
    t.set(item.id, item);
    theirOrder.push(item.id);
  }

  const out = new Map<string, T>();
  for (const id of new Set([...m.keys(), ...t.keys()])) {
    const bx = b.get(id);
    const mx = m.get(id);
    const tx = t.get(id);
    if (mx && tx) {
      const r = mergeFields(bx, mx, tx, base !== null);
      out.set(id, r.value);
      if (r.clash.length) overlaps.push({ kind, id, name: nameOf(mx), fields: r.clash });
    } else if (mx) {
      // Theirs deleted it (or never had it: mine added it).
      if (!bx) out.set(id, mx);
      else if (!same(bx, mx)) {
        out.set(id, mx);
        overlaps.push({ kind, id, name: nameOf(mx), fields: ['deleted'] });
      }
    } else if (tx) {
      // Mine deleted it (or theirs added it). Mine wins over theirs' edit of it.
      if (!bx) out.set(id, tx);
      else if (!same(bx, tx)) overlaps.push({ kind, id, name: nameOf(tx), fields: ['deleted'] });
    }
  }

  const order = mergeOrder(
    base?.map((x) => x.id) ?? null,
    mine.map((x) => x.id),
    theirOrder,
  );
  if (order.clash) overlaps.push({ kind, id: kind, name: null, fields: ['order'] });
  const list = order.ids.filter((id) => out.has(id)).map((id) => out.get(id)!);
  return { list, overlaps, renamed };
}

/**
 * The merged order: theirs' when mine kept the order of what both hold, else mine's; elements
 * only the other side holds go right after the element they followed there.
 */
function mergeOrder(
  base: string[] | null,
  mine: string[],
  theirs: string[],
): { ids: string[]; clash: boolean } {
  const inM = new Set(mine);
  const inT = new Set(theirs);
  const shared = (xs: string[]) => xs.filter((x) => inM.has(x) && inT.has(x));
  const mineRel = shared(mine);
  const theirsRel = shared(theirs);
  const baseRel = base ? shared(base) : null;
  const mineKept = baseRel !== null && same(mineRel, baseRel);
  const useTheirs = same(mineRel, theirsRel) || mineKept;
  const clash = !useTheirs && baseRel !== null && !same(theirsRel, baseRel);
  const [skeleton, other] = useTheirs ? [theirs, mine] : [mine, theirs];
  const ids = [...skeleton];
  const placed = new Set(ids);
  for (let i = 0; i < other.length; i++) {
    const id = other[i]!;
    if (placed.has(id)) continue;
    // After the nearest element before it (in `other`) that is already placed.
    let at = 0;
    for (let j = i - 1; j >= 0; j--) {
      const k = ids.indexOf(other[j]!);
      if (k >= 0) {
        at = k + 1;
        break;
      }
    }
    ids.splice(at, 0, id);
    placed.add(id);
  }
  return { ids, clash };
}

function mergeFields<T extends Item>(
  base: T | undefined,
  mine: T,
  theirs: T,
  baseKnown: boolean,
): { value: T; clash: string[] } {
  if (same(mine, theirs)) return { value: mine, clash: [] };
  const value: Record<string, unknown> = {};
  const clash: string[] = [];
  const keys = new Set([...Object.keys(mine), ...Object.keys(theirs)]);
  const rec = (x: T | undefined) => x as Record<string, unknown> | undefined;
  // A step that changed its kind (activity <-> decision) is taken whole from one side.
  if (rec(mine)?.kind !== rec(theirs)?.kind) {
    const v = pick(base, mine, theirs, baseKnown && base !== undefined);
    return { value: v.value as T, clash: v.clash ? ['kind'] : [] };
  }
  for (const k of keys) {
    const v = pick(
      rec(base)?.[k],
      rec(mine)?.[k],
      rec(theirs)?.[k],
      baseKnown && base !== undefined,
    );
    value[k] = v.value;
    if (v.clash) clash.push(k);
  }
  return { value: value as T, clash };
}

/** One value of three: the side that changed it; mine when both changed it differently. */
function pick<V>(base: V, mine: V, theirs: V, baseKnown: boolean): { value: V; clash: boolean } {
  if (same(mine, theirs)) return { value: mine, clash: false };
  if (baseKnown && same(base, mine)) return { value: theirs, clash: false };
  if (baseKnown && same(base, theirs)) return { value: mine, clash: false };
  return { value: mine, clash: true };
}

function nameOf(x: Item): string | null {
  if ('name' in x) return x.name;
  if ('label' in x) return x.label;
  return null;
}

function freshId(id: string, used: Set<string>): string {
  for (let n = 2; ; n++) {
    const candidate = `${id.slice(0, 58)}-${n}`;
    if (!used.has(candidate)) {
      used.add(candidate);
      return candidate;
    }
  }
}

/** Deep equality of JSON values (the model is plain JSON). */
export function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => same(x, bb[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const ak = Object.keys(ao).filter((k) => ao[k] !== undefined);
  const bk = Object.keys(bo).filter((k) => bo[k] !== undefined);
  return ak.length === bk.length && ak.every((k) => same(ao[k], bo[k]));
}
