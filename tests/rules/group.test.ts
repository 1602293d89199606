// Findings as the clerk reads them after the interview: one line per kind of gap, each a question.
import { describe, expect, it } from 'vitest';
import { textFor } from '../../core/language/bilingual.js';
import { findingsText } from '../../core/interview/summary.js';
import type { View } from '../../core/interview/view.js';
import { checkProcess, groupFindings } from '../../core/rules/index.js';
import { map, org } from './builders.js';

// findingsText reads only the language of the view.
const view = (lang: 'id' | 'en') =>
  ({ lang, t: (m) => textFor(m, lang) }) as Pick<View, 'lang' | 't'> as View;

// A permit as a clerk of Bagian Umum describes it right after a campaign gave it out (no owner
// unit yet): the Pemohon hands in the file, the clerk checks it (a decision), two steps have no
// waktu yet (the waktu_all question was skipped), and Bagian Keuangan acts in a jabatan the clerk
// does not know.
const permit = map('start -> a1 -> a2 -> d1 -ya-> a3 -> a4 -> a5 -> end, d1 -tidak-> end2', {
  owner: null,
  steps: {
    a1: { performer: { unitId: 'pemohon', position: null }, waktu: null },
    a2: { waktu: null },
    d1: { waktu: null },
    a3: { performer: { unitId: 'bag-keu', position: null } },
    a4: { waktu: null },
    a5: { performer: { unitId: 'bag-keu', position: null }, waktu: null },
  },
  edges: { 'a1->a2': { document: 'Berkas permohonan' } },
  confirmations: [
    { key: 'edge:d1->a3', state: 'confirmed' },
    { key: 'edge:a4->a5', state: 'confirmed' },
    { key: 'edge:a3->a4', state: 'confirmed' },
  ],
});

describe('the findings of a correct permit map', () => {
  it('are two lines the clerk can answer, keeping every step they are about', () => {
    const findings = checkProcess(permit, org);
    expect(groupFindings(findings)).toEqual([
      {
        ruleId: 'performer-position',
        level: 'warning',
        nodeIds: ['a3', 'a5'],
        message: {
          id: 'Jabatan pelaksana langkah 4 dan 6 belum diketahui: Bagian Keuangan dapat melengkapinya.',
          en: "The performers' positions in steps 4 and 6 are not known yet: Bagian Keuangan can fill it in.",
        },
      },
      {
        ruleId: 'step-waktu',
        level: 'warning',
        nodeIds: ['a1', 'a2', 'a4', 'a5'],
        message: {
          id: 'Langkah 1, 2, 5 dan 6 belum punya waktu: berapa lama masing-masing? (misalnya 15 menit atau 1 hari)',
          en: 'Steps 1, 2, 5 and 6 have no duration: how long does each take? (e.g. 15 menit or 1 hari)',
        },
      },
    ]);
    expect(findingsText(findings, view('id'))).toEqual([
      [
        'Perlu diperhatikan (2):',
        '• Jabatan pelaksana langkah 4 dan 6 belum diketahui: Bagian Keuangan dapat melengkapinya.',
        '• Langkah 1, 2, 5 dan 6 belum punya waktu: berapa lama masing-masing? (misalnya 15 menit atau 1 hari)',
      ].join('\n'),
    ]);
  });

  it('keep the step’s own words when only one step has the gap', () => {
    const one = map('start -> a1 -> a2 -> end', { steps: { a2: { waktu: null } } });
    expect(findingsText(checkProcess(one, org), view('en'))).toEqual([
      [
        'Worth checking (1):',
        '• Step 2 "Memproses berkas a2" has no duration: how long does it take? (e.g. 15 menit or 1 hari)',
      ].join('\n'),
    ]);
  });
});

describe('groupFindings', () => {
  it('joins only findings of the same rule, level and line, at the place of the first', () => {
    const f = (
      ruleId: string,
      nodeId: string,
      stepNo: number,
      line = 'Langkah {n} x',
      level: 'error' | 'warning' = 'warning',
    ) => ({
      ruleId,
      level,
      nodeId,
      message: {
        id: `langkah ${stepNo} ${line.slice(-1)}`,
        en: `step ${stepNo} ${line.slice(-1)}`,
      },
      together: { stepNo, message: { id: line, en: line } },
    });
    const plain = {
      ruleId: 'p',
      level: 'error' as const,
      nodeId: null,
      message: { id: 'p', en: 'p' },
    };
    expect(
      groupFindings([
        f('a', 'n3', 3),
        plain,
        f('b', 'n1', 1),
        f('a', 'n1', 1),
        f('a', 'n2', 2, 'Langkah {n} y'),
        f('a', 'n7', 7, 'Langkah {n} x', 'error'),
      ]).map((g) => [g.ruleId, g.level, g.nodeIds, g.message.id]),
    ).toEqual([
      ['a', 'warning', ['n3', 'n1'], 'Langkah 1 dan 3 x'],
      ['p', 'error', [null], 'p'],
      ['b', 'warning', ['n1'], 'langkah 1 x'],
      ['a', 'warning', ['n2'], 'langkah 2 y'],
      ['a', 'error', ['n7'], 'langkah 7 x'],
    ]);
  });
});
