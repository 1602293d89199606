// Text measured with the faces the SOP embeds (DejaVu Sans Condensed, Latin subsets), so that
// the layout wraps every cell's text before it is drawn and nothing is cut.
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';

export const FONT_FILES = {
  regular: fileURLToPath(new URL('../fonts/DejaVuSansCondensed-Latin.ttf', import.meta.url)),
  bold: fileURLToPath(new URL('../fonts/DejaVuSansCondensed-Bold-Latin.ttf', import.meta.url)),
};

export interface Measure {
  /** Width in points of one line of `text` at `size` points. */
  width(text: string, size: number, bold?: boolean): number;
}

let shared: PDFKit.PDFDocument | null = null;

/**
 * Widths as pdfkit lays the embedded faces out. `scale` widens every width: a DOCX is drawn by
 * Word or LibreOffice in Arial/Liberation Sans, a little wider than the condensed face.
 */
export function fontMeasure(scale = 1): Measure {
  shared ??= new PDFDocument({ autoFirstPage: false })
    .registerFont('sop-regular', FONT_FILES.regular)
    .registerFont('sop-bold', FONT_FILES.bold);
  const doc = shared;
  const cache = new Map<string, number>();
  return {
    width(text, size, bold = false) {
      const key = `${bold ? 1 : 0}|${text}`;
      let w = cache.get(key);
      if (w === undefined) {
        w =
          doc
            .font(bold ? 'sop-bold' : 'sop-regular')
            .fontSize(1000)
            .widthOfString(text) / 1000;
        cache.set(key, w);
      }
      return w * size * scale;
    },
  };
}

/**
 * Greedy word wrap into lines no wider than `width`; a word too long for a line is broken
 * (with a hyphen) rather than cut. Explicit line breaks are kept.
 */
export function wrap(
  m: Measure,
  text: string,
  width: number,
  size: number,
  bold = false,
): string[] {
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (m.width(candidate, size, bold) <= width) {
        line = candidate;
        continue;
      }
      if (line) out.push(line);
      line = '';
      let rest = word;
      while (m.width(rest, size, bold) > width && rest.length > 1) {
        const n = breakAt(rest, (head) => m.width(`${head}-`, size, bold) <= width);
        out.push(`${rest.slice(0, n)}-`);
        rest = rest.slice(n);
      }
      line = rest;
    }
    out.push(line);
  }
  return out;
}

const VOWEL = /[aiueoAIUEO]/;
const LETTER = /[A-Za-z]/;

/**
 * Where to break a word too long for its line: the longest head that fits and ends at an
 * Indonesian syllable boundary — before a consonant followed by a vowel ("pembaha-san",
 * "Perenca-naan"), or before "ng"/"ny" followed by a vowel ("pe-ngangkatan"), never inside
 * "ng"/"ny" — leaving at least two letters on each side; failing that, the longest head that
 * fits. Always at least one character.
 */
export function breakAt(word: string, fits: (head: string) => boolean): number {
  let longest = 1;
  for (let n = word.length - 1; n > 1; n--)
    if (fits(word.slice(0, n))) {
      longest = n;
      break;
    }
  const vowel = (i: number) => VOWEL.test(word[i] ?? '');
  const consonant = (i: number) => LETTER.test(word[i] ?? '') && !vowel(i);
  for (let n = longest; n >= 2; n--) {
    if (word.length - n < 2 || !LETTER.test(word[n - 1]!)) continue;
    const at = word[n]!.toLowerCase();
    const digraph = at === 'n' && /[gy]/i.test(word[n + 1] ?? '') && vowel(n + 2);
    const insideDigraph = /[gy]/.test(at) && word[n - 1]!.toLowerCase() === 'n';
    if (digraph || (consonant(n) && vowel(n + 1) && !insideDigraph)) return n;
  }
  return longest;
}
