// Text safety for everything the renderers emit. Every DOT id and label goes through `dotQuote`;
// every text put into XML (BPMN, SVG we write ourselves) goes through `xmlEscape`.

/**
 * Printable text from anything a person typed: line breaks and tabs become spaces; other control
 * characters, lone surrogates and the non-characters U+FFFE/U+FFFF are dropped (XML 1.0 cannot
 * carry them, and Graphviz copies them into the SVG verbatim); runs of spaces collapse.
 */
export function cleanText(s: string): string {
  return (
    s
      .replace(/[\r\n\t\v\f\u2028\u2029]+/g, ' ')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f-\u009f\ufffe\uffff]/g, '')
      .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
      .replace(/ {2,}/g, ' ')
      .trim()
  );
}

/** Shortens to at most `max` code points, ending with an ellipsis when cut. */
export function truncate(s: string, max: number): string {
  const cps = Array.from(s);
  return cps.length <= max
    ? s
    : cps
        .slice(0, Math.max(1, max - 1))
        .join('')
        .trimEnd() + '…';
}

/**
 * Word wrap at `width` code points; a word longer than the width is cut into pieces.
 * Returns the lines (at least one, possibly empty).
 */
export function wrapWords(s: string, width: number): string[] {
  const lines: string[] = [];
  let cur = '';
  for (const word of s.split(' ').filter((w) => w.length > 0)) {
    let w = Array.from(word);
    while (w.length > width) {
      if (cur) {
        lines.push(cur);
        cur = '';
      }
      lines.push(w.slice(0, width).join(''));
      w = w.slice(width);
    }
    const piece = w.join('');
    if (!piece) continue;
    if (!cur) cur = piece;
    else if (Array.from(cur).length + 1 + w.length <= width) cur += ' ' + piece;
    else {
      lines.push(cur);
      cur = piece;
    }
  }
  if (cur || lines.length === 0) lines.push(cur);
  return lines;
}

/**
 * Wraps at `width` characters without cutting a word: a line widens to the longest word, up to
 * `longest` characters (a longer "word", such as a link, is still cut).
 */
export function wrapWholeWords(s: string, width: number, longest = 20): string[] {
  const word = Math.max(0, ...s.split(' ').map((w) => Array.from(w).length));
  return wrapWords(s, Math.max(width, Math.min(longest, word)));
}

/**
 * The one function that turns text into a quoted DOT string (an id or a label).
 * Backslash is escaped first, then the double quote, so `\N`, `\G`, `\E`, `\T`, `\H`, `\L`,
 * `\n`, `\l`, `\r` typed by a person come out literally and a trailing backslash cannot escape the
 * closing quote. `&` is written as `&amp;` because Graphviz passes entities such as `&lt;` through
 * to the SVG: this way a typed "&lt;" is shown as typed. Lines are joined with DOT's `\n`.
 */
export function dotQuote(text: string | readonly string[]): string {
  const lines = typeof text === 'string' ? [text] : text;
  const body = lines
    .map((l) => cleanText(l).replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/&/g, '&amp;'))
    .join('\\n');
  return `"${body}"`;
}

/** A label: cleaned, truncated to `max` characters, wrapped at `width`, quoted for DOT. */
export function dotLabel(text: string, width: number, max = 240): string {
  return dotQuote(wrapWords(truncate(cleanText(text), max), width));
}

/** Escapes text for XML content and attribute values (after cleaning control characters). */
export function xmlEscape(s: string): string {
  return cleanText(s)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
