// The end of a process: the numbered summary, the map, the findings, and confirm or correct.
import { suggestActiveVerb } from '../../language/indonesian.js';
import { checkProcess } from '../../rules/index.js';
import { insertBefore, stepByNo, updateStep } from '../../model/flow-edit.js';
import type { StepNode } from '../../model/process.js';
import { ask, editDraft, ensureFlow, localId } from '../ops.js';
import { continueStep, returnFromDetour } from '../pipeline.js';
import { findingsText, mapOutline, summaryText } from '../summary.js';
import { T } from '../texts.js';
import type { Outbound } from '../types.js';
import type { View } from '../view.js';
import { type Applied, type Question, msg, valueOf } from './question.js';
import type { QuestionId } from '../question-ids.js';
import { askAnsweringUnits } from '../desk/handoffs.js';
import type { InterviewState } from '../types.js';
import {
  type StepField,
  currentValueNote,
  inCorrection,
  stepChange,
  targetText,
} from './edit-flow.js';

export function reviewPreamble(v: View): Outbound[] {
  const d = v.draft();
  if (!d) return [];
  const out: Outbound[] = [];
  for (const text of summaryText(d, v)) out.push({ kind: 'text', text });
  out.push({
    kind: 'map',
    processId: d.id,
    outline: mapOutline(d, v),
    // The title, and where the BPMN file is (under it, so a page mark stays on the title).
    caption: [
      v.t(msg(`Draf peta: ${d.code} ${d.name}`, `Draft map: ${d.code} ${d.name}`)).slice(0, 900),
      v.t(T.bpmnOffer),
    ].join('\n'),
  });
  const org = v.org();
  if (org)
    for (const text of findingsText(checkProcess(d, { ...org, units: v.units() }), v))
      out.push({ kind: 'text', text });
  return out;
}

/**
 * The map is sent when the review is reached from the description (or a resume), not after a
 * correction: a correction answers with what it changed, and /peta shows the map on request.
 */
function reviewIntro(v: View, before?: InterviewState): Outbound[] {
  if (!before || before.cursor.pid !== v.cursor.pid || !inCorrection(before.cursor))
    return reviewPreamble(v);
  const { nid, mode } = before.cursor;
  const flow = v.draft()?.flow;
  const node = nid ? v.node(nid) : undefined;
  // An inserted step, described: say where it went.
  if (mode === 'insert' && node && flow) {
    const no = v.stepNo(node.id);
    const next = flow.edges.find((e) => e.from === node.id);
    const where = next ? targetText(flow, next.to) : null;
    return [
      {
        kind: 'text',
        text: v.t(
          msg(
            `Langkah ${no} "${node.name}" disisipkan${where ? `, sebelum ${where.id}` : ''}.`,
            `Step ${no} "${node.name}" inserted${where ? `, before ${where.en}` : ''}.`,
          ),
        ),
      },
    ];
  }
  return [];
}

