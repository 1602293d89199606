// A reply to a numbered choice: its number (or letter), or its whole label. Anything else is the
// person's own words: a question that takes free text keeps them, the others refuse with the range.
import type { Choice } from '../types.js';
import { type Parsed, ok, refuse } from './result.js';

const fold = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

export function parseChoiceReply(
  raw: string,
  choices: Choice[],
  numbering: 'numbers' | 'letters' = 'numbers',
): Parsed<Choice> {
  const s = fold(raw);
  const last =
    numbering === 'letters' ? String.fromCharCode(96 + choices.length) : String(choices.length);
  const first = choices[0] ? `"${choices[0].label}"` : '';
  const byKey = numbering === 'letters' ? 'a' : '1';
  const expected = {
    id: `Pilih salah satu dengan ${numbering === 'letters' ? 'hurufnya (a-' : 'nomornya (1-'}${last}) atau tulis pilihannya utuh, misalnya "${byKey}"${first ? ` atau ${first}` : ''}.`,
    en: `Pick one by its ${numbering === 'letters' ? 'letter (a-' : 'number (1-'}${last}) or write the whole choice, e.g. "${byKey}"${first ? ` or ${first}` : ''}.`,
  };
  if (!s) return { ok: false, reason: expected };
  if (numbering === 'letters' && /^[a-z]$/.test(s)) {
    const c = choices[s.charCodeAt(0) - 97];
    return c ? ok(c) : { ok: false, reason: expected };
  }
  if (numbering === 'numbers' && /^\d+$/.test(s)) {
    const c = choices[Number(s) - 1];
    return c ? ok(c) : { ok: false, reason: expected };
  }
  // The whole label only (case, spacing and punctuation aside): a shorter text that starts a
  // label, or one of its words, is the person's own words, never a button taken for them.
  const exact = choices.filter((c) => fold(c.label) === s || c.id === s);
  if (exact.length === 1) return ok(exact[0]!);
  return { ok: false, reason: expected };
}

export function parseYesNo(raw: string): Parsed<boolean> {
  const s = fold(raw);
  if (/^(ya|y|iya|yes|betul|benar|ada|sudah|ok|oke)$/.test(s)) return ok(true);
  if (/^(tidak|tdk|t|no|n|bukan|belum|tidak ada|nggak|gak|enggak)$/.test(s)) return ok(false);
  return refuse('Jawab "ya" atau "tidak", misalnya "ya".', 'Answer "yes" or "no", e.g. "ya".');
}

/** A step number as the summary shows it ("4", "langkah 4", "no 4"). */
export function parseStepNo(raw: string, max: number): Parsed<number> {
  const m = /^\s*(?:langkah|step|no\.?|nomor)?\s*(\d{1,4})\s*$/i.exec(raw);
  const n = m ? Number(m[1]) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > max)
    return refuse(
      max > 0
        ? `Tulis nomor langkah antara 1 dan ${max}, misalnya "${max}".`
        : 'Belum ada langkah. Tulis langkah pertama dulu, misalnya "Menerima berkas permohonan".',
      max > 0
        ? `Write a step number between 1 and ${max}, e.g. "${max}".`
        : 'There are no steps yet. Write the first step, e.g. "Menerima berkas permohonan".',
    );
  return ok(n);
}

export { fold as foldForMatch };
