// The review of processes, stored apart from their flows: review events (append-only), the
// snapshot of every submitted or approved version (append-only, whole), coordinators' notes.
// None of them moves a process's version, so none can conflict with a clerk's answer.
import { randomUUID } from 'node:crypto';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { Process } from '../../core/model/process.js';
import {
  type ProcessNote,
  type ReviewEvent,
  type ReviewKind,
  SNAPSHOT_KINDS,
  STATUS_AFTER,
} from '../../core/model/review.js';
import { cleanJson, cleanText } from '../clean-text.js';
import type { Db } from '../client.js';
import { processes, processNotes, processReviewEvents, processSnapshots } from '../schema.js';
import { loadProcess, loadProcessVersion } from './processes.js';

export type RecordReviewResult =
  | {
      outcome: 'recorded';
      event: ReviewEvent;
      /**
       * False when the flow was saved again after the version the reviewer saw: the event is
       * kept for that version, the status of the newer one is left as it is.
       */
      current: boolean;
    }
  | { outcome: 'not-found' }
  /** 'returned' needs a comment: the clerk must learn what to change. */
  | { outcome: 'comment-required' }
  /** No such version was ever saved (or, to be kept whole, it is no longer in the audit log). */
  | { outcome: 'unknown-version'; currentVersion: number };

/** A snapshot that no longer parses as a process: stored data was damaged outside Probis. */
export class SnapshotInvalidError extends Error {
  constructor(readonly reviewEventId: string) {
    super(`snapshot of review event ${reviewEventId} is not a valid process`);
    this.name = 'SnapshotInvalidError';
  }
}

/**
 * Records a review event of a process. `version` is the version the reviewer saw (default: the
 * current one). For 'submitted' and 'approved' the whole model of that version is kept as an
 * immutable snapshot. When it is the current version, the process takes the event's status. A
 * reviewer who saw an older version (the clerk saved again meanwhile) has the event recorded all
 * the same, with that version's snapshot taken from the audit log, and `current: false`: the
 * newer version keeps its status.
 */
export async function recordReview(
  db: Db,
  p: {
    organisationId: string;
    processId: string;
    kind: ReviewKind;
    byPersonId: string | null;
    version?: number;
    comment?: string | null;
    at?: Date;
  },
): Promise<RecordReviewResult> {
  const comment = p.comment ? cleanText(p.comment).trim().slice(0, 2000) || null : null;
  if (p.kind === 'returned' && !comment) return { outcome: 'comment-required' };
  return db.transaction(async (tx): Promise<RecordReviewResult> => {
    // The process row's lock orders this event with flow saves: the version is exactly current.
    const [row] = await tx
      .select({ version: processes.version })
      .from(processes)
      .where(and(eq(processes.id, p.processId), eq(processes.organisationId, p.organisationId)))
      .for('update');
    if (!row) return { outcome: 'not-found' };
    const version = p.version ?? row.version;
    const current = version === row.version;
    if (version < 1 || version > row.version)
      return { outcome: 'unknown-version', currentVersion: row.version };
    let model: Process | null = null;
    if (SNAPSHOT_KINDS.has(p.kind)) {
      model = current
        ? await loadProcess(tx, { processId: p.processId })
        : ((await loadProcessVersion(tx, { processId: p.processId, version }))?.process ?? null);
      if (!model) return { outcome: 'unknown-version', currentVersion: row.version };
      if (current) model = { ...model, status: STATUS_AFTER[p.kind] };
    }

    const id = randomUUID();
    const at = p.at ?? new Date();
    await tx.insert(processReviewEvents).values({
      id,
      organisationId: p.organisationId,
      processId: p.processId,
      kind: p.kind,
      version,
      byPersonId: p.byPersonId,
      at,
      comment,
    });
    if (current)
      await tx
        .update(processes)
        .set({ status: STATUS_AFTER[p.kind] })
        .where(eq(processes.id, p.processId));
    if (model)
      await tx
        .insert(processSnapshots)
        .values({ reviewEventId: id, processId: p.processId, version, model: cleanJson(model) });
    const event: ReviewEvent = {
      id,
      processId: p.processId,
      kind: p.kind,
      version,
      byPersonId: p.byPersonId,
      at: at.toISOString(),
      comment,
      snapshot: model,
    };
    return { outcome: 'recorded', event, current };
  });
}

