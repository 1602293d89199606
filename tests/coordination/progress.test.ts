// `/progres`: where each unit of the campaign stands, as a coordinator reads it on a phone.
import { describe, expect, it } from 'vitest';
import { progressRows, progressText, unitStage } from '../../core/coordination/progress.js';
import type { Process } from '../../core/model/index.js';
import { activity, campaign, desk, item, proc, review, step } from './fixtures.js';

// 19 Jan 2027, 10:00 in Jakarta: twelve days to the deadline of 31 Jan.
const NOW = '2027-01-19T03:00:00.000Z';

const own = (unitId: string, id: string) => [
  step(`${id}a`, 'Menerima berkas', unitId),
  step(`${id}b`, 'Memeriksa berkas', unitId),
];

/** Umum is filling in (one map sent by its Subbagian TU), Keuangan approved, Organisasi validated. */
function campaignDesk() {
  const processes: Process[] = [
    proc('g1', '01', 'Administrasi Umum', 'umum'),
    proc('u1', '01.01', 'Pengelolaan Surat Masuk', 'umum', {
      parentId: 'g1',
      steps: [
        step('s1', 'Menerima surat', 'umum'),
        step('s2', 'Mengagendakan surat', 'umum'),
        step('s3', 'Memverifikasi tagihan', 'keu'),
      ],
    }),
    proc('u2', '01.02', 'Pengelolaan Arsip', 'umum', { parentId: 'g1' }),
    proc('t1', '01.03', 'Pengarsipan Surat', 'tu', { status: 'submitted', steps: own('tu', 't') }),
    proc('k1', '02.01', 'Pembayaran Tagihan', 'keu', {
      status: 'approved',
      steps: own('keu', 'k'),
      inputs: [item('i1', 'Nota pembayaran', 'umum')],
      confirmations: [{ key: 'input:i1', state: 'confirmed' }],
    }),
    proc('k2', '02.02', 'Penyusunan Laporan Keuangan', 'keu', {
      status: 'approved',
      steps: own('keu', 'l'),
    }),
    proc('o1', '03.01', 'Penyusunan Peta Proses', 'org', {
      status: 'validated',
      steps: own('org', 'o'),
    }),
  ];
  return desk({
    processes,
    reviews: [
      review('t1', 'submitted', '2027-01-16T02:00:00.000Z', 'tono'),
      review('k1', 'approved', '2027-01-18T01:00:00.000Z', 'dewi'),
      review('o1', 'validated', '2027-01-19T00:30:00.000Z', 'oki'),
    ],
    activity: [
      activity('rina', '2027-01-17T02:00:00.000Z'),
      activity('budi', null),
      activity('sari', '2027-01-10T02:00:00.000Z'),
    ],
  });
}

describe('unitStage', () => {
  const p = (status: Process['status'], mapped = true) => ({
    status,
    flow: mapped ? { nodes: [], edges: [] } : null,
  });
  it('is not started while nobody answered and nothing is mapped or reviewed', () => {
    expect(unitStage([], false)).toBe('not-started');
    expect(unitStage([p('draft', false)], false)).toBe('not-started');
  });
  it('is in progress once someone answered or a map exists, until every process is sent', () => {
    expect(unitStage([], true)).toBe('in-progress');
    expect(unitStage([p('draft')], false)).toBe('in-progress');
    expect(unitStage([p('submitted'), p('draft', false)], true)).toBe('in-progress');
  });
  it('follows the least advanced process', () => {
    expect(unitStage([p('submitted'), p('validated')], true)).toBe('submitted');
    expect(unitStage([p('approved'), p('validated')], true)).toBe('approved');
    expect(unitStage([p('validated'), p('ratified')], true)).toBe('validated');
  });
});

