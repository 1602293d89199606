// Organisations with their unit tree and people.
import { and, asc, eq, inArray, max, ne, notInArray, sql, type SQL } from 'drizzle-orm';
import { type Language, Organisation, Person, Unit } from '../../core/model/organisation.js';
import { cleanJson, cleanText } from '../clean-text.js';
import { rowsOf } from '../raw-rows.js';
import { inSnapshot } from '../snapshot.js';
import type { Db } from '../client.js';
import {
  FOREIGN_KEY_VIOLATION,
  IdConflictError,
  pgConstraint,
  pgErrorCode,
  StillReferencedError,
  UNIQUE_VIOLATION,
} from '../errors.js';
import { organisations, people, units } from '../schema.js';
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
  telegramId: people.telegramId,
  whatsapp: people.whatsapp,
  language: people.language,
};

export type PersonRow = {
  id: string;
  organisationId: string;
  name: string;
  position: string;
  unitId: string;
  roles: string[];
  nip: string | null;
  telegramId: string | null;
  whatsapp: string | null;
  language: string;
};

/** Rows of our own tables, written through the model's schema: mapped, not parsed again. */
export function toPerson(r: PersonRow): Person {
  return {
    id: r.id,
    name: r.name,
    position: r.position,
    unitId: r.unitId,
    roles: r.roles as Person['roles'],
    nip: r.nip,
    telegramId: r.telegramId,
    whatsapp: r.whatsapp,
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
      // Clear channel ids first, then write the rows.
      await tx
        .update(people)
        .set({ telegramId: null, whatsapp: null })
        .where(inArray(people.id, keepPeople));
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
            telegramId: p.telegramId,
            whatsapp: p.whatsapp,
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
            telegramId: excluded(people.telegramId.name),
            whatsapp: excluded(people.whatsapp.name),
            language: excluded(people.language.name),
          },
        });
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
  const [org] = await db
    .select({
      id: organisations.id,
      name: organisations.name,
      codePrefix: organisations.codePrefix,
    })
    .from(organisations)
    .where(eq(organisations.id, orgId));
  if (!org) return null;
  const unitRows = await db
    .select({
      id: units.id,
      name: units.name,
      kind: units.kind,
      parentId: units.parentId,
      shortName: units.shortName,
    })
    .from(units)
    .where(eq(units.organisationId, orgId))
    .orderBy(asc(units.ordinal), asc(units.id));
  const peopleRows = await db
    .select(personColumns)
    .from(people)
    .where(eq(people.organisationId, orgId))
    .orderBy(asc(people.ordinal), asc(people.id));
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

/**
 * The people reachable on a channel. A telegram id belongs to at most one person; a WhatsApp
 * number is unique per organisation only, so it may match one person in several organisations.
 * Given both, a person matching either is returned.
 */
export async function findPersonByChannel(
  db: Db,
  p: { telegramId?: string; whatsapp?: string },
): Promise<PersonMatch[]> {
  const conds: SQL[] = [];
  if (p.telegramId) conds.push(sql`p.telegram_id = ${cleanText(p.telegramId)}`);
  if (p.whatsapp) conds.push(sql`p.whatsapp = ${cleanText(p.whatsapp)}`);
  if (!conds.length) return [];
  // Plain SQL: read on every inbound update, with the organisation's revisions. The roles go as
  // JSON, read alike by both drivers; the revisions are bigints (text on postgres.js).
  const rows = rowsOf<
    PersonRow & { revision: string | number; processesRevision: string | number }
  >(
    await db.execute(sql`
      select p.id, p.organisation_id as "organisationId", p.name, p.position,
             p.unit_id as "unitId", to_json(p.roles) as roles, p.nip,
             p.telegram_id as "telegramId", p.whatsapp, p.language,
             o.revision, o.processes_revision as "processesRevision"
        from people p join organisations o on o.id = p.organisation_id
       where ${sql.join(conds, sql` or `)}
       order by p.organisation_id, p.id`),
  );
  return rows.map((r) => ({
    organisationId: r.organisationId,
    person: toPerson(r),
    revisions: { organisation: Number(r.revision), processes: Number(r.processesRevision) },
  }));
}

export type BindTelegramResult =
  | { outcome: 'bound'; person: Person; organisationId: string }
  | { outcome: 'unknown-person' }
  | { outcome: 'telegram-in-use'; personId: string };

/**
 * Binds a Telegram account to a person (replacing the person's earlier account). Refused when the
 * account already belongs to someone else. Audit-logged.
 */
export async function bindTelegram(
  db: Db,
  p: { personId: string; telegramId: string; actor?: Actor },
): Promise<BindTelegramResult> {
  const telegramId = cleanText(p.telegramId);
  try {
    return await bindTelegramTx(db, p.personId, telegramId, p.actor);
  } catch (e) {
    // Two binds of one account at the same moment: the unique index decides.
    if (pgErrorCode(e) !== UNIQUE_VIOLATION) throw e;
    const [holder] = await db
      .select({ id: people.id })
      .from(people)
      .where(eq(people.telegramId, telegramId));
    if (!holder) throw e;
    return { outcome: 'telegram-in-use', personId: holder.id };
  }
}

function bindTelegramTx(db: Db, personId: string, telegramId: string, actor: Actor | undefined) {
  const p = { personId, actor };
  return db.transaction(async (tx): Promise<BindTelegramResult> => {
    const [holder] = await tx
      .select({ id: people.id })
      .from(people)
      .where(and(eq(people.telegramId, telegramId), ne(people.id, p.personId)));
    if (holder) return { outcome: 'telegram-in-use', personId: holder.id } as const;
    const [before] = await tx
      .select(personColumns)
      .from(people)
      .where(eq(people.id, p.personId))
      .for('update');
    if (!before) return { outcome: 'unknown-person' } as const;
    const [row] = await tx
      .update(people)
      .set({ telegramId })
      .where(eq(people.id, p.personId))
      .returning(personColumns);
    if (!row) return { outcome: 'unknown-person' } as const;
    await writeAudit(tx, {
      actor: p.actor ?? { personId: p.personId },
      organisationId: row.organisationId,
      entityType: 'person',
      entityId: row.id,
      action: 'bind-telegram',
      before: { telegramId: before.telegramId },
      after: { telegramId },
    });
    return { outcome: 'bound', person: toPerson(row), organisationId: row.organisationId } as const;
  });
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
      telegramId: person.telegramId,
      whatsapp: person.whatsapp,
      language: person.language,
    });
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
