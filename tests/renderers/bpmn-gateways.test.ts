// The gateways BPMN asks for where the model leaves a join or a fork implicit: added on export so
// that bpmnlint's recommended rules report nothing, folded away on import so that the model comes
// back as it was, also when a modeller drew them.
import { describe, expect, it } from 'vitest';
import type { Flow, Process } from '../../core/model/index.js';
import { toBpmnXml } from '../../renderers/bpmn/export.js';
import { fromBpmn } from '../../renderers/bpmn/import.js';
import { graphvizWasm } from '../../renderers/layout.js';
import { lintReports } from './bpmn-lint.js';
import { syntheticProcess } from './synthetic.js';

const engine = graphvizWasm();
// a1 .. a6, decision d3 after a3 ("ya" on to a4, "tidak" back to a2).
const base = syntheticProcess(6, { lanes: 3, decisionEvery: 3 });

function withFlow(edit: (f: Flow) => void): Process {
  const flow = structuredClone(base.process.flow!);
  edit(flow);
  return { ...base.process, flow };
}

async function roundTrip(p: Process) {
  const xml = await toBpmnXml(p, base.org, engine);
  return { xml, back: await fromBpmn(xml), reports: await lintReports(xml) };
}

describe('gateways added on export', () => {
  it('puts one merge gateway in front of a step two paths reach, and reads the step back with both', async () => {
    const { xml, back, reports } = await roundTrip(base.process);
    expect(reports).toEqual([]);
    expect(xml).toContain('<bpmn:exclusiveGateway id="Merge_a2">');
    expect(xml).toMatch(
      /<bpmn:sequenceFlow id="MergeFlow_a2" sourceRef="Merge_a2" targetRef="Node_a2"/,
    );
    const shape = (f: Flow) => f.nodes.map((n) => [n.kind, n.id, 'name' in n ? n.name : n.label]);
    expect(shape(back.flow)).toEqual(shape(base.process.flow!));
    expect(back.flow.edges).toEqual(base.process.flow!.edges);
  });

  it('forks a step with two following steps through a parallel gateway', async () => {
    const p = withFlow((f) =>
      f.edges.push({ id: 'x', from: 'a4', to: 'a6', label: null, document: null }),
    );
    const { xml, back, reports } = await roundTrip(p);
    expect(reports).toEqual([]);
    expect(xml).toContain('<bpmn:parallelGateway id="Split_a4">');
    expect(back.flow.edges).toEqual(p.flow!.edges);
  });

  it('merges in front of a decision that a loop comes back to, so that no gateway joins and forks at once', async () => {
    const p = withFlow((f) => {
      f.edges.find((e) => e.from === 'd3' && e.label === 'tidak')!.label = 'revisi';
      f.edges.push({ id: 'back', from: 'a5', to: 'd3', label: null, document: null });
    });
    const { xml, back, reports } = await roundTrip(p);
    expect(reports).toEqual([]);
    expect(xml).toContain('<bpmn:exclusiveGateway id="Merge_d3">');
    expect(back.flow.edges).toEqual(p.flow!.edges);
  });

  it('makes the one unnamed exit of a decision its default flow', async () => {
    const p = withFlow((f) => {
      f.edges.find((e) => e.from === 'd3' && e.label === 'ya')!.label = null;
    });
    const { xml, back, reports } = await roundTrip(p);
    expect(reports).toEqual([]);
    const ya = p.flow!.edges.find((e) => e.from === 'd3' && e.label === null)!;
    expect(xml).toContain(
      `<bpmn:exclusiveGateway id="Node_d3" name="Dokumen langkah 3 lengkap?" default="Flow_${ya.id}">`,
    );
    expect(back.flow.edges).toEqual(p.flow!.edges);
  });
});

describe('gateways drawn in a modeller', () => {
  it('folds an unnamed joining gateway away, as if the flows went straight to the step', async () => {
    const { xml } = await roundTrip(base.process);
    const edited = xml
      .replaceAll('Merge_a2', 'Gateway_1x9k2ab')
      .replaceAll('MergeFlow_a2', 'Flow_0q1w2e3');
    const back = await fromBpmn(edited);
    expect(back.warnings).toEqual([]);
    expect(back.flow.nodes.map((n) => n.id)).toEqual(base.process.flow!.nodes.map((n) => n.id));
    expect(back.flow.edges).toEqual(base.process.flow!.edges);
  });

  it('keeps a named gateway with one way out as a decision', async () => {
    const { xml } = await roundTrip(base.process);
    const edited = xml
      .replace(
        '<bpmn:exclusiveGateway id="Merge_a2">',
        '<bpmn:exclusiveGateway id="Gateway_cek" name="Cek ulang?">',
      )
      .replaceAll('Merge_a2', 'Gateway_cek');
    const back = await fromBpmn(edited);
    expect(back.flow.nodes.find((n) => n.id === 'Gateway_cek')).toMatchObject({
      kind: 'decision',
      name: 'Cek ulang?',
    });
  });
});
