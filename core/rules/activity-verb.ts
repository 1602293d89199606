import { isActiveVerbPhrase, rewriteStep } from '../language/indonesian.js';
import { cap, quote } from './context.js';
import type { Rule } from './types.js';

export const rule: Rule = {
  id: 'activity-verb',
  level: 'warning',
  description: 'An activity name begins with an active verb ("Memeriksa kelengkapan berkas").',
  check({ steps, nodeLabel }, report) {
    for (const { node } of steps) {
      if (node.kind !== 'activity') continue;
      const rewrite = rewriteStep(node.name);
      const performer = rewrite.performerHint;
      // An active name is fine unless it names its performer ("Menandatangani Camat").
      if (isActiveVerbPhrase(node.name) && performer === null) continue;
      const label = nodeLabel(node.id);
      const suggestion = rewrite.changed ? quote(rewrite.name) : null;
      const who = performer
        ? {
            id: ` (${quote(performer)} diisi sebagai pelaksana, bukan di nama kegiatan)`,
            en: ` (${quote(performer)} goes in as the performer, not in the activity name)`,
          }
        : { id: '', en: '' };
      if (isActiveVerbPhrase(node.name) && suggestion) {
        report({
          nodeId: node.id,
          message: {
            id: `${cap(label.id)} menyebut pelaksananya; sebaiknya ${suggestion}${who.id}.`,
            en: `${cap(label.en)} names its performer; better ${suggestion}${who.en}.`,
          },
        });
        continue;
      }
      report({
        nodeId: node.id,
        message: suggestion
          ? {
              id: `Kegiatan ${label.id} sebaiknya diawali kata kerja aktif: bagaimana bila ditulis ${suggestion}${who.id}?`,
              en: `The activity of ${label.en} should begin with an active verb: how about ${suggestion}${who.en}?`,
            }
          : {
              id: `Kegiatan ${label.id} sebaiknya diawali kata kerja aktif: apa yang dikerjakan pada langkah ini (misalnya "Memeriksa kelengkapan berkas")?`,
              en: `The activity of ${label.en} should begin with an active verb: what is done in this step (e.g. "Memeriksa kelengkapan berkas")?`,
            },
      });
    }
  },
};