export const reviewConfirm: Question = {
  id: 'review.confirm',
  answer: 'choice',
  preamble: reviewIntro,
  text: () => msg('Apakah peta ini sudah benar?', 'Is this map right?'),
  help: msg(
    '"Sudah benar" mengirim proses ke koordinator. Untuk memperbaiki: /ubah 3, /sisip 3, /hapus 3, /pindah 5 2, /nama Nama Baru. /peta menampilkan peta lagi; /bpmn mengirim berkas BPMN-nya (untuk Camunda Modeler / bpmn.io); /sop mengirim SOP AP-nya.',
    '"It is right" submits the process to the coordinator. To correct: /ubah 3, /sisip 3, /hapus 3, /pindah 5 2, /nama New Name. /peta shows the map again; /bpmn sends it as a BPMN file (for Camunda Modeler / bpmn.io); /sop sends its SOP AP.',
  ),
  choices: () => [
    { id: 'confirm', label: msg('Sudah benar', 'It is right') },
    { id: 'edit', label: msg('Ubah langkah', 'Edit a step') },
    { id: 'insert', label: msg('Tambah langkah', 'Add a step') },
  ],
  apply(v, a) {
    const c = valueOf(a, 'choice');
    const pid = v.cursor.pid!;
    if (c === 'edit') {
      ask(v, { q: 'edit.pick', pid });
      return {};
    }
    if (c === 'insert') {
      ask(v, { q: 'insert.where', pid });
      return {};
    }
    const d = v.draft(pid)!;
    const org = v.org();
    const errors = org
      ? checkProcess(d, { ...org, units: v.units() }).filter((f) => f.level === 'error')
      : [];
    if (errors.length) return { refuse: T.blockedByErrors(errors.length) };
    d.status = 'submitted';
    const organisationId = v.state.organisationId ?? org?.id ?? '';
    const personId = v.state.personId ?? '';
    const w = v.state.work;
    w.queue = w.queue.filter((id) => id !== pid);
    const next = w.queue[0];
    if (next)
      ask(v, {
        q: v.draft(next)?.code === '00' ? 'process.category' : 'process.supplier',
        pid: next,
      });
    else ask(v, { q: 'menu' });
    const me = v.person();
    const who = me ? `${me.name} (${me.position})` : '?';
    // The coordinators, and the heads of the unit that owns the process, are told.
    const reviewers = (org?.people ?? []).filter(
      (p) =>
        p.id !== personId &&
        (p.roles.includes('coordinator') ||
          (p.roles.includes('unit_head') && p.unitId === (d.ownerUnitId ?? me?.unitId))),
    );
    return {
      effects: [
        { kind: 'submitted', organisationId, processId: pid, personId },
        ...reviewers.map((p) => ({
          kind: 'notify' as const,
          personId: p.id,
          message: T.submittedNotice(who, d.code, d.name),
        })),
        // The units that must answer its handoffs are asked, each in their own chat.
        ...askAnsweringUnits(v, d),
      ],
      notes: [T.submitted(d.name)],
    };
  },
};

export const editPick: Question = {
  id: 'edit.pick',
  answer: 'step',
  text: (v) =>
    msg(
      `Langkah nomor berapa yang diubah? (1-${v.stepCount()})`,
      `Which step number to edit? (1-${v.stepCount()})`,
    ),
  help: msg('Nomor langkah seperti di ringkasan.', 'The step number as in the summary.'),
  apply(v, a) {
    const node = stepByNo(v.draft()!.flow!, valueOf(a, 'step'))!;
    v.state.work.returnTo.push({ q: 'review.confirm', pid: v.cursor.pid });
    ask(v, { q: 'edit.menu', pid: v.cursor.pid, nid: node.id });
    return {};
  },
};

/** Opens the edit menu of step `no`, remembering where the person was. */
export function startEdit(v: View, no: number): Applied {
  const flow = v.draft()?.flow;
  const node = flow ? stepByNo(flow, no) : undefined;
  if (!node) return { refuse: badStep(v) };
  v.state.work.returnTo.push({ ...v.cursor });
  ask(v, { q: 'edit.menu', pid: v.cursor.pid, nid: node.id });
  return {};
}

/** Inserts a blank activity before step `no` (or at the end with 0) and describes it. */
export function startInsert(v: View, no: number): Applied {
  const pid = v.cursor.pid!;
  const flow = ensureFlow(v, pid).flow!;
  const before = no === 0 ? endOrLast(flow) : stepByNo(flow, no)?.id;
  if (!before) return { refuse: badStep(v) };
  v.state.work.returnTo.push({ ...v.cursor });
  const id = localId(v, 'a');
  const node: StepNode = {
    kind: 'activity',
    id,
    name: '…',
    performer: null,
    coPerformers: [],
    kelengkapan: [],
    waktu: null,
    outputs: [],
    keterangan: null,
  };
  editDraft(
    v,
    (p) => ({ ...p, flow: insertBefore(p.flow!, (x) => localId(v, x), node, before) }),
    pid,
  );
  ask(v, { q: 'step.name', pid, nid: id, mode: 'insert' });
  return {};
}

