// Describing steps: name, performer, what is handed over, kelengkapan, waktu, output, what next.
import { suggestActiveVerb } from '../../language/indonesian.js';
import {
  appendNode,
  connect,
  ensureEnd,
  orderExits,
  outgoing,
  stepByNo,
  updateEdge,
  updateStep,
} from '../../model/flow-edit.js';
import type { Performer, StepNode } from '../../model/process.js';
import { formatDuration } from '../answers/duration.js';
import { ask, editDraft, ensureFlow, localId } from '../ops.js';
import { closeChain, continueStep, crossUnitEdgeWithoutDocument } from '../pipeline.js';
import { T } from '../texts.js';
import type { Msg } from '../types.js';
import { View, samePerformer } from '../view.js';
import { isExternalUnit } from './sipoc.js';
import { type Applied, type ChoiceDef, type Question, msg, valueOf } from './question.js';

const MAX_PASTE = 1000;

/** Adds steps named by the person, wired in where `work.attach` says; a pasted list is chained. */
export function addSteps(v: View, names: string[]): { first: string; notes: Msg[] } {
  const pid = v.cursor.pid!;
  ensureFlow(v, pid);
  const w = v.state.work;
  const notes: Msg[] = [];
  const attach = w.attach ?? defaultAttach(v);
  w.attach = undefined;
  const ids: string[] = [];
  editDraft(
    v,
    (p) => {
      let flow = p.flow!;
      let prev: string | null = null;
      for (const [i, raw] of names.entries()) {
        const kind = raw.trim().endsWith('?') ? 'decision' : 'activity';
        let name = raw;
        if (kind === 'activity') {
          const s = suggestActiveVerb(raw);
          if (s && s !== raw) {
            name = s;
            if (names.length === 1) notes.push(T.nameSuggested(s));
          }
        }
        const id = localId(v, kind === 'decision' ? 'd' : 'a');
        const performer =
          i === 0 && w.preset ? { unitId: w.preset.unitId, position: w.preset.position } : null;
        const node: StepNode = {
          kind,
          id,
          name,
          performer,
          kelengkapan: [],
          waktu: null,
          output: null,
          keterangan: null,
        };
        flow = appendNode(flow, node);
        flow = prev
          ? connect(flow, (x) => localId(v, x), prev, id)
          : connect(flow, (x) => localId(v, x), attach.from, id, {
              label: attach.label,
              document: attach.document,
            });
        if (!prev && 'order' in attach && attach.order)
          flow = orderExits(flow, attach.from, attach.order);
        prev = id;
        ids.push(id);
      }
      return { ...p, flow };
    },
    pid,
  );
  w.preset = undefined;
  if (names.length > 1) {
    w.pasted.unshift(...ids.slice(1));
    notes.push(
      msg(
        `Saya catat ${names.length} langkah berurutan. Sekarang kita lengkapi satu per satu.`,
        `Noted ${names.length} steps in order. Now let us complete them one by one.`,
      ),
    );
  }
  return { first: ids[0]!, notes };
}

/** With nothing to attach to: after the start (first step) or after the last step. */
function defaultAttach(v: View) {
  const flow = v.draft()!.flow!;
  const steps = flow.nodes.filter((n) => n.kind === 'activity' || n.kind === 'decision');
  const from = steps.length
    ? steps[steps.length - 1]!.id
    : flow.nodes.find((n) => n.kind === 'start')!.id;
  return { from, label: null, document: null };
}

export const activityName: Question = {
  id: 'activity.name',
  answer: 'list',
  maxItems: MAX_PASTE,
  text: (v) => {
    const n = v.stepCount() + 1;
    return n === 1
      ? msg(
          'Langkah 1: apa kegiatan pertama? Tulis dengan kata kerja, misalnya "Menerima surat edaran".\nBila sudah tahu semua langkahnya, boleh kirim sekaligus, satu per baris (keputusan diakhiri tanda tanya, misalnya "Berkas lengkap?").',
          'Step 1: what is the first activity? Use a verb, e.g. "Menerima surat edaran".\nIf you know all the steps, send them at once, one per line (decisions end with a question mark, e.g. "Berkas lengkap?").',
        )
      : msg(`Langkah ${n}: apa kegiatannya?`, `Step ${n}: what is the activity?`);
  },
  help: msg(
    'Tulis kegiatan dengan kata kerja aktif tanpa subjek: "Memeriksa kelengkapan berkas", bukan "berkas diperiksa". Saya bantu merapikan bila perlu.',
    'Write the activity as an active verb without a subject: "Memeriksa kelengkapan berkas", not "berkas diperiksa". I will help tidy it.',
  ),
  apply(v, a) {
    const names = valueOf(a, 'list');
    if (names.length > MAX_PASTE)
      return {
        refuse: msg(
          `Paling banyak ${MAX_PASTE} langkah sekaligus.`,
          `At most ${MAX_PASTE} steps at once.`,
        ),
      };
    const { first, notes } = addSteps(v, names);
    return { notes: continueStep(v, first, 'created', notes) };
  },
};

