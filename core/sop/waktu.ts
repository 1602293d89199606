// Waktu totals of a process: how long it takes along its main path and along its longest path,
// from the waktu of the mutu baku of each step. Pure.
//
// Convention (working time, as an SOP counts it): 1 jam = 60 menit; 1 hari = 1 hari kerja =
// 7,5 jam (37,5 jam kerja seminggu); 1 minggu = 5 hari kerja; 1 bulan = 22 hari kerja. A step
// given in "hari" is counted as a working day, like one given in "hari kerja".
import type { Duration, DurationUnit, Flow, FlowNode, Language } from '../model/index.js';
import { isStep } from '../model/index.js';

/** Minutes of one working day: 7,5 jam. */
export const MINUTES_PER_DAY = 450;

const MINUTES: Record<DurationUnit, number> = {
  menit: 1,
  jam: 60,
  hari: MINUTES_PER_DAY,
  hari_kerja: MINUTES_PER_DAY,
  minggu: 5 * MINUTES_PER_DAY,
  bulan: 22 * MINUTES_PER_DAY,
};

/** The working minutes of a waktu: 1 hari = 450, 1 minggu = 2.250, 1 bulan = 9.900. */
export function durationMinutes(d: Duration): number {
  return d.value * MINUTES[d.unit];
}

export interface WaktuTotal {
  /** Working minutes along the path (steps without waktu count nothing). */
  minutes: number;
  /** The steps of the path, in the order they are done. */
  stepIds: string[];
  /** Steps on the path without waktu: the total is at least `minutes`. */
  missing: number;
}

/** Words to which a decision's exit label must be an answer "yes, go on". */
const POSITIVE =
  /^(ya|iya|yes|ok|lengkap|setuju|disetujui|sesuai|benar|sah|valid|memenuhi|memenuhi syarat|layak|lulus|diterima|lanjut|terima|cukup|lolos|tersedia|ada)\b/i;

export function isPositiveLabel(label: string | null): boolean {
  return label !== null && POSITIVE.test(label.trim());
}

interface Graph {
  byId: Map<string, FlowNode>;
  out: Map<string, { to: string; label: string | null }[]>;
  start: string | null;
}

function graphOf(flow: Flow): Graph {
  const byId = new Map(flow.nodes.map((n) => [n.id, n]));
  const out = new Map<string, { to: string; label: string | null }[]>();
  for (const e of flow.edges) {
    if (!byId.has(e.from) || !byId.has(e.to)) continue;
    out.set(e.from, [...(out.get(e.from) ?? []), { to: e.to, label: e.label }]);
  }
  const start =
    flow.nodes.find((n) => n.kind === 'start')?.id ?? flow.nodes.find(isStep)?.id ?? null;
  return { byId, out, start };
}

function minutesOf(n: FlowNode | undefined): number {
  return n && isStep(n) && n.waktu ? durationMinutes(n.waktu) : 0;
}

function totalOf(g: Graph, path: string[]): WaktuTotal {
  const steps = path.map((id) => g.byId.get(id)).filter((n) => n !== undefined && isStep(n));
  return {
    minutes: Math.round(steps.reduce((s, n) => s + minutesOf(n), 0)),
    stepIds: steps.map((n) => n.id),
    missing: steps.filter((n) => isStep(n) && !n.waktu).length,
  };
}

/** Whether a `selesai` end can be reached from `from` without passing through `avoid`. */
function reachesFinish(g: Graph, from: string, avoid: Set<string>): boolean {
  const seen = new Set<string>([from]);
  const queue = [from];
  while (queue.length > 0) {
    const id = queue.shift()!;
    const n = g.byId.get(id);
    if (n?.kind === 'end' && n.outcome === 'selesai') return true;
    for (const e of g.out.get(id) ?? [])
      if (!seen.has(e.to) && !avoid.has(e.to)) {
        seen.add(e.to);
        queue.push(e.to);
      }
  }
  return false;
}

/**
 * The main path: from the start, at each decision the exit that goes forward (not back to a step
 * already on the path), preferring one from which a `selesai` end is still reachable, then a
 * positive label (ya, lengkap, setuju...), then the first given; until an end.
 */
