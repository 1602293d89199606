// After an answer's save met a newer version saved by someone else, the storage merged the two
// (core/model/merge.ts) and saved the result. The interview takes the merged process into its
// state and tells the person, naming what both of them changed; the answer itself is kept.
import type { MergeOverlap } from '../model/merge.js';
import type { Process } from '../model/process.js';
import { stepNo } from '../model/flow-edit.js';
import { prompt, text } from './respond.js';
import { settleHistory } from './history.js';
import type { Questionnaire } from './questionnaire.js';
import type { Bilingual } from '../language/bilingual.js';
import type { Context, Env, StepResult } from './types.js';
import { View } from './view.js';

export type MergedSave = {
  /** The merged process as stored, at its new version. */
  process: Process;
  overlaps: MergeOverlap[];
  /** Who saved the version the answer met, when a person did. */
  byPersonId: string | null;
};

/** The step's result with the merged processes in its state and a note for each. */
export function adoptMergedProcesses(
  q: Questionnaire,
  result: StepResult,
  merges: MergedSave[],
  ctx: Context,
  env: Env,
): StepResult {
  if (!merges.length) return result;
  const before = result.state;
  const s = structuredClone(before);
  for (const m of merges) {
    const i = s.drafts.findIndex((d) => d.id === m.process.id);
    if (i >= 0) s.drafts[i] = structuredClone(m.process);
  }
  const v = new View(s, ctx, env);
  // The question may be about a step the other writer removed (and this answer did not touch).
  const lost = !!s.cursor.nid && !v.node(s.cursor.nid, s.cursor.pid);
  if (lost) s.cursor = { q: 'review.confirm', ...(s.cursor.pid ? { pid: s.cursor.pid } : {}) };
  s.history = settleHistory(s.history, s, before);
  const notes = merges.map((m) => text(v.t(mergedNote(m, v))));
  let outbound = result.outbound;
  if (lost)
    outbound = [...outbound.filter((o) => o.kind !== 'question'), ...notes, ...prompt(q, v, true)];
  else {
    const at = outbound.findLastIndex((o) => o.kind === 'question');
    outbound =
      at < 0
        ? [...outbound, ...notes]
        : [...outbound.slice(0, at), ...notes, ...outbound.slice(at)];
  }
  return { ...result, state: s, outbound };
}

const FIELD: Record<string, Bilingual> = {
  name: { id: 'nama', en: 'name' },
  label: { id: 'label', en: 'label' },
  performer: { id: 'pelaksana', en: 'performer' },
  kelengkapan: { id: 'kelengkapan', en: 'requirements' },
  waktu: { id: 'waktu', en: 'time' },
  output: { id: 'output', en: 'output' },
  keterangan: { id: 'keterangan', en: 'remarks' },
  document: { id: 'dokumen', en: 'document' },
  from: { id: 'asal', en: 'origin' },
  to: { id: 'tujuan', en: 'target' },
  party: { id: 'pihak', en: 'party' },
  kind: { id: 'jenis', en: 'kind' },
  code: { id: 'kode', en: 'code' },
  category: { id: 'kategori', en: 'category' },
  parentId: { id: 'induk', en: 'parent' },
  ownerUnitId: { id: 'unit pemilik', en: 'owning unit' },
  legalBasis: { id: 'dasar hukum', en: 'legal basis' },
  deleted: { id: 'dihapus oleh salah satu', en: 'deleted by one of you' },
  order: { id: 'urutan', en: 'order' },
};

function mergedNote(m: MergedSave, v: View): Bilingual {
  const p = m.process;
  const who = v.org()?.people.find((x) => x.id === m.byPersonId)?.name ?? null;
  const by: Bilingual = who ? { id: who, en: who } : { id: 'orang lain', en: 'someone else' };
  const head: Bilingual = {
    id: `Proses "${p.name}" juga diubah oleh ${by.id} sementara Anda menjawab. Perubahan Anda dan perubahannya sudah digabung.`,
    en: `Process "${p.name}" was also changed by ${by.en} while you were answering. Your changes and theirs are merged.`,
  };
  if (!m.overlaps.length)
    return {
      id: `${head.id} Tidak ada yang hilang.`,
      en: `${head.en} Nothing was lost.`,
    };
  const parts = m.overlaps.map((o) => describe(o, p));
  return {
    id: `${head.id} Anda berdua mengubah bagian yang sama: ${parts.map((x) => x.id).join('; ')}. Jawaban Anda yang dipakai; periksa dengan /ringkasan.`,
    en: `${head.en} You both changed the same part: ${parts.map((x) => x.en).join('; ')}. Your answer was kept; check it with /ringkasan.`,
  };
}

function describe(o: MergeOverlap, p: Process): Bilingual {
  const fields = (lang: 'id' | 'en') => o.fields.map((f) => FIELD[f]?.[lang] ?? f).join(', ');
  const name = o.name ? ` "${o.name}"` : '';
  let what: Bilingual;
  switch (o.kind) {
    case 'node': {
      const no = p.flow && o.fields[0] !== 'order' ? stepNo(p.flow, o.id) : undefined;
      what =
        o.fields[0] === 'order'
          ? { id: 'urutan langkah', en: 'the order of steps' }
          : { id: `langkah${no ? ` ${no}` : ''}${name}`, en: `step${no ? ` ${no}` : ''}${name}` };
      break;
    }
    case 'edge':
      what = { id: 'alur antarlangkah', en: 'the links between steps' };
      break;
    case 'input':
      what = { id: `input${name}`, en: `input${name}` };
      break;
    case 'output':
      what = { id: `output${name}`, en: `output${name}` };
      break;
    case 'process':
      what = { id: 'data proses', en: "the process's details" };
      break;
  }
  if (o.fields[0] === 'order') return what;
  return { id: `${what.id} (${fields('id')})`, en: `${what.en} (${fields('en')})` };
}
