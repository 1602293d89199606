// A large pemda for the coordinator's benchmarks and tests: units, people, processes with
// cross-unit flows, answers on handoffs, reviews, chat activity, reminders and campaigns.
// Deterministic: the same options give the same organisation (a seeded generator, no clock).
import type { Campaign } from '../../core/coordination/types.js';
import {
  type Edge,
  type FlowNode,
  type HandoffConfirmation,
  type Organisation,
  Organisation as OrganisationSchema,
  type Process,
  Process as ProcessSchema,
  handoffs,
} from '../../core/model/index.js';
import type { ReviewKind } from '../../core/model/review.js';

export type GenerateOptions = {
  units?: number;
  peoplePerUnit?: number;
  processes?: number;
  /** Steps per leaf flow, inclusive range. */
  steps?: [number, number];
  /** Inbound messages per person who joined. */
  messagesPerPerson?: number;
  seed?: number;
  /** Where generated times end (default 2026-11-30T00:00Z); everything lies in the 30 days before. */
  until?: Date;
};

export type GeneratedReview = {
  processId: string;
  kind: ReviewKind;
  byPersonId: string;
  at: Date;
  comment: string | null;
};

export type Generated = {
  organisation: Organisation;
  /** Grouping processes first, then leaves: a parent is always before its children. */
  processes: Process[];
  reviews: GeneratedReview[];
  accounts: { personId: string; platform: 'telegram'; accountId: string; unreachable: boolean }[];
  /** Inbound messages: the chat they came from and when. */
  messages: { chatKey: string; at: Date }[];
  reminders: { personId: string; at: Date }[];
  campaigns: Campaign[];
};

