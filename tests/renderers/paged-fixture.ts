// A 22-step kecamatan service that pages: an outside applicant, two decisions whose "tidak" exits
// both lead to one step on the next page, and a late decision that loops back to page 1. The case
// where one shared connector once pointed both exits at the wrong step.
import {
  Organisation as OrganisationSchema,
  Process as ProcessSchema,
  type Edge,
  type FlowNode,
  type Organisation,
  type Process,
} from '../../core/model/index.js';

const PEOPLE = {
  pemohon: { unitId: 'pemohon', position: null },
  loket: { unitId: 'seksi-pelayanan', position: 'Petugas Loket' },
  kasi: { unitId: 'seksi-pelayanan', position: 'Kepala Seksi Pelayanan' },
  sekcam: { unitId: 'kecamatan', position: 'Sekretaris Camat' },
  camat: { unitId: 'kecamatan', position: 'Camat' },
  dinas: { unitId: 'dpmptsp', position: 'Kepala Bidang Perizinan' },
} as const;

/** Steps in order: [id, name, performer, kind]. Decisions are `d*`. */
const STEPS: [string, string, keyof typeof PEOPLE, 'activity' | 'decision'][] = [
  ['s1', 'Mengajukan permohonan surat keterangan', 'pemohon', 'activity'],
  ['s2', 'Menerima berkas permohonan', 'loket', 'activity'],
  ['d3', 'Berkas lengkap?', 'loket', 'decision'],
  ['s4', 'Mencatat permohonan dalam register', 'loket', 'activity'],
  ['s5', 'Memeriksa keabsahan dokumen', 'kasi', 'activity'],
  ['s6', 'Meminta rekomendasi teknis', 'kasi', 'activity'],
  ['d7', 'Dokumen sah?', 'kasi', 'decision'],
  ['s8', 'Memberi rekomendasi teknis', 'dinas', 'activity'],
  ['s9', 'Menyusun konsep surat keterangan', 'kasi', 'activity'],
  ['s10', 'Memaraf konsep surat keterangan', 'sekcam', 'activity'],
  ['s11', 'Mengoreksi konsep surat keterangan', 'sekcam', 'activity'],
  ['s12', 'Menandatangani surat keterangan', 'camat', 'activity'],
  ['s13', 'Memberi nomor surat keterangan', 'loket', 'activity'],
  ['s14', 'Mencetak surat keterangan', 'loket', 'activity'],
  ['s15', 'Menyusun surat penolakan', 'kasi', 'activity'],
  ['s16', 'Menandatangani surat penolakan', 'sekcam', 'activity'],
  ['s17', 'Memeriksa ulang berkas lengkap', 'kasi', 'activity'],
  ['d18', 'Berkas sudah benar?', 'sekcam', 'decision'],
  ['s19', 'Mengarsipkan salinan surat', 'loket', 'activity'],
  ['s20', 'Memberitahukan pemohon', 'loket', 'activity'],
  ['s21', 'Menyerahkan surat keterangan', 'loket', 'activity'],
  ['s22', 'Menerima surat keterangan', 'pemohon', 'activity'],
];

export function pagedKecamatanProcess(): { process: Process; org: Organisation } {
  const org = OrganisationSchema.parse({
    id: 'kec-contoh',
    name: 'Kecamatan Contoh',
    units: [
      { id: 'kecamatan', name: 'Kecamatan Contoh', kind: 'opd', parentId: null },
      { id: 'seksi-pelayanan', name: 'Seksi Pelayanan Umum', kind: 'seksi', parentId: 'kecamatan' },
      { id: 'dpmptsp', name: 'Dinas Penanaman Modal dan PTSP', kind: 'opd', parentId: null },
      { id: 'pemohon', name: 'Pemohon', kind: 'public', parentId: null },
    ],
    people: [],
  });
  const nodes: FlowNode[] = [{ kind: 'start', id: 'start', label: null }];
  for (const [id, name, who, kind] of STEPS)
    nodes.push({
      kind,
      id,
      name,
      performer: PEOPLE[who],
      coPerformers: [],
      kelengkapan: [],
      waktu: kind === 'activity' ? { value: 1, unit: 'hari_kerja' } : null,
      outputs: [],
      keterangan: null,
    });
  nodes.push({ kind: 'end', id: 'end', label: null, outcome: 'selesai' });
  nodes.push({ kind: 'end', id: 'ditolak', label: null, outcome: 'ditolak' });
  let n = 0;
  const edges: Edge[] = [];
  const link = (
    from: string,
    to: string,
    label: string | null = null,
    document: string | null = null,
  ) => edges.push({ id: `e${n++}`, from, to, label, document });
  link('start', 's1');
  link('s1', 's2', null, 'Berkas permohonan');
  link('s2', 'd3');
  link('d3', 's4', 'lengkap');
  link('d3', 's15', 'tidak lengkap');
  link('s4', 's5');
  link('s5', 's6');
  link('s6', 'd7');
  link('d7', 's8', 'sah');
  link('d7', 's15', 'tidak sah');
  link('s8', 's9', null, 'Rekomendasi teknis');
  for (let i = 9; i < 14; i++) link(`s${i}`, `s${i + 1}`);
  link('s14', 's17');
  link('s15', 's16');
  link('s16', 'ditolak', null, 'Surat penolakan');
  link('s17', 'd18');
  link('d18', 's19', 'ya');
  link('d18', 's2', 'tidak', 'Catatan perbaikan');
  link('s19', 's20');
  link('s20', 's21');
  link('s21', 's22', null, 'Surat keterangan');
  link('s22', 'end');
  const process = ProcessSchema.parse({
    id: 'p-kec-sk',
    code: '05.01',
    name: 'Pelayanan Surat Keterangan Usaha',
    category: 'inti',
    ownerUnitId: 'kecamatan',
    sipoc: {
      inputs: [
        { id: 'in-1', name: 'Berkas permohonan', party: { unitId: 'pemohon', name: 'Pemohon' } },
      ],
      outputs: [
        {
          id: 'out-1',
          name: 'Surat keterangan usaha',
          party: { unitId: 'pemohon', name: 'Pemohon' },
        },
      ],
    },
    flow: { nodes, edges },
  });
  return { process, org };
}
