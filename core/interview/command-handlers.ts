// What each command does (/kembali, /ubah 3, /hapus 4, ...): commands run through the same
// apply() as answers, so they are stored, can be undone, and save the drafts they change.
import { deleteStep, moveStepBefore, stepByNo } from '../model/flow-edit.js';
import { isStep } from '../model/process.js';
import { parseText } from './answers/text.js';
import type { Command } from './commands.js';
import { apply, info, prompt, questionOf, refused, skip } from './respond.js';
import { ask, editDraft, localId } from './ops.js';
import { returnFromDetour } from './pipeline.js';
import { sopCommand } from './sop-command.js';
import type { Questionnaire } from './questionnaire.js';
import { isCoordinator } from './questions/invite.js';
import type { Applied } from './questions/question.js';
import { reviewPreamble, startEdit, startInsert } from './questions/review.js';
import { undoneText } from './questions/edit-flow.js';
import { entryCursor } from './state.js';
import { T } from './texts.js';
import type {
  Context,
  Effect,
  Env,
  InterviewState,
  Outbound,
  Snapshot,
  StepResult,
} from './types.js';
import { historyBefore, snapshotsNewestFirst } from './history.js';
import { View } from './view.js';
import type { Bilingual } from '../language/bilingual.js';

export function runCommand(
  q: Questionnaire,
  s: InterviewState,
  ctx: Context,
  env: Env,
  c: Command,
): StepResult {
  const v = new View(s, ctx, env);
  const needFlow = () => !v.draft()?.flow;
  switch (c.name) {
    case 'help': {
      const question = questionOf(q, s);
      return info(q, v, `${v.t(question.help)}\n\n${v.t(T.help)}`);
    }
    case 'status':
      return info(q, v, statusText(v));
    case 'summary':
      if (!v.draft()) return refused(q, v, 'invalid-answer', T.needProcess);
      return { state: s, outbound: [...reviewPreamble(v), ...prompt(q, v, false)], effects: [] };
    case 'bpmn': {
      const d = v.draft();
      if (!d) return refused(q, v, 'invalid-answer', T.needProcess);
      if (!d.flow) return refused(q, v, 'invalid-answer', T.bpmnNeedsSteps);
      // Made from the draft as stored when it is sent (a job, like the map), then the question again.
      const file: Outbound = {
        kind: 'file',
        what: 'bpmn',
        processId: d.id,
        caption: v.t(T.bpmnCaption(d.code, d.name)).slice(0, 1000),
      };
      return { state: s, outbound: [file, ...prompt(q, v, false)], effects: [] };
    }
    case 'skip':
      return skip(q, s, ctx, env);
    case 'back': {
      const last = snapshotsNewestFirst(s.history, s).next();
      if (last.done) return refused(q, v, 'nothing-to-undo', T.nothingToUndo);
      const { index, snapshot } = last.value;
      return apply(q, s, ctx, env, (w) => restore(w, snapshot, index, T.wentBack), {
        history: false,
      });
    }
    case 'undo': {
      const current = JSON.stringify(s.drafts);
      for (const { index, snapshot } of snapshotsNewestFirst(s.history, s)) {
        if (JSON.stringify(snapshot.drafts) !== current)
          return apply(
            q,
            s,
            ctx,
            env,
            (w) => restore(w, snapshot, index, T.undone(undoneText(snapshot, s.drafts))),
            {
              history: false,
            },
          );
      }
      return refused(q, v, 'nothing-to-undo', T.nothingToUndo);
    }
    case 'language':
      return apply(q, s, ctx, env, (w) => {
        w.state.lang = w.state.lang === 'id' ? 'en' : 'id';
        const effects: Effect[] = w.state.personId
          ? [{ kind: 'set-language', personId: w.state.personId, language: w.state.lang }]
          : [];
        return { effects, notes: [T.languageSet] };
      });
    case 'menu':
    case 'cancel':
      return apply(q, s, ctx, env, (w) => cancel(w, c.name === 'menu'));
    case 'edit':
      if (needFlow()) return refused(q, v, 'bad-step-number', T.needProcess);
      return apply(q, s, ctx, env, (w) => startEdit(w, c.no));
    case 'insert':
      if (!v.draft()) return refused(q, v, 'bad-step-number', T.needProcess);
      return apply(q, s, ctx, env, (w) => startInsert(w, c.no));
    case 'delete':
      if (needFlow()) return refused(q, v, 'bad-step-number', T.needProcess);
      return apply(q, s, ctx, env, (w) => deleteNo(w, c.no));
    case 'move':
      if (needFlow()) return refused(q, v, 'bad-step-number', T.needProcess);
      return apply(q, s, ctx, env, (w) => moveNo(w, c.from, c.to));
    case 'rename':
      if (!v.draft()) return refused(q, v, 'invalid-answer', T.needProcess);
      return apply(q, s, ctx, env, (w) => rename(w, c.text));
    case 'invite':
      if (!isCoordinator(v))
        return refused(q, v, 'invalid-answer', {
          id: 'Perintah /undang hanya untuk koordinator.',
          en: 'The /undang command is for coordinators only.',
        });
      return apply(q, s, ctx, env, (w) => {
        w.state.work.returnTo.push({ ...w.cursor });
        ask(w, { q: 'invite.person' });
        return {};
      });
    case 'sop':
      return sopCommand(q, s, ctx, env, c);
    case 'unknown':
      return refused(q, v, 'unknown-command', T.unknownCommand(c.text));
  }
}

