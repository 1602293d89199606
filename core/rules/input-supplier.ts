// Warning, not error: a missing supplier leaves the SIPOC incomplete but the map itself correct
// and drawable, like a missing waktu; the errors are kept for flows that are wrong. A coordinator
// who wants it to block submission raises it to 'error' in the preset.
import { unitById } from '../model/index.js';
import { quote } from './context.js';
import type { Rule } from './types.js';

export const rule: Rule = {
  id: 'input-supplier',
  level: 'warning',
  description: 'Every SIPOC input names its supplier, and a supplier unit exists.',
  check({ process, org }, report) {
    for (const item of process.sipoc.inputs) {
      const name = quote(item.name);
      if (!item.party) {
        report({
          nodeId: item.id,
          message: {
            id: `Input ${name} belum punya pemasok: dari siapa input ini diterima?`,
            en: `Input ${name} has no supplier: who provides it?`,
          },
        });
      } else if (item.party.unitId && !unitById(org, item.party.unitId)) {
        report({
          nodeId: item.id,
          message: {
            id: `Pemasok input ${name} (${item.party.name}) merujuk unit ${quote(item.party.unitId)} yang tidak ada di daftar organisasi.`,
            en: `The supplier of input ${name} (${item.party.name}) refers to unit ${quote(item.party.unitId)}, which is not in the organisation.`,
          },
        });
      }
    }
  },
};
