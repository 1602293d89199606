// The interview engine: one pure function from (state, one input) to (state, what to say, what
// to change). It never sends, stores or reads the clock; the caller does.
import type { Unit } from '../model/organisation.js';

import { parseChoiceReply, parseStepNo, parseYesNo } from './answers/choice.js';
import { formatDuration, isDurationReason, parseDuration } from './answers/duration.js';
import type { Parsed } from './answers/result.js';
import {
  MAX_NAME,
  MAX_TEXT,
  SPLIT_PASTE_MIN,
  cleanInput,
  parseLines,
  parseList,
  parseText,
} from './answers/text.js';
import { matchUnit, mixedScript, nearestUnits } from './answers/unit.js';
import { updateStep } from '../model/flow-edit.js';
import { parseCommand } from './commands.js';
import { runCommand } from './command-handlers.js';
import { ask, editDraft } from './ops.js';
import { LIMITS } from './limits.js';
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

/** Questions that take a list (a 'list' question, or a choice that takes free text). */
function takesWords(question: Question): boolean {
  return question.answer === 'list' || !!question.free;
}

/**
 * Telegram splits a paste over 4,096 characters into several messages: a long message is held
 * as the first part and joined with the next, so that neither half is refused alone. "selesai"
 * (or ".") takes what is held as it is.
 */
function joinSplitPaste(
  q: Questionnaire,
  s: InterviewState,
  ctx: Context,
  env: Env,
  question: Question,
  raw: string,
): { result: StepResult } | { s: InterviewState; raw: string } {
  const held = s.work.heldPaste;
  const same = held && held.q === s.cursor.q && held.pid === s.cursor.pid;
  let text = raw;
  let state = s;
  if (held) {
    state = structuredClone(s);
    state.work.heldPaste = undefined;
    if (same)
      text = /^\s*(selesai|sudah|\.|done)\s*$/i.test(raw) ? held.text : `${held.text}\n${raw}`;
  }
  // Only a list of several lines that fills a Telegram message can be the first part of a split.
  const size = cleanInput(raw).length;
  if (
    !takesWords(question) ||
    !raw.includes('\n') ||
    size < SPLIT_PASTE_MIN ||
    size > LIMITS.textMax
  )
    return { s: state, raw: text };
  const n = cleanInput(text).length;
  return {
    result: apply(
      q,
      state,
      ctx,
      env,
      (w) => {
        w.state.work.heldPaste = {
          q: w.state.cursor.q,
          ...(w.state.cursor.pid ? { pid: w.state.cursor.pid } : {}),
          text,
        };
        return {
          notes: [
            {
              id: `Pesan Anda panjang (${n} karakter). Telegram memotong pesan di atas 4.096 karakter menjadi beberapa pesan, jadi saya simpan dulu dan menunggu lanjutannya: kirim bagian berikutnya, nanti saya gabungkan. Bila memang sudah lengkap, ketik "selesai".`,
              en: `Your message is long (${n} characters). Telegram splits messages over 4,096 characters into several, so I am holding it for the rest: send the next part and I will join them. If it is complete, type "selesai".`,
            },
          ],
        };
      },
      { history: false },
    ),
  };
}

