// Correcting where a step goes (an activity's next step, a decision's exits), and saying in words
// what an edit changed: the answer to a correction is the change, not the whole map again.
import {
  connect,
  endOf,
  ensureEnd,
  nodeById,
  outgoing,
  pruneEnds,
  removeEdge,
  setNext,
  stepByNo,
  stepNo,
  updateEdge,
} from '../../model/flow-edit.js';
import type { Edge, EndOutcome, Flow, Process, StepNode } from '../../model/process.js';
import { isStep } from '../../model/process.js';
import { formatDuration } from '../answers/duration.js';
import { ask, editDraft, localId } from '../ops.js';
import type { Cursor, Snapshot } from '../types.js';
import type { View } from '../view.js';
import type { Bilingual } from '../../language/bilingual.js';
import { END_CHOICES, endChoices, isEndChoice, parseEnding } from './ends.js';
import { type Applied, type Question, msg, valueOf } from './question.js';

// ---------------------------------------------------------------------------------------------
// Values in words

const OUTCOME_WORDS: Record<EndOutcome, Bilingual> = {
  selesai: msg('Selesai', 'End'),
  ditolak: msg('Berakhir: ditolak', 'Ends: rejected'),
  ditunda: msg('Berakhir: ditunda', 'Ends: deferred'),
  lain: msg('Berakhir', 'Ends'),
};

function both(f: (lang: 'id' | 'en') => string): Bilingual {
  return { id: f('id'), en: f('en') };
}

/** Where an edge ends, in words: `langkah 7 "Menandatangani Renja"`, "Berakhir: ditolak". */
export function targetText(flow: Flow, to: string): Bilingual {
  const n = nodeById(flow, to);
  if (!n) return msg('(belum ada)', '(none yet)');
  if (isStep(n)) {
    const no = stepNo(flow, n.id) ?? '?';
    return msg(`langkah ${no} "${n.name}"`, `step ${no} "${n.name}"`);
  }
  if (n.kind === 'end') {
    const base = OUTCOME_WORDS[n.outcome];
    if (n.outcome === 'lain')
      return msg(`Berakhir: ${n.label ?? 'lain'}`, `Ends: ${n.label ?? 'other'}`);
    return n.label ? msg(`${base.id} (${n.label})`, `${base.en} (${n.label})`) : base;
  }
  return msg('awal proses', 'the start');
}

/** Where a step goes next: one target, or each exit with its target. */
export function nextText(flow: Flow, nid: string): Bilingual {
  const outs = outgoing(flow, nid);
  if (!outs.length) return msg('belum ada', 'nothing yet');
  return both((l) =>
    outs
      .map((e) => (e.label ? `${e.label} → ` : '') + textOf(targetText(flow, e.to), l))
      .join('; '),
  );
}

function textOf(b: Bilingual, lang: 'id' | 'en'): string {
  return lang === 'en' ? b.en : b.id;
}

export type StepField = 'name' | 'performer' | 'kelengkapan' | 'waktu' | 'outputs' | 'keterangan';

const FIELD_NAME: Record<StepField, Bilingual> = {
  name: msg('nama', 'name'),
  performer: msg('pelaksana', 'performer'),
  kelengkapan: msg('kelengkapan', 'requirements'),
  waktu: msg('waktu', 'time'),
  outputs: msg('output', 'output'),
  keterangan: msg('keterangan', 'remarks'),
};

const EMPTY = msg('belum ada', 'none');

/** The current value of one field of a step, in words. */
export function fieldText(v: View, node: StepNode, field: StepField): Bilingual {
  const list = (xs: string[]) => (xs.length ? msg(xs.join(', '), xs.join(', ')) : EMPTY);
  switch (field) {
    case 'name':
      return msg(`"${node.name}"`, `"${node.name}"`);
    case 'performer': {
      const all = [node.performer, ...node.coPerformers].filter((p) => !!p);
      const names = all.map((p) =>
        p.position ? `${p.position} — ${v.unitName(p.unitId)}` : v.unitName(p.unitId),
      );
      return names.length ? msg(names.join(' bersama '), names.join(' with ')) : EMPTY;
    }
    case 'kelengkapan':
      return list(node.kelengkapan);
    case 'waktu':
      return node.waktu ? both((l) => formatDuration(node.waktu!, l)) : EMPTY;
    case 'outputs':
      return list(node.outputs);
    case 'keterangan':
      return node.keterangan ? msg(node.keterangan, node.keterangan) : EMPTY;
  }
}

