// How a path ends: "Selesai", "Berakhir: ditolak", "Berakhir: ditunda", or the clerk's own words
// ("Berakhir: izin dicabut"). Offered wherever a path may end, the likely outcome first.
import type { EndOutcome } from '../../model/process.js';
import { connect, ensureEnd } from '../../model/flow-edit.js';
import { editDraft, localId } from '../ops.js';
import type { View } from '../view.js';
import { type ChoiceDef, msg } from './question.js';

export const END_CHOICES: Record<'end' | 'end-ditolak' | 'end-ditunda', EndOutcome> = {
  end: 'selesai',
  'end-ditolak': 'ditolak',
  'end-ditunda': 'ditunda',
};

const END_LABELS: Record<keyof typeof END_CHOICES, ChoiceDef['label']> = {
  end: msg('Selesai', 'End'),
  'end-ditolak': msg('Berakhir: ditolak', 'Ends: rejected'),
  'end-ditunda': msg('Berakhir: ditunda', 'Ends: deferred'),
};

/** The outcome an exit label suggests: "tidak lengkap" -> ditolak, "tunda" -> ditunda. */
export function likelyOutcome(exitLabel: string | null): EndOutcome {
  const s = (exitLabel ?? '').toLowerCase();
  if (/tunda|pending|menunggu/.test(s)) return 'ditunda';
  if (
    /\b(tidak|tdk|tak|belum|tolak|ditolak|kurang|gagal|salah|batal|kembali|dikembalikan)\b/.test(s)
  )
    return 'ditolak';
  return 'selesai';
}

/** The end buttons, the likely one first. */
export function endChoices(exitLabel: string | null = null): ChoiceDef[] {
  const likely = likelyOutcome(exitLabel);
  const ids = Object.keys(END_CHOICES) as (keyof typeof END_CHOICES)[];
  ids.sort((a, b) => Number(END_CHOICES[b] === likely) - Number(END_CHOICES[a] === likely));
  return ids.map((id) => ({ id, label: END_LABELS[id] }));
}

export function isEndChoice(id: string): id is keyof typeof END_CHOICES {
  return id in END_CHOICES;
}

/**
 * An ending typed in words: "selesai", "ditolak", "berakhir: ditunda", "selesai: izin terbit".
 * Null when the text is not an ending.
 */
export function parseEnding(text: string): { outcome: EndOutcome; label: string | null } | null {
  const m = /^\s*(selesai|berakhir|berhenti|end)\s*(?:[:\-–—]\s*(.*))?$/i.exec(text);
  const bare = /^\s*(ditolak|dikembalikan|ditunda)\s*$/i.exec(text);
  if (bare)
    return { outcome: bare[1]!.toLowerCase() === 'ditunda' ? 'ditunda' : 'ditolak', label: null };
  if (!m) return null;
  const words = (m[2] ?? '').trim();
  if (!words) return { outcome: 'selesai', label: null };
  const w = words.toLowerCase();
  if (w === 'ditolak' || w === 'tolak') return { outcome: 'ditolak', label: null };
  if (w === 'ditunda' || w === 'tunda') return { outcome: 'ditunda', label: null };
  if (w === 'selesai') return { outcome: 'selesai', label: null };
  const outcome = likelyOutcome(words) === 'selesai' ? 'lain' : likelyOutcome(words);
  return { outcome, label: words.slice(0, 200) };
}

/** Draws the edge from `from` to the end of that outcome (made if the flow has none yet). */
export function connectToEnd(
  v: View,
  from: string,
  outcome: EndOutcome,
  label: string | null = null,
  edgeLabel: string | null = null,
): void {
  editDraft(v, (p) => {
    const { flow, endId } = ensureEnd(p.flow!, (x) => localId(v, x), outcome, label);
    return { ...p, flow: connect(flow, (x) => localId(v, x), from, endId, { label: edgeLabel }) };
  });
}

/** How an end is said back to the clerk. */
export function endingWords(outcome: EndOutcome, label: string | null): string {
  if (label) return label;
  return { selesai: 'selesai', ditolak: 'ditolak', ditunda: 'ditunda', lain: 'selesai' }[outcome];
}
