// The interview engine: one pure function from (state, one input) to (state, what to say, what
// to change). It never sends, stores or reads the clock; the caller does.
import type { Unit } from '../model/organisation.js';

import { parseChoiceReply, parseStepNo, parseYesNo } from './answers/choice.js';
import { parseDuration } from './answers/duration.js';
import type { Parsed } from './answers/result.js';
import { parseList, parseText } from './answers/text.js';
import { matchUnit } from './answers/unit.js';
import { parseCommand } from './commands.js';
import { runCommand } from './command-handlers.js';
import { LIMITS, shorten } from './limits.js';
import { ask } from './ops.js';

import { NUMBERS_ARE_STEPS, type Questionnaire } from './questionnaire.js';
import type { Answer, Applied, ChoiceDef, Question } from './questions/question.js';

import { entryCursor } from './state.js';
import { T } from './texts.js';
import type {
  Choice,
  Context,
  Effect,
  Env,
  Input,
  InterviewState,
  Msg,
  Outbound,
  RefusalCode,
  StepResult,
} from './types.js';
import { pushHistory, settleHistory } from './history.js';
import { processEventText, processName, reminderText } from './outside-events.js';
import { View } from './view.js';

const HISTORY_MAX = 10;
export const SKIP_ID = '__skip';

export function step(
  q: Questionnaire,
  state: InterviewState,
  input: Input,
  ctx: Context,
  env: Env,
): StepResult {
  const s = adoptContext(state, ctx);
  const question = questionOf(q, s);
  const v0 = new View(s, ctx, env);

  switch (input.kind) {
    case 'resume':
      return { state: s, outbound: prompt(q, v0, true), effects: [] };
    case 'unsupported':
      return refused(
        q,
        v0,
        'unsupported-input',
        input.what === 'edited' ? T.edited : T.unsupported,
      );
    case 'button': {
      const c = input.rev === s.rev ? promptChoices(question, v0)[input.index] : undefined;
      if (!c) return refused(q, v0, 'stale-button', T.staleButton, true);
      return step(
        q,
        s,
        { kind: 'choice', questionId: question.id, optionId: c.id, rev: s.rev },
        ctx,
        env,
      );
    }
    case 'choice': {
      if (input.questionId !== s.cursor.q || input.rev !== s.rev)
        return refused(q, v0, 'stale-button', T.staleButton, true);
      if (input.optionId === SKIP_ID) return skip(q, s, ctx, env);
      const parsed = answerFromButton(question, v0, input.optionId);
      if (!parsed.ok) return refused(q, v0, 'stale-button', T.staleButton, true);
      return apply(q, s, ctx, env, (v) => question.apply(v, parsed.value));
    }
    case 'text': {
      const command = parseCommand(input.text);
      if (command) return runCommand(q, s, ctx, env, command);
      return answerText(q, s, ctx, env, question, input.text);
    }
    case 'reminder-due': {
      const m = reminderText(s);
      // Nothing left to do: nothing is said, and the state is not touched.
      if (!m) return { state: s, outbound: [], effects: [] };
      return info(q, v0, m);
    }
    case 'process-event': {
      const name = processName(s, ctx.processes, input.processId);
      if (name === null) return { state: s, outbound: [], effects: [] };
      const work = structuredClone(s);
      // A process returned for correction is this person's draft again.
      const draft = work.drafts.find((d) => d.id === input.processId);
      if (draft && input.event === 'returned') draft.status = 'draft';
      if (draft && (input.event === 'approved' || input.event === 'validated'))
        draft.status = input.event;
      work.history = settleHistory(work.history, work, s);
      return info(q, new View(work, ctx, env), processEventText(input, name));
    }
  }
}

/** The question the cursor is on (the current prompt, for /start or a reconnect). */
export function currentPrompt(
  q: Questionnaire,
  state: InterviewState,
  ctx: Context,
  env: Env,
): Outbound[] {
  return prompt(q, new View(adoptContext(state, ctx), ctx, env), true);
}

/** The channel may know the person (an invitation) before the interview does. */
function adoptContext(state: InterviewState, ctx: Context): InterviewState {
  if (ctx.person && state.personId !== ctx.person.id) {
    const s = structuredClone(state);
    s.personId = ctx.person.id;
    s.organisationId = ctx.person ? (ctx.organisation?.id ?? s.organisationId) : s.organisationId;
    if (s.cursor.q.startsWith('identify.') || s.cursor.q === 'setup.org_name')
      s.cursor = entryCursor(ctx, s.personId);
    return s;
  }
  if (!ctx.person && !state.personId && state.cursor.q === 'menu') {
    // Person unknown (e.g. removed from the organisation): identify again.
    const s = structuredClone(state);
    s.cursor = entryCursor(ctx, null);
    return s;
  }
  return state;
}

