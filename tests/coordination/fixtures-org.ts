// A three-bagian Setda for coordination tests: Bagian Umum hands a payment note to Bagian
// Keuangan; Bagian Perencanaan lags; Bagian Organisasi coordinates. And a second organisation,
// whose people must never see the first one's data.
import type { Organisation, Process, Unit } from '../../core/model/index.js';
import { person } from '../support/desk.js';

const unit = (
  id: string,
  name: string,
  parentId: string | null,
  kind: Unit['kind'] = 'bagian',
): Unit => ({
  id,
  name,
  kind,
  parentId,
  shortName: null,
});

export const setda: Organisation = {
  id: 'kab-uji',
  name: 'Sekretariat Daerah Kabupaten Uji',
  codePrefix: null,
  units: [
    unit('setda', 'Sekretariat Daerah', null, 'sekretariat'),
    unit('umum', 'Bagian Umum', 'setda'),
    unit('keu', 'Bagian Keuangan', 'setda'),
    unit('ren', 'Bagian Perencanaan', 'setda'),
    unit('org', 'Bagian Organisasi', 'setda'),
    unit('pemohon', 'Pemohon', null, 'public'),
  ],
  people: [
    person('ani', 'umum', 'Pengadministrasi Umum'),
    person('heru', 'umum', 'Kepala Bagian Umum', ['unit_head']),
    person('sari', 'keu', 'Bendahara'),
    person('joko', 'keu', 'Kepala Bagian Keuangan', ['unit_head']),
    person('dedi', 'ren', 'Analis Perencanaan'),
    person('budi', 'org', 'Kasubbag Kelembagaan', ['respondent', 'coordinator']),
  ],
};

export const other: Organisation = {
  id: 'kab-lain',
  name: 'Kabupaten Lain',
  codePrefix: null,
  units: [unit('lain', 'Bagian Umum', null)],
  people: [person('zaki', 'lain', 'Kepala Bagian Umum', ['unit_head', 'coordinator'])],
};

/** Bagian Umum's process: a letter comes in, Umum checks it, Keuangan pays. */
export function suratMasuk(status: Process['status'] = 'submitted'): Process {
  return {
    id: 'p-surat',
    code: '01',
    name: 'Pengelolaan Surat Tagihan',
    category: 'pendukung',
    parentId: null,
    ownerUnitId: 'umum',
    sipoc: {
      inputs: [{ id: 'i1', name: 'Surat tagihan', party: { unitId: 'pemohon', name: 'Pemohon' } }],
      outputs: [
        { id: 'o1', name: 'Nota pembayaran', party: { unitId: 'keu', name: 'Bagian Keuangan' } },
      ],
    },
    legalBasis: [],
    status,
    version: 3,
    flow: {
      nodes: [
        { kind: 'start', id: 'start', label: null },
        step('a1', 'Menerima surat tagihan', 'umum', 'Pengadministrasi Umum'),
        step('a2', 'Memeriksa kelengkapan tagihan', 'umum', 'Kepala Bagian Umum'),
        step('a3', 'Membayar tagihan', 'keu', 'Bendahara'),
        { kind: 'end', id: 'end', label: null, outcome: 'selesai' },
      ],
      edges: [
        { id: 'e0', from: 'start', to: 'a1', label: null, document: null },
        { id: 'e1', from: 'a1', to: 'a2', label: null, document: null },
        { id: 'e2', from: 'a2', to: 'a3', label: null, document: 'Nota pembayaran' },
        { id: 'e3', from: 'a3', to: 'end', label: null, document: null },
      ],
    },
    handoffConfirmations: [],
  };
}

function step(id: string, name: string, unitId: string, position: string) {
  return {
    kind: 'activity' as const,
    id,
    name,
    performer: { unitId, position },
    coPerformers: [],
    kelengkapan: [],
    waktu: { value: 1, unit: 'hari' as const },
    outputs: ['Dokumen'],
    keterangan: null,
  };
}
