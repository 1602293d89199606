// An error: a step nobody performs cannot be drawn in a lane nor written in a pelaksana column.
// A performer whose unit is known but whose jabatan is not is a warning of its own
// (performer-position): that unit can settle it later.
import { unitById } from '../model/index.js';
import { quote } from './context.js';
import type { Rule } from './types.js';

export const rule: Rule = {
  id: 'step-performer',
  level: 'error',
  description: 'Every activity and decision has a performer whose unit is in the organisation.',
  check({ steps, org, nodeLabel }, report) {
    for (const { no, node } of steps) {
      const label = nodeLabel(node.id);
      if (!node.performer) {
        report({
          nodeId: node.id,
          message: {
            id: `Pelaksana ${label.id} belum diketahui: siapa yang mengerjakannya (jabatan dan unitnya, misalnya Kasubbag Umum)?`,
            en: `The performer of ${label.en} is not known: who does it (position and unit, e.g. Kasubbag Umum)?`,
          },
          together: {
            stepNo: no,
            message: {
              id: 'Pelaksana langkah {n} belum diketahui: siapa yang mengerjakan masing-masing (jabatan dan unitnya, misalnya Kasubbag Umum)?',
              en: 'The performers of steps {n} are not known: who does each (position and unit, e.g. Kasubbag Umum)?',
            },
          },
        });
        continue;
      }
      for (const p of [node.performer, ...node.coPerformers]) {
        if (unitById(org, p.unitId)) continue;
        const unit = quote(p.unitId);
        report({
          nodeId: node.id,
          message: {
            id: `Pelaksana ${label.id} berada di unit ${unit} yang tidak ada di daftar organisasi: unit mana yang dimaksud?`,
            en: `The performer of ${label.en} belongs to unit ${unit}, which is not in the organisation: which unit is meant?`,
          },
        });
      }
    }
  },
};
