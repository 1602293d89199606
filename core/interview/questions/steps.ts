// Describing steps: the name (one or a pasted list), kelengkapan, waktu, output, what next.
import { suggestActiveVerb } from '../../language/indonesian.js';
import {
  appendNode,
  connect,
  ensureEnd,
  orderExits,
  stepByNo,
  updateStep,
} from '../../model/flow-edit.js';
import type { StepNode } from '../../model/process.js';
import { ask, editDraft, ensureFlow, localId } from '../ops.js';
import { closeChain, continueStep } from '../pipeline.js';
import { T } from '../texts.js';
import type { Bilingual } from '../../language/bilingual.js';
import type { View } from '../view.js';
import { type Applied, type Question, msg, valueOf } from './question.js';

const MAX_PASTE = 1000;

/** Adds steps named by the person, wired in where `work.attach` says; a pasted list is chained. */
export function addSteps(v: View, names: string[]): { first: string; notes: Bilingual[] } {
  const pid = v.cursor.pid!;
  ensureFlow(v, pid);
  const w = v.state.work;
  const notes: Bilingual[] = [];
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
          coPerformers: [],
          kelengkapan: [],
          waktu: null,
          outputs: [],
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
    return setKelengkapan(v, splitItems(text));
  },
  apply: (v) => setKelengkapan(v, [previousOutput(v)!]),
  skip: (v) => setKelengkapan(v, []),
};

/** Several documents in one answer: separated by new lines, semicolons or commas. */
export function splitItems(text: string): string[] {
  return text
    .split(/\n|;|,/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => s.slice(0, 500));
}

function previousOutput(v: View): string | null {
  const flow = v.draft()?.flow;
  if (!flow) return null;
  const into = flow.edges.filter((e) => e.to === v.cursor.nid);
  for (const e of into) {
    const from = v.node(e.from);
    if (from?.outputs.length) return from.outputs.join(', ');
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
    const outputs = splitItems(valueOf(a, 'text'));
    editDraft(v, (p) => ({ ...p, flow: updateStep(p.flow!, nid, { outputs }) }));
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
