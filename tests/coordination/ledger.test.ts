// The interface ledger: every handoff between units, matched when both sides say so.
import { describe, expect, it } from 'vitest';
import { interfaceLedger } from '../../core/coordination/ledger.js';
import { ledgerText } from '../../core/coordination/ledger-text.js';
import type { Ledger } from '../../core/coordination/types.js';
import { item, org, proc, step } from './fixtures.js';

const umum = proc('u1', '01.01', 'Pengelolaan Surat Masuk', 'umum', {
  steps: [
    step('s1', 'Menerima surat', 'umum', { output: null }),
    step('s2', 'Memverifikasi tagihan', 'keu'),
  ],
  inputs: [item('i1', 'Surat masuk', 'pemohon'), item('i2', 'Formulir', null)],
  outputs: [
    item('o1', 'Nota pembayaran', 'keu'),
    item('o2', 'Laporan aset', 'org'),
    item('o3', 'Arsip', null),
    item('o4', 'Surat balasan', 'pemohon'),
  ],
});
const umum2 = proc('u2', '01.02', 'Pengelolaan Surat Keluar', 'umum', {
  inputs: [item('i1', 'Surat masuk', 'org')],
});
const keu = proc('k1', '02.01', 'Pembayaran Tagihan', 'keu', {
  inputs: [item('i1', 'Nota Pembayaran Gaji', 'umum'), item('i2', 'DPA', 'org')],
  outputs: [item('o1', 'SP2D', 'umum')],
  confirmations: [
    { key: 'input:i2', state: 'confirmed', counterpartProcessId: 'o1' },
    { key: 'output:o1', state: 'disputed', note: 'Kami menerima SP2D dari BUD' },
  ],
});
const orgp = proc('o1', '03.01', 'Penyusunan Anggaran', 'org', {
  outputs: [item('o1', 'Surat keluar', 'umum')],
});

const short = (l: Ledger) =>
  l.entries.map(
    (e) => `${e.kind} ${e.fromUnitId}→${e.toUnitId} ${e.what} ${e.key} ${e.counterpartProcessId}`,
  );

describe('interfaceLedger', () => {
  const ledger = interfaceLedger(org, [orgp, keu, umum2, umum]);

  it('classifies every handoff once, in process code order, and skips outside parties', () => {
    expect(short(ledger)).toEqual([
      'input-without-supplier null→umum Formulir input:i2 null',
      'one-sided umum→keu Menerima surat edge:s1->s2 null',
      'matched umum→keu Nota pembayaran output:o1 k1',
      'one-sided umum→org Laporan aset output:o2 null',
      'orphan-output umum→null Arsip output:o3 null',
      'one-sided org→umum Surat masuk input:i1 null',
      'matched org→keu DPA input:i2 o1',
      'disputed keu→umum SP2D output:o1 null',
      'one-sided org→umum Surat keluar output:o1 null',
    ]);
    expect(ledger.counts).toEqual({
      matched: 2,
      'one-sided': 4,
      disputed: 1,
      'orphan-output': 1,
      'input-without-supplier': 1,
    });
  });

  it('matches an output to the input of the same name on the other side, as one entry', () => {
    const matched = ledger.entries.filter((e) => e.kind === 'matched' && e.processId === 'u1');
    expect(matched).toHaveLength(1);
    expect(ledger.entries.some((e) => e.processId === 'k1' && e.key === 'input:i1')).toBe(false);
  });

  it('does not match near names that are different things: "Surat keluar" is not "Surat masuk"', () => {
    expect(ledger.entries.filter((e) => e.what.startsWith('Surat')).map((e) => e.kind)).toEqual([
      'one-sided',
      'one-sided',
    ]);
  });

  it('pairs differently named items when an answer named the other process', () => {
    const a = proc('k2', '02.02', 'Penerbitan SPM', 'keu', {
      outputs: [item('o1', 'SPM', 'umum')],
      confirmations: [{ key: 'output:o1', state: 'confirmed', counterpartProcessId: 'u9' }],
    });
    const b = proc('u9', '01.09', 'Pembayaran', 'umum', {
      inputs: [item('i1', 'Surat Perintah Membayar', 'keu')],
    });
    expect(short(interfaceLedger(org, [a, b]))).toEqual(['matched keu→umum SPM output:o1 u9']);
  });

  it('counts a dispute the coordinator upheld as matched, and one the sender must correct as open', () => {
    const p = (settlement: 'upheld' | 'sender-corrects') =>
      proc('u1', '01.01', 'Pengelolaan Surat Masuk', 'umum', {
        outputs: [item('o1', 'Laporan aset', 'org')],
        confirmations: [
          {
            key: 'output:o1',
            state: settlement === 'upheld' ? 'confirmed' : 'disputed',
            settlement,
          },
        ],
      });
    expect(interfaceLedger(org, [p('upheld')]).counts.matched).toBe(1);
    expect(interfaceLedger(org, [p('sender-corrects')]).counts.disputed).toBe(1);
  });

  it('agrees an edge when the other unit confirmed it', () => {
    const p = proc('u1', '01.01', 'Pengelolaan Surat Masuk', 'umum', {
      steps: [step('s1', 'Menerima surat', 'umum'), step('s2', 'Memverifikasi tagihan', 'keu')],
      confirmations: [{ key: 'edge:s1->s2', state: 'confirmed' }],
    });
    expect(short(interfaceLedger(org, [p]))).toEqual([
      'matched umum→keu Hasil s1 edge:s1->s2 null',
    ]);
  });
});

