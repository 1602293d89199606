// Renders are cached by the content they depend on, so an unchanged map is never laid out twice.
// The in-memory LRU is the default; a database-backed cache implements the same interface.
import { createHash } from 'node:crypto';

export interface RenderCache {
  get(key: string): Promise<Uint8Array | undefined>;
  set(key: string, bytes: Uint8Array): Promise<void>;
}

/** Bumped whenever a renderer's output changes for the same input, so old entries stop matching. */
export const RENDERER_VERSION = 'probis-renderers/1';

/** JSON with object keys sorted at every level: equal content, equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const o = v as Record<string, unknown>;
      return Object.fromEntries(
        Object.keys(o)
          .sort()
          .map((k) => [k, o[k]]),
      );
    }
    return v;
  });
}

/** sha256 of the renderer version, the kind of picture, its options and what it depends on. */
export function renderKey(kind: string, dependsOn: unknown, options: unknown = {}): string {
  const h = createHash('sha256');
  h.update(canonicalJson({ v: RENDERER_VERSION, kind, options, dependsOn }));
  return `${kind}:${h.digest('hex')}`;
}

/** A least-recently-used cache bounded by total bytes (default 64 MB) and entry count. */
export function memoryCache(
  o: { maxBytes?: number; maxEntries?: number } = {},
): RenderCache & { size(): number } {
  const maxBytes = o.maxBytes ?? 64 * 1024 * 1024;
  const maxEntries = o.maxEntries ?? 500;
  const map = new Map<string, Uint8Array>();
  let bytes = 0;
  return {
    async get(key) {
      const v = map.get(key);
      if (v === undefined) return undefined;
      map.delete(key); // re-insert: most recently used last
      map.set(key, v);
      return v;
    },
    async set(key, value) {
      const old = map.get(key);
      if (old) {
        bytes -= old.byteLength;
        map.delete(key);
      }
      if (value.byteLength > maxBytes) return;
      map.set(key, value);
      bytes += value.byteLength;
      for (const [k, v] of map) {
        if (bytes <= maxBytes && map.size <= maxEntries) break;
        map.delete(k);
        bytes -= v.byteLength;
      }
    },
    size: () => map.size,
  };
}

/**
 * Several byte arrays in one cache entry: a 4-byte big-endian count, then for each part a
 * 4-byte length and the bytes.
 */
export function packParts(parts: Uint8Array[]): Uint8Array {
  const total = 4 + parts.reduce((n, p) => n + 4 + p.byteLength, 0);
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  view.setUint32(0, parts.length);
  let at = 4;
  for (const p of parts) {
    view.setUint32(at, p.byteLength);
    out.set(p, at + 4);
    at += 4 + p.byteLength;
  }
  return out;
}

export function unpackParts(bytes: Uint8Array): Uint8Array[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = view.getUint32(0);
  const parts: Uint8Array[] = [];
  let at = 4;
  for (let i = 0; i < n; i++) {
    const len = view.getUint32(at);
    parts.push(bytes.slice(at + 4, at + 4 + len));
    at += 4 + len;
  }
  return parts;
}
