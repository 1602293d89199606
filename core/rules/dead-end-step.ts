import { reachable } from './graph.js';
import type { Rule } from './types.js';

export const rule: Rule = {
  id: 'dead-end-step',
  level: 'error',
  description: 'From every step the flow can go on to an end.',
  check({ flow, steps, nodeLabel }, report) {
    if (!flow) return;
    const ends = flow.nodes.filter((n) => n.kind === 'end').map((n) => n.id);
    if (ends.length === 0) return; // start-and-end reports that
    const canFinish = reachable(flow, ends, 'backward');
    const hasExit = new Set(flow.edges.map((e) => e.from));
    for (const { node } of steps) {
      if (canFinish.has(node.id)) continue;
      const label = nodeLabel(node.id);
      const stuck = !hasExit.has(node.id);
      report({
        nodeId: node.id,
        message: stuck
          ? {
              id: `Sesudah ${label.id} alur berhenti: belum ada langkah berikutnya atau titik selesai.`,
              en: `The flow stops after ${label.en}: there is no next step and no end.`,
            }
          : {
              id: `Dari ${label.id} alur tidak pernah sampai ke titik selesai.`,
              en: `From ${label.en} the flow never reaches an end.`,
            },
      });
    }
  },
};
