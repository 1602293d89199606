// Loads what the interview engine reads: the organisation, the person, the processes.
import type { Context } from '../../core/interview/index.js';
import type { Organisation, Person } from '../../core/model/index.js';
import {
  type Db,
  type PersonMatch,
  findPersonByChannel,
  listOrganisations,
  listProcessSummaries,
  readOrganisationInTransaction,
} from '../../db/index.js';

/** Who is writing, as far as the channel knows. */
export type Identity =
  | { kind: 'telegram'; telegramId: string }
  | { kind: 'whatsapp'; number: string }
  /** The terminal: a person named on the command line, or whoever identifies in the chat. */
  | { kind: 'local'; personId: string | null; organisationId: string | null };

/**
 * Loads the context inside the update's transaction. `bound` is the channel account's person when
 * the caller has looked it up already (the access check does), to save a second query.
 */
export async function loadContext(
  tx: Db,
  identity: Identity,
  statePersonId: string | null,
  stateOrgId: string | null,
  bound?: PersonMatch | null,
): Promise<Context> {
  let organisation: Organisation | null = null;
  let person: Person | null = null;

  if (identity.kind === 'telegram' || identity.kind === 'whatsapp') {
    const match =
      bound !== undefined
        ? bound
        : (
            await findPersonByChannel(
              tx,
              identity.kind === 'telegram'
                ? { telegramId: identity.telegramId }
                : { whatsapp: identity.number },
            )
          )[0];
    if (match) {
      organisation = await readOrganisationInTransaction(tx, match.organisationId);
      person = organisation?.people.find((p) => p.id === match.person.id) ?? match.person;
    }
  } else {
    const orgId = identity.organisationId ?? stateOrgId ?? (await onlyOrganisation(tx));
    if (orgId) organisation = await readOrganisationInTransaction(tx, orgId);
    const personId = identity.personId ?? statePersonId;
    person = organisation?.people.find((p) => p.id === personId) ?? null;
  }
  const processes = organisation
    ? await listProcessSummaries(tx, { organisationId: organisation.id })
    : [];
  return { organisation, person, processes };
}

/** With exactly one organisation stored, the terminal uses it without being told. */
async function onlyOrganisation(tx: Db): Promise<string | null> {
  const all = await listOrganisations(tx);
  return all.length === 1 ? all[0]!.id : null;
}
