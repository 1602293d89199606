// Dates as clerks and coordinators type them, and as Probis says them (WIB calendar).
import { describe, expect, it } from 'vitest';
import { parseDate } from '../../core/language/dates.js';

describe('dates', () => {
  it.each([
    ['31 Januari 2027', '2027-01-31'],
    ['31 jan 2027', '2027-01-31'],
    ['1 Agustus 2027', '2027-08-01'],
    ['31/01/2027', '2027-01-31'],
    ['31-1-2027', '2027-01-31'],
    ['2027-01-31', '2027-01-31'],
  ])('reads "%s"', (text, date) => {
    expect(parseDate(text)).toEqual({ ok: true, value: date });
  });

  it('refuses what is not a date, with an example', () => {
    for (const t of ['besok', '31 Februari 2027', '2027/13/01', '31 Jan'])
      expect(parseDate(t)).toMatchObject({
        ok: false,
        reason: { id: expect.stringContaining('Contoh: 31 Januari 2027') },
      });
  });
});
