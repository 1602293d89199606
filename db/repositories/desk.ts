// The coordinator's desk: everything a coordinator's answer (progress, reminders, the ledger) is
// computed from, read for one organisation in one snapshot. A handful of statements sent together
// (pipelined on PostgreSQL), none per process or per person: a pemda of 60 units and a thousand
// processes is read in one round trip of ~11 statements (bench/coordination.ts measures it).
import { asc, eq, sql } from 'drizzle-orm';
import type { Desk, DeskReview, PersonActivity } from '../../core/coordination/types.js';
import type { ReviewKind } from '../../core/model/review.js';
import type { Db } from '../client.js';
import { rowsOf } from '../raw-rows.js';
import { processReviewEvents } from '../schema.js';
import { inSnapshot } from '../snapshot.js';
import { listCampaigns } from './campaigns.js';
import { readOrganisationInTransaction } from './organisations.js';
import { readProcessesInTransaction } from './processes.js';

/** The organisation's desk as stored now, or null when there is no such organisation. */
export async function loadDesk(db: Db, organisationId: string): Promise<Desk | null> {
  return inSnapshot(db, async (tx) => {
    const [organisation, processes, reviews, campaigns, activity] = await Promise.all([
      readOrganisationInTransaction(tx, organisationId),
      readProcessesInTransaction(tx, { organisationId }),
      deskReviews(tx, organisationId),
      listCampaigns(tx, { organisationId, open: true }),
      personActivity(tx, organisationId),
    ]);
    if (!organisation) return null;
    return { organisation, processes, reviews, campaigns, activity };
  });
}

/** Review events of the organisation's processes, oldest first, without snapshots. */
export async function deskReviews(db: Db, organisationId: string): Promise<DeskReview[]> {
  const rows = await db
    .select({
      processId: processReviewEvents.processId,
      kind: processReviewEvents.kind,
      version: processReviewEvents.version,
      byPersonId: processReviewEvents.byPersonId,
      at: processReviewEvents.at,
      comment: processReviewEvents.comment,
    })
    .from(processReviewEvents)
    .where(eq(processReviewEvents.organisationId, organisationId))
    .orderBy(asc(processReviewEvents.seq));
  return rows.map((r) => ({ ...r, kind: r.kind as ReviewKind, at: r.at.toISOString() }));
}

type ActivityRow = {
  personId: string;
  /** Epoch milliseconds: a number on both drivers (timestamps are not, raw). */
  lastAnswerMs: number | string | null;
  lastRemindedMs: number | string | null;
  joined: boolean;
};

/**
 * Per person of the organisation, in its order: the newest inbox row of any of their chats (the
 * private chats of their channel accounts, "<platform>:<account>", and chats whose interview names
 * them, like the terminal's), the last reminder queued for them (person_events keyed
 * "reminder:..."), and whether one of their accounts is reachable. The inbox is read by one probe
 * of its (chat_key, received_at) index per chat. The inbox is pruned after a few days
 * (pruneChatLog): an answer older than that reads as none.
 */
async function personActivity(db: Db, organisationId: string): Promise<PersonActivity[]> {
  const rows = rowsOf<ActivityRow>(
    await db.execute(sql`
      with persons as (
        select id, ordinal from people where organisation_id = ${organisationId}
      ), chats as (
        select a.person_id, a.platform || ':' || a.account_id as chat_key
          from channel_accounts a where a.organisation_id = ${organisationId}
        union
        select v.person_id, v.chat_key
          from interviews v join persons p on p.id = v.person_id
         where v.chat_key not like 'person:%'
      ), answers as (
        select c.person_id, max(l.at) as at
          from chats c
          cross join lateral (select max(i.received_at) as at
                                from inbox i where i.chat_key = c.chat_key
                                 and i.platform <> 'event') l
         group by c.person_id
      ), reminders as (
        select person_id, max(created_at) as at
          from person_events
         where organisation_id = ${organisationId} and key like 'reminder:%'
         group by person_id
      ), joined as (
        select distinct person_id
          from channel_accounts
         where organisation_id = ${organisationId} and unreachable_since is null
           and (platform <> 'whatsapp' or contacted_at is not null)
      )
      select p.id as "personId",
             (extract(epoch from a.at) * 1000)::float8 as "lastAnswerMs",
             (extract(epoch from r.at) * 1000)::float8 as "lastRemindedMs",
             (j.person_id is not null) as joined
        from persons p
        left join answers a on a.person_id = p.id
        left join reminders r on r.person_id = p.id
        left join joined j on j.person_id = p.id
       order by p.ordinal, p.id`),
  );
  const iso = (ms: number | string | null) =>
    ms === null ? null : new Date(Math.round(Number(ms))).toISOString();
  return rows.map((r) => ({
    personId: r.personId,
    lastAnswerAt: iso(r.lastAnswerMs),
    lastRemindedAt: iso(r.lastRemindedMs),
    joined: r.joined === true,
  }));
}
