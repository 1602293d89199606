// The shape of a quality rule and of what it reports (bpmnlint-style: one rule per file).
import type { Bilingual } from '../language/bilingual.js';
import type { RuleContext } from './context.js';

export type Level = 'error' | 'warning';

export type Finding = {
  ruleId: string;
  level: Level;
  /**
   * The element the finding is about: a flow node id for step findings, the edge id for
   * `dangling-edge`, the SIPOC item id for `input-supplier` / `output-customer` and for SIPOC
   * handoffs; null when it is about the process as a whole.
   */
  nodeId: string | null;
  message: Bilingual;
  /**
   * Set on a finding that a rule may say of several steps at once: its step number, and the line
   * that says it of several, with `{n}` where the numbers go ("Langkah {n} belum punya waktu:
   * berapa lama masing-masing?"). `groupFindings` joins findings whose lines are the same.
   */
  together?: Together;
};

export type Together = { stepNo: number; message: Bilingual };

/** What a rule hands to `report`: the runner adds the rule id and the level of the preset. */
export type Report = (f: {
  nodeId: string | null;
  message: Bilingual;
  together?: Together;
}) => void;

export interface Rule {
  /** Stable kebab-case id, also the file name. */
  id: string;
  /** The level the rule has when the preset does not say otherwise. */
  level: Level;
  /** One line, for `probis rules` and the docs. */
  description: string;
  check(ctx: RuleContext, report: Report): void;
}

export type RuleSetting = Level | 'off';

export type CheckOptions = {
  /** Overrides of the preset per rule id: another level, or 'off'. */
  rules?: Record<string, RuleSetting>;
  /** The rules to run instead of the registry; a rule not in the preset runs at its own level. */
  registry?: readonly Rule[];
};
