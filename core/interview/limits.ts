// What the chat platforms accept, and splitting long text to fit. Checked by a test on every
// outbound message of whole interviews.

export const LIMITS = {
  /** Telegram sendMessage text, in UTF-16 code units. WhatsApp allows far more. */
  textMax: 4096,
  /** Telegram photo caption. */
  captionMax: 1024,
  /** Buttons of one question: more are unusable on a phone; WhatsApp shows them as a list. */
  choicesMax: 12,
  /** A button label: WhatsApp list rows take 24 characters, Telegram shows about 30-40 on a phone. */
  choiceLabelMax: 64,
  /** Telegram callback_data, in bytes. */
  callbackDataMax: 64,
} as const;

/** Splits text into pieces of at most `max` UTF-16 units, at line ends where possible. */
export function splitText(text: string, max: number = LIMITS.textMax): string[] {
  if (text.length <= max) return [text];
  const out: string[] = [];
  let cur = '';
  for (const line of text.split('\n')) {
    let rest = line;
    while (rest.length > max) {
      if (cur) {
        out.push(cur);
        cur = '';
      }
      let cut = rest.lastIndexOf(' ', max);
      if (cut < max / 2) cut = max;
      // never split a surrogate pair
      if (/[\uD800-\uDBFF]/.test(rest.charAt(cut - 1))) cut -= 1;
      out.push(rest.slice(0, cut));
      rest = rest.slice(cut).replace(/^ /, '');
    }
    const candidate = cur ? `${cur}\n${rest}` : rest;
    if (candidate.length > max) {
      out.push(cur);
      cur = rest;
    } else cur = candidate;
  }
  if (cur) out.push(cur);
  return out;
}

/** Shortens a label to `max` characters with an ellipsis, never splitting a surrogate pair. */
export function shorten(label: string, max: number = LIMITS.choiceLabelMax): string {
  if (label.length <= max) return label;
  let cut = max - 1;
  if (/[\uD800-\uDBFF]/.test(label.charAt(cut - 1))) cut -= 1;
  return `${label.slice(0, cut)}…`;
}
