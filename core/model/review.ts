// What happens to a process besides its flow: the review of each version (submitted, approved,
// returned with a comment, validated) and coordinators' notes. Each is stored apart from the flow,
// so none of them can conflict with a clerk's answer.
import { z } from 'zod';
import { Id } from './organisation.js';
import { Process, type ProcessStatus } from './process.js';

export const ReviewKind = z.enum(['submitted', 'approved', 'returned', 'validated']);
export type ReviewKind = z.infer<typeof ReviewKind>;

/** The status a review event gives the version it is about. */
export const STATUS_AFTER: Record<ReviewKind, ProcessStatus> = {
  submitted: 'submitted',
  approved: 'approved',
  returned: 'draft',
  validated: 'validated',
};

/** The reviews that keep the version they are about whole, as an immutable snapshot. */
export const SNAPSHOT_KINDS: ReadonlySet<ReviewKind> = new Set(['submitted', 'approved']);

/**
 * One review event of one version of a process, e.g.
 * `{"id": "…", "processId": "p-03-01", "kind": "approved", "version": 4, "byPersonId": "budi",
 *   "at": "2026-11-24T02:00:00.000Z", "comment": null, "snapshot": {…the process at version 4…}}`.
 */
export const ReviewEvent = z.object({
  id: Id,
  processId: Id,
  kind: ReviewKind,
  /** The flow version the event is about (Process.version). */
  version: z.number().int().positive(),
  byPersonId: Id.nullable().default(null),
  at: z.iso.datetime(),
  comment: z.string().max(2000).nullable().default(null),
  /** The process as it was reviewed: present on submitted and approved events. */
  snapshot: Process.nullable().default(null),
});
export type ReviewEvent = z.infer<typeof ReviewEvent>;

/** A coordinator's note on a process, or on one of its steps (`nodeId`). */
export const ProcessNote = z.object({
  id: Id,
  processId: Id,
  nodeId: Id.nullable().default(null),
  byPersonId: Id.nullable().default(null),
  at: z.iso.datetime(),
  text: z.string().min(1).max(2000),
  resolvedAt: z.iso.datetime().nullable().default(null),
  resolvedByPersonId: Id.nullable().default(null),
});
export type ProcessNote = z.infer<typeof ProcessNote>;
