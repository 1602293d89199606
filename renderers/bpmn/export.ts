// BPMN 2.0 XML of one leaf process: a collaboration with one pool (the organisation), a lane per
// performer (the same lanes as the cross-functional map), tasks, exclusive gateways whose outgoing
// flows carry the exit label as name and condition, start and end events, and BPMNDI laid out by
// Graphviz (the same grid as the cross-functional map, so bpmn.io / Camunda Modeler open it laid
// out, with vertical lanes: isHorizontal="false").
import type { FlowNode, Organisation, Performer, Process } from '../../core/model/index.js';
import { isExternalKind, unitById } from '../../core/model/index.js';
import { buildCrossFunctional, endText, POSITION_UNKNOWN } from '../dot/cross-functional.js';
import { xmlEscape } from '../dot/escape.js';
import type { LayoutEngine } from '../layout.js';
import { laneBoxes } from '../swimlanes.js';
import { encodeId } from './ids.js';

interface JsonNode {
  _gvid: number;
  name: string;
  pos?: string;
  width?: string;
  height?: string;
}
interface JsonEdge {
  tail: number;
  head: number;
  id?: string;
  pos?: string;
}
interface JsonLayout {
  bb: string;
  objects?: JsonNode[];
  edges?: JsonEdge[];
}

type Pt = { x: number; y: number };
type Rect = { x: number; y: number; w: number; h: number };

const TAG: Record<FlowNode['kind'], string> = {
  start: 'bpmn:startEvent',
  end: 'bpmn:endEvent',
  activity: 'bpmn:task',
  decision: 'bpmn:exclusiveGateway',
};

export const nodeBpmnId = (id: string) => encodeId('Node', id);
export const flowBpmnId = (id: string) => encodeId('Flow', id);
export const laneBpmnId = (key: string) => encodeId('Lane', key);

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

/** The point where the segment from the rectangle's centre towards `p` leaves the rectangle. */
function clip(r: Rect, p: Pt): Pt {
  const c = { x: r.x + r.w / 2, y: r.y + r.h / 2 };
  const dx = p.x - c.x;
  const dy = p.y - c.y;
  if (dx === 0 && dy === 0) return c;
  const t = Math.min(
    dx === 0 ? Infinity : r.w / 2 / Math.abs(dx),
    dy === 0 ? Infinity : r.h / 2 / Math.abs(dy),
  );
  return { x: c.x + dx * t, y: c.y + dy * t };
}

const f = (n: number) => (Math.round(n * 100) / 100).toString();

/**
 * BPMN 2.0 XML for a leaf process. Asynchronous because the diagram coordinates come from a
 * Graphviz layout (`engine.layout(dot, 'json')`).
 */
