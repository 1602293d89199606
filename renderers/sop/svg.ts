// The flowchart drawing as SVG, the second painter of the layout: a window of it (one row's height
// of the pelaksana columns) is what the DOCX holds as a picture, so that the strips of all rows
// tile into one drawing.
import { Resvg } from '@resvg/resvg-js';
import { RASTER_FONT_FAMILY, fontFiles } from '../raster.js';
import { encodePng } from '../png.js';
import type { Drawing } from './layout.js';

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const n = (v: number) => v.toFixed(2);
const pts = (p: [number, number][]) => p.map(([x, y]) => `${n(x)},${n(y)}`).join(' ');

/** Baseline of a line whose box starts at `top`: DejaVu's ascent is 0.928 em. */
const baseline = (top: number, size: number) => top + 0.928 * size;

export function drawingSvg(
  d: Drawing,
  window: { x: number; y: number; w: number; h: number },
  /** x of the thin lines between pelaksana columns. */
  dividers: number[],
): string {
  const out: string[] = [];
  for (const x of dividers)
    out.push(
      `<line x1="${n(x)}" y1="${n(window.y)}" x2="${n(x)}" y2="${n(window.y + window.h)}" stroke="#444" stroke-width="0.3"/>`,
    );
  // The cell's own borders, which the picture covers: half of each line falls inside it.
  out.push(
    `<rect x="${n(window.x)}" y="${n(window.y)}" width="${n(window.w)}" height="${n(window.h)}" fill="none" stroke="#444" stroke-width="1"/>`,
  );
  for (const s of d.shapes) {
    const { cx, cy, w, h } = s;
    const style = 'fill="#fff" stroke="#000" stroke-width="0.6"';
    if (s.kind === 'box')
      out.push(
        `<rect x="${n(cx - w / 2)}" y="${n(cy - h / 2)}" width="${n(w)}" height="${n(h)}" ${style}/>`,
      );
    else if (s.kind === 'capsule') {
      const r = Math.min(h / 2, 6);
      out.push(
        `<rect x="${n(cx - w / 2)}" y="${n(cy - h / 2)}" width="${n(w)}" height="${n(h)}" rx="${n(r)}" ${style}/>`,
      );
    } else if (s.kind === 'diamond')
      out.push(
        `<polygon points="${pts([
          [cx, cy - h / 2],
          [cx + w / 2, cy],
          [cx, cy + h / 2],
          [cx - w / 2, cy],
        ])}" ${style}/>`,
      );
    else
      out.push(
        `<polygon points="${pts([
          [cx - w / 2, cy - h / 2],
          [cx + w / 2, cy - h / 2],
          [cx + w / 2, cy + h / 6],
          [cx, cy + h / 2],
          [cx - w / 2, cy + h / 6],
        ])}" ${style}/>`,
      );
    const lh = s.size * 1.15;
    const top = cy - (s.lines.length * lh) / 2 - (s.kind === 'pentagon' ? h / 8 : 0) + 0.5;
    s.lines.forEach((l, i) =>
      out.push(
        `<text x="${n(cx)}" y="${n(baseline(top + i * lh, s.size))}" font-size="${s.size}" text-anchor="middle">${esc(l)}</text>`,
      ),
    );
  }
  for (const p of d.paths) {
    out.push(
      `<polyline points="${pts(p.points)}" fill="none" stroke="#000" stroke-width="0.6"${p.dashed ? ' stroke-dasharray="1.5 1.5"' : ''}/>`,
    );
    if (p.arrow && p.points.length >= 2) {
      const [x2, y2] = p.points[p.points.length - 1]!;
      const [x1, y1] = p.points[p.points.length - 2]!;
      const len = Math.hypot(x2 - x1, y2 - y1) || 1;
      const [ux, uy] = [(x2 - x1) / len, (y2 - y1) / len];
      const a = 3.2;
      out.push(
        `<polygon points="${pts([
          [x2, y2],
          [x2 - ux * a - uy * a * 0.55, y2 - uy * a + ux * a * 0.55],
          [x2 - ux * a + uy * a * 0.55, y2 - uy * a - ux * a * 0.55],
        ])}" fill="#000"/>`,
      );
    }
  }
  for (const l of d.labels) {
    const lh = l.size * 1.15;
    l.lines.forEach((t, i) =>
      out.push(
        `<text x="${n(l.x)}" y="${n(baseline(l.y + i * lh, l.size))}" font-size="${l.size}"${l.center ? ' text-anchor="middle"' : ''}>${esc(t)}</text>`,
      ),
    );
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(window.w)}pt" height="${n(window.h)}pt" ` +
    `viewBox="${n(window.x)} ${n(window.y)} ${n(window.w)} ${n(window.h)}" font-family="${RASTER_FONT_FAMILY}">` +
    `<rect x="${n(window.x)}" y="${n(window.y)}" width="${n(window.w)}" height="${n(window.h)}" fill="#fff"/>` +
    out.join('') +
    '</svg>'
  );
}

/** An SVG of `drawingSvg` as PNG at `scale` pixels per point. */
export function svgPng(svg: string, widthPt: number, scale: number): Uint8Array {
  const r = new Resvg(svg, {
    fitTo: { mode: 'width', value: Math.max(1, Math.round(widthPt * scale)) },
    background: 'white',
    font: {
      fontFiles: fontFiles(),
      loadSystemFonts: false,
      defaultFontFamily: RASTER_FONT_FAMILY,
      sansSerifFamily: RASTER_FONT_FAMILY,
    },
  }).render();
  return encodePng(r.pixels, r.width, r.height);
}
