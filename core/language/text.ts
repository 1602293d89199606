// Small text helpers for what people type into a chat: invisible characters out, whitespace
// collapsed, names compared the way a reader would compare them.

// Terminal control sequences, removed whole so that no "[31m" is left behind: CSI (ESC [ or the
// C1 byte U+009B, parameter and intermediate bytes, one final byte), string commands (OSC ESC ],
// DCS ESC P, SOS ESC X, PM ESC ^, APC ESC _) up to BEL or ST (ESC \ or U+009C) or the end of the
// text, and the other ESC sequences (ESC, intermediate bytes 0x20-0x2F, one final byte 0x30-0x7E).
const CONTROL_SEQUENCE = new RegExp(
  [
    '(?:\\u001B\\[|\\u009B)[\\u0030-\\u003F]*[\\u0020-\\u002F]*[\\u0040-\\u007E]?',
    '(?:\\u001B[\\]PX^_]|[\\u0090\\u0098\\u009D-\\u009F])[^\\u0007\\u001B\\u009C]*(?:\\u0007|\\u001B\\\\|\\u009C)?',
    '\\u001B[\\u0020-\\u002F]*[\\u0030-\\u007E]?',
  ].join('|'),
  'g',
);

// Format characters (zero-width space/joiners, bidi embeddings U+202A–202E and isolates
// U+2066–2069, LRM/RLM, soft hyphen, BOM, …), C0 controls except the newline, DEL and C1 controls.
// Tab is handled before this and becomes a space. Two format characters are kept where they
// belong to an emoji: the zero-width joiner between two pictographs (👩‍💻, 👨‍👩‍👧, 🏳️‍🌈, also after
// a skin tone or variation selector) and the tag characters of a subdivision flag (🏴󠁧󠁢󠁳󠁣󠁴󠁿).
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const INVISIBLE = /[\p{Cf}\u0000-\u0009\u000B-\u001F\u007F-\u009F]/gu;

/** A pictograph with what may follow it inside an emoji: variation selector, skin tone. */
const EMOJI_BEFORE = /\p{Extended_Pictographic}(?:[\uFE0E\uFE0F]|[\u{1F3FB}-\u{1F3FF}])*$/u;
const EMOJI_AFTER = /^\p{Extended_Pictographic}/u;
const FLAG_BEFORE_TAG = /\u{1F3F4}[\u{E0020}-\u{E007F}]*$/u;

function keepInsideEmoji(ch: string, offset: number, whole: string): boolean {
  if (ch === '\u200D') {
    return (
      EMOJI_BEFORE.test(whole.slice(Math.max(0, offset - 8), offset)) &&
      EMOJI_AFTER.test(whole.slice(offset + 1, offset + 3))
    );
  }
  const cp = ch.codePointAt(0) ?? 0;
  if (cp >= 0xe0020 && cp <= 0xe007f)
    return FLAG_BEFORE_TAG.test(whole.slice(Math.max(0, offset - 70), offset));
  return false;
}

/**
 * Removes characters a reader cannot see but a comparison or a renderer would trip over, and
 * terminal control sequences with everything that belongs to them. Line breaks are kept and
 * normalised to "\n"; a tab becomes a space; emoji sequences stay whole.
 */
export function stripInvisible(text: string): string {
  return text
    .replace(CONTROL_SEQUENCE, '')
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, ' ')
    .replace(INVISIBLE, (ch: string, offset: number, whole: string) =>
      keepInsideEmoji(ch, offset, whole) ? ch : '',
    );
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