function performerChoices(v: View): ChoiceDef[] {
  const me = v.person();
  const out: ChoiceDef[] = [];
  if (me) out.push({ id: 'me', label: msg(`Saya (${me.position})`, `Me (${me.position})`) });
  for (const [i, p] of v.usedPerformers().entries()) {
    if (me && samePerformer(p, { unitId: me.unitId, position: me.position })) continue;
    if (out.length >= 6) break;
    out.push({ id: `used:${i}`, label: v.performerLabel(p).slice(0, 60) });
  }
  out.push({
    id: 'same-unit',
    label: msg('Jabatan lain di unit saya', 'Another position in my unit'),
  });
  out.push({ id: 'other-unit', label: msg('Unit/pihak lain', 'Another unit/party') });
  return out;
}

function setPerformer(v: View, performer: Performer): Applied {
  const nid = v.cursor.nid!;
  editDraft(v, (p) => ({ ...p, flow: updateStep(p.flow!, nid, { performer }) }));
  return { notes: continueStep(v, nid, 'performer') };
}

export const stepPerformer: Question = {
  id: 'step.performer',
  answer: 'choice',
  text: (v) => {
    const n = v.node()!;
    return n.kind === 'decision'
      ? msg(`Siapa yang memutuskan "${n.name}"?`, `Who decides "${n.name}"?`)
      : msg(
          `Siapa pelaksana langkah ${v.stepNo()} "${n.name}"?`,
          `Who performs step ${v.stepNo()} "${n.name}"?`,
        );
  },
  help: msg(
    'Pelaksana adalah jabatan di sebuah unit, misalnya "Kasubbag Umum". Bisa juga pihak luar seperti Pemohon. Boleh juga langsung ketik jabatannya.',
    'The performer is a position in a unit, e.g. "Kasubbag Umum", or an outside party such as the applicant. You may type the position directly.',
  ),
  choices: performerChoices,
  free(v, text) {
    // A typed position belongs to the person's own unit.
    const me = v.person();
    if (!me)
      return {
        refuse: msg(
          'Pilih "Unit/pihak lain" lalu sebutkan unitnya.',
          'Pick "Another unit/party" and name the unit.',
        ),
      };
    return setPerformer(v, { unitId: me.unitId, position: text });
  },
  apply(v, a) {
    const c = valueOf(a, 'choice');
    const me = v.person();
    const { pid, nid, mode } = v.cursor;
    if (c === 'me' && me) return setPerformer(v, { unitId: me.unitId, position: me.position });
    if (c.startsWith('used:')) {
      const p = v.usedPerformers()[Number(c.slice(5))];
      if (p) return setPerformer(v, p);
    }
    if (c === 'same-unit' && me) {
      v.state.work.pickedUnit = me.unitId;
      ask(v, { q: 'step.performer_position', pid, nid, ...(mode ? { mode } : {}) });
      return {};
    }
    ask(v, { q: 'step.performer_unit', pid, nid, ...(mode ? { mode } : {}) });
    return {};
  },
};

