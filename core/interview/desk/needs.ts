// Whether a step needs the coordination desk (every process of the organisation with its flow,
// reviews, campaigns and activity). The caller loads it only then: an ordinary answer never pays
// for reading a thousand processes.
import type { Input, InterviewState } from '../types.js';
import { parseDeskCommand } from './commands.js';

/** What to load besides the desk: the approved version of one process (by code) for /versi. */
export type DeskNeed = { baselineCode: string | null };

const DESK_QUESTIONS = /^(answer|campaign|dispute)\.|^review\.return_comment$/;

export function deskNeeds(state: InterviewState | null, input: Input): DeskNeed | null {
  if (input.kind === 'text') {
    const c = parseDeskCommand(input.text);
    if (c) return { baselineCode: c.name === 'diff' ? c.code : null };
  }
  if (input.kind === 'process-event' && input.event === 'handoff-asked')
    return { baselineCode: null };
  if (state && DESK_QUESTIONS.test(state.cursor.q)) return { baselineCode: null };
  return null;
}
