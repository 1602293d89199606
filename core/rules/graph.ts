// Reachability over the edges whose two ends exist (dangling edges are a rule of their own).
import type { Flow } from '../model/index.js';

export function reachable(
  flow: Flow,
  from: string[],
  direction: 'forward' | 'backward',
): Set<string> {
  const ids = new Set(flow.nodes.map((n) => n.id));
  const next = new Map<string, string[]>();
  for (const e of flow.edges) {
    if (!ids.has(e.from) || !ids.has(e.to)) continue;
    const [a, b] = direction === 'forward' ? [e.from, e.to] : [e.to, e.from];
    const list = next.get(a);
    if (list) list.push(b);
    else next.set(a, [b]);
  }
  const seen = new Set<string>(from);
  const queue = [...from];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    for (const n of next.get(id) ?? []) {
      if (!seen.has(n)) {
        seen.add(n);
        queue.push(n);
      }
    }
  }
  return seen;
}
