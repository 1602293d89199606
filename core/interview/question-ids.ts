// Every question id of the questionnaire, as a type: a question id written in code (a cursor, a
// comparison, a question's own definition) that is not one of these is a compile error.
// tests/interview/question-ids.test.ts checks that the questionnaire defines exactly these.
import { z } from 'zod';

export const QUESTION_IDS = [
  'setup.org_name',
  'identify.name',
  'identify.unit',
  'identify.position',
  'party.new',
  'menu',
  'menu.pick_draft',
  'inventory.list',
  'process.duplicate',
  'process.category',
  'process.parent',
  'process.supplier',
  'process.input',
  'process.supplier_more',
  'process.output',
  'process.customer',
  'process.customer_more',
  'process.legal_basis',
  'activity.name',
  'step.performer',
  'step.performer_unit',
  'step.performer_position',
  'edge.document',
  'step.kelengkapan',
  'step.waktu',
  'step.waktu_all',
  'steps.confirm_split',
  'activity.output',
  'activity.next',
  'handoff.what',
  'handoff.unit',
  'handoff.position',
  'decision.name',
  'decision.exits',
  'decision.exit_target',
  'review.confirm',
  'edit.pick',
  'edit.menu',
  'insert.where',
  'step.name',
  'step.keterangan',
  'process.rename',
  'invite.person',
  'answer.handoff',
  'answer.name',
  'answer.process',
  'answer.reason',
  'answer.correction',
  'review.return_comment',
  'dispute.settle',
  'campaign.name',
  'campaign.units',
  'campaign.deadline',
  'campaign.top_level',
  'campaign.top_list',
  'edit.next',
  'edit.exits',
  'edit.exit',
  'edit.exit_target',
  'edit.exit_label',
] as const;

export const QuestionId = z.enum(QUESTION_IDS);
export type QuestionId = z.infer<typeof QuestionId>;

const KNOWN: ReadonlySet<string> = new Set(QUESTION_IDS);

export function isQuestionId(id: string): id is QuestionId {
  return KNOWN.has(id);
}
