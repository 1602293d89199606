// Invitations: a one-time token (a Telegram start payload, a code sent on WhatsApp) that links a
// messaging account to a person.
import { randomBytes } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Person } from '../../core/model/organisation.js';
import { cleanText } from '../clean-text.js';
import type { Db } from '../client.js';
import { invitations, people } from '../schema.js';
import { type AccountKey, accountChatKey, linkAccount } from './channel-accounts.js';
import { lockChat } from './chat.js';
import { type Actor, actorColumns, writeAudit } from './audit.js';

export type RedeemResult =
  | { outcome: 'ok'; person: Person; organisationId: string }
  | { outcome: 'expired' }
  | { outcome: 'used' }
  | { outcome: 'revoked' }
  | { outcome: 'unknown' }
  /** The account already belongs to another person; the invitation stays unused. */
  | { outcome: 'account-in-use'; personId: string };

class AccountTaken extends Error {
  constructor(readonly personId: string) {
    super('account already linked');
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
 * Redeems a token once, for one account on one platform: links the account to the invited person
 * (a person may redeem one invitation per platform and use both). Race-safe: the invitation is
 * consumed by one conditional UPDATE, so of two redeems at the same moment exactly one gets 'ok'
 * and the other 'used'. An account that belongs to someone else leaves the invitation unused.
 */
export async function redeemInvitation(
  db: Db,
  p: AccountKey & { token: string; now: Date },
): Promise<RedeemResult> {
  const token = cleanText(p.token);
  const account = { platform: p.platform, accountId: cleanText(p.accountId) };
  try {
    return await db.transaction(async (tx): Promise<RedeemResult> => {
      const [consumed] = await tx
        .update(invitations)
        .set({ usedAt: p.now, usedByPlatformId: accountChatKey(account) })
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
      // The person's conversation lock before their rows: their other chats take it first too,
      // so the two never wait on each other in opposite orders.
      await lockChat(tx, `person:${consumed.personId}`, p.now);
      const linked = await linkAccount(tx, {
        ...account,
        personId: consumed.personId,
        actor: { personId: consumed.personId },
        now: p.now,
        action: 'redeem-invitation',
        contacted: true,
      });
      // Rolls back: the invitation stays unused.
      if (linked.outcome === 'account-in-use') throw new AccountTaken(linked.personId);
      if (linked.outcome !== 'linked') return { outcome: 'unknown' };
      return { outcome: 'ok', person: linked.person, organisationId: consumed.organisationId };
    });
  } catch (e) {
    if (e instanceof AccountTaken) return { outcome: 'account-in-use', personId: e.personId };
    throw e;
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