function restore(v: View, snap: Snapshot, index: number, note: Bilingual): Applied {
  v.state.cursor = snap.cursor;
  v.state.drafts = snap.drafts.map((d) => {
    // Keep the stored version moving forward: a restore is a new save, not a rewind of storage.
    const now = v.state.drafts.find((x) => x.id === d.id);
    return now ? { ...d, version: now.version } : d;
  });
  v.state.work = snap.work;
  v.state.history = historyBefore(v.state.history, index, snap);
  return { notes: [note] };
}

function cancel(v: View, toMenu: boolean): Applied {
  const w = v.state.work;
  if (v.cursor.mode === 'insert' && v.cursor.nid) {
    const nid = v.cursor.nid;
    editDraft(v, (p) => ({ ...p, flow: deleteStep(p.flow!, nid) }));
  }
  if (!toMenu && w.returnTo.length) {
    w.newParty = undefined;
    w.pickedUnit = undefined;
    returnFromDetour(v);
    return { notes: [{ id: 'Dibatalkan.', en: 'Cancelled.' }] };
  }
  v.state.work = {
    ...w,
    pasted: [],
    branches: [],
    returnTo: [],
    exitLabels: [],
    attach: undefined,
    preset: undefined,
    pickedUnit: undefined,
    newParty: undefined,
  };
  v.state.cursor = v.state.personId ? { q: 'menu' } : entryCursor(v.ctx, null);
  return { notes: [T.cancelled] };
}

function badNo(v: View): Applied {
  const n = v.stepCount();
  return {
    refuse: {
      id: `Tidak ada langkah dengan nomor itu. Nomor langkah: 1-${n}.`,
      en: `There is no step with that number. Steps: 1-${n}.`,
    },
  };
}

function deleteNo(v: View, no: number): Applied {
  const node = stepByNo(v.draft()!.flow!, no);
  if (!node) return badNo(v);
  editDraft(v, (p) => ({ ...p, flow: deleteStep(p.flow!, node.id) }));
  const w = v.state.work;
  w.pasted = w.pasted.filter((id) => id !== node.id);
  w.branches = w.branches.filter((b) => b.from !== node.id);
  w.returnTo = w.returnTo.filter((c) => c.nid !== node.id);
  if (v.cursor.nid === node.id) ask(v, { q: 'review.confirm', pid: v.cursor.pid });
  return { notes: [T.stepDeleted(no, node.name)] };
}

function moveNo(v: View, from: number, to: number): Applied {
  const flow = v.draft()!.flow!;
  const a = stepByNo(flow, from);
  const b = stepByNo(flow, to);
  if (!a || !b || from === to) return badNo(v);
  editDraft(v, (p) => ({ ...p, flow: moveStepBefore(p.flow!, (x) => localId(v, x), a.id, b.id) }));
  const newNo =
    v
      .draft()!
      .flow!.nodes.filter(isStep)
      .findIndex((n) => n.id === a.id) + 1;
  return { notes: [T.stepMoved(from, newNo)] };
}

function rename(v: View, name: string | null): Applied {
  if (name) {
    const p = parseText(name);
    if (!p.ok) return { refuse: p.reason };
    v.draft()!.name = p.value;
    return { notes: [T.renamed(p.value)] };
  }
  v.state.work.returnTo.push({ ...v.cursor });
  ask(v, { q: 'process.rename', pid: v.cursor.pid });
  return {};
}

function statusText(v: View): string {
  const en = v.lang === 'en';
  const lines: string[] = [];
  const me = v.person();
  if (me) lines.push(`${me.name} — ${me.position}, ${v.unitName(me.unitId)}`);
  const d = v.draft();
  if (d)
    lines.push(
      en
        ? `Mapping: ${d.code} ${d.name} (${v.stepCount()} steps)`
        : `Sedang memetakan: ${d.code} ${d.name} (${v.stepCount()} langkah)`,
    );
  const open = v.state.drafts.filter((x) => x.status === 'draft' && x.id !== d?.id);
  if (open.length)
    lines.push((en ? 'Other drafts: ' : 'Draf lain: ') + open.map((x) => x.name).join('; '));
  const waiting = v.state.work.pasted.length + v.state.work.branches.length;
  if (waiting)
    lines.push(
      en
        ? `${waiting} step(s)/branch(es) still to describe.`
        : `${waiting} langkah/cabang masih perlu dilengkapi.`,
    );
  return lines.join('\n') || (en ? 'Nothing in progress.' : 'Belum ada yang sedang dikerjakan.');
}
