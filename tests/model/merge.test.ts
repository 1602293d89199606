// Two writers on one process: the clerk answering (mine) and someone who saved meanwhile
// (theirs), both from the same version (base). Nothing either changed is dropped; where both
// changed the same thing, the clerk's answer wins and the overlap is named.
import { describe, expect, it } from 'vitest';
import {
  type ActivityNode,
  type Process,
  handoffs,
  insertBefore,
  mergeProcess,
  reanchorConfirmations,
  updateStep,
} from '../../core/model/index.js';
import { renjaDocument } from '../support/scenario.js';

const renja = (): Process =>
  structuredClone(renjaDocument().processes.find((p) => p.code === '03.01')!);

const step = (p: Process, id: string) =>
  p.flow!.nodes.find((n) => n.id === id) as ActivityNode | undefined;

const withStep = (p: Process, id: string, patch: Partial<ActivityNode>): Process => ({
  ...p,
  flow: updateStep(p.flow!, id, patch),
});

describe('merging a clerk’s answer with a version saved meanwhile', () => {
  it('keeps both changes when they touch different steps, and reports no overlap', () => {
    const base = renja();
    const theirs = { ...withStep(base, 'a7', { name: 'Mengirim Renja ke Bappeda' }), version: 2 };
    const mine = withStep(base, 'a3', { waktu: { value: 4, unit: 'hari' } });
    const r = mergeProcess(base, mine, theirs);
    expect(step(r.process, 'a7')?.name).toBe('Mengirim Renja ke Bappeda');
    expect(step(r.process, 'a3')?.waktu).toEqual({ value: 4, unit: 'hari' });
    expect(r.overlaps).toEqual([]);
    expect(r.process.version).toBe(2);
    expect(r.process.flow!.nodes.map((n) => n.id)).toEqual(base.flow!.nodes.map((n) => n.id));
  });

  it('keeps both changes to different fields of the same step', () => {
    const base = renja();
    const theirs = withStep(base, 'a3', { name: 'Menyusun usulan program' });
    const mine = withStep(base, 'a3', { waktu: { value: 4, unit: 'hari' } });
    const r = mergeProcess(base, mine, theirs);
    expect(step(r.process, 'a3')).toMatchObject({
      name: 'Menyusun usulan program',
      waktu: { value: 4, unit: 'hari' },
    });
    expect(r.overlaps).toEqual([]);
  });

  it('takes the clerk’s answer where both changed the same field, and names it', () => {
    const base = renja();
    const theirs = withStep(base, 'a3', { waktu: { value: 2, unit: 'hari' } });
    const mine = withStep(base, 'a3', { waktu: { value: 4, unit: 'hari' } });
    const r = mergeProcess(base, mine, theirs);
    expect(step(r.process, 'a3')?.waktu).toEqual({ value: 4, unit: 'hari' });
    expect(r.overlaps).toEqual([
      { kind: 'node', id: 'a3', name: 'Menyusun usulan program bagian', fields: ['waktu'] },
    ]);
  });

  it('keeps a step the other writer deleted when the clerk just edited it, and says so', () => {
    const base = renja();
    const without = { ...base.flow!, nodes: base.flow!.nodes.filter((n) => n.id !== 'a5') };
    const theirs = { ...base, flow: without };
    const mine = withStep(base, 'a5', { keterangan: 'Rapat pimpinan' });
    const r = mergeProcess(base, mine, theirs);
    expect(step(r.process, 'a5')?.keterangan).toBe('Rapat pimpinan');
    expect(r.overlaps).toMatchObject([{ kind: 'node', id: 'a5', fields: ['deleted'] }]);

    // A step the clerk did not touch goes, as the other writer wanted.
    const untouched = mergeProcess(base, withStep(base, 'a3', { outputs: ['X'] }), theirs);
    expect(step(untouched.process, 'a5')).toBeUndefined();
    expect(untouched.overlaps).toEqual([]);
  });

  it('keeps steps both added under the same local id, the other writer’s under a fresh id', () => {
    const base = renja();
    const added = (name: string): ActivityNode => ({
      kind: 'activity',
      id: 'a12',
      name,
      performer: null,
      coPerformers: [],
      kelengkapan: [],
      waktu: null,
      outputs: [],
      keterangan: null,
    });
    const theirs = { ...base, flow: insertBefore(base.flow!, () => 'e90', added('Theirs'), 'a7') };
    const mine = { ...base, flow: insertBefore(base.flow!, () => 'e90', added('Mine'), 'a2') };
    const r = mergeProcess(base, mine, theirs);
    const names = r.process.flow!.nodes.map((n) => ('name' in n ? n.name : n.kind));
    expect(names).toContain('Mine');
    expect(names).toContain('Theirs');
    expect(step(r.process, 'a12')?.name).toBe('Mine');
    expect(step(r.process, 'a12-2')?.name).toBe('Theirs');
    // The other writer's edges lead to its step under the fresh id.
    const edges = r.process.flow!.edges;
    expect(edges.some((e) => e.from === 'a12-2' && e.to === 'a7')).toBe(true);
    expect(edges.some((e) => e.from === 'a12' && e.to === 'a2')).toBe(true);
    expect(new Set(edges.map((e) => e.id)).size).toBe(edges.length);
  });

  it('without the base version, keeps everything either side has, the clerk’s where they differ', () => {
    const base = renja();
    const theirs = withStep(base, 'a7', { name: 'Mengirim Renja' });
    const mine = withStep(base, 'a3', { outputs: ['Usulan'] });
    const r = mergeProcess(null, mine, theirs);
    expect(step(r.process, 'a3')?.outputs).toEqual(['Usulan']);
    // Unknown base: a7 differs, so the clerk's (unchanged) a7 is taken, and reported.
    expect(step(r.process, 'a7')?.name).toBe('Menyampaikan Renja ke Bappeda');
    expect(r.overlaps.map((o) => o.id).sort()).toEqual(['a3', 'a7']);
  });
});