/** "Sekarang: 2 hari." before a question that asks for a new value. */
export function currentValueNote(v: View, node: StepNode, field: StepField): Bilingual {
  const value = fieldText(v, node, field);
  return msg(`Sekarang: ${value.id}.`, `Now: ${value.en}.`);
}

const FIELDS: StepField[] = ['name', 'performer', 'kelengkapan', 'waktu', 'outputs', 'keterangan'];

/**
 * What changed in a step between two versions of the flow, one line per changed part:
 * "Langkah 10: kelengkapan sekarang Surat permohonan, KTP." Nothing changed: no lines.
 */
export function stepChange(v: View, before: Flow, after: Flow, nid: string): Bilingual | null {
  const a = nodeById(before, nid);
  const b = nodeById(after, nid);
  if (!a || !b || !isStep(a) || !isStep(b)) return null;
  const no = stepNo(after, nid) ?? 0;
  const lines: Bilingual[] = [];
  for (const f of FIELDS) {
    if (JSON.stringify(pick(a, f)) === JSON.stringify(pick(b, f))) continue;
    const value = fieldText(v, b, f);
    lines.push(
      msg(
        `Langkah ${no}: ${FIELD_NAME[f].id} sekarang ${value.id}.`,
        `Step ${no}: ${FIELD_NAME[f].en} is now ${value.en}.`,
      ),
    );
  }
  const edges = (flow: Flow) => outgoing(flow, nid).map((e) => [e.label, e.to, e.document]);
  if (JSON.stringify(edges(before)) !== JSON.stringify(edges(after))) {
    const next = nextText(after, nid);
    lines.push(
      b.kind === 'decision'
        ? msg(`Langkah ${no}: cabang sekarang ${next.id}.`, `Step ${no}: exits are now ${next.en}.`)
        : msg(`Langkah ${no}: sesudahnya ${next.id}.`, `Step ${no}: then ${next.en}.`),
    );
  }
  if (!lines.length) return null;
  return both((l) => lines.map((x) => textOf(x, l)).join('\n'));
}

function pick(n: StepNode, f: StepField): unknown {
  return f === 'performer' ? [n.performer, n.coPerformers] : n[f];
}

// ---------------------------------------------------------------------------------------------
// What /urungkan undid, in words

/** The part of a step a question answers, by question id (ids the engine may not know yet too). */
const QUESTION_PART: Record<string, Bilingual> = {
  'step.name': msg('nama', 'name'),
  'step.performer': msg('pelaksana', 'performer'),
  'step.performer_unit': msg('pelaksana', 'performer'),
  'step.performer_position': msg('pelaksana', 'performer'),
  'edge.document': msg('dokumen serah terima ke', 'handoff document to'),
  'step.kelengkapan': msg('kelengkapan', 'requirements'),
  'step.waktu': msg('waktu', 'time'),
  'activity.output': msg('output', 'output'),
  'activity.next': msg('langkah sesudah', 'what follows'),
  'step.keterangan': msg('keterangan', 'remarks'),
  'decision.exits': msg('cabang', 'exits of'),
  'decision.exit_target': msg('tujuan cabang', 'exit target of'),
  'edit.next': msg('langkah sesudah', 'what follows'),
  'edit.exit_target': msg('tujuan cabang', 'exit target of'),
  'edit.exit_label': msg('nama cabang', 'exit name of'),
  'edit.exit': msg('cabang', 'exits of'),
  'handoff.what': msg('serah terima sesudah', 'handoff after'),
  'handoff.unit': msg('serah terima sesudah', 'handoff after'),
  'handoff.position': msg('serah terima sesudah', 'handoff after'),
};

/** Answers about the process as a whole. */
const PROCESS_PART: Record<string, Bilingual> = {
  'process.category': msg('jenis proses', 'process kind'),
  'process.parent': msg('kelompok proses', 'process group'),
  'process.supplier': msg('pemasok', 'supplier'),
  'process.supplier_more': msg('pemasok', 'supplier'),
  'process.input': msg('masukan', 'input'),
  'process.output': msg('hasil proses', 'process output'),
  'process.customer': msg('pengguna hasil', 'customer'),
  'process.customer_more': msg('pengguna hasil', 'customer'),
  'process.legal_basis': msg('dasar hukum', 'legal basis'),
  'process.rename': msg('nama proses', 'process name'),
  'step.waktu_all': msg('waktu langkah-langkah', 'the times of the steps'),
  'steps.confirm_split': msg('daftar langkah', 'the list of steps'),
};