export const stepPerformerUnit: Question = {
  id: 'step.performer_unit',
  answer: 'unit',
  allowNewUnit: true,
  text: () =>
    msg(
      'Unit atau pihak mana? Pilih, atau ketik namanya.',
      'Which unit or party? Pick one, or type its name.',
    ),
  help: msg(
    'Contoh: Bagian Organisasi, Sekretariat Daerah, Pemohon, BKPSDM.',
    'E.g. Bagian Organisasi, Sekretariat Daerah, Applicant, BKPSDM.',
  ),
  choices: (v) =>
    v
      .units()
      .filter((u) => u.id !== v.person()?.unitId)
      .slice(0, 8)
      .map((u) => ({ id: u.id, label: u.shortName ?? u.name })),
  apply(v, a) {
    const unit = valueOf(a, 'unit');
    if (isExternalUnit(v, unit.id)) return setPerformer(v, { unitId: unit.id, position: null });
    v.state.work.pickedUnit = unit.id;
    const { pid, nid, mode } = v.cursor;
    ask(v, { q: 'step.performer_position', pid, nid, ...(mode ? { mode } : {}) });
    return {};
  },
};

export const stepPerformerPosition: Question = {
  id: 'step.performer_position',
  answer: 'choice',
  optional: () => true,
  text: (v) =>
    msg(
      `Jabatan apa di ${v.unitName(v.state.work.pickedUnit)}? Pilih atau ketik (contoh: Kepala Bagian).`,
      `Which position in ${v.unitName(v.state.work.pickedUnit)}? Pick or type (e.g. Kepala Bagian).`,
    ),
  help: msg('Tulis jabatannya, bukan nama orangnya.', "Write the position, not the person's name."),
  choices: (v) =>
    v
      .knownPositions(v.state.work.pickedUnit ?? '')
      .slice(0, 8)
      .map((p, i) => ({ id: `pos:${i}`, label: p })),
  free(v, text) {
    const unitId = v.state.work.pickedUnit!;
    v.state.work.pickedUnit = undefined;
    return setPerformer(v, { unitId, position: text });
  },
  apply(v, a) {
    const unitId = v.state.work.pickedUnit!;
    const pos = v.knownPositions(unitId)[Number(valueOf(a, 'choice').slice(4))]!;
    v.state.work.pickedUnit = undefined;
    return setPerformer(v, { unitId, position: pos });
  },
  skip(v) {
    const unitId = v.state.work.pickedUnit!;
    v.state.work.pickedUnit = undefined;
    return setPerformer(v, { unitId, position: null });
  },
};

/** The incoming edge the edge.document question is about. */
function docEdge(v: View) {
  const flow = v.draft()!.flow!;
  const id =
    v.cursor.i !== undefined ? lastExitEdge(v) : crossUnitEdgeWithoutDocument(v, v.cursor.nid!);
  return flow.edges.find((e) => e.id === id);
}

/** During decision exits, edge.document is about the exit just drawn (cursor.i). */
function lastExitEdge(v: View): string | undefined {
  const flow = v.draft()!.flow!;
  const label = v.state.work.exitLabels[v.cursor.i!];
  return outgoing(flow, v.cursor.nid!).find((e) => e.label === label)?.id;
}

export const edgeDocument: Question = {
  id: 'edge.document',
  answer: 'choice',
  optional: () => true,
  text: (v) => {
    const e = docEdge(v);
    const from = e ? v.node(e.from) : undefined;
    const to = e ? v.node(e.to) : undefined;
    return msg(
      `Pekerjaan berpindah dari ${v.unitName(from?.performer?.unitId)} ke ${v.unitName(to?.performer?.unitId)}. Apa yang diserahkan? (dokumen atau barang)`,
      `Work passes from ${v.unitName(from?.performer?.unitId)} to ${v.unitName(to?.performer?.unitId)}. What is handed over? (document or item)`,
    );
  },
  help: msg(
    'Serah terima antarunit akan dikonfirmasi oleh unit penerima. Tulis dokumennya, misalnya "Nota dinas" atau "Berkas permohonan".',
    'Handoffs between units are confirmed by the receiving unit. Name the document, e.g. "Nota dinas".',
  ),
  choices: (v) => {
    const e = docEdge(v);
    const out = e ? v.node(e.from)?.output : null;
    return out ? [{ id: 'output', label: out.slice(0, 60) }] : [];
  },
  free: (v, text) => setDocument(v, text),
  apply(v) {
    const e = docEdge(v)!;
    return setDocument(v, v.node(e.from)?.output ?? null);
  },
  skip: (v) => setDocument(v, null),
};

