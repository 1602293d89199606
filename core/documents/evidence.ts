// The ratification evidence: for each process, who described it, who answered each of its handoffs
// (and who settled a dispute), and who submitted, approved, returned and validated each version,
// with when. A coordinator shows it when the decree that ratifies the map is questioned. Pure:
// computed from the organisation, its processes (their handoff confirmations), their review events
// and the audit log's rows of process saves.
import { answeringUnit, compareCodes } from '../coordination/answering-unit.js';
import type { DeskReview } from '../coordination/types.js';
import { confirmationOf, handoffs, unitById } from '../model/index.js';
import type { ConfirmationState, Organisation, Process, ReviewKind } from '../model/index.js';

/**
 * What the evidence needs of one audit row (db/repositories/audit.ts's AuditEntry is one). The
 * database may hand over only the first and the last row of each person and process: the
 * evidence keeps the earliest and latest time and counts the rows it is given.
 */
export type AuditLike = {
  at: string | Date;
  actor: { personId: string } | { system: string };
  entityType: string;
  entityId: string;
  action: string;
  /** For a save of a process: whether it changed the flow (the steps). Absent: unknown. */
  flowChanged?: boolean;
  /** How many saves this row stands for (the database's grouped rows); 1 when absent. */
  count?: number;
};

/** A person as documents name them: "Rina Wati (Staf Perencanaan, Subbag Perencanaan)". */
export type Named = { personId: string | null; label: string };

/**
 * A person who saved the process (its name, SIPOC or flow: every save of an answer), the first and
 * last time, how many saves, and how many of them changed the flow (the steps).
 */
export type Describer = Named & { first: string; last: string; saves: number; flowSaves: number };

export type HandoffEvidence = {
  key: string;
  /** What passes ("Nota dinas usulan"). */
  what: string;
  fromUnit: string;
  toUnit: string;
  /** The unit that must answer it (the receiving side); its name. */
  answeringUnit: string;
  state: ConfirmationState;
  /** The answering unit's answer: confirmed or disputed, by whom, when; null while none. */
  answer: {
    state: 'confirmed' | 'disputed';
    by: Named | null;
    at: string | null;
    note: string | null;
  } | null;
  /** The coordinator's decision on a dispute; null when none was needed or given. */
  settlement: { kind: 'upheld' | 'sender-corrects'; by: Named | null; at: string | null } | null;
};

export type ReviewEvidence = {
  kind: ReviewKind;
  version: number;
  by: Named | null;
  at: string;
  comment: string | null;
};

export type ProcessEvidence = {
  processId: string;
  code: string;
  name: string;
  /** The people whose answers saved the process, in the order they first did. */
  describedBy: Describer[];
  /** The handoffs someone in the organisation answers, in the process's order. */
  handoffs: HandoffEvidence[];
  /** Every review event of every version, oldest first. */
  reviews: ReviewEvidence[];
};

export type EvidenceInput = {
  organisation: Organisation;
  processes: Process[];
  reviews: DeskReview[];
  audit: AuditLike[];
};

const SAVES: ReadonlySet<string> = new Set(['create', 'update']);

