// Progress rows and ledgers as a coordinator's campaign produces them, for the chart and ledger
// pictures.
import type {
  Ledger,
  LedgerEntry,
  LedgerKind,
  ProgressRow,
  UnitStage,
} from '../../core/coordination/types.js';
import { Organisation } from '../../core/model/index.js';

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
    daysSinceActivity: null,
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

const LEDGER_UNITS = [
  ['setda', 'Sekretariat Daerah', 'sekretariat'],
  ['umum', 'Bagian Umum', 'bagian'],
  ['renkeu', 'Bagian Perencanaan dan Keuangan', 'bagian'],
  ['org', 'Bagian Organisasi', 'bagian'],
  ['hukum', 'Bagian Hukum', 'bagian'],
  ['pbj', 'Bagian Pengadaan Barang dan Jasa', 'bagian'],
  ['prokopim', 'Bagian Protokol dan Komunikasi Pimpinan', 'bagian'],
  ['kesra', 'Bagian Kesejahteraan Rakyat', 'bagian'],
  ['ekon', 'Bagian Perekonomian dan SDA', 'bagian'],
  ['tapem', 'Bagian Tata Pemerintahan', 'bagian'],
] as const;

export function ledgerOrg(extraUnits: { id: string; name: string }[] = []): Organisation {
  return Organisation.parse({
    id: 'setda',
    name: 'Setda Kabupaten Contoh',
    units: [
      ...LEDGER_UNITS.map(([id, name, kind]) => ({
        id,
        name,
        kind,
        parentId: id === 'setda' ? null : 'setda',
      })),
      ...extraUnits.map((u) => ({ ...u, kind: 'bagian', parentId: 'setda' })),
    ],
    people: [],
  });
}

export function ledgerEntry(
  kind: LedgerKind,
  from: string | null,
  to: string | null,
  what: string,
  i = 0,
): LedgerEntry {
  return {
    kind,
    processCode: `0${i}`,
    fromUnitId: from,
    toUnitId: to,
    what,
    processId: `p${i}`,
    key: `output:o${i}`,
    counterpartProcessId: null,
  };
}

export function ledgerOf(entries: LedgerEntry[]): Ledger {
  const counts = {
    matched: 0,
    'one-sided': 0,
    disputed: 0,
    'orphan-output': 0,
    'input-without-supplier': 0,
  };
  for (const e of entries) counts[e.kind]++;
  return { entries, counts };
}

/** A Setda of ten units in the middle of a campaign: every kind of ledger entry. */
export function tenUnitLedger(): Ledger {
  const rows: [LedgerKind, string | null, string | null, string][] = [
    ['matched', 'umum', 'renkeu', 'Nota dinas permintaan anggaran'],
    ['matched', 'umum', 'renkeu', 'Daftar kebutuhan ATK'],
    ['matched', 'renkeu', 'setda', 'Rancangan Renja'],
    ['matched', 'org', 'setda', 'Laporan evaluasi kelembagaan'],
    ['matched', 'hukum', 'setda', 'Rancangan Perbup'],
    ['matched', 'pbj', 'umum', 'Berita acara serah terima barang'],
    ['one-sided', 'renkeu', 'org', 'Surat edaran penyusunan Renja'],
    ['one-sided', 'prokopim', 'umum', 'Jadwal kegiatan pimpinan'],
    ['one-sided', 'kesra', 'renkeu', 'Usulan dana hibah'],
    ['one-sided', 'kesra', 'renkeu', 'Proposal bantuan sosial'],
    ['one-sided', 'kesra', 'renkeu', 'Rekap penerima hibah'],
    ['disputed', 'org', 'hukum', 'Usulan program'],
    ['disputed', 'ekon', 'pbj', 'Rencana umum pengadaan'],
    ['orphan-output', 'tapem', null, 'Laporan penyelenggaraan pemerintahan desa'],
    ['orphan-output', 'ekon', null, 'Data harga bahan pokok'],
    ['input-without-supplier', null, 'prokopim', 'Undangan acara'],
    ['input-without-supplier', null, 'tapem', 'Data batas wilayah'],
    ['matched', 'tapem', 'hukum', 'Draf kesepakatan batas desa'],
    ['matched', 'setda', 'umum', 'Disposisi surat masuk'],
  ];
  return ledgerOf(rows.map(([k, f, t, w], i) => ledgerEntry(k, f, t, w, i)));
}
