// Organisations with their unit tree and people.
import { and, asc, eq, inArray, max, ne, notInArray, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import {
  ChannelAccount,
  type Language,
  Organisation,
  Person,
  Unit,
} from '../../core/model/organisation.js';
import { cleanJson } from '../clean-text.js';
import { inSnapshot } from '../snapshot.js';
import type { Db } from '../client.js';
import {
  FOREIGN_KEY_VIOLATION,
  IdConflictError,
  pgConstraint,
  pgErrorCode,
  StillReferencedError,
} from '../errors.js';
import { channelAccounts, organisations, people, units } from '../schema.js';
import { type Actor, writeAudit } from './audit.js';

export type OrganisationSummary = { id: string; name: string; codePrefix: string | null };
export type PersonMatch = {
  organisationId: string;
  person: Person;
  /**
   * The organisation's revisions, read in the same statement as the person (findPersonByChannel):
   * the organisation cache then needs no statement of its own to check them.
   */
  revisions?: OrganisationRevisions;
  /**
   * Found by a channel account (findPersonByAccount): whether its person has written from it
   * before (channel_accounts.contacted_at).
   */
  accountContacted?: boolean;
};

/** See organisations.revision and organisations.processes_revision in db/schema.ts. */
export type OrganisationRevisions = { organisation: number; processes: number };

/** The columns of a person, as every query that returns people selects them. */
export const personColumns = {
  id: people.id,
  organisationId: people.organisationId,
  name: people.name,
  position: people.position,
  unitId: people.unitId,
  roles: people.roles,
  nip: people.nip,
  language: people.language,
  /** The person's channel accounts as JSON (null when none), read alike by both drivers. */
  accounts: sql<unknown>`(select json_agg(json_build_object('platform', a.platform, 'id', a.account_id) order by a.platform) from channel_accounts a where a.person_id = ${people.id})`,
};

export type PersonRow = {
  id: string;
  organisationId: string;
  name: string;
  position: string;
  unitId: string;
  roles: string[];
  nip: string | null;
  language: string;
  /** JSON array of { platform, id }, or null (a JSON text on some drivers). */
  accounts: unknown;
};

const AccountList = z.array(ChannelAccount);

function accountsOf(raw: unknown): Person['accounts'] {
  if (raw === null || raw === undefined) return [];
  return AccountList.parse(typeof raw === 'string' ? JSON.parse(raw) : raw);
}

/** Rows of our own tables, written through the model's schema: mapped, not parsed again. */
export function toPerson(r: PersonRow): Person {
  return {
    id: r.id,
    name: r.name,
    position: r.position,
    unitId: r.unitId,
    roles: r.roles as Person['roles'],
    nip: r.nip,
    accounts: accountsOf(r.accounts),
    language: r.language as Person['language'],
  };
}

function duplicates(ids: string[]): string[] {
  const seen = new Set<string>();
  return [...new Set(ids.filter((id) => (seen.has(id) ? true : (seen.add(id), false))))];
}

/**
 * Inserts or replaces an organisation, its units and its people in one transaction: units and
 * people missing from `org` are deleted (StillReferencedError when a process, a confirmation
 * or ... still refers to them). Audit-logged with before and after. Throws IdConflictError
 * when a unit or person id belongs to another organisation. Returns the stored organisation.
 */
export async function saveOrganisation(
  db: Db,
  org: Organisation,
  actor: Actor,
): Promise<Organisation> {
  const o = Organisation.parse(cleanJson(org));
  const dupUnits = duplicates(o.units.map((u) => u.id));
  if (dupUnits.length) throw new Error(`Duplicate unit ids: ${dupUnits.join(', ')}`);
  const dupPeople = duplicates(o.people.map((p) => p.id));
  if (dupPeople.length) throw new Error(`Duplicate person ids: ${dupPeople.join(', ')}`);

  return db.transaction(async (tx) => {
    await assertOwnIds(tx, o);
    const before = await loadOrganisationIn(tx, o.id);

    await tx
      .insert(organisations)
      .values({ id: o.id, name: o.name, codePrefix: o.codePrefix })
      .onConflictDoUpdate({
        target: organisations.id,
        set: { name: o.name, codePrefix: o.codePrefix, updatedAt: new Date() },
      });

    // One statement each: foreign keys are checked at the end of a statement, so a child may
    // come before its parent in the list.
    if (o.units.length) {
      await tx
        .insert(units)
        .values(
          o.units.map((u, i) => ({
            id: u.id,
            organisationId: o.id,
            ordinal: i,
            name: u.name,
            kind: u.kind,
            parentId: u.parentId,
            shortName: u.shortName,
          })),
        )
        .onConflictDoUpdate({
          target: units.id,
          set: {
            ordinal: excluded(units.ordinal.name),
            name: excluded(units.name.name),
            kind: excluded(units.kind.name),
            parentId: excluded(units.parentId.name),
            shortName: excluded(units.shortName.name),
          },
        });
    }

    // People missing from the list go; the others are upserted after their channel ids are
    // cleared, so that a telegram id or WhatsApp number moving from one person to another in the
    // same save does not trip the unique indexes.
    const keepPeople = o.people.map((p) => p.id);
    try {
      await tx
        .delete(people)
        .where(
          and(
            eq(people.organisationId, o.id),
            keepPeople.length ? notInArray(people.id, keepPeople) : undefined,
          ),
        );
    } catch (e) {
      if (pgErrorCode(e) === FOREIGN_KEY_VIOLATION)
        throw new StillReferencedError(o.id, pgConstraint(e));
      throw e;
    }
    if (o.people.length) {
      await tx
        .insert(people)
        .values(
          o.people.map((p, i) => ({
            id: p.id,
            organisationId: o.id,
            ordinal: i,
            name: p.name,
            position: p.position,
            unitId: p.unitId,
            roles: p.roles,
            nip: p.nip,
            language: p.language,
          })),
        )
        .onConflictDoUpdate({
          target: people.id,
          set: {
            ordinal: excluded(people.ordinal.name),
            name: excluded(people.name.name),
            position: excluded(people.position.name),
            unitId: excluded(people.unitId.name),
            roles: excluded(people.roles.name),
            nip: excluded(people.nip.name),
            language: excluded(people.language.name),
          },
        });
      await saveAccounts(tx, o);
    }

    const keepUnits = o.units.map((u) => u.id);
    try {
      await tx
        .delete(units)
        .where(
          and(
            eq(units.organisationId, o.id),
            keepUnits.length ? notInArray(units.id, keepUnits) : undefined,
          ),
        );
    } catch (e) {
      if (pgErrorCode(e) === FOREIGN_KEY_VIOLATION)
        throw new StillReferencedError(o.id, pgConstraint(e));
      throw e;
    }

    const after = await loadOrganisationIn(tx, o.id);
    if (!after) throw new Error(`Organisation ${o.id} vanished while saving`);
    await writeAudit(tx, {
      actor,
      organisationId: o.id,
      entityType: 'organisation',
      entityId: o.id,
      action: before ? 'update' : 'create',
      before,
      after,
    });
    return after;
  });
}

/**
 * Makes the stored accounts of the organisation's people those the model lists: accounts no longer
 * listed are removed first, so that one may move from one person to another in one save. An
 * account of a person of another organisation is refused (IdConflictError), never taken over.
 */
async function saveAccounts(tx: Db, o: Organisation): Promise<void> {
  const listed = o.people.flatMap((p) =>
    p.accounts.map((a) => ({
      platform: a.platform,
      accountId: a.id,
      personId: p.id,
      organisationId: o.id,
    })),
  );
  const keys = listed.map((a) => `${a.platform}:${a.accountId}:${a.personId}`);
  await tx
    .delete(channelAccounts)
    .where(
      and(
        eq(channelAccounts.organisationId, o.id),
        keys.length
          ? notInArray(
              sql`${channelAccounts.platform} || ':' || ${channelAccounts.accountId} || ':' || ${channelAccounts.personId}`,
              keys,
            )
          : undefined,
      ),
    );
  if (!listed.length) return;
  const taken = await tx
    .select({ platform: channelAccounts.platform, accountId: channelAccounts.accountId })
    .from(channelAccounts)
    .where(
      and(
        ne(channelAccounts.organisationId, o.id),
        inArray(
          sql`${channelAccounts.platform} || ':' || ${channelAccounts.accountId}`,
          listed.map((a) => `${a.platform}:${a.accountId}`),
        ),
      ),
    );
  if (taken.length)
    throw new IdConflictError(
      'account',
      taken.map((t) => `${t.platform}:${t.accountId}`),
    );
  await tx.insert(channelAccounts).values(listed).onConflictDoNothing();
}

/** `excluded.<column>` in an ON CONFLICT DO UPDATE: the value the insert proposed. */
function excluded(column: string): SQL {
  return sql.raw(`excluded."${column.replace(/"/g, '""')}"`);
}

async function assertOwnIds(db: Db, o: Organisation): Promise<void> {
  const unitIds = o.units.map((u) => u.id);
  if (unitIds.length) {
    const taken = await db
      .select({ id: units.id })
      .from(units)
      .where(and(inArray(units.id, unitIds), ne(units.organisationId, o.id)));
    if (taken.length)
      throw new IdConflictError(
        'unit',
        taken.map((r) => r.id),
      );
  }
  const personIds = o.people.map((p) => p.id);
  if (personIds.length) {
    const taken = await db
      .select({ id: people.id })
      .from(people)
      .where(and(inArray(people.id, personIds), ne(people.organisationId, o.id)));
    if (taken.length)
      throw new IdConflictError(
        'person',
        taken.map((r) => r.id),
      );
  }
}

/** The organisation as the model has it (units and people in their stored order), or null. */
export function loadOrganisation(db: Db, orgId: string): Promise<Organisation | null> {
  return inSnapshot(db, (tx) => loadOrganisationIn(tx, orgId));
}

/**
 * The organisation, read with the caller's transaction (no savepoint of its own): for reads
 * inside a transaction that already holds what it needs, such as an inbound update's.
 */
export async function readOrganisationInTransaction(
  db: Db,
  orgId: string,
): Promise<Organisation | null> {
  return loadOrganisationIn(db, orgId);
}

async function loadOrganisationIn(db: Db, orgId: string): Promise<Organisation | null> {
  // The three together (pipelined on PostgreSQL): units and people of a missing organisation
  // are simply none.
  const [[org], unitRows, peopleRows] = await Promise.all([
    db
      .select({
        id: organisations.id,
        name: organisations.name,
        codePrefix: organisations.codePrefix,
      })
      .from(organisations)
      .where(eq(organisations.id, orgId)),
    db
      .select({
        id: units.id,
        name: units.name,
        kind: units.kind,
        parentId: units.parentId,
        shortName: units.shortName,
      })
      .from(units)
      .where(eq(units.organisationId, orgId))
      .orderBy(asc(units.ordinal), asc(units.id)),
    db
      .select(personColumns)
      .from(people)
      .where(eq(people.organisationId, orgId))
      .orderBy(asc(people.ordinal), asc(people.id)),
  ]);
  if (!org) return null;
  return {
    id: org.id,
    name: org.name,
    codePrefix: org.codePrefix,
    units: unitRows.map((u) => ({ ...u, kind: u.kind as Unit['kind'] })),
    people: peopleRows.map(toPerson),
  };
}

/**
 * Holds the organisation's row until the transaction ends: writers that must not race within one
 * organisation (two chats giving new processes the next code) queue here.
 */
export async function lockOrganisation(db: Db, orgId: string): Promise<void> {
  await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.id, orgId))
    .for('update');
}

