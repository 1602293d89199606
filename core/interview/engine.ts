// The interview engine: one pure function from (state, one input) to (state, what to say, what
// to change). It never sends, stores or reads the clock; the caller does.
import type { Unit } from '../model/organisation.js';

import { parseChoiceReply, parseStepNo, parseYesNo } from './answers/choice.js';
import { parseDuration } from './answers/duration.js';
import type { Parsed } from './answers/result.js';
import { parseLines, parseList, parseText } from './answers/text.js';
import { matchUnit } from './answers/unit.js';
import { parseCommand } from './commands.js';
import { runCommand } from './command-handlers.js';
import { ask } from './ops.js';
import { NUMBERS_ARE_STEPS, type Questionnaire } from './questionnaire.js';
import type { Answer, Question } from './questions/question.js';
import {
  SKIP_ID,
  apply,
  info,
  choicesOf,
  labelled,
  prompt,
  promptChoices,
  questionOf,
  refused,
  skip,
  text,
} from './respond.js';
import { entryCursor } from './state.js';
import { T } from './texts.js';
import type { Context, Env, Input, InterviewState, Outbound, StepResult } from './types.js';
import { settleHistory } from './history.js';
import { processEventText, processName, reminderText } from './outside-events.js';
import { View } from './view.js';
import type { Bilingual } from '../language/bilingual.js';
import { parseDeskCommand } from './desk/commands.js';
import { startAnswering } from './desk/handoffs.js';
import { handoffsToAnswer } from '../coordination/answering-unit.js';
import { runDesk } from './desk/run.js';
import { mapOutline } from './summary.js';
import type { Process } from '../model/process.js';

function returnedMap(v: View, d: Process): Outbound {
  return {
    kind: 'map',
    processId: d.id,
    outline: mapOutline(d, v),
    caption: v
      .t({
        id: `Peta yang dikembalikan: ${d.code} ${d.name}`,
        en: `Returned map: ${d.code} ${d.name}`,
      })
      .slice(0, 1000),
  };
}

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
      const desk = parseDeskCommand(input.text);
      if (desk) return runDesk(q, s, ctx, env, desk);
      const command = parseCommand(input.text);
      if (command) return runCommand(q, s, ctx, env, command);
      return answerText(q, s, ctx, env, question, input.text);
    }
    case 'reminder-due': {
      const m = reminderText(s, input.left);
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
      const c = input.confirmation;
      if (draft && c)
        draft.handoffConfirmations = [
          ...draft.handoffConfirmations.filter((x) => x.key !== c.key),
          c,
        ];
      work.history = settleHistory(work.history, work, s);
      if (input.event === 'handoff-asked') {
        // Nothing of that process left for this person's unit to answer (answered already, by a
        // colleague, or on an earlier version): nothing is said.
        const unitId = ctx.person?.unitId;
        const open = ctx.desk && unitId ? handoffsToAnswer(ctx.desk, unitId) : [];
        if (!open.some((x) => x.process.id === input.processId))
          return { state: s, outbound: [], effects: [] };
        // Idle: the question comes at once. Otherwise it waits for /serahterima, so that no
        // answer in progress is interrupted.
        if (s.cursor.q === 'menu')
          return apply(q, work, ctx, env, (w) => startAnswering(w, { processId: input.processId }));
      }
      const said = processEventText(input, name);
      const v = new View(work, ctx, env);
      // A process returned: its map comes with the comment, to correct it where it stands.
      const extra = input.event === 'returned' && draft?.flow ? [returnedMap(v, draft)] : [];
      // At the main menu the menu is not asked again: its buttons above still work.
      if (s.cursor.q === 'menu')
        return { state: work, outbound: [...extra, text(v.t(said))], effects: [] };
      return info(q, v, said, extra);
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
  const refuse = (reason: Bilingual) => refused(q, v, 'invalid-answer', reason);
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
        const p = question.freeLines ? parseLines(raw) : parseText(raw);
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
  const note: Bilingual = {
    id: `Proses "${stored.name}" baru saja diubah orang lain. Saya memuat versi terbaru; jawaban terakhir Anda belum tersimpan, silakan ulangi.`,
    en: `Process "${stored.name}" was just changed by someone else. I loaded the latest version; your last answer was not kept, please repeat it.`,
  };
  return { state: s, outbound: [text(v.t(note)), ...prompt(q, v, false)], effects: [] };
}
