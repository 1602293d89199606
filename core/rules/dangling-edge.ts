import { quote } from './context.js';
import type { Rule } from './types.js';

export const rule: Rule = {
  id: 'dangling-edge',
  level: 'error',
  description: 'Every arrow starts and ends at a node of the flow.',
  check({ flow, node, nodeLabel }, report) {
    if (!flow) return;
    for (const e of flow.edges) {
      if (node(e.from) && node(e.to)) continue;
      const from = nodeLabel(e.from);
      const to = nodeLabel(e.to);
      report({
        nodeId: e.id,
        message: {
          id: `Panah ${quote(e.id)} dari ${from.id} ke ${to.id} tidak tersambung: simpulnya tidak ada di peta.`,
          en: `Arrow ${quote(e.id)} from ${from.en} to ${to.en} is not connected: its node is not in the map.`,
        },
      });
    }
  },
};
