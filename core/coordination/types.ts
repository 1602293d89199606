// The coordinator's vocabulary: a campaign (a mapping round), the stage each unit has reached, the
// data a coordinator's answers are computed from, and what those answers hold. Pure types: the
// database loads a Desk (db/repositories/desk.ts), core computes from it, channels say it.
import { z } from 'zod';
import { Id, type Organisation } from '../model/organisation.js';
import type { Process } from '../model/process.js';
import type { ReviewKind } from '../model/review.js';

/**
 * A mapping round a coordinator opens for a set of units, with a deadline, e.g.
 * `{"id": "c1", "organisationId": "setda", "name": "Pemetaan 2027", "unitIds": ["umum", "keu"],
 *   "deadline": "2027-01-31", "remindAfterDays": 3, ...}`.
 */
export const Campaign = z.object({
  id: Id,
  organisationId: Id,
  name: z.string().min(1).max(200),
  unitIds: z.array(Id).min(1),
  /** The last day (YYYY-MM-DD, the organisation's calendar) by which units should have submitted. */
  deadline: z.iso.date(),
  /** People who have not answered for this many days are reminded (at most once a day). */
  remindAfterDays: z.number().int().min(1).max(60).default(3),
  createdByPersonId: Id.nullable().default(null),
  createdAt: z.iso.datetime(),
  closedAt: z.iso.datetime().nullable().default(null),
});
export type Campaign = z.infer<typeof Campaign>;

/** Where a unit stands in a campaign, in the order a unit moves through them. */
export const UnitStage = z.enum([
  'not-started',
  'in-progress',
  'submitted',
  'approved',
  'validated',
]);
export type UnitStage = z.infer<typeof UnitStage>;

/** One review event as the desk needs it: who did what to which version, and when. */
export type DeskReview = {
  processId: string;
  kind: ReviewKind;
  version: number;
  byPersonId: string | null;
  at: string;
  comment: string | null;
};

/** When a person last answered in any chat (null: never), and when they were last reminded. */
export type PersonActivity = {
  personId: string;
  /** ISO time of the person's last inbound message; null when they never wrote. */
  lastAnswerAt: string | null;
  /** ISO time of the last reminder sent to them; null when never. */
  lastRemindedAt: string | null;
  /** True when the person has a linked chat account that is reachable (they joined). */
  joined: boolean;
};

/**
 * Everything a coordinator's answer is computed from, for one organisation, as stored now.
 * Loaded in one go by the database layer; core never asks for more.
 */
export type Desk = {
  organisation: Organisation;
  /** Every process of the organisation, with its flow and the receivers' confirmations. */
  processes: Process[];
  /** Review events of every process, oldest first (no snapshots). */
  reviews: DeskReview[];
  /** Open campaigns (closedAt null), newest first. */
  campaigns: Campaign[];
  activity: PersonActivity[];
  /**
   * The version of one process that /versi compares the current one with, loaded only then: the
   * last approved (or validated) version before the current one; without one, the last version
   * submitted before it (what a head returned). Its snapshot, kept when it was reviewed.
   */
  baseline?: {
    processId: string;
    version: number;
    kind: 'submitted' | 'approved' | 'validated';
    process: Process;
  };
};

/** One unit's line of the progress table (`/progres`). */
export type ProgressRow = {
  unitId: string;
  unitName: string;
  stage: UnitStage;
  /** Processes the unit owns: all of them, those with a flow, and per review status. */
  processes: {
    total: number;
    mapped: number;
    submitted: number;
    approved: number;
    validated: number;
  };
  /** Quality findings (errors and warnings) over the unit's processes. */
  openFindings: number;
  /** Handoffs to or from the unit that the receiving side has not confirmed (pending or disputed). */
  handoffsOpen: number;
  /** ISO time of the last answer of any of the unit's people, or of a review of its processes. */
  lastActivityAt: string | null;
  /** Whole days (Asia/Jakarta calendar) from lastActivityAt to today; null when never active. */
  daysSinceActivity: number | null;
  /** Whole days from today to the campaign's deadline (negative: overdue); null without one. */
  daysToDeadline: number | null;
};

/** How one handoff between units stands in the organisation's interface ledger. */
export const LedgerKind = z.enum([
  /** A's output is B's input and both agree (B confirmed, or B's process names it as an input from A). */
  'matched',
  /** A says it sends (or receives); B has not said so and has not confirmed it yet. */
  'one-sided',
  /** B said no: the coordinator or a correction has to settle it. */
  'disputed',
  /** An output with no customer: nobody consumes it. */
  'orphan-output',
  /** An input with no supplier. */
  'input-without-supplier',
]);
export type LedgerKind = z.infer<typeof LedgerKind>;

export type LedgerEntry = {
  kind: LedgerKind;
  /** The sending unit; null for an input without supplier. */
  fromUnitId: string | null;
  /** The receiving unit; null for an orphan output. */
  toUnitId: string | null;
  /** What passes ("Nota dinas usulan"), as the sender names it. */
  what: string;
  /** The process that says it (the sender's for outputs and edges, the receiver's for inputs). */
  processId: string;
  /** That process's code, for the one-line form ("… (03.02)"). */
  processCode: string;
  /** The handoff's key in that process ("output:o1", "edge:e4", "input:i2"), when it is a handoff. */
  key: string | null;
  /** The process of the other side that takes or gives it, when known. */
  counterpartProcessId: string | null;
};

export type Ledger = {
  entries: LedgerEntry[];
  counts: Record<LedgerKind, number>;
};
