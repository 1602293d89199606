// A tiny PNG reader for tests: signature, chunks (CRC checked), IHDR, and 8-bit RGB/RGBA pixels
// (all five filters). Independent of renderers/png.ts: its own CRC table, no zlib.crc32.
import { inflateSync } from 'node:zlib';

export const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function pngSize(png: Uint8Array): { width: number; height: number } {
  if (!PNG_SIGNATURE.every((b, i) => png[i] === b)) throw new Error('not a PNG');
  const v = new DataView(png.buffer, png.byteOffset, png.byteLength);
  if (String.fromCharCode(...png.slice(12, 16)) !== 'IHDR') throw new Error('IHDR missing');
  return { width: v.getUint32(16), height: v.getUint32(20) };
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** CRC-32 as PNG uses it, computed here rather than by zlib, so a test checks zlib's too. */
export function crc(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export interface Chunk {
  type: string;
  data: Uint8Array;
}

/** The chunks of a PNG, in order; throws on a bad signature, a bad CRC or trailing bytes. */
export function pngChunks(png: Uint8Array): Chunk[] {
  if (!PNG_SIGNATURE.every((b, i) => png[i] === b)) throw new Error('not a PNG');
  const v = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const out: Chunk[] = [];
  let at = 8;
  while (at < png.length) {
    if (at + 12 > png.length) throw new Error(`truncated chunk at ${at}`);
    const len = v.getUint32(at);
    const end = at + 12 + len;
    if (end > png.length) throw new Error(`chunk at ${at} runs past the end`);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    if (crc(png.subarray(at + 4, at + 8 + len)) !== v.getUint32(at + 8 + len))
      throw new Error(`bad CRC in ${type}`);
    out.push({ type, data: png.subarray(at + 8, at + 8 + len) });
    at = end;
    if (type === 'IEND' && at !== png.length) throw new Error('bytes after IEND');
  }
  return out;
}

export interface Pixels {
  width: number;
  height: number;
  /** 3 (RGB) or 4 (RGBA). */
  channels: number;
  /** The unfiltered pixel bytes, row by row. */
  data: Uint8Array;
  /** The filter type of each row, as written. */
  filters: number[];
  /** Luminance 0..255 at (x, y). */
  lum(x: number, y: number): number;
}

export function decodePng(png: Uint8Array): Pixels {
  const { width, height } = pngSize(png);
  const bitDepth = png[24];
  const colorType = png[25];
  if (bitDepth !== 8 || (colorType !== 6 && colorType !== 2))
    throw new Error(`unsupported PNG ${bitDepth}/${colorType}`);
  const bpp = colorType === 6 ? 4 : 3;
  const idat = pngChunks(png)
    .filter((c) => c.type === 'IDAT')
    .map((c) => c.data);
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * bpp;
  if (raw.length !== height * (stride + 1)) throw new Error(`${raw.length} bytes after inflate`);
  const out = new Uint8Array(height * stride);
  const filters: number[] = [];
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    if (filter > 4) throw new Error(`bad filter type ${filter} in row ${y}`);
    filters.push(filter);
    const src = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const row = out.subarray(y * stride, (y + 1) * stride);
    const prev = y > 0 ? out.subarray((y - 1) * stride, y * stride) : new Uint8Array(stride);
    for (let i = 0; i < stride; i++) {
      const a = i >= bpp ? row[i - bpp]! : 0;
      const b = prev[i]!;
      const c = i >= bpp ? prev[i - bpp]! : 0;
      let pred = 0;
      if (filter === 1) pred = a;
      else if (filter === 2) pred = b;
      else if (filter === 3) pred = (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        pred = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      row[i] = (src[i]! + pred) & 0xff;
    }
  }
  return {
    width,
    height,
    channels: bpp,
    data: out,
    filters,
    lum(x, y) {
      const i = y * stride + x * bpp;
      return 0.299 * out[i]! + 0.587 * out[i + 1]! + 0.114 * out[i + 2]!;
    },
  };
}
