// Warning, not error, for the same reason as input-supplier.
import { unitById } from '../model/index.js';
import { quote } from './context.js';
import type { Rule } from './types.js';

export const rule: Rule = {
  id: 'output-customer',
  level: 'warning',
  description: 'Every SIPOC output names its customer, and a customer unit exists.',
  check({ process, org }, report) {
    for (const item of process.sipoc.outputs) {
      const name = quote(item.name);
      if (!item.party) {
        report({
          nodeId: item.id,
          message: {
            id: `Keluaran ${name} belum punya penerima: untuk siapa keluaran ini?`,
            en: `Output ${name} has no customer: who receives it?`,
          },
        });
      } else if (item.party.unitId && !unitById(org, item.party.unitId)) {
        report({
          nodeId: item.id,
          message: {
            id: `Pelanggan output ${name} (${item.party.name}) merujuk unit ${quote(item.party.unitId)} yang tidak ada di daftar organisasi.`,
            en: `The customer of output ${name} (${item.party.name}) refers to unit ${quote(item.party.unitId)}, which is not in the organisation.`,
          },
        });
      }
    }
  },
};
