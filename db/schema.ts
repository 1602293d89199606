// The database schema. Migrations in db/migrations/ are generated from this file by drizzle-kit
// (`npx drizzle-kit generate`); never edit a generated migration, add a new one.
//
// Ids of organisations, units, people and processes are the model's own ids (text) and are
// unique across the whole database. Node, edge and SIPOC item ids are unique per process.
// A process's flow is stored normalised: one row per node, edge, SIPOC item and confirmation,
// each with an ordinal that keeps the model's order.
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  customType,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

const tsz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

// ---------------------------------------------------------------------------------------------
// Organisation

/**
 * Revisions of organisations come from one sequence: a value is never handed out twice, not even
 * by a transaction that rolled back, so (organisation id, revision) always names one content.
 */
export const organisationRevisions = pgSequence('organisation_revisions');

export const organisations = pgTable('organisations', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  codePrefix: text('code_prefix'),
  /**
   * A new value from organisation_revisions on every change of the organisation, its units or its
   * people (triggers in migration 0002): a process may keep the organisation in memory and read
   * it again only when this moved.
   */
  revision: bigint('revision', { mode: 'number' })
    .notNull()
    .default(sql`nextval('organisation_revisions')`),
  /**
   * A new value after every change of the organisation's processes (a trigger in migration 0003):
   * a bot process keeps the list of processes in memory and reads it again only when this moved.
   */
  processesRevision: bigint('processes_revision', { mode: 'number' })
    .notNull()
    .default(sql`nextval('organisation_revisions')`),
  createdAt: tsz('created_at').notNull().defaultNow(),
  updatedAt: tsz('updated_at').notNull().defaultNow(),
});

export const units = pgTable(
  'units',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** Position in Organisation.units: children are listed in the order they were given. */
    ordinal: integer('ordinal').notNull(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    parentId: text('parent_id'),
    shortName: text('short_name'),
  },
  (t) => [
    foreignKey({ columns: [t.parentId], foreignColumns: [t.id], name: 'units_parent_fk' }),
    index('units_organisation_idx').on(t.organisationId, t.ordinal),
    index('units_parent_idx').on(t.parentId),
  ],
);

export const people = pgTable(
  'people',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id),
    ordinal: integer('ordinal').notNull(),
    name: text('name').notNull(),
    position: text('position').notNull(),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    roles: text('roles')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    nip: text('nip'),
    language: text('language').notNull().default('id'),
  },
  (t) => [
    index('people_organisation_idx').on(t.organisationId, t.ordinal),
    index('people_unit_idx').on(t.unitId),
  ],
);

/**
 * The messaging accounts people are reached on: (platform, account id) -> person. An account
 * belongs to one person in the whole database (any organisation); a person may have one account
 * per platform and continue one interview on any of them. A trigger (migration 0004) moves the
 * organisation's revision, as people's rows do.
 */
export const channelAccounts = pgTable(
  'channel_accounts',
  {
    platform: text('platform').notNull(),
    accountId: text('account_id').notNull(),
    personId: text('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id),
    linkedAt: tsz('linked_at').notNull().defaultNow(),
    /** Set when the platform says the person blocked the bot; cleared when they come back. */
    unreachableSince: tsz('unreachable_since'),
    /**
     * When the person first wrote from this account (an invitation redeemed, or any message). Null
     * for an account only imported from an organisation file: WhatsApp lets a bot write first to
     * any number, and a cold message gets the number banned, so such an account gets nothing
     * unprompted (no reminder, no notice) until its person writes.
     */
    contactedAt: tsz('contacted_at'),
  },
  (t) => [
    primaryKey({ name: 'channel_accounts_pk', columns: [t.platform, t.accountId] }),
    uniqueIndex('channel_accounts_person_platform_uq').on(t.personId, t.platform),
    index('channel_accounts_organisation_idx').on(t.organisationId),
  ],
);

// ---------------------------------------------------------------------------------------------
// Processes

export const processes = pgTable(
  'processes',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id),
    parentId: text('parent_id'),
    code: text('code').notNull(),
    name: text('name').notNull(),
    category: text('category').notNull(),
    ownerUnitId: text('owner_unit_id').references(() => units.id),
    legalBasis: text('legal_basis')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    status: text('status').notNull(),
    /** False for a grouping process (Process.flow === null). */
    hasFlow: boolean('has_flow').notNull(),
    version: integer('version').notNull(),
    createdAt: tsz('created_at').notNull().defaultNow(),
    updatedAt: tsz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ columns: [t.parentId], foreignColumns: [t.id], name: 'processes_parent_fk' }),
    uniqueIndex('processes_code_uq').on(t.organisationId, t.code),
    index('processes_parent_idx').on(t.parentId),
    check('processes_version_ck', sql`${t.version} >= 1`),
  ],
);

