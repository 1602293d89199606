// Channel accounts: the messaging accounts people are reached on, (platform, account id) -> person.
import { and, asc, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { AccountPlatform, Person } from '../../core/model/organisation.js';
import { cleanText } from '../clean-text.js';
import type { Db } from '../client.js';
import { pgErrorCode, UNIQUE_VIOLATION } from '../errors.js';
import { rowsOf } from '../raw-rows.js';
import { channelAccounts, inbox, people } from '../schema.js';
import { type Actor, writeAudit } from './audit.js';
import { type PersonMatch, type PersonRow, personColumns, toPerson } from './organisations.js';

export type AccountKey = { platform: AccountPlatform; accountId: string };

/** The conversation key of an account's private chat: "telegram:<id>", "whatsapp:<id>". */
export function accountChatKey(a: AccountKey): string {
  return `${a.platform}:${a.accountId}`;
}

/**
 * The person behind an account, with the organisation's revisions (read in the same statement, so
 * the organisation cache needs none of its own). Null when the account is linked to nobody.
 */
export async function findPersonByAccount(db: Db, a: AccountKey): Promise<PersonMatch | null> {
  // Plain SQL: read on every inbound update. The roles and accounts go as JSON, read alike by
  // both drivers; the revisions are bigints (text on postgres.js).
  const rows = rowsOf<
    PersonRow & {
      revision: string | number;
      processesRevision: string | number;
      contacted: boolean;
    }
  >(
    await db.execute(sql`
      select p.id, p.organisation_id as "organisationId", p.name, p.position,
             p.unit_id as "unitId", to_json(p.roles) as roles, p.nip, p.language,
             (select json_agg(json_build_object('platform', b.platform, 'id', b.account_id)
                              order by b.platform)
                from channel_accounts b where b.person_id = p.id) as accounts,
             o.revision, o.processes_revision as "processesRevision",
             (a.contacted_at is not null) as contacted
        from channel_accounts a
        join people p on p.id = a.person_id
        join organisations o on o.id = p.organisation_id
       where a.platform = ${a.platform} and a.account_id = ${cleanText(a.accountId)}`),
  );
  const r = rows[0];
  if (!r) return null;
  return {
    organisationId: r.organisationId,
    person: toPerson(r),
    revisions: { organisation: Number(r.revision), processes: Number(r.processesRevision) },
    accountContacted: r.contacted === true,
  };
}

/**
 * Records that the person wrote from this account (the first time only; later calls change
 * nothing). From then on the account may be written to unprompted (reminders, notices).
 */
export async function markAccountContacted(db: Db, a: AccountKey & { at: Date }): Promise<void> {
  await db
    .update(channelAccounts)
    .set({ contactedAt: a.at })
    .where(
      and(
        eq(channelAccounts.platform, a.platform),
        eq(channelAccounts.accountId, cleanText(a.accountId)),
        isNull(channelAccounts.contactedAt),
      ),
    );
}

export type LinkAccountResult =
  | { outcome: 'linked'; person: Person; organisationId: string }
  | { outcome: 'unknown-person' }
  /** The account belongs to another person; nothing changed. */
  | { outcome: 'account-in-use'; personId: string };

/**
 * Links an account to a person, replacing the person's earlier account on that platform. Refused
 * when the account belongs to someone else. Audit-logged (the account id, never a message).
 * Runs in the caller's transaction when given one.
 */
export async function linkAccount(
  db: Db,
  p: AccountKey & {
    personId: string;
    actor?: Actor;
    now?: Date;
    /** The audit log's action: 'link-account', or what linked it ('redeem-invitation'). */
    action?: string;
    /** The person links it from the account itself (an invitation redeemed in its chat). */
    contacted?: boolean;
  },
): Promise<LinkAccountResult> {
  const accountId = cleanText(p.accountId);
  try {
    return await db.transaction(async (tx): Promise<LinkAccountResult> => {
      const [holder] = await tx
        .select({ personId: channelAccounts.personId })
        .from(channelAccounts)
        .where(
          and(eq(channelAccounts.platform, p.platform), eq(channelAccounts.accountId, accountId)),
        );
      if (holder && holder.personId !== p.personId)
        return { outcome: 'account-in-use', personId: holder.personId };
      const [person] = await tx
        .select(personColumns)
        .from(people)
        .where(eq(people.id, p.personId))
        .for('update');
      if (!person) return { outcome: 'unknown-person' };
      const before = toPerson(person).accounts.find((a) => a.platform === p.platform) ?? null;
      if (!holder) {
        await tx
          .delete(channelAccounts)
          .where(
            and(eq(channelAccounts.personId, p.personId), eq(channelAccounts.platform, p.platform)),
          );
        await tx.insert(channelAccounts).values({
          platform: p.platform,
          accountId,
          personId: p.personId,
          organisationId: person.organisationId,
          ...(p.now ? { linkedAt: p.now } : {}),
          ...(p.contacted ? { contactedAt: p.now ?? new Date() } : {}),
        });
      } else if (p.contacted)
        await markAccountContacted(tx, { ...p, accountId, at: p.now ?? new Date() });
      await writeAudit(tx, {
        actor: p.actor ?? { personId: p.personId },
        organisationId: person.organisationId,
        entityType: 'person',
        entityId: p.personId,
        action: p.action ?? 'link-account',
        before: before ? { platform: before.platform, accountId: before.id } : null,
        after: { platform: p.platform, accountId },
      });
      const [after] = await tx.select(personColumns).from(people).where(eq(people.id, p.personId));
      return {
        outcome: 'linked',
        person: toPerson(after ?? person),
        organisationId: person.organisationId,
      };
    });
  } catch (e) {
    // Two links of one account at the same moment: the primary key decides.
    if (pgErrorCode(e) !== UNIQUE_VIOLATION) throw e;
    const [holder] = await db
      .select({ personId: channelAccounts.personId })
      .from(channelAccounts)
      .where(
        and(eq(channelAccounts.platform, p.platform), eq(channelAccounts.accountId, accountId)),
      );
    if (!holder) throw e;
    return { outcome: 'account-in-use', personId: holder.personId };
  }
}

/**
 * Records what the platform said about an account: the person blocked the bot (unreachable: no
 * more sends) or came back. Returns false when the account is linked to nobody.
 */
export async function setAccountReachable(
  db: Db,
  p: AccountKey & { reachable: boolean; at: Date },
): Promise<boolean> {
  const rows = await db
    .update(channelAccounts)
    .set({ unreachableSince: p.reachable ? null : p.at })
    .where(
      and(
        eq(channelAccounts.platform, p.platform),
        eq(channelAccounts.accountId, cleanText(p.accountId)),
        // Keep the first moment it became unreachable.
        p.reachable ? undefined : isNull(channelAccounts.unreachableSince),
      ),
    )
    .returning({ personId: channelAccounts.personId });
  if (rows.length) return true;
  const [exists] = await db
    .select({ personId: channelAccounts.personId })
    .from(channelAccounts)
    .where(
      and(
        eq(channelAccounts.platform, p.platform),
        eq(channelAccounts.accountId, cleanText(p.accountId)),
      ),
    );
  return !!exists;
}

export type PersonAccount = AccountKey & {
  unreachableSince: Date | null;
  /** Null until the person writes from it (see channel_accounts.contacted_at). */
  contactedAt: Date | null;
};

/**
 * A person's accounts, the one they wrote from last first (their chats share one conversation,
 * so the inbox says which chat they used: an index probe per account, no write per message),
 * then those never written from, newest link first; unreachable ones last.
 */
export async function accountsOfPerson(db: Db, p: { personId: string }): Promise<PersonAccount[]> {
  const lastWrote = sql`(select max(${inbox.receivedAt}) from ${inbox}
    where ${inbox.chatKey} = ${channelAccounts.platform} || ':' || ${channelAccounts.accountId})`;
  const rows = await db
    .select({
      platform: channelAccounts.platform,
      accountId: channelAccounts.accountId,
      unreachableSince: channelAccounts.unreachableSince,
      contactedAt: channelAccounts.contactedAt,
    })
    .from(channelAccounts)
    .where(eq(channelAccounts.personId, p.personId))
    .orderBy(
      sql`${channelAccounts.unreachableSince} is not null`,
      // An account written from beats one never written from, whenever that one was linked.
      sql`${lastWrote} is null`,
      desc(lastWrote),
      desc(channelAccounts.linkedAt),
      asc(channelAccounts.platform),
    );
  return rows.map((r) => ({
    platform: r.platform as AccountPlatform,
    accountId: r.accountId,
    unreachableSince: r.unreachableSince,
    contactedAt: r.contactedAt,
  }));
}

export type UnreachableAccount = AccountKey & {
  personId: string;
  name: string;
  position: string;
  since: Date;
};

/** The organisation's accounts the platform said are unreachable (blocked the bot), oldest first. */
export async function unreachableAccounts(
  db: Db,
  p: { organisationId: string },
): Promise<UnreachableAccount[]> {
  const rows = await db
    .select({
      platform: channelAccounts.platform,
      accountId: channelAccounts.accountId,
      personId: channelAccounts.personId,
      name: people.name,
      position: people.position,
      since: channelAccounts.unreachableSince,
    })
    .from(channelAccounts)
    .innerJoin(people, eq(people.id, channelAccounts.personId))
    .where(
      and(
        eq(channelAccounts.organisationId, p.organisationId),
        isNotNull(channelAccounts.unreachableSince),
      ),
    )
    .orderBy(asc(channelAccounts.unreachableSince), asc(channelAccounts.personId));
  return rows.map((r) => ({ ...r, platform: r.platform as AccountPlatform, since: r.since! }));
}
