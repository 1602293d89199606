import { nameKey } from '../language/text.js';
import { cap } from './context.js';
import type { Rule } from './types.js';

export const rule: Rule = {
  id: 'duplicate-step-name',
  level: 'error',
  description: 'No two steps of a process share a name (ignoring case and spacing).',
  check({ steps, nodeLabel }, report) {
    const first = new Map<string, string>();
    for (const { node } of steps) {
      const key = nameKey(node.name);
      const earlier = first.get(key);
      if (earlier === undefined) {
        first.set(key, node.id);
        continue;
      }
      const label = nodeLabel(node.id);
      const other = nodeLabel(earlier);
      report({
        nodeId: node.id,
        message: {
          id: `${cap(label.id)} bernama sama dengan ${other.id}: apa beda kegiatan keduanya? Bedakan namanya agar SOP tidak membingungkan.`,
          en: `${cap(label.en)} has the same name as ${other.en}: how do the two activities differ? Tell them apart so the SOP is unambiguous.`,
        },
      });
    }
  },
};
