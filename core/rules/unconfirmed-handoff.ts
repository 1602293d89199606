// Each cross-unit handoff must be confirmed by the receiving unit (domain brief, "konsensus").
// A handoff to an outside party (Pemohon, a vertical agency, a national system) is skipped: no
// one there can confirm it in Probis, so the warning would never go away.
import { handoffs, isExternalKind, unitById } from '../model/index.js';
import type { Handoff } from '../model/index.js';
import type { RuleContext } from './context.js';
import { quote } from './context.js';
import type { Bilingual } from '../language/bilingual.js';
import type { Rule } from './types.js';

export const rule: Rule = {
  id: 'unconfirmed-handoff',
  level: 'warning',
  description: 'Every handoff between units is confirmed by the receiving unit.',
  check(ctx, report) {
    const { process, org } = ctx;
    for (const h of handoffs(process)) {
      if (h.state === 'confirmed') continue;
      const receiver = unitById(org, h.toUnitId);
      if (receiver && isExternalKind(receiver.kind)) continue;
      const note = process.handoffConfirmations.find((c) => c.key === h.key)?.note?.trim() || null;
      report({
        nodeId: h.kind === 'edge' ? h.toNodeId : h.itemId,
        message: describe(ctx, h, note),
      });
    }
  },
};

function describe(ctx: RuleContext, h: Handoff, note: string | null): Bilingual {
  const from = ctx.unitLabel(h.fromUnitId);
  const to = ctx.unitLabel(h.toUnitId);
  const what = h.what ? ` ${quote(h.what)}` : '';
  let subject: Bilingual;
  if (h.kind === 'edge') {
    const a = ctx.nodeLabel(h.fromNodeId);
    const b = ctx.nodeLabel(h.toNodeId);
    subject = {
      id: `Serah terima${what} dari ${from} (${a.id}) ke ${to} (${b.id})`,
      en: `The handoff${what} from ${from} (${a.en}) to ${to} (${b.en})`,
    };
  } else {
    const kind = h.kind === 'input' ? { id: 'input', en: 'input' } : { id: 'output', en: 'output' };
    subject = {
      id: `Serah terima ${kind.id}${what} dari ${from} ke ${to}`,
      en: `The ${kind.en} handoff${what} from ${from} to ${to}`,
    };
  }
  if (h.state === 'disputed') {
    return {
      id: `${subject.id} dibantah oleh ${to}${note ? `: ${note}` : ''}. Perlu dibahas bersama sampai sepakat.`,
      en: `${subject.en} is disputed by ${to}${note ? `: ${note}` : ''}. The units need to agree on it.`,
    };
  }
  return {
    id: `${subject.id} belum dikonfirmasi oleh ${to}.`,
    en: `${subject.en} has not been confirmed by ${to} yet.`,
  };
}
