import { cap } from './context.js';
import type { Rule } from './types.js';

export const rule: Rule = {
  id: 'step-waktu',
  level: 'warning',
  description: 'Every step has a waktu (mutu baku), e.g. 15 menit or 1 hari.',
  check({ steps, nodeLabel }, report) {
    for (const { node } of steps) {
      if (node.waktu) continue;
      const label = nodeLabel(node.id);
      report({
        nodeId: node.id,
        message: {
          id: `${cap(label.id)} belum punya waktu (misalnya 15 menit atau 1 hari).`,
          en: `${cap(label.en)} has no duration (e.g. 15 menit or 1 hari).`,
        },
      });
    }
  },
};
