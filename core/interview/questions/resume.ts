// Where to pick up a draft: the first thing it still lacks.
import { isStep } from '../../model/process.js';
import type { Cursor } from '../types.js';
import type { View } from '../view.js';

export function firstMissing(v: View, pid: string): Cursor {
  const d = v.draft(pid);
  if (!d) return { q: 'menu' };
  if (d.code === '00') return { q: 'process.category', pid };
  if (!d.sipoc.inputs.length) return { q: 'process.supplier', pid };
  if (!d.sipoc.outputs.length) return { q: 'process.output', pid };
  const steps = d.flow?.nodes.filter(isStep) ?? [];
  if (!steps.length) {
    const start = d.flow?.nodes.find((n) => n.kind === 'start');
    v.state.work.attach = start ? { from: start.id, label: null, document: null } : undefined;
    return { q: 'activity.name', pid };
  }
  return { q: 'review.confirm', pid };
}
