import { nameKey } from '../language/text.js';
import { quote } from './context.js';
import type { Rule } from './types.js';

export const rule: Rule = {
  id: 'decision-exits',
  level: 'error',
  description: 'A decision has at least two exits, each labelled, no two with the same label.',
  check({ flow, steps, nodeLabel }, report) {
    if (!flow) return;
    for (const { node } of steps) {
      if (node.kind !== 'decision') continue;
      const label = nodeLabel(node.id);
      const exits = flow.edges.filter((e) => e.from === node.id);
      if (exits.length < 2) {
        report({
          nodeId: node.id,
          message: {
            id: `Keputusan ${label.id} punya ${exits.length} jalan keluar; perlu paling sedikit dua (misalnya ya dan tidak).`,
            en: `Decision ${label.en} has ${exits.length} exit(s); it needs at least two (e.g. yes and no).`,
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
              id: `Jalan keluar dari keputusan ${label.id} ke ${target.id} belum diberi label (misalnya "ya" atau "tidak").`,
              en: `The exit of decision ${label.en} to ${target.en} has no label (e.g. "ya" or "tidak").`,
            },
          });
          continue;
        }
        const key = nameKey(text);
        if (seen.has(key)) {
          report({
            nodeId: node.id,
            message: {
              id: `Keputusan ${label.id} punya dua jalan keluar berlabel ${quote(text)}; label harus berbeda.`,
              en: `Decision ${label.en} has two exits labelled ${quote(text)}; labels must differ.`,
            },
          });
        } else seen.set(key, e.id);
      }
    }
  },
};