function setDocument(v: View, document: string | null): Applied {
  const e = docEdge(v);
  if (e) editDraft(v, (p) => ({ ...p, flow: updateEdge(p.flow!, e.id, { document }) }));
  if (v.cursor.i !== undefined) return { notes: nextExit(v, v.cursor.i + 1) };
  return { notes: continueStep(v, v.cursor.nid!, 'doc') };
}

export const stepKelengkapan: Question = {
  id: 'step.kelengkapan',
  answer: 'choice',
  optional: () => true,
  text: (v) =>
    msg(
      `Apa kelengkapan yang diperlukan untuk "${v.node()!.name}"? (dokumen/bahan; boleh beberapa, pisahkan dengan koma atau baris baru)`,
      `What is needed for "${v.node()!.name}"? (documents/materials; several allowed, separated by commas or new lines)`,
    ),
  help: msg(
    'Kelengkapan adalah mutu baku SOP: apa yang harus ada sebelum kegiatan dikerjakan.',
    'Kelengkapan is an SOP quality standard: what must be at hand before the activity.',
  ),
  choices: (v) => {
    const prev = previousOutput(v);
    return prev ? [{ id: 'prev', label: prev.slice(0, 60) }] : [];
  },
  free(v, text) {
    const items = text
      .split(/\n|;|,/)
      .map((s) => s.trim())
      .filter(Boolean);
    return setKelengkapan(v, items);
  },
  apply: (v) => setKelengkapan(v, [previousOutput(v)!]),
  skip: (v) => setKelengkapan(v, []),
};

function previousOutput(v: View): string | null {
  const flow = v.draft()?.flow;
  if (!flow) return null;
  const into = flow.edges.filter((e) => e.to === v.cursor.nid);
  for (const e of into) {
    const from = v.node(e.from);
    if (from?.output) return from.output;
  }
  return null;
}

function setKelengkapan(v: View, kelengkapan: string[]): Applied {
  const nid = v.cursor.nid!;
  editDraft(v, (p) => ({
    ...p,
    flow: updateStep(p.flow!, nid, { kelengkapan: kelengkapan.map((k) => k.slice(0, 500)) }),
  }));
  return { notes: continueStep(v, nid, 'kelengkapan') };
}

export const stepWaktu: Question = {
  id: 'step.waktu',
  answer: 'duration',
  optional: () => true,
  text: (v) =>
    msg(
      `Berapa lama "${v.node()!.name}"? (contoh: 30 menit, 2 jam, 1 hari, 3 hari kerja)`,
      `How long does "${v.node()!.name}" take? (e.g. 30 minutes, 2 hours, 1 day, 3 working days)`,
    ),
  help: msg(
    'Waktu adalah mutu baku SOP: lama pelaksanaan yang wajar.',
    'Waktu is an SOP quality standard: the usual time it takes.',
  ),
  choices: () => ['30 menit', '1 jam', '1 hari', '3 hari'].map((d) => ({ id: d, label: d })),
  apply(v, a) {
    const nid = v.cursor.nid!;
    const waktu = valueOf(a, 'duration');
    editDraft(v, (p) => ({ ...p, flow: updateStep(p.flow!, nid, { waktu }) }));
    return { notes: continueStep(v, nid, 'waktu') };
  },
  skip: (v) => ({ notes: continueStep(v, v.cursor.nid!, 'waktu') }),
};

export const activityOutput: Question = {
  id: 'activity.output',
  answer: 'text',
  optional: () => true,
  text: (v) =>
    msg(
      `Apa hasil (output) dari "${v.node()!.name}"?`,
      `What is the output of "${v.node()!.name}"?`,
    ),
  help: msg(
    'Output adalah mutu baku SOP: apa yang dihasilkan kegiatan, misalnya "Disposisi".',
    'The output is an SOP quality standard: what the activity produces, e.g. "Disposisi".',
  ),
  apply(v, a) {
    const nid = v.cursor.nid!;
    const output = valueOf(a, 'text');
    editDraft(v, (p) => ({ ...p, flow: updateStep(p.flow!, nid, { output }) }));
    return { notes: continueStep(v, nid, 'output') };
  },
  skip: (v) => ({ notes: continueStep(v, v.cursor.nid!, 'output') }),
};

