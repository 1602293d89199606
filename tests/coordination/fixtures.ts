// A small organisation for the coordinator's tests: Setda with three bagian (Umum, with its
// Subbagian Tata Usaha; Keuangan; Organisasi, the coordinator's), an applicant and a land office
// outside. Builders keep each test to what it states:
//
//   proc('umum-1', '01.01', 'Pengelolaan Surat Masuk', 'umum', { steps: [step('s1', 'Menerima surat', 'umum')] })
import { Organisation, Process } from '../../core/model/index.js';
import type { HandoffConfirmation, ProcessStatus, SipocItem } from '../../core/model/index.js';
import type { Campaign, Desk, DeskReview, PersonActivity } from '../../core/coordination/types.js';

const person = (id: string, name: string, position: string, unitId: string, roles: string[]) => ({
  id,
  name,
  position,
  unitId,
  roles,
});

export const org: Organisation = Organisation.parse({
  id: 'kab-uji',
  name: 'Pemerintah Kabupaten Uji',
  units: [
    {
      id: 'setda',
      name: 'Sekretariat Daerah',
      kind: 'sekretariat',
      parentId: null,
      shortName: 'Setda',
    },
    { id: 'umum', name: 'Bagian Umum', kind: 'bagian', parentId: 'setda', shortName: 'Bag. Umum' },
    {
      id: 'tu',
      name: 'Subbagian Tata Usaha',
      kind: 'subbagian',
      parentId: 'umum',
      shortName: 'Subbag TU',
    },
    {
      id: 'keu',
      name: 'Bagian Keuangan',
      kind: 'bagian',
      parentId: 'setda',
      shortName: 'Bag. Keuangan',
    },
    {
      id: 'org',
      name: 'Bagian Organisasi',
      kind: 'bagian',
      parentId: 'setda',
      shortName: 'Bag. Organisasi',
    },
    { id: 'pemohon', name: 'Pemohon', kind: 'public', parentId: null },
    { id: 'bpn', name: 'Kantor Pertanahan', kind: 'agency', parentId: null },
  ],
  people: [
    person('rina', 'Rina', 'Staf Umum', 'umum', ['respondent']),
    person('budi', 'Budi', 'Kabag Umum', 'umum', ['unit_head']),
    person('tono', 'Tono', 'Staf TU', 'tu', ['respondent']),
    person('sari', 'Sari', 'Bendahara', 'keu', ['respondent']),
    person('dewi', 'Dewi', 'Kabag Keuangan', 'keu', ['unit_head']),
    person('lina', 'Lina', 'Staf Organisasi', 'org', ['respondent']),
    person('oki', 'Oki', 'Analis Organisasi', 'org', ['coordinator']),
    person('adi', 'Adi', 'Admin', 'org', ['admin']),
  ],
});

export const personOf = (id: string) => {
  const p = org.people.find((x) => x.id === id);
  if (!p) throw new Error(`no person ${id}`);
  return p;
};

export type StepSpec = {
  id: string;
  name: string;
  unitId: string;
  position?: string | null;
  kind?: 'activity' | 'decision';
  waktu?: { value: number; unit: 'menit' | 'jam' | 'hari' } | null;
  output?: string | null;
  kelengkapan?: string[];
};

export function step(
  id: string,
  name: string,
  unitId: string,
  more: Partial<StepSpec> = {},
): StepSpec {
  return { id, name, unitId, ...more };
}

export type ProcOptions = {
  status?: ProcessStatus;
  category?: Process['category'];
  parentId?: string | null;
  version?: number;
  /** Steps in SOP order, joined start -> s1 -> s2 -> … -> end; no steps and no edges: no flow. */
  steps?: StepSpec[];
  /** Extra edges ("from->to" ids), e.g. a decision's second exit, with labels. */
  edges?: Array<{ from: string; to: string; label?: string | null; document?: string | null }>;
  /** Labels per linear edge "from->to". */
  labels?: Record<string, string>;
  inputs?: SipocItem[];
  outputs?: SipocItem[];
  confirmations?: Array<Pick<HandoffConfirmation, 'key' | 'state'> & Partial<HandoffConfirmation>>;
};

export function proc(
  id: string,
  code: string,
  name: string,
  owner: string | null,
  o: ProcOptions = {},
): Process {
  const steps = o.steps ?? [];
  const ids = ['start', ...steps.map((s) => s.id), 'end'];
  const linear = ids.slice(1).map((to, i) => ({
    id: `${ids[i]}->${to}`,
    from: ids[i]!,
    to,
    label: o.labels?.[`${ids[i]}->${to}`] ?? null,
    document: null,
  }));
  const extra = (o.edges ?? []).map((e) => ({
    id: `${e.from}->${e.to}`,
    label: null,
    document: null,
    ...e,
  }));
  const flow =
    steps.length === 0
      ? null
      : {
          nodes: [
            { kind: 'start', id: 'start', label: null },
            ...steps.map((s) => ({
              kind: s.kind ?? 'activity',
              id: s.id,
              name: s.name,
              performer: {
                unitId: s.unitId,
                position: s.position === undefined ? 'Staf' : s.position,
              },
              kelengkapan: s.kelengkapan ?? [],
              waktu: s.waktu === undefined ? { value: 1, unit: 'hari' } : s.waktu,
              output: s.output === undefined ? `Hasil ${s.id}` : s.output,
              keterangan: null,
            })),
            { kind: 'end', id: 'end', label: null },
          ],
          edges: [...linear, ...extra],
        };
  return Process.parse({
    id,
    code,
    name,
    category: o.category ?? 'pendukung',
    parentId: o.parentId ?? null,
    ownerUnitId: owner,
    sipoc: { inputs: o.inputs ?? [], outputs: o.outputs ?? [] },
    status: o.status ?? 'draft',
    version: o.version ?? (flow ? 1 : 0),
    flow,
    handoffConfirmations: o.confirmations ?? [],
  });
}

/** A SIPOC item whose party is a unit of the organisation (by id), a free name, or nobody. */
export function item(id: string, name: string, party: string | { name: string } | null): SipocItem {
  if (party === null) return { id, name, party: null };
  if (typeof party === 'string') {
    const u = org.units.find((x) => x.id === party);
    return { id, name, party: { unitId: party, name: u?.name ?? party } };
  }
  return { id, name, party: { unitId: null, name: party.name } };
}

export function review(
  processId: string,
  kind: DeskReview['kind'],
  at: string,
  byPersonId: string | null = null,
  comment: string | null = null,
  version = 1,
): DeskReview {
  return { processId, kind, version, byPersonId, at, comment };
}

export function activity(
  personId: string,
  lastAnswerAt: string | null,
  o: Partial<Omit<PersonActivity, 'personId' | 'lastAnswerAt'>> = {},
): PersonActivity {
  return { personId, lastAnswerAt, lastRemindedAt: null, joined: true, ...o };
}

export const campaign: Campaign = {
  id: 'c1',
  organisationId: 'kab-uji',
  name: 'Pemetaan 2027',
  unitIds: ['umum', 'keu', 'org'],
  deadline: '2027-01-31',
  remindAfterDays: 3,
  createdByPersonId: 'oki',
  createdAt: '2027-01-02T01:00:00.000Z',
  closedAt: null,
};

export function desk(d: Partial<Desk> = {}): Desk {
  return {
    organisation: org,
    processes: [],
    reviews: [],
    campaigns: [campaign],
    activity: [],
    ...d,
  };
}
