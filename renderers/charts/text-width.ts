// Text widths as DejaVu Sans Condensed draws them, for vega's layout. Without a canvas vega guesses
// 0.8 em a character, about 1.5 times too wide for this face: axes would take half the phone's width
// and long unit names would be cut. Advances of printable ASCII measured with resvg on the shipped
// faces (hundredths of an em); anything else counts as a wide 0.6 em.
import * as vega from 'vega';

const REGULAR = [
  29, 36, 41, 75, 57, 86, 70, 25, 35, 35, 45, 75, 29, 32, 29, 30, 57, 57, 57, 57, 57, 57, 57, 57,
  57, 57, 30, 30, 75, 75, 75, 48, 90, 64, 62, 63, 69, 57, 52, 70, 68, 27, 27, 59, 50, 78, 67, 71,
  54, 71, 63, 57, 53, 66, 62, 89, 62, 55, 62, 35, 30, 35, 75, 45, 45, 55, 57, 49, 57, 55, 31, 57,
  57, 25, 25, 52, 25, 88, 57, 55, 57, 57, 35, 47, 35, 57, 53, 74, 53, 53, 47, 57, 30, 57, 75,
];
const BOLD = [
  31, 41, 47, 75, 63, 90, 78, 28, 41, 41, 47, 75, 34, 37, 34, 33, 63, 63, 63, 63, 63, 63, 63, 63,
  63, 63, 36, 36, 75, 75, 75, 52, 90, 70, 69, 66, 75, 62, 62, 74, 75, 33, 33, 70, 57, 90, 75, 76,
  66, 76, 69, 60, 64, 73, 70, 99, 69, 65, 65, 41, 33, 41, 75, 45, 45, 61, 64, 53, 64, 61, 36, 64,
  64, 31, 31, 60, 31, 94, 64, 62, 64, 64, 44, 54, 43, 64, 59, 83, 58, 59, 52, 64, 33, 64, 75,
];

/** Width of one line of text in the units of `fontSize`. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  const table = bold ? BOLD : REGULAR;
  let hundredths = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)! - 32;
    hundredths += c >= 0 && c < table.length ? table[c]! : 60;
  }
  return (hundredths / 100) * fontSize;
}

interface TextItem {
  text?: unknown;
  fontSize?: number;
  fontWeight?: string | number;
}

/** Not in vega's typings, but exported by vega-scenegraph for exactly this (vl-convert does it). */
const metrics = (
  vega as unknown as { textMetrics: { width: (item: TextItem, text?: unknown) => number } }
).textMetrics;

let installed = false;

/**
 * Makes vega measure text with the table above (process-wide: vega keeps one `textMetrics`; this
 * process draws no other vega charts). Idempotent.
 */
export function useRasterFontMetrics(): void {
  if (installed) return;
  installed = true;
  metrics.width = (item: TextItem, text?: unknown) => {
    const value = text ?? item.text;
    const line = Array.isArray(value) ? value.join(' ') : value == null ? '' : String(value);
    const w = item.fontWeight;
    const bold = w === 'bold' || (typeof w === 'number' && w >= 600);
    return textWidth(line, item.fontSize ?? 11, bold);
  };
}