function endOrLast(
  flow: NonNullable<ReturnType<View['draft']>>['flow'] & object,
): string | undefined {
  return flow.nodes.find((n) => n.kind === 'end')?.id;
}

function badStep(v: View) {
  const n = v.stepCount();
  return n
    ? msg(
        `Tidak ada langkah dengan nomor itu. Nomor langkah: 1-${n}.`,
        `There is no step with that number. Steps: 1-${n}.`,
      )
    : T.noSteps;
}

export const insertWhere: Question = {
  id: 'insert.where',
  answer: 'choice',
  text: (v) =>
    msg(
      `Sisipkan langkah baru sebelum langkah nomor berapa? (1-${v.stepCount()}), atau pilih "Di akhir".`,
      `Insert the new step before which step number? (1-${v.stepCount()}), or pick "At the end".`,
    ),
  help: msg(
    'Langkah baru masuk sebelum langkah yang dipilih.',
    'The new step goes before the chosen step.',
  ),
  choices: () => [{ id: 'end', label: msg('Di akhir', 'At the end') }],
  free(v, text) {
    const m = /^\s*(\d{1,4})\s*$/.exec(text);
    if (!m) return { refuse: badStep(v) };
    ask(v, { q: 'review.confirm', pid: v.cursor.pid });
    return startInsert(v, Number(m[1]));
  },
  apply(v) {
    ask(v, { q: 'review.confirm', pid: v.cursor.pid });
    return startInsert(v, 0);
  },
};

export const stepName: Question = {
  id: 'step.name',
  answer: 'text',
  text: (v) =>
    v.cursor.mode === 'insert'
      ? msg('Apa kegiatan langkah baru ini?', 'What is the activity of this new step?')
      : msg(
          `Nama baru untuk langkah ${v.stepNo()} "${v.node()!.name}"?`,
          `New name for step ${v.stepNo()} "${v.node()!.name}"?`,
        ),
  help: msg(
    'Tulis dengan kata kerja aktif, misalnya "Memeriksa berkas".',
    'Use an active verb, e.g. "Memeriksa berkas".',
  ),
  apply(v, a) {
    const nid = v.cursor.nid!;
    const node = v.node()!;
    let name = valueOf(a, 'text');
    const notes = [];
    if (node.kind === 'activity') {
      const s = suggestVerb(name);
      if (s) {
        name = s;
        notes.push(T.nameSuggested(s));
      }
    } else if (!name.endsWith('?')) name = `${name}?`;
    editDraft(v, (p) => ({ ...p, flow: updateStep(p.flow!, nid, { name }) }));
    return { notes: continueStep(v, nid, 'created', notes) };
  },
};

function suggestVerb(name: string): string | null {
  const s = suggestActiveVerb(name);
  return s && s !== name ? s : null;
}

/** The edit menu's choices that ask for a new value of one field, with that field. */
const FIELD_OF: Record<string, { q: QuestionId; field: StepField }> = {
  name: { q: 'step.name', field: 'name' },
  performer: { q: 'step.performer', field: 'performer' },
  kelengkapan: { q: 'step.kelengkapan', field: 'kelengkapan' },
  waktu: { q: 'step.waktu', field: 'waktu' },
  output: { q: 'activity.output', field: 'outputs' },
  keterangan: { q: 'step.keterangan', field: 'keterangan' },
};

