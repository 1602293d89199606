// The swimlanes of a cross-functional map: who performs, in which column, under which unit.
// Pure: process and organisation in, lanes and the lane of every node out.
//
// A lane says who: its unit (the band above, shared by the lanes of one unit, which sit side by
// side) and the position (the header under the band). The outside parties the process starts from
// and ends for (its suppliers and customers, e.g. Pemohon or another agency) have lanes too: the
// start sits in the supplier's lane and a finished end in the customer's, so the picture says where
// the process begins and for whom.
import type { Organisation, Party, Performer, Process, StepNode } from '../../core/model/index.js';
import { isExternalKind, isStep, unitById } from '../../core/model/index.js';

export const POSITION_UNKNOWN = 'jabatan belum diketahui';
const NO_PERFORMER = '∅';

export interface Lane {
  /** Stable key: the unit id, "unitId|position" when a unit is split by position, "party:Name". */
  key: string;
  /** Unit and position in one line, as BPMN names a lane: "Bagian Umum — Kasubbag Umum". */
  title: string;
  unitId: string | null;
  /** The name on the band above the lane, shared by the lanes of one unit. */
  unitName: string;
  /** The position in the lane's header; null for an outside party or an unknown jabatan. */
  position: string | null;
  /** An internal unit whose acting position the clerk did not know: "(jabatan belum diketahui)". */
  positionUnknown: boolean;
  /** A supplier or customer of the process outside its performers (Pemohon, another agency). */
  outside: boolean;
}

export interface Lanes {
  lanes: Lane[];
  laneOf: Map<string, string>;
  /** The lanes of a joint step's other performers, other than its own lane, by step id. */
  jointLanesOf: Map<string, string[]>;
}

function unitName(org: Organisation, unitId: string): string {
  return unitById(org, unitId)?.name ?? unitId;
}

/** A performer with no position in a unit of the organisation: the jabatan is still open. */
function isPositionUnknown(org: Organisation, p: Performer): boolean {
  if (p.position) return false;
  const unit = unitById(org, p.unitId);
  return unit !== undefined && !isExternalKind(unit.kind);
}

function titleOf(unit: string, position: string | null, unknown: boolean): string {
  if (position) return `${unit} — ${position}`;
  return unknown ? `${unit} (${POSITION_UNKNOWN})` : unit;
}

/** The group a lane belongs to: lanes of one unit (or one outside party) sit side by side. */
const groupOf = (l: Lane) => l.unitId ?? l.key;

/**
 * The lanes of a process and the lane of every node. A unit is one lane, split by position when
 * several positions of it act. A step without performer (typically a decision) sits in the lane of
 * the step that leads into it; start and end nodes sit in the lane of their neighbouring step,
 * except that the start moves to an outside supplier's lane and a finished end to an outside
 * customer's. Lanes are grouped by unit, in the order units first act; outside suppliers first,
 * outside customers last.
 */
