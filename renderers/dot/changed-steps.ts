// Steps new or changed since an earlier version, as the cross-functional map marks them: a thick
// blue outline, a pale blue fill, a small "baru/diubah" above the step's text, and a legend line
// under the title. What changed is computed in core (version diff); this only draws it.
import { cleanText, truncate, wrapWords, xmlEscape } from './escape.js';

/** How a changed step is drawn: a thick blue outline, a pale blue fill and a marker line. */
export const CHANGED_STYLE = {
  color: '#1f5fbf',
  fill: '#e3efff',
  penwidth: 3.5,
  marker: 'baru/diubah',
} as const;

/** The legend line of a map with changed steps. */
export function changedLegend(since: number | undefined): string {
  return since === undefined
    ? 'ditandai: langkah baru atau berubah'
    : `ditandai: berubah sejak versi ${since}`;
}

/**
 * A changed step's label: the marker in small blue bold above its text (HTML-like). `text` is
 * wrapped at `width`; an array holds lines already wrapped.
 */
export function changedLabel(text: string | string[], width = 24): string {
  const lines = (
    typeof text === 'string' ? wrapWords(truncate(cleanText(text), 240), width) : text
  ).map(xmlEscape);
  return `<<FONT POINT-SIZE="10" COLOR="${CHANGED_STYLE.color}"><B>${CHANGED_STYLE.marker}</B></FONT><BR/>${lines.join('<BR/>')}>`;
}
