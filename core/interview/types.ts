// The interview's vocabulary: what comes in, what goes out, and the state kept between answers.
import { z } from 'zod';
import { Language, Person, Unit, type Organisation } from '../model/organisation.js';
import { type HandoffConfirmation, Process } from '../model/process.js';
import { Delta } from './delta.js';
import { QuestionId } from './question-ids.js';
import type { Bilingual } from '../language/bilingual.js';
import type { Campaign, Desk } from '../coordination/types.js';
import type { ReviewKind } from '../model/review.js';
import type { SopDetails } from '../sop/details.js';
import type { SopChange } from '../sop/fields.js';

/** The files a chat can be sent (see the `file` outbound). */
export const FileWhat = z.enum([
  'bpmn',
  'sop-pdf',
  'sop-docx',
  'inventory-xlsx',
  'annex-pdf',
  'decree-docx',
]);
export type FileWhat = z.infer<typeof FileWhat>;

/** One inbound message, already converted from the platform's update by the channel. */
export type Input =
  | { kind: 'text'; text: string }
  /** A button press. `rev` is the state revision the question was asked at. */
  | { kind: 'choice'; questionId: string; optionId: string; rev: number }
  /**
   * A button press known by position: the `index`-th choice of the question asked at revision
   * `rev`. Compact enough for any platform's button payload (Telegram allows 64 bytes).
   */
  | { kind: 'button'; rev: number; index: number }
  /** Something we cannot read as an answer (photo, sticker, voice, location...). */
  | {
      kind: 'unsupported';
      what: 'photo' | 'sticker' | 'voice' | 'location' | 'document' | 'edited' | 'other';
    }
  /** The person opened the chat again (/start, or a channel reconnect): re-ask where we are. */
  | { kind: 'resume' }
  /**
   * Time: a reminder for this person is due (a job or a coordinator's /ingatkan says so); `at` is
   * when it was due, `left` what the coordinator's desk counted as left for them.
   */
  | { kind: 'reminder-due'; at: string; left?: { processes: number; handoffs: number } }
  /** Another person acted on a process this person described. */
  | {
      kind: 'process-event';
      event: ProcessEventKind;
      processId: string;
      /** Who acted: "Budi (Kepala Bagian Organisasi)". */
      by: string;
      /** Their words (a comment on a return), or null. */
      comment: string | null;
      /**
       * A handoff answered or settled: the answer as stored, so that this person's copy of the
       * process shows it (confirmations are stored apart from the flow they hold a copy of).
       */
      confirmation?: HandoffConfirmation;
    };

/**
 * What another person did to a process: changed it, answered or asked about a handoff, reviewed
 * it, settled a dispute. 'handoff-asked': another unit's process names a handoff this person's
 * unit must answer.
 */
export type ProcessEventKind =
  | 'changed'
  | 'handoff-asked'
  | 'handoff-confirmed'
  | 'handoff-disputed'
  | 'handoff-settled'
  /** The answering unit proposes a correction of its steps in this person's map. */
  | 'correction-proposed'
  | 'returned'
  | 'approved'
  | 'validated';

export const Choice = z.object({ id: z.string(), label: z.string() });
export type Choice = z.infer<typeof Choice>;

/** Which picture of the organisation: drawn from the stored data when the message is sent. */
export const PictureRequest = z.discriminatedUnion('what', [
  z.object({
    what: z.literal('progress'),
    organisationId: z.string(),
    campaignId: z.string().nullable(),
    /** Only these units (a unit head's own); null: the campaign's or all. */
    unitIds: z.array(z.string()).nullable(),
  }),
  z.object({
    what: z.literal('ledger'),
    organisationId: z.string(),
    unitId: z.string().nullable(),
  }),
  z.object({ what: z.literal('level0'), organisationId: z.string() }),
  z.object({ what: z.literal('tree'), organisationId: z.string(), processId: z.string() }),
  /**
   * The Peta Relasi drawn from the processes' flows: the units and what passes between them in
   * each process, with its confirmation state; one process, or (null) every process with a flow.
   */
  z.object({
    what: z.literal('relation'),
    organisationId: z.string(),
    processId: z.string().nullable(),
  }),
  /** A process's map with the steps changed since `sinceVersion` marked. */
  z.object({ what: z.literal('changes'), processId: z.string(), sinceVersion: z.number().int() }),
]);
export type PictureRequest = z.infer<typeof PictureRequest>;

/**
 * What to say, channel-neutral. A channel turns it into buttons, a numbered list or plain lines.
 * Stored in the outbox as JSON and checked with this schema when read back (db/repositories/outbox.ts).
 */
