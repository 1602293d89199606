// The receiving unit's word on a handoff, written on its own: never by the clerk's flow save and
// never moving the flow's version, so confirming a handoff cannot conflict with an answer.
import { and, eq, sql } from 'drizzle-orm';
import { confirmationOf, handoffs, type Handoff } from '../../core/model/handoffs.js';
import type { HandoffConfirmation } from '../../core/model/process.js';
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

type ConfirmParams = {
  organisationId: string;
  processId: string;
  /** The handoff's key: "edge:<edgeId>", "input:<itemId>" or "output:<itemId>". */
  key: string;
  byPersonId: string;
  note?: string | null;
  at?: Date;
};

/** The receiving unit confirms a handoff of the process's current flow. */
export function confirmHandoff(db: Db, p: ConfirmParams): Promise<ConfirmHandoffResult> {
  return recordConfirmation(db, { ...p, state: 'confirmed' });
}

/** The receiving unit disputes a handoff; the note says why. */
export function disputeHandoff(
  db: Db,
  p: ConfirmParams & { note: string },
): Promise<ConfirmHandoffResult> {
  return recordConfirmation(db, { ...p, state: 'disputed' });
}

async function recordConfirmation(
  db: Db,
  p: ConfirmParams & { state: 'confirmed' | 'disputed' },
): Promise<ConfirmHandoffResult> {
  return db.transaction(async (tx): Promise<ConfirmHandoffResult> => {
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

    const before = confirmationOf(process, handoff) ?? null;
    const confirmation: HandoffConfirmation = {
      key: handoff.key,
      state: p.state,
      byPersonId: cleanText(p.byPersonId),
      at: (p.at ?? new Date()).toISOString(),
      note: p.note ? cleanText(p.note).slice(0, 1000) || null : null,
      fromUnitId: handoff.fromUnitId,
      toUnitId: handoff.toUnitId,
      counterpartProcessId: null,
      counterpartName: null,
      settlement: null,
      settledByPersonId: null,
      settledAt: null,
    };
    const {
      key: _k,
      counterpartProcessId: _p,
      counterpartName: _n,
      settlement: _s,
      settledByPersonId: _b,
      settledAt: _a,
      ...values
    } = confirmation;
    await tx
      .insert(handoffConfirmations)
      .values({
        processId: p.processId,
        key: handoff.key,
        // New keys go last, in the order they were first confirmed.
        ordinal: sql`(select coalesce(max(${handoffConfirmations.ordinal}) + 1, 0)
                        from ${handoffConfirmations}
                       where ${handoffConfirmations.processId} = ${p.processId})`,
        ...values,
      })
      .onConflictDoUpdate({
        target: [handoffConfirmations.processId, handoffConfirmations.key],
        set: values,
      });
    await writeAudit(tx, {
      actor: { personId: p.byPersonId },
      organisationId: p.organisationId,
      entityType: 'handoff-confirmation',
      entityId: p.processId,
      action: p.state === 'confirmed' ? 'confirm' : 'dispute',
      before,
      after: confirmation,
    });
    return { outcome: 'recorded', confirmation, handoff: { ...handoff, state: p.state } };
  });
}