const eventColumns = {
  id: processReviewEvents.id,
  processId: processReviewEvents.processId,
  kind: processReviewEvents.kind,
  version: processReviewEvents.version,
  byPersonId: processReviewEvents.byPersonId,
  at: processReviewEvents.at,
  comment: processReviewEvents.comment,
  model: processSnapshots.model,
};

function toEvent(r: {
  id: string;
  processId: string;
  kind: string;
  version: number;
  byPersonId: string | null;
  at: Date;
  comment: string | null;
  model: unknown;
}): ReviewEvent {
  let snapshot: Process | null = null;
  if (r.model !== null) {
    const parsed = Process.safeParse(r.model);
    if (!parsed.success) throw new SnapshotInvalidError(r.id);
    snapshot = parsed.data;
  }
  return {
    id: r.id,
    processId: r.processId,
    kind: r.kind as ReviewKind,
    version: r.version,
    byPersonId: r.byPersonId,
    at: r.at.toISOString(),
    comment: r.comment,
    snapshot,
  };
}

/**
 * Review events, oldest first, each with its snapshot (validated as a Process when read): of one
 * process, or of every process of an organisation.
 */
export async function listReviewEvents(
  db: Db,
  p: { processId: string } | { organisationId: string },
): Promise<ReviewEvent[]> {
  const rows = await db
    .select(eventColumns)
    .from(processReviewEvents)
    .leftJoin(processSnapshots, eq(processSnapshots.reviewEventId, processReviewEvents.id))
    .where(
      'processId' in p
        ? eq(processReviewEvents.processId, p.processId)
        : eq(processReviewEvents.organisationId, p.organisationId),
    )
    .orderBy(asc(processReviewEvents.seq));
  return rows.map(toEvent);
}

/**
 * The process as it was when a version was last submitted or approved (`kind` narrows it), or
 * null when that version was never kept.
 */
export async function loadSnapshot(
  db: Db,
  p: { processId: string; version: number; kind?: 'submitted' | 'approved' },
): Promise<Process | null> {
  const events = await listReviewEvents(db, { processId: p.processId });
  const hit = events
    .filter((e) => e.version === p.version && e.snapshot && (!p.kind || e.kind === p.kind))
    .at(-1);
  return hit?.snapshot ?? null;
}

/**
 * Puts review events back as they were exported (their ids, times and snapshots): an event
 * already stored is left alone, so importing a file twice adds nothing. Statuses are not touched;
 * the imported processes carry theirs.
 */
export async function importReviewEvents(
  db: Db,
  p: { organisationId: string; events: ReviewEvent[] },
): Promise<number> {
  let added = 0;
  for (const e of p.events) {
    const inserted = await db
      .insert(processReviewEvents)
      .values({
        id: cleanText(e.id),
        organisationId: p.organisationId,
        processId: e.processId,
        kind: e.kind,
        version: e.version,
        byPersonId: e.byPersonId,
        at: new Date(e.at),
        comment: e.comment === null ? null : cleanText(e.comment),
      })
      .onConflictDoNothing({ target: processReviewEvents.id })
      .returning({ id: processReviewEvents.id });
    if (!inserted.length) continue;
    added++;
    if (e.snapshot)
      await db.insert(processSnapshots).values({
        reviewEventId: e.id,
        processId: e.processId,
        version: e.version,
        model: cleanJson(e.snapshot),
      });
  }
  return added;
}

// ---------------------------------------------------------------------------------------------
// Notes

const noteColumns = {
  id: processNotes.id,
  processId: processNotes.processId,
  nodeId: processNotes.nodeId,
  byPersonId: processNotes.byPersonId,
  at: processNotes.at,
  text: processNotes.text,
  resolvedAt: processNotes.resolvedAt,
  resolvedByPersonId: processNotes.resolvedByPersonId,
};

