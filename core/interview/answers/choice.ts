// A reply to a numbered choice: its number, its label, or an unambiguous start of its label.
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
  const expected = {
    id: `Pilih salah satu dengan ${numbering === 'letters' ? 'hurufnya (a-' : 'nomornya (1-'}${last}) atau tulis pilihannya.`,
    en: `Pick one by its ${numbering === 'letters' ? 'letter (a-' : 'number (1-'}${last}) or write the choice.`,
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
  const exact = choices.filter((c) => fold(c.label) === s || c.id === s);
  if (exact.length === 1) return ok(exact[0]!);
  const prefix = choices.filter(
    (c) => fold(c.label).startsWith(s) || fold(c.label).split(' ').includes(s),
  );
  if (prefix.length === 1 && s.length >= 2) return ok(prefix[0]!);
  if (prefix.length > 1)
    return refuse(
      `"${raw.trim().slice(0, 40)}" cocok dengan beberapa pilihan. Pilih dengan nomornya.`,
      `"${raw.trim().slice(0, 40)}" matches several choices. Pick one by its number.`,
    );
  return { ok: false, reason: expected };
}

export function parseYesNo(raw: string): Parsed<boolean> {
  const s = fold(raw);
  if (/^(ya|y|iya|yes|betul|benar|ada|sudah|ok|oke)$/.test(s)) return ok(true);
  if (/^(tidak|tdk|t|no|n|bukan|belum|tidak ada|nggak|gak|enggak)$/.test(s)) return ok(false);
  return refuse('Jawab "ya" atau "tidak".', 'Answer "yes" or "no".');
}

/** A step number as the summary shows it ("4", "langkah 4", "no 4"). */
export function parseStepNo(raw: string, max: number): Parsed<number> {
  const m = /^\s*(?:langkah|step|no\.?|nomor)?\s*(\d{1,4})\s*$/i.exec(raw);
  const n = m ? Number(m[1]) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > max)
    return refuse(
      max > 0 ? `Tulis nomor langkah antara 1 dan ${max}.` : 'Belum ada langkah.',
      max > 0 ? `Write a step number between 1 and ${max}.` : 'There are no steps yet.',
    );
  return ok(n);
}

export { fold as foldForMatch };