/**
 * What going back from `now` to `snap` undoes, in words ("jawaban kelengkapan langkah 3",
 * "penghapusan langkah 2 "Meminta usulan""), never a question id.
 */
export function undoneText(snap: Snapshot, now: Process[]): Bilingual {
  const pid = snap.cursor.pid;
  const old = snap.drafts.find((d) => d.id === pid);
  const cur = now.find((d) => d.id === pid);
  const oldSteps = old?.flow?.nodes.filter(isStep) ?? [];
  const curSteps = cur?.flow?.nodes.filter(isStep) ?? [];
  const removed = oldSteps.filter((n) => !curSteps.some((c) => c.id === n.id));
  const added = curSteps.filter((n) => !oldSteps.some((c) => c.id === n.id));
  if (removed.length === 1 && !added.length && old?.flow) {
    const no = stepNo(old.flow, removed[0]!.id);
    return msg(
      `penghapusan langkah ${no} "${removed[0]!.name}"`,
      `deleting step ${no} "${removed[0]!.name}"`,
    );
  }
  if (added.length && !removed.length) {
    const names = added.map((n) => `"${n.name}"`).join(', ');
    return added.length === 1
      ? msg(`langkah baru ${names}`, `the new step ${names}`)
      : msg(`${added.length} langkah baru ${names}`, `${added.length} new steps ${names}`);
  }
  const part = QUESTION_PART[snap.cursor.q];
  const no = old?.flow && snap.cursor.nid ? stepNo(old.flow, snap.cursor.nid) : undefined;
  if (part && no)
    return msg(`jawaban ${part.id} langkah ${no}`, `the answer on ${part.en} step ${no}`);
  if (old && cur && old.name !== cur.name)
    return msg('penggantian nama proses', 'renaming the process');
  const order = (p?: Process) => (p?.flow?.nodes.filter(isStep) ?? []).map((n) => n.id).join();
  if (old && cur && !added.length && !removed.length && order(old) !== order(cur))
    return msg('pemindahan langkah', 'moving a step');
  const whole = PROCESS_PART[snap.cursor.q];
  if (whole) return msg(`jawaban ${whole.id}`, `the answer on ${whole.en}`);
  return msg('perubahan terakhir', 'the last change');
}

// ---------------------------------------------------------------------------------------------
// An activity's next step

const TARGET_HELP = msg(
  'Ketik nomor langkah yang dituju, misalnya "4", atau pilih Selesai / Berakhir: ditolak / Berakhir: ditunda (atau tulis akhirnya, misalnya "Berakhir: izin dicabut").',
  'Type the number of the step it goes to, e.g. "4", or pick End / Ends: rejected / Ends: deferred (or write the ending, e.g. "Berakhir: izin dicabut").',
);

/** The step a typed number names, or an ending in words, or a refusal with an example. */
function typedTarget(v: View, text: string, self: string): { id: string } | { refuse: Bilingual } {
  const ending = parseEnding(text);
  if (ending) return { id: endTarget(v, ending.outcome, ending.label) };
  const m = /^\s*(?:ke\s+)?(?:langkah\s+)?(\d{1,4})\s*\.?\s*$/i.exec(text);
  if (!m) return { refuse: TARGET_HELP };
  const target = stepByNo(v.draft()!.flow!, Number(m[1]));
  if (!target)
    return {
      refuse: msg(
        `Tidak ada langkah ${m[1]}. Nomor langkah: 1-${v.stepCount()}, misalnya "2".`,
        `There is no step ${m[1]}. Steps: 1-${v.stepCount()}, e.g. "2".`,
      ),
    };
  if (target.id === self)
    return {
      refuse: msg(
        `Langkah ${m[1]} tidak bisa menuju dirinya sendiri. Ketik nomor langkah lain, misalnya "${Number(m[1]) + 1}".`,
        `Step ${m[1]} cannot lead to itself. Type another step number, e.g. "${Number(m[1]) + 1}".`,
      ),
    };
  return { id: target.id };
}

/** The end of an outcome (in the clerk's words, when given), added when the flow has none. */
function endTarget(v: View, outcome: EndOutcome, label: string | null = null): string {
  let endId = '';
  editDraft(v, (p) => {
    const r = label
      ? ensureEnd(p.flow!, (x) => localId(v, x), outcome, label)
      : endOf(p.flow!, (x) => localId(v, x), outcome);
    endId = r.endId;
    return { ...p, flow: r.flow };
  });
  return endId;
}

