// Processes the SOP tests and the bench draw: a 40-step permit service with eight pelaksana
// columns (an outside applicant and an outside agency among them), a loop back to an earlier
// page, a rejection that skips rows, a deferral end and a joint step.
import {
  Organisation as OrganisationSchema,
  Process as ProcessSchema,
  type Edge,
  type FlowNode,
  type Organisation,
  type Process,
} from '../../core/model/index.js';

const WHO = {
  pemohon: { unitId: 'pemohon', position: null },
  loket: { unitId: 'bid-pel', position: 'Petugas Loket' },
  verif: { unitId: 'bid-pel', position: 'Verifikator' },
  kabid: { unitId: 'bid-pel', position: 'Kepala Bidang Pelayanan' },
  sekre: { unitId: 'sekretariat', position: 'Sekretaris' },
  bendahara: { unitId: 'sekretariat', position: 'Bendahara Penerimaan' },
  kadis: { unitId: 'dinas', position: 'Kepala Dinas' },
  bpn: { unitId: 'bpn', position: null },
} as const;
type Who = keyof typeof WHO;

/** Steps 1..40 as [performer, name]; decisions end in "?". */
const STEPS: [Who, string][] = [
  ['pemohon', 'Mengajukan permohonan izin beserta berkas persyaratan'],
  ['loket', 'Menerima berkas permohonan'],
  ['loket', 'Mencatat permohonan dalam register'],
  ['loket', 'Memeriksa kelengkapan berkas'],
  ['loket', 'Berkas lengkap?'],
  ['loket', 'Menerbitkan tanda terima berkas'],
  ['verif', 'Menerima berkas dari loket'],
  ['verif', 'Memeriksa keabsahan dokumen'],
  ['verif', 'Menjadwalkan peninjauan lapangan'],
  ['bpn', 'Memberikan data pertanahan'],
  ['verif', 'Melakukan peninjauan lapangan'],
  ['verif', 'Menghitung retribusi'],
  ['verif', 'Menyusun berita acara pemeriksaan'],
  ['kabid', 'Menelaah berita acara pemeriksaan'],
  ['kabid', 'Hasil pemeriksaan sesuai?'],
  ['kabid', 'Menyusun nota dinas rekomendasi'],
  ['sekre', 'Memeriksa nota dinas rekomendasi'],
  ['sekre', 'Memaraf konsep keputusan izin'],
  ['kadis', 'Menelaah konsep keputusan izin'],
  ['kabid', 'Memperbaiki konsep keputusan izin'],
  ['sekre', 'Memeriksa ulang konsep keputusan'],
  ['kadis', 'Konsep disetujui?'],
  ['kadis', 'Menandatangani keputusan izin'],
  ['sekre', 'Memberi nomor dan tanggal keputusan'],
  ['bendahara', 'Menerbitkan surat ketetapan retribusi'],
  ['pemohon', 'Membayar retribusi'],
  ['bendahara', 'Retribusi lunas?'],
  ['bendahara', 'Mencatat penerimaan retribusi'],
  ['sekre', 'Menggandakan keputusan izin'],
  ['sekre', 'Mengarsipkan salinan keputusan'],
  ['loket', 'Memberitahukan pemohon bahwa izin terbit'],
  ['loket', 'Menyerahkan keputusan izin'],
  ['pemohon', 'Menerima keputusan izin'],
  ['loket', 'Mencatat penyerahan dalam register'],
  ['verif', 'Memperbarui data perizinan'],
  ['kabid', 'Melaporkan izin terbit kepada Kepala Dinas'],
  ['kadis', 'Menerima laporan izin terbit'],
  ['verif', 'Menyusun surat penolakan'],
  ['kabid', 'Menandatangani surat penolakan'],
  ['loket', 'Menyerahkan surat penolakan'],
];

export function fortyStepProcess(): { process: Process; org: Organisation } {
  const org = OrganisationSchema.parse({
    id: 'kab-contoh',
    name: 'Pemerintah Kabupaten Contoh',
    units: [
      { id: 'dinas', name: 'Dinas Penanaman Modal dan PTSP', kind: 'opd', parentId: null },
      { id: 'sekretariat', name: 'Sekretariat', kind: 'sekretariat', parentId: 'dinas' },
      { id: 'bid-pel', name: 'Bidang Pelayanan Perizinan', kind: 'bidang', parentId: 'dinas' },
      { id: 'bpn', name: 'Kantor Pertanahan', kind: 'agency', parentId: null },
      { id: 'pemohon', name: 'Pemohon', kind: 'public', parentId: null },
    ],
    people: [],
  });
  const nodes: FlowNode[] = [{ kind: 'start', id: 'start', label: null }];
  STEPS.forEach(([who, name], i) => {
    const n = i + 1;
    nodes.push({
      kind: name.endsWith('?') ? 'decision' : 'activity',
      id: `s${n}`,
      name,
      performer: WHO[who],
      // Step 12 is done together: "Verifikator bersama Bendahara Penerimaan".
      coPerformers: n === 12 ? [WHO.bendahara] : [],
      kelengkapan: n % 4 === 0 ? ['Berkas permohonan', 'Formulir isian'] : [],
      waktu: name.endsWith('?')
        ? { value: 15, unit: 'menit' }
        : { value: (n % 3) + 1, unit: n % 2 ? 'jam' : 'hari' },
      outputs: n % 5 === 0 ? [] : [`Hasil langkah ${n}`],
      keterangan: n === 10 ? 'Melalui surat permintaan data' : null,
    });
  });
  nodes.push({ kind: 'end', id: 'end', label: 'Izin terbit', outcome: 'selesai' });
  nodes.push({ kind: 'end', id: 'ditolak', label: null, outcome: 'ditolak' });
  nodes.push({ kind: 'end', id: 'ditunda', label: null, outcome: 'ditunda' });
  const edges: Edge[] = [];
  const link = (from: string, to: string, label: string | null = null) =>
    edges.push({ id: `e${edges.length}`, from, to, label, document: null });
  link('start', 's1');
  const special: Record<number, [string, string, string, string]> = {
    5: ['s6', 'lengkap', 's2', 'tidak lengkap'], // loop back on the same page
    15: ['s16', 'sesuai', 's38', 'tidak sesuai'], // rejection: skips to rows on a later page
    22: ['s23', 'ya', 's20', 'tidak'], // loop back
    27: ['s28', 'ya', 'ditunda', 'tidak'], // deferral end
  };
  for (let n = 1; n <= 40; n++) {
    const s = special[n];
    if (s) {
      link(`s${n}`, s[0], s[1]);
      link(`s${n}`, s[2], s[3]);
    } else if (n === 19)
      link('s19', 's22'); // 20 and 21 are only reached when the draft is refused
    else if (n === 37) link('s37', 'end');
    else if (n === 40) link('s40', 'ditolak');
    else link(`s${n}`, `s${n + 1}`);
  }
  const process = ProcessSchema.parse({
    id: 'p-izin-40',
    code: '02.03',
    name: 'Penerbitan Izin Pemanfaatan Ruang',
    category: 'inti',
    ownerUnitId: 'bid-pel',
    sipoc: {
      inputs: [
        {
          id: 'in-1',
          name: 'Berkas permohonan izin',
          party: { unitId: 'pemohon', name: 'Pemohon' },
        },
      ],
      outputs: [
        { id: 'out-1', name: 'Keputusan izin', party: { unitId: 'pemohon', name: 'Pemohon' } },
      ],
    },
    legalBasis: ['Peraturan Daerah tentang Rencana Tata Ruang Wilayah'],
    flow: { nodes, edges },
  });
  return { process, org };
}
