// Pure edits of where steps lead: the next step of an activity, an exit taken out, ends.
import { describe, expect, it } from 'vitest';
import { endOf, pruneEnds, removeEdge, setNext } from '../../core/model/flow-edit.js';
import type { Flow, StepNode } from '../../core/model/process.js';

function step(id: string, kind: 'activity' | 'decision' = 'activity'): StepNode {
  return {
    kind,
    id,
    name: id,
    performer: null,
    coPerformers: [],
    kelengkapan: [],
    waktu: null,
    outputs: [],
    keterangan: null,
  };
}

/** start → a → b → c → end(selesai); d decides: ok → c, no → end. */
function flow(): Flow {
  return {
    nodes: [
      { kind: 'start', id: 'start', label: null },
      step('a'),
      step('b'),
      step('c'),
      step('d', 'decision'),
      { kind: 'end', id: 'end', label: 'Izin terbit', outcome: 'selesai' },
    ],
    edges: [
      { id: 'e1', from: 'start', to: 'a', label: null, document: null },
      { id: 'e2', from: 'a', to: 'b', label: null, document: 'Nota dinas' },
      { id: 'e3', from: 'b', to: 'c', label: null, document: null },
      { id: 'e4', from: 'c', to: 'end', label: null, document: null },
      { id: 'e5', from: 'd', to: 'c', label: 'ok', document: null },
      { id: 'e6', from: 'd', to: 'end', label: 'no', document: null },
    ],
  };
}

let n = 0;
const newId = (p: string) => `${p}${++n}`;

describe('setNext', () => {
  it('points the first outgoing edge elsewhere, keeping its id, with the document given', () => {
    const f = setNext(flow(), newId, 'a', 'c', null);
    expect(f.edges.filter((e) => e.from === 'a')).toEqual([
      { id: 'e2', from: 'a', to: 'c', label: null, document: null },
    ]);
    expect(setNext(flow(), newId, 'a', 'c', 'Nota dinas').edges[1]!.document).toBe('Nota dinas');
  });

  it('leaves one edge where there were several, and draws one where there was none', () => {
    const one = setNext(flow(), newId, 'd', 'a', null);
    expect(one.edges.filter((e) => e.from === 'd').map((e) => [e.id, e.to])).toEqual([['e5', 'a']]);
    const noExit = { ...flow(), edges: flow().edges.filter((e) => e.from !== 'c') };
    const drawn = setNext(noExit, newId, 'c', 'a', null);
    expect(drawn.edges.filter((e) => e.from === 'c').map((e) => e.to)).toEqual(['a']);
  });
});

describe('ends', () => {
  it('endOf finds the end of an outcome whatever its label, else adds one', () => {
    const found = endOf(flow(), newId, 'selesai');
    expect(found.endId).toBe('end');
    expect(found.flow.nodes).toHaveLength(6);
    const added = endOf(flow(), newId, 'ditolak');
    expect(added.flow.nodes.at(-1)).toMatchObject({ kind: 'end', outcome: 'ditolak', label: null });
    expect(added.endId).toBe(added.flow.nodes.at(-1)!.id);
  });

  it('pruneEnds takes out ends nothing leads to, and keeps the others', () => {
    const added = endOf(flow(), newId, 'ditunda').flow;
    expect(pruneEnds(added).nodes.map((x) => x.id)).toEqual(flow().nodes.map((x) => x.id));
    const cut = removeEdge(removeEdge(flow(), 'e4'), 'e6');
    expect(pruneEnds(cut).nodes.some((x) => x.kind === 'end')).toBe(false);
    expect(cut.edges.map((e) => e.id)).toEqual(['e1', 'e2', 'e3', 'e5']);
  });
});
