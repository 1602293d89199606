import type { Rule } from './types.js';

export const rule: Rule = {
  id: 'start-and-end',
  level: 'error',
  description: 'A mapped process has exactly one start and at least one end.',
  check({ flow }, report) {
    if (!flow) return;
    const starts = flow.nodes.filter((n) => n.kind === 'start');
    if (starts.length === 0) {
      report({
        nodeId: null,
        message: { id: 'Peta belum punya titik mulai.', en: 'The map has no start.' },
      });
    }
    for (const extra of starts.slice(1)) {
      report({
        nodeId: extra.id,
        message: {
          id: `Peta punya ${starts.length} titik mulai; seharusnya hanya satu.`,
          en: `The map has ${starts.length} starts; it should have exactly one.`,
        },
      });
    }
    if (!flow.nodes.some((n) => n.kind === 'end')) {
      report({
        nodeId: null,
        message: { id: 'Peta belum punya titik selesai.', en: 'The map has no end.' },
      });
    }
  },
};