export const editMenu: Question = {
  id: 'edit.menu',
  answer: 'choice',
  // Back from a field of this step: say what the answer changed.
  preamble(v, before) {
    const { pid, nid } = v.cursor;
    if (!before || before.cursor.mode !== 'edit' || before.cursor.nid !== nid) return [];
    if (before.cursor.pid !== pid) return [];
    const old = before.drafts.find((d) => d.id === pid)?.flow;
    const now = v.draft()?.flow;
    const change = old && now && nid ? stepChange(v, old, now, nid) : null;
    return change ? [{ kind: 'text', text: v.t(change) }] : [];
  },
  text: (v) => {
    const n = v.node()!;
    return msg(
      `Bagian mana dari langkah ${v.stepNo()} "${n.name}" yang ingin Anda ubah?`,
      `What to change in step ${v.stepNo()} "${n.name}"?`,
    );
  },
  help: msg(
    'Pilih bagian yang diubah, lalu "Selesai mengubah". "Langkah berikutnya" / "Cabang": ke mana langkah ini berlanjut.',
    'Pick what to change, then "Done editing". "Next step" / "Exits": where this step leads.',
  ),
  choices: (v) => [
    { id: 'name', label: msg('Nama kegiatan', 'Activity name') },
    { id: 'performer', label: msg('Pelaksana', 'Performer') },
    { id: 'kelengkapan', label: msg('Kelengkapan', 'Requirements') },
    { id: 'waktu', label: msg('Waktu', 'Time') },
    ...(v.node()?.kind === 'activity'
      ? [
          { id: 'output', label: msg('Output', 'Output') },
          { id: 'next', label: msg('Langkah berikutnya', 'Next step') },
        ]
      : [{ id: 'exits', label: msg('Cabang', 'Exits') }]),
    { id: 'keterangan', label: msg('Keterangan', 'Remarks') },
    { id: 'done', label: msg('Selesai mengubah', 'Done editing') },
  ],
  apply(v, a) {
    const c = valueOf(a, 'choice');
    const { pid, nid } = v.cursor;
    if (c === 'done') {
      returnFromDetour(v);
      return { notes: [msg('Perubahan disimpan.', 'Changes saved.')] };
    }
    if (c === 'next' || c === 'exits') {
      ask(v, { q: c === 'next' ? 'edit.next' : 'edit.exits', pid, nid });
      return {};
    }
    const f = FIELD_OF[c]!;
    const node = v.node()!;
    ask(v, { q: f.q, pid, nid, mode: 'edit' });
    // The name is in the question itself; other values are said before it.
    return { notes: f.field === 'name' ? [] : [currentValueNote(v, node, f.field)] };
  },
};

export const stepKeterangan: Question = {
  id: 'step.keterangan',
  answer: 'text',
  optional: () => true,
  text: (v) => msg(`Keterangan untuk langkah ${v.stepNo()}?`, `Remarks for step ${v.stepNo()}?`),
  help: msg(
    'Catatan tambahan pada kolom Keterangan SOP.',
    "An extra note for the SOP's remarks column.",
  ),
  apply(v, a) {
    const nid = v.cursor.nid!;
    const keterangan = valueOf(a, 'text');
    editDraft(v, (p) => ({ ...p, flow: updateStep(p.flow!, nid, { keterangan }) }));
    ask(v, { q: 'edit.menu', pid: v.cursor.pid, nid });
    return {};
  },
  skip(v) {
    ask(v, { q: 'edit.menu', pid: v.cursor.pid, nid: v.cursor.nid });
    return {};
  },
};

export const processRename: Question = {
  id: 'process.rename',
  answer: 'text',
  text: (v) =>
    msg(
      `Nama baru untuk proses "${v.draft()!.name}"?`,
      `New name for the process "${v.draft()!.name}"?`,
    ),
  help: msg(
    'Nama proses berupa kata benda, misalnya "Penyusunan Rencana Kerja".',
    'Process names are nouns, e.g. "Penyusunan Rencana Kerja".',
  ),
  apply(v, a) {
    const name = valueOf(a, 'text');
    v.draft()!.name = name;
    returnFromDetour(v);
    return { notes: [T.renamed(name)] };
  },
};