export function questionOf(q: Questionnaire, s: InterviewState): Question {
  const question = q.questions.get(s.cursor.q);
  if (!question) throw new Error(`questionnaire ${q.version} has no question "${s.cursor.q}"`);
  return question;
}

function choicesOf(question: Question, v: View): ChoiceDef[] {
  if (question.answer === 'yesno')
    return [
      { id: 'yes', label: { id: 'Ya', en: 'Yes' } },
      { id: 'no', label: { id: 'Tidak', en: 'No' } },
    ];
  return question.choices?.(v) ?? [];
}

function labelled(v: View, defs: ChoiceDef[]): Choice[] {
  return defs.map((d) => ({
    id: d.id,
    label: typeof d.label === 'string' ? d.label : v.t(d.label),
  }));
}

function unitOf(v: View, id: string): Unit | undefined {
  return v.units().find((u) => u.id === id);
}

function answerFromButton(question: Question, v: View, optionId: string): Parsed<Answer> {
  const defs = choicesOf(question, v);
  if (!defs.some((d) => d.id === optionId)) return { ok: false, reason: T.staleButton };
  switch (question.answer) {
    case 'yesno':
      return { ok: true, value: { type: 'yesno', value: optionId === 'yes' } };
    case 'unit': {
      const unit = unitOf(v, optionId);
      return unit
        ? { ok: true, value: { type: 'unit', value: unit } }
        : { ok: false, reason: T.staleButton };
    }
    case 'duration': {
      const d = parseDuration(optionId);
      return d.ok ? { ok: true, value: { type: 'duration', value: d.value } } : d;
    }
    default:
      return { ok: true, value: { type: 'choice', value: optionId } };
  }
}