export const Outbound = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), text: z.string() }),
  z.object({
    kind: z.literal('question'),
    /** A question id of the questionnaire the message was asked from (kept as text: a message
     * queued before a deployment that drops the question is still sent). */
    questionId: z.string(),
    rev: z.number().int(),
    text: z.string(),
    choices: z.array(Choice),
    /** True when /lewati is accepted. */
    optional: z.boolean(),
    /** 'letters' where a bare number means a step number, so choices are a), b), c). */
    numbering: z.literal('letters').optional(),
  }),
  /** The draft map of a process, to be rendered and sent as a picture (text outline meanwhile). */
  z.object({
    kind: z.literal('map'),
    processId: z.string(),
    outline: z.string(),
    caption: z.string(),
  }),
  /**
   * A picture of the organisation for a coordinator (the progress chart, the ledger, Level 0, a
   * process tree, a map with its changes marked), drawn by a job from what is stored when it is
   * sent; the outline is what is said while it is drawn, or if it cannot be.
   */
  z.object({
    kind: z.literal('picture'),
    picture: PictureRequest,
    outline: z.string(),
    caption: z.string(),
  }),
  /**
   * A file made by a job when it is sent (channels never render). Of one process (`processId`):
   * `bpmn` (BPMN 2.0 XML, for Camunda Modeler or bpmn.io), `sop-pdf` and `sop-docx` (its SOP AP,
   * on `paper`, A4 unless said). Of the organisation (`organisationId`): `inventory-xlsx` (Daftar
   * Proses Bisnis), `annex-pdf` (the decree's Lampiran) and `decree-docx` (the decree's draft).
   * Telegram sends it as a document; the terminal writes it to a file and says where.
   * Example: { "kind": "file", "what": "bpmn", "processId": "p-1", "caption": "Berkas BPMN ..." }
   */
  z.object({
    kind: z.literal('file'),
    what: FileWhat,
    processId: z.string().optional(),
    organisationId: z.string().optional(),
    paper: z.enum(['a4', 'f4']).optional(),
    caption: z.string(),
  }),
  /**
   * An invitation made: each channel says how to redeem it its own way (a Telegram deep link, a
   * code to send on WhatsApp, a command in the terminal).
   */
  z.object({
    kind: z.literal('invitation'),
    personName: z.string(),
    position: z.string(),
    token: z.string(),
    /** ISO timestamp. */
    expiresAt: z.string(),
  }),
]);
export type Outbound = z.infer<typeof Outbound>;

/** Changes to the world outside the interview, carried out by the caller in the same transaction. */
export type Effect =
  | { kind: 'create-organisation'; organisation: Organisation }
  | { kind: 'add-unit'; organisationId: string; unit: Unit }
  | { kind: 'register-person'; organisationId: string; person: Person }
  | { kind: 'set-language'; personId: string; language: Language }
  /** Save the process; `process.version` is the version expected in storage (0 = new). */
  | { kind: 'save-process'; organisationId: string; process: Process }
  | { kind: 'submitted'; organisationId: string; processId: string; personId: string }
  /** A coordinator invites a person: the token goes into a deep link that binds a chat account. */
  | {
      kind: 'create-invitation';
      organisationId: string;
      personId: string;
      token: string;
      expiresAt: string;
      createdBy: string;
    }
  /**
   * Tell another person something (a coordinator: a process was submitted). The caller addresses
   * it to the channel that person uses; it is not an answer to anything they said.
   */
  | { kind: 'notify'; personId: string; message: Bilingual }
  /**
   * An input for another person's conversation (a process returned to its clerk, a handoff to
   * answer, a reminder): stored with the action and applied to their chat after commit. `key`
   * names it once: the same key is never delivered twice (a reminder a day).
   */
  | { kind: 'deliver'; organisationId: string; personId: string; key: string; input: PersonInput }
  /** A unit head or coordinator reviews the version of a process they saw. */
  | {
      kind: 'review';
      organisationId: string;
      processId: string;
      review: Exclude<ReviewKind, 'submitted'>;
      version: number;
      personId: string;
      comment: string | null;
    }
  /** The answering unit's word on a handoff of another unit's process. */
  | {
      kind: 'answer-handoff';
      organisationId: string;
      processId: string;
      key: string;
      personId: string;
      answer: 'confirmed' | 'renamed' | 'disputed';
      counterpartProcessId: string | null;
      counterpartName: string | null;
      note: string | null;
    }
  /** The coordinator settles a disputed handoff. */
  | {
      kind: 'settle-handoff';
      organisationId: string;
      processId: string;
      key: string;
      personId: string;
      settlement: 'upheld' | 'sender-corrects';
      note: string | null;
    }
  | { kind: 'create-campaign'; campaign: Campaign }
  /**
   * The SOP details of a process changed (core/sop/fields.ts): merged into what is stored, apart
   * from the flow. `today` (YYYY-MM-DD, Asia/Jakarta) is the Tanggal pembuatan when none is given.
   */
  | {
      kind: 'change-sop-details';
      organisationId: string;
      processId: string;
      change: SopChange;
      personId: string;
      today: string;
    };

