// The engine's shared moves: the current question, applying a change to a working copy,
// asking, refusing and informing. The engine (answers) and the command handlers (/kembali,
// /ubah 3, ...) both build their results with these, so neither imports the other.
import { LIMITS, shorten } from './limits.js';
import { NUMBERS_ARE_STEPS, type Questionnaire } from './questionnaire.js';
import type { Applied, ChoiceDef, Question } from './questions/question.js';
import { T } from './texts.js';
import type {
  Choice,
  Context,
  Effect,
  Env,
  InterviewState,
  Outbound,
  RefusalCode,
  StepResult,
} from './types.js';
import { pushHistory, settleHistory } from './history.js';
import { View } from './view.js';
import type { Bilingual } from '../language/bilingual.js';

const HISTORY_MAX = 10;
export const SKIP_ID = '__skip';

export function questionOf(q: Questionnaire, s: InterviewState): Question {
  const question = q.questions.get(s.cursor.q);
  if (!question) throw new Error(`questionnaire ${q.version} has no question "${s.cursor.q}"`);
  return question;
}

export function choicesOf(question: Question, v: View): ChoiceDef[] {
  if (question.answer === 'yesno')
    return [
      { id: 'yes', label: { id: 'Ya', en: 'Yes' } },
      { id: 'no', label: { id: 'Tidak', en: 'No' } },
    ];
  return question.choices?.(v) ?? [];
}

export function labelled(v: View, defs: ChoiceDef[]): Choice[] {
  return defs.map((d) => ({
    id: d.id,
    label: typeof d.label === 'string' ? d.label : v.t(d.label),
  }));
}

export function skip(q: Questionnaire, s: InterviewState, ctx: Context, env: Env): StepResult {
  const question = questionOf(q, s);
  const v = new View(s, ctx, env);
  if (!question.optional?.(v)) return refused(q, v, 'required', T.required);
  if (!question.skip) throw new Error(`optional question "${question.id}" has no skip`);
  return apply(q, s, ctx, env, (w) => {
    const r = question.skip!(w);
    return 'refuse' in r ? r : { ...r, notes: [T.skipped, ...(r.notes ?? [])] };
  });
}

/**
 * Runs `fn` on a working copy. Refused: the state is unchanged. Applied: the previous state goes
 * on the history, the revision moves on, changed drafts are saved, and the next question is asked.
 */
export function apply(
  q: Questionnaire,
  s: InterviewState,
  ctx: Context,
  env: Env,
  fn: (v: View) => Applied,
  opts: { history?: boolean } = {},
): StepResult {
  const work = structuredClone(s);
  const v = new View(work, ctx, env);
  const notes: Bilingual[] = [];
  const said: Outbound[] = [];
  const effects: Effect[] = [];
  let r = fn(v);
  for (let guard = 0; ; guard++) {
    if ('refuse' in r) return refused(q, new View(s, ctx, env), 'invalid-answer', r.refuse);
    notes.push(...(r.notes ?? []));
    said.push(...(r.outbound ?? []));
    effects.push(...(r.effects ?? []));
    const replay = r.replay;
    const position = r.thenPosition;
    if (!replay || guard > 3) break;
    const next = questionOf(q, work);
    r = next.apply(v, replay);
    // A position named with its unit ("Camat"): the position question that follows is answered.
    const after = questionOf(q, work);
    if (position && !('refuse' in r) && !r.replay && after.free && /position$/.test(after.id)) {
      notes.push(...(r.notes ?? []));
      said.push(...(r.outbound ?? []));
      effects.push(...(r.effects ?? []));
      r = after.free(v, position);
    }
  }
  work.rev = s.rev + 1;
  effects.push(...saveChangedDrafts(s, work));
  // Back from the SOP follow-up: the question it interrupted is asked again as /bpmn leaves it,
  // without its preamble (the review's summary and map would be said a second time).
  const backFromSop = s.cursor.q.startsWith('sop.') && !work.cursor.q.startsWith('sop.');
  // Last, when the new state is final: the history holds deltas against it.
  work.history =
    opts.history !== false
      ? pushHistory(s.history, s, s.cursor.q, work, HISTORY_MAX)
      : settleHistory(work.history, work);
  return {
    state: work,
    outbound: [
      ...notes.map((n) => text(v.t(n))),
      ...said,
      ...prompt(
        q,
        v,
        !backFromSop &&
          (work.cursor.q !== s.cursor.q ||
            work.cursor.pid !== s.cursor.pid ||
            work.cursor.nid !== s.cursor.nid ||
            work.cursor.i !== s.cursor.i ||
            question_is_review(work)),
        s,
      ),
    ],
    effects,
  };
}

