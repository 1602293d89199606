// The receiving unit's word on a handoff, and the coordinator's settlement of a dispute, written on
// their own: never by the clerk's flow save and never moving the flow's version, so answering or
// settling a handoff cannot conflict with an answer.
import { and, eq, sql } from 'drizzle-orm';
import { confirmationOf, handoffs, type Handoff } from '../../core/model/handoffs.js';
import type { HandoffConfirmation, Process } from '../../core/model/process.js';
import { cleanText } from '../clean-text.js';
import type { Db } from '../client.js';
import { handoffConfirmations, processes } from '../schema.js';
import { writeAudit } from './audit.js';
import { loadProcess } from './processes.js';

export type ConfirmHandoffResult =
  | { outcome: 'recorded'; confirmation: HandoffConfirmation; handoff: Handoff }
  | { outcome: 'not-found' }
  /** The key names no handoff of the process's current flow (it was edited away). */
  | { outcome: 'no-such-handoff'; key: string };

export type AnswerHandoffResult =
  | ConfirmHandoffResult
  /** 'renamed' without the name the answering unit knows it by. */
  | { outcome: 'name-required' }
  /** counterpartProcessId names no process of the organisation. */
  | { outcome: 'no-such-counterpart'; counterpartProcessId: string };

export type SettleHandoffResult =
  | ConfirmHandoffResult
  /** Only a disputed handoff is settled; this one is pending or confirmed. */
  | { outcome: 'not-disputed'; state: 'pending' | 'confirmed' };

type ConfirmParams = {
  organisationId: string;
  processId: string;
  /** The handoff's key: "edge:<edgeId>", "input:<itemId>" or "output:<itemId>". */
  key: string;
  byPersonId: string;
  note?: string | null;
  at?: Date;
};

/**
 * The receiving unit's answer: 'confirmed' (yes, optionally naming its process that takes it),
 * 'renamed' (yes, under the name `counterpartName`), 'disputed' (no; the note says why). A new
 * answer replaces the earlier one and any settlement of it.
 */
export type HandoffAnswer = 'confirmed' | 'renamed' | 'disputed';

/** The receiving unit confirms a handoff of the process's current flow. */
export function confirmHandoff(db: Db, p: ConfirmParams): Promise<ConfirmHandoffResult> {
  return answerHandoff(db, { ...p, answer: 'confirmed' }) as Promise<ConfirmHandoffResult>;
}

/** The receiving unit disputes a handoff; the note says why. */
export function disputeHandoff(
  db: Db,
  p: ConfirmParams & { note: string },
): Promise<ConfirmHandoffResult> {
  return answerHandoff(db, { ...p, answer: 'disputed' }) as Promise<ConfirmHandoffResult>;
}

const text = (s: string | null | undefined, max: number) =>
  s ? cleanText(s).trim().slice(0, max) || null : null;

/** Records the receiving unit's answer on a handoff of the process's current flow (audited). */
export async function answerHandoff(
  db: Db,
  p: ConfirmParams & {
    answer: HandoffAnswer;
    counterpartProcessId?: string | null;
    counterpartName?: string | null;
  },
): Promise<AnswerHandoffResult> {
  const counterpartName = text(p.counterpartName, 300);
  if (p.answer === 'renamed' && !counterpartName) return { outcome: 'name-required' };
  const counterpartProcessId = p.counterpartProcessId ? cleanText(p.counterpartProcessId) : null;
  return db.transaction(async (tx): Promise<AnswerHandoffResult> => {
    const [found, counterpart] = await Promise.all([
      lockedHandoff(tx, p),
      counterpartProcessId === null
        ? Promise.resolve(true)
        : tx
            .select({ id: processes.id })
            .from(processes)
            .where(
              and(
                eq(processes.id, counterpartProcessId),
                eq(processes.organisationId, p.organisationId),
              ),
            )
            .then((rows) => rows.length > 0),
    ]);
    if ('outcome' in found) return found;
    if (!counterpart)
      return { outcome: 'no-such-counterpart', counterpartProcessId: counterpartProcessId! };
    const { handoff, before } = found;
    const state = p.answer === 'disputed' ? 'disputed' : 'confirmed';
    const confirmation: HandoffConfirmation = {
      key: handoff.key,
      state,
      byPersonId: cleanText(p.byPersonId),
      at: (p.at ?? new Date()).toISOString(),
      note: text(p.note, 1000),
      fromUnitId: handoff.fromUnitId,
      toUnitId: handoff.toUnitId,
      counterpartProcessId,
      counterpartName: p.answer === 'disputed' ? null : counterpartName,
      settlement: null,
      settledByPersonId: null,
      settledAt: null,
    };
    await upsertConfirmation(tx, p.processId, confirmation);
    await writeAudit(tx, {
      actor: { personId: p.byPersonId },
      organisationId: p.organisationId,
      entityType: 'handoff-confirmation',
      entityId: p.processId,
      action: state === 'confirmed' ? 'confirm' : 'dispute',
      before,
      after: confirmation,
    });
    return { outcome: 'recorded', confirmation, handoff: { ...handoff, state } };
  });
}

