import { cap } from './context.js';
import type { Rule } from './types.js';

export const rule: Rule = {
  id: 'step-output',
  level: 'warning',
  description: 'Every activity has an output (mutu baku). Decisions are not asked for one.',
  check({ steps, nodeLabel }, report) {
    for (const { no, node } of steps) {
      if (node.kind !== 'activity' || node.outputs.some((o) => o.trim())) continue;
      const label = nodeLabel(node.id);
      report({
        nodeId: node.id,
        message: {
          id: `${cap(label.id)} belum punya output: apa yang dihasilkan langkah ini?`,
          en: `${cap(label.en)} has no output: what does this step produce?`,
        },
        together: {
          stepNo: no,
          message: {
            id: 'Langkah {n} belum punya output: apa yang dihasilkan masing-masing?',
            en: 'Steps {n} have no output: what does each produce?',
          },
        },
      });
    }
  },
};
