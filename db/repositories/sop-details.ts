// The SOP identity block of each process (core/sop/details.ts), one row per process, stored apart
// from the flow: a change here never moves the process's version, and a clerk's flow save never
// rewrites it. Each change is one field or a few, merged into the row under its lock, so two
// people answering different questions at once both keep their answer.
import { and, eq } from 'drizzle-orm';
import { SopDetails } from '../../core/sop/details.js';
import { type SopChange, applySopChange } from '../../core/sop/fields.js';
import { cleanJson } from '../clean-text.js';
import type { Db } from '../client.js';
import { processes, sopDetails } from '../schema.js';
import { type Actor, writeAudit } from './audit.js';

/** A stored row that no longer parses as SOP details: damaged outside Probis. */
export class SopDetailsInvalidError extends Error {
  constructor(readonly processId: string) {
    super(`stored SOP details of process ${processId} are not valid`);
    this.name = 'SopDetailsInvalidError';
  }
}

function parseStored(processId: string, raw: unknown): SopDetails {
  const parsed = SopDetails.safeParse({ ...(raw as object), processId });
  if (!parsed.success) throw new SopDetailsInvalidError(processId);
  return parsed.data;
}

/** The details of a process, or null when nobody has given them yet. */
export async function loadSopDetails(db: Db, p: { processId: string }): Promise<SopDetails | null> {
  const [row] = await db
    .select({ details: sopDetails.details })
    .from(sopDetails)
    .where(eq(sopDetails.processId, p.processId));
  return row ? parseStored(p.processId, row.details) : null;
}

/**
 * What the SOP follow-up reads of a process: its details (null when never given) and its own
 * legal basis; null when there is no such process.
 */
export async function loadSopContext(
  db: Db,
  p: { processId: string },
): Promise<{ processId: string; details: SopDetails | null; legalBasis: string[] } | null> {
  const [row] = await db
    .select({ legalBasis: processes.legalBasis, details: sopDetails.details })
    .from(processes)
    .leftJoin(sopDetails, eq(sopDetails.processId, processes.id))
    .where(eq(processes.id, p.processId));
  if (!row) return null;
  return {
    processId: p.processId,
    details: row.details === null ? null : parseStored(p.processId, row.details),
    legalBasis: row.legalBasis,
  };
}

/** Every stored details of an organisation, by process id (for an export of all processes). */
export async function listSopDetails(
  db: Db,
  p: { organisationId: string },
): Promise<Map<string, SopDetails>> {
  const rows = await db
    .select({ processId: sopDetails.processId, details: sopDetails.details })
    .from(sopDetails)
    .where(eq(sopDetails.organisationId, p.organisationId));
  return new Map(rows.map((r) => [r.processId, parseStored(r.processId, r.details)]));
}

export type ChangeSopDetailsResult =
  | { outcome: 'saved'; details: SopDetails }
  /** No such process in that organisation. */
  | { outcome: 'not-found' };

/**
 * Applies a change to the stored details (empty ones when there are none yet) and writes an
 * audit entry with the details before and after, in one transaction. `today` (YYYY-MM-DD) is the
 * Tanggal pembuatan when none was given.
 */
export async function changeSopDetails(
  db: Db,
  p: {
    organisationId: string;
    processId: string;
    change: SopChange;
    actor: Actor;
    today: string;
  },
): Promise<ChangeSopDetailsResult> {
  return db.transaction(async (tx): Promise<ChangeSopDetailsResult> => {
    const [process] = await tx
      .select({ id: processes.id })
      .from(processes)
      .where(and(eq(processes.id, p.processId), eq(processes.organisationId, p.organisationId)));
    if (!process) return { outcome: 'not-found' };
    const empty = SopDetails.parse({ processId: p.processId });
    // The row exists before it is locked: two first answers at once both land in it.
    await tx
      .insert(sopDetails)
      .values({ processId: p.processId, organisationId: p.organisationId, details: empty })
      .onConflictDoNothing({ target: sopDetails.processId });
    const [row] = await tx
      .select({ details: sopDetails.details })
      .from(sopDetails)
      .where(eq(sopDetails.processId, p.processId))
      .for('update');
    const before = parseStored(p.processId, row!.details);
    const after = applySopChange(before, p.change, p.today);
    await tx
      .update(sopDetails)
      .set({
        details: cleanJson(after),
        updatedAt: new Date(),
        updatedByPersonId: 'personId' in p.actor ? p.actor.personId : null,
      })
      .where(eq(sopDetails.processId, p.processId));
    await writeAudit(tx, {
      actor: p.actor,
      organisationId: p.organisationId,
      entityType: 'sop-details',
      entityId: p.processId,
      action: 'change',
      before,
      after,
    });
    return { outcome: 'saved', details: after };
  });
}
