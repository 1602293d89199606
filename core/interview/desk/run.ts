// The coordination commands, run by the engine like any other command: read-only answers are
// said and the question asked again; actions go through apply(), so they are stored with the
// state change and their effects in one transaction.
import { apply, prompt, refused } from '../respond.js';
import type { Questionnaire } from '../questionnaire.js';
import type { Context, Env, InterviewState, StepResult } from '../types.js';
import { View } from '../view.js';
import { startCampaign } from './campaign.js';
import type { DeskCommand } from './commands.js';
import { startAnswering } from './handoffs.js';
import { startSettling } from './disputes.js';
import { remindNow } from './remind.js';
import { startReview } from './review.js';
import { seat } from './access.js';
import { showRelation } from './relation.js';
import { showInventory } from './documents.js';
import { showAnnex } from './annex.js';
import {
  type Shown,
  showDiff,
  showLedger,
  showLevel0,
  showProgress,
  showQueue,
  showTree,
  showUnit,
} from './views.js';

export function runDesk(
  q: Questionnaire,
  s: InterviewState,
  ctx: Context,
  env: Env,
  c: DeskCommand,
): StepResult {
  const v = new View(s, ctx, env);
  const st = seat(v);
  if ('refuse' in st) return refused(q, v, 'invalid-answer', st.refuse);
  const show = (r: Shown): StepResult =>
    'refuse' in r
      ? refused(q, v, 'invalid-answer', r.refuse)
      : { state: s, outbound: [...r.outbound, ...prompt(q, v, false)], effects: [] };
  switch (c.name) {
    case 'progress':
      return show(showProgress(v, st));
    case 'unit':
      return show(showUnit(v, st, c.unit));
    case 'ledger':
      return show(showLedger(v, st, c.unit));
    case 'relation':
      return show(showRelation(v, st, c.code));
    case 'level0':
      return show(showLevel0(v, st, c.propose));
    case 'tree':
      return show(showTree(v, st, c.code));
    case 'queue':
      return show(showQueue(v, st));
    case 'diff':
      return show(showDiff(v, st, c.code));
    case 'inventory':
      return show(showInventory(v, st));
    case 'annex':
      return show(showAnnex(v, st));
    case 'campaign':
      return apply(q, s, ctx, env, (w) => startCampaign(w));
    case 'remind':
      return apply(q, s, ctx, env, (w) => remindNow(w, c.unit));
    case 'approve':
    case 'validate':
      return apply(q, s, ctx, env, (w) => startReview(w, c.name, c.code, null));
    case 'return':
      return apply(q, s, ctx, env, (w) => startReview(w, 'return', c.code, c.comment));
    case 'handoffs':
      return apply(q, s, ctx, env, (w) => startAnswering(w));
    case 'disputes':
      return apply(q, s, ctx, env, (w) => startSettling(w));
  }
}
