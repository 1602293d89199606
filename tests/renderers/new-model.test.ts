// The maps and BPMN with what issue 21 added to the model: end outcomes, joint performers,
// unknown jabatan and several outputs per step.
import { createRequire } from 'node:module';
import { BpmnModdle } from 'bpmn-moddle';
import { afterAll, describe, expect, it } from 'vitest';
import { Process } from '../../core/model/index.js';
import { toBpmnXml } from '../../renderers/bpmn/export.js';
import { endFromName, fromBpmn } from '../../renderers/bpmn/import.js';
import {
  buildCrossFunctional,
  crossFunctionalLanes,
} from '../../renderers/dot/cross-functional.js';
import { toRelationDot } from '../../renderers/dot/relation.js';
import { createRenderer } from '../../renderers/index.js';
import { graphvizWasm } from '../../renderers/layout.js';
import { permitProcess } from './outcomes-fixture.js';
import { laneHeadings } from './geometry.js';
import { groups, shapeOf } from './svg.js';

const require = createRequire(import.meta.url);
const { Linter } = require('bpmnlint') as {
  Linter: new (o: unknown) => {
    lint(root: unknown): Promise<Record<string, { category: string; message: string }[]>>;
  };
};
const NodeResolver = require('bpmnlint/lib/resolver/node-resolver') as new () => unknown;

const renderer = createRenderer({ workers: 1 });
afterAll(() => renderer.close());
const { process, org } = permitProcess();

describe('the cross-functional map of a permit with three ends, a joint step and an unknown jabatan', async () => {
  const { svg } = await renderer.crossFunctionalSvg(process, org);
  const nodes = groups(svg, 'node');
  const textOf = (g: { texts: string[] }) => g.texts.join(' ');
  const node = (text: string) => nodes.find((n) => textOf(n) === text)!;

  it('draws each end as its own terminator with its words: the clerk’s, else the outcome', () => {
    const terminators = nodes.filter((n) => shapeOf(n) === 'terminator').map(textOf);
    expect(terminators.sort()).toEqual(['Ditolak', 'Ditunda', 'Izin terbit', 'Mulai']);
  });

  it('tells a rejected end and a deferred end from a finished one by their outline, not only colour', () => {
    const width = (text: string) =>
      Number(/<path[^>]*stroke-width="([\d.]+)"/.exec(node(text).body)?.[1] ?? 1);
    expect(width('Ditolak')).toBeGreaterThanOrEqual(2.5);
    expect(width('Izin terbit')).toBeLessThan(2);
    expect(node('Ditunda').body).toContain('stroke-dasharray');
    expect(node('Izin terbit').body).not.toContain('stroke-dasharray');
  });

  it('puts a joint step in its first performer’s lane, naming the other on a second line', () => {
    const { laneOf, lanes } = crossFunctionalLanes(process, org);
    expect(laneOf.get('a3')).toBe('bid-pel|Kepala Seksi');
    const box = nodes.find((n) => textOf(n).startsWith('4. '))!;
    expect(textOf(box)).toBe('4. Memverifikasi retribusi bersama Bendahara Penerimaan');
    // The co-performer's unit acts in no other step, and still has its lane, with a dashed mark.
    expect(lanes.map((l) => l.unitName)).toContain('Bagian Keuangan');
    const mark = nodes.find((n) => textOf(n) === 'turut serta langkah 4')!;
    expect(mark.body).toContain('stroke-dasharray');
  });

  it('heads the lane of a unit whose jabatan is not known with "(jabatan belum diketahui)"; an outside party needs none', () => {
    const headings = laneHeadings(svg);
    expect(headings).toContainEqual({ band: 'Dinas PUPR', header: '(jabatan belum diketahui)' });
    expect(headings).toContainEqual({ band: 'Pemohon', header: '' });
  });

  it('labels a handoff without a document with every output of the step, one per line', () => {
    const built = buildCrossFunctional(process, org, { page: 'all' });
    expect(built.dot).toContain('label="Formulir\\npermohonan\\nSalinan KTP"');
    const edges = groups(svg, 'edge').map(textOf);
    expect(edges).toContain('Bukti bayar Catatan register retribusi');
    // A document on the edge wins over the outputs.
    expect(edges).toContain('Izin usaha');
  });

  it('measures the co-performer’s lane around its mark, the only thing in it', () => {
    const built = buildCrossFunctional(process, org, { page: 'all' });
    const keu = built.lanes.find((l) => l.key === 'bag-keu')!;
    expect(keu.nodeIds).toEqual([expect.stringMatching(/^j/)]);
  });
});

