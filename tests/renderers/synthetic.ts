// Synthetic leaf processes of any size, for renderer tests and bench/render.ts (reusable by others).
// Deterministic: the same arguments give the same process.
import type { FlowNode, Organisation, Process } from '../../core/model/index.js';
import {
  Organisation as OrganisationSchema,
  Process as ProcessSchema,
} from '../../core/model/index.js';

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
  'laporan kinerja triwulan',
  'surat undangan rapat koordinasi',
  'data usulan kegiatan',
  'dokumen anggaran',
  'berita acara',
];
const UNITS = [
  ['bag-umum', 'Bagian Umum', 'Kasubbag Tata Usaha'],
  ['bag-keu', 'Bagian Perencanaan dan Keuangan', 'Kasubbag Keuangan'],
  ['bag-keu', 'Bagian Perencanaan dan Keuangan', 'Bendahara Pengeluaran'],
  ['bag-hukum', 'Bagian Hukum', 'Analis Hukum'],
  ['setda', 'Sekretariat Daerah', 'Sekretaris Daerah'],
  ['bkpsdm', 'Badan Kepegawaian dan Pengembangan SDM', 'Kepala Bidang Mutasi'],
  ['pemohon', 'Pemohon', null],
  ['inspektorat', 'Inspektorat Daerah', 'Auditor'],
] as const;

export interface SyntheticOptions {
  /** Number of lanes (performers), at most 8. Default 5. */
  lanes?: number;
  /** A decision after every `decisionEvery` activities (its "tidak" exit loops back). Default 5. */
  decisionEvery?: number;
}

/** A leaf process with `activities` activities (plus decisions), several lanes, one start, one end. */
export function syntheticProcess(
  activities: number,
  o: SyntheticOptions = {},
): { process: Process; org: Organisation } {
  const laneCount = Math.min(UNITS.length, Math.max(1, o.lanes ?? 5));
  const every = o.decisionEvery ?? 5;
  const unitIds = [...new Set(UNITS.slice(0, laneCount).map((u) => u[0]))];
  const org = OrganisationSchema.parse({
    id: 'org-sintetis',
    name: 'Pemerintah Kabupaten Sintetis',
    units: unitIds.map((id) => {
      const u = UNITS.find((x) => x[0] === id)!;
      return { id, name: u[1], kind: id === 'pemohon' ? 'public' : 'bagian', parentId: null };
    }),
    people: [],
  });
  const nodes: FlowNode[] = [{ kind: 'start', id: 'start', label: null }];
  const edges: {
    id: string;
    from: string;
    to: string;
    label: string | null;
    document: string | null;
  }[] = [];
  let prev = 'start';
  let edgeNo = 0;
  const link = (
    from: string,
    to: string,
    label: string | null = null,
    document: string | null = null,
  ) => edges.push({ id: `e${edgeNo++}`, from, to, label, document });
  const stepIds: string[] = [];
  for (let i = 1; i <= activities; i++) {
    const lane = UNITS[(i * 3 + Math.floor(i / 4)) % laneCount]!;
    const id = `a${i}`;
    const name = `${VERBS[i % VERBS.length]} ${OBJECTS[(i * 7) % OBJECTS.length]}${i % 4 === 0 ? ' beserta lampiran pendukungnya' : ''}`;
    nodes.push({
      kind: 'activity',
      id,
      name,
      performer: { unitId: lane[0], position: lane[2] },
      coPerformers: [],
      kelengkapan: [],
      waktu: { value: 1, unit: 'hari' },
      outputs: [`Hasil langkah ${i}`],
      keterangan: null,
    });
    link(prev, id, prev.startsWith('d') ? 'ya' : null, i % 3 === 0 ? `Dokumen ${i}` : null);
    prev = id;
    stepIds.push(id);
    if (i % every === 0 && i < activities) {
      const d = `d${i}`;
      const approver = UNITS[(i + 4) % laneCount]!;
      nodes.push({
        kind: 'decision',
        id: d,
        name: `Dokumen langkah ${i} lengkap?`,
        performer: { unitId: approver[0], position: approver[2] },
        coPerformers: [],
        kelengkapan: [],
        waktu: null,
        outputs: [],
        keterangan: null,
      });
      link(prev, d);
      link(d, stepIds[Math.max(0, stepIds.length - 2)]!, 'tidak', 'Catatan perbaikan');
      prev = d;
    }
  }
  nodes.push({ kind: 'end', id: 'end', label: null, outcome: 'selesai' });
  link(prev, 'end');
  const process = ProcessSchema.parse({
    id: `p-sintetis-${activities}`,
    code: '09.01',
    name: `Proses sintetis ${activities} kegiatan`,
    category: 'pendukung',
    ownerUnitId: unitIds[0],
    flow: { nodes, edges },
  });
  return { process, org };
}