/** The inputs one person's action (or time) addresses to another person's conversation. */
export type PersonInput = Extract<Input, { kind: 'reminder-due' | 'process-event' }>;

export type RefusalCode =
  | 'invalid-answer'
  | 'required'
  | 'stale-button'
  | 'unknown-command'
  | 'unsupported-input'
  | 'nothing-to-undo'
  | 'bad-step-number';

export type StepResult = {
  state: InterviewState;
  outbound: Outbound[];
  effects: Effect[];
  refused?: { code: RefusalCode; questionId: string };
};

/** A stored process as the interview sees it: no flow, only whether it has one. */
export type ProcessSummary = Pick<
  Process,
  'id' | 'code' | 'name' | 'category' | 'parentId' | 'ownerUnitId' | 'status'
> & {
  hasFlow: boolean;
};

/** Read-only context the caller loads before each step. */
export type Context = {
  organisation: Organisation | null;
  /** The person this chat is bound to, when the channel knows (an invitation, a --person flag). */
  person: Person | null;
  /** Processes of the organisation as stored (for parent picks, codes, "Peta unit saya"). */
  processes: readonly ProcessSummary[];
  /**
   * The coordination desk (every process with its flow, reviews, campaigns, activity), loaded
   * only when the step needs it (needsDesk): a coordinator's command, a handoff to answer.
   */
  desk?: Desk;
  /** The SOP details of the process a /sop or its follow-up is about, loaded only then. */
  sop?: SopContext;
};

/** What the SOP follow-up reads of a process: its details as stored (null: never given). */
export type SopContext = {
  processId: string;
  details: SopDetails | null;
  /** The process's own Dasar Hukum (asked in the interview, or imported). */
  legalBasis: string[];
};

export type Env = {
  /** ISO timestamp of now: the engine never reads the clock. */
  now: string;
  /** A fresh globally unique id (processes, people, units): the engine never draws random numbers. */
  newId: () => string;
};

/** Where the interview stands: the question and what it is about. */
export const Cursor = z.object({
  q: QuestionId,
  /** The process the question is about. */
  pid: z.string().optional(),
  /** The step (flow node) the question is about. */
  nid: z.string().optional(),
  /** Index of a decision exit, or of a SIPOC round. */
  i: z.number().int().optional(),
  /**
   * 'edit': answers return to the edit menu of the step; 'insert': a step being inserted, which
   * returns to where the person was once described. Absent: the normal forward interview.
   */
  mode: z.enum(['edit', 'insert']).optional(),
});
export type Cursor = z.infer<typeof Cursor>;

