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

/** Letters of other scripts that look like Latin ones (Cyrillic, Greek), to their Latin twin. */
const LOOKALIKE: Record<string, string> = {
  а: 'a',
  в: 'b',
  е: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  і: 'i',
  ј: 'j',
  ѕ: 's',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  ӏ: 'l',
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  У: 'Y',
  Х: 'X',
  І: 'I',
  Ј: 'J',
  Ѕ: 'S',
  α: 'a',
  ε: 'e',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  Α: 'A',
  Β: 'B',
  Ε: 'E',
  Ζ: 'Z',
  Η: 'H',
  Ι: 'I',
  Κ: 'K',
  Μ: 'M',
  Ν: 'N',
  Ο: 'O',
  Ρ: 'P',
  Τ: 'T',
  Υ: 'Y',
  Χ: 'X',
};

/**
 * A name typed with letters of another script among Latin ones ("Вappeda" with a Cyrillic В):
 * the same name to the eye, another unit to the computer. Returns the Latin spelling, or null
 * when the text is of one script.
 */
export function mixedScript(raw: string): { latin: string } | null {
  const latin = /\p{Script=Latin}/u.test(raw);
  const other = /[\p{Script=Cyrillic}\p{Script=Greek}]/u.test(raw);
  if (!latin || !other) return null;
  return { latin: [...raw].map((c) => LOOKALIKE[c] ?? c).join('') };
}

function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

/**
 * The existing units whose names are nearest to what was typed (folded text: a typo, a word
 * left out or added), best first; none when nothing is near.
 */
export function nearestUnits(raw: string, units: Unit[], max = 3): Unit[] {
  const s = foldForMatch(mixedScript(raw)?.latin ?? raw);
  if (!s) return [];
  const words = s.split(' ').filter((w) => !STOP.has(w));
  const scored = units.map((u) => {
    const names = [u.name, u.shortName ?? ''].map(foldForMatch).filter(Boolean);
    let best = 0;
    for (const n of names) {
      const d = editDistance(s, n);
      const closeness = 1 - d / Math.max(s.length, n.length);
      const nw = n.split(' ').filter((w) => !STOP.has(w));
      const shared = words.filter((w) =>
        nw.some((x) => x === w || (w.length >= 5 && editDistance(w, x) <= 1)),
      ).length;
      const overlap = words.length && nw.length ? shared / Math.max(words.length, nw.length) : 0;
      best = Math.max(best, closeness, overlap);
    }
    return { u, best };
  });
  return scored
    .filter((x) => x.best >= 0.5)
    .sort((a, b) => b.best - a.best)
    .slice(0, max)
    .map((x) => x.u);
}

/** Position words: the head or staff of a unit, not a unit ("Camat", "Kasi Pemerintahan"). */
const POSITION_TITLES: [RegExp, string[]][] = [
  [/^(camat|sekretaris camat|sekcam|sekretaris kecamatan)$/, ['kecamatan']],
  [/^(lurah|sekretaris lurah|seklur|sekretaris kelurahan)$/, ['kelurahan']],
  [/^(kepala desa|kades|sekretaris desa|sekdes)$/, ['desa']],
  [/^(sekda|sekretaris daerah)$/, ['sekretariat daerah']],
  [
    /^(bupati|wakil bupati|wali ?kota|wakil wali ?kota|gubernur)$/,
    ['pemerintah', 'sekretariat daerah'],
  ],
];
const HEAD_TITLES: [RegExp, string[]][] = [
  [/^(kasi|kepala seksi)\s+(.+)$/, ['seksi']],
  [/^(kasubbag|kasubag|kepala subbagian|kepala sub bagian)\s+(.+)$/, ['subbagian', 'sub bagian']],
  [/^(kasubbid|kepala subbidang)\s+(.+)$/, ['subbidang']],
  [/^(kabid|kepala bidang)\s+(.+)$/, ['bidang']],
  [/^(kabag|kepala bagian)\s+(.+)$/, ['bagian']],
  [/^(kadis|kepala dinas)\s+(.+)$/, ['dinas']],
  [/^(kaban|kepala badan)\s+(.+)$/, ['badan']],
  [/^(kepala upt|kepala unit)\s+(.+)$/, ['upt', 'unit']],
  [/^(kepala|sekretaris)\s+(.+)$/, ['']],
];

/**
 * A text that names a position rather than a unit: the position and the unit it belongs to
 * ("Camat" -> Camat of "Kecamatan Depok"; "Kasi Pemerintahan" -> "Seksi Pemerintahan").
 */
export function positionOf(raw: string, units: Unit[]): { position: string; unit: Unit } | null {
  const s = foldForMatch(raw);
  const position = raw.replace(/\s+/g, ' ').trim();
  const named = (prefixes: string[], rest: string) =>
    units.filter((u) => {
      const n = foldForMatch(u.name);
      return prefixes.some((p) =>
        rest
          ? n === `${p} ${rest}`.trim() || (n.startsWith(p) && n.endsWith(rest))
          : n.startsWith(p),
      );
    });
  for (const [re, prefixes] of POSITION_TITLES)
    if (re.test(s)) {
      const found = named(prefixes, '');
      // The top one: a Camat heads the Kecamatan, not its Seksi.
      const top = found.filter((u) => !found.some((p) => p.id === u.parentId));
      if (top.length === 1) return { position, unit: top[0]! };
      return null;
    }
  for (const [re, prefixes] of HEAD_TITLES) {
    const m = re.exec(s);
    if (!m) continue;
    const found = named(prefixes, m[2]!);
    if (found.length === 1) return { position, unit: found[0]! };
    return null;
  }
  return null;
}
