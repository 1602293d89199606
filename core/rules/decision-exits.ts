import { nameKey } from '../language/text.js';
import { quote } from './context.js';
import type { Rule } from './types.js';

export const rule: Rule = {
  id: 'decision-exits',
  level: 'error',
  description:
    'A decision has at least two branches (cabang), each labelled, no two with the same label.',
  check({ flow, steps, nodeLabel }, report) {
    if (!flow) return;
    for (const { node } of steps) {
      if (node.kind !== 'decision') continue;
      const label = nodeLabel(node.id);
      const exits = flow.edges.filter((e) => e.from === node.id);
      if (exits.length < 2) {
        report({
          nodeId: node.id,
          message:
            exits.length === 0
              ? {
                  id: `Keputusan ${label.id} belum punya cabang: ke mana alur bila jawabannya ya, dan ke mana bila tidak?`,
                  en: `Decision ${label.en} has no branches: where does the flow go on yes, and where on no?`,
                }
              : {
                  id: `Keputusan ${label.id} baru punya 1 cabang${exits[0]!.label?.trim() ? ` (${quote(exits[0]!.label.trim())})` : ''}: ke mana alur pada cabang yang lain (misalnya bila jawabannya tidak)?`,
                  en: `Decision ${label.en} has only 1 branch${exits[0]!.label?.trim() ? ` (${quote(exits[0]!.label.trim())})` : ''}: where does the flow go on the other one (e.g. on no)?`,
                },
        });
      }
      const seen = new Map<string, string>();
      for (const e of exits) {
        const target = nodeLabel(e.to);
        const text = e.label?.trim() ?? '';
        if (!text) {
          report({
            nodeId: node.id,
            message: {
              id: `Cabang keputusan ${label.id} ke ${target.id} belum berlabel: jawaban apa yang menuju ke sana (misalnya "ya" atau "tidak")?`,
              en: `The branch of decision ${label.en} to ${target.en} has no label: which answer leads there (e.g. "ya" or "tidak")?`,
            },
          });
          continue;
        }
        const key = nameKey(text);
        if (seen.has(key)) {
          report({
            nodeId: node.id,
            message: {
              id: `Keputusan ${label.id} punya dua cabang berlabel ${quote(text)}: apa beda keduanya (misalnya "ya" dan "tidak")?`,
              en: `Decision ${label.en} has two branches labelled ${quote(text)}: how do they differ (e.g. "ya" and "tidak")?`,
            },
          });
        } else seen.set(key, e.id);
      }
    }
  },
};
