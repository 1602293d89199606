// A permit process drawn with what issue 21 added to the model: ends with outcomes and the
// clerk's own words, a joint step (one co-performer in a unit no other step has), a step whose
// jabatan is not yet known, and steps with several outputs.
import type { Organisation, Process } from '../../core/model/index.js';
import {
  Organisation as OrganisationSchema,
  Process as ProcessSchema,
} from '../../core/model/index.js';

export function permitProcess(): { process: Process; org: Organisation } {
  const org = OrganisationSchema.parse({
    id: 'kab-contoh',
    name: 'Pemerintah Kabupaten Contoh',
    units: [
      { id: 'dpmptsp', name: 'Dinas Penanaman Modal dan PTSP', kind: 'opd', parentId: null },
      { id: 'bid-pel', name: 'Bidang Pelayanan', kind: 'bidang', parentId: 'dpmptsp' },
      {
        id: 'bag-keu',
        name: 'Bagian Keuangan',
        kind: 'bagian',
        parentId: 'dpmptsp',
        shortName: 'Bag. Keuangan',
      },
      { id: 'dinas-teknis', name: 'Dinas PUPR', kind: 'opd', parentId: null },
      { id: 'pemohon', name: 'Pemohon', kind: 'public', parentId: null },
    ],
    people: [],
  });
  const step = (
    kind: 'activity' | 'decision',
    id: string,
    name: string,
    performer: { unitId: string; position: string | null },
    more: Partial<{
      coPerformers: { unitId: string; position: string | null }[];
      outputs: string[];
    }> = {},
  ) => ({
    kind,
    id,
    name,
    performer,
    coPerformers: more.coPerformers ?? [],
    kelengkapan: [],
    waktu: kind === 'activity' ? { value: 1, unit: 'hari' as const } : null,
    outputs: more.outputs ?? [],
    keterangan: null,
  });
  const process = ProcessSchema.parse({
    id: 'p-izin',
    code: '02.01',
    name: 'Penerbitan Izin Usaha',
    category: 'inti',
    ownerUnitId: 'bid-pel',
    flow: {
      nodes: [
        { kind: 'start', id: 'start', label: null },
        step(
          'activity',
          'a1',
          'Menyerahkan berkas permohonan',
          { unitId: 'pemohon', position: null },
          {
            outputs: ['Formulir permohonan', 'Salinan KTP'],
          },
        ),
        step('activity', 'a2', 'Memeriksa kelengkapan berkas', {
          unitId: 'bid-pel',
          position: 'Petugas loket',
        }),
        step('decision', 'd1', 'Berkas lengkap?', { unitId: 'bid-pel', position: 'Petugas loket' }),
        step(
          'activity',
          'a3',
          'Memverifikasi retribusi',
          { unitId: 'bid-pel', position: 'Kepala Seksi' },
          {
            coPerformers: [{ unitId: 'bag-keu', position: 'Bendahara Penerimaan' }],
            outputs: ['Bukti bayar', 'Catatan register retribusi'],
          },
        ),
        step(
          'activity',
          'a4',
          'Melakukan peninjauan lapangan',
          { unitId: 'dinas-teknis', position: null },
          { outputs: ['Berita acara peninjauan'] },
        ),
        step('decision', 'd2', 'Memenuhi syarat teknis?', {
          unitId: 'dinas-teknis',
          position: null,
        }),
        step(
          'activity',
          'a5',
          'Menandatangani izin',
          { unitId: 'bid-pel', position: 'Kepala Bidang' },
          { outputs: ['Surat izin usaha'] },
        ),
        { kind: 'end', id: 'end-ok', label: 'Izin terbit', outcome: 'selesai' },
        { kind: 'end', id: 'end-no', label: null, outcome: 'ditolak' },
        { kind: 'end', id: 'end-wait', label: null, outcome: 'ditunda' },
      ],
      edges: [
        { id: 'e1', from: 'start', to: 'a1' },
        { id: 'e2', from: 'a1', to: 'a2' },
        { id: 'e3', from: 'a2', to: 'd1' },
        { id: 'e4', from: 'd1', to: 'a3', label: 'lengkap' },
        { id: 'e5', from: 'd1', to: 'end-no', label: 'tidak lengkap' },
        { id: 'e6', from: 'a3', to: 'a4' },
        { id: 'e7', from: 'a4', to: 'd2' },
        { id: 'e8', from: 'd2', to: 'a5', label: 'ya' },
        { id: 'e9', from: 'd2', to: 'end-wait', label: 'tidak' },
        { id: 'e10', from: 'a5', to: 'end-ok', document: 'Izin usaha' },
      ],
    },
  });
  return { process, org };
}
