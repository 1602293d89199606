// Invitations: a one-time token (a Telegram start payload) that binds a chat account to a person.
import { randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, ne } from 'drizzle-orm';
import type { Person } from '../../core/model/organisation.js';
import { cleanText } from '../clean-text.js';
import type { Db } from '../client.js';
import { pgErrorCode, UNIQUE_VIOLATION } from '../errors.js';
import { invitations, people } from '../schema.js';
import { type Actor, actorColumns, writeAudit } from './audit.js';
import { personColumns, toPerson } from './organisations.js';

export type RedeemResult =
  | { outcome: 'ok'; person: Person; organisationId: string }
  | { outcome: 'expired' }
  | { outcome: 'used' }
  | { outcome: 'revoked' }
  | { outcome: 'unknown' }
  /** The Telegram account already belongs to another person; the invitation stays unused. */
  | { outcome: 'telegram-in-use'; personId: string };

class AccountTaken extends Error {
  constructor(readonly personId: string) {
    super('telegram account already bound');
  }
}

/** 32 characters of [A-Za-z0-9_-]: fits Telegram's 64-character start payload. */
export function newInvitationToken(): string {
  return randomBytes(24).toString('base64url');
}

function actorLabel(actor: Actor): string {
  const c = actorColumns(actor);
  return c.actorPersonId ?? `system:${c.actorSystem}`;
}

/** Creates an invitation for a person of the organisation; returns its token. Audit-logged. */
export async function createInvitation(
  db: Db,
  p: {
    organisationId: string;
    personId: string;
    createdBy: Actor;
    expiresAt: Date;
    now?: Date;
    token?: string;
  },
): Promise<{ token: string; expiresAt: Date }> {
  const token = p.token ?? newInvitationToken();
  return db.transaction(async (tx) => {
    const [person] = await tx
      .select({ id: people.id })
      .from(people)
      .where(and(eq(people.id, p.personId), eq(people.organisationId, p.organisationId)));
    if (!person) throw new Error(`Person ${p.personId} is not in organisation ${p.organisationId}`);
    await tx.insert(invitations).values({
      token,
      organisationId: p.organisationId,
      personId: p.personId,
      createdBy: actorLabel(p.createdBy),
      expiresAt: p.expiresAt,
      ...(p.now ? { createdAt: p.now } : {}),
    });
    await writeAudit(tx, {
      actor: p.createdBy,
      organisationId: p.organisationId,
      entityType: 'invitation',
      // Never the token itself: the log must not hand out valid invitations.
      entityId: p.personId,
      action: 'invite',
      after: { personId: p.personId, expiresAt: p.expiresAt.toISOString() },
    });
    return { token, expiresAt: p.expiresAt };
  });
}

/**
 * Redeems a token once: binds the Telegram account to the invited person. Race-safe: the
 * invitation is consumed by one conditional UPDATE, so of two redeems at the same moment exactly
 * one gets 'ok' and the other 'used'.
 */
export async function redeemInvitation(
  db: Db,
  p: { token: string; telegramId: string; now: Date },
): Promise<RedeemResult> {
  const token = cleanText(p.token);
  const telegramId = cleanText(p.telegramId);
  try {
    return await db.transaction(async (tx): Promise<RedeemResult> => {
      const [consumed] = await tx
        .update(invitations)
        .set({ usedAt: p.now, usedByPlatformId: `telegram:${telegramId}` })
        .where(
          and(
            eq(invitations.token, token),
            isNull(invitations.usedAt),
            isNull(invitations.revokedAt),
            gt(invitations.expiresAt, p.now),
          ),
        )
        .returning({ personId: invitations.personId, organisationId: invitations.organisationId });
      if (!consumed) return classify(tx, token, p.now);

      const [holder] = await tx
        .select({ id: people.id })
        .from(people)
        .where(and(eq(people.telegramId, telegramId), ne(people.id, consumed.personId)));
      if (holder) throw new AccountTaken(holder.id); // rolls back: the invitation stays unused
      const [row] = await tx
        .update(people)
        .set({ telegramId })
        .where(eq(people.id, consumed.personId))
        .returning(personColumns);
      if (!row) return { outcome: 'unknown' };
      await writeAudit(tx, {
        actor: { personId: consumed.personId },
        organisationId: consumed.organisationId,
        entityType: 'person',
        entityId: consumed.personId,
        action: 'redeem-invitation',
        after: { telegramId },
      });
      return { outcome: 'ok', person: toPerson(row), organisationId: consumed.organisationId };
    });
  } catch (e) {
    // Rolled back because the account is taken (checked, or lost a race on the unique index).
    if (e instanceof AccountTaken) return { outcome: 'telegram-in-use', personId: e.personId };
    if (pgErrorCode(e) !== UNIQUE_VIOLATION) throw e;
    const [holder] = await db
      .select({ id: people.id })
      .from(people)
      .where(eq(people.telegramId, telegramId));
    if (!holder) throw e;
    return { outcome: 'telegram-in-use', personId: holder.id };
  }
}

async function classify(db: Db, token: string, now: Date): Promise<RedeemResult> {
  const [inv] = await db
    .select({
      usedAt: invitations.usedAt,
      revokedAt: invitations.revokedAt,
      expiresAt: invitations.expiresAt,
    })
    .from(invitations)
    .where(eq(invitations.token, token));
  if (!inv) return { outcome: 'unknown' };
  if (inv.usedAt) return { outcome: 'used' };
  if (inv.revokedAt) return { outcome: 'revoked' };
  if (inv.expiresAt.getTime() <= now.getTime()) return { outcome: 'expired' };
  return { outcome: 'used' }; // consumed between the update and this read
}

/** Revokes an unused invitation. Audit-logged. */
export async function revokeInvitation(
  db: Db,
  p: { token: string; actor: Actor; now: Date },
): Promise<'revoked' | 'used' | 'already-revoked' | 'unknown'> {
  const token = cleanText(p.token);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(invitations)
      .set({ revokedAt: p.now })
      .where(
        and(
          eq(invitations.token, token),
          isNull(invitations.usedAt),
          isNull(invitations.revokedAt),
        ),
      )
      .returning({ personId: invitations.personId, organisationId: invitations.organisationId });
    if (!row) {
      const [inv] = await tx
        .select({ usedAt: invitations.usedAt, revokedAt: invitations.revokedAt })
        .from(invitations)
        .where(eq(invitations.token, token));
      if (!inv) return 'unknown';
      return inv.usedAt ? 'used' : 'already-revoked';
    }
    await writeAudit(tx, {
      actor: p.actor,
      organisationId: row.organisationId,
      entityType: 'invitation',
      entityId: row.personId,
      action: 'revoke',
    });
    return 'revoked';
  });
}