/** mulberry32: small, fast, good enough for test data. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VERBS = [
  'Menerima',
  'Memeriksa',
  'Memverifikasi',
  'Menyusun',
  'Mengoreksi',
  'Menandatangani',
  'Mengirimkan',
  'Mengarsipkan',
  'Membahas',
  'Merekap',
];
const OBJECTS = [
  'berkas permohonan',
  'nota dinas',
  'rancangan keputusan',
  'laporan kinerja',
  'surat undangan rapat',
  'data usulan kegiatan',
  'dokumen anggaran',
  'berita acara',
];
const AREAS = [
  'Perencanaan',
  'Keuangan',
  'Umum',
  'Hukum',
  'Organisasi',
  'Kepegawaian',
  'Aset',
  'Pengadaan',
  'Protokol',
  'Perekonomian',
  'Kesejahteraan Rakyat',
  'Pemerintahan',
];
const POSITIONS = ['Kepala', 'Kasubbag', 'Analis', 'Pengelola', 'Staf'];
const pad = (n: number) => String(n).padStart(2, '0');

/** Generates a pemda: by default 60 units, 5 people each, 1,000 leaf processes of 8-16 steps. */
export function generateOrganisation(o: GenerateOptions = {}): Generated {
  const rnd = prng(o.seed ?? 23);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const until = (o.until ?? new Date('2026-11-30T00:00:00Z')).getTime();
  const past = () => new Date(until - Math.floor(rnd() * 30 * 86_400_000));

  // Units: the Sekretariat Daerah, its bagian, and two outside parties.
  const internal = Math.max(2, (o.units ?? 60) - 2);
  const units = [
    { id: 'setda', name: 'Sekretariat Daerah', kind: 'sekretariat', parentId: null },
    ...Array.from({ length: internal - 1 }, (_, i) => ({
      id: `u${pad(i + 1)}`,
      name: `Bagian ${AREAS[i % AREAS.length]} ${Math.floor(i / AREAS.length) + 1}`,
      kind: 'bagian',
      parentId: 'setda',
    })),
    { id: 'pemohon', name: 'Pemohon', kind: 'public', parentId: null },
    { id: 'oss', name: 'OSS', kind: 'system', parentId: null },
  ];
  const internalIds = units
    .filter((u) => u.kind !== 'public' && u.kind !== 'system')
    .map((u) => u.id);
  const perUnit = o.peoplePerUnit ?? 5;
  const people = internalIds.flatMap((unitId, ui) =>
    Array.from({ length: perUnit }, (_, k) => ({
      id: `p-${unitId}-${k}`,
      name: `Pegawai ${ui}.${k}`,
      position: `${POSITIONS[k % POSITIONS.length]} ${unitId}`,
      unitId,
      roles:
        k === 0 ? ['unit_head'] : unitId === 'setda' && k === 1 ? ['coordinator'] : ['respondent'],
    })),
  );
  const organisation = OrganisationSchema.parse({
    id: 'pemda-besar',
    name: 'Pemerintah Kabupaten Besar',
    units,
    people,
  });
  const peopleOf = (unitId: string) => people.filter((p) => p.unitId === unitId);

  // Processes: 50 Level-0 groups, leaves spread under them, each owned by one unit.
  const leaves = o.processes ?? 1000;
  const groups = Math.min(50, Math.max(1, Math.ceil(leaves / 20)));
  const [minSteps, maxSteps] = o.steps ?? [8, 16];
  const processes: Process[] = [];
  for (let g = 1; g <= groups; g++)
    processes.push(
      ProcessSchema.parse({
        id: `g${pad(g)}`,
        code: pad(g),
        name: `Pengelolaan ${pick(AREAS)} ${g}`,
        category: pick(['inti', 'pendukung', 'manajemen'] as const),
        ownerUnitId: null,
      }),
    );
  const reviews: GeneratedReview[] = [];
  for (let i = 0; i < leaves; i++) {
    const g = (i % groups) + 1;
    const owner = internalIds[i % internalIds.length]!;
    const others = internalIds.filter((u) => u !== owner);
    const helper = pick(others);
    const n = int(minSteps, maxSteps);
    const nodes: FlowNode[] = [{ kind: 'start', id: 'start', label: null }];
    const edges: Edge[] = [];
    let prev = 'start';
    for (let s = 1; s <= n; s++) {
      const id = `s${s}`;
      // Most steps in the owner's lane; every fourth in another unit's: handoffs both ways.
      const unitId = s % 4 === 0 ? helper : s === n && rnd() < 0.3 ? 'setda' : owner;
      const staff = peopleOf(unitId);
      nodes.push({
        kind: s % 6 === 0 ? 'decision' : 'activity',
        id,
        name: s % 6 === 0 ? `${pick(OBJECTS)} lengkap?` : `${pick(VERBS)} ${pick(OBJECTS)}`,
        performer: { unitId, position: staff.length ? pick(staff).position : null },
        coPerformers: [],
        kelengkapan: rnd() < 0.5 ? [pick(OBJECTS)] : [],
        waktu: rnd() < 0.6 ? { value: int(1, 5), unit: 'hari_kerja' } : null,
        outputs: rnd() < 0.5 ? [pick(OBJECTS)] : [],
        keterangan: null,
      });
      edges.push({
        id: `e${s}`,
        from: prev,
        to: id,
        label: null,
        document: rnd() < 0.3 ? pick(OBJECTS) : null,
      });
      prev = id;
    }
    nodes.push({ kind: 'end', id: 'end', label: null, outcome: 'selesai' });
    edges.push({ id: `e${n + 1}`, from: prev, to: 'end', label: null, document: null });
    const supplier = rnd() < 0.3 ? 'pemohon' : pick(others);
    const customer = rnd() < 0.2 ? 'oss' : pick(others);
    const unitName = (id: string) => units.find((u) => u.id === id)!.name;
    const leaf = ProcessSchema.parse({
      id: `l${String(i + 1).padStart(4, '0')}`,
      code: `${pad(g)}.${pad(Math.floor(i / groups) + 1)}`,
      name: `${pick(VERBS).replace(/^Me/, 'Pe')}an ${pick(OBJECTS)} ${i + 1}`,
      category: pick(['inti', 'pendukung', 'manajemen'] as const),
      parentId: `g${pad(g)}`,
      ownerUnitId: owner,
      sipoc: {
        inputs: [
          { id: 'i1', name: pick(OBJECTS), party: { unitId: supplier, name: unitName(supplier) } },
        ],
        outputs: [
          { id: 'o1', name: pick(OBJECTS), party: { unitId: customer, name: unitName(customer) } },
        ],
      },
      status: 'draft',
      flow: { nodes, edges },
    });
    // The receiving units' answers on about half the handoffs; a few disputed, some settled.
    const confirmations: HandoffConfirmation[] = handoffs(leaf)
      .filter(() => rnd() < 0.5)
      .map((h) => {
        const disputed = rnd() < 0.1;
        const settled = disputed && rnd() < 0.5;
        return {
          key: h.key,
          state: disputed && !settled ? 'disputed' : 'confirmed',
          byPersonId: peopleOf(h.toUnitId)[0]?.id ?? null,
          at: past().toISOString(),
          note: disputed ? 'Bukan kami yang menerima' : null,
          fromUnitId: h.fromUnitId,
          toUnitId: h.toUnitId,
          counterpartProcessId: null,
          counterpartName: rnd() < 0.1 ? pick(OBJECTS) : null,
          settlement: settled ? 'upheld' : null,
          settledByPersonId: settled ? 'p-setda-1' : null,
          settledAt: settled ? past().toISOString() : null,
        };
      });
    processes.push({ ...leaf, handoffConfirmations: confirmations });
    // Reviews: 40% submitted, half of those approved, a few returned first.
    const clerk = peopleOf(owner)[1]?.id ?? peopleOf(owner)[0]!.id;
    const head = peopleOf(owner)[0]!.id;
    if (rnd() < 0.4) {
      const t = until - int(5, 25) * 86_400_000;
      if (rnd() < 0.2) {
        reviews.push({
          processId: leaf.id,
          kind: 'submitted',
          byPersonId: clerk,
          at: new Date(t - 3 * 86_400_000),
          comment: null,
        });
        reviews.push({
          processId: leaf.id,
          kind: 'returned',
          byPersonId: head,
          at: new Date(t - 2 * 86_400_000),
          comment: 'Lengkapi waktu langkah 3',
        });
      }
      reviews.push({
        processId: leaf.id,
        kind: 'submitted',
        byPersonId: clerk,
        at: new Date(t),
        comment: null,
      });
      if (rnd() < 0.5)
        reviews.push({
          processId: leaf.id,
          kind: 'approved',
          byPersonId: head,
          at: new Date(t + 86_400_000),
          comment: null,
        });
    }
  }

  // 80% of people joined on Telegram (a few blocked the bot later); each wrote some messages.
  const accounts = people
    .filter(() => rnd() < 0.8)
    .map((p, i) => ({
      personId: p.id,
      platform: 'telegram' as const,
      accountId: String(100_000 + i),
      unreachable: rnd() < 0.05,
    }));
  const messages = accounts.flatMap((a) =>
    Array.from({ length: int(1, 2 * (o.messagesPerPerson ?? 40)) }, () => ({
      chatKey: `telegram:${a.accountId}`,
      at: past(),
    })),
  );
  // Reminders: the silent third, once a day over the last week.
  const reminders = people
    .filter(() => rnd() < 0.33)
    .flatMap((p) =>
      Array.from({ length: 7 }, (_, d) => ({
        personId: p.id,
        at: new Date(until - (d + 1) * 86_400_000),
      })),
    );
  const daysAgo = (d: number) => new Date(until - d * 86_400_000).toISOString();
  const campaign = (
    id: string,
    name: string,
    created: number,
    closed: number | null,
  ): Campaign => ({
    id,
    organisationId: organisation.id,
    name,
    unitIds: internalIds,
    deadline: new Date(until + 30 * 86_400_000).toISOString().slice(0, 10),
    remindAfterDays: 3,
    createdByPersonId: 'p-setda-1',
    createdAt: daysAgo(created),
    closedAt: closed === null ? null : daysAgo(closed),
  });
  return {
    organisation,
    processes,
    reviews: reviews.sort((a, b) => a.at.getTime() - b.at.getTime()),
    accounts,
    messages,
    reminders,
    campaigns: [
      campaign('kampanye-2026', 'Pemetaan 2026', 120, 60),
      campaign('kampanye-2027', 'Pemetaan 2027', 30, null),
    ],
  };
}