describe('progressRows', () => {
  it("gives one row per campaign unit, in the campaign's order, its subunits' work included", () => {
    const rows = progressRows(campaignDesk(), campaign, NOW);
    expect(rows).toEqual([
      {
        unitId: 'umum',
        unitName: 'Bag. Umum',
        stage: 'in-progress',
        processes: { total: 3, mapped: 2, submitted: 1, approved: 0, validated: 0 },
        openFindings: 1,
        handoffsOpen: 1,
        lastActivityAt: '2027-01-17T02:00:00.000Z',
        daysSinceActivity: 2,
        daysToDeadline: 12,
      },
      {
        unitId: 'keu',
        unitName: 'Bag. Keuangan',
        stage: 'approved',
        processes: { total: 2, mapped: 2, submitted: 0, approved: 2, validated: 0 },
        openFindings: 0,
        handoffsOpen: 1,
        lastActivityAt: '2027-01-18T01:00:00.000Z',
        daysSinceActivity: 1,
        daysToDeadline: 12,
      },
      {
        unitId: 'org',
        unitName: 'Bag. Organisasi',
        stage: 'validated',
        processes: { total: 1, mapped: 1, submitted: 0, approved: 0, validated: 1 },
        openFindings: 0,
        handoffsOpen: 0,
        lastActivityAt: '2027-01-19T00:30:00.000Z',
        daysSinceActivity: 0,
        daysToDeadline: 12,
      },
    ]);
  });

  it('without a campaign lists every internal unit with processes or people, each on its own', () => {
    const rows = progressRows(campaignDesk(), null, NOW);
    expect(rows.map((r) => [r.unitId, r.processes.total, r.daysToDeadline])).toEqual([
      ['umum', 2, null],
      ['tu', 1, null],
      ['keu', 2, null],
      ['org', 1, null],
    ]);
  });

  it('counts days on the Jakarta calendar: 23:30 on the 18th is yesterday at 01:00 on the 19th', () => {
    const lateNight = desk({ activity: [activity('rina', '2027-01-18T16:30:00.000Z')] });
    const [umum] = progressRows(
      lateNight,
      { ...campaign, unitIds: ['umum'] },
      '2027-01-18T18:00:00.000Z',
    );
    expect([umum?.daysSinceActivity, umum?.daysToDeadline, umum?.stage]).toEqual([
      1,
      12,
      'in-progress',
    ]);
  });

  it('says a unit whose people never wrote has not started, and an overdue deadline is negative', () => {
    const [umum] = progressRows(
      desk(),
      { ...campaign, unitIds: ['umum'] },
      '2027-02-03T03:00:00.000Z',
    );
    expect(umum).toMatchObject({ stage: 'not-started', lastActivityAt: null, daysToDeadline: -3 });
  });
});

describe('progressText', () => {
  it('gives a summary line, then a short block per unit', () => {
    const text = progressText(progressRows(campaignDesk(), campaign, NOW), campaign, 'id');
    expect(text).toBe(
      [
        'Kampanye Pemetaan 2027 · tenggat 31 Jan 2027 (12 hari lagi) · 1 dari 3 unit tervalidasi',
        '',
        'Bag. Umum',
        'sedang mengisi',
        '3 proses (2 dipetakan, 1 dikirim)',
        '1 temuan',
        '1 serah terima belum disepakati',
        'aktif terakhir 2 hari lalu',
        '',
        'Bag. Keuangan',
        'disetujui kepala unit',
        '2 proses (2 dipetakan, 2 disetujui)',
        '1 serah terima belum disepakati',
        'aktif terakhir kemarin',
        '',
        'Bag. Organisasi',
        'divalidasi koordinator',
        '1 proses (1 dipetakan, 1 divalidasi)',
        'aktif terakhir hari ini',
      ].join('\n'),
    );
    for (const line of text.split('\n').slice(1)) expect(line.length).toBeLessThanOrEqual(36);
  });

  it('says the same in English, and an overdue campaign without activity', () => {
    const rows = progressRows(
      desk(),
      { ...campaign, unitIds: ['keu'] },
      '2027-02-01T03:00:00.000Z',
    );
    expect(progressText(rows, campaign, 'en')).toBe(
      [
        'Campaign Pemetaan 2027 · deadline 31 Jan 2027 (1 day overdue) · 0 of 1 units validated',
        '',
        'Bag. Keuangan',
        'not started',
        'no processes yet',
        'never active',
      ].join('\n'),
    );
  });

  it('wraps a long unit line to the phone width', () => {
    const rows = progressRows(campaignDesk(), campaign, NOW).map((r) => ({
      ...r,
      processes: { total: 12, mapped: 10, submitted: 3, approved: 2, validated: 1 },
    }));
    const block = progressText(rows, null, 'id').split('\n\n')[1]!.split('\n');
    expect(block.slice(2, 4)).toEqual([
      '12 proses (10 dipetakan, 3 dikirim,',
      '2 disetujui, 1 divalidasi)',
    ]);
  });
});
