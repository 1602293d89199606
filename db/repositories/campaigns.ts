// Campaigns: the mapping rounds a coordinator opens for a set of units, with a deadline.
import { and, desc, eq, isNotNull, isNull, type SQL } from 'drizzle-orm';
import { Campaign } from '../../core/coordination/types.js';
import { cleanText } from '../clean-text.js';
import type { Db } from '../client.js';
import { campaigns } from '../schema.js';
import { type Actor, writeAudit } from './audit.js';

export type CreateCampaignResult =
  | { outcome: 'created'; campaign: Campaign }
  /** A campaign with this id exists already (in any organisation). */
  | { outcome: 'id-taken'; id: string };

export type CloseCampaignResult =
  | { outcome: 'closed'; campaign: Campaign }
  | { outcome: 'not-found' }
  | { outcome: 'already-closed'; campaign: Campaign };

export const campaignColumns = {
  id: campaigns.id,
  organisationId: campaigns.organisationId,
  name: campaigns.name,
  unitIds: campaigns.unitIds,
  deadline: campaigns.deadline,
  remindAfterDays: campaigns.remindAfterDays,
  createdByPersonId: campaigns.createdByPersonId,
  createdAt: campaigns.createdAt,
  closedAt: campaigns.closedAt,
};

/** A stored row as the model's Campaign, validated: stored data is outside data too. */
export function toCampaign(r: {
  id: string;
  organisationId: string;
  name: string;
  unitIds: unknown;
  deadline: string;
  remindAfterDays: number;
  createdByPersonId: string | null;
  createdAt: Date | string;
  closedAt: Date | string | null;
}): Campaign {
  return Campaign.parse({
    ...r,
    createdAt: new Date(r.createdAt).toISOString(),
    closedAt: r.closedAt === null ? null : new Date(r.closedAt).toISOString(),
  });
}

/** Stores a new campaign (audited). Its name is cleaned; the rest must already be valid. */
export async function createCampaign(
  db: Db,
  campaign: Campaign,
  actor: Actor,
): Promise<CreateCampaignResult> {
  const c = Campaign.parse({ ...campaign, name: cleanText(campaign.name).trim() });
  return db.transaction(async (tx): Promise<CreateCampaignResult> => {
    const [row] = await tx
      .insert(campaigns)
      .values({
        id: c.id,
        organisationId: c.organisationId,
        name: c.name,
        unitIds: c.unitIds,
        deadline: c.deadline,
        remindAfterDays: c.remindAfterDays,
        createdByPersonId: c.createdByPersonId,
        createdAt: new Date(c.createdAt),
        closedAt: c.closedAt === null ? null : new Date(c.closedAt),
      })
      .onConflictDoNothing({ target: campaigns.id })
      .returning(campaignColumns);
    if (!row) return { outcome: 'id-taken', id: c.id };
    const created = toCampaign(row);
    await writeAudit(tx, {
      actor,
      organisationId: c.organisationId,
      entityType: 'campaign',
      entityId: c.id,
      action: 'create',
      before: null,
      after: created,
    });
    return { outcome: 'created', campaign: created };
  });
}

/** The organisations that have an open campaign (the reminder job's round). */
export async function listOpenCampaignOrganisations(db: Db): Promise<string[]> {
  const rows = await db
    .selectDistinct({ id: campaigns.organisationId })
    .from(campaigns)
    .where(isNull(campaigns.closedAt))
    .orderBy(campaigns.organisationId);
  return rows.map((r) => r.id);
}

/** An organisation's campaigns, newest first; `open` true keeps the open, false the closed. */
export async function listCampaigns(
  db: Db,
  p: { organisationId: string; open?: boolean },
): Promise<Campaign[]> {
  const where: SQL[] = [eq(campaigns.organisationId, p.organisationId)];
  if (p.open !== undefined)
    where.push(p.open ? isNull(campaigns.closedAt) : isNotNull(campaigns.closedAt));
  const rows = await db
    .select(campaignColumns)
    .from(campaigns)
    .where(and(...where))
    .orderBy(desc(campaigns.createdAt), desc(campaigns.id));
  return rows.map(toCampaign);
}

/**
 * Closes a campaign (audited); closing is its only change. With organisationId, only a campaign
 * of that organisation (another's is 'not-found').
 */
export async function closeCampaign(
  db: Db,
  p: { id: string; organisationId?: string; at?: Date; actor: Actor },
): Promise<CloseCampaignResult> {
  return db.transaction(async (tx): Promise<CloseCampaignResult> => {
    const [locked] = await tx
      .select(campaignColumns)
      .from(campaigns)
      .where(
        p.organisationId === undefined
          ? eq(campaigns.id, p.id)
          : and(eq(campaigns.id, p.id), eq(campaigns.organisationId, p.organisationId)),
      )
      .for('update');
    if (!locked) return { outcome: 'not-found' };
    const before = toCampaign(locked);
    if (before.closedAt !== null) return { outcome: 'already-closed', campaign: before };
    const [row] = await tx
      .update(campaigns)
      .set({ closedAt: p.at ?? new Date() })
      .where(eq(campaigns.id, p.id))
      .returning(campaignColumns);
    const after = toCampaign(row!);
    await writeAudit(tx, {
      actor: p.actor,
      organisationId: after.organisationId,
      entityType: 'campaign',
      entityId: after.id,
      action: 'close',
      before,
      after,
    });
    return { outcome: 'closed', campaign: after };
  });
}
