// A person parked in the review of a process of N activities (as the chat bench seeds it): their
// /start <token> binds the account and resumes there, and each /ringkasan asks for the map again.
import {
  STATE_VERSION,
  contextOf,
  initialState,
  questionnaire,
  readState,
} from '../../core/interview/index.js';
import type { Organisation } from '../../core/model/index.js';
import {
  type Db,
  loadOrganisation,
  loadProcess,
  saveInterview,
  saveOrganisation,
  saveProcess,
} from '../../db/index.js';
import { syntheticProcess } from '../renderers/synthetic.js';

/** Seeds Rina's review of a synthetic process (on the seeded Renja organisation); its id. */
export async function seedReview(
  db: Db,
  p: { chatKey: string; activities: number; personId?: string },
): Promise<string> {
  const personId = p.personId ?? 'rina';
  const syn = syntheticProcess(p.activities);
  const org = (await loadOrganisation(db, 'kab-contoh'))!;
  for (const u of syn.org.units) if (!org.units.some((x) => x.id === u.id)) org.units.push(u);
  await saveOrganisation(db, org, { system: 'test' });
  await saveProcess(db, {
    organisationId: 'kab-contoh',
    process: { ...syn.process, version: 0 },
    expectedVersion: 0,
    actor: { system: 'test' },
  });
  const stored = (await loadProcess(db, { processId: syn.process.id }))!;
  const saved = (await loadOrganisation(db, 'kab-contoh')) as Organisation;
  const state = initialState(
    questionnaire,
    contextOf({ organisation: saved, processes: [] }, personId),
  );
  state.drafts.push(stored);
  state.cursor = { q: 'review.confirm', pid: stored.id };
  await saveInterview(db, {
    chatKey: p.chatKey,
    personId,
    state: readState(JSON.parse(JSON.stringify(state)), questionnaire),
    stateVersion: STATE_VERSION,
  });
  return stored.id;
}
