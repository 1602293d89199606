// Progress rows and ledgers as a coordinator's campaign produces them, for the chart and ledger
// pictures.
import type { ProgressRow, UnitStage } from '../../core/coordination/types.js';

const UNIT_NAMES = [
  'Bagian Umum',
  'Bagian Perencanaan dan Keuangan',
  'Bagian Organisasi',
  'Bagian Hukum',
  'Bagian Pengadaan Barang dan Jasa',
  'Bagian Protokol dan Komunikasi Pimpinan',
  'Bagian Kesejahteraan Rakyat',
  'Bagian Perekonomian dan Sumber Daya Alam',
  'Bagian Tata Pemerintahan',
  'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu',
  'Dinas Kependudukan dan Pencatatan Sipil',
  'Badan Pengelolaan Keuangan dan Aset Daerah',
];

export function progressRow(
  unitName: string,
  p: { total: number; submitted?: number; approved?: number; validated?: number },
  i = 0,
): ProgressRow {
  const stage: UnitStage =
    p.total === 0
      ? 'not-started'
      : (p.validated ?? 0) === p.total
        ? 'validated'
        : (p.approved ?? 0) + (p.validated ?? 0) === p.total
          ? 'approved'
          : 'in-progress';
  return {
    unitId: `u${i}`,
    unitName,
    stage,
    processes: {
      total: p.total,
      mapped: p.total,
      submitted: p.submitted ?? 0,
      approved: p.approved ?? 0,
      validated: p.validated ?? 0,
    },
    openFindings: 0,
    handoffsOpen: 0,
    lastActivityAt: null,
    daysToDeadline: 12,
  };
}

/** The three-unit campaign: two units done, one lagging. */
export function threeUnits(): ProgressRow[] {
  return [
    progressRow('Bagian Umum', { total: 4, validated: 4 }, 0),
    progressRow('Bagian Perencanaan dan Keuangan', { total: 5, approved: 2, validated: 3 }, 1),
    progressRow('Bagian Organisasi', { total: 3, submitted: 1 }, 2),
  ];
}

/** A large pemda: `n` units with 0-30 processes each in every mix of statuses. */
export function manyUnits(n: number): ProgressRow[] {
  return Array.from({ length: n }, (_, i) => {
    const base = UNIT_NAMES[i % UNIT_NAMES.length]!;
    const name = i < UNIT_NAMES.length ? base : `${base} ${Math.floor(i / UNIT_NAMES.length) + 1}`;
    const total = (i * 7) % 31;
    const validated = Math.floor(total * ((i % 4) / 6));
    const approved = Math.floor((total - validated) / 3);
    const submitted = Math.floor((total - validated - approved) / 2);
    return progressRow(name, { total, submitted, approved, validated }, i);
  });
}
