export * from './types.js';
export { step, currentPrompt, adoptStoredProcess } from './engine.js';
export { SKIP_ID } from './respond.js';
export { adoptMergedProcesses, type MergedSave } from './merged.js';
export {
  questionnaire,
  defineQuestionnaire,
  QUESTIONNAIRE_VERSION,
  QuestionnaireError,
  type Questionnaire,
} from './questionnaire.js';
export { initialState, readState, StateShapeError, StateVersionError } from './state.js';
export { QUESTION_IDS, QuestionId, isQuestionId } from './question-ids.js';
export { historyFromSnapshots, snapshotsNewestFirst } from './history.js';
export { LIMITS, splitText, shorten } from './limits.js';
export { applyEffects, contextOf, summarise, type World } from './apply-effects.js';
export { deskNeeds, type DeskNeed } from './desk/needs.js';
export { parseDeskCommand, type DeskCommand } from './desk/commands.js';
export { reminderKey } from './desk/remind.js';
export { sopNeeds, type SopNeed } from './sop-needs.js';
