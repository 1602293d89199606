// Proposing the organisation's Level-0 list from the units' inventories. A process is grouped by
// activity, not by unit: "Pengelolaan Surat Masuk" of three bagian is one process with three lanes.
import { unitById } from '../model/index.js';
import type { Category, Language, Organisation, Process } from '../model/index.js';
import { compareCodes } from './answering-unit.js';
import { fold, overlap, tokens } from './names.js';
import { unitLabel } from './scope.js';

export type Level0Member = { processId: string; unitId: string; unitName: string; name: string };
export type Level0Proposal = { name: string; category: Category; members: Level0Member[] };

/**
 * How alike two names must be to be one process: three words in four shared. One word in three
 * differing is a different process ("Pengelolaan Surat Masuk" / "... Keluar" share 2 of 4, 0.5);
 * one word added is the same ("Penyusunan Rencana Kerja [Tahunan]", 3 of 4).
 */
export const SAME_PROCESS = 0.75;

const CATEGORY_ORDER: Category[] = ['inti', 'pendukung', 'manajemen'];
const CONNECTOR = /\s+(pada|di|lingkungan|oleh)$/;

/** The name without its owner's name in it ("… pada Bagian Umum"), folded. */
function coreName(org: Organisation, p: Process): string {
  const unit = p.ownerUnitId ? unitById(org, p.ownerUnitId) : undefined;
  let name = ` ${fold(p.name)} `;
  const phrases = [unit?.name, unit?.shortName].filter((x): x is string => !!x).map(fold);
  for (const phrase of phrases.sort((a, b) => b.length - a.length))
    if (phrase) name = name.replace(` ${phrase} `, ' ');
  let out = name.trim();
  while (CONNECTOR.test(out)) out = out.replace(CONNECTOR, '');
  return out;
}

export function proposeLevel0(org: Organisation, processes: Process[]): Level0Proposal[] {
  const tops = processes
    .filter((p) => p.parentId === null && p.ownerUnitId !== null)
    .sort((a, b) => compareCodes(a.code, b.code));
  const groups: { core: Set<string>; items: Process[] }[] = [];
  for (const p of tops) {
    const core = tokens(coreName(org, p));
    let best: (typeof groups)[number] | undefined;
    let score = SAME_PROCESS;
    for (const g of groups) {
      if (g.items.some((q) => q.ownerUnitId === p.ownerUnitId)) continue;
      const s = overlap(core, g.core);
      if (s >= score && (!best || s > score)) [best, score] = [g, s];
    }
    if (best) best.items.push(p);
    else groups.push({ core, items: [p] });
  }
  const proposals = groups.map(({ items }) => ({
    name: displayName(org, items),
    category: mostCommon(items.map((p) => p.category)),
    members: items.map((p) => ({
      processId: p.id,
      unitId: p.ownerUnitId!,
      unitName: unitLabel(org, p.ownerUnitId),
      name: p.name,
    })),
    first: items[0]!.code,
  }));
  proposals.sort(
    (a, b) =>
      CATEGORY_ORDER.indexOf(a.category) - CATEGORY_ORDER.indexOf(b.category) ||
      compareCodes(a.first, b.first),
  );
  return proposals.map(({ first: _f, ...p }) => p);
}

/** A member's name that does not carry its unit's name, else the first one's, cut before it. */
function displayName(org: Organisation, items: Process[]): string {
  const plain = items.find((p) => coreName(org, p) === fold(p.name));
  if (plain) return plain.name;
  const first = items[0]!;
  const want = coreName(org, first).split(' ').length;
  // The unit's name comes after the activity: keep the leading words that make up the core name.
  const kept: string[] = [];
  for (const w of first.name.split(/\s+/)) {
    if (fold(kept.join(' ')).split(' ').filter(Boolean).length >= want) break;
    kept.push(w);
  }
  return kept.join(' ').replace(/[^\p{L}\p{N})]+$/u, '') || first.name;
}

function mostCommon(categories: Category[]): Category {
  const n = (c: Category) => categories.filter((x) => x === c).length;
  return categories.reduce((best, c) => (n(c) > n(best) ? c : best), categories[0]!);
}

const HEADINGS: Record<Category, Record<Language, string>> = {
  inti: { id: 'Proses Inti', en: 'Core processes' },
  pendukung: { id: 'Proses Pendukung', en: 'Support processes' },
  manajemen: { id: 'Proses Manajemen', en: 'Management processes' },
};

/** The proposal for a phone: a count, then the processes numbered under their category. */
export function level0Text(proposals: Level0Proposal[], lang: Language): string {
  const members = proposals.reduce((n, p) => n + p.members.length, 0);
  const head =
    lang === 'id'
      ? `Usulan Peta Level 0: ${proposals.length} proses dari ${members} proses unit`
      : `Level 0 proposal: ${proposals.length} processes from ${members} unit processes`;
  const blocks = [head];
  let no = 0;
  for (const category of CATEGORY_ORDER) {
    const inCat = proposals.filter((p) => p.category === category);
    if (inCat.length === 0) continue;
    const lines = inCat.map((p) => {
      const units = p.members.map((m) => m.unitName).join(', ');
      const who =
        p.members.length === 1
          ? units
          : `${p.members.length} ${lang === 'id' ? 'unit' : 'units'}: ${units}`;
      return `${++no}. ${p.name} (${who})`;
    });
    blocks.push([HEADINGS[category][lang], ...lines].join('\n'));
  }
  return blocks.join('\n\n');
}
