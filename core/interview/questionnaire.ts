// The questionnaire: every question by its stable id, with a version. An interview remembers the
// version it began on; a question id that a newer version drops is caught when the state is read.
import * as identify from './questions/identify.js';
import * as invite from './questions/invite.js';
import * as menu from './questions/menu.js';
import * as review from './questions/review.js';
import * as editFlow from './questions/edit-flow.js';
import * as sipoc from './questions/sipoc.js';
import * as decision from './questions/decision.js';
import * as handoff from './questions/handoff.js';
import * as performer from './questions/performer.js';
import * as steps from './questions/steps.js';
import * as sop from './questions/sop.js';
import type { Question } from './questions/question.js';
import * as campaign from './desk/campaign.js';
import * as deskHandoffs from './desk/handoffs.js';
import * as disputes from './desk/disputes.js';
import * as deskReview from './desk/review.js';
import type { QuestionId } from './question-ids.js';

export type Questionnaire = { version: string; questions: ReadonlyMap<QuestionId, Question> };

export class QuestionnaireError extends Error {}

const ANSWER_TYPES = new Set(['text', 'list', 'duration', 'yesno', 'choice', 'unit', 'step']);

/** Builds a questionnaire and checks it at load, naming the broken item. */
export function defineQuestionnaire(version: string, list: Question[]): Questionnaire {
  const questions = new Map<QuestionId, Question>();
  for (const q of list) {
    if (!/^[a-z_]+(\.[a-z_]+)*$/.test(q.id))
      throw new QuestionnaireError(`question id "${q.id}" is not of the form area.name`);
    if (questions.has(q.id)) throw new QuestionnaireError(`question "${q.id}" is defined twice`);
    if (!ANSWER_TYPES.has(q.answer))
      throw new QuestionnaireError(`question "${q.id}" has unknown answer type "${q.answer}"`);
    if (q.answer === 'choice' && !q.choices)
      throw new QuestionnaireError(`choice question "${q.id}" has no choices`);
    if (!q.help.id || !q.help.en)
      throw new QuestionnaireError(`question "${q.id}" lacks help text in both languages`);
    questions.set(q.id, q);
  }
  return { version, questions };
}

/** Questions where a bare number names a step, so their buttons are lettered a), b), c). */
export const NUMBERS_ARE_STEPS: ReadonlySet<string> = new Set<QuestionId>([
  'activity.next',
  'decision.exit_target',
  'insert.where',
  'edit.next',
  'edit.exit_target',
]);

export const QUESTIONNAIRE_VERSION = '1';

export const questionnaire: Questionnaire = defineQuestionnaire(QUESTIONNAIRE_VERSION, [
  identify.setupOrgName,
  identify.identifyName,
  identify.identifyUnit,
  identify.identifyPosition,
  identify.partyNew,
  menu.menu,
  menu.pickDraft,
  menu.inventoryList,
  menu.processDuplicate,
  menu.processCategory,
  menu.processParent,
  sipoc.processSupplier,
  sipoc.processInput,
  sipoc.processSupplierMore,
  sipoc.processOutput,
  sipoc.processCustomer,
  sipoc.processCustomerMore,
  sipoc.processLegalBasis,
  steps.activityName,
  steps.stepsConfirmSplit,
  performer.stepPerformer,
  performer.stepPerformerUnit,
  performer.stepPerformerPosition,
  performer.edgeDocument,
  steps.stepKelengkapan,
  steps.stepWaktu,
  steps.stepWaktuAll,
  steps.activityOutput,
  steps.activityNext,
  handoff.handoffWhat,
  handoff.handoffUnit,
  handoff.handoffPosition,
  decision.decisionName,
  decision.decisionExits,
  decision.decisionExitTarget,
  review.reviewConfirm,
  review.editPick,
  review.editMenu,
  review.insertWhere,
  review.stepName,
  review.stepKeterangan,
  review.processRename,
  invite.invitePerson,
  deskHandoffs.answerHandoff,
  deskHandoffs.answerName,
  deskHandoffs.answerProcess,
  deskHandoffs.answerReason,
  deskHandoffs.answerCorrection,
  deskReview.reviewReturnComment,
  disputes.disputeSettle,
  campaign.campaignName,
  campaign.campaignUnits,
  campaign.campaignDeadline,
  campaign.campaignLevel0,
  campaign.campaignLevel0List,
  editFlow.editNext,
  editFlow.editExits,
  editFlow.editExit,
  editFlow.editExitTarget,
  editFlow.editExitLabel,
  sop.sopNomor,
  sop.sopEfektif,
  sop.sopPengesah,
  sop.sopDasarHukum,
  sop.sopKualifikasi,
  sop.sopPeralatan,
  sop.sopPeringatan,
  sop.sopPencatatan,
  sop.sopPembuatan,
  sop.sopRevisi,
  sop.sopEdit,
]);
