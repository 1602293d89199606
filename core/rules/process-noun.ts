import { isNounPhrase, suggestProcessName } from '../language/indonesian.js';
import { quote } from './context.js';
import type { Rule } from './types.js';

export const rule: Rule = {
  id: 'process-noun',
  level: 'warning',
  description: 'A process name is a noun phrase ("Penyusunan Rencana Kerja").',
  check({ process }, report) {
    if (isNounPhrase(process.name)) return;
    const name = quote(process.name);
    const suggestion = suggestProcessName(process.name);
    report({
      nodeId: null,
      message: suggestion
        ? {
            id: `Nama proses ${name} sebaiknya berupa kata benda: bagaimana bila ditulis ${quote(suggestion)}?`,
            en: `Process name ${name} should be a noun phrase: how about ${quote(suggestion)}?`,
          }
        : {
            id: `Nama proses ${name} sebaiknya berupa kata benda: apa nama prosesnya (misalnya "Penyusunan Rencana Kerja")?`,
            en: `Process name ${name} should be a noun phrase: what is the process called (e.g. "Penyusunan Rencana Kerja")?`,
          },
    });
  },
};
