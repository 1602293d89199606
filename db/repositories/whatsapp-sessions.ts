// WhatsApp sessions: the linked number and the lease that lets one process at a time use a
// session. Two processes on one WhatsApp login make WhatsApp drop both ("connection replaced"),
// so the lease is taken by a conditional update: free, expired, or already ours.
import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { Db } from '../client.js';
import { whatsappAuth, whatsappSessions } from '../schema.js';

export type WhatsAppSessionRow = {
  session: string;
  ownNumber: string | null;
  linkedAt: Date | null;
  lastConnectedAt: Date | null;
  leaseHolder: string | null;
  leaseUntil: Date | null;
};

const columns = {
  session: whatsappSessions.session,
  ownNumber: whatsappSessions.ownNumber,
  linkedAt: whatsappSessions.linkedAt,
  lastConnectedAt: whatsappSessions.lastConnectedAt,
  leaseHolder: whatsappSessions.leaseHolder,
  leaseUntil: whatsappSessions.leaseUntil,
};

export async function getWhatsAppSession(
  db: Db,
  session: string,
): Promise<WhatsAppSessionRow | null> {
  const [row] = await db
    .select(columns)
    .from(whatsappSessions)
    .where(eq(whatsappSessions.session, session));
  return row ?? null;
}

export type LeaseResult =
  | { outcome: 'taken'; until: Date }
  /** Another process holds an unexpired lease. */
  | { outcome: 'held'; holder: string; until: Date };

/**
 * Takes or renews the session's lease for `holder` until `now + ttlMs`: granted when the lease is
 * free, expired, or already the holder's. One conditional update, so two processes racing for it
 * cannot both win.
 */
export async function takeWhatsAppLease(
  db: Db,
  p: { session: string; holder: string; ttlMs: number; now?: Date },
): Promise<LeaseResult> {
  const now = p.now ?? new Date();
  const until = new Date(now.getTime() + p.ttlMs);
  await db.insert(whatsappSessions).values({ session: p.session }).onConflictDoNothing();
  const taken = await db
    .update(whatsappSessions)
    .set({ leaseHolder: p.holder, leaseUntil: until })
    .where(
      and(
        eq(whatsappSessions.session, p.session),
        or(
          isNull(whatsappSessions.leaseHolder),
          isNull(whatsappSessions.leaseUntil),
          eq(whatsappSessions.leaseHolder, p.holder),
          lt(whatsappSessions.leaseUntil, now),
        ),
      ),
    )
    .returning({ until: whatsappSessions.leaseUntil });
  if (taken.length > 0) return { outcome: 'taken', until };
  const row = await getWhatsAppSession(db, p.session);
  return {
    outcome: 'held',
    holder: row?.leaseHolder ?? '?',
    until: row?.leaseUntil ?? now,
  };
}

/** Gives the lease up, if `holder` still has it. */
export async function releaseWhatsAppLease(
  db: Db,
  p: { session: string; holder: string },
): Promise<void> {
  await db
    .update(whatsappSessions)
    .set({ leaseHolder: null, leaseUntil: null })
    .where(
      and(eq(whatsappSessions.session, p.session), eq(whatsappSessions.leaseHolder, p.holder)),
    );
}

/** Records a connection: the linked number, when it was first linked, when last connected. */
export async function markWhatsAppConnected(
  db: Db,
  p: { session: string; ownNumber: string | null; now?: Date },
): Promise<void> {
  const now = p.now ?? new Date();
  await db.insert(whatsappSessions).values({ session: p.session }).onConflictDoNothing();
  const [row] = await db
    .select({ linkedAt: whatsappSessions.linkedAt, ownNumber: whatsappSessions.ownNumber })
    .from(whatsappSessions)
    .where(eq(whatsappSessions.session, p.session));
  await db
    .update(whatsappSessions)
    .set({
      ownNumber: p.ownNumber ?? row?.ownNumber ?? null,
      linkedAt: row?.linkedAt ?? now,
      lastConnectedAt: now,
    })
    .where(eq(whatsappSessions.session, p.session));
}

/**
 * Forgets a session's login: every key and the credentials, and the linked number. The lease
 * stays with its holder. One transaction: a half-deleted login is never left behind.
 */
export async function clearWhatsAppAuth(db: Db, session: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(whatsappAuth).where(eq(whatsappAuth.session, session));
    await tx
      .update(whatsappSessions)
      .set({ ownNumber: null, linkedAt: null })
      .where(eq(whatsappSessions.session, session));
  });
}

/** The session's linked number (for the wa.me form of invitations), or null when not linked. */
export async function linkedWhatsAppNumber(db: Db, session: string): Promise<string | null> {
  const row = await getWhatsAppSession(db, session);
  return row?.linkedAt ? row.ownNumber : null;
}