export const activityNext: Question = {
  id: 'activity.next',
  answer: 'choice',
  text: (v) =>
    msg(
      `Sesudah langkah ${v.stepNo()}, apa yang terjadi? (atau ketik nomor langkah yang dituju, misalnya 4)`,
      `After step ${v.stepNo()}, what happens? (or type the number of the step it goes to, e.g. 4)`,
    ),
  help: msg(
    '"Langkah berikutnya": kegiatan lanjutan. "Keputusan": pemeriksaan dengan jawaban ya/tidak. "Diserahkan ke unit lain": pekerjaan berpindah unit. "Selesai": proses berakhir.',
    '"Next step": a following activity. "Decision": a check with yes/no. "Handed to another unit": the work moves unit. "End": the process ends.',
  ),
  choices: () => [
    { id: 'next', label: msg('Langkah berikutnya', 'Next step') },
    { id: 'decision', label: msg('Keputusan (ya/tidak)', 'Decision (yes/no)') },
    { id: 'handoff', label: msg('Diserahkan ke unit lain', 'Handed to another unit') },
    { id: 'end', label: msg('Selesai', 'End') },
  ],
  free(v, text) {
    const no = /^\s*(?:ke\s+)?(?:langkah\s+)?(\d{1,4})\s*$/i.exec(text);
    if (!no)
      return {
        refuse: msg(
          'Pilih salah satu, atau ketik nomor langkah.',
          'Pick one, or type a step number.',
        ),
      };
    return gotoStep(v, Number(no[1]));
  },
  apply(v, a) {
    const c = valueOf(a, 'choice');
    const { pid, nid } = v.cursor;
    if (c === 'next') {
      v.state.work.attach = { from: nid!, label: null, document: null };
      ask(v, { q: 'activity.name', pid });
      return {};
    }
    if (c === 'decision') {
      v.state.work.attach = { from: nid!, label: null, document: null };
      ask(v, { q: 'decision.name', pid });
      return {};
    }
    if (c === 'handoff') {
      ask(v, { q: 'handoff.what', pid, nid });
      return {};
    }
    editDraft(v, (p) => {
      const { flow, endId } = ensureEnd(p.flow!, (x) => localId(v, x));
      return { ...p, flow: connect(flow, (x) => localId(v, x), nid!, endId) };
    });
    return { notes: closeChain(v) };
  },
};

function gotoStep(v: View, no: number): Applied {
  const flow = v.draft()!.flow!;
  const target = stepByNo(flow, no);
  if (!target)
    return {
      refuse: msg(
        `Tidak ada langkah ${no}. Ada ${v.stepCount()} langkah.`,
        `There is no step ${no}. There are ${v.stepCount()} steps.`,
      ),
    };
  const nid = v.cursor.nid!;
  editDraft(v, (p) => ({ ...p, flow: connect(p.flow!, (x) => localId(v, x), nid, target.id) }));
  return { notes: closeChain(v) };
}

export const handoffWhat: Question = {
  id: 'handoff.what',
  answer: 'choice',
  text: () =>
    msg('Apa yang diserahkan? (dokumen atau barang)', 'What is handed over? (document or item)'),
  help: msg(
    'Misalnya "Nota dinas permintaan usulan" atau "Berkas permohonan".',
    'E.g. "Nota dinas permintaan usulan" or "Berkas permohonan".',
  ),
  choices: (v) => {
    const out = v.node()?.output;
    return out ? [{ id: 'output', label: out.slice(0, 60) }] : [];
  },
  free(v, text) {
    v.state.work.attach = { from: v.cursor.nid!, label: null, document: text };
    ask(v, { q: 'handoff.unit', pid: v.cursor.pid, nid: v.cursor.nid });
    return {};
  },
  apply(v) {
    v.state.work.attach = { from: v.cursor.nid!, label: null, document: v.node()!.output };
    ask(v, { q: 'handoff.unit', pid: v.cursor.pid, nid: v.cursor.nid });
    return {};
  },
};

