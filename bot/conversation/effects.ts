// Carries out the interview's effects inside the update's transaction.
import type { Effect, MergedSave } from '../../core/interview/index.js';
import { mergeProcess } from '../../core/model/merge.js';
import type { Process } from '../../core/model/process.js';
import {
  type Actor,
  type Db,
  addPerson,
  addPersonEvent,
  answerHandoff,
  changeSopDetails,
  createCampaign,
  settleHandoff,
  createInvitation,
  addUnit,
  createOrganisation,
  loadProcess,
  loadProcessVersion,
  recordReview,
  saveProcess,
  setPersonLanguage,
} from '../../db/index.js';

/**
 * The process was deleted (or, after several merges, kept moving) while the answer was given:
 * the whole update is rolled back and reported.
 */
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

/** What the effects did that the interview must hear of. */
export type EffectsOutcome = {
  /** Saves that met a newer version and were merged with it. */
  merged: MergedSave[];
  /** Inputs stored for other people's conversations, to be delivered after commit. */
  events: number;
};

export async function applyEffectsInDb(
  tx: Db,
  effects: Effect[],
  actor: Actor,
): Promise<EffectsOutcome> {
  const merged: MergedSave[] = [];
  // A submission is about the version the same answer saves: recorded after the saves.
  const submitted: Extract<Effect, { kind: 'submitted' }>[] = [];
  const reviews: Extract<Effect, { kind: 'review' }>[] = [];
  const sopChanges: Extract<Effect, { kind: 'change-sop-details' }>[] = [];
  let events = 0;
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
        const m = await saveFlow(tx, e.organisationId, e.process, actor);
        if (m) merged.push(m);
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
        // Recorded after the saves of the update; coordinators are told by a notify effect.
        submitted.push(e);
        break;
      case 'notify':
        // A message, not a change: the service addresses it to the person's chat (notify.ts).
        break;
      case 'deliver':
        // Applied to that person's conversation after commit, by the delivery job: never inside
        // this transaction, which holds only this chat's lock.
        if (
          await addPersonEvent(tx, {
            key: e.key,
            organisationId: e.organisationId,
            personId: e.personId,
            input: e.input,
          })
        )
          events++;
        break;
      case 'review':
        reviews.push(e);
        break;
      case 'answer-handoff':
        await answerHandoff(tx, {
          organisationId: e.organisationId,
          processId: e.processId,
          key: e.key,
          byPersonId: e.personId,
          answer: e.answer,
          counterpartProcessId: e.counterpartProcessId,
          counterpartName: e.counterpartName,
          note: e.note,
        });
        break;
      case 'settle-handoff':
        await settleHandoff(tx, {
          organisationId: e.organisationId,
          processId: e.processId,
          key: e.key,
          byPersonId: e.personId,
          settlement: e.settlement,
          note: e.note,
        });
        break;
      case 'create-campaign':
        await createCampaign(tx, e.campaign, actor);
        break;
      case 'change-sop-details':
        // After the saves: a draft the same answer saves for the first time has its row then.
        sopChanges.push(e);
        break;
    }
  }
  // The review event and the immutable snapshot of the submitted version. Notifying the
  // coordinators comes with the coordination features.
  for (const e of submitted)
    await recordReview(tx, {
      organisationId: e.organisationId,
      processId: e.processId,
      kind: 'submitted',
      byPersonId: e.personId || null,
    });
  for (const e of reviews)
    await recordReview(tx, {
      organisationId: e.organisationId,
      processId: e.processId,
      kind: e.review,
      byPersonId: e.personId,
      version: e.version,
      comment: e.comment,
    });
  // Apart from the flow: never moves the process's version.
  for (const e of sopChanges)
    await changeSopDetails(tx, {
      organisationId: e.organisationId,
      processId: e.processId,
      change: e.change,
      actor,
      today: e.today,
    });
  return { merged, events };
}

/**
 * The clerk's save: the flow only (confirmations, status and reviews are not the clerk's to
 * write). When someone saved the flow since the clerk's version, the two are merged
 * (mergeProcess, against the clerk's version from the audit log) and the merge is saved: the
 * clerk's answer is never dropped. Returns the merge, or null when the save went through as is.
 */
async function saveFlow(
  tx: Db,
  organisationId: string,
  mine: Process,
  actor: Actor,
): Promise<MergedSave | null> {
  let process = mine;
  let merge: MergedSave | null = null;
  // Each round is a new stored version: writers that keep saving meanwhile are merged again.
  for (let round = 0; round < 5; round++) {
    const r = await saveProcess(tx, {
      organisationId,
      process,
      expectedVersion: process.version,
      actor,
      scope: 'flow',
    });
    if (r.outcome === 'code-taken') throw new CodeTakenError(r.code);
    if (r.outcome === 'saved') return merge && { ...merge, process: r.process };
    const theirs = await loadProcess(tx, { processId: mine.id });
    if (!theirs) break;
    const [base, other] = await Promise.all([
      mine.version > 0
        ? loadProcessVersion(tx, { processId: mine.id, version: mine.version })
        : null,
      loadProcessVersion(tx, { processId: mine.id, version: theirs.version }),
    ]);
    const m = mergeProcess(base?.process ?? null, mine, theirs);
    const byPersonId = other && 'personId' in other.actor ? other.actor.personId : null;
    merge = { process: m.process, overlaps: m.overlaps, byPersonId };
    process = { ...m.process, version: theirs.version };
  }
  throw new ProcessConflictError(mine.id);
}