/**
 * The coordinator settles a disputed handoff: 'upheld' (it stands as the sender drew it: the state
 * becomes confirmed) or 'sender-corrects' (it stays disputed until the sender changes its map).
 * The receiving unit's answer and words are kept; who settled and when are added. A settlement
 * may be changed while the handoff is still disputed. The coordinator's note goes to the audit row
 * (`after.settlementNote`), next to both units' words.
 */
export async function settleHandoff(
  db: Db,
  p: ConfirmParams & { settlement: 'upheld' | 'sender-corrects' },
): Promise<SettleHandoffResult> {
  return db.transaction(async (tx): Promise<SettleHandoffResult> => {
    const found = await lockedHandoff(tx, p);
    if ('outcome' in found) return found;
    const { handoff, before } = found;
    if (!before || before.state !== 'disputed')
      return {
        outcome: 'not-disputed',
        state: before?.state === 'confirmed' ? 'confirmed' : 'pending',
      };
    const state = p.settlement === 'upheld' ? 'confirmed' : 'disputed';
    const confirmation: HandoffConfirmation = {
      ...before,
      key: handoff.key,
      state,
      settlement: p.settlement,
      settledByPersonId: cleanText(p.byPersonId),
      settledAt: (p.at ?? new Date()).toISOString(),
    };
    await upsertConfirmation(tx, p.processId, confirmation);
    await writeAudit(tx, {
      actor: { personId: p.byPersonId },
      organisationId: p.organisationId,
      entityType: 'handoff-confirmation',
      entityId: p.processId,
      action: 'settle',
      before,
      after: { ...confirmation, settlementNote: text(p.note, 1000) },
    });
    return { outcome: 'recorded', confirmation, handoff: { ...handoff, state } };
  });
}

/** The handoff and its stored confirmation, with the process row share-locked. */
async function lockedHandoff(
  tx: Db,
  p: { organisationId: string; processId: string; key: string },
): Promise<
  | { handoff: Handoff; before: HandoffConfirmation | null; process: Process }
  | { outcome: 'not-found' }
  | { outcome: 'no-such-handoff'; key: string }
> {
  // A share lock: waits for a flow save in progress (so the key is checked against the flow it
  // leaves, and a confirmation it moves is not written under the old key), blocks no reader
  // and no other confirmation.
  const [row] = await tx
    .select({ id: processes.id })
    .from(processes)
    .where(and(eq(processes.id, p.processId), eq(processes.organisationId, p.organisationId)))
    .for('share');
  if (!row) return { outcome: 'not-found' };
  const process = await loadProcess(tx, { processId: p.processId });
  if (!process) return { outcome: 'not-found' };
  const handoff = handoffs(process).find((h) => h.key === p.key);
  if (!handoff) return { outcome: 'no-such-handoff', key: p.key };
  return { handoff, before: confirmationOf(process, handoff) ?? null, process };
}

async function upsertConfirmation(tx: Db, processId: string, c: HandoffConfirmation) {
  const { key: _k, ...values } = c;
  await tx
    .insert(handoffConfirmations)
    .values({
      processId,
      key: c.key,
      // New keys go last, in the order they were first answered.
      ordinal: sql`(select coalesce(max(${handoffConfirmations.ordinal}) + 1, 0)
                      from ${handoffConfirmations}
                     where ${handoffConfirmations.processId} = ${processId})`,
      ...values,
    })
    .onConflictDoUpdate({
      target: [handoffConfirmations.processId, handoffConfirmations.key],
      set: values,
    });
}
