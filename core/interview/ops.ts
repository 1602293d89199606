// Small mutations of the engine's working copy, shared by the questions.
import type { Process } from '../model/process.js';
import { emptyFlow } from '../model/flow-edit.js';
import type { Cursor } from './types.js';
import type { View } from './view.js';

/** A new id local to this interview ("a12", "e13"): unique within every process it builds. */
export function localId(v: View, prefix: string): string {
  v.state.seq += 1;
  return `${prefix}${v.state.seq}`;
}

export function ask(v: View, cursor: Cursor): void {
  v.state.cursor = cursor;
}

/** Replaces the current draft (or the one with `pid`) by what `fn` makes of it. */
export function editDraft(v: View, fn: (p: Process) => Process, pid = v.cursor.pid): Process {
  const i = v.state.drafts.findIndex((d) => d.id === pid);
  if (i < 0) throw new Error(`no draft ${pid}`);
  const next = fn(v.state.drafts[i]!);
  v.state.drafts[i] = next;
  return next;
}

export function ensureFlow(v: View, pid = v.cursor.pid): Process {
  return editDraft(v, (p) => (p.flow ? p : { ...p, flow: emptyFlow((x) => localId(v, x)) }), pid);
}

/** Next free code below `parentCode` (or at the top level) among stored processes and drafts. */
export function nextCode(v: View, parentCode: string | null): string {
  const codes = [...v.ctx.processes.map((p) => p.code), ...v.state.drafts.map((p) => p.code)];
  const prefix = parentCode ? `${parentCode}.` : '';
  let max = 0;
  for (const c of codes) {
    if (!c.startsWith(prefix)) continue;
    const rest = c.slice(prefix.length);
    if (/^\d+$/.test(rest)) max = Math.max(max, Number(rest));
  }
  return `${prefix}${String(max + 1).padStart(2, '0')}`;
}
