// What the organisation's documents (the process inventory, the decree's annex and its evidence)
// are made from, read in one snapshot: the organisation, its processes, their review events and
// who saved each process's flow. The audit log is read grouped (per process, person and whether
// the save changed the flow: the first and the last save), never whole: its rows carry the model
// before and after every save, far too much to hold for a thousand processes.
import { sql } from 'drizzle-orm';
import type { DeskReview } from '../../core/coordination/types.js';
import type { AuditLike } from '../../core/documents/evidence.js';
import type { Organisation, Process } from '../../core/model/index.js';
import type { Db } from '../client.js';
import { rowsOf } from '../raw-rows.js';
import { inSnapshot } from '../snapshot.js';
import { deskReviews } from './desk.js';
import { readOrganisationInTransaction } from './organisations.js';
import { readProcessesInTransaction } from './processes.js';

export type DocumentSources = {
  organisation: Organisation;
  processes: Process[];
  /** Review events of every process, oldest first. */
  reviews: DeskReview[];
  /** Saves of processes by people: per process, person and kind, the first and the last. */
  audit: AuditLike[];
};

/** The organisation's document sources as stored now, or null when there is no such organisation. */
export async function loadDocumentSources(
  db: Db,
  organisationId: string,
): Promise<DocumentSources | null> {
  return inSnapshot(db, async (tx) => {
    const [organisation, processes, reviews, audit] = await Promise.all([
      readOrganisationInTransaction(tx, organisationId),
      readProcessesInTransaction(tx, { organisationId }),
      deskReviews(tx, organisationId),
      processSaves(tx, organisationId),
    ]);
    if (!organisation) return null;
    return { organisation, processes, reviews, audit };
  });
}

type SaveRow = {
  processId: string;
  personId: string;
  action: string;
  flowChanged: boolean;
  /** Epoch milliseconds: a number on both drivers (timestamps are not, raw). */
  firstMs: number | string;
  lastMs: number | string;
  saves: number | string;
};

/**
 * The process saves people made, grouped: for each process, person, action and whether the save
 * changed the flow, one row for the first save and, when there were more, one for the last
 * standing for the rest (AuditLike.count), so the evidence counts them all.
 */
async function processSaves(db: Db, organisationId: string): Promise<AuditLike[]> {
  const rows = rowsOf<SaveRow>(
    await db.execute(sql`
      select entity_id as "processId",
             actor_person_id as "personId",
             action,
             (coalesce(after -> 'flow', 'null'::jsonb)
                is distinct from coalesce(before -> 'flow', 'null'::jsonb)) as "flowChanged",
             (extract(epoch from min(at)) * 1000)::float8 as "firstMs",
             (extract(epoch from max(at)) * 1000)::float8 as "lastMs",
             count(*)::int as saves
        from audit_log
       where organisation_id = ${organisationId}
         and entity_type = 'process'
         and action in ('create', 'update')
         and actor_person_id is not null
       group by 1, 2, 3, 4
       order by 1, 5`),
  );
  const iso = (ms: number | string) => new Date(Math.round(Number(ms))).toISOString();
  return rows.flatMap((r): AuditLike[] => {
    const row = (at: string, count: number): AuditLike => ({
      at,
      actor: { personId: r.personId },
      entityType: 'process',
      entityId: r.processId,
      action: r.action,
      flowChanged: r.flowChanged === true,
      count,
    });
    const n = Number(r.saves);
    return n > 1 ? [row(iso(r.firstMs), 1), row(iso(r.lastMs), n - 1)] : [row(iso(r.firstMs), 1)];
  });
}
