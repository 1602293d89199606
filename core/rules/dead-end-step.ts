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
              id: `Sesudah ${label.id} alur berhenti: apa langkah berikutnya, atau apakah proses selesai di sini?`,
              en: `The flow stops after ${label.en}: what is the next step, or does the process end here?`,
            }
          : {
              id: `Dari ${label.id} alur tidak pernah sampai ke titik selesai: di langkah mana alur ini keluar menuju selesai?`,
              en: `From ${label.en} the flow never reaches an end: at which step does it leave towards an end?`,
            },
      });
    }
  },
};
