// Who hears of a coordination action: the clerks of a process, the people of a unit, the
// coordinators. Pure lookups over the desk and the organisation.
import type { Desk } from '../../coordination/types.js';
import type { Organisation, Person } from '../../model/organisation.js';
import { unitAncestry } from '../../model/organisation.js';

const isCoordinator = (p: Person) => p.roles.includes('coordinator') || p.roles.includes('admin');

/** Coordinators and administrators of the organisation, except `but`. */
export function coordinators(org: Organisation, but: string | null = null): Person[] {
  return org.people.filter((p) => isCoordinator(p) && p.id !== but);
}

/** People of a unit or of the units below it, except `but`. */
export function peopleOf(org: Organisation, unitId: string, but: string | null = null): Person[] {
  return org.people.filter(
    (p) => p.id !== but && unitAncestry(org, p.unitId).some((u) => u.id === unitId),
  );
}

/** Heads of the unit (or of a unit above it) that owns a process. */
export function headsOf(org: Organisation, unitId: string, but: string | null = null): Person[] {
  const above = new Set(unitAncestry(org, unitId).map((u) => u.id));
  return org.people.filter(
    (p) => p.id !== but && p.roles.includes('unit_head') && above.has(p.unitId),
  );
}

/**
 * The clerks of a process: whoever submitted it last; before any submission, the respondents of
 * the owning unit. They hear of reviews, answers to its handoffs and settlements.
 */
export function clerksOf(desk: Desk, processId: string, but: string | null = null): Person[] {
  const org = desk.organisation;
  const submitted = desk.reviews.filter(
    (r) => r.processId === processId && r.kind === 'submitted' && r.byPersonId,
  );
  const last = submitted.at(-1)?.byPersonId;
  const person = last ? org.people.find((p) => p.id === last) : undefined;
  if (person) return person.id === but ? [] : [person];
  const owner = desk.processes.find((p) => p.id === processId)?.ownerUnitId;
  if (!owner) return [];
  return org.people.filter(
    (p) => p.id !== but && p.unitId === owner && p.roles.includes('respondent'),
  );
}

/** "Budi (Kepala Bagian Umum)". */
export function who(p: Person | null | undefined): string {
  return p ? `${p.name} (${p.position})` : '?';
}