/** The evidence of every process, in code order. */
export function ratificationEvidence(input: EvidenceInput): ProcessEvidence[] {
  const { organisation: org } = input;
  const who = namer(org);
  const describers = new Map<string, Map<string, Describer>>();
  for (const a of input.audit) {
    if (a.entityType !== 'process' || !SAVES.has(a.action)) continue;
    if (!('personId' in a.actor)) continue;
    const at = typeof a.at === 'string' ? a.at : a.at.toISOString();
    const mine = describers.get(a.entityId) ?? new Map<string, Describer>();
    describers.set(a.entityId, mine);
    const d = mine.get(a.actor.personId);
    const n = a.count ?? 1;
    const flow = a.flowChanged === true ? n : 0;
    if (!d)
      mine.set(a.actor.personId, {
        ...who(a.actor.personId),
        first: at,
        last: at,
        saves: n,
        flowSaves: flow,
      });
    else {
      if (Date.parse(at) < Date.parse(d.first)) d.first = at;
      if (Date.parse(at) > Date.parse(d.last)) d.last = at;
      d.saves += n;
      d.flowSaves += flow;
    }
  }
  const reviewsOf = new Map<string, ReviewEvidence[]>();
  for (const r of input.reviews) {
    const list = reviewsOf.get(r.processId) ?? [];
    list.push({
      kind: r.kind,
      version: r.version,
      by: r.byPersonId ? who(r.byPersonId) : null,
      at: r.at,
      comment: r.comment,
    });
    reviewsOf.set(r.processId, list);
  }
  const unitName = (id: string) => unitById(org, id)?.name ?? id;

  return [...input.processes]
    .sort((a, b) => compareCodes(a.code, b.code))
    .map((p) => ({
      processId: p.id,
      code: p.code,
      name: p.name,
      describedBy: [...(describers.get(p.id)?.values() ?? [])].sort(
        (a, b) => Date.parse(a.first) - Date.parse(b.first),
      ),
      handoffs: handoffs(p).flatMap((h): HandoffEvidence[] => {
        const answering = answeringUnit(p, h, org);
        if (!answering) return [];
        const c = confirmationOf(p, h);
        return [
          {
            key: h.key,
            what: h.what ?? '',
            fromUnit: unitName(h.fromUnitId),
            toUnit: unitName(h.toUnitId),
            answeringUnit: unitName(answering),
            state: h.state,
            // A settled dispute keeps the answering unit's "no"; the settlement says what stood.
            answer: c
              ? {
                  state: c.settlement !== null || c.state === 'disputed' ? 'disputed' : 'confirmed',
                  by: c.byPersonId ? who(c.byPersonId) : null,
                  at: c.at,
                  note: c.note,
                }
              : null,
            settlement:
              c?.settlement != null
                ? {
                    kind: c.settlement,
                    by: c.settledByPersonId ? who(c.settledByPersonId) : null,
                    at: c.settledAt,
                  }
                : null,
          },
        ];
      }),
      reviews: reviewsOf.get(p.id) ?? [],
    }));
}

/** "Nama (Jabatan, Unit)" of a person of the organisation; the id as given for one no longer there. */
export function namer(org: Organisation): (personId: string) => Named {
  return (personId) => {
    const p = org.people.find((x) => x.id === personId);
    if (!p) return { personId, label: personId };
    const unit = unitById(org, p.unitId);
    return { personId, label: `${p.name} (${p.position}${unit ? `, ${unit.name}` : ''})` };
  };
}

/** One line of the evidence: which process, what happened, who did it, when. */
export type EvidenceEvent = {
  code: string;
  processName: string;
  /** What happened, in Indonesian: "Menyetujui versi 3", "Mengonfirmasi serah terima ...". */
  what: string;
  who: string;
  /** ISO time; null when the record has none (data from before times were kept). */
  at: string | null;
  /** The words given with it (a comment, a note); null when none. */
  note: string | null;
};

const REVIEW_WHAT: Record<ReviewKind, string> = {
  submitted: 'Mengajukan',
  approved: 'Menyetujui',
  returned: 'Mengembalikan',
  validated: 'Memvalidasi',
};

const SETTLED: Record<'upheld' | 'sender-corrects', string> = {
  upheld: 'serah terima tetap berlaku',
  'sender-corrects': 'unit pengirim memperbaiki petanya',
};

/**
 * The evidence as a list of events, one per line of the annex's appendix or the workbook's sheet:
 * per process, who described it (first and last time), each handoff's answer and settlement,
 * then the reviews, each in time order.
 */
export function evidenceEvents(evidence: ProcessEvidence[]): EvidenceEvent[] {
  const out: EvidenceEvent[] = [];
  for (const e of evidence) {
    const line = (what: string, who: Named | null, at: string | null, note: string | null = null) =>
      out.push({ code: e.code, processName: e.name, what, who: who?.label ?? '-', at, note });
    for (const d of e.describedBy) {
      const flow = d.flowSaves ? `, ${d.flowSaves} mengubah alur langkah` : '';
      line(`Menguraikan proses: simpanan pertama (${d.saves} simpanan${flow})`, d, d.first);
      if (d.last !== d.first) line('Menguraikan proses: simpanan terakhir', d, d.last);
    }
    for (const h of e.handoffs) {
      const about = `serah terima ${h.fromUnit} → ${h.toUnit}${h.what ? `: ${h.what}` : ''}`;
      if (!h.answer) {
        line(`Belum dijawab ${h.answeringUnit}: ${about}`, null, null);
        continue;
      }
      line(
        `${h.answer.state === 'confirmed' ? 'Menyepakati' : 'Membantah'} ${about}`,
        h.answer.by,
        h.answer.at,
        h.answer.note,
      );
      if (h.settlement)
        line(
          `Memutuskan sengketa: ${SETTLED[h.settlement.kind]} (${about})`,
          h.settlement.by,
          h.settlement.at,
        );
    }
    for (const r of e.reviews)
      line(`${REVIEW_WHAT[r.kind]} versi ${r.version}`, r.by, r.at, r.comment);
  }
  return out;
}
