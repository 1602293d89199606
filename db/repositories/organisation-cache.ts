// The organisation, and the list of its processes, as a bot process keeps them between updates. Every inbound update needs the
// whole organisation (units and people, hundreds of rows); reading it each time costs more than
// the rest of the update. The cache asks the database for the organisation's revision (one row)
// and reads the whole organisation only when the revision moved, so a change made by any process
// (an import, a new person, a Telegram account bound) is seen by the next update of every process.
import type { Organisation } from '../../core/model/organisation.js';
import { sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { rowsOf } from '../raw-rows.js';
import { type OrganisationRevisions, readOrganisationInTransaction } from './organisations.js';
import { type ProcessSummary, listProcessSummaries } from './processes.js';

/**
 * The organisation's revision: a new value after every change of it, its units or its people
 * (migration 0002), never the same value for two contents. Null when there is no such organisation.
 */
export async function organisationRevision(db: Db, orgId: string): Promise<number | null> {
  // Plain SQL: read on every inbound update. A bigint: text on postgres.js, a number on PGlite.
  const [row] = rowsOf<{ revision: string | number }>(
    await db.execute(sql`select revision from organisations where id = ${orgId}`),
  );
  return row ? Number(row.revision) : null;
}

type Entry = {
  revision: number;
  organisation: Organisation;
  /** The organisation's processes, when read, with the revision they were read under. */
  processes?: { revision: number; list: readonly ProcessSummary[] };
};

export class OrganisationCache {
  private readonly entries = new Map<string, Entry>();

  /** @param capacity organisations kept; the least recently used goes first. */
  constructor(private readonly capacity = 64) {}

  /**
   * The organisation as of `tx`, or null. Read in the caller's transaction: a change the
   * transaction made itself is seen too (its revision came from the sequence, so it can never be
   * confused with another content, even if the transaction rolls back). The result is frozen:
   * it is shared with later updates.
   */
  async read(tx: Db, orgId: string): Promise<Organisation | null> {
    return (await this.readWithProcesses(tx, orgId))?.organisation ?? null;
  }

  /**
   * The organisation and the summaries of its processes as of `tx`, or null. One statement
   * reads both revisions; each part is read again only when its revision moved (a process saved
   * leaves the organisation's units and people cached). Frozen, as `read`'s result. `known`:
   * the revisions as the caller read them in `tx` (with the person, see findPersonByChannel).
   */
  async readWithProcesses(
    tx: Db,
    orgId: string,
    known?: OrganisationRevisions,
  ): Promise<{ organisation: Organisation; processes: readonly ProcessSummary[] } | null> {
    const revisions = known ?? (await readRevisions(tx, orgId));
    if (!revisions) {
      this.entries.delete(orgId);
      return null;
    }
    const { organisation: revision, processes: processesRevision } = revisions;
    const hit = this.entries.get(orgId);
    // Each part read after its revision: newer than the revision it is kept under, never older.
    const [organisation, processes] = await Promise.all([
      hit?.revision === revision ? hit.organisation : readOrganisationInTransaction(tx, orgId),
      hit?.processes?.revision === processesRevision
        ? hit.processes.list
        : listProcessSummaries(tx, { organisationId: orgId }),
    ]);
    if (!organisation) return null;
    deepFreeze(organisation);
    deepFreeze(processes);
    this.keep(orgId, {
      revision,
      organisation,
      processes: { revision: processesRevision, list: processes },
    });
    return { organisation, processes };
  }

  /** Stores an entry as the most recently used; the least recently used goes past capacity. */
  private keep(orgId: string, entry: Entry): void {
    this.entries.delete(orgId);
    this.entries.set(orgId, entry);
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }
}

async function readRevisions(tx: Db, orgId: string): Promise<OrganisationRevisions | null> {
  const [row] = rowsOf<{ revision: string | number; processes_revision: string | number }>(
    await tx.execute(
      sql`select revision, processes_revision from organisations where id = ${orgId}`,
    ),
  );
  return row
    ? { organisation: Number(row.revision), processes: Number(row.processes_revision) }
    : null;
}

function deepFreeze(v: unknown): void {
  if (v === null || typeof v !== 'object' || Object.isFrozen(v)) return;
  Object.freeze(v);
  for (const x of Object.values(v)) deepFreeze(x);
}