/** A handoff document stays on an edge only while it crosses from one unit to another. */
function documentFor(v: View, from: string, to: string, document: string | null): string | null {
  const a = v.node(from);
  const b = v.node(to);
  if (!document || !a?.performer || !b?.performer) return null;
  return a.performer.unitId !== b.performer.unitId ? document : null;
}

function setNextOf(v: View, to: string): Applied {
  const { pid, nid } = v.cursor;
  const flow = v.draft()!.flow!;
  const document = documentFor(v, nid!, to, outgoing(flow, nid!)[0]?.document ?? null);
  editDraft(v, (p) => ({
    ...p,
    flow: pruneEnds(setNext(p.flow!, (x) => localId(v, x), nid!, to, document)),
  }));
  const after = v.draft()!.flow!;
  const no = v.stepNo();
  const where = targetText(after, to);
  const doc = document ? msg(` (diserahkan: ${document})`, ` (handed over: ${document})`) : null;
  ask(v, { q: 'edit.menu', pid, nid });
  return {
    notes: [
      msg(
        `Langkah ${no}: sesudahnya ${where.id}${doc?.id ?? ''}.`,
        `Step ${no}: then ${where.en}${doc?.en ?? ''}.`,
      ),
    ],
  };
}

export const editNext: Question = {
  id: 'edit.next',
  answer: 'choice',
  text: (v) => {
    const now = nextText(v.draft()!.flow!, v.cursor.nid!);
    return msg(
      `Sekarang sesudah langkah ${v.stepNo()}: ${now.id}.\nKe mana sesudah langkah ${v.stepNo()} "${v.node()!.name}"? Ketik nomor langkah (misalnya 4), atau pilih akhir proses.`,
      `Now after step ${v.stepNo()}: ${now.en}.\nWhere does step ${v.stepNo()} "${v.node()!.name}" go? Type a step number (e.g. 4), or pick an end.`,
    );
  },
  help: TARGET_HELP,
  choices: () => endChoices(),
  free(v, text) {
    const t = typedTarget(v, text, v.cursor.nid!);
    return 'refuse' in t ? t : setNextOf(v, t.id);
  },
  apply: (v, a) => setNextOf(v, endTarget(v, outcomeOf(valueOf(a, 'choice')))),
};

function outcomeOf(choice: string): EndOutcome {
  return isEndChoice(choice) ? END_CHOICES[choice] : 'selesai';
}

// ---------------------------------------------------------------------------------------------
// A decision's exits

function exitsOf(v: View): Edge[] {
  return outgoing(v.draft()!.flow!, v.cursor.nid!);
}

function exitName(e: Edge | undefined, i: number): Bilingual {
  return e?.label ? msg(`"${e.label}"`, `"${e.label}"`) : msg(`ke-${i + 1}`, `no. ${i + 1}`);
}

function toExits(v: View, notes: Bilingual[] = []): Applied {
  ask(v, { q: 'edit.exits', pid: v.cursor.pid, nid: v.cursor.nid });
  return { notes };
}

export const editExits: Question = {
  id: 'edit.exits',
  answer: 'choice',
  text: (v) => {
    const flow = v.draft()!.flow!;
    const lines = (l: 'id' | 'en') =>
      exitsOf(v)
        .map((e, i) => `${i + 1}. ${e.label ?? '?'} → ${textOf(targetText(flow, e.to), l)}`)
        .join('\n');
    return msg(
      `Cabang langkah ${v.stepNo()} "${v.node()!.name}":\n${lines('id')}\nPilih cabang yang diubah (tujuan atau namanya), atau tambah cabang.`,
      `Exits of step ${v.stepNo()} "${v.node()!.name}":\n${lines('en')}\nPick the exit to change (its target or name), or add an exit.`,
    );
  },
  help: msg(
    'Setiap cabang adalah satu jawaban keputusan dengan tujuannya. Keputusan perlu paling sedikit dua cabang.',
    'Each exit is one answer of the decision with where it leads. A decision needs at least two exits.',
  ),
  choices: (v) => [
    ...exitsOf(v)
      .slice(0, 8)
      .map((e, i) => ({ id: `x${i}`, label: `${e.label ?? '?'} → ${targetShort(v, e.to)}` })),
    { id: 'add', label: msg('Tambah cabang', 'Add an exit') },
    { id: 'done', label: msg('Kembali ke menu ubah', 'Back to the edit menu') },
  ],
  apply(v, a) {
    const c = valueOf(a, 'choice');
    const { pid, nid } = v.cursor;
    if (c === 'done') {
      ask(v, { q: 'edit.menu', pid, nid });
      return {};
    }
    if (c === 'add') {
      ask(v, { q: 'edit.exit_target', pid, nid, i: exitsOf(v).length });
      return {};
    }
    ask(v, { q: 'edit.exit', pid, nid, i: Number(c.slice(1)) });
    return {};
  },
};

