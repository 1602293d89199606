export * from './types.js';
export { step, currentPrompt, adoptStoredProcess, SKIP_ID } from './engine.js';
export { adoptMergedProcesses, type MergedSave } from './merged.js';
export {
  questionnaire,
  defineQuestionnaire,
  QUESTIONNAIRE_VERSION,
  QuestionnaireError,
  type Questionnaire,
} from './questionnaire.js';
export { initialState, readState, StateVersionError } from './state.js';
export { historyFromSnapshots, snapshotsNewestFirst } from './history.js';
export { LIMITS, splitText, shorten } from './limits.js';
export { applyEffects, contextOf, summarise, type World } from './apply-effects.js';