export const handoffUnit: Question = {
  id: 'handoff.unit',
  answer: 'unit',
  allowNewUnit: true,
  text: () =>
    msg(
      'Diserahkan ke unit atau pihak mana? Pilih, atau ketik namanya.',
      'Handed to which unit or party? Pick one, or type its name.',
    ),
  help: msg(
    'Unit penerima akan diminta mengonfirmasi serah terima ini.',
    'The receiving unit will be asked to confirm this handoff.',
  ),
  choices: (v) => {
    const mine = v.person()?.unitId;
    const units = v.units();
    const own = units.filter((u) => u.id === mine);
    return [...own, ...units.filter((u) => u.id !== mine)]
      .slice(0, 8)
      .map((u) => ({ id: u.id, label: u.shortName ?? u.name }));
  },
  apply(v, a) {
    const unit = valueOf(a, 'unit');
    if (isExternalUnit(v, unit.id)) {
      v.state.work.preset = { unitId: unit.id, position: null };
      ask(v, { q: 'activity.name', pid: v.cursor.pid });
      return {};
    }
    v.state.work.pickedUnit = unit.id;
    ask(v, { q: 'handoff.position', pid: v.cursor.pid, nid: v.cursor.nid });
    return {};
  },
};

export const handoffPosition: Question = {
  id: 'handoff.position',
  answer: 'choice',
  text: (v) =>
    msg(
      `Siapa yang menerima di ${v.unitName(v.state.work.pickedUnit)}? (jabatan, misalnya Kasubbag Umum)`,
      `Who receives it in ${v.unitName(v.state.work.pickedUnit)}? (position, e.g. Kasubbag Umum)`,
    ),
  help: msg(
    'Tulis jabatan penerima. Langkah berikutnya dikerjakan oleh jabatan ini.',
    'Write the receiving position. The next step is done by this position.',
  ),
  choices: (v) => {
    const unitId = v.state.work.pickedUnit ?? '';
    const me = v.person();
    const known = v.knownPositions(unitId);
    return known.slice(0, 8).map((p, i) => ({
      id: `pos:${i}`,
      label: me && me.unitId === unitId && me.position === p ? msg(`Saya (${p})`, `Me (${p})`) : p,
    }));
  },
  free: (v, text) => presetAndAskNext(v, text),
  apply(v, a) {
    const known = v.knownPositions(v.state.work.pickedUnit ?? '');
    return presetAndAskNext(v, known[Number(valueOf(a, 'choice').slice(4))]!);
  },
};

function presetAndAskNext(v: View, position: string): Applied {
  v.state.work.preset = { unitId: v.state.work.pickedUnit!, position };
  v.state.work.pickedUnit = undefined;
  ask(v, { q: 'activity.name', pid: v.cursor.pid });
  return {};
}

export const decisionName: Question = {
  id: 'decision.name',
  answer: 'text',
  text: () =>
    msg(
      'Apa yang diputuskan? Tulis sebagai pertanyaan, misalnya "Berkas lengkap?" atau "Rancangan disetujui?"',
      'What is decided? Write it as a question, e.g. "Berkas lengkap?" or "Rancangan disetujui?"',
    ),
  help: msg(
    'Keputusan digambar sebagai belah ketupat dengan dua cabang atau lebih.',
    'A decision is drawn as a diamond with two or more exits.',
  ),
  apply(v, a) {
    let name = valueOf(a, 'text');
    if (!name.endsWith('?')) name = `${name}?`;
    const { first } = addSteps(v, [name]);
    return { notes: continueStep(v, first, 'created') };
  },
};

const EXIT_PRESETS: Record<string, string[]> = {
  'ya/tidak': ['ya', 'tidak'],
  'lengkap/tidak lengkap': ['lengkap', 'tidak lengkap'],
  'setuju/tolak': ['setuju', 'tolak'],
  'sesuai/tidak sesuai': ['sesuai', 'tidak sesuai'],
};

export const decisionExits: Question = {
  id: 'decision.exits',
  answer: 'choice',
  text: (v) =>
    msg(
      `Apa saja jawaban untuk "${v.node()!.name}"? Pilih, atau ketik sendiri dipisah garis miring (misalnya "diterima / ditolak / ditunda").`,
      `What are the possible answers to "${v.node()!.name}"? Pick, or type your own separated by slashes (e.g. "accepted / rejected / postponed").`,
    ),
  help: msg(
    'Setiap jawaban menjadi satu cabang dengan label.',
    'Each answer becomes one labelled exit.',
  ),
  choices: () => Object.keys(EXIT_PRESETS).map((k) => ({ id: k, label: k })),
  free(v, text) {
    const labels = text
      .split(/\/|\n|;|,|\batau\b|\bor\b/)
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean);
    const unique = [...new Set(labels)];
    if (unique.length < 2 || unique.length > 6 || unique.some((l) => l.length > 40))
      return {
        refuse: msg(
          'Tulis 2 sampai 6 jawaban yang berbeda, dipisah garis miring, misalnya "ya / tidak".',
          'Write 2 to 6 different answers separated by slashes, e.g. "yes / no".',
        ),
      };
    return startExits(v, unique);
  },
  apply: (v, a) => startExits(v, EXIT_PRESETS[valueOf(a, 'choice')]!),
};