export async function listOrganisations(db: Db): Promise<OrganisationSummary[]> {
  return db
    .select({
      id: organisations.id,
      name: organisations.name,
      codePrefix: organisations.codePrefix,
    })
    .from(organisations)
    .orderBy(asc(organisations.name), asc(organisations.id));
}

/** Creates a new organisation (IdConflictError when the id exists). Audit-logged. */
export async function createOrganisation(
  db: Db,
  p: { organisation: Organisation; actor: Actor },
): Promise<Organisation> {
  return db.transaction(async (tx) => {
    const [exists] = await tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.id, p.organisation.id));
    if (exists) throw new IdConflictError('organisation', [p.organisation.id]);
    return saveOrganisation(tx, p.organisation, p.actor);
  });
}

async function nextOrdinal(db: Db, table: typeof units | typeof people, organisationId: string) {
  const [row] = await db
    .select({ max: max(table.ordinal) })
    .from(table)
    .where(eq(table.organisationId, organisationId));
  return (row?.max ?? -1) + 1;
}

/** Adds one unit at the end of the organisation's list (IdConflictError when the id exists). */
export async function addUnit(
  db: Db,
  p: { organisationId: string; unit: Unit; actor: Actor },
): Promise<Unit> {
  const unit = Unit.parse(cleanJson(p.unit));
  return db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: units.id }).from(units).where(eq(units.id, unit.id));
    if (taken) throw new IdConflictError('unit', [unit.id]);
    await tx.insert(units).values({
      id: unit.id,
      organisationId: p.organisationId,
      ordinal: await nextOrdinal(tx, units, p.organisationId),
      name: unit.name,
      kind: unit.kind,
      parentId: unit.parentId,
      shortName: unit.shortName,
    });
    await writeAudit(tx, {
      actor: p.actor,
      organisationId: p.organisationId,
      entityType: 'unit',
      entityId: unit.id,
      action: 'create',
      after: unit,
    });
    return unit;
  });
}