function question_is_review(s: InterviewState): boolean {
  return s.cursor.q === 'review.confirm';
}

/**
 * Questions of the step-by-step description. While the person is inside it, the draft lives in
 * the interview state (stored after every answer) and is not saved as a process on each answer:
 * that rewrote the whole flow per message. It is saved when it first gets its code, when the
 * description ends (review, menu, another process), and on every change made after.
 */
const DESCRIBING = /^(activity|step|decision|handoff|edge|party)\./;

/** Drafts that changed (and have a code) are saved; the state then expects the next version. */
function saveChangedDrafts(before: InterviewState, after: InterviewState): Effect[] {
  const organisationId = after.organisationId;
  if (!organisationId) return [];
  const describing = DESCRIBING.test(after.cursor.q) && !after.cursor.mode;
  const effects: Effect[] = [];
  const unsaved = new Set(after.work.unsaved ?? []);
  for (const [i, d] of after.drafts.entries()) {
    if (d.code === '00') continue;
    const old = before.drafts.find((x) => x.id === d.id);
    const changed = !old || JSON.stringify(old) !== JSON.stringify({ ...d, version: old.version });
    if (!changed && !unsaved.has(d.id)) continue;
    if (describing && d.id === after.cursor.pid && d.version > 0) {
      unsaved.add(d.id);
      continue;
    }
    unsaved.delete(d.id);
    effects.push({ kind: 'save-process', organisationId, process: structuredClone(d) });
    after.drafts[i] = { ...d, version: d.version + 1 };
  }
  after.work.unsaved = [...unsaved];
  return effects;
}

export function text(t: string): Outbound {
  return { kind: 'text', text: t };
}

/**
 * The current question as an outbound message, preceded by its preamble when newly asked.
 * `before`: the state the answer was given in, for a preamble that says what the answer changed.
 */
export function prompt(
  q: Questionnaire,
  v: View,
  withPreamble: boolean,
  before?: InterviewState,
): Outbound[] {
  const question = questionOf(q, v.state);
  const out: Outbound[] = withPreamble && question.preamble ? question.preamble(v, before) : [];
  const choices = promptChoices(question, v);
  const optional = !!question.optional?.(v);
  out.push({
    kind: 'question',
    questionId: question.id,
    rev: v.state.rev,
    text: v.t(question.text(v)),
    choices,
    optional,
    ...(NUMBERS_ARE_STEPS.has(question.id) ? { numbering: 'letters' as const } : {}),
  });
  return out;
}

/** The buttons of a question, as shown: at most LIMITS.choicesMax, labels shortened, skip last. */
export function promptChoices(question: Question, v: View): Choice[] {
  const choices = labelled(v, choicesOf(question, v))
    .slice(0, LIMITS.choicesMax - 1)
    .map((c) => ({ id: c.id, label: shorten(c.label) }));
  if (question.optional?.(v) && question.skip) choices.push({ id: SKIP_ID, label: v.t(T.skip) });
  return choices;
}

export function refused(
  q: Questionnaire,
  v: View,
  code: RefusalCode,
  reason: Bilingual,
  withPreamble = false,
): StepResult {
  return {
    state: v.state,
    outbound: [text(v.t(reason)), ...prompt(q, v, withPreamble)],
    effects: [],
    refused: { code, questionId: v.state.cursor.q },
  };
}

export function info(
  q: Questionnaire,
  v: View,
  m: Bilingual | string,
  extra: Outbound[] = [],
): StepResult {
  return {
    state: v.state,
    outbound: [...extra, text(typeof m === 'string' ? m : v.t(m)), ...prompt(q, v, false)],
    effects: [],
  };
}
