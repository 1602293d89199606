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
        let n = rest.length - 1;
        while (n > 1 && m.width(`${rest.slice(0, n)}-`, size, bold) > width) n--;
        out.push(`${rest.slice(0, n)}-`);
        rest = rest.slice(n);
      }
      line = rest;
    }
    out.push(line);
  }
  return out;
}
