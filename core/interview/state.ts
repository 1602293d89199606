// Interview state as stored: plain versioned JSON, checked and upgraded when read.
import type { Language } from '../model/organisation.js';
import type { Questionnaire } from './questionnaire.js';
import { historyFromSnapshots } from './history.js';
import {
  type Context,
  type Cursor,
  InterviewState,
  STATE_VERSION,
  type Snapshot,
} from './types.js';

export class StateVersionError extends Error {}

/** The first question for someone new to this chat. */
export function entryCursor(ctx: Context, personId: string | null): Cursor {
  if (!ctx.organisation) return { q: 'setup.org_name' };
  if (!personId && !ctx.person) return { q: 'identify.name' };
  return { q: 'menu' };
}

export function initialState(
  q: Questionnaire,
  ctx: Context,
  lang: Language = ctx.person?.language ?? 'id',
): InterviewState {
  return {
    v: STATE_VERSION,
    qv: q.version,
    rev: 0,
    lang,
    personId: ctx.person?.id ?? null,
    organisationId: ctx.organisation?.id ?? null,
    cursor: entryCursor(ctx, ctx.person?.id ?? null),
    drafts: [],
    work: { queue: [], pasted: [], branches: [], reg: {}, exitLabels: [], returnTo: [] },
    history: [],
    seq: 0,
  };
}

/**
 * Reads stored state. Older state versions are upgraded here; an unknown version is an error,
 * never silently dropped. A cursor on a question this questionnaire no longer has goes back to
 * the draft's review or the menu.
 */
export function readState(raw: unknown, q: Questionnaire): InterviewState {
  const v = (raw as { v?: unknown } | null)?.v;
  if (v === 1) raw = upgradeFromV1(raw);
  else if (v !== STATE_VERSION)
    throw new StateVersionError(
      `interview state version ${String(v)} is not known (expected ${STATE_VERSION})`,
    );
  // The current version was written by this code through the engine: checking its shape again on
  // every message would cost more than the rest of the step. Upgraded states are checked once.
  const state = raw as InterviewState;
  if (!q.questions.has(state.cursor.q)) {
    state.cursor = state.cursor.pid
      ? { q: 'review.confirm', pid: state.cursor.pid }
      : { q: 'menu' };
  }
  return state;
}

/** Version 1 kept whole states in its history; version 2 keeps deltas (history.ts). */
function upgradeFromV1(raw: unknown): InterviewState {
  const old = raw as Omit<InterviewState, 'v' | 'history'> & { history?: Snapshot[] };
  const current = { cursor: old.cursor, drafts: old.drafts, work: old.work };
  return InterviewState.parse({
    ...old,
    v: STATE_VERSION,
    history: historyFromSnapshots(old.history ?? [], current),
  });
}