function startExits(v: View, labels: string[]): Applied {
  v.state.work.exitLabels = labels;
  const nid = v.cursor.nid!;
  const flow = v.draft()!.flow!;
  // A decision pasted in a list already leads to the next pasted step: that is its first exit.
  const linear = outgoing(flow, nid).find((e) => e.label === null);
  if (linear) {
    editDraft(v, (p) => ({ ...p, flow: updateEdge(p.flow!, linear.id, { label: labels[0]! }) }));
    return { notes: nextExit(v, 1) };
  }
  return { notes: nextExit(v, 0) };
}

/** Asks where exit `i` leads, or, when all are known, moves on. */
function nextExit(v: View, i: number): Msg[] {
  const { pid, nid } = v.cursor;
  if (i < v.state.work.exitLabels.length) {
    ask(v, { q: 'decision.exit_target', pid, nid, i });
    return [];
  }
  v.state.work.exitLabels = [];
  return continueStep(v, nid!, 'exits');
}

export const decisionExitTarget: Question = {
  id: 'decision.exit_target',
  answer: 'choice',
  text: (v) => {
    const label = v.state.work.exitLabels[v.cursor.i!]!;
    return msg(
      `Jika "${label}", ke mana? Pilih, atau ketik nomor langkah yang sudah ada (misalnya 4).`,
      `If "${label}", where to? Pick, or type the number of an existing step (e.g. 4).`,
    );
  },
  help: msg(
    '"Langkah baru": cabang ini berlanjut ke kegiatan yang belum disebut. Nomor langkah: kembali atau lompat ke langkah itu (misalnya untuk revisi). "Selesai": proses berakhir di sini.',
    '"New step": this exit continues with an activity not yet named. A step number: back or forward to that step (e.g. for a revision). "End": the process ends here.',
  ),
  choices: () => [
    { id: 'new', label: msg('Langkah baru', 'New step') },
    { id: 'end', label: msg('Selesai', 'End') },
  ],
  free(v, text) {
    const m = /^\s*(?:ke\s+)?(?:langkah\s+)?(\d{1,4})\s*$/i.exec(text);
    if (!m)
      return {
        refuse: msg(
          'Pilih salah satu, atau ketik nomor langkah.',
          'Pick one, or type a step number.',
        ),
      };
    const target = stepByNo(v.draft()!.flow!, Number(m[1]));
    if (!target)
      return {
        refuse: msg(
          `Tidak ada langkah ${m[1]}. Ada ${v.stepCount()} langkah.`,
          `There is no step ${m[1]}. There are ${v.stepCount()} steps.`,
        ),
      };
    const i = v.cursor.i!;
    const nid = v.cursor.nid!;
    const label = v.state.work.exitLabels[i]!;
    editDraft(v, (p) => ({
      ...p,
      flow: connect(p.flow!, (x) => localId(v, x), nid, target.id, { label }),
    }));
    const d = v.node(nid)!;
    if (target.performer && d.performer && target.performer.unitId !== d.performer.unitId) {
      ask(v, { q: 'edge.document', pid: v.cursor.pid, nid, i });
      return {};
    }
    return { notes: nextExit(v, i + 1) };
  },
  apply(v, a) {
    const c = valueOf(a, 'choice');
    const i = v.cursor.i!;
    const nid = v.cursor.nid!;
    const label = v.state.work.exitLabels[i]!;
    if (c === 'new') {
      v.state.work.branches.push({ from: nid, label, order: [...v.state.work.exitLabels] });
    } else {
      editDraft(v, (p) => {
        const { flow, endId } = ensureEnd(p.flow!, (x) => localId(v, x));
        return { ...p, flow: connect(flow, (x) => localId(v, x), nid, endId, { label }) };
      });
    }
    return { notes: nextExit(v, i + 1) };
  },
};

export { formatDuration };
