// Decisions: the question, its labelled exits, and where each exit leads.
import { connect, ensureEnd, outgoing, stepByNo, updateEdge } from '../../model/flow-edit.js';
import { ask, editDraft, localId } from '../ops.js';
import { continueStep } from '../pipeline.js';
import type { Bilingual } from '../../language/bilingual.js';
import type { View } from '../view.js';
import { addSteps } from './steps.js';
import { type Applied, type Question, msg, valueOf } from './question.js';

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
export function nextExit(v: View, i: number): Bilingual[] {
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
