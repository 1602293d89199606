// BPMN 2.0 XML of one leaf process: a collaboration with one pool (the organisation), a lane per
// performer (the same lanes as the cross-functional map), tasks, exclusive gateways whose outgoing
// flows carry the exit label as name and condition, start and end events, and BPMNDI laid out on
// the Graphviz grid of the cross-functional map (see layout.ts), with vertical lanes
// (isHorizontal="false"), so that bpmn.io / Camunda Modeler open it laid out.
//
// Where the model leaves a join or a fork implicit, the export adds the gateway BPMN asks for
// (graph.ts); bpmnlint's recommended rules report nothing on our exports, and import.ts reads
// the model back unchanged.
import type { FlowNode, Organisation, Performer, Process } from '../../core/model/index.js';
import { isExternalKind, unitById } from '../../core/model/index.js';
import { buildCrossFunctional, endText, POSITION_UNKNOWN } from '../dot/cross-functional.js';
import { xmlEscape } from '../dot/escape.js';
import type { LayoutEngine } from '../layout.js';
import { bpmnGraph, laneBpmnId, nodeBpmnId, type BpmnElement } from './graph.js';
import { layoutBpmn, type GridNode, type Rect } from './layout.js';

export { flowBpmnId, laneBpmnId, nodeBpmnId } from './graph.js';

interface JsonNode {
  name: string;
  pos?: string;
  width?: string;
  height?: string;
}
interface JsonLayout {
  objects?: JsonNode[];
}

const TAG: Record<FlowNode['kind'], string> = {
  start: 'bpmn:startEvent',
  end: 'bpmn:endEvent',
  activity: 'bpmn:task',
  decision: 'bpmn:exclusiveGateway',
};

/** One end event per end node, named by the clerk's words or the outcome (see import.ts). */
function nodeName(n: FlowNode): string {
  if (n.kind === 'start') return n.label ?? 'Mulai';
  if (n.kind === 'end') return endText(n);
  return n.name;
}

/** "Kasubbag Umum (Bagian Umum)", "Pemohon", "Dinas PUPR (jabatan belum diketahui)". */
function pelaksana(org: Organisation, p: Performer): string {
  const unit = unitById(org, p.unitId);
  const unitName = unit?.name ?? p.unitId;
  if (p.position) return `${p.position} (${unitName})`;
  return unit && !isExternalKind(unit.kind) ? `${unitName} (${POSITION_UNKNOWN})` : unitName;
}

function documentation(n: FlowNode, org: Organisation): string | null {
  // An end named in the clerk's words keeps its outcome here; a plain "Ditolak" says it by name.
  if (n.kind === 'end') return n.label?.trim() ? `Hasil: ${n.outcome}` : null;
  if (n.kind !== 'activity' && n.kind !== 'decision') return null;
  const parts: string[] = [];
  // Every pelaksana of a joint step; the task itself sits in the first one's lane.
  const all = [...(n.performer ? [n.performer] : []), ...n.coPerformers];
  if (all.length) parts.push(`Pelaksana: ${all.map((p) => pelaksana(org, p)).join('; ')}`);
  if (n.kelengkapan.length) parts.push(`Kelengkapan: ${n.kelengkapan.join('; ')}`);
  if (n.waktu) parts.push(`Waktu: ${n.waktu.value} ${n.waktu.unit.replace('_', ' ')}`);
  if (n.outputs.length) parts.push(`Output: ${n.outputs.join('; ')}`);
  if (n.keterangan) parts.push(`Keterangan: ${n.keterangan}`);
  return parts.length ? parts.join('\n') : null;
}

const f = (n: number) => (Math.round(n * 100) / 100).toString();

const bounds = (r: Rect) =>
  `<dc:Bounds x="${f(r.x)}" y="${f(r.y)}" width="${f(r.w)}" height="${f(r.h)}" />`;

function tagOf(el: BpmnElement): string {
  if (el.kind === 'merge') return 'bpmn:exclusiveGateway';
  if (el.kind === 'split') return 'bpmn:parallelGateway';
  return TAG[el.node.kind];
}

