// Carries out the interview's effects inside the update's transaction.
import type { Effect } from '../../core/interview/index.js';
import {
  type Actor,
  type Db,
  addPerson,
  createInvitation,
  addUnit,
  createOrganisation,
  saveProcess,
  setPersonLanguage,
} from '../../db/index.js';

/** Another writer saved the process first: the whole update is rolled back and reported. */
export class ProcessConflictError extends Error {
  constructor(readonly processId: string) {
    super(`process ${processId} was changed by someone else`);
    this.name = 'ProcessConflictError';
  }
}

/**
 * Two chats gave new processes the same code at the same moment; the unique index let one win.
 * The update is applied again: the fresh context then holds the winner's code.
 */
export class CodeTakenError extends Error {
  constructor(readonly code: string) {
    super(`process code ${code} was just taken`);
    this.name = 'CodeTakenError';
  }
}

export async function applyEffectsInDb(tx: Db, effects: Effect[], actor: Actor): Promise<void> {
  for (const e of effects) {
    switch (e.kind) {
      case 'create-organisation':
        await createOrganisation(tx, { organisation: e.organisation, actor });
        break;
      case 'add-unit':
        await addUnit(tx, { organisationId: e.organisationId, unit: e.unit, actor });
        break;
      case 'register-person':
        await addPerson(tx, { organisationId: e.organisationId, person: e.person, actor });
        break;
      case 'set-language':
        await setPersonLanguage(tx, { personId: e.personId, language: e.language });
        break;
      case 'save-process': {
        const r = await saveProcess(tx, {
          organisationId: e.organisationId,
          process: e.process,
          expectedVersion: e.process.version,
          actor,
        });
        if (r.outcome === 'code-taken') throw new CodeTakenError(r.code);
        if (r.outcome !== 'saved') throw new ProcessConflictError(e.process.id);
        break;
      }
      case 'create-invitation':
        await createInvitation(tx, {
          organisationId: e.organisationId,
          personId: e.personId,
          createdBy: actor,
          expiresAt: new Date(e.expiresAt),
          token: e.token,
        });
        break;
      case 'submitted':
        // Coordinators read submitted processes from the store, and are told by a notify effect.
        break;
      case 'notify':
        // A message, not a change: the service addresses it to the person's chat (notify.ts).
        break;
    }
  }
}
