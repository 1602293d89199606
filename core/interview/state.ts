// Interview state as stored: plain versioned JSON, checked and upgraded when read.
import type { Language } from '../model/organisation.js';
import type { Questionnaire } from './questionnaire.js';
import { historyFromSnapshots } from './history.js';
import type { QuestionId } from './question-ids.js';
import {
  type Context,
  type Cursor,
  type InterviewState,
  STATE_VERSION,
  StoredInterviewState,
  type Snapshot,
} from './types.js';

/** Stored state of a version this code does not know. `version` is what was stored. */
export class StateVersionError extends Error {
  override readonly name = 'StateVersionError';
  constructor(
    message: string,
    readonly version: unknown,
  ) {
    super(message);
  }
}

/** Stored state of a known version whose shape does not match it. Names paths, never values. */
export class StateShapeError extends Error {
  override readonly name = 'StateShapeError';
  readonly paths: string[];
  constructor(issues: readonly { path: readonly PropertyKey[]; code: string }[]) {
    const paths = issues.slice(0, 5).map((i) => `${i.path.map(String).join('.')} (${i.code})`);
    super(`interview state does not match version ${STATE_VERSION}: ${paths.join(', ')}`);
    this.paths = paths;
  }
}

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
 * Reads stored state: upgrades older versions, then checks the shape with the state's schema.
 * An unknown version (a newer deployment wrote it, or it is not a state at all) throws
 * StateVersionError and a shape that does not match throws StateShapeError: the caller reports
 * it, and the stored state stays as it is, never silently replaced by a fresh interview.
 * A cursor on a question this questionnaire no longer has goes back to the draft's review or
 * the menu; a return point on such a question is dropped.
 */
export function readState(raw: unknown, q: Questionnaire): InterviewState {
  const v = isRecord(raw) ? raw.v : undefined;
  if (v === 1) raw = upgradeFromV1(raw);
  else if (v !== STATE_VERSION)
    throw new StateVersionError(
      `interview state version ${describeVersion(v)} is not known (expected ${STATE_VERSION} or 1)`,
      v,
    );
  const r = StoredInterviewState.safeParse(withKnownQuestions(raw as Record<string, unknown>, q));
  if (!r.success) throw new StateShapeError(r.error.issues);
  // Only the deltas' insides are unchecked here; history.ts checks each one it decodes.
  return r.data as InterviewState;
}

/** A version is reported as it was stored, but only when it is short (a number, a short text). */
function describeVersion(v: unknown): string {
  return typeof v === 'number' || (typeof v === 'string' && v.length <= 20)
    ? JSON.stringify(v)
    : typeof v;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Question ids this questionnaire does not have are taken out before the shape is checked. */
function withKnownQuestions(raw: Record<string, unknown>, q: Questionnaire): unknown {
  const known = (c: unknown) => isRecord(c) && q.questions.has(c.q as QuestionId);
  let out = raw;
  const cursor = raw.cursor;
  if (isRecord(cursor) && typeof cursor.q === 'string' && !known(cursor)) {
    const pid = typeof cursor.pid === 'string' ? cursor.pid : undefined;
    out = { ...out, cursor: pid ? { q: 'review.confirm', pid } : { q: 'menu' } };
  }
  const work = raw.work;
  if (isRecord(work) && Array.isArray(work.returnTo) && !work.returnTo.every(known))
    out = { ...out, work: { ...work, returnTo: work.returnTo.filter(known) } };
  return out;
}

/** Version 1 kept whole states in its history; version 2 keeps deltas (history.ts). */
function upgradeFromV1(raw: unknown): unknown {
  const old = raw as Omit<InterviewState, 'v' | 'history'> & { history?: Snapshot[] };
  const current = { cursor: old.cursor, drafts: old.drafts, work: old.work };
  return { ...old, v: STATE_VERSION, history: historyFromSnapshots(old.history ?? [], current) };
}