describe('ledgerText', () => {
  const ledger = interfaceLedger(org, [orgp, keu, umum2, umum]);

  it('gives the counts, then the open entries grouped and numbered, one line each', () => {
    expect(ledgerText(ledger, org, 'id')).toBe(
      [
        'Serah terima: 2 sepakat, 4 sepihak, 1 dibantah, 1 keluaran tanpa penerima, 1 masukan tanpa pemasok',
        '',
        'Dibantah (1):',
        '1. Bag. Keuangan → Bag. Umum: SP2D (02.01)',
        '',
        'Sepihak (4):',
        '2. Bag. Umum → Bag. Keuangan: Menerima surat (01.01)',
        '3. Bag. Umum → Bag. Organisasi: Laporan aset (01.01)',
        '4. Bag. Organisasi → Bag. Umum: Surat masuk (01.02)',
        '5. Bag. Organisasi → Bag. Umum: Surat keluar (03.01)',
        '',
        'Keluaran tanpa penerima (1):',
        '6. Bag. Umum → ?: Arsip (01.01)',
        '',
        'Masukan tanpa pemasok (1):',
        '7. ? → Bag. Umum: Formulir (01.01)',
      ].join('\n'),
    );
  });

  it("keeps to one unit's entries when asked, in English too", () => {
    expect(ledgerText(ledger, org, 'en', { unitId: 'keu' })).toBe(
      [
        'Handoffs: 2 agreed, 1 one-sided, 1 disputed, 0 outputs without receiver, 0 inputs without supplier',
        '',
        'Disputed (1):',
        '1. Bag. Keuangan → Bag. Umum: SP2D (02.01)',
        '',
        'One-sided (1):',
        '2. Bag. Umum → Bag. Keuangan: Menerima surat (01.01)',
      ].join('\n'),
    );
  });

  it('says when everything is agreed', () => {
    const agreed = interfaceLedger(org, []);
    expect(ledgerText(agreed, org, 'id')).toBe(
      'Serah terima: 0 sepakat, 0 sepihak, 0 dibantah, 0 keluaran tanpa penerima, 0 masukan tanpa pemasok',
    );
    const one = interfaceLedger(org, [
      proc('k2', '02.02', 'Penerbitan SPM', 'keu', {
        outputs: [item('o1', 'SPM', 'umum')],
        confirmations: [{ key: 'output:o1', state: 'confirmed' }],
      }),
    ]);
    expect(ledgerText(one, org, 'id').split('\n').at(-1)).toBe('Semua serah terima sudah sepakat.');
  });
});
