// Texts the conversation layer says outside the questionnaire.
import type { Outbound } from '../../core/interview/index.js';
import { type Bilingual, textFor } from '../../core/language/bilingual.js';

/**
 * A message outside the questionnaire, before the interview knows whose language to use: both,
 * Indonesian first.
 */
export function textIn(m: Bilingual): Outbound {
  return { kind: 'text', text: textFor(m, 'both') };
}