function targetShort(v: View, to: string): string {
  const flow = v.draft()!.flow!;
  const n = nodeById(flow, to);
  if (n && isStep(n)) return String(stepNo(flow, to) ?? '?');
  return v.t(targetText(flow, to));
}

export const editExit: Question = {
  id: 'edit.exit',
  answer: 'choice',
  text: (v) => {
    const e = exitsOf(v)[v.cursor.i!];
    const where = targetText(v.draft()!.flow!, e?.to ?? '');
    const name = exitName(e, v.cursor.i!);
    return msg(
      `Cabang ${name.id} dari langkah ${v.stepNo()} sekarang ke ${where.id}. Apa yang ingin Anda ubah?`,
      `Exit ${name.en} of step ${v.stepNo()} now goes to ${where.en}. Change what?`,
    );
  },
  help: msg(
    '"Ganti tujuan": cabang ini menuju langkah lain atau akhir lain. "Ganti nama": jawaban keputusannya. "Hapus cabang": bila keputusan masih punya dua cabang lain.',
    '"Change target": this exit leads elsewhere. "Rename": the answer it stands for. "Remove": when two other exits remain.',
  ),
  choices: () => [
    { id: 'target', label: msg('Ganti tujuan', 'Change target') },
    { id: 'label', label: msg('Ganti nama cabang', 'Rename the exit') },
    { id: 'remove', label: msg('Hapus cabang', 'Remove the exit') },
    { id: 'back', label: msg('Kembali ke daftar cabang', 'Back to the exits') },
  ],
  apply(v, a) {
    const c = valueOf(a, 'choice');
    const { pid, nid, i } = v.cursor;
    if (c === 'target') ask(v, { q: 'edit.exit_target', pid, nid, i });
    else if (c === 'label') ask(v, { q: 'edit.exit_label', pid, nid, i });
    else if (c === 'remove') return removeExit(v);
    else return toExits(v);
    return {};
  },
};

function removeExit(v: View): Applied {
  const exits = exitsOf(v);
  const e = exits[v.cursor.i!];
  if (!e) return toExits(v);
  if (exits.length <= 2)
    return {
      refuse: msg(
        'Keputusan perlu paling sedikit dua cabang. Ganti tujuannya saja, atau tambah cabang lain dulu lalu hapus yang ini.',
        'A decision needs at least two exits. Change its target instead, or add another exit first and then remove this one.',
      ),
    };
  const name = exitName(e, v.cursor.i!);
  const no = v.stepNo();
  editDraft(v, (p) => ({ ...p, flow: pruneEnds(removeEdge(p.flow!, e.id)) }));
  return toExits(v, [
    msg(`Cabang ${name.id} dari langkah ${no} dihapus.`, `Exit ${name.en} of step ${no} removed.`),
  ]);
}

function retargetExit(v: View, to: string): Applied {
  const { pid, nid, i } = v.cursor;
  const exits = exitsOf(v);
  const e = exits[i!];
  if (e) {
    const document = documentFor(v, nid!, to, e.document);
    editDraft(v, (p) => ({ ...p, flow: pruneEnds(updateEdge(p.flow!, e.id, { to, document })) }));
    const where = targetText(v.draft()!.flow!, to);
    const name = exitName(e, i!);
    return toExits(v, [
      msg(
        `Cabang ${name.id} dari langkah ${v.stepNo()} sekarang ke ${where.id}.`,
        `Exit ${name.en} of step ${v.stepNo()} now goes to ${where.en}.`,
      ),
    ]);
  }
  // A new exit: drawn now, named next.
  editDraft(v, (p) => ({ ...p, flow: connect(p.flow!, (x) => localId(v, x), nid!, to) }));
  ask(v, { q: 'edit.exit_label', pid, nid, i: exits.length });
  return {};
}