export const flowNodes = pgTable(
  'flow_nodes',
  {
    processId: text('process_id')
      .notNull()
      .references(() => processes.id, { onDelete: 'cascade' }),
    nodeId: text('node_id').notNull(),
    ordinal: integer('ordinal').notNull(),
    kind: text('kind').notNull(),
    /** The step's name, or the label of a start/end node. */
    name: text('name'),
    performerUnitId: text('performer_unit_id').references(() => units.id),
    performerPosition: text('performer_position'),
    kelengkapan: text('kelengkapan')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    waktuValue: doublePrecision('waktu_value'),
    waktuUnit: text('waktu_unit'),
    /** Several outputs of one step (mutu baku), in the clerk's order. */
    outputs: text('outputs')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** The other pelaksana of a joint step, as [{ unitId, position }]. */
    coPerformers: jsonb('co_performers')
      .$type<{ unitId: string; position: string | null }[]>()
      .notNull()
      .default([]),
    /** An end node's outcome: selesai, ditolak, ditunda or lain. */
    outcome: text('outcome'),
    /** A step named before it was described (see the model's `placeholder`). */
    placeholder: boolean('placeholder').notNull().default(false),
    keterangan: text('keterangan'),
  },
  (t) => [
    primaryKey({ name: 'flow_nodes_pk', columns: [t.processId, t.nodeId] }),
    check('flow_nodes_kind_ck', sql`${t.kind} in ('start', 'end', 'activity', 'decision')`),
    check('flow_nodes_waktu_ck', sql`(${t.waktuValue} is null) = (${t.waktuUnit} is null)`),
    index('flow_nodes_performer_idx').on(t.performerUnitId),
  ],
);

export const flowEdges = pgTable(
  'flow_edges',
  {
    processId: text('process_id')
      .notNull()
      .references(() => processes.id, { onDelete: 'cascade' }),
    edgeId: text('edge_id').notNull(),
    ordinal: integer('ordinal').notNull(),
    // Not foreign keys: a draft flow may point at a node that is still missing; the quality
    // rules report it, storage keeps it.
    fromNodeId: text('from_node_id').notNull(),
    toNodeId: text('to_node_id').notNull(),
    label: text('label'),
    document: text('document'),
  },
  (t) => [primaryKey({ name: 'flow_edges_pk', columns: [t.processId, t.edgeId] })],
);

export const sipocItems = pgTable(
  'sipoc_items',
  {
    processId: text('process_id')
      .notNull()
      .references(() => processes.id, { onDelete: 'cascade' }),
    direction: text('direction').notNull(),
    itemId: text('item_id').notNull(),
    ordinal: integer('ordinal').notNull(),
    name: text('name').notNull(),
    partyUnitId: text('party_unit_id').references(() => units.id),
    /** Null when the item has no party (SipocItem.party === null). */
    partyName: text('party_name'),
  },
  (t) => [
    primaryKey({ name: 'sipoc_items_pk', columns: [t.processId, t.direction, t.itemId] }),
    check('sipoc_items_direction_ck', sql`${t.direction} in ('input', 'output')`),
    check('sipoc_items_party_ck', sql`${t.partyUnitId} is null or ${t.partyName} is not null`),
    index('sipoc_items_party_idx').on(t.partyUnitId),
  ],
);

