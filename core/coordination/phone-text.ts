// Texts read on a phone: short lines, so that a block per unit stays readable without scrolling
// sideways. Wrapping is by words; a single word longer than the width is cut with "…".
import { truncate } from '../language/text.js';

export const PHONE_WIDTH = 36;

/** One line, wrapped into lines of at most `width` characters. */
export function wrap(line: string, width = PHONE_WIDTH): string[] {
  const out: string[] = [];
  let cur = '';
  for (const word of line.split(' ').filter(Boolean)) {
    const w = truncate(word, width);
    if (!cur) cur = w;
    else if (cur.length + 1 + w.length <= width) cur += ` ${w}`;
    else {
      out.push(cur);
      cur = w;
    }
  }
  if (cur) out.push(cur);
  return out;
}

/** "1 temuan", "2 findings": Indonesian does not inflect, English takes a plural. */
export function count(
  n: number,
  id: string,
  en: string,
  lang: 'id' | 'en',
  enPlural = `${en}s`,
): string {
  return lang === 'id' ? `${n} ${id}` : `${n} ${n === 1 ? en : enPlural}`;
}
