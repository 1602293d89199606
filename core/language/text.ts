// Small text helpers for what people type into a chat: invisible characters out, whitespace
// collapsed, names compared the way a reader would compare them.

// Format characters (zero-width space/joiners, bidi embeddings U+202A–202E and isolates
// U+2066–2069, LRM/RLM, soft hyphen, BOM, …), C0 controls except the newline, DEL and C1 controls.
// Tab is handled before this and becomes a space.
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const INVISIBLE = /[\p{Cf}\u0000-\u0009\u000B-\u001F\u007F-\u009F]/gu;

/**
 * Removes characters a reader cannot see but a comparison or a renderer would trip over.
 * Line breaks are kept and normalised to "\n"; a tab becomes a space.
 */
export function stripInvisible(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/\t/g, ' ').replace(INVISIBLE, '');
}

/** Every run of whitespace (including newlines, NBSP, ideographic space) becomes one space; trimmed. */
export function normaliseWhitespace(text: string): string {
  return text.replace(/[\s\u00A0\u2007\u202F\u3000]+/gu, ' ').trim();
}

/** What a name is compared by: NFC, invisible characters removed, whitespace collapsed, lower case. */
export function nameKey(text: string): string {
  return normaliseWhitespace(stripInvisible(text.normalize('NFC'))).toLowerCase();
}

/** True when two names differ only in case, spacing or invisible characters. */
export function sameName(a: string, b: string): boolean {
  return nameKey(a) === nameKey(b);
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Shortens `text` so that its length in UTF-16 code units (what Telegram and WhatsApp count) is at
 * most `max`, ending with "…" when something was cut. Cuts only between grapheme clusters, so a
 * surrogate pair, an emoji sequence or a letter with its combining mark is never split.
 */
export function truncate(text: string, max: number): string {
  if (!Number.isFinite(max) || max < 0)
    throw new RangeError(`truncate: max must be >= 0, got ${max}`);
  if (text.length <= max) return text;
  if (max === 0) return '';
  const budget = max - 1; // room for the ellipsis
  let out = '';
  for (const { segment } of segmenter.segment(text)) {
    if (out.length + segment.length > budget) break;
    out += segment;
  }
  return out.trimEnd() + '…';
}