export const handoffConfirmations = pgTable(
  'handoff_confirmations',
  {
    processId: text('process_id')
      .notNull()
      .references(() => processes.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    ordinal: integer('ordinal').notNull(),
    state: text('state').notNull(),
    byPersonId: text('by_person_id').references(() => people.id),
    /** Kept as the model's string, so a round trip returns it unchanged. */
    at: text('at'),
    note: text('note'),
    /** The units the handoff joined when it was confirmed (null in rows from before). */
    fromUnitId: text('from_unit_id'),
    toUnitId: text('to_unit_id'),
    /** The answering unit's process that takes (or gives) it. Not a foreign key: it may go. */
    counterpartProcessId: text('counterpart_process_id'),
    /** The answering unit's own name for what is handed over ("ya, dengan nama lain"). */
    counterpartName: text('counterpart_name'),
    /** The coordinator's decision on a dispute; null while unsettled. */
    settlement: text('settlement'),
    settledByPersonId: text('settled_by_person_id'),
    /** Kept as the model's string, as `at` is. */
    settledAt: text('settled_at'),
  },
  (t) => [
    primaryKey({ name: 'handoff_confirmations_pk', columns: [t.processId, t.key] }),
    check(
      'handoff_confirmations_state_ck',
      sql`${t.state} in ('pending', 'confirmed', 'disputed')`,
    ),
    check(
      'handoff_confirmations_settlement_ck',
      sql`${t.settlement} is null or ${t.settlement} in ('upheld', 'sender-corrects')`,
    ),
    check(
      'handoff_confirmations_settled_ck',
      sql`(${t.settlement} is null) = (${t.settledAt} is null)`,
    ),
    index('handoff_confirmations_person_idx').on(t.byPersonId),
  ],
);

// ---------------------------------------------------------------------------------------------
// Review of processes, stored apart from the flow so that none of it can conflict with a clerk's
// answer. Review events and snapshots are append-only (triggers in their migration) and have no
// foreign key to processes: like the audit log, they outlive what they describe.

export const processReviewEvents = pgTable(
  'process_review_events',
  {
    id: text('id').primaryKey(),
    /** Insertion order, for listing: `at` may repeat. */
    seq: bigint('seq', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
    organisationId: text('organisation_id').notNull(),
    processId: text('process_id').notNull(),
    kind: text('kind').notNull(),
    version: integer('version').notNull(),
    byPersonId: text('by_person_id'),
    at: tsz('at').notNull().defaultNow(),
    comment: text('comment'),
  },
  (t) => [
    check(
      'process_review_events_kind_ck',
      sql`${t.kind} in ('submitted', 'approved', 'returned', 'validated')`,
    ),
    index('process_review_events_process_idx').on(t.processId, t.seq),
    index('process_review_events_organisation_idx').on(t.organisationId, t.seq),
  ],
);

/** The whole model of a submitted or approved version, one per such review event. */
export const processSnapshots = pgTable(
  'process_snapshots',
  {
    reviewEventId: text('review_event_id')
      .primaryKey()
      .references(() => processReviewEvents.id),
    processId: text('process_id').notNull(),
    version: integer('version').notNull(),
    model: jsonb('model').notNull(),
    takenAt: tsz('taken_at').notNull().defaultNow(),
  },
  (t) => [index('process_snapshots_process_idx').on(t.processId, t.version)],
);

/** Coordinators' notes on a process or one of its steps; resolving one is its only change. */
export const processNotes = pgTable(
  'process_notes',
  {
    id: text('id').primaryKey(),
    seq: bigint('seq', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
    organisationId: text('organisation_id').notNull(),
    processId: text('process_id').notNull(),
    nodeId: text('node_id'),
    byPersonId: text('by_person_id'),
    at: tsz('at').notNull().defaultNow(),
    text: text('text').notNull(),
    resolvedAt: tsz('resolved_at'),
    resolvedByPersonId: text('resolved_by_person_id'),
  },
  (t) => [index('process_notes_process_idx').on(t.processId, t.seq)],
);

/**
 * The SOP identity block of a process (core/sop/details.ts): what the map does not hold, asked in
 * a follow-up in chat. Stored apart from the flow: saving it never moves the process's version,
 * and a flow save never touches it.
 */
export const sopDetails = pgTable('sop_details', {
  processId: text('process_id')
    .primaryKey()
    .references(() => processes.id, { onDelete: 'cascade' }),
  organisationId: text('organisation_id').notNull(),
  details: jsonb('details').notNull(),
  updatedAt: tsz('updated_at').notNull().defaultNow(),
  updatedByPersonId: text('updated_by_person_id'),
});

// ---------------------------------------------------------------------------------------------
// Audit log: append-only (a trigger in migration 0001 refuses UPDATE and DELETE). No foreign
// keys, so that rows outlive what they describe.

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: tsz('at').notNull().defaultNow(),
    actorPersonId: text('actor_person_id'),
    actorSystem: text('actor_system'),
    organisationId: text('organisation_id'),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    action: text('action').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [
    check('audit_log_actor_ck', sql`(${t.actorPersonId} is null) <> (${t.actorSystem} is null)`),
    index('audit_log_organisation_idx').on(t.organisationId, t.id),
    index('audit_log_entity_idx').on(t.entityId, t.id),
  ],
);

// ---------------------------------------------------------------------------------------------
// Chat reliability: inbox (dedupe), per-chat lock, interview state, outbox.

export const interviews = pgTable('interviews', {
  /** 'telegram:12345', 'whatsapp:6281234567890', 'terminal:local'. */
  chatKey: text('chat_key').primaryKey(),
  personId: text('person_id').references(() => people.id, { onDelete: 'set null' }),
  state: jsonb('state').notNull(),
  /** Version of the state's shape, upgraded by core when read. */
  stateVersion: integer('state_version').notNull(),
  /** Incremented on every save. */
  revision: integer('revision').notNull(),
  updatedAt: tsz('updated_at').notNull().defaultNow(),
});

export const inbox = pgTable(
  'inbox',
  {
    platform: text('platform').notNull(),
    updateKey: text('update_key').notNull(),
    chatKey: text('chat_key').notNull(),
    receivedAt: tsz('received_at').notNull().defaultNow(),
    status: text('status').notNull(),
    attempts: integer('attempts').notNull().default(1),
    errorCode: text('error_code'),
  },
  (t) => [
    primaryKey({ name: 'inbox_pk', columns: [t.platform, t.updateKey] }),
    check('inbox_status_ck', sql`${t.status} in ('done', 'failed')`),
    // (chat, time): a person's last answer is one index probe per chat (db/repositories/desk.ts).
    index('inbox_chat_received_idx').on(t.chatKey, t.receivedAt),
    index('inbox_received_idx').on(t.receivedAt),
  ],
);

/**
 * One row per chat, locked (row lock) at the start of every inbound transaction of that chat so
 * that one chat's updates apply one after the other across processes. PGlite serialises all
 * transactions itself.
 */
export const chatLocks = pgTable('chat_locks', {
  chatKey: text('chat_key').primaryKey(),
  lockedAt: tsz('locked_at').notNull().defaultNow(),
});

export const outbox = pgTable(
  'outbox',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    chatKey: text('chat_key').notNull(),
    platform: text('platform').notNull(),
    payload: jsonb('payload').notNull(),
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    /** When the row may be claimed: a retry time, or the end of a claim's lease. */
    nextAttemptAt: tsz('next_attempt_at').notNull().defaultNow(),
    createdAt: tsz('created_at').notNull().defaultNow(),
    sentAt: tsz('sent_at'),
    platformMessageId: text('platform_message_id'),
    lastError: text('last_error'),
    /**
     * A map message's pictures (artifacts.key): on a 'deferred' row, the render it waits for; on
     * a 'pending' row put back by the render job, the stored pictures to send.
     */
    artifactKey: text('artifact_key'),
    /**
     * What of a message in several parts went out before a send failed, so that its retry sends
     * only the rest: pages of a map or picture (as photos or as files: the same page either way),
     * and pieces of a long text (or of a map's outline).
     */
    pagesSent: integer('pages_sent').notNull().default(0),
    piecesSent: integer('pieces_sent').notNull().default(0),
  },
  (t) => [
    // deferred: a map whose pictures are being rendered, out of the chat's queue; moved: put back
    // at the chat's tail as a new row once they are stored (bot/jobs/render-map.ts).
    check(
      'outbox_status_ck',
      sql`${t.status} in ('pending', 'sent', 'failed', 'deferred', 'moved')`,
    ),
    index('outbox_deferred_idx')
      .on(t.artifactKey)
      .where(sql`${t.status} = 'deferred'`),
    index('outbox_due_idx')
      .on(t.platform, t.nextAttemptAt)
      .where(sql`${t.status} = 'pending'`),
    index('outbox_chat_pending_idx')
      .on(t.chatKey, t.id)
      .where(sql`${t.status} = 'pending'`),
  ],
);

export const invitations = pgTable(
  'invitations',
  {
    token: text('token').primaryKey(),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id),
    personId: text('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    /** Person id of whoever made the invitation, or 'system:...'. */
    createdBy: text('created_by').notNull(),
    createdAt: tsz('created_at').notNull().defaultNow(),
    expiresAt: tsz('expires_at').notNull(),
    usedAt: tsz('used_at'),
    /** The account that redeemed it, as "<platform>:<account id>". */
    usedByPlatformId: text('used_by_platform_id'),
    revokedAt: tsz('revoked_at'),
  },
  (t) => [index('invitations_person_idx').on(t.personId)],
);

// ---------------------------------------------------------------------------------------------
// Stored artifacts: rendered pictures, read by any process (bot/jobs, bot/delivery).

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
});

