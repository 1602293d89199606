// Probis proposes the Level-0 list: the same activity in several units is one process.
import { describe, expect, it } from 'vitest';
import { level0Text, proposeLevel0 } from '../../core/coordination/level0-proposal.js';
import type { Process } from '../../core/model/index.js';
import { org, proc } from './fixtures.js';

const top = (
  id: string,
  code: string,
  name: string,
  owner: string,
  category: Process['category'] = 'pendukung',
) => proc(id, code, name, owner, { category });
const groups = (ps: Process[]) =>
  proposeLevel0(org, ps).map((p) => [p.name, p.members.map((m) => m.processId)]);

describe('proposeLevel0', () => {
  it("merges one activity of three bagian into one process, whatever the case, accents, punctuation or the unit's name in it", () => {
    const proposals = proposeLevel0(org, [
      top('u1', '01', 'Pengelolaan Surat Masuk', 'umum'),
      top('k1', '02', 'PENGELOLAAN SURAT-MASUK', 'keu', 'manajemen'),
      top('o1', '03', 'Pengelolaan Surat Másuk pada Bagian Organisasi', 'org'),
    ]);
    expect(proposals).toEqual([
      {
        name: 'Pengelolaan Surat Masuk',
        category: 'pendukung',
        members: [
          {
            processId: 'u1',
            unitId: 'umum',
            unitName: 'Bag. Umum',
            name: 'Pengelolaan Surat Masuk',
          },
          {
            processId: 'k1',
            unitId: 'keu',
            unitName: 'Bag. Keuangan',
            name: 'PENGELOLAAN SURAT-MASUK',
          },
          {
            processId: 'o1',
            unitId: 'org',
            unitName: 'Bag. Organisasi',
            name: 'Pengelolaan Surat Másuk pada Bagian Organisasi',
          },
        ],
      },
    ]);
  });

  it('keeps near misses apart: one word in three different is another process', () => {
    expect(
      groups([
        top('u1', '01', 'Pengelolaan Surat Masuk', 'umum'),
        top('k1', '02', 'Pengelolaan Surat Keluar', 'keu'),
        top('o1', '03', 'Penatausahaan Surat Masuk', 'org'),
      ]),
    ).toEqual([
      ['Pengelolaan Surat Masuk', ['u1']],
      ['Pengelolaan Surat Keluar', ['k1']],
      ['Penatausahaan Surat Masuk', ['o1']],
    ]);
  });

  it('merges a name with one word more (three in four shared)', () => {
    expect(
      groups([
        top('u1', '01', 'Penyusunan Rencana Kerja', 'umum'),
        top('k1', '02', 'Penyusunan Rencana Kerja Tahunan', 'keu'),
      ]),
    ).toEqual([['Penyusunan Rencana Kerja', ['u1', 'k1']]]);
  });

  it("drops only the owner's own name: 'Administrasi Keuangan' of Bagian Umum is not 'Administrasi Umum'", () => {
    expect(
      groups([
        top('u1', '01', 'Pengelolaan Administrasi Keuangan', 'umum'),
        top('k1', '02', 'Pengelolaan Administrasi Umum', 'keu'),
      ]),
    ).toEqual([
      ['Pengelolaan Administrasi Keuangan', ['u1']],
      ['Pengelolaan Administrasi Umum', ['k1']],
    ]);
  });

  it("names the process without a unit's name when every member carries its own", () => {
    expect(
      groups([
        top('u1', '01', 'Pengelolaan Surat-Masuk Bagian Umum', 'umum'),
        top('k1', '02', 'Pengelolaan Surat Masuk pada Bag. Keuangan', 'keu'),
      ]),
    ).toEqual([['Pengelolaan Surat-Masuk', ['u1', 'k1']]]);
  });

  it('never merges two processes of the same unit, nor sub-processes', () => {
    expect(
      groups([
        top('u1', '01', 'Pengelolaan Surat Masuk', 'umum'),
        top('u2', '02', 'Pengelolaan Surat Masuk Bagian Umum', 'umum'),
        proc('k9', '03.01', 'Pengelolaan Surat Masuk', 'keu', { parentId: 'x' }),
      ]),
    ).toEqual([
      ['Pengelolaan Surat Masuk', ['u1']],
      ['Pengelolaan Surat Masuk', ['u2']],
    ]);
  });

  it('takes the most common category, and lists core before support before management', () => {
    const proposals = proposeLevel0(org, [
      top('u1', '01', 'Penyusunan Anggaran', 'umum', 'manajemen'),
      top('k1', '02', 'Penyusunan Anggaran', 'keu', 'manajemen'),
      top('o1', '03', 'Penyusunan Anggaran', 'org', 'inti'),
      top('u3', '04', 'Pelayanan Informasi', 'umum', 'inti'),
    ]);
    expect(proposals.map((p) => [p.name, p.category])).toEqual([
      ['Pelayanan Informasi', 'inti'],
      ['Penyusunan Anggaran', 'manajemen'],
    ]);
  });
});

describe('level0Text', () => {
  it('numbers the processes under their category, with the units that take part', () => {
    const proposals = proposeLevel0(org, [
      top('u1', '01', 'Pengelolaan Surat Masuk', 'umum'),
      top('k1', '02', 'Pengelolaan Surat Masuk', 'keu'),
      top('o1', '03', 'Pelayanan Informasi Publik', 'org', 'inti'),
      top('o2', '04', 'Evaluasi Kinerja', 'org', 'manajemen'),
    ]);
    expect(level0Text(proposals, 'id')).toBe(
      [
        'Usulan Peta Level 0: 3 proses dari 4 proses unit',
        '',
        'Proses Inti',
        '1. Pelayanan Informasi Publik (Bag. Organisasi)',
        '',
        'Proses Pendukung',
        '2. Pengelolaan Surat Masuk (2 unit: Bag. Umum, Bag. Keuangan)',
        '',
        'Proses Manajemen',
        '3. Evaluasi Kinerja (Bag. Organisasi)',
      ].join('\n'),
    );
    expect(level0Text(proposals, 'en').split('\n').slice(0, 3)).toEqual([
      'Level 0 proposal: 3 processes from 4 unit processes',
      '',
      'Core processes',
    ]);
  });
});