/** Work in progress that is not yet part of a process. */
export const Work = z.object({
  /** Inventory processes still to be mapped, in order. */
  queue: z.array(z.string()).default([]),
  /** Steps pasted as a list, still to be completed one by one. */
  pasted: z.array(z.string()).default([]),
  /** Decision exits that lead to a step not yet described: { decision node, exit label }. */
  branches: z
    .array(
      z.object({
        from: z.string(),
        label: z.string(),
        order: z.array(z.string()).default([]),
      }),
    )
    .default([]),
  /** Registration answers gathered so far. */
  reg: z
    .object({
      orgName: z.string().optional(),
      name: z.string().optional(),
      position: z.string().optional(),
    })
    .default({}),
  /** The unit picked in a performer/party sub-question, waiting for a position. */
  pickedUnit: z.string().optional(),
  /** The edge to draw into the next new step: from where, with which exit label or document. */
  attach: z
    .object({
      from: z.string(),
      label: z.string().nullable(),
      document: z.string().nullable(),
      /** The decision's exit labels in the order named, to keep its exits in that order. */
      order: z.array(z.string()).optional(),
    })
    .optional(),
  /** Performer decided before the step exists (a handoff names who receives the work). */
  preset: z.object({ unitId: z.string(), position: z.string().nullable() }).optional(),
  /**
   * Exits pointed at a step number not yet described ("ke langkah 9"): the edge is drawn when
   * that step is named, or the step is asked for when the chain ends.
   */
  forward: z
    .array(
      z.object({
        from: z.string(),
        label: z.string().nullable(),
        no: z.number().int(),
        document: z.string().nullable().optional(),
      }),
    )
    .optional(),
  /**
   * Steps named with "ke <nama>" before they were described: completed after the steps typed at a
   * decision's exits, since the clerk pointed ahead to them.
   */
  later: z.array(z.string()).optional(),
  /** Steps of one message that became several, waiting for the clerk's "betul". */
  split: z.array(z.string()).optional(),
  /** Processes whose waktu list was asked (or skipped): not asked again at the same review. */
  waktuAsked: z.array(z.string()).optional(),
  /** Exit labels of the decision being described. */
  exitLabels: z.array(z.string()).default([]),
  /** Where to go after an edit, insert or cancel. */
  returnTo: z.array(Cursor).default([]),
  /** Drafts changed during a description and not yet saved as processes. */
  unsaved: z.array(z.string()).optional(),
  /** Party name typed that matched no unit, waiting for the person to say what it is. */
  newParty: z.string().optional(),
  /**
   * The first part of a long paste that Telegram splits into several messages (over 4,096
   * characters), held for the question it answers until the next part arrives.
   */
  heldPaste: z
    .object({ q: z.string(), pid: z.string().optional(), text: z.string().max(200_000) })
    .optional(),
  /** A process name the unit already has, typed at the inventory: continue it or add anyway. */
  duplicate: z.object({ name: z.string(), existingId: z.string() }).optional(),
  /** The SOP file asked for while its details are being given (/sop docx, /sop f4). */
  sop: z.object({ what: z.enum(['sop-pdf', 'sop-docx']), paper: z.enum(['a4', 'f4']) }).optional(),
  /** A coordinator's or an answering unit's dialog in progress (core/interview/desk/). */
  desk: z
    .object({
      /** Handoffs of other units' processes this person is answering, the current one first. */
      handoffs: z.array(z.object({ processId: z.string(), key: z.string() })).optional(),
      /** Disputed handoffs the coordinator is settling, the current one first. */
      disputes: z.array(z.object({ processId: z.string(), key: z.string() })).optional(),
      /** The answer being given to the current handoff, while its name or process is asked. */
      answer: z
        .object({ answer: z.enum(['confirmed', 'renamed']), name: z.string().optional() })
        .optional(),
      /** The version of a process being returned, waiting for the comment. */
      review: z.object({ processId: z.string(), version: z.number().int() }).optional(),
      /** A campaign being set up. */
      campaign: z
        .object({
          name: z.string().optional(),
          unitIds: z.array(z.string()).optional(),
          deadline: z.string().optional(),
        })
        .optional(),
    })
    .optional(),
});
export type Work = z.infer<typeof Work>;

/** What a step back restores: where the interview stood, the drafts, and the work in progress. */
export const SnapshotCore = z.object({
  cursor: Cursor,
  drafts: z.array(Process),
  work: Work,
});
export type SnapshotCore = z.infer<typeof SnapshotCore>;

/** A state the interview can go back to; `note` is the question it was at (for the message). */
export type Snapshot = SnapshotCore & { note: string };

/** One earlier state, as history.ts keeps it. */
export const HistoryEntry = z.union([
  /** A delta against the next newer state, whose fingerprint is `h`. */
  z.object({ note: z.string(), d: Delta, h: z.string() }),
  /** The whole state (while a step back is being finished, and states upgraded from version 1). */
  z.object({ note: z.string(), f: SnapshotCore }),
]);
export type HistoryEntry = z.infer<typeof HistoryEntry>;

/** 2: the history holds deltas (1 held whole states; read and upgraded by state.ts). */
export const STATE_VERSION = 2;

export const InterviewState = z.object({
  v: z.literal(STATE_VERSION),
  /** Version of the questionnaire this interview began on. */
  qv: z.string(),
  /** Revision: +1 on every applied input; buttons carry it so a late tap is recognised. */
  rev: z.number().int().nonnegative(),
  lang: Language,
  personId: z.string().nullable(),
  organisationId: z.string().nullable(),
  cursor: Cursor,
  /** Processes being composed in this chat (the working copies). */
  drafts: z.array(Process),
  work: Work,
  /** States before the last answers, oldest first, for /kembali and /urungkan (history.ts). */
  history: z.array(HistoryEntry).default([]),
  /** Counter for ids local to a process (nodes, edges, SIPOC items). */
  seq: z.number().int().nonnegative(),
});
export type InterviewState = z.infer<typeof InterviewState>;

/**
 * The state as readState checks it when it is read from storage: the whole shape, except the
 * inside of each history delta. Checking those (recursive, any JSON) took ~15x the rest of the
 * state; a delta is checked when it is decoded instead (history.ts), which only /kembali and
 * /urungkan do.
 */
export const StoredInterviewState = InterviewState.extend({
  history: z
    .array(
      z.union([
        z.object({ note: z.string(), d: z.record(z.string(), z.unknown()), h: z.string() }),
        z.object({ note: z.string(), f: SnapshotCore }),
      ]),
    )
    .default([]),
});
