import { cap } from './context.js';
import type { Rule } from './types.js';

export const rule: Rule = {
  id: 'step-waktu',
  level: 'warning',
  description:
    'Every activity has a waktu (mutu baku), e.g. 15 menit or 1 hari. Decisions are not asked one.',
  check({ steps, nodeLabel }, report) {
    for (const { no, node } of steps) {
      if (node.kind !== 'activity' || node.waktu) continue;
      const label = nodeLabel(node.id);
      report({
        nodeId: node.id,
        message: {
          id: `${cap(label.id)} belum punya waktu: berapa lama? (misalnya 15 menit atau 1 hari)`,
          en: `${cap(label.en)} has no duration: how long does it take? (e.g. 15 menit or 1 hari)`,
        },
        together: {
          stepNo: no,
          message: {
            id: 'Langkah {n} belum punya waktu: berapa lama masing-masing? (misalnya 15 menit atau 1 hari)',
            en: 'Steps {n} have no duration: how long does each take? (e.g. 15 menit or 1 hari)',
          },
        },
      });
    }
  },
};
