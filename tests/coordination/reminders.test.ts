// Reminders: once a day at most, only to people who joined, only when something is left.
import { describe, expect, it } from 'vitest';
import {
  dueReminders,
  onDemandReminders,
  reminderLine,
  whatIsLeft,
} from '../../core/coordination/reminders.js';
import { activity, campaign, desk, item, proc } from './fixtures.js';

// 19 Jan 2027, 09:00 in Jakarta.
const NOW = '2027-01-19T02:00:00.000Z';

const processes = [
  proc('u1', '01.01', 'Pengelolaan Surat Masuk', 'umum', {
    outputs: [item('o1', 'Nota pembayaran', 'keu')],
  }),
  proc('u2', '01.02', 'Pengelolaan Arsip', 'umum', { status: 'submitted' }),
  proc('t1', '01.03', 'Pengarsipan Surat', 'tu'),
  proc('k1', '02.01', 'Pembayaran Tagihan', 'keu', { status: 'submitted' }),
  proc('o1', '03.01', 'Penyusunan Peta Proses', 'org', { status: 'validated' }),
];

const d = desk({
  processes,
  activity: [
    activity('rina', '2027-01-16T16:30:00.000Z'), // 16 Jan 23:30 Jakarta: three days ago
    activity('budi', null),
    activity('tono', '2027-01-18T02:00:00.000Z'),
    activity('sari', null, { lastRemindedAt: '2027-01-18T20:00:00.000Z' }), // 19 Jan 03:00 Jakarta
    activity('dewi', null, { lastRemindedAt: '2027-01-18T10:00:00.000Z' }), // 18 Jan 17:00 Jakarta
    activity('lina', null, { joined: false }),
    activity('oki', null),
  ],
});

describe('whatIsLeft', () => {
  it("counts the unit's drafts and the handoffs it must answer", () => {
    expect(whatIsLeft(d, 'rina')).toEqual({ processes: 1, handoffs: 0 });
    expect(whatIsLeft(d, 'tono')).toEqual({ processes: 1, handoffs: 0 });
    expect(whatIsLeft(d, 'sari')).toEqual({ processes: 0, handoffs: 1 });
    expect(whatIsLeft(d, 'oki')).toEqual({ processes: 0, handoffs: 0 });
    expect(whatIsLeft(d, 'nobody')).toEqual({ processes: 0, handoffs: 0 });
  });
});

describe('reminderLine', () => {
  it('says what is left, leaving out a part that is zero', () => {
    expect(reminderLine({ processes: 2, handoffs: 3 }, 'id')).toBe(
      '2 proses belum selesai, 3 serah terima menunggu konfirmasi Anda',
    );
    expect(reminderLine({ processes: 0, handoffs: 1 }, 'id')).toBe(
      '1 serah terima menunggu konfirmasi Anda',
    );
    expect(reminderLine({ processes: 1, handoffs: 0 }, 'en')).toBe('1 process not finished');
    expect(reminderLine({ processes: 2, handoffs: 2 }, 'en')).toBe(
      '2 processes not finished, 2 handoffs awaiting your confirmation',
    );
    expect(reminderLine({ processes: 0, handoffs: 0 }, 'id')).toBe('Tidak ada yang tersisa.');
  });
});

describe('dueReminders', () => {
  it('reminds who joined, was quiet for the set days, was not reminded today and has work left', () => {
    // tono answered yesterday; sari was reminded at 03:00 today; lina never joined; oki has
    // nothing left; adi has no chat.
    expect(dueReminders(d, campaign, NOW)).toEqual([
      { personId: 'rina', left: { processes: 1, handoffs: 0 } },
      { personId: 'budi', left: { processes: 1, handoffs: 0 } },
      { personId: 'dewi', left: { processes: 0, handoffs: 1 } },
    ]);
  });

  it('counts quiet days on the Jakarta calendar: 00:30 on the 17th is only two days ago', () => {
    const recent = desk({ processes, activity: [activity('rina', '2027-01-16T17:30:00.000Z')] });
    expect(dueReminders(recent, campaign, NOW)).toEqual([]);
    expect(dueReminders(recent, { ...campaign, remindAfterDays: 2 }, NOW)).toHaveLength(1);
  });

  it('reminds nobody outside the campaign units, and nobody for a closed campaign', () => {
    expect(dueReminders(d, { ...campaign, unitIds: ['org'] }, NOW)).toEqual([]);
    expect(dueReminders(d, { ...campaign, closedAt: '2027-01-18T00:00:00.000Z' }, NOW)).toEqual([]);
  });

  it('reminds again the next day', () => {
    const tomorrow = '2027-01-20T02:00:00.000Z';
    expect(dueReminders(d, campaign, tomorrow).map((r) => r.personId)).toEqual([
      'rina',
      'budi',
      'sari',
      'dewi',
    ]);
  });
});

describe('onDemandReminders', () => {
  it('reminds the unit and the units below it, even who answered recently, once a day', () => {
    expect(onDemandReminders(d, ['umum'], NOW).map((r) => r.personId)).toEqual([
      'rina',
      'budi',
      'tono',
    ]);
    expect(onDemandReminders(d, ['keu'], NOW).map((r) => r.personId)).toEqual(['dewi']);
    expect(onDemandReminders(d, ['org'], NOW)).toEqual([]);
  });
});