describe('a handoff confirmation while the flow changes around it', () => {
  const confirmed = (p: Process, key: string, from: string, to: string): Process => ({
    ...p,
    handoffConfirmations: [
      {
        key,
        state: 'confirmed',
        byPersonId: 'budi',
        at: null,
        note: null,
        fromUnitId: from,
        toUnitId: to,
        counterpartProcessId: null,
        counterpartName: null,
        settlement: null,
        settledByPersonId: null,
        settledAt: null,
      },
    ],
  });

  it('follows its handoff to a new edge when a step is inserted before the receiving step', () => {
    // e2 hands over from Perencanaan (a2) to Organisasi (a3).
    const before = confirmed(renja(), 'edge:e2', 'bag-perencanaan', 'bag-organisasi');
    const a2 = step(before, 'a2')!;
    const copy: ActivityNode = { ...a2, id: 'a20', name: 'Memaraf nota dinas' };
    const after = { ...before, flow: insertBefore(before.flow!, () => 'e20', copy, 'a3') };
    // The handoff now runs a20 -> a3 along the new edge e20; e2 runs a2 -> a20 inside one unit.
    expect(reanchorConfirmations(before, after)).toEqual([{ from: 'edge:e2', to: 'edge:e20' }]);
    expect(handoffs(after).find((h) => h.key === 'edge:e2')).toBeUndefined();
  });

  it('stays where it is when the change is elsewhere, and stops counting when the receiver changes', () => {
    const before = confirmed(renja(), 'edge:e2', 'bag-perencanaan', 'bag-organisasi');
    const elsewhere = withStep(before, 'a7', { name: 'Mengirim Renja' });
    expect(reanchorConfirmations(before, elsewhere)).toEqual([]);
    expect(handoffs(elsewhere).find((h) => h.key === 'edge:e2')?.state).toBe('confirmed');

    // a3 is now performed by Setda: Bagian Organisasi's confirmation does not speak for Setda.
    const moved = withStep(before, 'a3', { performer: { unitId: 'setda', position: null } });
    expect(handoffs(moved).find((h) => h.key === 'edge:e2')?.state).toBe('pending');
  });
});
