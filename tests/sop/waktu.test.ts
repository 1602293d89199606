// Waktu totals: what the SOP's total row and the coordinator's /unit say a process takes.
// Figures computed by hand with 1 hari kerja = 7,5 jam = 450 menit.
import { describe, expect, it } from 'vitest';
import { Flow } from '../../core/model/index.js';
import { formatWaktu, waktuTotals } from '../../core/sop/waktu.js';
import { renja } from '../renderers/fixtures.js';

type W = { value: number; unit: 'menit' | 'jam' | 'hari' | 'hari_kerja' | 'minggu' | 'bulan' };

/** A flow from steps `[id, waktu | null, kind?]`, ends `[id, outcome]` and edges `from>to:label`. */
function flow(
  steps: [string, W | null, ('activity' | 'decision')?][],
  ends: [string, 'selesai' | 'ditolak' | 'ditunda'][],
  edges: string[],
): Flow {
  return Flow.parse({
    nodes: [
      { kind: 'start', id: 'start' },
      ...steps.map(([id, waktu, kind]) => ({ kind: kind ?? 'activity', id, name: id, waktu })),
      ...ends.map(([id, outcome]) => ({ kind: 'end', id, outcome })),
    ],
    edges: edges.map((s, i) => {
      const [route, label] = s.split(':');
      const [from, to] = route!.split('>');
      return { id: `e${i}`, from, to, label: label ?? null };
    }),
  });
}

describe('waktuTotals', () => {
  it('adds the Renja steps along the main path: 1+1+5+3+1+2+1+1 = 15 hari kerja', () => {
    const { process } = renja();
    const t = waktuTotals(process.flow!);
    expect(t.mainPath).toEqual({
      minutes: 15 * 450,
      stepIds: ['a1', 'a2', 'a3', 'a4', 'a5', 'd1', 'a6', 'a7'],
      missing: 0,
    });
    // The "tidak" exit loops back to a4: not followed, so the longest path is the main path.
    expect(t.longestPath).toEqual(t.mainPath);
    expect(formatWaktu(t.mainPath.minutes, 'id')).toBe('15 hari kerja');
  });

  it('takes the exit that still reaches selesai, even when the positive exit ends in ditolak', () => {
    const f = flow(
      [
        ['a', { value: 30, unit: 'menit' }],
        ['d', { value: 15, unit: 'menit' }, 'decision'],
        ['tolak', { value: 2, unit: 'hari' }],
        ['proses', { value: 1, unit: 'jam' }],
      ],
      [
        ['end-tolak', 'ditolak'],
        ['end', 'selesai'],
      ],
      ['start>a', 'a>d', 'd>tolak:ya', 'tolak>end-tolak', 'd>proses:tidak', 'proses>end'],
    );
    const t = waktuTotals(f);
    expect(t.mainPath.stepIds).toEqual(['a', 'd', 'proses']);
    expect(t.mainPath.minutes).toBe(30 + 15 + 60);
    // The rejection takes longer: 30 + 15 + 900 minutes.
    expect(t.longestPath.stepIds).toEqual(['a', 'd', 'tolak']);
    expect(t.longestPath.minutes).toBe(945);
    expect(formatWaktu(945, 'id')).toBe('2 hari kerja 45 menit');
    expect(formatWaktu(945, 'en')).toBe('2 working days 45 minutes');
  });

  it('prefers the positive exit when both reach selesai, and never follows a loop back', () => {
    const f = flow(
      [
        ['terima', { value: 1, unit: 'jam' }],
        ['periksa', { value: 2, unit: 'jam' }, 'decision'],
        ['lengkapi', { value: 1, unit: 'minggu' }],
        ['terbit', { value: 1, unit: 'hari_kerja' }],
      ],
      [['end', 'selesai']],
      [
        'start>terima',
        'terima>periksa',
        'periksa>lengkapi:tidak lengkap',
        'periksa>terbit:lengkap',
        'lengkapi>terima',
        'terbit>end',
      ],
    );
    const t = waktuTotals(f);
    expect(t.mainPath.stepIds).toEqual(['terima', 'periksa', 'terbit']);
    expect(t.mainPath.minutes).toBe(60 + 120 + 450);
    // "lengkapi" only loops back to "terima": it reaches no end, so no path through it counts.
    expect(t.longestPath.stepIds).toEqual(['terima', 'periksa', 'terbit']);
  });

  it('counts the steps without waktu on each path', () => {
    const f = flow(
      [
        ['a', null],
        ['b', { value: 1, unit: 'bulan' }],
        ['c', null],
      ],
      [['end', 'selesai']],
      ['start>a', 'a>b', 'b>c', 'c>end'],
    );
    const t = waktuTotals(f);
    expect(t.mainPath).toEqual({ minutes: 22 * 450, stepIds: ['a', 'b', 'c'], missing: 2 });
    expect(formatWaktu(t.mainPath.minutes, 'id')).toBe('22 hari kerja');
  });
});

describe('formatWaktu', () => {
  it('writes working days, hours and minutes, leaving out the zero parts', () => {
    expect(formatWaktu(2 * 450 + 3 * 60 + 15, 'id')).toBe('2 hari kerja 3 jam 15 menit');
    expect(formatWaktu(450 + 60, 'en')).toBe('1 working day 1 hour');
    expect(formatWaktu(0, 'id')).toBe('0 menit');
    expect(formatWaktu(90, 'id')).toBe('1 jam 30 menit');
  });
});
