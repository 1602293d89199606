// Finding a unit or outside party from what the person typed.
import type { Unit } from '../../model/organisation.js';
import { foldForMatch } from './choice.js';

export type UnitMatch =
  { kind: 'one'; unit: Unit } | { kind: 'several'; units: Unit[] } | { kind: 'none' };

const STOP = new Set([
  'bagian',
  'bag',
  'bidang',
  'bid',
  'subbagian',
  'subbag',
  'seksi',
  'sub',
  'dan',
  'unit',
  'the',
]);

/** Exact name or short name first; then every significant word typed appears in the name. */
export function matchUnit(raw: string, units: Unit[]): UnitMatch {
  const s = foldForMatch(raw);
  if (!s) return { kind: 'none' };
  const names = (u: Unit) => [u.name, u.shortName ?? ''].map(foldForMatch).filter(Boolean);
  const exact = units.filter((u) => names(u).includes(s));
  if (exact.length === 1) return { kind: 'one', unit: exact[0]! };
  if (exact.length > 1) return { kind: 'several', units: exact };
  const words = s.split(' ').filter((w) => !STOP.has(w));
  if (words.length === 0) return { kind: 'none' };
  const partial = units.filter((u) =>
    names(u).some((n) => {
      const nw = n.split(' ');
      return words.every((w) => nw.some((x) => x === w || (w.length >= 4 && x.startsWith(w))));
    }),
  );
  if (partial.length === 1) return { kind: 'one', unit: partial[0]! };
  if (partial.length > 1) return { kind: 'several', units: partial };
  return { kind: 'none' };
}