export function crossFunctionalLanes(process: Process, org: Organisation): Lanes {
  const flow = process.flow ?? { nodes: [], edges: [] };
  const steps = flow.nodes.filter(isStep);
  const positionsByUnit = new Map<string, Set<string>>();
  for (const s of steps) {
    for (const p of [...(s.performer ? [s.performer] : []), ...s.coPerformers]) {
      const set = positionsByUnit.get(p.unitId) ?? new Set<string>();
      set.add(p.position ?? '');
      positionsByUnit.set(p.unitId, set);
    }
  }
  const lanes: Lane[] = [];
  const laneOf = new Map<string, string>();
  const jointLanesOf = new Map<string, string[]>();
  const addLane = (lane: Lane): Lane => {
    const found = lanes.find((l) => l.key === lane.key);
    if (found) return found;
    lanes.push(lane);
    return lane;
  };
  const noPerformerLane = (): Lane =>
    addLane({
      key: NO_PERFORMER,
      title: 'Pelaksana belum diisi',
      unitId: null,
      unitName: 'Pelaksana belum diisi',
      position: null,
      positionUnknown: false,
      outside: false,
    });
  // A unit is one lane unless several of its positions act; the lane's header names the position.
  const laneOfPerformer = (p: Performer): Lane => {
    const { unitId, position } = p;
    const unknown = isPositionUnknown(org, p);
    const unit = unitName(org, unitId);
    const split = (positionsByUnit.get(unitId)?.size ?? 0) > 1;
    return {
      key: split ? `${unitId}|${position ?? ''}` : unitId,
      title: titleOf(unit, position, unknown),
      unitId,
      unitName: unit,
      position,
      positionUnknown: unknown,
      outside: false,
    };
  };

  const incoming = new Map<string, string[]>();
  const outgoing = new Map<string, string[]>();
  for (const e of flow.edges) {
    incoming.set(e.to, [...(incoming.get(e.to) ?? []), e.from]);
    outgoing.set(e.from, [...(outgoing.get(e.from) ?? []), e.to]);
  }
  // Steps in SOP order; a performer-less step borrows its predecessor's lane (or the previous row's).
  let previous: string | null = null;
  for (const s of steps) {
    if (s.performer) laneOf.set(s.id, addLane(laneOfPerformer(s.performer)).key);
    else {
      const from = (incoming.get(s.id) ?? [])
        .map((id) => laneOf.get(id))
        .find((k) => k !== undefined);
      laneOf.set(s.id, from ?? previous ?? noPerformerLane().key);
    }
    // A joint step's other performers have their lanes too, even when no other step is theirs.
    for (const p of s.coPerformers) {
      const lane = addLane(laneOfPerformer(p));
      const joint = jointLanesOf.get(s.id) ?? [];
      if (lane.key !== laneOf.get(s.id) && !joint.includes(lane.key)) joint.push(lane.key);
      jointLanesOf.set(s.id, joint);
    }
    previous = laneOf.get(s.id) ?? previous;
  }

  // The outside parties: a supplier or customer that performs no step gets a lane of its own; an
  // outside unit that performs (Pemohon submitting) keeps its lane.
  const suppliers = new Map<string, Lane>();
  const customers = new Map<string, Lane>();
  const partyLane = (party: Party | null, side: Map<string, Lane>): Lane | null => {
    if (!party) return null;
    if (party.unitId) {
      const acting = lanes.find((l) => l.unitId === party.unitId);
      const unit = unitById(org, party.unitId);
      if (acting) return unit && isExternalKind(unit.kind) ? acting : null;
    }
    const key = party.unitId ?? `party:${party.name.trim().toLowerCase()}`;
    const name = party.unitId ? unitName(org, party.unitId) : party.name.trim();
    if (!side.has(key))
      side.set(key, {
        key,
        title: name,
        unitId: party.unitId,
        unitName: name,
        position: null,
        positionUnknown: false,
        outside: true,
      });
    return side.get(key)!;
  };
  const supplierLane = process.sipoc.inputs
    .map((i) => partyLane(i.party, suppliers))
    .find((l) => l !== null);
  const customerLane = process.sipoc.outputs
    .map((o) => partyLane(o.party, customers))
    .find((l) => l !== null);

  // Terminators: a start takes its first successor's lane, an end its first predecessor's; the
  // start of a process supplied from outside sits in the supplier's lane, and a finished end of a
  // process delivered outside in the customer's.
  for (const n of flow.nodes) {
    if (n.kind !== 'start' && n.kind !== 'end') continue;
    const near = n.kind === 'start' ? outgoing.get(n.id) : incoming.get(n.id);
    const neighbour = (near ?? []).map((id) => laneOf.get(id)).find((k) => k !== undefined);
    const outsideLane =
      n.kind === 'start'
        ? supplierLane
        : n.outcome === 'selesai' || n.outcome === 'lain'
          ? customerLane
          : undefined;
    if (outsideLane) laneOf.set(n.id, addLane(outsideLane).key);
    else laneOf.set(n.id, neighbour ?? lanes[0]?.key ?? noPerformerLane().key);
  }
  // An outside lane that no node sits in (a supplier of a process whose start is elsewhere) is
  // still drawn when it was asked for: only the lanes actually used are kept.
  const used = new Set([...laneOf.values(), ...[...jointLanesOf.values()].flat()]);
  const kept = lanes.filter((l) => used.has(l.key));
  return { lanes: groupLanes(kept, suppliers, customers), laneOf, jointLanesOf };
}

/**
 * Lanes grouped by unit, groups in the order they first appear: outside suppliers first, the
 * performers' units, outside customers last.
 */
function groupLanes(
  lanes: Lane[],
  suppliers: Map<string, Lane>,
  customers: Map<string, Lane>,
): Lane[] {
  const rank = (l: Lane) =>
    l.outside && suppliers.has(l.key) ? 0 : l.outside && customers.has(l.key) ? 2 : 1;
  const groups: string[] = [];
  for (const l of lanes) if (!groups.includes(groupOf(l))) groups.push(groupOf(l));
  const groupRank = new Map(
    groups.map((g) => [g, Math.min(...lanes.filter((l) => groupOf(l) === g).map(rank))]),
  );
  const order = [...groups].sort((a, b) => groupRank.get(a)! - groupRank.get(b)!);
  return order.flatMap((g) => lanes.filter((l) => groupOf(l) === g));
}

/** Runs of side-by-side lanes of one unit: the bands drawn above their headers. */
export function unitBands(lanes: readonly Lane[]): { name: string; from: number; to: number }[] {
  const bands: { name: string; from: number; to: number }[] = [];
  lanes.forEach((l, i) => {
    const last = bands[bands.length - 1];
    if (last && groupOf(lanes[last.from]!) === groupOf(l)) last.to = i;
    else bands.push({ name: l.unitName, from: i, to: i });
  });
  return bands;
}

/** The text of a lane's header under its band: the position, or why there is none. */
export function laneHeader(l: Lane): string {
  if (l.position) return l.position;
  return l.positionUnknown ? `(${POSITION_UNKNOWN})` : '';
}

/** "A", "A dan B", "A, B dan C". */
export function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} dan ${items[items.length - 1]}`;
}

/** How a joint step names its other performers: the position, else the unit's (short) name. */
function performerName(org: Organisation, p: Performer): string {
  if (p.position) return p.position;
  const unit = unitById(org, p.unitId);
  return unit ? (unit.shortName ?? unit.name) : p.unitId;
}

/** The second line of a joint step: "bersama Bendahara", or null for a step with one performer. */
export function jointLine(org: Organisation, s: StepNode): string | null {
  const names = s.coPerformers.map((p) => performerName(org, p));
  return names.length ? `bersama ${joinAnd(names)}` : null;
}
