// Texts the conversation layer says outside the questionnaire.
import type { Msg, Outbound } from '../../core/interview/index.js';

/** Bilingual text for a message outside the questionnaire: Indonesian first, English below. */
export function textIn(m: Msg): Outbound {
  return { kind: 'text', text: `${m.id}\n\n${m.en}` };
}
