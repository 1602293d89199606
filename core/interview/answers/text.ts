// Free text: cleaned of invisible and control characters, trimmed, bounded.
import { type Parsed, ok, refuse } from './result.js';

export const MAX_TEXT = 500;

/**
 * Removes what no one means to type and some storage layers reject: C0/C1 controls (but newline
 * and tab), NUL, zero-width and bidi-override characters, lone surrogates.
 */
export function cleanInput(raw: string): string {
  let s = raw.replace(/\r\n?/g, '\n');
  // lone surrogates -> removed (a valid pair survives: the regex only matches unpaired halves)
  s = s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  s = s.replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g, '');
  s = s.replace(/[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u00AD]/g, '');
  return s;
}

/** One line of text: spaces folded. */
export function parseText(raw: string, max = MAX_TEXT): Parsed<string> {
  const s = cleanInput(raw).replace(/\s+/g, ' ').trim();
  if (!s)
    return refuse(
      'Jawaban kosong. Silakan ketik jawabannya.',
      'The answer is empty. Please type it.',
    );
  if (!/[\p{L}\p{N}]/u.test(s))
    return refuse(
      'Jawaban perlu berisi huruf atau angka, bukan hanya simbol atau emoji.',
      'The answer needs letters or digits, not only symbols or emoji.',
    );
  if (s.length > max)
    return refuse(
      `Jawaban terlalu panjang (${s.length} karakter, paling banyak ${max}). Mohon diringkas.`,
      `The answer is too long (${s.length} characters, at most ${max}). Please shorten it.`,
    );
  return ok(s);
}

/** Text that may hold several lines (a pasted list): each line cleaned, blank lines dropped. */
export function parseLines(raw: string, max = 8192): Parsed<string> {
  const lines = cleanInput(raw)
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  const first = parseText(lines.join(' '), max);
  return first.ok ? ok(lines.join('\n')) : first;
}

export const MAX_LIST_ITEMS = 200;

/**
 * Several items in one message: one per line, or numbered ("1. A 2. B"), or separated by ";".
 * A single line with commas is split on commas too ("Nota dinas, Renstra").
 */
export function parseList(
  raw: string,
  opts: { max?: number; splitCommas?: boolean } = {},
): Parsed<string[]> {
  const max = opts.max ?? MAX_LIST_ITEMS;
  const cleaned = cleanInput(raw).replace(/^\n+|\n+$/g, '');
  // Lines, when there are several: then a ";" or "," belongs to the item ("...; DROP TABLE").
  let parts = cleaned.split('\n');
  if (parts.length === 1) parts = cleaned.split(';');
  if (parts.length === 1) {
    // "1. A 2. B 3. C" on one line
    const numbered = cleaned.split(/(?:^|\s)\d{1,3}[.)]\s+/).filter((p) => p.trim());
    if (numbered.length > 1) parts = numbered;
    else if (opts.splitCommas !== false) parts = cleaned.split(',');
  }
  const items = parts
    .map((p) =>
      p
        .replace(/^\s*(?:\d{1,3}[.)]|[-*•])\s*/, '')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter((p) => p.length > 0);
  if (items.length === 0)
    return refuse('Daftar kosong. Tulis satu per baris.', 'The list is empty. Write one per line.');
  if (items.length > max)
    return refuse(
      `Terlalu banyak (${items.length}); paling banyak ${max} sekaligus. Kirim sebagian dulu.`,
      `Too many (${items.length}); at most ${max} at once. Send part of them first.`,
    );
  for (const [i, item] of items.entries()) {
    const p = parseText(item);
    if (!p.ok)
      return {
        ok: false,
        reason: { id: `Baris ${i + 1}: ${p.reason.id}`, en: `Line ${i + 1}: ${p.reason.en}` },
      };
    items[i] = p.value;
  }
  return ok(items);
}
