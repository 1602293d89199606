// Loads what the interview engine reads: the organisation, the person, the processes.
import type { Context } from '../../core/interview/index.js';
import type { Person } from '../../core/model/index.js';
import {
  type Db,
  type OrganisationCache,
  type OrganisationRevisions,
  type PersonMatch,
  type AccountKey,
  findPersonByAccount,
  listOrganisations,
  listProcessSummaries,
  readOrganisationInTransaction,
} from '../../db/index.js';

/**
 * Who is writing, as far as the channel knows. Each kind has its access policy (access.ts); a new
 * kind does not compile until it has one.
 */
export type Identity =
  /** A Telegram user id. */
  | { kind: 'telegram'; accountId: string }
  /** A WhatsApp number in international form without '+', or a LID. */
  | { kind: 'whatsapp'; accountId: string }
  /** The terminal: a person named on the command line, or whoever identifies in the chat. */
  | { kind: 'local'; personId: string | null; organisationId: string | null };

/** The messaging account of a remote identity; null for the terminal. */
export function accountOf(identity: Identity): AccountKey | null {
  switch (identity.kind) {
    case 'telegram':
    case 'whatsapp':
      return { platform: identity.kind, accountId: identity.accountId };
    case 'local':
      return null;
  }
}

/** What the stored interview state already says about who is talking. */
export type StateIdentity = { personId: string | null; organisationId: string | null };

export type LoadContextOptions = {
  /** The channel account's person when the caller looked it up already (the access check). */
  bound?: PersonMatch | null;
  /** The process's organisation cache; without it the organisation is read in full. */
  organisations?: OrganisationCache;
};

/**
 * Loads the context inside the update's transaction. With the process's cache, the organisation
 * and its process list are read again only when they changed.
 */
export async function loadContext(
  tx: Db,
  identity: Identity,
  fromState: StateIdentity,
  opts: LoadContextOptions = {},
): Promise<Context> {
  let orgId: string | null = null;
  let personId: string | null = null;
  let channelPerson: Person | null = null;
  let known: OrganisationRevisions | undefined;
  const account = accountOf(identity);
  if (account) {
    const match = opts.bound !== undefined ? opts.bound : await findPersonByAccount(tx, account);
    if (match) {
      orgId = match.organisationId;
      personId = match.person.id;
      channelPerson = match.person;
      // Read with the person, in this transaction: the cache needs no statement to check them.
      known = match.revisions;
    }
  } else if (identity.kind === 'local') {
    orgId = identity.organisationId ?? fromState.organisationId ?? (await onlyOrganisation(tx));
    personId = identity.personId ?? fromState.personId;
  }
  if (!orgId) return { organisation: null, person: null, processes: [] };

  const found = opts.organisations
    ? await opts.organisations.readWithProcesses(tx, orgId, known)
    : await readInFull(tx, orgId);
  if (!found) return { organisation: null, person: null, processes: [] };
  const { organisation, processes } = found;
  const person = organisation.people.find((p) => p.id === personId) ?? channelPerson;
  return { organisation, person, processes };
}

/** The organisation and its process list read in full (pipelined on PostgreSQL). */
async function readInFull(tx: Db, orgId: string) {
  const [organisation, processes] = await Promise.all([
    readOrganisationInTransaction(tx, orgId),
    listProcessSummaries(tx, { organisationId: orgId }),
  ]);
  return organisation ? { organisation, processes } : null;
}

/** With exactly one organisation stored, the terminal uses it without being told. */
async function onlyOrganisation(tx: Db): Promise<string | null> {
  const all = await listOrganisations(tx);
  return all.length === 1 ? all[0]!.id : null;
}
