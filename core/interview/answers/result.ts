import type { Bilingual } from '../../language/bilingual.js';

/** A parsed answer, or the reason it was refused (said back to the person). */
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: Bilingual };

export const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
export const refuse = (id: string, en: string): Parsed<never> => ({
  ok: false,
  reason: { id, en },
});