export async function toBpmnXml(
  process: Process,
  org: Organisation,
  engine: LayoutEngine,
): Promise<string> {
  const flow = process.flow ?? { nodes: [], edges: [] };
  const built = buildCrossFunctional(process, org, { page: 'all' });
  const json = await engine.layout(built.dot, 'json');
  const g = JSON.parse(json) as JsonLayout;
  const [, , , bbH] = g.bb.split(',').map(Number) as [number, number, number, number];
  const boxes = laneBoxes(json, built.lanes);
  // Graphviz has y upwards; BPMNDI has y downwards. 1 pt = 1 px; a margin keeps everything positive.
  const top = Math.max(bbH, ...boxes.map((b) => b.yTop)) + 40;
  const left = Math.min(0, ...boxes.map((b) => b.x0)) - 20;
  const X = (x: number) => x - left;
  const Y = (y: number) => top - y;

  const objects = new Map((g.objects ?? []).map((o) => [o.name, o]));
  const byGvid = new Map((g.objects ?? []).map((o) => [o._gvid, o]));
  const shapes = new Map<string, Rect>();
  for (const n of flow.nodes) {
    const o = objects.get(built.nodeRefs.get(n.id) ?? '');
    if (!o?.pos) continue;
    const [x, y] = o.pos.split(',').map(Number) as [number, number];
    let w = Number(o.width) * 72;
    let h = Number(o.height) * 72;
    if (n.kind === 'start' || n.kind === 'end') [w, h] = [36, 36];
    if (n.kind === 'decision') [w, h] = [50, 50];
    shapes.set(n.id, { x: X(x) - w / 2, y: Y(y) - h / 2, w, h });
  }

  const laneOfNode = new Map<string, string>();
  for (const lane of built.lanes) {
    for (const [modelId, dotId] of built.nodeRefs)
      if (lane.nodeIds.includes(dotId)) laneOfNode.set(modelId, lane.key);
  }

  const incoming = (id: string) => flow.edges.filter((e) => e.to === id);
  const outgoing = (id: string) => flow.edges.filter((e) => e.from === id);
  const nodeIds = new Set(flow.nodes.map((n) => n.id));
  const edges = flow.edges.filter((e) => nodeIds.has(e.from) && nodeIds.has(e.to));

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
    for (const n of flow.nodes)
      if (laneOfNode.get(n.id) === lane.key)
        x.push(`        <bpmn:flowNodeRef>${nodeBpmnId(n.id)}</bpmn:flowNodeRef>`);
    x.push('      </bpmn:lane>');
  }
  x.push('    </bpmn:laneSet>');
  for (const n of flow.nodes) {
    x.push(`    <${TAG[n.kind]} id="${nodeBpmnId(n.id)}" name="${xmlEscape(nodeName(n))}">`);
    const doc = documentation(n, org);
    if (doc)
      x.push(
        `      <bpmn:documentation>${xmlEscape(doc.replace(/\n/g, ' | '))}</bpmn:documentation>`,
      );
    for (const e of incoming(n.id))
      if (nodeIds.has(e.from)) x.push(`      <bpmn:incoming>${flowBpmnId(e.id)}</bpmn:incoming>`);
    for (const e of outgoing(n.id))
      if (nodeIds.has(e.to)) x.push(`      <bpmn:outgoing>${flowBpmnId(e.id)}</bpmn:outgoing>`);
    x.push(`    </${TAG[n.kind]}>`);
  }
  for (const e of edges) {
    const fromDecision = flow.nodes.find((n) => n.id === e.from)?.kind === 'decision';
    // Only a decision exit is named (bpmnlint: superfluous-label); what is handed over along the
    // flow goes into its documentation.
    const name = e.label;
    const attrs = `id="${flowBpmnId(e.id)}" sourceRef="${nodeBpmnId(e.from)}" targetRef="${nodeBpmnId(e.to)}"${name ? ` name="${xmlEscape(name)}"` : ''}`;
    const body: string[] = [];
    if (e.document)
      body.push(`      <bpmn:documentation>${xmlEscape(e.document)}</bpmn:documentation>`);
    if (fromDecision && e.label)
      body.push(
        `      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${xmlEscape(e.label)}</bpmn:conditionExpression>`,
      );
    if (body.length)
      x.push(`    <bpmn:sequenceFlow ${attrs}>`, ...body, '    </bpmn:sequenceFlow>');
    else x.push(`    <bpmn:sequenceFlow ${attrs} />`);
  }
  x.push('  </bpmn:process>');

  // Diagram interchange.
  x.push('  <bpmndi:BPMNDiagram id="BPMNDiagram_1">');
  x.push('    <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="Collaboration_1">');
  const laneRects = boxes.map((b) => ({
    key: b.key,
    x: X(b.x0),
    y: Y(b.yTop),
    w: b.x1 - b.x0,
    h: b.yTop - b.yBottom,
  }));
  if (laneRects.length) {
    const px0 = Math.min(...laneRects.map((r) => r.x));
    const px1 = Math.max(...laneRects.map((r) => r.x + r.w));
    const py0 = Math.min(...laneRects.map((r) => r.y)) - 30;
    const py1 = Math.max(...laneRects.map((r) => r.y + r.h));
    x.push(
      `      <bpmndi:BPMNShape id="Participant_1_di" bpmnElement="Participant_1" isHorizontal="false">`,
    );
    x.push(
      `        <dc:Bounds x="${f(px0)}" y="${f(py0)}" width="${f(px1 - px0)}" height="${f(py1 - py0)}" />`,
    );
    x.push('      </bpmndi:BPMNShape>');
  }
  for (const r of laneRects) {
    x.push(
      `      <bpmndi:BPMNShape id="${laneBpmnId(r.key)}_di" bpmnElement="${laneBpmnId(r.key)}" isHorizontal="false">`,
    );
    x.push(
      `        <dc:Bounds x="${f(r.x)}" y="${f(r.y)}" width="${f(r.w)}" height="${f(r.h)}" />`,
    );
    x.push('      </bpmndi:BPMNShape>');
  }
  for (const n of flow.nodes) {
    const r = shapes.get(n.id);
    if (!r) continue;
    x.push(
      `      <bpmndi:BPMNShape id="${nodeBpmnId(n.id)}_di" bpmnElement="${nodeBpmnId(n.id)}">`,
    );
    x.push(
      `        <dc:Bounds x="${f(r.x)}" y="${f(r.y)}" width="${f(r.w)}" height="${f(r.h)}" />`,
    );
    x.push('      </bpmndi:BPMNShape>');
  }
  const jsonEdges = new Map((g.edges ?? []).filter((e) => e.id).map((e) => [e.id!, e]));
  for (const e of edges) {
    const a = shapes.get(e.from);
    const b = shapes.get(e.to);
    if (!a || !b) continue;
    const ref = built.edgeRefs.get(e.id);
    const je = ref ? jsonEdges.get(ref.dotId) : undefined;
    let pts: Pt[] = [];
    if (je?.pos && byGvid.has(je.tail)) {
      const spline: Pt[] = [];
      let startTip: Pt | null = null;
      let endTip: Pt | null = null;
      for (const tok of je.pos.split(' ')) {
        const parts = tok.split(',');
        if (parts[0] === 'e') endTip = { x: X(Number(parts[1])), y: Y(Number(parts[2])) };
        else if (parts[0] === 's') startTip = { x: X(Number(parts[1])), y: Y(Number(parts[2])) };
        else spline.push({ x: X(Number(parts[0])), y: Y(Number(parts[1])) });
      }
      const poly = spline.filter((_, i) => i % 3 === 0);
      pts = [...(startTip ? [startTip] : []), ...poly, ...(endTip ? [endTip] : [])];
      if (ref?.reversed) pts.reverse();
    }
    const ca = { x: a.x + a.w / 2, y: a.y + a.h / 2 };
    const cb = { x: b.x + b.w / 2, y: b.y + b.h / 2 };
    if (pts.length < 2) pts = [ca, cb];
    // Events and gateways are drawn smaller than Graphviz's boxes: end the line on their outline.
    pts[0] = clip(a, pts[1] ?? cb);
    pts[pts.length - 1] = clip(b, pts[pts.length - 2] ?? ca);
    x.push(`      <bpmndi:BPMNEdge id="${flowBpmnId(e.id)}_di" bpmnElement="${flowBpmnId(e.id)}">`);
    for (const p of pts) x.push(`        <di:waypoint x="${f(p.x)}" y="${f(p.y)}" />`);
    x.push('      </bpmndi:BPMNEdge>');
  }
  x.push('    </bpmndi:BPMNPlane>');
  x.push('  </bpmndi:BPMNDiagram>');
  x.push('</bpmn:definitions>');
  return x.join('\n') + '\n';
}
