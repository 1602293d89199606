// The interview's last states, for /kembali and /urungkan. Each is kept as a delta against the
// state that followed it (see delta.ts): the stored state grows by the size of one answer's
// change, not by a copy of every draft. Entries are oldest first; the newest is a delta against
// the current state. Each delta records the fingerprint of the state it was made against, so a
// state changed outside the interview's own steps can never restore something wrong: the entries
// that no longer fit are dropped instead.
import { applyDelta, encodeDelta, fingerprint } from './delta.js';
import { type HistoryEntry, type Snapshot, SnapshotCore } from './types.js';

export function coreOf(s: SnapshotCore): SnapshotCore {
  return { cursor: s.cursor, drafts: s.drafts, work: s.work };
}

function entryOf(older: SnapshotCore, note: string, newer: SnapshotCore): HistoryEntry {
  return { note, d: encodeDelta(coreOf(older), coreOf(newer)), h: fingerprint(coreOf(newer)) };
}

/**
 * The history after a step from `previous` to `current`: `previous` joins as the newest entry,
 * and an entry kept whole becomes a delta. At most `max` entries, the oldest dropped.
 */
export function pushHistory(
  history: HistoryEntry[],
  previous: SnapshotCore,
  note: string,
  current: SnapshotCore,
  max: number,
): HistoryEntry[] {
  // The newest entry is a delta against `previous` (or whole): it stays valid, since `previous`
  // now follows it.
  return [...history, entryOf(previous, note, current)].slice(-max);
}

/**
 * The history made to fit `current` after a change that was not a step forward (a step back, a
 * process reloaded from storage): a whole newest entry becomes a delta against `current`; with
 * `previous` (the state the newest delta was made against), that delta is made again against
 * `current`.
 */
export function settleHistory(
  history: HistoryEntry[],
  current: SnapshotCore,
  previous?: SnapshotCore,
): HistoryEntry[] {
  const newest = history[history.length - 1];
  if (!newest) return history;
  let whole: Snapshot | null = null;
  if ('f' in newest) whole = { ...newest.f, note: newest.note };
  else if (previous) whole = decodeEntry(newest, previous);
  if (!whole) return history;
  return [...history.slice(0, -1), entryOf(whole, whole.note, current)];
}

function decodeEntry(e: HistoryEntry, newer: SnapshotCore): Snapshot | null {
  if ('f' in e) return { ...structuredClone(e.f), note: e.note };
  if (fingerprint(coreOf(newer)) !== e.h) return null;
  // Stored deltas are checked here, when used, not on every read of the state (state.ts).
  let decoded: unknown;
  try {
    decoded = applyDelta(coreOf(newer), e.d);
  } catch {
    return null;
  }
  const core = SnapshotCore.safeParse(decoded);
  return core.success ? { ...core.data, note: e.note } : null;
}

/**
 * The states of the history, newest first, each with its index, decoded one by one as far as the
 * caller reads. Stops at an entry that does not fit the state after it.
 */
export function* snapshotsNewestFirst(
  history: HistoryEntry[],
  current: SnapshotCore,
): Generator<{ index: number; snapshot: Snapshot }> {
  let newer: SnapshotCore = coreOf(current);
  for (let i = history.length - 1; i >= 0; i--) {
    const snapshot = decodeEntry(history[i]!, newer);
    if (!snapshot) return;
    yield { index: i, snapshot };
    newer = snapshot;
  }
}

/**
 * The history cut back to before `index`, for a step back to the state at `index` (`restored`):
 * the entry before it, a delta against `restored`, is kept whole until the step is finished
 * (settleHistory), since the step may still change what is current.
 */
export function historyBefore(
  history: HistoryEntry[],
  index: number,
  restored: SnapshotCore,
): HistoryEntry[] {
  const kept = history.slice(0, index);
  const last = kept[kept.length - 1];
  if (!last) return kept;
  const whole = decodeEntry(last, restored);
  // An entry that does not fit is dropped with everything older.
  if (!whole) return [];
  return [...kept.slice(0, -1), { note: whole.note, f: coreOf(whole) }];
}

/** A history of whole states (state version 1) as deltas. */
export function historyFromSnapshots(snapshots: Snapshot[], current: SnapshotCore): HistoryEntry[] {
  return snapshots.map((s, i) => entryOf(s, s.note, snapshots[i + 1] ?? current));
}
