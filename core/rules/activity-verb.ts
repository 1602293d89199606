import { isActiveVerbPhrase, suggestActiveVerb } from '../language/indonesian.js';
import { quote } from './context.js';
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
              id: `Kegiatan ${label.id} sebaiknya diawali kata kerja aktif: bagaimana bila ditulis ${quote(suggestion)}?`,
              en: `The activity of ${label.en} should begin with an active verb: how about ${quote(suggestion)}?`,
            }
          : {
              id: `Kegiatan ${label.id} sebaiknya diawali kata kerja aktif: apa yang dikerjakan pada langkah ini (misalnya "Memeriksa kelengkapan berkas")?`,
              en: `The activity of ${label.en} should begin with an active verb: what is done in this step (e.g. "Memeriksa kelengkapan berkas")?`,
            },
      });
    }
  },
};