/**
 * One row per part of a rendered artifact (part 0 the whole SVG, then one row per PNG page),
 * keyed by the content key of renderers/cache.ts `renderKey`: equal content, one artifact. All
 * parts of a key are written in one transaction, so a reader sees all of them or none.
 */
export const artifacts = pgTable(
  'artifacts',
  {
    key: text('key').notNull(),
    part: integer('part').notNull(),
    /** How many parts the artifact has (the same on every row of a key). */
    parts: integer('parts').notNull(),
    bytes: bytea('bytes').notNull(),
    createdAt: tsz('created_at').notNull().defaultNow(),
    /** Moved forward when the artifact is read; the clean-up job deletes what is long unused. */
    usedAt: tsz('used_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'artifacts_pk', columns: [t.key, t.part] }),
    index('artifacts_used_idx').on(t.usedAt),
  ],
);

// ---------------------------------------------------------------------------------------------
// Coordination: campaigns and the messages time or other people address to a person.

/** A mapping round a coordinator opens for a set of units (core/coordination/types.ts Campaign). */
export const campaigns = pgTable(
  'campaigns',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** Unit ids, in the coordinator's order. Not foreign keys: a campaign outlives a unit's rename. */
    unitIds: jsonb('unit_ids').$type<string[]>().notNull(),
    /** The organisation's calendar day, YYYY-MM-DD. */
    deadline: date('deadline', { mode: 'string' }).notNull(),
    remindAfterDays: integer('remind_after_days').notNull().default(3),
    createdByPersonId: text('created_by_person_id'),
    createdAt: tsz('created_at').notNull().defaultNow(),
    closedAt: tsz('closed_at'),
  },
  (t) => [
    check('campaigns_unit_ids_ck', sql`jsonb_typeof(${t.unitIds}) = 'array'`),
    check('campaigns_remind_ck', sql`${t.remindAfterDays} between 1 and 60`),
    index('campaigns_organisation_idx').on(t.organisationId, t.createdAt),
  ],
);

