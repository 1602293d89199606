// Who must answer for a handoff: always the unit the owner's claim is about, never the owner,
// never an outside party.
import { describe, expect, it } from 'vitest';
import {
  answeringUnit,
  disputedHandoffs,
  handoffsToAnswer,
} from '../../core/coordination/answering-unit.js';
import { handoffs } from '../../core/model/index.js';
import type { Process } from '../../core/model/index.js';
import { desk, item, org, proc, step } from './fixtures.js';

const answerer = (p: Process) => handoffs(p).map((h) => [h.key, answeringUnit(p, h, org)]);

describe('answeringUnit', () => {
  it('asks the customer of an output and the supplier of an input', () => {
    const p = proc('u1', '01.01', 'Pengelolaan Surat Masuk', 'umum', {
      inputs: [item('i1', 'Anggaran kas', 'keu')],
      outputs: [item('o1', 'Nota pembayaran', 'keu')],
    });
    expect(answerer(p)).toEqual([
      ['input:i1', 'keu'],
      ['output:o1', 'keu'],
    ]);
  });

  it('asks the unit of an edge that is not the owner, whichever way the work goes', () => {
    const p = proc('u1', '01.01', 'Pengelolaan Surat Masuk', 'umum', {
      steps: [
        step('s1', 'Menerima surat', 'umum'),
        step('s2', 'Memverifikasi tagihan', 'keu'),
        step('s3', 'Mengarsipkan surat', 'umum'),
      ],
    });
    expect(answerer(p)).toEqual([
      ['edge:s1->s2', 'keu'],
      ['edge:s2->s3', 'keu'],
    ]);
  });

  it('asks the receiving unit of an edge between two units that are not the owner', () => {
    const p = proc('u1', '01.01', 'Pengelolaan Surat Masuk', 'umum', {
      steps: [step('s1', 'Menyiapkan SPM', 'keu'), step('s2', 'Menyusun laporan', 'org')],
    });
    expect(answerer(p)).toEqual([['edge:s1->s2', 'org']]);
  });

  it('asks nobody for an outside party, nor for a process without owner', () => {
    const p = proc('u1', '01.01', 'Pelayanan Izin', 'umum', {
      steps: [
        step('s1', 'Mengajukan permohonan', 'pemohon'),
        step('s2', 'Memeriksa berkas', 'umum'),
      ],
      inputs: [item('i1', 'Berkas permohonan', 'pemohon')],
      outputs: [item('o1', 'Surat rekomendasi', 'bpn')],
    });
    expect(answerer(p)).toEqual([
      ['input:i1', null],
      ['edge:s1->s2', null],
      ['output:o1', null],
    ]);
    const edge = { kind: 'edge' as const, fromUnitId: 'keu', toUnitId: 'umum' };
    expect(answeringUnit({ ownerUnitId: 'umum' }, edge, org)).toBe('keu');
    expect(answeringUnit({ ownerUnitId: 'keu' }, edge, org)).toBe('umum');
  });
});

describe('handoffsToAnswer', () => {
  const umum = proc('u1', '01.02', 'Pengelolaan Surat Masuk', 'umum', {
    inputs: [item('i1', 'Anggaran kas', 'keu')],
    outputs: [item('o1', 'Nota pembayaran', 'keu'), item('o2', 'Laporan', 'org')],
  });
  const tu = proc('t1', '01.01', 'Pengarsipan', 'tu', {
    outputs: [item('o1', 'Daftar arsip', 'keu')],
  });
  const keu = proc('k1', '02.01', 'Pembayaran Tagihan', 'keu', {
    outputs: [item('o1', 'SP2D', 'umum')],
  });

  it("lists other units' pending handoffs this unit must answer, in process code order", () => {
    const keys = (unitId: string) =>
      handoffsToAnswer(desk({ processes: [umum, keu, tu] }), unitId).map(
        (h) => `${h.process.id}/${h.handoff.key}`,
      );
    expect(keys('keu')).toEqual(['t1/output:o1', 'u1/input:i1', 'u1/output:o1']);
    expect(keys('umum')).toEqual(['k1/output:o1']);
    expect(keys('org')).toEqual(['u1/output:o2']);
    expect(keys('tu')).toEqual([]);
  });

  it('leaves out what the unit already confirmed or disputed', () => {
    const answered = proc('u1', '01.02', 'Pengelolaan Surat Masuk', 'umum', {
      inputs: [item('i1', 'Anggaran kas', 'keu')],
      outputs: [item('o1', 'Nota pembayaran', 'keu')],
      confirmations: [
        { key: 'input:i1', state: 'confirmed' },
        { key: 'output:o1', state: 'disputed' },
      ],
    });
    expect(handoffsToAnswer(desk({ processes: [answered] }), 'keu')).toEqual([]);
  });
});

describe('disputedHandoffs', () => {
  it('gives the coordinator the unsettled disputes with the answering side and its words', () => {
    const p = proc('u1', '01.02', 'Pengelolaan Surat Masuk', 'umum', {
      outputs: [item('o1', 'Nota pembayaran', 'keu'), item('o2', 'Laporan', 'org')],
      inputs: [item('i1', 'Anggaran kas', 'keu')],
      confirmations: [
        { key: 'output:o1', state: 'disputed', note: 'Kami menerima SPM' },
        { key: 'output:o2', state: 'disputed', settlement: 'sender-corrects' },
        { key: 'input:i1', state: 'confirmed', settlement: 'upheld' },
      ],
    });
    const found = disputedHandoffs(desk({ processes: [p] }));
    expect(found.map((d) => [d.handoff.key, d.answeringUnitId, d.confirmation.note])).toEqual([
      ['output:o1', 'keu', 'Kami menerima SPM'],
    ]);
  });

  it('is empty when nobody disputes', () => {
    const p = proc('u1', '01.02', 'Pengelolaan Surat Masuk', 'umum', {
      outputs: [item('o1', 'Nota pembayaran', 'keu')],
    });
    expect(disputedHandoffs(desk({ processes: [p] }))).toEqual([]);
  });
});
