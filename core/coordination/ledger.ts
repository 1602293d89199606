// The organisation's interface ledger: every handoff between units, and whether both sides agree.
// It measures "synchronisation between units": the open entries are what the campaign must close.
import { confirmationOf, handoffs, isExternalKind, isStep, unitById } from '../model/index.js';
import type { Handoff, Organisation, Process, SipocItem } from '../model/index.js';
import { answeringUnit, compareCodes } from './answering-unit.js';
import { overlap, tokens } from './names.js';
import type { Ledger, LedgerEntry, LedgerKind } from './types.js';

/**
 * How alike an output's name and an input's name must be for the two to be one handoff: half of
 * their words shared. "Nota pembayaran" is "Nota pembayaran gaji" (2 of 3); "Surat masuk" is not
 * "Surat keluar" (1 of 3).
 */
export const SAME_HANDOFF = 0.5;

type Side = { process: Process; item: SipocItem; handoff: Handoff; owner: string; other: string };

export function interfaceLedger(org: Organisation, processes: Process[]): Ledger {
  const sorted = [...processes].sort((a, b) => compareCodes(a.code, b.code));
  const internal = (id: string) => !isExternalKind(unitById(org, id)?.kind ?? 'unit');
  const outputs: Side[] = [];
  const inputs: Side[] = [];
  for (const process of sorted) {
    const owner = process.ownerUnitId;
    if (!owner) continue;
    for (const h of handoffs(process)) {
      if (h.kind === 'edge' || !internal(h.kind === 'output' ? h.toUnitId : h.fromUnitId)) continue;
      const list = h.kind === 'output' ? process.sipoc.outputs : process.sipoc.inputs;
      const item = list.find((i) => i.id === h.itemId)!;
      const other = h.kind === 'output' ? h.toUnitId : h.fromUnitId;
      (h.kind === 'output' ? outputs : inputs).push({ process, item, handoff: h, owner, other });
    }
  }
  const sides = new Map(
    [...outputs, ...inputs].map((x) => [`${x.process.id}|${x.handoff.key}`, x]),
  );
  const pairOf = pairUp(outputs, inputs);
  const paired = new Set(pairOf.values());

  const entries: LedgerEntry[] = [];
  for (const process of sorted) {
    const owner = process.ownerUnitId;
    if (!owner) continue;
    const entry = (e: Omit<LedgerEntry, 'processId' | 'processCode'>) =>
      entries.push({ ...e, processId: process.id, processCode: process.code });
    for (const i of process.sipoc.inputs)
      if (!i.party) entry(orphan('input-without-supplier', null, owner, i));
    for (const h of handoffs(process)) {
      if (!answeringUnit(process, h, org)) continue;
      const side = sides.get(`${process.id}|${h.key}`);
      if (side && paired.has(side)) continue; // counted once, with the output it answers
      const partner = side ? pairOf.get(side) : undefined;
      const kind = partner
        ? isDisputed(side!) || isDisputed(partner)
          ? 'disputed'
          : 'matched'
        : stateKind(process, h);
      const counterpart =
        partner?.process.id ?? confirmationOf(process, h)?.counterpartProcessId ?? null;
      entry({
        kind,
        fromUnitId: h.fromUnitId,
        toUnitId: h.toUnitId,
        what: h.what ?? stepName(process, h),
        key: h.key,
        counterpartProcessId: counterpart,
      });
    }
    for (const o of process.sipoc.outputs)
      if (!o.party) entry(orphan('orphan-output', owner, null, o));
  }
  const counts = Object.fromEntries(LEDGER_KINDS.map((k) => [k, 0])) as Record<LedgerKind, number>;
  for (const e of entries) counts[e.kind]++;
  return { entries, counts };
}

const LEDGER_KINDS: LedgerKind[] = [
  'matched',
  'one-sided',
  'disputed',
  'orphan-output',
  'input-without-supplier',
];

function orphan(kind: LedgerKind, from: string | null, to: string | null, item: SipocItem) {
  const key = `${kind === 'orphan-output' ? 'output' : 'input'}:${item.id}`;
  return { kind, fromUnitId: from, toUnitId: to, what: item.name, key, counterpartProcessId: null };
}

function isDisputed(s: Side): boolean {
  return (
    s.handoff.state === 'disputed' && confirmationOf(s.process, s.handoff)?.settlement !== 'upheld'
  );
}

function stateKind(process: Process, h: Handoff): LedgerKind {
  if (h.state === 'confirmed') return 'matched';
  if (h.state === 'disputed' && confirmationOf(process, h)?.settlement !== 'upheld')
    return 'disputed';
  return 'one-sided';
}

function stepName(process: Process, h: Handoff): string {
  const n = h.kind === 'edge' ? process.flow?.nodes.find((x) => x.id === h.fromNodeId) : undefined;
  return n && isStep(n) ? n.name : '…';
}

/**
 * Each output of A to B paired with at most one input of B from A: first where an answer named
 * the other side's process, then by the most similar name above SAME_HANDOFF.
 */
function pairUp(outputs: Side[], inputs: Side[]): Map<Side, Side> {
  const pairs = new Map<Side, Side>();
  const taken = new Set<Side>();
  const fits = (o: Side, i: Side) => i.owner === o.other && i.other === o.owner && !taken.has(i);
  const best = (o: Side, candidates: Side[], min: number) => {
    const t = tokens(o.item.name);
    let top: Side | undefined;
    let score = min;
    for (const i of candidates) {
      const s = overlap(t, tokens(i.item.name));
      if (s >= score && (!top || s > score)) [top, score] = [i, s];
    }
    return top;
  };
  const link = (o: Side, i: Side | undefined) => {
    if (!i) return;
    pairs.set(o, i);
    taken.add(i);
  };
  for (const o of outputs) {
    const named = confirmationOf(o.process, o.handoff)?.counterpartProcessId;
    if (named)
      link(
        o,
        best(
          o,
          inputs.filter((i) => i.process.id === named && fits(o, i)),
          0,
        ),
      );
  }
  for (const i of inputs) {
    const named = confirmationOf(i.process, i.handoff)?.counterpartProcessId;
    if (!named || taken.has(i)) continue;
    const o = outputs.find((o) => !pairs.has(o) && o.process.id === named && fits(o, i));
    if (o) link(o, i);
  }
  for (const o of outputs)
    if (!pairs.has(o))
      link(
        o,
        best(
          o,
          inputs.filter((i) => fits(o, i)),
          SAME_HANDOFF,
        ),
      );
  return pairs;
}
