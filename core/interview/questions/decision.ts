// Decisions: the question, its labelled exits, and where each exit leads.
import { outgoing, updateEdge } from '../../model/flow-edit.js';
import { ask, editDraft } from '../ops.js';
import { continueStep } from '../pipeline.js';
import type { Bilingual } from '../../language/bilingual.js';
import type { View } from '../view.js';
import { connectToEnd, END_CHOICES, endChoices, isEndChoice, parseEnding } from './ends.js';
import { endedNote, jumpTarget, previousOutputs, stepSpecs, takeStepLines } from './steps.js';
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
    const [spec] = stepSpecs(v, [valueOf(a, 'text')]);
    const name = spec!.name.endsWith('?') ? spec!.name : `${spec!.name}?`;
    const line = spec!.performer ? `${name} - ${spec!.performer}` : name;
    return takeStepLines(v, [line]);
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

/**
 * An exit drawn to an existing step: when that step is in another unit, what is handed over is
 * the outputs before the decision, else it is asked.
 */
function afterJump(v: View, i: number, notes: Bilingual[]): Bilingual[] {
  const nid = v.cursor.nid!;
  const flow = v.draft()!.flow!;
  const label = v.state.work.exitLabels[i]!;
  const edge = outgoing(flow, nid).find((e) => e.label === label);
  const target = edge ? v.node(edge.to) : undefined;
  const d = v.node(nid)!;
  const crosses =
    target?.performer && d.performer && target.performer.unitId !== d.performer.unitId;
  if (edge && !edge.document && crosses) {
    const outputs = previousOutputs(v, nid);
    if (!outputs.length) {
      ask(v, { q: 'edge.document', pid: v.cursor.pid, nid, i });
      return notes;
    }
    editDraft(v, (p) => ({
      ...p,
      flow: updateEdge(p.flow!, edge.id, { document: outputs.join(', ') }),
    }));
  }
  return [...notes, ...nextExit(v, i + 1)];
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
    const no = v.stepNo() ?? 1;
    const back = Math.max(1, no - 1);
    return msg(
      `Jika "${label}", ke mana? Ketik kegiatan berikutnya, nomor langkah yang dituju (misalnya ${back}), atau pilih.`,
      `If "${label}", where to? Type the next activity, the number of the step it goes to (e.g. ${back}), or pick.`,
    );
  },
  help: msg(
    '"Langkah baru": cabang ini berlanjut ke kegiatan yang belum disebut. Nomor langkah: kembali atau lompat ke langkah itu (misalnya untuk revisi). "Selesai": proses berakhir di sini.',
    '"New step": this exit continues with an activity not yet named. A step number: back or forward to that step (e.g. for a revision). "End": the process ends here.',
  ),
  choices: (v) => [
    { id: 'new', label: msg('Langkah baru', 'New step') },
    ...endChoices(v.state.work.exitLabels[v.cursor.i ?? 0] ?? null),
  ],
  freeLines: true,
  free(v, text) {
    const i = v.cursor.i!;
    const nid = v.cursor.nid!;
    const label = v.state.work.exitLabels[i]!;
    const jumped = jumpTarget(v, text, label, (notes) => afterJump(v, i, notes));
    if (jumped) return jumped;
    const ending = parseEnding(text);
    if (ending) {
      connectToEnd(v, nid, ending.outcome, ending.label, label);
      return { notes: [endedNote(ending.outcome, ending.label), ...nextExit(v, i + 1)] };
    }
    // The step this exit leads to, named now: described when the other exits are done.
    const name = text.split('\n')[0]!.trim();
    return (
      jumpTarget(v, `ke ${name}`, label, (notes) => afterJump(v, i, notes)) ?? {
        refuse: msg(
          `Tulis kegiatan berikutnya, misalnya "Mengembalikan berkas kepada pemohon", atau nomor langkah yang dituju, misalnya ${Math.max(1, v.stepNo() - 1)}.`,
          `Write the next activity, e.g. "Mengembalikan berkas kepada pemohon", or the number of the step it goes to, e.g. ${Math.max(1, v.stepNo() - 1)}.`,
        ),
      }
    );
  },
  apply(v, a) {
    const c = valueOf(a, 'choice');
    const i = v.cursor.i!;
    const nid = v.cursor.nid!;
    const label = v.state.work.exitLabels[i]!;
    if (c === 'new') {
      v.state.work.branches.push({ from: nid, label, order: [...v.state.work.exitLabels] });
      return { notes: nextExit(v, i + 1) };
    }
    const outcome = isEndChoice(c) ? END_CHOICES[c] : 'selesai';
    connectToEnd(v, nid, outcome, null, label);
    return { notes: [endedNote(outcome, null), ...nextExit(v, i + 1)] };
  },
};