function answerText(
  q: Questionnaire,
  s: InterviewState,
  ctx: Context,
  env: Env,
  question: Question,
  raw: string,
): StepResult {
  const v = new View(s, ctx, env);
  const refuse = (reason: Msg) => refused(q, v, 'invalid-answer', reason);
  switch (question.answer) {
    case 'text': {
      const p = parseText(raw);
      return p.ok
        ? apply(q, s, ctx, env, (w) => question.apply(w, { type: 'text', value: p.value }))
        : refuse(p.reason);
    }
    case 'list': {
      const p = parseList(raw, {
        splitCommas: false,
        ...(question.maxItems ? { max: question.maxItems } : {}),
      });
      return p.ok
        ? apply(q, s, ctx, env, (w) => question.apply(w, { type: 'list', value: p.value }))
        : refuse(p.reason);
    }
    case 'duration': {
      const p = parseDuration(parseText(raw).ok ? raw : '');
      return p.ok
        ? apply(q, s, ctx, env, (w) => question.apply(w, { type: 'duration', value: p.value }))
        : refuse(p.reason);
    }
    case 'yesno': {
      const p = parseYesNo(raw);
      return p.ok
        ? apply(q, s, ctx, env, (w) => question.apply(w, { type: 'yesno', value: p.value }))
        : refuse(p.reason);
    }
    case 'step': {
      const p = parseStepNo(raw, v.stepCount());
      return p.ok
        ? apply(q, s, ctx, env, (w) => question.apply(w, { type: 'step', value: p.value }))
        : refuse(p.reason);
    }
    case 'choice': {
      const choices = labelled(v, choicesOf(question, v));
      const stepNumbers = NUMBERS_ARE_STEPS.has(question.id);
      const bareNumber = /^\s*\d+\s*$/.test(raw);
      const picked =
        stepNumbers && bareNumber
          ? null
          : parseChoiceReply(raw, choices, stepNumbers ? 'letters' : 'numbers');
      if (picked?.ok)
        return apply(q, s, ctx, env, (w) =>
          question.apply(w, { type: 'choice', value: picked.value.id }),
        );
      if (question.free) {
        const p = parseText(raw);
        if (!p.ok) return refuse(p.reason);
        return apply(q, s, ctx, env, (w) => question.free!(w, p.value));
      }
      return refuse(picked && !picked.ok ? picked.reason : T.staleButton);
    }
    case 'unit': {
      const p = parseText(raw, 200);
      if (!p.ok) return refuse(p.reason);
      const choices = labelled(v, choicesOf(question, v));
      const byButton = /^\s*\d+\s*$/.test(raw) ? parseChoiceReply(raw, choices) : null;
      const unit = byButton?.ok ? unitOf(v, byButton.value.id) : undefined;
      const match = unit ? ({ kind: 'one', unit } as const) : matchUnit(p.value, v.units());
      if (match.kind === 'one')
        return apply(q, s, ctx, env, (w) => question.apply(w, { type: 'unit', value: match.unit }));
      if (match.kind === 'several') {
        const names = match.units
          .slice(0, 6)
          .map((u) => u.name)
          .join('; ');
        return refuse({
          id: `Ada beberapa yang cocok: ${names}. Tulis lebih lengkap.`,
          en: `Several match: ${names}. Please write it in full.`,
        });
      }
      if (!question.allowNewUnit)
        return refuse({ id: 'Unit itu tidak ada di daftar.', en: 'That unit is not in the list.' });
      return apply(q, s, ctx, env, (w) => {
        w.state.work.newParty = p.value;
        w.state.work.returnTo.push({ ...w.state.cursor });
        // Self-registration in a new organisation: a typed unit is a unit of it, no need to ask.
        ask(w, { q: 'party.new' });
        if (question.id === 'identify.unit' && !w.units().length)
          return { replay: { type: 'choice', value: 'unit' } };
        return {};
      });
    }
  }
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
  const notes: Msg[] = [];
  const said: Outbound[] = [];
  const effects: Effect[] = [];
  let r = fn(v);
  for (let guard = 0; ; guard++) {
    if ('refuse' in r) return refused(q, new View(s, ctx, env), 'invalid-answer', r.refuse);
    notes.push(...(r.notes ?? []));
    said.push(...(r.outbound ?? []));
    effects.push(...(r.effects ?? []));
    const replay = r.replay;
    if (!replay || guard > 3) break;
    const next = questionOf(q, work);
    r = next.apply(v, replay);
  }
  work.rev = s.rev + 1;
  effects.push(...saveChangedDrafts(s, work));
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
        work.cursor.q !== s.cursor.q ||
          work.cursor.pid !== s.cursor.pid ||
          work.cursor.nid !== s.cursor.nid ||
          work.cursor.i !== s.cursor.i ||
          question_is_review(work),
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

/** The current question as an outbound message, preceded by its preamble when newly asked. */
export function prompt(q: Questionnaire, v: View, withPreamble: boolean): Outbound[] {
  const question = questionOf(q, v.state);
  const out: Outbound[] = withPreamble && question.preamble ? question.preamble(v) : [];
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
function promptChoices(question: Question, v: View): Choice[] {
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
  reason: Msg,
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
  m: Msg | string,
  extra: Outbound[] = [],
): StepResult {
  return {
    state: v.state,
    outbound: [...extra, text(typeof m === 'string' ? m : v.t(m)), ...prompt(q, v, false)],
    effects: [],
  };
}

/**
 * Someone else (a coordinator, another chat) saved a process this interview holds a draft of.
 * The stored version replaces the draft; the person is told their last answer was not kept.
 */
export function adoptStoredProcess(
  q: Questionnaire,
  state: InterviewState,
  stored: import('../model/process.js').Process,
  ctx: Context,
  env: Env,
): StepResult {
  const s = structuredClone(state);
  const i = s.drafts.findIndex((d) => d.id === stored.id);
  if (i >= 0) s.drafts[i] = structuredClone(stored);
  const v = new View(s, ctx, env);
  // The cursor may point at a step the other writer removed.
  if (s.cursor.nid && !v.node(s.cursor.nid, s.cursor.pid))
    s.cursor = { q: 'review.confirm', pid: stored.id };
  s.rev += 1;
  s.history = settleHistory(s.history, s, state);
  const note: Msg = {
    id: `Proses "${stored.name}" baru saja diubah orang lain. Saya memuat versi terbaru; jawaban terakhir Anda belum tersimpan, silakan ulangi.`,
    en: `Process "${stored.name}" was just changed by someone else. I loaded the latest version; your last answer was not kept, please repeat it.`,
  };
  return { state: s, outbound: [text(v.t(note)), ...prompt(q, v, false)], effects: [] };
}
