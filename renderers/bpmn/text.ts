// How much room a label takes in bpmn.io / Camunda Modeler (Arial-like sans, no canvas to measure
// with): advances of Arial in em, by character class, rounded up, so that an estimate errs wide.

const NARROW = new Set("iljtfI.,:;'|!()[] /-");
const WIDE = new Set('mwMW@%');

function advance(ch: string): number {
  if (NARROW.has(ch)) return 0.3;
  if (WIDE.has(ch)) return 0.86;
  if (/[A-Z]/.test(ch)) return 0.7;
  if (/[0-9]/.test(ch)) return 0.56;
  if (/[a-z]/.test(ch)) return 0.56;
  return 0.62;
}

export function textWidthPx(text: string, fontPx: number): number {
  let em = 0;
  for (const ch of text) em += advance(ch);
  return em * fontPx;
}

/** Greedy word wrap to `maxPx`; a word longer than a line is cut where it overflows. */
export function wrapPx(text: string, maxPx: number, fontPx: number): string[] {
  const words = text.replace(/\s+/g, ' ').trim().split(' ').filter(Boolean);
  const lines: string[] = [];
  let line = '';
  const push = (w: string) => {
    let rest = w;
    while (textWidthPx(rest, fontPx) > maxPx && rest.length > 1) {
      let n = rest.length - 1;
      while (n > 1 && textWidthPx(rest.slice(0, n), fontPx) > maxPx) n--;
      lines.push(rest.slice(0, n));
      rest = rest.slice(n);
    }
    return rest;
  };
  for (const w of words) {
    const candidate = line ? `${line} ${w}` : w;
    if (textWidthPx(candidate, fontPx) <= maxPx) line = candidate;
    else {
      if (line) lines.push(line);
      line = push(w);
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** The box of an external label (font 11 px, line height 1.2, as bpmn-js draws them). */
export function labelSize(text: string, maxPx = 90): { w: number; h: number } {
  const font = 11;
  const lines = wrapPx(text, maxPx, font);
  const w = Math.max(...lines.map((l) => textWidthPx(l, font)), 1);
  return { w: Math.ceil(Math.min(maxPx, w)) + 2, h: Math.ceil(lines.length * font * 1.2) + 2 };
}