/**
 * Messages that time or other people address to a person (a reminder, another unit's answer),
 * written in the transaction of what causes them and delivered after commit by a job. The key
 * makes a message unique ("reminder:<person>:<day>"): writing it twice adds nothing.
 */
export const personEvents = pgTable(
  'person_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    key: text('key').notNull(),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    personId: text('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    /** The interview's Input (db/repositories/person-events.ts PersonEventInput). */
    input: jsonb('input').notNull(),
    createdAt: tsz('created_at').notNull().defaultNow(),
    deliveredAt: tsz('delivered_at'),
    outcome: text('outcome'),
  },
  (t) => [
    uniqueIndex('person_events_key_uq').on(t.key),
    check(
      'person_events_outcome_ck',
      sql`${t.outcome} is null or ${t.outcome} in ('delivered', 'unreachable', 'refused')`,
    ),
    check('person_events_delivered_ck', sql`(${t.deliveredAt} is null) = (${t.outcome} is null)`),
    index('person_events_undelivered_idx')
      .on(t.id)
      .where(sql`${t.deliveredAt} is null`),
    index('person_events_person_idx').on(t.personId, t.createdAt),
    index('person_events_organisation_idx').on(t.organisationId, t.createdAt),
  ],
);

// ---------------------------------------------------------------------------------------------
// WhatsApp: the linked device's login keys and the session that holds them.

/**
 * A linked WhatsApp device: its number once linked, and the lease that lets one process at a
 * time use it (two processes on one login make WhatsApp drop both). The lease is taken and
 * renewed by a conditional update (db/repositories/whatsapp-sessions.ts).
 */
export const whatsappSessions = pgTable('whatsapp_sessions', {
  session: text('session').primaryKey(),
  /** The linked number, digits with the country code ('6281234567890'); null until linked. */
  ownNumber: text('own_number'),
  linkedAt: tsz('linked_at'),
  lastConnectedAt: tsz('last_connected_at'),
  /** 'host:pid' of the process using the session; null when none. */
  leaseHolder: text('lease_holder'),
  leaseUntil: tsz('lease_until'),
});

/**
 * Baileys' authentication state: the credentials (type 'creds', id 'creds') and the signal keys
 * (type 'pre-key', 'session', 'app-state-sync-key', ...), each value as JSON written with
 * Baileys' BufferJSON so that Buffers survive.
 */
export const whatsappAuth = pgTable(
  'whatsapp_auth',
  {
    session: text('session').notNull(),
    type: text('type').notNull(),
    id: text('id').notNull(),
    value: text('value').notNull(),
    updatedAt: tsz('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'whatsapp_auth_pk', columns: [t.session, t.type, t.id] })],
);
