import { cap } from './context.js';
import { reachable } from './graph.js';
import type { Rule } from './types.js';

export const rule: Rule = {
  id: 'unreachable-step',
  level: 'error',
  description: 'Every step can be reached from the start.',
  check({ flow, steps, nodeLabel }, report) {
    if (!flow) return;
    const starts = flow.nodes.filter((n) => n.kind === 'start').map((n) => n.id);
    if (starts.length === 0) return; // start-and-end reports that; every step would be noise
    const seen = reachable(flow, starts, 'forward');
    for (const { node } of steps) {
      if (seen.has(node.id)) continue;
      const label = nodeLabel(node.id);
      report({
        nodeId: node.id,
        message: {
          id: `${cap(label.id)} tidak bisa dicapai dari titik mulai: sesudah langkah mana langkah ini dikerjakan?`,
          en: `${cap(label.en)} cannot be reached from the start: after which step is it done?`,
        },
      });
    }
  },
};