function mainPath(g: Graph): string[] {
  if (!g.start) return [];
  const path = [g.start];
  const on = new Set(path);
  for (;;) {
    const here = path[path.length - 1]!;
    if (g.byId.get(here)?.kind === 'end') break;
    const forward = (g.out.get(here) ?? []).filter((e) => !on.has(e.to));
    if (forward.length === 0) break;
    const rank = (e: { to: string; label: string | null }) =>
      (reachesFinish(g, e.to, on) ? 2 : 0) + (isPositiveLabel(e.label) ? 1 : 0);
    const next = forward.reduce((best, e) => (rank(e) > rank(best) ? e : best));
    path.push(next.to);
    on.add(next.to);
  }
  return path;
}

/**
 * The longest path: from the start to an end (to any step when no end is reachable), the one of
 * most minutes (then of most steps), never following an edge back to a step already on the way:
 * the back edges of a depth-first walk from the start are dropped, and the rest is a DAG.
 */
function longestPath(g: Graph): string[] {
  if (!g.start) return [];
  const forward = new Map<string, string[]>();
  const state = new Map<string, 'open' | 'done'>();
  const order: string[] = [];
  // Iterative DFS (a 1,000-step flow must not blow the stack): post-order gives a reverse topological order.
  const stack: { id: string; i: number }[] = [{ id: g.start, i: 0 }];
  state.set(g.start, 'open');
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const edges = g.out.get(top.id) ?? [];
    if (top.i < edges.length) {
      const to = edges[top.i++]!.to;
      if (state.get(to) === 'open') continue; // back to a step on the way: a loop
      forward.set(top.id, [...(forward.get(top.id) ?? []), to]);
      if (!state.has(to)) {
        state.set(to, 'open');
        stack.push({ id: to, i: 0 });
      }
    } else {
      state.set(top.id, 'done');
      order.push(top.id);
      stack.pop();
    }
  }
  // Best path from each node to an end, computed sinks first.
  type Best = { minutes: number; steps: number; next: string | null; ends: boolean };
  const best = new Map<string, Best>();
  const better = (a: Best, b: Best) =>
    a.ends !== b.ends
      ? a.ends
      : a.minutes !== b.minutes
        ? a.minutes > b.minutes
        : a.steps > b.steps;
  for (const id of order) {
    const n = g.byId.get(id);
    const own = { minutes: minutesOf(n), steps: n && isStep(n) ? 1 : 0 };
    let choice: Best = { ...own, next: null, ends: n?.kind === 'end' };
    for (const to of forward.get(id) ?? []) {
      const b = best.get(to)!;
      const via: Best = {
        minutes: own.minutes + b.minutes,
        steps: own.steps + b.steps,
        next: to,
        ends: b.ends,
      };
      if (better(via, choice)) choice = via;
    }
    best.set(id, choice);
  }
  const path: string[] = [];
  for (let id: string | null = g.start; id !== null; id = best.get(id)?.next ?? null) path.push(id);
  return path;
}

/** The waktu along the main path and along the longest path of a flow. */
export function waktuTotals(flow: Flow): { mainPath: WaktuTotal; longestPath: WaktuTotal } {
  const g = graphOf(flow);
  return { mainPath: totalOf(g, mainPath(g)), longestPath: totalOf(g, longestPath(g)) };
}

/**
 * "2 hari kerja 3 jam 15 menit" / "2 working days 3 hours 15 minutes": working days of 7,5 jam,
 * then hours, then minutes; parts that are zero are left out ("0 menit" for nothing).
 */
export function formatWaktu(minutes: number, lang: Language): string {
  const total = Math.max(0, Math.round(minutes));
  const days = Math.floor(total / MINUTES_PER_DAY);
  const rest = total - days * MINUTES_PER_DAY;
  const hours = Math.floor(rest / 60);
  const mins = rest - hours * 60;
  const en = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const parts =
    lang === 'id'
      ? [days ? `${days} hari kerja` : '', hours ? `${hours} jam` : '', mins ? `${mins} menit` : '']
      : [
          days ? en(days, 'working day', 'working days') : '',
          hours ? en(hours, 'hour', 'hours') : '',
          mins ? en(mins, 'minute', 'minutes') : '',
        ];
  const text = parts.filter(Boolean).join(' ');
  return text || (lang === 'id' ? '0 menit' : '0 minutes');
}
