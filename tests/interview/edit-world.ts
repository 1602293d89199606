// The Renja process of the domain example as Rina's draft, stored and open at its review: edits
// are tested on a flow given as data, whatever order the interview asks a step's questions in.
import { expect } from 'vitest';
import { type Chat, newChat } from '../support/scenario.js';
import { renjaWorld } from '../support/renja.js';

export function renjaAtReview(): Chat {
  const { organisation, processes, expected } = renjaWorld();
  const draft = { ...structuredClone(expected), status: 'draft' as const };
  const rina = newChat(organisation, 'rina', [...processes, draft]);
  rina.state.drafts.push(structuredClone(draft));
  // The interview draws step ids "a1", "e2", ... from its counter; the fixture's ids are such.
  rina.state.seq = 1000;
  rina.send({ kind: 'resume' });
  rina.press('Lanjutkan draf');
  expect(rina.question().questionId).toBe('review.confirm');
  return rina;
}
