import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { crossFunctionalSvgs } from '../../renderers/cross-functional-svg.js';
import { graphvizWasm } from '../../renderers/layout.js';
import { encodePng } from '../../renderers/png.js';
import { renderSvg, svgToPng } from '../../renderers/raster.js';
import { renja } from './fixtures.js';
import { decodePng, pngChunks } from './png.js';
import { syntheticProcess } from './synthetic.js';

/** Decodes a PNG with resvg's own decoder (an <image> drawn 1:1) and returns its RGBA pixels. */
function decodeWithResvg(png: Uint8Array, width: number, height: number): Uint8Array {
  const href = `data:image/png;base64,${Buffer.from(png).toString('base64')}`;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<image width="${width}" height="${height}" xlink:href="${href}"/></svg>`;
  return new Uint8Array(new Resvg(svg).render().pixels);
}

/** Deterministic pixels with every byte value, opaque and translucent. */
function testPixels(width: number, height: number): Uint8Array {
  const px = new Uint8Array(width * height * 4);
  let s = 12345;
  for (let i = 0; i < px.length; i++) {
    s = (s * 1103515245 + 12345) >>> 0;
    px[i] = i % 4 === 3 ? 255 : s >>> 24;
  }
  return px;
}

describe('encodePng', () => {
  it('writes signature, IHDR (8-bit RGBA), IDAT and IEND with correct CRCs, rows unfiltered', () => {
    const [w, h] = [37, 11];
    const px = testPixels(w, h);
    const png = encodePng(px, w, h);
    const chunks = pngChunks(png); // checks every CRC
    expect(chunks.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    const ihdr = chunks[0]!.data;
    const v = new DataView(ihdr.buffer, ihdr.byteOffset, ihdr.byteLength);
    expect([v.getUint32(0), v.getUint32(4), ...ihdr.subarray(8)]).toEqual([w, h, 8, 6, 0, 0, 0]);
    expect(chunks[2]!.data.byteLength).toBe(0);
    const decoded = decodePng(png);
    expect(decoded.filters).toEqual(new Array(h).fill(0));
    expect(decoded.channels).toBe(4);
    expect(decoded.data).toEqual(px);
  });

  it('is read back exactly by an independent decoder (resvg drawing it as an image)', () => {
    const [w, h] = [64, 40];
    const px = testPixels(w, h);
    expect(decodeWithResvg(encodePng(px, w, h), w, h)).toEqual(px);
  });

  it('handles a single pixel and refuses pixels that do not match the size', () => {
    expect(decodePng(encodePng(new Uint8Array([1, 2, 3, 255]), 1, 1)).data).toEqual(
      new Uint8Array([1, 2, 3, 255]),
    );
    expect(() => encodePng(new Uint8Array(15), 2, 2)).toThrow(/RGBA/);
    expect(() => encodePng(new Uint8Array(0), 0, 0)).toThrow(/tidak sah/);
  });
});

describe('svgToPng on real maps', async () => {
  const engine = graphvizWasm();
  const maps = [renja(), syntheticProcess(20)];
  const svgs: { name: string; svg: string }[] = [];
  for (const [i, m] of maps.entries()) {
    const { pages } = await crossFunctionalSvgs(m.process, m.org, engine);
    svgs.push({ name: i === 0 ? 'Renja' : '20 activities, page 1', svg: pages[0]! });
  }

  it.each(svgs)(
    '$name: our PNG holds exactly resvg’s pixels, within 20% of resvg’s own PNG size',
    ({ svg }) => {
      const image = renderSvg(svg);
      const png = svgToPng(svg);
      const ours = decodePng(png);
      const theirs = decodePng(new Uint8Array(image.asPng()));
      expect([ours.width, ours.height]).toEqual([image.width, image.height]);
      // Written by encodePng (resvg's own encoder filters its rows).
      expect(new Set(ours.filters)).toEqual(new Set([0]));
      expect(pngChunks(png).map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
      expect(Buffer.compare(ours.data, image.pixels)).toBe(0);
      // White background: every pixel opaque, so premultiplied and straight RGBA agree.
      expect(Buffer.compare(ours.data, theirs.data)).toBe(0);
      // Measured: 4-13% larger with the whole DejaVu faces; 15% for Renja with the Latin subsets
      // (renderers/fonts), whose text comes out slightly different, pixel for pixel.
      expect(png.byteLength).toBeLessThan(image.asPng().byteLength * 1.2);
    },
  );
});
