// The faces of the chat pictures: Latin subsets of DejaVu Sans Condensed for speed, drawing
// Indonesian text exactly as wide as the whole face does (Graphviz sized the boxes for it), and
// the whole DejaVu Sans for any character outside the subsets.
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Resvg } from '@resvg/resvg-js';
import { RASTER_FONT_FAMILY, fontFiles, renderSvg } from '../../renderers/raster.js';

const svgWith = (text: string, weight = 'normal') =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="600pt" height="40pt" viewBox="0 0 600 40">` +
  `<text x="10" y="28" font-family="Arial" font-size="14" font-weight="${weight}">${text}</text></svg>`;

/** The leftmost and rightmost columns with ink, and how many pixels have ink. */
function ink(image: { pixels: Buffer | Uint8Array; width: number; height: number }) {
  // resvg's `pixels` is a getter that copies the picture: read it once.
  const pixels = image.pixels;
  let left = Infinity;
  let right = -Infinity;
  let count = 0;
  for (let y = 0; y < image.height; y++)
    for (let x = 0; x < image.width; x++) {
      const i = (y * image.width + x) * 4;
      if (pixels[i]! < 200) {
        left = Math.min(left, x);
        right = Math.max(right, x);
        count++;
      }
    }
  return { left, right, count };
}

/** The same text drawn with the whole DejaVu Sans Condensed faces from node_modules. */
function withWholeFaces(svg: string) {
  const require = createRequire(import.meta.url);
  const dir = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  return new Resvg(svg.replace(/font-family="[^"]*"/g, `font-family="${RASTER_FONT_FAMILY}"`), {
    fitTo: { mode: 'width', value: 900 },
    background: 'white',
    font: {
      fontFiles: ['DejaVuSansCondensed.ttf', 'DejaVuSansCondensed-Bold.ttf'].map((f) =>
        path.join(dir, f),
      ),
      loadSystemFonts: false,
      defaultFontFamily: RASTER_FONT_FAMILY,
    },
  }).render();
}

describe('the faces of the chat pictures', () => {
  it('loads the Latin subsets it ships, with the whole DejaVu Sans after them', () => {
    const files = fontFiles().map((f) => path.basename(f));
    expect(files).toEqual([
      'DejaVuSansCondensed-Latin.ttf',
      'DejaVuSansCondensed-Bold-Latin.ttf',
      'DejaVuSans.ttf',
      'DejaVuSans-Bold.ttf',
    ]);
  });

  for (const weight of ['normal', 'bold'])
    it(`draws Indonesian text (${weight}) as wide as the whole condensed face does`, () => {
      const svg = svgWith(
        'Pengelolaan Keuangan Daerah: verifikasi SPJ &amp; pembayaran (Rp 5.000,- / é ü ñ ç)',
        weight,
      );
      const subset = ink(renderSvg(svg, { scale: 1.5 }));
      const whole = ink(withWholeFaces(svg));
      expect(subset.count).toBeGreaterThan(1000);
      expect(Math.abs(subset.left - whole.left)).toBeLessThanOrEqual(1);
      expect(Math.abs(subset.right - whole.right)).toBeLessThanOrEqual(1);
    });

  it('draws characters outside the subsets with DejaVu Sans instead of leaving them out', () => {
    const blank = ink(renderSvg(svgWith('Tahap'), { scale: 1.5 }));
    for (const chars of ['Ω', 'Ж', '✓', '→', '−', '™', '◇']) {
      const drawn = ink(renderSvg(svgWith(`Tahap ${chars}`), { scale: 1.5 }));
      expect(drawn.right, chars).toBeGreaterThan(blank.right + 5);
    }
  });
});