function toNote(r: {
  id: string;
  processId: string;
  nodeId: string | null;
  byPersonId: string | null;
  at: Date;
  text: string;
  resolvedAt: Date | null;
  resolvedByPersonId: string | null;
}): ProcessNote {
  return {
    ...r,
    at: r.at.toISOString(),
    resolvedAt: r.resolvedAt ? r.resolvedAt.toISOString() : null,
  };
}

export type AddNoteResult =
  { outcome: 'added'; note: ProcessNote } | { outcome: 'not-found' } | { outcome: 'empty' };

/** A coordinator's note on a process, or on one of its steps. */
export async function addProcessNote(
  db: Db,
  p: {
    organisationId: string;
    processId: string;
    byPersonId: string | null;
    text: string;
    nodeId?: string | null;
    at?: Date;
  },
): Promise<AddNoteResult> {
  const text = cleanText(p.text).trim().slice(0, 2000);
  if (!text) return { outcome: 'empty' };
  const [exists] = await db
    .select({ id: processes.id })
    .from(processes)
    .where(and(eq(processes.id, p.processId), eq(processes.organisationId, p.organisationId)));
  if (!exists) return { outcome: 'not-found' };
  const [row] = await db
    .insert(processNotes)
    .values({
      id: randomUUID(),
      organisationId: p.organisationId,
      processId: p.processId,
      nodeId: p.nodeId ?? null,
      byPersonId: p.byPersonId,
      at: p.at ?? new Date(),
      text,
    })
    .returning(noteColumns);
  return { outcome: 'added', note: toNote(row!) };
}

/** Notes, oldest first: of one process (`open` keeps the unresolved), or of an organisation. */
export async function listProcessNotes(
  db: Db,
  p: ({ processId: string } | { organisationId: string }) & { open?: boolean },
): Promise<ProcessNote[]> {
  const which =
    'processId' in p
      ? eq(processNotes.processId, p.processId)
      : eq(processNotes.organisationId, p.organisationId);
  const rows = await db
    .select(noteColumns)
    .from(processNotes)
    .where(p.open ? and(which, isNull(processNotes.resolvedAt)) : which)
    .orderBy(asc(processNotes.seq));
  return rows.map(toNote);
}

/** Marks a note resolved; a note is never edited or removed otherwise. */
export async function resolveProcessNote(
  db: Db,
  p: { noteId: string; byPersonId: string | null; at?: Date },
): Promise<'resolved' | 'already-resolved' | 'not-found'> {
  const [row] = await db
    .update(processNotes)
    .set({ resolvedAt: p.at ?? new Date(), resolvedByPersonId: p.byPersonId })
    .where(and(eq(processNotes.id, p.noteId), isNull(processNotes.resolvedAt)))
    .returning({ id: processNotes.id });
  if (row) return 'resolved';
  const [exists] = await db
    .select({ id: processNotes.id })
    .from(processNotes)
    .where(eq(processNotes.id, p.noteId));
  return exists ? 'already-resolved' : 'not-found';
}

/** Puts exported notes back; a note already stored is left alone. */
export async function importProcessNotes(
  db: Db,
  p: { organisationId: string; notes: ProcessNote[] },
): Promise<number> {
  let added = 0;
  for (const n of p.notes) {
    const r = await db
      .insert(processNotes)
      .values({
        id: cleanText(n.id),
        organisationId: p.organisationId,
        processId: n.processId,
        nodeId: n.nodeId,
        byPersonId: n.byPersonId,
        at: new Date(n.at),
        text: cleanText(n.text),
        resolvedAt: n.resolvedAt ? new Date(n.resolvedAt) : null,
        resolvedByPersonId: n.resolvedByPersonId,
      })
      .onConflictDoNothing({ target: processNotes.id })
      .returning({ id: processNotes.id });
    added += r.length;
  }
  return added;
}
