// What changed between two versions of a process, said in SOP order.
import { describe, expect, it } from 'vitest';
import { diffVersions } from '../../core/coordination/version-diff.js';
import type { Process } from '../../core/model/index.js';
import { item, org, proc, step } from './fixtures.js';
import type { ProcOptions, StepSpec } from './fixtures.js';

const S = {
  terima: step('s1', 'Menerima surat', 'umum'),
  agenda: step('s2', 'Mengagendakan surat', 'umum', { position: 'Kasubbag' }),
  periksa: step('s3', 'Memeriksa berkas', 'umum'),
  sampaikan: step('s4', 'Menyampaikan surat', 'umum'),
};
const version = (steps: StepSpec[], o: ProcOptions & { name?: string } = {}): Process =>
  proc('u1', '01.01', o.name ?? 'Pengelolaan Surat Masuk', 'umum', { steps, ...o });
const base = version([S.terima, S.agenda, S.periksa, S.sampaikan]);
const said = (after: Process, before: Process = base) =>
  diffVersions(before, after, org).changes.map((c) => c.id);

describe('diffVersions', () => {
  it('says nothing and marks nothing for the same process', () => {
    expect(diffVersions(base, base, org)).toEqual({ changes: [], changedNodeIds: [] });
  });

  it('says a step moved to another unit, a new step and a removed one, in SOP order', () => {
    const after = version([
      S.terima,
      { ...S.agenda, unitId: 'keu', position: 'Bendahara' },
      step('s5', 'Mengarsipkan surat', 'umum'),
      S.periksa,
    ]);
    const diff = diffVersions(base, after, org);
    expect(diff.changes).toEqual([
      {
        id: 'Langkah 2 dipindah ke Bagian Keuangan (Bendahara)',
        en: 'Step 2 moved to Bagian Keuangan (Bendahara)',
      },
      { id: 'Langkah 3 baru: Mengarsipkan surat', en: 'Step 3 new: Mengarsipkan surat' },
      { id: 'Langkah 4 dihapus: Menyampaikan surat', en: 'Step 4 removed: Menyampaikan surat' },
    ]);
    expect(diff.changedNodeIds).toEqual(['s2', 's5']);
  });

  it('says renamed steps, other performers, waktu, output and kelengkapan', () => {
    const after = version([
      { ...S.terima, name: 'Menerima surat masuk', kelengkapan: ['Lembar disposisi'] },
      { ...S.agenda, position: 'Kabag', waktu: { value: 2, unit: 'jam' }, output: 'Agenda surat' },
      S.periksa,
      S.sampaikan,
    ]);
    expect(said(after)).toEqual([
      'Langkah 1 diganti namanya: Menerima surat → Menerima surat masuk',
      'Kelengkapan langkah 1 ditambah: Lembar disposisi',
      'Pelaksana langkah 2: Kasubbag → Kabag',
      'Waktu langkah 2: 1 hari → 2 jam',
      'Output langkah 2: Hasil s2 → Agenda surat',
    ]);
  });

  it('says a step that changed place, not the steps that only shifted with it', () => {
    const after = version([S.terima, S.sampaikan, S.agenda, S.periksa]);
    expect(said(after)).toEqual(['Langkah 4 sekarang langkah 2']);
    expect(diffVersions(base, after, org).changedNodeIds).toEqual(['s4']);
    expect(said(version([S.agenda, S.periksa, S.sampaikan]))).toEqual([
      'Langkah 1 dihapus: Menerima surat',
    ]);
  });

  it("says a decision's exits added, removed or leading elsewhere", () => {
    const check = step('d1', 'Berkas lengkap?', 'umum', { kind: 'decision', output: null });
    const labels = { 'd1->s3': 'ya' };
    const before = version([S.terima, check, S.periksa], {
      labels,
      edges: [{ from: 'd1', to: 's1', label: 'tidak' }],
    });
    const after = version([S.terima, check, S.periksa], {
      labels,
      edges: [
        { from: 'd1', to: 'end', label: 'tidak' },
        { from: 'd1', to: 's1', label: 'revisi' },
      ],
    });
    expect(said(after, before)).toEqual([
      'Langkah 2: jalur "tidak" sekarang ke selesai (sebelumnya langkah 1)',
      'Langkah 2: jalur "revisi" baru ke langkah 1',
    ]);
    expect(said(before, after)).toEqual([
      'Langkah 2: jalur "tidak" sekarang ke langkah 1 (sebelumnya selesai)',
      'Langkah 2: jalur "revisi" dihapus',
    ]);
  });

  it('says the process renamed first, inputs before the steps and outputs after them', () => {
    const before = version([S.terima], {
      inputs: [item('i1', 'Surat masuk', 'pemohon')],
      outputs: [item('o1', 'Disposisi', 'keu')],
    });
    const after = version([S.terima, S.agenda], {
      name: 'Penatausahaan Surat Masuk',
      inputs: [item('i1', 'Surat dinas masuk', 'pemohon'), item('i2', 'Nota dinas', 'org')],
      outputs: [item('o1', 'Disposisi', 'org'), item('o2', 'Arsip', null)],
    });
    expect(said(after, before)).toEqual([
      'Nama proses diganti: Pengelolaan Surat Masuk → Penatausahaan Surat Masuk',
      'Input diganti namanya: Surat masuk → Surat dinas masuk',
      'Input baru: Nota dinas (dari Bagian Organisasi)',
      'Langkah 2 baru: Mengagendakan surat',
      'Penerima output Disposisi: Bagian Keuangan → Bagian Organisasi',
      'Output baru: Arsip',
    ]);
    expect(diffVersions(after, before, org).changes.map((c) => c.en)).toEqual([
      'Process renamed: Penatausahaan Surat Masuk → Pengelolaan Surat Masuk',
      'Input renamed: Surat dinas masuk → Surat masuk',
      'Input removed: Nota dinas',
      'Step 2 removed: Mengagendakan surat',
      'Receiver of output Disposisi: Bagian Organisasi → Bagian Keuangan',
      'Output removed: Arsip',
    ]);
  });

  it('treats a first map as every step new', () => {
    const unmapped = version([]);
    expect(diffVersions(unmapped, version([S.terima]), org)).toEqual({
      changes: [{ id: 'Langkah 1 baru: Menerima surat', en: 'Step 1 new: Menerima surat' }],
      changedNodeIds: ['s1'],
    });
  });
});