describe('the relation map of a joint step', () => {
  it('shows the co-performer’s unit', () => {
    expect(toRelationDot(process, org)).toContain('Bagian Keuangan');
  });
});

describe('BPMN of the permit', async () => {
  const xml = await toBpmnXml(process, org, graphvizWasm());

  it('has one named end event per end, and the task of a joint step lists all pelaksana', async () => {
    expect((await new BpmnModdle().fromXML(xml)).warnings).toEqual([]);
    const ends = [...xml.matchAll(/<bpmn:endEvent id="[^"]*" name="([^"]*)"/g)].map((m) => m[1]);
    expect(ends).toEqual(['Izin terbit', 'Ditolak', 'Ditunda']);
    expect(xml).toContain(
      'Pelaksana: Kepala Seksi (Bidang Pelayanan); Bendahara Penerimaan (Bagian Keuangan)',
    );
    expect(xml).toContain('Pelaksana: Dinas PUPR (jabatan belum diketahui)');
    expect(xml).toContain('Output: Bukti bayar; Catatan register retribusi');
  });

  it('passes bpmnlint recommended without errors', async () => {
    const { rootElement } = await new BpmnModdle().fromXML(xml);
    const linter = new Linter({
      config: { extends: 'bpmnlint:recommended' },
      resolver: new NodeResolver(),
    });
    const errors = Object.entries(await linter.lint(rootElement)).flatMap(([rule, reports]) =>
      reports.filter((r) => r.category !== 'warn').map((r) => `${rule}: ${r.message}`),
    );
    expect(errors).toEqual([]);
  });

  it('puts a joint task in its first performer’s lane only', async () => {
    const back = await fromBpmn(xml);
    const holding = back.lanes.filter((l) => l.nodeIds.includes('a3')).map((l) => l.key);
    expect(holding).toEqual(['bid-pel|Kepala Seksi']);
    expect(back.lanes.map((l) => l.key)).toContain('bag-keu');
  });

  it('reads the ends back with their outcomes and words', async () => {
    const back = await fromBpmn(xml);
    const ends = back.flow.nodes.filter((n) => n.kind === 'end');
    expect(ends).toEqual(process.flow!.nodes.filter((n) => n.kind === 'end'));
  });
});

describe('an end event from another modeller', () => {
  it.each([
    ['Ditolak', undefined, { label: null, outcome: 'ditolak' }],
    ['ditunda', undefined, { label: null, outcome: 'ditunda' }],
    ['Berakhir: ditolak', undefined, { label: null, outcome: 'ditolak' }],
    ['Selesai', undefined, { label: null, outcome: 'selesai' }],
    ['Izin terbit', undefined, { label: 'Izin terbit', outcome: 'lain' }],
    ['Izin terbit', 'Hasil: selesai', { label: 'Izin terbit', outcome: 'selesai' }],
    [undefined, undefined, { label: null, outcome: 'selesai' }],
  ] as const)('named %j (documentation %j) is %j', (name, doc, expected) => {
    expect(endFromName(name, doc)).toEqual(expected);
  });

  it('survives a whole flow import with an unnamed end', async () => {
    const plain = Process.parse({
      ...process,
      flow: {
        nodes: process.flow!.nodes.filter((n) => n.kind !== 'end' || n.id === 'end-ok'),
        edges: process.flow!.edges.filter((e) => e.to !== 'end-no' && e.to !== 'end-wait'),
      },
    });
    const xml = await toBpmnXml(plain, org, graphvizWasm());
    const back = await fromBpmn(xml.replace('name="Izin terbit"', ''));
    expect(back.flow.nodes.find((n) => n.id === 'end-ok')).toEqual({
      kind: 'end',
      id: 'end-ok',
      label: null,
      outcome: 'selesai',
    });
  });
});