export const editExitTarget: Question = {
  id: 'edit.exit_target',
  answer: 'choice',
  text: (v) => {
    const e = exitsOf(v)[v.cursor.i!];
    if (!e)
      return msg(
        `Cabang baru dari langkah ${v.stepNo()} "${v.node()!.name}" ke mana? Ketik nomor langkah (misalnya 4), atau pilih akhir proses.`,
        `Where does the new exit of step ${v.stepNo()} "${v.node()!.name}" go? Type a step number (e.g. 4), or pick an end.`,
      );
    const where = targetText(v.draft()!.flow!, e.to);
    const name = exitName(e, v.cursor.i!);
    return msg(
      `Sekarang: ${where.id}.\nCabang ${name.id} dari langkah ${v.stepNo()} ke mana? Ketik nomor langkah (misalnya 4), atau pilih akhir proses.`,
      `Now: ${where.en}.\nWhere does exit ${name.en} of step ${v.stepNo()} go? Type a step number (e.g. 4), or pick an end.`,
    );
  },
  help: TARGET_HELP,
  // The likely end first: "tidak lengkap" ends rejected.
  choices: (v) => endChoices(exitsOf(v)[v.cursor.i!]?.label ?? null),
  free(v, text) {
    const t = typedTarget(v, text, v.cursor.nid!);
    return 'refuse' in t ? t : retargetExit(v, t.id);
  },
  apply: (v, a) => retargetExit(v, endTarget(v, outcomeOf(valueOf(a, 'choice')))),
};

export const editExitLabel: Question = {
  id: 'edit.exit_label',
  answer: 'text',
  text: (v) => {
    const e = exitsOf(v)[v.cursor.i!];
    const now = e?.label ? msg(`Sekarang: "${e.label}".\n`, `Now: "${e.label}".\n`) : msg('', '');
    return msg(
      `${now.id}Apa nama cabang ini, yaitu jawaban atas "${v.node()!.name}"? (misalnya "perlu revisi")`,
      `${now.en}What is this exit called, i.e. the answer to "${v.node()!.name}"? (e.g. "needs revision")`,
    );
  },
  help: msg(
    'Nama cabang adalah jawaban keputusan yang membawa ke arah ini, misalnya "ya", "tidak lengkap", "perlu revisi".',
    'An exit name is the answer of the decision that leads this way, e.g. "yes", "incomplete", "needs revision".',
  ),
  apply(v, a) {
    const label = valueOf(a, 'text').trim().toLowerCase();
    const exits = exitsOf(v);
    const i = v.cursor.i!;
    const e = exits[i];
    if (!e) return toExits(v);
    if (label.length > 40)
      return {
        refuse: msg(
          'Nama cabang paling banyak 40 huruf, misalnya "perlu revisi".',
          'An exit name has at most 40 letters, e.g. "needs revision".',
        ),
      };
    if (exits.some((x, k) => k !== i && x.label?.toLowerCase() === label))
      return {
        refuse: msg(
          `Cabang "${label}" sudah ada. Tulis nama lain, misalnya "${label} sebagian".`,
          `There is already an exit "${label}". Write another name, e.g. "${label} partly".`,
        ),
      };
    const isNew = e.label === null;
    editDraft(v, (p) => ({ ...p, flow: updateEdge(p.flow!, e.id, { label }) }));
    const where = targetText(v.draft()!.flow!, e.to);
    const no = v.stepNo();
    return toExits(v, [
      isNew
        ? msg(
            `Cabang baru "${label}" dari langkah ${no} ke ${where.id}.`,
            `New exit "${label}" of step ${no} to ${where.en}.`,
          )
        : msg(
            `Cabang "${e.label}" dari langkah ${no} sekarang bernama "${label}".`,
            `Exit "${e.label}" of step ${no} is now called "${label}".`,
          ),
    ]);
  },
};

/** Whether a cursor is inside a correction (an edit, an insert, a rename), not the description. */
export function inCorrection(c: Cursor): boolean {
  return !!c.mode || CORRECTION.has(c.q);
}

const CORRECTION: ReadonlySet<string> = new Set([
  'review.confirm',
  'edit.pick',
  'edit.menu',
  'insert.where',
  'process.rename',
  'step.keterangan',
  'edit.next',
  'edit.exits',
  'edit.exit',
  'edit.exit_target',
  'edit.exit_label',
]);
