// Who must answer for a handoff. When unit A (the process owner) says it hands something to B, or
// receives something from B, it is B who confirms: A cannot vouch for its own claim, and nobody at
// an outside party (Pemohon, a vertical agency, a national system) can answer in Probis.
import { confirmationOf, handoffs, isExternalKind, unitById } from '../model/index.js';
import type { Handoff, HandoffConfirmation, Organisation, Process } from '../model/index.js';
import type { Desk } from './types.js';

/**
 * The unit that must confirm `handoff` of `process`: the customer of an output, the supplier of an
 * input, and for an edge the unit of the two that is not the owner (the receiving unit when neither
 * is). Null when that unit is the owner itself or an outside party.
 */
export function answeringUnit(
  process: Pick<Process, 'ownerUnitId'>,
  handoff: Pick<Handoff, 'kind' | 'fromUnitId' | 'toUnitId'>,
  org: Pick<Organisation, 'units'>,
): string | null {
  const owner = process.ownerUnitId;
  const { fromUnitId: from, toUnitId: to } = handoff;
  const unitId =
    handoff.kind === 'output'
      ? to
      : handoff.kind === 'input'
        ? from
        : from === owner
          ? to
          : to === owner
            ? from
            : to;
  if (unitId === owner) return null;
  const unit = unitById(org, unitId);
  if (unit && isExternalKind(unit.kind)) return null;
  return unitId;
}

/** Orders process codes as people read them: "2" before "10", "01" before "01.02". */
export function compareCodes(a: string, b: string): number {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? -1) - (y[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

export type HandoffAt = { process: Process; handoff: Handoff };

/** Every handoff someone inside the organisation must answer, with its answering unit, in code order. */
export function answerableHandoffs(desk: Pick<Desk, 'organisation' | 'processes'>) {
  const out: (HandoffAt & { answeringUnitId: string })[] = [];
  const sorted = [...desk.processes].sort((a, b) => compareCodes(a.code, b.code));
  for (const process of sorted)
    for (const handoff of handoffs(process)) {
      const answeringUnitId = answeringUnit(process, handoff, desk.organisation);
      if (answeringUnitId) out.push({ process, handoff, answeringUnitId });
    }
  return out;
}

/** The handoffs of other units' processes that `unitId` must answer and has not yet. */
export function handoffsToAnswer(
  desk: Pick<Desk, 'organisation' | 'processes'>,
  unitId: string,
): HandoffAt[] {
  return answerableHandoffs(desk)
    .filter((h) => h.answeringUnitId === unitId && h.handoff.state === 'pending')
    .map(({ process, handoff }) => ({ process, handoff }));
}

export type Dispute = HandoffAt & { answeringUnitId: string; confirmation: HandoffConfirmation };

/**
 * The disputes waiting for the coordinator: the answering unit said no and nobody has settled it.
 * The confirmation carries the answering side's words (note, counterpartName).
 */
export function disputedHandoffs(desk: Pick<Desk, 'organisation' | 'processes'>): Dispute[] {
  const out: Dispute[] = [];
  for (const h of answerableHandoffs(desk)) {
    if (h.handoff.state !== 'disputed') continue;
    const confirmation = confirmationOf(h.process, h.handoff);
    if (confirmation && confirmation.settlement === null) out.push({ ...h, confirmation });
  }
  return out;
}
