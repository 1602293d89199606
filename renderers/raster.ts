// SVG -> PNG with resvg and DejaVu fonts (Latin subsets in renderers/fonts, the rest from
// node_modules). Synchronous and CPU-bound:
// call it from a render process (raster-pool.ts), not on the main thread of the bot.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg, type RenderedImage } from '@resvg/resvg-js';
import { RASTER_FONT_FAMILY } from './font-family.js';
import { encodePng } from './png.js';

const require = createRequire(import.meta.url);

export { RASTER_FONT_FAMILY } from './font-family.js';

/**
 * The faces text is drawn with: Latin subsets of DejaVu Sans Condensed (renderers/fonts, made by
 * make-latin-subsets.sh), and the whole DejaVu Sans (regular, bold) for any character outside
 * them. resvg lays
 * text out against the whole font file on every picture: with the full condensed faces that was
 * more than half of a page's time.
 */
export function fontFiles(): string[] {
  const dejavu = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  const ours = fileURLToPath(new URL('./fonts/', import.meta.url));
  return [
    path.join(ours, 'DejaVuSansCondensed-Latin.ttf'),
    path.join(ours, 'DejaVuSansCondensed-Bold-Latin.ttf'),
    path.join(dejavu, 'DejaVuSans.ttf'),
    path.join(dejavu, 'DejaVuSans-Bold.ttf'),
  ];
}

/** Limits a chat picture must respect: Telegram sendPhoto and WhatsApp images. */
export const CHAT_LIMITS = {
  /** WhatsApp recompresses anything bigger; also keeps Telegram's w + h <= 10,000. */
  maxSide: 4096,
  maxSum: 10_000,
  maxRatio: 20,
  maxBytes: 5 * 1024 * 1024,
} as const;

export interface RasterOptions {
  /** Pixels per SVG point before the chat limits are applied. Default 1.5: sharp on a phone (Telegram shows photos at most 1280 px wide there) at half the pixels of 2. */
  scale?: number;
  maxSide?: number;
}

function svgSizePt(svg: string): { w: number; h: number } {
  const m = /<svg[^>]*\swidth="([\d.]+)pt"[^>]*\sheight="([\d.]+)pt"/.exec(svg);
  if (!m) throw new Error('SVG tanpa ukuran (width/height pt)');
  return { w: Number(m[1]), h: Number(m[2]) };
}

/**
 * Widens a very narrow (or flattens a very flat) SVG so that the aspect ratio stays within
 * Telegram's limit of 20, by growing the viewBox around the drawing.
 */
export function padToRatio(svg: string, maxRatio: number = CHAT_LIMITS.maxRatio - 1): string {
  const { w, h } = svgSizePt(svg);
  const vb = /viewBox="([-\d.]+) ([-\d.]+) ([\d.]+) ([\d.]+)"/.exec(svg);
  if (!vb) return svg;
  let [x, y, vw, vh] = [Number(vb[1]), Number(vb[2]), Number(vb[3]), Number(vb[4])];
  let [nw, nh] = [w, h];
  if (h / w > maxRatio) {
    nw = h / maxRatio;
    const grow = (vw * nw) / w - vw;
    x -= grow / 2;
    vw += grow;
  } else if (w / h > maxRatio) {
    nh = w / maxRatio;
    const grow = (vh * nh) / h - vh;
    y -= grow / 2;
    vh += grow;
  } else return svg;
  return svg
    .replace(/(<svg[^>]*\s)width="[\d.]+pt"/, `$1width="${nw.toFixed(2)}pt"`)
    .replace(/(<svg[^>]*\s)height="[\d.]+pt"/, `$1height="${nh.toFixed(2)}pt"`)
    .replace(vb[0], `viewBox="${x.toFixed(2)} ${y.toFixed(2)} ${vw.toFixed(2)} ${vh.toFixed(2)}"`);
}

/** The zoom that keeps a picture of `w` x `h` points within the chat limits. */
export function chatZoom(w: number, h: number, o: RasterOptions = {}): number {
  const want = o.scale ?? 1.5;
  const maxSide = o.maxSide ?? CHAT_LIMITS.maxSide;
  return Math.min(want, maxSide / Math.max(w, h), (CHAT_LIMITS.maxSum - 2) / (w + h));
}

/** resvg's rendering of a Graphviz SVG, sized for a phone and the chat limits (before PNG). */
export function renderSvg(svg: string, o: RasterOptions = {}): RenderedImage {
  const padded = padToRatio(svg);
  const { w, h } = svgSizePt(padded);
  const zoom = chatZoom(w, h, o);
  // Graphviz writes font-family="Arial" (and "Times,serif" for its defaults): both map to DejaVu.
  const text = padded.replace(/font-family="[^"]*"/g, `font-family="${RASTER_FONT_FAMILY}"`);
  const r = new Resvg(text, {
    // Graphviz's viewBox is in points and width/height in pt; zoom maps 1 pt to `zoom` px.
    fitTo: { mode: 'width', value: Math.max(1, Math.floor(w * zoom)) },
    // Also what makes every pixel opaque, so that encodePng may take resvg's pixels as they are.
    background: 'white',
    font: {
      fontFiles: fontFiles(),
      loadSystemFonts: false,
      defaultFontFamily: RASTER_FONT_FAMILY,
      sansSerifFamily: RASTER_FONT_FAMILY,
      serifFamily: RASTER_FONT_FAMILY,
    },
  });
  return r.render();
}

/** Rasterises a Graphviz SVG to PNG bytes, sized for a phone and the chat limits. */
export function svgToPng(svg: string, o: RasterOptions = {}): Uint8Array {
  // Our own encoder instead of resvg's asPng(): ~8 ms instead of ~30 ms a page (see png.ts).
  const image = renderSvg(svg, o);
  return encodePng(image.pixels, image.width, image.height);
}