/** The grid cells of the model nodes: Graphviz's centre (y upwards) and size, in points. */
function gridOf(json: string, nodeRefs: Map<string, string>): Map<string, GridNode> {
  const g = JSON.parse(json) as JsonLayout;
  const objects = new Map((g.objects ?? []).map((o) => [o.name, o]));
  const grid = new Map<string, GridNode>();
  for (const [modelId, dotId] of nodeRefs) {
    const o = objects.get(dotId);
    if (!o?.pos) continue;
    const [x, y] = o.pos.split(',').map(Number) as [number, number];
    grid.set(nodeBpmnId(modelId), {
      x,
      y,
      w: Number(o.width ?? 0) * 72,
      h: Number(o.height ?? 0) * 72,
    });
  }
  return grid;
}

/**
 * BPMN 2.0 XML for a leaf process. Asynchronous because the grid comes from a Graphviz layout of
 * the cross-functional map (`engine.layout(dot, 'json')`).
 */
export async function toBpmnXml(
  process: Process,
  org: Organisation,
  engine: LayoutEngine,
): Promise<string> {
  const flow = process.flow ?? { nodes: [], edges: [] };
  const built = buildCrossFunctional(process, org, { page: 'all' });
  const json = await engine.layout(built.dot, 'json');
  const graph = bpmnGraph(flow);

  // Lanes as the cross-functional map has them; a node in none goes to the first.
  const laneOf = new Map<string, string>();
  for (const [modelId, dotId] of built.nodeRefs) {
    const lane = built.lanes.find((l) => l.nodeIds.includes(dotId)) ?? built.lanes[0];
    if (lane) laneOf.set(nodeBpmnId(modelId), lane.key);
  }
  const laneOfElement = (el: BpmnElement) => laneOf.get(graph.ownerOf.get(el.id) ?? el.id);

  // Exits of a decision with conditions: an unnamed one beside named ones is its default flow.
  const defaultOf = new Map<string, string>();
  for (const el of graph.elements) {
    if (el.kind !== 'node' || el.node.kind !== 'decision') continue;
    const exits = graph.flows.filter((fl) => fl.source === el.id);
    const unnamed = exits.filter((fl) => !fl.edge?.label);
    if (unnamed.length === 1 && exits.length > 1) defaultOf.set(el.id, unnamed[0]!.id);
  }
  const elementById = new Map(graph.elements.map((e) => [e.id, e]));
  const flowById = new Map(graph.flows.map((fl) => [fl.id, fl]));
  const isDecisionExit = (sourceId: string) => {
    const el = elementById.get(sourceId);
    return el?.kind === 'node' && el.node.kind === 'decision';
  };

  const layout = layoutBpmn({
    graph,
    lanes: built.lanes.map((l) => ({ key: l.key, title: l.title })),
    laneOf,
    grid: gridOf(json, built.nodeRefs),
    labelOf: (id) => {
      const el = elementById.get(id);
      if (el) return el.kind === 'node' && el.node.kind !== 'activity' ? nodeName(el.node) : null;
      return flowById.get(id)?.edge?.label?.trim() || null;
    },
  });

  const x: string[] = [];
  const processId = 'Process_1';
  x.push('<?xml version="1.0" encoding="UTF-8"?>');
  x.push(
    '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" ' +
      'xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" ' +
      'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Definitions_1" targetNamespace="https://probis.id/bpmn" ' +
      'exporter="Probis" exporterVersion="1">',
  );
  x.push('  <bpmn:collaboration id="Collaboration_1">');
  x.push(
    `    <bpmn:participant id="Participant_1" name="${xmlEscape(org.name)}" processRef="${processId}" />`,
  );
  x.push('  </bpmn:collaboration>');
  x.push(
    `  <bpmn:process id="${processId}" name="${xmlEscape(`${process.code} ${process.name}`)}" isExecutable="false">`,
  );
  x.push('    <bpmn:laneSet id="LaneSet_1">');
  for (const lane of built.lanes) {
    x.push(`      <bpmn:lane id="${laneBpmnId(lane.key)}" name="${xmlEscape(lane.title)}">`);
    for (const el of graph.elements)
      if (laneOfElement(el) === lane.key)
        x.push(`        <bpmn:flowNodeRef>${el.id}</bpmn:flowNodeRef>`);
    x.push('      </bpmn:lane>');
  }
  x.push('    </bpmn:laneSet>');
  for (const el of graph.elements) {
    const tag = tagOf(el);
    const name = el.kind === 'node' ? ` name="${xmlEscape(nodeName(el.node))}"` : '';
    const dflt = defaultOf.has(el.id) ? ` default="${defaultOf.get(el.id)}"` : '';
    x.push(`    <${tag} id="${el.id}"${name}${dflt}>`);
    const doc = el.kind === 'node' ? documentation(el.node, org) : null;
    if (doc)
      x.push(
        `      <bpmn:documentation>${xmlEscape(doc.replace(/\n/g, ' | '))}</bpmn:documentation>`,
      );
    for (const fl of graph.flows)
      if (fl.target === el.id) x.push(`      <bpmn:incoming>${fl.id}</bpmn:incoming>`);
    for (const fl of graph.flows)
      if (fl.source === el.id) x.push(`      <bpmn:outgoing>${fl.id}</bpmn:outgoing>`);
    x.push(`    </${tag}>`);
  }
  for (const fl of graph.flows) {
    const e = fl.edge;
    const label = e?.label ?? null;
    const attrs = `id="${fl.id}" sourceRef="${fl.source}" targetRef="${fl.target}"${label ? ` name="${xmlEscape(label)}"` : ''}`;
    const body: string[] = [];
    if (e?.document)
      body.push(`      <bpmn:documentation>${xmlEscape(e.document)}</bpmn:documentation>`);
    if (label && isDecisionExit(fl.source))
      body.push(
        `      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${xmlEscape(label)}</bpmn:conditionExpression>`,
      );
    if (body.length)
      x.push(`    <bpmn:sequenceFlow ${attrs}>`, ...body, '    </bpmn:sequenceFlow>');
    else x.push(`    <bpmn:sequenceFlow ${attrs} />`);
  }
  x.push('  </bpmn:process>');

  // Diagram interchange.
  x.push('  <bpmndi:BPMNDiagram id="BPMNDiagram_1">');
  x.push('    <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="Collaboration_1">');
  x.push(
    '      <bpmndi:BPMNShape id="Participant_1_di" bpmnElement="Participant_1" isHorizontal="false">',
    `        ${bounds(layout.pool)}`,
    '      </bpmndi:BPMNShape>',
  );
  for (const lane of layout.lanes) {
    const id = laneBpmnId(lane.key);
    x.push(
      `      <bpmndi:BPMNShape id="${id}_di" bpmnElement="${id}" isHorizontal="false">`,
      `        ${bounds(lane.rect)}`,
      '      </bpmndi:BPMNShape>',
    );
  }
  for (const el of graph.elements) {
    const r = layout.shapes.get(el.id);
    if (!r) continue;
    const marker = tagOf(el) === 'bpmn:exclusiveGateway' ? ' isMarkerVisible="true"' : '';
    x.push(`      <bpmndi:BPMNShape id="${el.id}_di" bpmnElement="${el.id}"${marker}>`);
    x.push(`        ${bounds(r)}`);
    const label = layout.labels.get(el.id);
    if (label) x.push(`        <bpmndi:BPMNLabel>${bounds(label)}</bpmndi:BPMNLabel>`);
    x.push('      </bpmndi:BPMNShape>');
  }
  for (const fl of graph.flows) {
    const pts = layout.waypoints.get(fl.id);
    if (!pts) continue;
    x.push(`      <bpmndi:BPMNEdge id="${fl.id}_di" bpmnElement="${fl.id}">`);
    for (const p of pts) x.push(`        <di:waypoint x="${f(p.x)}" y="${f(p.y)}" />`);
    const label = layout.labels.get(fl.id);
    if (label) x.push(`        <bpmndi:BPMNLabel>${bounds(label)}</bpmndi:BPMNLabel>`);
    x.push('      </bpmndi:BPMNEdge>');
  }
  x.push('    </bpmndi:BPMNPlane>');
  x.push('  </bpmndi:BPMNDiagram>');
  x.push('</bpmn:definitions>');
  return x.join('\n') + '\n';
}
