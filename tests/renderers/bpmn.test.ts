import { createRequire } from 'node:module';
import { BpmnModdle } from 'bpmn-moddle';
import { beforeAll, describe, expect, it } from 'vitest';
import { isStep } from '../../core/model/index.js';
import { crossFunctionalLanes } from '../../renderers/dot/cross-functional.js';
import { toBpmnXml } from '../../renderers/bpmn/export.js';
import { fromBpmn } from '../../renderers/bpmn/import.js';
import { graphvizWasm } from '../../renderers/layout.js';
import { renja } from './fixtures.js';
import { syntheticProcess } from './synthetic.js';

const require = createRequire(import.meta.url);
// bpmnlint is CommonJS; its NodeResolver finds the bundled rules and configs by package name.
const { Linter } = require('bpmnlint') as {
  Linter: new (o: unknown) => {
    lint(root: unknown): Promise<Record<string, { category: string; message: string }[]>>;
  };
};
const NodeResolver = require('bpmnlint/lib/resolver/node-resolver') as new () => unknown;

async function lint(xml: string) {
  const { rootElement } = await new BpmnModdle().fromXML(xml);
  const linter = new Linter({
    config: { extends: 'bpmnlint:recommended' },
    resolver: new NodeResolver(),
  });
  const results = await linter.lint(rootElement);
  const all = Object.entries(results).flatMap(([rule, reports]) =>
    reports.map((r) => ({ rule, ...r })),
  );
  return {
    errors: all.filter((r) => r.category === 'error' || r.category === 'rule-error'),
    warnings: all.filter((r) => r.category === 'warn'),
  };
}

const { process, org } = renja();
let xml = '';
beforeAll(async () => {
  xml = await toBpmnXml(process, org, graphvizWasm());
});

describe('BPMN of the Renja example', () => {
  it('parses with bpmn-moddle without warnings', async () => {
    const { warnings, rootElement } = await new BpmnModdle().fromXML(xml);
    expect(warnings).toEqual([]);
    expect(rootElement.$type).toBe('bpmn:Definitions');
  });

  it('passes bpmnlint recommended with no report: the loop back into step 4 enters through a merge gateway', async () => {
    const { errors, warnings } = await lint(xml);
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it('is a collaboration with one pool, a lane per performer, tasks, a gateway and events', () => {
    expect(xml.match(/<bpmn:participant /g)).toHaveLength(1);
    expect(xml.match(/<bpmn:lane /g)).toHaveLength(crossFunctionalLanes(process, org).lanes.length);
    expect(xml.match(/<bpmn:task /g)).toHaveLength(7);
    // The decision, and the merge in front of step 4, where "tidak" comes back.
    expect(xml.match(/<bpmn:exclusiveGateway /g)).toHaveLength(2);
    expect(xml.match(/<bpmn:exclusiveGateway id="Merge_a4"/g)).toHaveLength(1);
    expect(xml.match(/<bpmn:startEvent /g)).toHaveLength(1);
    expect(xml.match(/<bpmn:endEvent /g)).toHaveLength(1);
    expect(xml).toContain('name="tidak"');
    expect(xml).toContain(
      '<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">ya</bpmn:conditionExpression>',
    );
  });

  it('carries a diagram laid out by Graphviz: every element has a shape or edge, lanes side by side', () => {
    for (const m of xml.matchAll(
      /<bpmn:(?:task|exclusiveGateway|startEvent|endEvent|lane|sequenceFlow) id="([^"]+)"/g,
    )) {
      expect(xml).toContain(`bpmnElement="${m[1]}"`);
    }
    const lanes = [
      ...xml.matchAll(
        /bpmnElement="Lane_[^"]*" isHorizontal="false">\s*<dc:Bounds x="([\d.]+)" y="([\d.]+)" width="([\d.]+)"/g,
      ),
    ].map((m) => [Number(m[1]), Number(m[3])] as const);
    expect(lanes).toHaveLength(6);
    for (let i = 1; i < lanes.length; i++)
      expect(lanes[i]![0]).toBeGreaterThanOrEqual(lanes[i - 1]![0] + lanes[i - 1]![1] - 0.5);
  });

  it('re-imports with the same activities, lanes and flows', async () => {
    const back = await fromBpmn(xml);
    expect(back.warnings).toEqual([]);
    const flow = process.flow!;
    expect(back.flow.nodes.map((n) => [n.kind, n.id, 'name' in n ? n.name : null])).toEqual(
      flow.nodes.map((n) => [n.kind, n.id, 'name' in n ? n.name : null]),
    );
    expect(back.flow.edges).toEqual(flow.edges);
    const { lanes, laneOf } = crossFunctionalLanes(process, org);
    expect(back.lanes.map((l) => l.name)).toEqual(lanes.map((l) => l.title));
    for (const lane of back.lanes)
      for (const id of lane.nodeIds) expect(laneOf.get(id)).toBe(lane.key);
    const unitOf = new Map(flow.nodes.filter(isStep).map((n) => [n.id, n.performer?.unitId]));
    for (const n of back.flow.nodes.filter(isStep))
      expect(n.performer?.unitId).toBe(unitOf.get(n.id));
  });
});

describe('BPMN of other processes', () => {
  it('keeps ids that are not XML names, and odd text, through the round trip', async () => {
    const { process: p, org: o } = syntheticProcess(12, { lanes: 3 });
    const flow = structuredClone(p.flow!);
    flow.nodes[1] = { ...flow.nodes[1]!, id: 'langkah 1 <&"\'>' } as (typeof flow.nodes)[number];
    for (const e of flow.edges) {
      if (e.from === 'a1') e.from = 'langkah 1 <&"\'>';
      if (e.to === 'a1') e.to = 'langkah 1 <&"\'>';
    }
    const odd = { ...p, name: 'Proses <b>"aneh"</b> & 📄', flow };
    const x = await toBpmnXml(odd, o, graphvizWasm());
    expect((await new BpmnModdle().fromXML(x)).warnings).toEqual([]);
    const back = await fromBpmn(x);
    expect(back.flow.nodes.map((n) => n.id)).toEqual(flow.nodes.map((n) => n.id));
    expect(back.flow.edges).toEqual(flow.edges);
    expect((await lint(x)).errors).toEqual([]);
  });
});
