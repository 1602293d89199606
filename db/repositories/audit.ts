// The append-only audit log: who changed what, with the model before and after.
import { and, asc, eq, isNull, type SQL } from 'drizzle-orm';
import { cleanJson, cleanText } from '../clean-text.js';
import type { Db } from '../client.js';
import { auditLog } from '../schema.js';

/** Who did it: a person of the organisation, or a named part of the system ('import', 'cli'). */
export type Actor = { personId: string } | { system: string };

export type AuditEntry = {
  id: number;
  at: Date;
  actor: Actor;
  organisationId: string | null;
  entityType: string;
  entityId: string;
  action: string;
  before: unknown;
  after: unknown;
};

export type NewAuditEntry = {
  actor: Actor;
  organisationId: string | null;
  entityType: string;
  entityId: string;
  action: string;
  before?: unknown;
  after?: unknown;
};

export function actorColumns(actor: Actor): {
  actorPersonId: string | null;
  actorSystem: string | null;
} {
  return 'personId' in actor
    ? { actorPersonId: cleanText(actor.personId), actorSystem: null }
    : { actorPersonId: null, actorSystem: cleanText(actor.system) };
}

/** Appends one row; call it inside the transaction that makes the change. */
export async function writeAudit(db: Db, entry: NewAuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    ...actorColumns(entry.actor),
    organisationId: entry.organisationId,
    entityType: entry.entityType,
    entityId: cleanText(entry.entityId),
    action: entry.action,
    before: entry.before === undefined ? null : cleanJson(entry.before),
    after: entry.after === undefined ? null : cleanJson(entry.after),
  });
}

/** An organisation's audit rows, oldest first; optionally of one entity only. */
export async function listAudit(
  db: Db,
  /** organisationId null: the rows of no organisation (refused access by unknown accounts). */
  p: { organisationId: string | null; entityId?: string; entityType?: string; limit?: number },
): Promise<AuditEntry[]> {
  const where: SQL[] = [
    p.organisationId === null
      ? isNull(auditLog.organisationId)
      : eq(auditLog.organisationId, p.organisationId),
  ];
  if (p.entityId !== undefined) where.push(eq(auditLog.entityId, p.entityId));
  if (p.entityType !== undefined) where.push(eq(auditLog.entityType, p.entityType));
  const rows = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actorPersonId: auditLog.actorPersonId,
      actorSystem: auditLog.actorSystem,
      organisationId: auditLog.organisationId,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      action: auditLog.action,
      before: auditLog.before,
      after: auditLog.after,
    })
    .from(auditLog)
    .where(and(...where))
    .orderBy(asc(auditLog.id))
    .limit(p.limit ?? 1000);
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actor:
      r.actorPersonId !== null ? { personId: r.actorPersonId } : { system: r.actorSystem ?? '' },
    organisationId: r.organisationId,
    entityType: r.entityType,
    entityId: r.entityId,
    action: r.action,
    before: r.before,
    after: r.after,
  }));
}
