// Free text: cleaned of invisible and control characters, trimmed, bounded. Remarks (a
// keterangan, a legal basis) are kept whole up to a Telegram message; names are short.
import type { Bilingual } from '../../language/bilingual.js';
import { type Parsed, ok, refuse } from './result.js';

/** Free text (remarks, a legal basis, a comment): one Telegram message. */
export const MAX_TEXT = 4096;
/** A name: of a step, a process, a unit, a position, a document in a list. */
export const MAX_NAME = 200;

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

const EXAMPLE = msgPair(
  'misalnya "Memeriksa kelengkapan berkas"',
  'e.g. "Memeriksa kelengkapan berkas"',
);

function msgPair(id: string, en: string): Bilingual {
  return { id, en };
}

/** One line of text: spaces folded. `example` ends the refusal ("misalnya ..."). */
export function parseText(
  raw: string,
  max = MAX_TEXT,
  example: Bilingual = EXAMPLE,
): Parsed<string> {
  const s = cleanInput(raw).replace(/\s+/g, ' ').trim();
  if (!s)
    return refuse(
      `Jawaban kosong. Silakan ketik jawabannya, ${example.id}.`,
      `The answer is empty. Please type it, ${example.en}.`,
    );
  if (!/[\p{L}\p{N}]/u.test(s))
    return refuse(
      `Jawaban perlu berisi huruf atau angka, bukan hanya simbol atau emoji; ${example.id}.`,
      `The answer needs letters or digits, not only symbols or emoji; ${example.en}.`,
    );
  if (s.length > max)
    return refuse(
      max < MAX_TEXT
        ? `Nama terlalu panjang (${s.length} karakter, paling banyak ${max}). Tulis namanya saja, ${example.id}; penjelasan bisa ditambahkan sebagai keterangan.`
        : `Jawaban terlalu panjang (${s.length} karakter, paling banyak ${max}). Mohon diringkas atau dikirim dalam dua pesan, ${example.id}.`,
      max < MAX_TEXT
        ? `The name is too long (${s.length} characters, at most ${max}). Write the name only, ${example.en}; explanations can go into the remarks.`
        : `The answer is too long (${s.length} characters, at most ${max}). Please shorten it or send it in two messages, ${example.en}.`,
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

/**
 * A bare number ("3") where a step or activity name is expected: refused with an example.
 * Null when the text is not a bare number. Use it before taking a text as a step name.
 */
export function refuseBareNumber(raw: string): Parsed<never> | null {
  if (!/^\s*(?:no\.?\s*)?\d{1,6}[.)]?\s*$/i.test(cleanInput(raw))) return null;
  return refuse(
    'Tulis kegiatannya dengan kata kerja, misalnya "Memeriksa kelengkapan berkas", bukan nomornya saja.',
    'Write the activity with a verb, e.g. "Memeriksa kelengkapan berkas", not its number only.',
  );
}

/** A name (step, process, unit, position): at most MAX_NAME characters, not a bare number. */
export function parseName(raw: string, max = MAX_NAME): Parsed<string> {
  const bare = refuseBareNumber(raw);
  if (bare) return bare;
  return parseText(raw, max);
}

/** How many items one list answer may carry when the question does not say. */
export const MAX_LIST_ITEMS = 200;

/**
 * Telegram splits a pasted text over 4,096 characters into several messages. A list message at
 * least this long is taken as the first part of such a paste and joined with the next message.
 */
export const SPLIT_PASTE_MIN = 3900;

/**
 * List numbering at the start of an item: "1.", "2)", "2.b", "2.b.", "1.2.", "a)", "a.", "(a)",
 * "iv.", "-", "*", "•", "–". The numbering is the list's, never part of the name.
 */
const NUMBERING =
  /^\s*(?:[-*•·–—▪►]+\s*|\d{1,3}(?:\.\d{1,3})*\.[a-z](?:[.)]\s*|\s+)|\d{1,3}(?:\.\d{1,3})+\s+|\(?\d{1,3}(?:\.\d{1,3})*[.)](?=\s|\p{L})\s*|\(?(?:[a-z]|[ivx]{1,5})[.)]\s+)/iu;

/** Removes the list numbering in front of one item (repeatedly: "1. a) Menyusun"). */
export function stripNumbering(item: string): string {
  let s = item;
  for (let i = 0; i < 3; i++) {
    const m = NUMBERING.exec(s);
    // "a.b" or a single letter that is a word ("A Menyusun" has no dot) stay as they are
    if (!m || m[0].trim().length === 0 || m[0].length >= s.length) break;
    s = s.slice(m[0].length);
  }
  return s;
}

/**
 * Several items in one message: one per line, or numbered ("1. A 2. B"), or separated by ";".
 * A single line with commas is split on commas too ("Nota dinas, Renstra"). Each item is a name
 * (at most `itemMax`, default MAX_NAME characters).
 */
export function parseList(
  raw: string,
  opts: { max?: number; splitCommas?: boolean; itemMax?: number; linesOnly?: boolean } = {},
): Parsed<string[]> {
  const max = opts.max ?? MAX_LIST_ITEMS;
  const cleaned = cleanInput(raw).replace(/^\n+|\n+$/g, '');
  // Lines, when there are several: then a ";" or "," belongs to the item ("...; DROP TABLE").
  let parts = cleaned.split('\n');
  if (parts.length === 1 && !opts.linesOnly) parts = cleaned.split(';');
  if (parts.length === 1 && !opts.linesOnly) {
    // "1. A 2. B 3. C" on one line
    const numbered = cleaned.split(/(?:^|\s)\d{1,3}[.)]\s+/).filter((p) => p.trim());
    if (numbered.length > 1) parts = numbered;
    else if (opts.splitCommas !== false) parts = cleaned.split(',');
  }
  const items = parts
    .map((p) => stripNumbering(p).replace(/\s+/g, ' ').trim())
    .filter((p) => p.length > 0);
  if (items.length === 0)
    return refuse(
      'Daftar kosong. Tulis satu per baris, misalnya:\nMenerima berkas\nMemeriksa berkas',
      'The list is empty. Write one per line, e.g.:\nMenerima berkas\nMemeriksa berkas',
    );
  if (items.length > max)
    return refuse(
      `Terlalu banyak (${items.length}); paling banyak ${max} sekaligus. Kirim ${max} yang pertama dulu, misalnya baris 1 sampai ${max}, lalu sisanya.`,
      `Too many (${items.length}); at most ${max} at once. Send the first ${max} now, e.g. lines 1 to ${max}, then the rest.`,
    );
  for (const [i, item] of items.entries()) {
    const p = parseText(item, opts.itemMax ?? MAX_NAME);
    if (!p.ok)
      return {
        ok: false,
        reason: { id: `Baris ${i + 1}: ${p.reason.id}`, en: `Line ${i + 1}: ${p.reason.en}` },
      };
    items[i] = p.value;
  }
  return ok(items);
}
