// Findings as a clerk reads them: one line per kind of gap, not one per step. "Langkah 2, 3, 5
// dan 7 belum punya waktu: berapa lama masing-masing?" instead of four lines. The findings
// themselves stay one per element (checkProcess); this only joins what they say.
import type { Bilingual } from '../language/bilingual.js';
import type { Finding, Level } from './types.js';

export type FindingGroup = {
  ruleId: string;
  level: Level;
  /** The elements of every finding the line stands for, in their order. */
  nodeIds: (string | null)[];
  message: Bilingual;
};

/** "2", "2 dan 3", "2, 3, 5 dan 7" (with "and" in English); names too. */
export function listNumbers(nos: readonly (number | string)[], and: string): string {
  if (nos.length <= 1) return nos.join('');
  return `${nos.slice(0, -1).join(', ')} ${and} ${nos[nos.length - 1]}`;
}

/**
 * Joins findings of one rule and level whose `together` lines are the same into one line, at the
 * place of the first of them; a finding alone keeps its own message, which names the step.
 */
export function groupFindings<
  F extends Pick<Finding, 'level' | 'message'> &
    Partial<Pick<Finding, 'ruleId' | 'nodeId' | 'together'>>,
>(findings: readonly F[]): FindingGroup[] {
  const keyOf = (f: F) =>
    f.together ? `${f.ruleId ?? ''}\u0000${f.level}\u0000${f.together.message.id}` : null;
  const members = new Map<string, F[]>();
  for (const f of findings) {
    const key = keyOf(f);
    if (key) members.set(key, [...(members.get(key) ?? []), f]);
  }
  const out: FindingGroup[] = [];
  const done = new Set<string>();
  for (const f of findings) {
    const key = keyOf(f);
    const group = key ? members.get(key)! : [f];
    if (key && done.has(key)) continue;
    if (key) done.add(key);
    const base = {
      ruleId: f.ruleId ?? '',
      level: f.level,
      nodeIds: group.map((g) => g.nodeId ?? null),
    };
    if (group.length < 2 || !f.together) {
      out.push({ ...base, message: f.message });
      continue;
    }
    const nos = [...new Set(group.map((g) => g.together!.stepNo))].sort((a, b) => a - b);
    const t = f.together.message;
    out.push({
      ...base,
      message: {
        id: t.id.replace('{n}', listNumbers(nos, 'dan')),
        en: t.en.replace('{n}', listNumbers(nos, 'and')),
      },
    });
  }
  return out;
}
