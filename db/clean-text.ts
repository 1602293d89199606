// PostgreSQL refuses NUL in `text` and `\u0000` or lone surrogates in `jsonb` (and silently
// turns lone surrogates in `text` into U+FFFD). One unstorable character must never block a
// chat, so every user-provided string is cleaned before it is written.

// C0 controls except \t (09) and \n (0A), plus DEL. \r is dropped too: chat text uses \n.
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F]/g;
// A high surrogate not followed by a low one, or a low surrogate not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Removes NUL and other C0 controls except \n and \t; replaces lone surrogates with U+FFFD. */
export function cleanText(s: string): string {
  return s.replace(CONTROLS, '').replace(LONE_SURROGATE, '\uFFFD');
}

/** cleanText for a nullable string. */
export function cleanNullable(s: string | null | undefined): string | null {
  return s == null ? null : cleanText(s);
}

/**
 * A deep copy of a JSON-like value with every string (object keys included) cleaned. Values
 * that JSON cannot hold (undefined, functions) are dropped as JSON.stringify would drop them;
 * Dates become ISO strings. Used before anything is written to a jsonb column.
 */
export function cleanJson<T>(value: T): T {
  return cleanValue(value) as T;
}

function cleanValue(v: unknown): unknown {
  if (typeof v === 'string') return cleanText(v);
  if (v === null || typeof v === 'number' || typeof v === 'boolean') {
    return typeof v === 'number' && !Number.isFinite(v) ? null : v;
  }
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v))
    return v.map((x) => (x === undefined || typeof x === 'function' ? null : cleanValue(x)));
  if (typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      if (x === undefined || typeof x === 'function' || typeof x === 'symbol') continue;
      out[cleanText(k)] = cleanValue(x);
    }
    return out;
  }
  if (typeof v === 'bigint') return v.toString();
  return null;
}
