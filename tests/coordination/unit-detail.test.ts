// `/unit NAMA`: finding the unit from what was typed, and what the coordinator or head reads.
import { describe, expect, it } from 'vitest';
import { findUnitByName, unitDetailText } from '../../core/coordination/unit-detail.js';
import { activity, desk, item, org, proc, review, step } from './fixtures.js';

const ids = (text: string) => findUnitByName(org, text).map((u) => u.id);

describe('findUnitByName', () => {
  it('finds a unit by its name or short name, whatever the case, accents or punctuation', () => {
    expect(ids('Bagian Umum')).toEqual(['umum']);
    expect(ids('bag. keuangan')).toEqual(['keu']);
    expect(ids('BAGIAN ORGANISASÍ')).toEqual(['org']);
  });
  it('accepts the beginnings of words', () => {
    expect(ids('umum')).toEqual(['umum']);
    expect(ids('bag keu')).toEqual(['keu']);
    expect(ids('subbag tu')).toEqual(['tu']);
  });
  it('gives every candidate when the words fit several units, and none for outside parties', () => {
    expect(ids('bagian')).toEqual(['umum', 'keu', 'org']);
    expect(ids('pemohon')).toEqual([]);
    expect(ids('perizinan')).toEqual([]);
    expect(ids('  ')).toEqual([]);
  });
});

describe('unitDetailText', () => {
  const NOW = '2026-12-04T03:00:00.000Z';
  const d = desk({
    processes: [
      proc('u1', '01.01', 'Pengelolaan Surat Masuk', 'umum', {
        steps: [
          step('s1', 'Menerima surat', 'umum'),
          step('s2', 'Mengagendakan surat', 'umum'),
          step('s3', 'Menyerahkan surat', 'umum', { waktu: null }),
        ],
      }),
      proc('t1', '01.02', 'Pengarsipan Surat', 'tu'),
      proc('k1', '02.01', 'Pembayaran Tagihan', 'keu', {
        outputs: [item('o1', 'SP2D', 'umum'), item('o2', 'Laporan realisasi', 'org')],
      }),
    ],
    reviews: [
      review('u1', 'submitted', '2026-12-01T02:00:00.000Z', 'rina'),
      review('u1', 'returned', '2026-12-02T02:00:00.000Z', 'budi', 'Langkah 3 kurang jelas'),
    ],
    activity: [activity('rina', '2026-12-03T02:00:00.000Z')],
  });

  it('lists the processes with status, steps and last review, the handoffs to answer and findings', () => {
    expect(unitDetailText(d, 'umum', NOW, 'id')).toBe(
      [
        'Bagian Umum',
        'sedang mengisi · 2 proses',
        '',
        '01.01 Pengelolaan Surat Masuk',
        'draf · 3 langkah',
        "dikembalikan oleh Kabag Umum, 2 Des: 'Langkah 3 kurang jelas'",
        'waktu 2 hari kerja (jalur utama); 1 langkah tanpa waktu',
        '',
        '01.02 Pengarsipan Surat',
        'draf · belum dipetakan',
        '',
        'Serah terima yang harus dijawab (1):',
        '1. Bag. Keuangan → Bag. Umum: SP2D (02.01)',
        '',
        'Temuan (1):',
        '1. 01.01: Langkah 3 "Menyerahkan surat" belum punya waktu: berapa lama? (misalnya 15 menit atau 1 hari)',
      ].join('\n'),
    );
  });

  it('says it in English, with the year when the review was in another year', () => {
    const text = unitDetailText(d, 'umum', '2027-01-05T03:00:00.000Z', 'en');
    expect(text.split('\n').slice(0, 6)).toEqual([
      'Bagian Umum',
      'filling in · 2 processes',
      '',
      '01.01 Pengelolaan Surat Masuk',
      'draft · 3 steps',
      "returned by Kabag Umum, 2 Dec 2026: 'Langkah 3 kurang jelas'",
    ]);
  });

  it('shows only the first five findings, and says how many more', () => {
    const many = desk({
      processes: [
        proc('o1', '03.01', 'Penyusunan Peta', 'org', {
          steps: [1, 2, 3, 4, 5, 6, 7].map((n) =>
            step(`s${n}`, `Menyusun bagian ${n}`, 'org', { waktu: null }),
          ),
        }),
      ],
    });
    const lines = unitDetailText(many, 'org', NOW, 'id').split('\n');
    expect(lines.slice(-3)).toEqual([
      '4. 03.01: Langkah 4 "Menyusun bagian 4" belum punya waktu: berapa lama? (misalnya 15 menit atau 1 hari)',
      '5. 03.01: Langkah 5 "Menyusun bagian 5" belum punya waktu: berapa lama? (misalnya 15 menit atau 1 hari)',
      '… dan 2 lainnya',
    ]);
    expect(lines).toContain('Temuan (7):');
  });

  it('gives each process its waktu along the main path, and the longest path when it differs', () => {
    // 30 menit, then "lengkap?" (15 menit): lengkap goes to a 1-jam step and the end; tidak
    // lengkap to a 2-hari revision first.
    const withBranch = desk({
      processes: [
        proc('o1', '03.01', 'Penyusunan Peta', 'org', {
          steps: [
            step('s1', 'Menerima usulan', 'org', { waktu: { value: 30, unit: 'menit' } }),
            step('d1', 'Usulan lengkap?', 'org', {
              kind: 'decision',
              waktu: { value: 15, unit: 'menit' },
            }),
            step('s3', 'Merevisi usulan', 'org', { waktu: { value: 2, unit: 'hari' } }),
            step('s2', 'Menetapkan peta', 'org', { waktu: { value: 1, unit: 'jam' } }),
          ],
          labels: { 'd1->s3': 'tidak lengkap' },
          edges: [{ from: 'd1', to: 's2', label: 'lengkap' }],
        }),
      ],
    });
    // Main path 30 + 15 + 60 menit; longest 30 + 15 + 900 + 60 menit, through the revision.
    expect(unitDetailText(withBranch, 'org', NOW, 'id').split('\n')).toContain(
      'waktu 1 jam 45 menit (jalur utama), terpanjang 2 hari kerja 1 jam 45 menit',
    );
    expect(unitDetailText(withBranch, 'org', NOW, 'en').split('\n')).toContain(
      'time 1 hour 45 minutes (main path), longest 2 working days 1 hour 45 minutes',
    );
  });

  it('answers kindly for a unit that does not exist', () => {
    expect(unitDetailText(d, 'hilang', NOW, 'id')).toBe('Unit tidak ditemukan.');
  });
});
