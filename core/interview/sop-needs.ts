// Whether a step needs the SOP details of a process (the follow-up, /sop): the caller loads them
// only then, like the desk (desk/needs.ts).
import { parseCommand } from './commands.js';
import type { Input, InterviewState } from './types.js';

/** The process whose details to load: by code (/sop 03.01) or by id (the draft, the follow-up). */
export type SopNeed = { code: string } | { processId: string };

export function sopNeeds(state: InterviewState | null, input: Input): SopNeed | null {
  if (input.kind === 'text') {
    const c = parseCommand(input.text);
    if (c?.name === 'sop') {
      if (c.code) return { code: c.code };
      return state?.cursor.pid ? { processId: state.cursor.pid } : null;
    }
  }
  if (state?.cursor.q.startsWith('sop.') && state.cursor.pid)
    return { processId: state.cursor.pid };
  return null;
}