function answerText(
  q: Questionnaire,
  s0: InterviewState,
  ctx: Context,
  env: Env,
  question: Question,
  raw0: string,
): StepResult {
  const joined = joinSplitPaste(q, s0, ctx, env, question, raw0);
  if ('result' in joined) return joined.result;
  const { s, raw } = joined;
  const v = new View(s, ctx, env);
  const refuse = (reason: Bilingual) => refused(q, v, 'invalid-answer', reason);
  const textMax = question.textMax ?? MAX_TEXT;
  // A lone dash is how forms say "nothing": it skips a question that may be skipped.
  if (/^\s*[-–—]\s*$/.test(raw) && question.optional?.(v) && question.skip)
    return skip(q, s, ctx, env);
  switch (question.answer) {
    case 'text': {
      const p = parseText(raw, textMax);
      return p.ok
        ? apply(q, s, ctx, env, (w) => question.apply(w, { type: 'text', value: p.value }))
        : refuse(p.reason);
    }
    case 'list': {
      const p = parseList(raw, {
        splitCommas: false,
        ...(question.linesOnly ? { linesOnly: true } : {}),
        ...(question.maxItems ? { max: question.maxItems } : {}),
        // Each item is a name unless the question says otherwise (a legal basis is longer).
        ...(question.textMax ? { itemMax: question.textMax } : {}),
      });
      return p.ok
        ? apply(q, s, ctx, env, (w) => question.apply(w, { type: 'list', value: p.value }))
        : refuse(p.reason);
    }
    case 'duration': {
      const p = parseDuration(parseText(raw).ok ? raw : '');
      if (p.ok) {
        // Said back as stored: "1,5 hari" is 1.5 days, not 1 or 5.
        const echo = {
          id: `Waktu: ${formatDuration(p.value, 'id')}.`,
          en: `Time: ${formatDuration(p.value, 'en')}.`,
        };
        return apply(q, s, ctx, env, (w) => {
          const r = question.apply(w, { type: 'duration', value: p.value });
          return 'refuse' in r ? r : { ...r, notes: [echo, ...(r.notes ?? [])] };
        });
      }
      // A reason instead of a duration ("tergantung jadwal rapat"): kept as the step's
      // keterangan, and the step goes on without a duration.
      const node = s.cursor.nid ? v.node(s.cursor.nid) : undefined;
      if (node && question.skip && question.optional?.(v) && isDurationReason(raw)) {
        const reason = parseText(raw, 1000);
        if (reason.ok)
          return apply(q, s, ctx, env, (w) => {
            const nid = w.cursor.nid!;
            const before = w.node(nid)?.keterangan;
            const keterangan = (before ? `${before}; ${reason.value}` : reason.value).slice(
              0,
              4000,
            );
            editDraft(w, (d) => ({ ...d, flow: updateStep(d.flow!, nid, { keterangan }) }));
            const r = question.skip!(w);
            const kept = {
              id: `Waktu tidak diisi; "${reason.value}" saya catat sebagai keterangan langkah ini. Bila ada perkiraan lamanya, isi nanti lewat /ubah, misalnya "2 hari kerja".`,
              en: `No time recorded; "${reason.value}" is kept as this step's remark. If there is an estimate, add it later with /ubah, e.g. "2 hari kerja".`,
            };
            return 'refuse' in r ? r : { ...r, notes: [kept, ...(r.notes ?? [])] };
          });
      }
      return refuse(p.reason);
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
        const p = question.freeLines ? parseLines(raw) : parseText(raw, textMax);
        if (!p.ok) return refuse(p.reason);
        return apply(q, s, ctx, env, (w) => question.free!(w, p.value));
      }
      return refuse(picked && !picked.ok ? picked.reason : T.staleButton);
    }
    case 'unit':
      return answerUnit(q, s, ctx, env, question, raw);
  }
}

const UNIT_EXAMPLE = { id: 'misalnya "Bagian Organisasi"', en: 'e.g. "Bagian Organisasi"' };

function answerUnit(
  q: Questionnaire,
  s: InterviewState,
  ctx: Context,
  env: Env,
  question: Question,
  raw: string,
): StepResult {
  const v = new View(s, ctx, env);
  const refuse = (reason: Bilingual) => refused(q, v, 'invalid-answer', reason);
  const p = parseText(raw, MAX_NAME, UNIT_EXAMPLE);
  if (!p.ok) return refuse(p.reason);
  const mixed = mixedScript(p.value);
  if (mixed) {
    const near = nearestUnits(mixed.latin, v.units(), 1)[0];
    const example = near?.name ?? mixed.latin;
    return refuse({
      id: `"${p.value}" memuat huruf dari aksara lain (misalnya huruf Sirilik) yang mirip huruf Latin, sehingga tampak sama tetapi berbeda. Ketik ulang dengan huruf Latin biasa, misalnya "${example}".`,
      en: `"${p.value}" contains letters of another script (e.g. Cyrillic) that look like Latin ones: it looks the same but is not. Type it again in plain Latin letters, e.g. "${example}".`,
    });
  }
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
    const first = match.units[0]!.name;
    return refuse({
      id: `Ada beberapa yang cocok: ${names}. Tulis lebih lengkap, misalnya "${first}".`,
      en: `Several match: ${names}. Please write it in full, e.g. "${first}".`,
    });
  }
  if (!question.allowNewUnit) {
    const near = nearestUnits(p.value, v.units(), 3);
    const example = near[0]?.name ?? choices[0]?.label ?? 'Bagian Organisasi';
    return refuse({
      id: `Unit "${p.value}" tidak ada di daftar.${near.length ? ` Yang paling mirip: ${near.map((u) => u.name).join('; ')}.` : ''} Pilih tombolnya atau tulis nama unit yang ada, misalnya "${example}".`,
      en: `Unit "${p.value}" is not in the list.${near.length ? ` Nearest: ${near.map((u) => u.name).join('; ')}.` : ''} Pick a button or write an existing unit's name, e.g. "${example}".`,
    });
  }
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
