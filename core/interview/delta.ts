// How to get an older JSON value back from a newer one, storing only what differs. The interview
// keeps its last states for /kembali and /urungkan; one answer changes little of a state, so each
// older state is kept as a delta against the state that followed it.
import { z } from 'zod';

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/**
 * `{ v }`: the older value itself. `{ o, r }`: an object; `o` gives the keys whose older value
 * differs (as deltas against the newer value of the key, or `{ v }` where the newer lacks it), `r`
 * the keys the older value did not have. `{ a }`: an array; each older element is a number (the
 * index of an equal element in the newer array), `{ v }`, or `{ i, d }` (the element at newer
 * index `i`, changed by `d`).
 */
export type Delta =
  | { v: Json }
  | { o: Record<string, Delta>; r?: string[] }
  | { a: Array<number | { v: Json } | { i: number; d: Delta }> };

export const Delta: z.ZodType<Delta> = z.lazy(() =>
  z.union([
    z.object({ v: z.json() }).strict(),
    z.object({ o: z.record(z.string(), Delta), r: z.array(z.string()).optional() }).strict(),
    z
      .object({
        a: z.array(
          z.union([
            z.number().int().nonnegative(),
            z.object({ v: z.json() }).strict(),
            z.object({ i: z.number().int().nonnegative(), d: Delta }).strict(),
          ]),
        ),
      })
      .strict(),
  ]),
) as z.ZodType<Delta>;

const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/** Values as JSON has them: undefined members are absent. */
const present = (o: Record<string, unknown>) =>
  Object.keys(o).filter((k) => o[k] !== undefined && typeof o[k] !== 'function');

const asJson = (x: unknown): Json => JSON.parse(JSON.stringify(x ?? null)) as Json;

/**
 * Whether two JSON-like values serialise to the same JSON, object keys in any order. A step
 * shares what it did not change with the state before it, so most comparisons end at `===`.
 */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i] ?? null, b[i] ?? null)) return false;
    return true;
  }
  if (isObject(a) && isObject(b) && !hasToJson(a) && !hasToJson(b)) {
    const keys = present(a);
    if (keys.length !== present(b).length) return false;
    return keys.every(
      (k) => b[k] !== undefined && typeof b[k] !== 'function' && sameJson(a[k], b[k]),
    );
  }
  return JSON.stringify(a) === JSON.stringify(b);
}

const hasToJson = (o: Record<string, unknown>) => typeof o.toJSON === 'function';

/** The delta that turns `newer` back into `older`. Both are JSON-like values. */
export function encodeDelta(older: unknown, newer: unknown): Delta {
  if (isObject(older) && isObject(newer)) {
    const o: Record<string, Delta> = {};
    for (const k of present(older)) {
      const before = older[k];
      const after = newer[k];
      if (after === undefined) o[k] = { v: asJson(before) };
      else if (!sameJson(before, after)) o[k] = encodeDelta(before, after);
    }
    const r = present(newer).filter((k) => older[k] === undefined);
    return r.length ? { o, r } : { o };
  }
  if (Array.isArray(older) && Array.isArray(newer)) {
    // Elements found by identity first (shared with the newer state), then by their JSON (built
    // only when some element needs it), then by id.
    const byRef = new Map<unknown, number>();
    newer.forEach((x, i) => {
      if (typeof x === 'object' && x !== null && !byRef.has(x)) byRef.set(x, i);
    });
    let byJson: Map<string, number> | undefined;
    const jsonIndex = () => {
      if (byJson) return byJson;
      byJson = new Map();
      newer.forEach((x, i) => {
        const j = JSON.stringify(x);
        if (!byJson!.has(j)) byJson!.set(j, i);
      });
      return byJson;
    };
    let byId: Map<unknown, number> | undefined;
    const idIndex = () => {
      if (byId) return byId;
      byId = new Map();
      newer.forEach((x, i) => {
        if (isObject(x) && typeof x.id === 'string' && !byId!.has(x.id)) byId!.set(x.id, i);
      });
      return byId;
    };
    return {
      a: older.map((x) => {
        const shared = byRef.get(x);
        if (shared !== undefined) return shared;
        const same = jsonIndex().get(JSON.stringify(x));
        if (same !== undefined) return same;
        const i = isObject(x) && typeof x.id === 'string' ? idIndex().get(x.id) : undefined;
        return i !== undefined ? { i, d: encodeDelta(x, newer[i]) } : { v: asJson(x) };
      }),
    };
  }
  return { v: asJson(older) };
}

/** The older value: `newer` with `delta` applied. `newer` is not changed. */
export function applyDelta(newer: unknown, delta: Delta): Json {
  if ('v' in delta) return structuredClone(delta.v);
  if ('o' in delta) {
    const base: Record<string, unknown> = isObject(newer) ? newer : {};
    const out: Record<string, Json> = {};
    const removed = new Set(delta.r ?? []);
    for (const k of present(base)) {
      if (removed.has(k)) continue;
      out[k] = k in delta.o ? applyDelta(base[k], delta.o[k]!) : asJson(base[k]);
    }
    for (const [k, d] of Object.entries(delta.o))
      if (!(k in out)) out[k] = applyDelta(undefined, d);
    return out;
  }
  const base: unknown[] = Array.isArray(newer) ? newer : [];
  return delta.a.map((x) => {
    if (typeof x === 'number') return asJson(base[x]);
    if ('v' in x) return structuredClone(x.v);
    return applyDelta(base[x.i], x.d);
  });
}

/** A short fingerprint of a JSON value, the same whatever the order of its object keys. */
export function fingerprint(value: unknown): string {
  // FNV-1a, 32 bits, over the canonical JSON (keys sorted), as 8 hex digits. The text is hashed
  // as it is walked, never built whole; the digits are those of the text, since stored histories
  // carry them.
  let h = 0x811c9dc5;
  const feed = (s: string) => {
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
  };
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) {
      feed('[');
      for (let i = 0; i < x.length; i++) {
        if (i) feed(',');
        walk(x[i] ?? null);
      }
      feed(']');
    } else if (isObject(x)) {
      feed('{');
      let first = true;
      for (const k of present(x).sort()) {
        feed(first ? JSON.stringify(k) : `,${JSON.stringify(k)}`);
        feed(':');
        walk(x[k]);
        first = false;
      }
      feed('}');
    } else feed(String(JSON.stringify(x ?? null)));
  };
  walk(value);
  return (h >>> 0).toString(16).padStart(8, '0');
}
