// The ledger in words: the counts first (what the coordinator watches go down), then every entry
// still open, one line each, numbered across groups so that a number names one entry.
import type { Language, Organisation } from '../model/index.js';
import { handoffLine } from './scope.js';
import type { Ledger, LedgerKind } from './types.js';

const WORDS: Record<LedgerKind, Record<Language, string>> = {
  matched: { id: 'sepakat', en: 'agreed' },
  'one-sided': { id: 'sepihak', en: 'one-sided' },
  disputed: { id: 'dibantah', en: 'disputed' },
  'orphan-output': { id: 'keluaran tanpa penerima', en: 'outputs without receiver' },
  'input-without-supplier': { id: 'masukan tanpa pemasok', en: 'inputs without supplier' },
};

/** The counts in the order a coordinator reads them: agreed first, then what is still open. */
const COUNTED: LedgerKind[] = [
  'matched',
  'one-sided',
  'disputed',
  'orphan-output',
  'input-without-supplier',
];
/** The open entries, the most urgent group first: a dispute waits for the coordinator. */
const OPEN: LedgerKind[] = ['disputed', 'one-sided', 'orphan-output', 'input-without-supplier'];

export function ledgerText(
  ledger: Ledger,
  org: Pick<Organisation, 'units'>,
  lang: Language,
  opts: { unitId?: string } = {},
): string {
  const entries = opts.unitId
    ? ledger.entries.filter((e) => e.fromUnitId === opts.unitId || e.toUnitId === opts.unitId)
    : ledger.entries;
  const counts = COUNTED.map((k) => {
    const n = entries.filter((e) => e.kind === k).length;
    return `${n} ${WORDS[k][lang]}`;
  });
  const head = `${lang === 'id' ? 'Serah terima' : 'Handoffs'}: ${counts.join(', ')}`;
  const blocks = [head];
  let no = 0;
  for (const kind of OPEN) {
    const open = entries.filter((e) => e.kind === kind);
    if (open.length === 0) continue;
    const title = WORDS[kind][lang];
    blocks.push(
      [
        `${title.charAt(0).toUpperCase()}${title.slice(1)} (${open.length}):`,
        ...open.map(
          (e) => `${++no}. ${handoffLine(org, e.fromUnitId, e.toUnitId, e.what, e.processCode)}`,
        ),
      ].join('\n'),
    );
  }
  if (no === 0 && entries.length > 0)
    blocks.push(lang === 'id' ? 'Semua serah terima sudah sepakat.' : 'Every handoff is agreed.');
  return blocks.join('\n\n');
}
