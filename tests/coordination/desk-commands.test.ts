// The coordination commands as typed in a chat: a table, both the Indonesian names and the
// English aliases, tappable forms ("/setujui_0102") and what is not a command.
import { describe, expect, it } from 'vitest';
import { normaliseCode, parseDeskCommand, tappable } from '../../core/interview/desk/commands.js';
import { deskNeeds } from '../../core/interview/desk/needs.js';

describe('coordination commands', () => {
  const table: [string, unknown][] = [
    ['/kampanye', { name: 'campaign' }],
    ['/progres', { name: 'progress' }],
    ['/progress@ProbisBot', { name: 'progress' }],
    ['/unit Bagian Umum', { name: 'unit', unit: 'Bagian Umum' }],
    ['/unit', { name: 'unit', unit: null }],
    ['/ingatkan Bagian Keuangan', { name: 'remind', unit: 'Bagian Keuangan' }],
    ['/relasi', { name: 'ledger', unit: null }],
    ['/level0', { name: 'level0', propose: false }],
    ['/level0 usul', { name: 'level0', propose: true }],
    ['/pohon 01', { name: 'tree', code: '01' }],
    ['/periksa', { name: 'queue' }],
    ['/setujui 01.02', { name: 'approve', code: '01.02' }],
    ['/setujui_0102', { name: 'approve', code: '01.02' }],
    ['/validasi_030201', { name: 'validate', code: '03.02.01' }],
    ['/approve 01.02', { name: 'approve', code: '01.02' }],
    [
      '/kembalikan 01.02 Langkah 3 kurang jelas',
      { name: 'return', code: '01.02', comment: 'Langkah 3 kurang jelas' },
    ],
    ['/kembalikan_0102', { name: 'return', code: '01.02', comment: null }],
    ['/kembalikan', { name: 'return', code: null, comment: null }],
    ['/serahterima', { name: 'handoffs' }],
    ['/sengketa', { name: 'disputes' }],
    ['/versi 01.02', { name: 'diff', code: '01.02' }],
  ];
  it.each(table)('%s', (text, command) => {
    expect(parseDeskCommand(text)).toEqual(command);
  });

  it('leaves answers and the interview commands alone', () => {
    for (const t of ['Progres kerja', 'progres', '/kembali', '/ubah 3', 'unit kerja', '/menu'])
      expect(parseDeskCommand(t)).toBeNull();
  });

  it('codes: tappable both ways', () => {
    expect(tappable('setujui', '01.02')).toBe('/setujui_0102');
    expect(normaliseCode('0102')).toBe('01.02');
    expect(normaliseCode('01.02')).toBe('01.02');
    expect(normaliseCode('012')).toBe('012');
  });

  it('loads the desk only for a coordination step', () => {
    expect(deskNeeds(null, { kind: 'text', text: '/progres' })).toEqual({ baselineCode: null });
    expect(deskNeeds(null, { kind: 'text', text: '/versi 01.02' })).toEqual({
      baselineCode: '01.02',
    });
    expect(deskNeeds(null, { kind: 'text', text: 'Menyusun rancangan' })).toBeNull();
    expect(deskNeeds(null, { kind: 'resume' })).toBeNull();
  });
});
