// The rule registry and the runner. The preset says which rules run and how loud; options can
// override a rule's level or turn it off. A rule that throws becomes a 'rule-crashed' finding:
// checking a map never crashes the caller.
import type { Organisation, Process } from '../model/index.js';
import { createContext } from './context.js';
import type { CheckOptions, Finding, Level, Rule, RuleSetting } from './types.js';

import { rule as activityVerb } from './activity-verb.js';
import { rule as danglingEdge } from './dangling-edge.js';
import { rule as deadEndStep } from './dead-end-step.js';
import { rule as decisionExits } from './decision-exits.js';
import { rule as duplicateStepName } from './duplicate-step-name.js';
import { rule as inputSupplier } from './input-supplier.js';
import { rule as outputCustomer } from './output-customer.js';
import { rule as performerPosition } from './performer-position.js';
import { rule as processNoun } from './process-noun.js';
import { rule as startAndEnd } from './start-and-end.js';
import { rule as stepOutput } from './step-output.js';
import { rule as stepPerformer } from './step-performer.js';
import { rule as stepWaktu } from './step-waktu.js';
import { rule as unconfirmedHandoff } from './unconfirmed-handoff.js';
import { rule as unreachableStep } from './unreachable-step.js';

export type { CheckOptions, Finding, Level, Report, Rule, RuleSetting, Together } from './types.js';
export type { RuleContext } from './context.js';
export { groupFindings, type FindingGroup } from './group.js';

/** Every rule, in the order findings are reported: structure first, then content, then naming. */
export const rules: readonly Rule[] = [
  danglingEdge,
  startAndEnd,
  unreachableStep,
  deadEndStep,
  decisionExits,
  stepPerformer,
  performerPosition,
  duplicateStepName,
  inputSupplier,
  outputCustomer,
  stepWaktu,
  stepOutput,
  activityVerb,
  processNoun,
  unconfirmedHandoff,
];

export const RULE_CRASHED = 'rule-crashed';

/** The recommended preset: every rule at its own level. */
export const recommended: Readonly<Record<string, RuleSetting>> = Object.fromEntries(
  rules.map((r) => [r.id, r.level]),
);

/**
 * Runs the preset over one process, with `options.rules` overriding levels (or 'off'), and
 * `options.registry` replacing the list of rules (tests, plug-ins). Never throws.
 */
export function checkProcess(
  process: Process,
  org: Organisation,
  options: CheckOptions = {},
): Finding[] {
  const registry = options.registry ?? rules;
  const ctx = createContext(process, org);
  const findings: Finding[] = [];
  for (const r of registry) {
    const setting: RuleSetting = options.rules?.[r.id] ?? recommended[r.id] ?? r.level;
    if (setting === 'off') continue;
    const level: Level = setting;
    const found: Finding[] = [];
    try {
      r.check(ctx, (f) =>
        found.push({
          ruleId: r.id,
          level,
          nodeId: f.nodeId,
          message: f.message,
          ...(f.together ? { together: f.together } : {}),
        }),
      );
      findings.push(...found);
    } catch (err) {
      // What the rule reported before it threw is dropped: it may be half of what it meant.
      findings.push(crashed(r, err));
    }
  }
  return findings;
}

function crashed(r: Rule, err: unknown): Finding {
  const reason = err instanceof Error ? err.message : String(err);
  return {
    ruleId: RULE_CRASHED,
    level: 'error',
    nodeId: null,
    message: {
      id: `Pemeriksaan "${r.id}" gagal berjalan (${reason}). Laporkan ke admin; pemeriksaan lain tetap dijalankan.`,
      en: `Rule "${r.id}" crashed (${reason}). Please report it; the other rules still ran.`,
    },
  };
}
