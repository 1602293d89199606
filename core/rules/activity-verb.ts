import { isActiveVerbPhrase, suggestActiveVerb } from '../language/indonesian.js';
import { cap, quote } from './context.js';
import type { Rule } from './types.js';

export const rule: Rule = {
  id: 'activity-verb',
  level: 'warning',
  description: 'An activity name begins with an active verb ("Memeriksa kelengkapan berkas").',
  check({ steps, nodeLabel }, report) {
    for (const { node } of steps) {
      if (node.kind !== 'activity' || isActiveVerbPhrase(node.name)) continue;
      const label = nodeLabel(node.id);
      const suggestion = suggestActiveVerb(node.name);
      report({
        nodeId: node.id,
        message: suggestion
          ? {
              id: `${cap(label.id)} sebaiknya diawali kata kerja aktif, misalnya ${quote(suggestion)}.`,
              en: `${cap(label.en)} should begin with an active verb, e.g. ${quote(suggestion)}.`,
            }
          : {
              id: `${cap(label.id)} sebaiknya diawali kata kerja aktif, misalnya "Memeriksa kelengkapan berkas".`,
              en: `${cap(label.en)} should begin with an active verb, like "Memeriksa kelengkapan berkas".`,
            },
      });
    }
  },
};
