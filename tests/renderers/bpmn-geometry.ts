// Reads the diagram of a BPMN export back as plain rectangles and polylines, for checks of
// where things are drawn.
import { BpmnModdle, type ModdleElement } from 'bpmn-moddle';

export type Rect = { x: number; y: number; w: number; h: number };
export type Pt = { x: number; y: number };

export interface Diagram {
  pool: Rect;
  lanes: Map<string, Rect>;
  /** Flow nodes (tasks, events, gateways) by id, with their $type. */
  shapes: Map<string, Rect & { type: string; lane: string | null }>;
  flows: Map<string, { source: string; target: string; points: Pt[] }>;
  labels: Map<string, Rect>;
  markerVisible: Map<string, boolean>;
}

type Di = ModdleElement & {
  bounds?: { x: number; y: number; width: number; height: number };
  waypoint?: Pt[];
  label?: { bounds?: { x: number; y: number; width: number; height: number } };
  isMarkerVisible?: boolean;
  bpmnElement: ModdleElement & {
    sourceRef?: ModdleElement;
    targetRef?: ModdleElement;
    flowNodeRef?: ModdleElement[];
  };
};

const rect = (b: { x: number; y: number; width: number; height: number }): Rect => ({
  x: b.x,
  y: b.y,
  w: b.width,
  h: b.height,
});

export async function readDiagram(xml: string): Promise<Diagram> {
  const { rootElement } = await new BpmnModdle().fromXML(xml);
  const plane = (rootElement as unknown as { diagrams: { plane: { planeElement: Di[] } }[] })
    .diagrams[0]!.plane;
  const d: Diagram = {
    pool: { x: 0, y: 0, w: 0, h: 0 },
    lanes: new Map(),
    shapes: new Map(),
    flows: new Map(),
    labels: new Map(),
    markerVisible: new Map(),
  };
  const laneOf = new Map<string, string>();
  for (const el of plane.planeElement) {
    if (el.bpmnElement.$type === 'bpmn:Lane')
      for (const n of el.bpmnElement.flowNodeRef ?? []) laneOf.set(n.id!, el.bpmnElement.id!);
  }
  for (const el of plane.planeElement) {
    const id = el.bpmnElement.id!;
    const type = el.bpmnElement.$type;
    if (el.label?.bounds) d.labels.set(id, rect(el.label.bounds));
    if (type === 'bpmn:Participant') d.pool = rect(el.bounds!);
    else if (type === 'bpmn:Lane') d.lanes.set(id, rect(el.bounds!));
    else if (type === 'bpmn:SequenceFlow')
      d.flows.set(id, {
        source: el.bpmnElement.sourceRef!.id!,
        target: el.bpmnElement.targetRef!.id!,
        points: el.waypoint!.map((p) => ({ x: p.x, y: p.y })),
      });
    else if (el.bounds) {
      d.shapes.set(id, { ...rect(el.bounds), type, lane: laneOf.get(id) ?? null });
      if (type.endsWith('Gateway')) d.markerVisible.set(id, el.isMarkerVisible === true);
    }
  }
  return d;
}

export const inside = (p: Pt, r: Rect) =>
  p.x >= r.x && p.x <= r.x + r.w && p.y >= r.y && p.y <= r.y + r.h;

export const contains = (outer: Rect, r: Rect) =>
  r.x >= outer.x &&
  r.y >= outer.y &&
  r.x + r.w <= outer.x + outer.w &&
  r.y + r.h <= outer.y + outer.h;

/** Strict overlap: rectangles that only touch do not overlap. */
export const overlap = (a: Rect, b: Rect) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** The area an arrowhead covers: the last 11 px of the flow, 5 px either side. */
export function arrowhead(points: Pt[]): Rect {
  const end = points[points.length - 1]!;
  const prev = points[points.length - 2]!;
  const len = Math.hypot(end.x - prev.x, end.y - prev.y);
  const back = {
    x: end.x - ((end.x - prev.x) / len) * 11,
    y: end.y - ((end.y - prev.y) / len) * 11,
  };
  return {
    x: Math.min(end.x, back.x) - 5,
    y: Math.min(end.y, back.y) - 5,
    w: Math.abs(end.x - back.x) + 10,
    h: Math.abs(end.y - back.y) + 10,
  };
}

/** Whether the segment a-b runs through the inside of r (sampled every pixel). */
export function crosses(a: Pt, b: Pt, r: Rect): boolean {
  const n = Math.max(1, Math.ceil(Math.hypot(b.x - a.x, b.y - a.y)));
  for (let i = 0; i <= n; i++) {
    const p = { x: a.x + ((b.x - a.x) * i) / n, y: a.y + ((b.y - a.y) * i) / n };
    if (p.x > r.x + 1 && p.x < r.x + r.w - 1 && p.y > r.y + 1 && p.y < r.y + r.h - 1) return true;
  }
  return false;
}