/** Adds one person at the end of the organisation's list (IdConflictError when the id exists). */
export async function addPerson(
  db: Db,
  p: { organisationId: string; person: Person; actor: Actor },
): Promise<Person> {
  const person = Person.parse(cleanJson(p.person));
  return db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: people.id }).from(people).where(eq(people.id, person.id));
    if (taken) throw new IdConflictError('person', [person.id]);
    await tx.insert(people).values({
      id: person.id,
      organisationId: p.organisationId,
      ordinal: await nextOrdinal(tx, people, p.organisationId),
      name: person.name,
      position: person.position,
      unitId: person.unitId,
      roles: person.roles,
      nip: person.nip,
      language: person.language,
    });
    if (person.accounts.length)
      await tx.insert(channelAccounts).values(
        person.accounts.map((a) => ({
          platform: a.platform,
          accountId: a.id,
          personId: person.id,
          organisationId: p.organisationId,
        })),
      );
    await writeAudit(tx, {
      actor: p.actor,
      organisationId: p.organisationId,
      entityType: 'person',
      entityId: person.id,
      action: 'create',
      after: person,
    });
    return person;
  });
}

/** Sets a person's chat language. False when there is no such person. */
export async function setPersonLanguage(
  db: Db,
  p: { personId: string; language: Language },
): Promise<boolean> {
  const rows = await db
    .update(people)
    .set({ language: p.language })
    .where(eq(people.id, p.personId))
    .returning({ id: people.id });
  return rows.length > 0;
}
