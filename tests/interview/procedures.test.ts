// Real procedures of a kabupaten (a permit with rejection and deferral ends, a payment with joint
// performers, annual leave, incoming letters with branches that skip ahead), each told by a
// clerk in the fewest messages she would send, end in exactly the process of the fixture.
import { describe, expect, it } from 'vitest';
import { checkProcess } from '../../core/rules/index.js';
import {
  PROCEDURES,
  allTranscripts,
  asTheInterviewGivesIt,
  canonicalProcess,
  clerkMessages,
  procedureTranscript,
  procedureWorld,
  stepsOf,
  tell,
} from '../support/procedures.js';
import { newChat } from '../support/scenario.js';

describe('the expected procedures', () => {
  it.each(PROCEDURES.map((p) => [p.slug, p] as const))(
    '%s is a complete map: 8 to 18 steps, decisions, several ends, no error finding',
    (_slug, p) => {
      const { organisation, expected } = procedureWorld(p);
      const steps = stepsOf(expected);
      expect(steps).toBeGreaterThanOrEqual(8);
      expect(steps).toBeLessThanOrEqual(18);
      const nodes = expected.flow!.nodes;
      expect(nodes.some((n) => n.kind === 'decision')).toBe(true);
      for (const n of nodes)
        if (n.kind === 'activity') expect(n.waktu, `waktu of "${n.name}"`).not.toBeNull();
      const errors = checkProcess(expected, organisation).filter((f) => f.level === 'error');
      expect(errors.map((f) => f.message.id)).toEqual([]);
    },
  );

  it('cover what real procedures need: rejection and deferral ends, joint performers, two outputs', () => {
    const all = PROCEDURES.map((p) => procedureWorld(p).expected.flow!.nodes).flat();
    const outcomes = new Set(all.flatMap((n) => (n.kind === 'end' ? [n.outcome] : [])));
    expect([...outcomes].sort()).toEqual(['ditolak', 'ditunda', 'selesai']);
    expect(all.some((n) => n.kind === 'activity' && n.coPerformers.length > 0)).toBe(true);
    expect(all.some((n) => n.kind === 'activity' && n.outputs.length === 2)).toBe(true);
  });
});

describe('each procedure told by its clerk', () => {
  it.each(PROCEDURES.map((p) => [p.slug, p] as const))(
    '%s ends in exactly the expected process, submitted, without a refusal',
    (_slug, p) => {
      const { organisation, processes, expected } = procedureWorld(p);
      const clerk = newChat(organisation, p.clerk, processes);
      tell(clerk, procedureTranscript(p));
      expect(clerk.question().questionId).toBe('review.confirm');
      clerk.press('Sudah benar');
      const stored = clerk.process(expected.name);
      expect(stored.status).toBe('submitted');
      expect(canonicalProcess(stored)).toEqual(
        canonicalProcess(asTheInterviewGivesIt(p, expected)),
      );
      expect(clerk.refusals).toBe(0);
    },
  );

  it('takes at most 4 messages per step on average, Renja included', () => {
    let messages = 0;
    let steps = 0;
    for (const t of allTranscripts()) {
      messages += clerkMessages(t.lines);
      steps += stepsOf(t.world.expected);
    }
    expect(messages / steps).toBeLessThanOrEqual(4);
  });
});
