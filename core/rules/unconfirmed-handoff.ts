// Each cross-unit handoff must be confirmed by the other unit (domain brief, "konsensus"): the
// customer of an output, the supplier of an input, the non-owner side of an edge (answeringUnit).
// A handoff whose other side is the owner itself or an outside party (Pemohon, a vertical agency,
// a national system) is skipped: no one else can confirm it in Probis, so the warning would stay.
// So is every handoff from or to an outside party: an outside party never confirms, and the unit
// that hands to it or receives from it is the one describing it (a process with no owner unit
// would otherwise ask the clerk's own unit to confirm what the Pemohon brings).
import { answeringUnit } from '../coordination/answering-unit.js';
import { handoffs, isExternalKind, unitById } from '../model/index.js';
import type { Handoff } from '../model/index.js';
import type { RuleContext } from './context.js';
import { quote } from './context.js';
import type { Bilingual } from '../language/bilingual.js';
import type { Rule } from './types.js';

export const rule: Rule = {
  id: 'unconfirmed-handoff',
  level: 'warning',
  description: 'Every handoff between units is confirmed by the other unit.',
  check(ctx, report) {
    const { process, org } = ctx;
    const outside = (unitId: string) => {
      const unit = unitById(org, unitId);
      return unit !== undefined && isExternalKind(unit.kind);
    };
    for (const h of handoffs(process)) {
      if (h.state === 'confirmed') continue;
      if (outside(h.fromUnitId) || outside(h.toUnitId)) continue;
      const answering = answeringUnit(process, h, org);
      if (!answering) continue;
      const note = process.handoffConfirmations.find((c) => c.key === h.key)?.note?.trim() || null;
      report({
        nodeId: h.kind === 'edge' ? h.toNodeId : h.itemId,
        message: describe(ctx, h, answering, note),
      });
    }
  },
};

function describe(ctx: RuleContext, h: Handoff, answering: string, note: string | null): Bilingual {
  const from = ctx.unitLabel(h.fromUnitId);
  const to = ctx.unitLabel(h.toUnitId);
  const by = ctx.unitLabel(answering);
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
      id: `${subject.id} dibantah oleh ${by}${note ? `: ${note}` : ''}. Perlu dibahas bersama sampai sepakat.`,
      en: `${subject.en} is disputed by ${by}${note ? `: ${note}` : ''}. The units need to agree on it.`,
    };
  }
  return {
    id: `${subject.id} belum dikonfirmasi oleh ${by}.`,
    en: `${subject.en} has not been confirmed by ${by} yet.`,
  };
}
