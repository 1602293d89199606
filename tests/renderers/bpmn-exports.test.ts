// Every BPMN export (see bpmn-exports.ts) as a modeller sees it: bpmnlint's recommended rules find
// nothing, the model comes back unchanged, and the diagram is tidy: flows stay in the pool and
// their lanes, run round the shapes they do not connect, and labels sit clear of shapes,
// arrowheads and each other.
import { beforeAll, describe, expect, it } from 'vitest';
import { toBpmnXml } from '../../renderers/bpmn/export.js';
import { fromBpmn } from '../../renderers/bpmn/import.js';
import { graphvizWasm } from '../../renderers/layout.js';
import { everyExport } from './bpmn-exports.js';
import {
  arrowhead,
  contains,
  crosses,
  inside,
  overlap,
  readDiagram,
  type Diagram,
} from './bpmn-geometry.js';
import { lintReports } from './bpmn-lint.js';

const cases = everyExport();
const xmls = new Map<string, string>();
const diagrams = new Map<string, Diagram>();

beforeAll(async () => {
  const engine = graphvizWasm();
  for (const c of cases) {
    const xml = await toBpmnXml(c.process, c.org, engine);
    xmls.set(c.name, xml);
    diagrams.set(c.name, await readDiagram(xml));
  }
});

describe.each(cases.map((c) => [c.name, c] as const))('the BPMN export of %s', (name, c) => {
  it('passes bpmnlint recommended with no report at all', async () => {
    expect(await lintReports(xmls.get(name)!)).toEqual([]);
  });

  it('reads back as the same flow: merge gateways fold away, every edge and label returns', async () => {
    const back = await fromBpmn(xmls.get(name)!);
    expect(back.warnings).toEqual([]);
    const flow = c.process.flow!;
    expect(
      back.flow.nodes.map((n) => [n.kind, n.id, 'name' in n ? n.name : endOrStart(n)]),
    ).toEqual(flow.nodes.map((n) => [n.kind, n.id, 'name' in n ? n.name : endOrStart(n)]));
    expect(back.flow.edges).toEqual(flow.edges);
  });

  it('keeps every waypoint inside the pool and inside the lanes taken together', () => {
    const d = diagrams.get(name)!;
    const lanes = [...d.lanes.values()];
    const band = {
      x: Math.min(...lanes.map((l) => l.x)),
      y: Math.min(...lanes.map((l) => l.y)),
      w: Math.max(...lanes.map((l) => l.x + l.w)) - Math.min(...lanes.map((l) => l.x)),
      h: Math.max(...lanes.map((l) => l.y + l.h)) - Math.min(...lanes.map((l) => l.y)),
    };
    const outside = [...d.flows].flatMap(([id, f]) =>
      f.points
        .filter((p) => !inside(p, d.pool) || !inside(p, band))
        .map((p) => `${id} ${p.x},${p.y}`),
    );
    expect(outside).toEqual([]);
    expect(contains(d.pool, band)).toBe(true);
  });

  it('draws every shape inside its own lane', () => {
    const d = diagrams.get(name)!;
    const misplaced = [...d.shapes]
      .filter(([, s]) => !s.lane || !contains(d.lanes.get(s.lane)!, s))
      .map(([id]) => id);
    expect(misplaced).toEqual([]);
  });

  it('routes no flow through a shape other than its own ends', () => {
    const d = diagrams.get(name)!;
    const hits: string[] = [];
    for (const [id, f] of d.flows)
      for (const [sid, s] of d.shapes) {
        if (sid === f.source || sid === f.target) continue;
        if (f.points.slice(1).some((p, i) => crosses(f.points[i]!, p, s)))
          hits.push(`${id} x ${sid}`);
      }
    expect(hits).toEqual([]);
  });

  it('gives start and end events, forking gateways and named exits a label beside them, on no shape, arrowhead or other label', () => {
    const d = diagrams.get(name)!;
    const xml = xmls.get(name)!;
    for (const m of xml.matchAll(
      /<bpmn:(startEvent|endEvent|exclusiveGateway) id="(Node_[^"]+)" name=/g,
    ))
      expect(d.labels.has(m[2]!), m[2]).toBe(true);
    for (const m of xml.matchAll(/<bpmn:sequenceFlow id="([^"]+)" [^>]*name=/g))
      expect(d.labels.has(m[1]!), m[1]).toBe(true);
    const clashes: string[] = [];
    const labels = [...d.labels];
    for (const [id, l] of labels) {
      for (const [sid, s] of d.shapes) if (overlap(l, s)) clashes.push(`${id} on ${sid}`);
      for (const [fid, f] of d.flows)
        if (overlap(l, arrowhead(f.points))) clashes.push(`${id} on arrowhead of ${fid}`);
      for (const [oid, o] of labels)
        if (oid < id && overlap(l, o)) clashes.push(`${id} on label of ${oid}`);
      if (!contains(d.pool, l)) clashes.push(`${id} outside the pool`);
    }
    expect(clashes).toEqual([]);
    // Beside: within 12 px of its element's outline; a flow's, within 8 px of its own line.
    for (const [id, l] of labels) {
      const s = d.shapes.get(id);
      const f = d.flows.get(id);
      const gap = (r: { x: number; y: number; w: number; h: number }) =>
        Math.max(0, r.x - (l.x + l.w), l.x - (r.x + r.w), r.y - (l.y + l.h), l.y - (r.y + r.h));
      if (s) expect(gap(s), id).toBeLessThanOrEqual(12);
      else {
        const segments = f!.points.slice(1).map((p, i) => {
          const a = f!.points[i]!;
          return {
            x: Math.min(a.x, p.x),
            y: Math.min(a.y, p.y),
            w: Math.abs(p.x - a.x),
            h: Math.abs(p.y - a.y),
          };
        });
        expect(Math.min(...segments.map(gap)), id).toBeLessThanOrEqual(8);
      }
    }
  });

  it('shows the marker of every exclusive gateway', () => {
    const d = diagrams.get(name)!;
    const hidden = [...d.markerVisible]
      .filter(([id, shown]) => d.shapes.get(id)!.type === 'bpmn:ExclusiveGateway' && !shown)
      .map(([id]) => id);
    expect(hidden).toEqual([]);
    expect(d.markerVisible.size).toBeGreaterThan(0);
  });
});

function endOrStart(n: { kind: string; label?: string | null; outcome?: string }): unknown {
  return n.kind === 'end' ? [n.label, n.outcome] : n.label;
}
