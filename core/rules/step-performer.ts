import { unitById } from '../model/index.js';
import { cap, quote } from './context.js';
import type { Rule } from './types.js';

export const rule: Rule = {
  id: 'step-performer',
  level: 'error',
  description: 'Every activity and decision has a performer whose unit is in the organisation.',
  check({ steps, org, nodeLabel }, report) {
    for (const { node } of steps) {
      const label = nodeLabel(node.id);
      if (!node.performer) {
        report({
          nodeId: node.id,
          message: {
            id: `${cap(label.id)} belum punya pelaksana.`,
            en: `${cap(label.en)} has no performer.`,
          },
        });
      } else if (!unitById(org, node.performer.unitId)) {
        const unit = quote(node.performer.unitId);
        report({
          nodeId: node.id,
          message: {
            id: `Pelaksana ${label.id} berada di unit ${unit} yang tidak ada di daftar organisasi.`,
            en: `The performer of ${label.en} belongs to unit ${unit}, which is not in the organisation.`,
          },
        });
      }
    }
  },
};
