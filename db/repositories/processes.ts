// Processes and their flows, stored normalised and saved with an optimistic version check.
import { and, asc, desc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import { reanchorConfirmations } from '../../core/model/handoffs.js';
import { same } from '../../core/model/merge.js';
import { type FlowNode, Process } from '../../core/model/process.js';
import { cleanJson } from '../clean-text.js';
import { rowsOf } from '../raw-rows.js';
import { inSnapshot } from '../snapshot.js';
import type { Db } from '../client.js';
import { IdConflictError, pgConstraint, pgErrorCode, UNIQUE_VIOLATION } from '../errors.js';
import {
  auditLog,
  flowEdges,
  flowNodes,
  handoffConfirmations,
  processes,
  sipocItems,
} from '../schema.js';
import { type Actor, writeAudit } from './audit.js';

/** Someone else saved (or deleted) the process since it was read. */
export class VersionConflict extends Error {
  readonly code = 'VERSION_CONFLICT';
  constructor(
    readonly processId: string,
    readonly expectedVersion: number,
    /** The stored version now; null when the process does not exist (any more). */
    readonly currentVersion: number | null,
  ) {
    super(
      `Proses ${processId} sudah diubah orang lain (versi ${currentVersion ?? 'terhapus'}, diharapkan ${expectedVersion}). / ` +
        `Process ${processId} was changed meanwhile (stored version ${currentVersion ?? 'none'}, expected ${expectedVersion}).`,
    );
    this.name = 'VersionConflict';
  }
}

export type SaveProcessResult =
  | { outcome: 'saved'; process: Process }
  | { outcome: 'conflict'; conflict: VersionConflict }
  /** The code is already used by another process of the organisation. */
  | { outcome: 'code-taken'; code: string; processId: string | null };

export type DeleteProcessResult =
  | { outcome: 'deleted' }
  | { outcome: 'not-found' }
  | { outcome: 'conflict'; conflict: VersionConflict }
  | { outcome: 'has-children'; childIds: string[] };

const processColumns = {
  id: processes.id,
  organisationId: processes.organisationId,
  parentId: processes.parentId,
  code: processes.code,
  name: processes.name,
  category: processes.category,
  ownerUnitId: processes.ownerUnitId,
  legalBasis: processes.legalBasis,
  status: processes.status,
  hasFlow: processes.hasFlow,
  version: processes.version,
};

/** Compares hierarchical codes segment by segment as numbers: "2" < "10", "03" < "03.01". */
export function compareCodes(a: string, b: string): number {
  const as = a.split('.');
  const bs = b.split('.');
  for (let i = 0; i < Math.min(as.length, bs.length); i++) {
    const d = Number(as[i]) - Number(bs[i]);
    if (d !== 0) return d;
  }
  return as.length - bs.length || (a < b ? -1 : a > b ? 1 : 0);
}

async function loadWhere(db: Db, where: SQL): Promise<Process[]> {
  // All five statements at once (pipelined on PostgreSQL): the child rows are chosen by the same
  // condition as a subquery, not by a list of ids read first, so a whole organisation's thousand
  // processes are one round trip, not two. Callers read in one snapshot (or hold the row lock).
  const ids = db.select({ id: processes.id }).from(processes).where(where);
  const [rows, nodes, edges, sipoc, confirmations] = await Promise.all([
    db.select(processColumns).from(processes).where(where),
    db
      .select({
        processId: flowNodes.processId,
        nodeId: flowNodes.nodeId,
        kind: flowNodes.kind,
        name: flowNodes.name,
        performerUnitId: flowNodes.performerUnitId,
        performerPosition: flowNodes.performerPosition,
        kelengkapan: flowNodes.kelengkapan,
        waktuValue: flowNodes.waktuValue,
        waktuUnit: flowNodes.waktuUnit,
        outputs: flowNodes.outputs,
        coPerformers: flowNodes.coPerformers,
        outcome: flowNodes.outcome,
        placeholder: flowNodes.placeholder,
        keterangan: flowNodes.keterangan,
      })
      .from(flowNodes)
      .where(inArray(flowNodes.processId, ids))
      .orderBy(asc(flowNodes.processId), asc(flowNodes.ordinal)),
    db
      .select({
        processId: flowEdges.processId,
        id: flowEdges.edgeId,
        from: flowEdges.fromNodeId,
        to: flowEdges.toNodeId,
        label: flowEdges.label,
        document: flowEdges.document,
      })
      .from(flowEdges)
      .where(inArray(flowEdges.processId, ids))
      .orderBy(asc(flowEdges.processId), asc(flowEdges.ordinal)),
    db
      .select({
        processId: sipocItems.processId,
        direction: sipocItems.direction,
        id: sipocItems.itemId,
        name: sipocItems.name,
        partyUnitId: sipocItems.partyUnitId,
        partyName: sipocItems.partyName,
      })
      .from(sipocItems)
      .where(inArray(sipocItems.processId, ids))
      .orderBy(asc(sipocItems.processId), asc(sipocItems.direction), asc(sipocItems.ordinal)),
    db
      .select({
        processId: handoffConfirmations.processId,
        key: handoffConfirmations.key,
        state: handoffConfirmations.state,
        byPersonId: handoffConfirmations.byPersonId,
        at: handoffConfirmations.at,
        note: handoffConfirmations.note,
        fromUnitId: handoffConfirmations.fromUnitId,
        toUnitId: handoffConfirmations.toUnitId,
        counterpartProcessId: handoffConfirmations.counterpartProcessId,
        counterpartName: handoffConfirmations.counterpartName,
        settlement: handoffConfirmations.settlement,
        settledByPersonId: handoffConfirmations.settledByPersonId,
        settledAt: handoffConfirmations.settledAt,
      })
      .from(handoffConfirmations)
      .where(inArray(handoffConfirmations.processId, ids))
      .orderBy(asc(handoffConfirmations.processId), asc(handoffConfirmations.ordinal)),
  ]);

  const group = <T extends { processId: string }>(xs: T[]) => {
    const m = new Map<string, T[]>();
    for (const x of xs) {
      const list = m.get(x.processId);
      if (list) list.push(x);
      else m.set(x.processId, [x]);
    }
    return m;
  };
  if (!rows.length) return [];
  const nodesBy = group(nodes);
  const edgesBy = group(edges);
  const sipocBy = group(sipoc);
  const confBy = group(confirmations);

  return rows
    .map((r) => {
      const sip = sipocBy.get(r.id) ?? [];
      const item = (s: (typeof sip)[number]) => ({
        id: s.id,
        name: s.name,
        party: s.partyName === null ? null : { unitId: s.partyUnitId, name: s.partyName },
      });
      return Process.parse({
        id: r.id,
        code: r.code,
        name: r.name,
        category: r.category,
        parentId: r.parentId,
        ownerUnitId: r.ownerUnitId,
        sipoc: {
          inputs: sip.filter((s) => s.direction === 'input').map(item),
          outputs: sip.filter((s) => s.direction === 'output').map(item),
        },
        legalBasis: r.legalBasis,
        status: r.status,
        version: r.version,
        flow: r.hasFlow
          ? {
              nodes: (nodesBy.get(r.id) ?? []).map((n) =>
                n.kind === 'start'
                  ? { kind: n.kind, id: n.nodeId, label: n.name }
                  : n.kind === 'end'
                    ? { kind: n.kind, id: n.nodeId, label: n.name, outcome: n.outcome ?? 'selesai' }
                    : {
                        kind: n.kind,
                        id: n.nodeId,
                        name: n.name,
                        performer:
                          n.performerUnitId === null
                            ? null
                            : { unitId: n.performerUnitId, position: n.performerPosition },
                        kelengkapan: n.kelengkapan,
                        waktu:
                          n.waktuValue === null || n.waktuUnit === null
                            ? null
                            : { value: n.waktuValue, unit: n.waktuUnit },
                        coPerformers: n.coPerformers,
                        outputs: n.outputs,
                        keterangan: n.keterangan,
                        ...(n.placeholder ? { placeholder: true } : {}),
                      },
              ),
              edges: (edgesBy.get(r.id) ?? []).map(({ processId: _, ...e }) => e),
            }
          : null,
        handoffConfirmations: (confBy.get(r.id) ?? []).map(({ processId: _, ...c }) => c),
      });
    })
    .sort((a, b) => compareCodes(a.code, b.code));
}

/** One process with its flow, or null. With organisationId, only a process of that organisation. */
export async function loadProcess(
  db: Db,
  p: { processId: string; organisationId?: string },
): Promise<Process | null> {
  const where = p.organisationId
    ? and(eq(processes.id, p.processId), eq(processes.organisationId, p.organisationId))!
    : eq(processes.id, p.processId);
  const [found] = await inSnapshot(db, (tx) => loadWhere(tx, where));
  return found ?? null;
}

/** Every process of an organisation, full models, ordered by code (numerically per segment). */
export async function listProcesses(db: Db, p: { organisationId: string }): Promise<Process[]> {
  return inSnapshot(db, (tx) => loadWhere(tx, eq(processes.organisationId, p.organisationId)));
}

/**
 * Every process of an organisation, read with the caller's transaction (no savepoint of its own):
 * for a read that already runs in one snapshot with others (db/repositories/desk.ts).
 */
export function readProcessesInTransaction(
  db: Db,
  p: { organisationId: string },
): Promise<Process[]> {
  return loadWhere(db, eq(processes.organisationId, p.organisationId));
}

/** The organisation a process belongs to, or null. */
export async function processOrganisation(
  db: Db,
  p: { processId: string },
): Promise<string | null> {
  const [row] = await db
    .select({ organisationId: processes.organisationId })
    .from(processes)
    .where(eq(processes.id, p.processId));
  return row?.organisationId ?? null;
}

function assertUnique(what: string, ids: string[]): void {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) throw new Error(`Duplicate ${what} id in process: ${id}`);
    seen.add(id);
  }
}

/**
 * What a save writes.
 * - 'flow': what the clerk describes: the process's fields, its flow and SIPOC. The handoff
 *   confirmations stay as stored (they follow a handoff that moved to a new edge, see
 *   reanchorConfirmations), and so does the status, which review events set, except that a
 *   reviewed process whose content changes is a draft again (the reviewed version stays as a
 *   snapshot). This is the save of the chat.
 * - 'whole': the model as given, confirmations and status included (import, tools).
 */
export type SaveScope = 'flow' | 'whole';

/**
 * Saves a process with its flow in one transaction. `expectedVersion` is the version the caller
 * read (0 for a new process); when another save came first the result is a VersionConflict and
 * nothing is written. On success the stored version is expectedVersion + 1 and an audit row holds
 * the model before and after. Strings are cleaned (cleanText) first, so the returned process is
 * what a later load returns. `scope` (default 'whole') says what is written.
 */
export async function saveProcess(
  db: Db,
  p: {
    organisationId: string;
    process: Process;
    expectedVersion: number;
    actor: Actor;
    scope?: SaveScope;
    /** A new process's first version (default 1): an import keeps the exported one. */
    initialVersion?: number;
  },
): Promise<SaveProcessResult> {
  const proc = Process.parse(cleanJson(p.process));
  if (proc.flow) {
    assertUnique(
      'node',
      proc.flow.nodes.map((n) => n.id),
    );
    assertUnique(
      'edge',
      proc.flow.edges.map((e) => e.id),
    );
  }
  assertUnique(
    'input',
    proc.sipoc.inputs.map((i) => i.id),
  );
  assertUnique(
    'output',
    proc.sipoc.outputs.map((i) => i.id),
  );
  assertUnique(
    'confirmation',
    proc.handoffConfirmations.map((c) => c.key),
  );

  try {
    return await saveProcessTx(
      db,
      p.organisationId,
      proc,
      p.expectedVersion,
      p.actor,
      p.scope ?? 'whole',
      Math.max(1, p.initialVersion ?? 1),
    );
  } catch (e) {
    // Two processes given the same code at the same moment: the unique index decides.
    if (pgErrorCode(e) === UNIQUE_VIOLATION && pgConstraint(e) === 'processes_code_uq') {
      const [holder] = await db
        .select({ id: processes.id, version: processes.version })
        .from(processes)
        .where(and(eq(processes.organisationId, p.organisationId), eq(processes.code, proc.code)));
      // The same process created by another writer at the same moment: a version conflict.
      if (holder?.id === proc.id) {
        return {
          outcome: 'conflict',
          conflict: new VersionConflict(proc.id, p.expectedVersion, holder.version),
        };
      }
      return { outcome: 'code-taken', code: proc.code, processId: holder?.id ?? null };
    }
    throw e;
  }
}

function saveProcessTx(
  db: Db,
  organisationId: string,
  proc: Process,
  expectedVersion: number,
  actor: Actor,
  scope: SaveScope,
  initialVersion: number,
): Promise<SaveProcessResult> {
  const conflict = (current: number | null): SaveProcessResult => ({
    outcome: 'conflict',
    conflict: new VersionConflict(proc.id, expectedVersion, current),
  });
  const columns = {
    organisationId,
    parentId: proc.parentId,
    code: proc.code,
    name: proc.name,
    category: proc.category,
    ownerUnitId: proc.ownerUnitId,
    legalBasis: proc.legalBasis,
    status: proc.status,
    hasFlow: proc.flow !== null,
  };

  return db.transaction(async (tx): Promise<SaveProcessResult> => {
    const [codeHolder] = await tx
      .select({ id: processes.id })
      .from(processes)
      .where(
        and(
          eq(processes.organisationId, organisationId),
          eq(processes.code, proc.code),
          ne(processes.id, proc.id),
        ),
      );
    if (codeHolder) return { outcome: 'code-taken', code: proc.code, processId: codeHolder.id };

    let before: Process | null = null;
    let version: number;
    let status = proc.status;
    let confirmations = scope === 'whole' ? proc.handoffConfirmations : [];
    if (expectedVersion === 0) {
      const [inserted] = await tx
        .insert(processes)
        .values({ id: proc.id, ...columns, version: initialVersion })
        .onConflictDoNothing({ target: processes.id })
        .returning({ version: processes.version });
      if (!inserted) {
        const [existing] = await tx
          .select({ organisationId: processes.organisationId, version: processes.version })
          .from(processes)
          .where(eq(processes.id, proc.id));
        if (existing && existing.organisationId !== organisationId)
          throw new IdConflictError('process', [proc.id]);
        return conflict(existing?.version ?? null);
      }
      version = inserted.version;
    } else {
      // Lock the row first so that `before` is exactly what this save replaces.
      const [locked] = await tx
        .select({ organisationId: processes.organisationId, version: processes.version })
        .from(processes)
        .where(eq(processes.id, proc.id))
        .for('update');
      if (!locked || locked.organisationId !== organisationId) return conflict(null);
      if (locked.version !== expectedVersion) return conflict(locked.version);
      [before = null] = await loadWhere(tx, eq(processes.id, proc.id));
      if (scope === 'flow' && before) {
        status = before.status === 'draft' || sameContent(before, proc) ? before.status : 'draft';
        confirmations = before.handoffConfirmations;
      }
      const [updated] = await tx
        .update(processes)
        .set({
          ...columns,
          status,
          version: sql`${processes.version} + 1`,
          updatedAt: sql`now()`,
        })
        .where(and(eq(processes.id, proc.id), eq(processes.version, expectedVersion)))
        .returning({ version: processes.version });
      if (!updated) return conflict(null);
      version = updated.version;
      await tx.delete(flowNodes).where(eq(flowNodes.processId, proc.id));
      await tx.delete(flowEdges).where(eq(flowEdges.processId, proc.id));
      await tx.delete(sipocItems).where(eq(sipocItems.processId, proc.id));
      if (scope === 'whole')
        await tx.delete(handoffConfirmations).where(eq(handoffConfirmations.processId, proc.id));
    }

    await insertChildren(tx, proc, scope === 'whole');
    if (scope === 'flow' && before) {
      // A confirmation follows its handoff when the flow moved it to another edge.
      const moves = reanchorConfirmations(before, { ...proc, handoffConfirmations: confirmations });
      for (const m of moves) {
        await tx
          .update(handoffConfirmations)
          .set({ key: m.to })
          .where(
            and(eq(handoffConfirmations.processId, proc.id), eq(handoffConfirmations.key, m.from)),
          );
      }
      const to = new Map(moves.map((m) => [m.from, m.to]));
      confirmations = confirmations.map((c) => ({ ...c, key: to.get(c.key) ?? c.key }));
    }
    const after: Process = { ...proc, status, version, handoffConfirmations: confirmations };
    await writeAudit(tx, {
      actor,
      organisationId,
      entityType: 'process',
      entityId: proc.id,
      action: before ? 'update' : 'create',
      before,
      after,
    });
    return { outcome: 'saved', process: after };
  });
}

function nodeRow(processId: string, n: FlowNode, ordinal: number) {
  if (n.kind === 'start') return { processId, nodeId: n.id, ordinal, kind: n.kind, name: n.label };
  if (n.kind === 'end')
    return { processId, nodeId: n.id, ordinal, kind: n.kind, name: n.label, outcome: n.outcome };
  return {
    processId,
    nodeId: n.id,
    ordinal,
    kind: n.kind,
    name: n.name,
    performerUnitId: n.performer?.unitId ?? null,
    performerPosition: n.performer?.position ?? null,
    kelengkapan: n.kelengkapan,
    waktuValue: n.waktu?.value ?? null,
    waktuUnit: n.waktu?.unit ?? null,
    outputs: n.outputs,
    coPerformers: n.coPerformers,
    placeholder: n.placeholder ?? false,
    keterangan: n.keterangan,
  };
}

/** The same process apart from its version, status and confirmations. */
function sameContent(a: Process, b: Process): boolean {
  const strip = ({ version: _v, status: _s, handoffConfirmations: _c, ...rest }: Process) => rest;
  return same(strip(a), strip(b));
}

async function insertChildren(tx: Db, proc: Process, withConfirmations: boolean): Promise<void> {
  const id = proc.id;
  if (proc.flow?.nodes.length) {
    await tx.insert(flowNodes).values(proc.flow.nodes.map((n, i) => nodeRow(id, n, i)));
  }
  if (proc.flow?.edges.length) {
    await tx.insert(flowEdges).values(
      proc.flow.edges.map((e, i) => ({
        processId: id,
        edgeId: e.id,
        ordinal: i,
        fromNodeId: e.from,
        toNodeId: e.to,
        label: e.label,
        document: e.document,
      })),
    );
  }
  const sipoc = [
    ...proc.sipoc.inputs.map((s, i) => ({ s, i, direction: 'input' })),
    ...proc.sipoc.outputs.map((s, i) => ({ s, i, direction: 'output' })),
  ];
  if (sipoc.length) {
    await tx.insert(sipocItems).values(
      sipoc.map(({ s, i, direction }) => ({
        processId: id,
        direction,
        itemId: s.id,
        ordinal: i,
        name: s.name,
        partyUnitId: s.party?.unitId ?? null,
        partyName: s.party?.name ?? null,
      })),
    );
  }
  if (withConfirmations && proc.handoffConfirmations.length) {
    await tx.insert(handoffConfirmations).values(
      proc.handoffConfirmations.map((c, i) => ({
        processId: id,
        key: c.key,
        ordinal: i,
        state: c.state,
        byPersonId: c.byPersonId,
        at: c.at,
        note: c.note,
        fromUnitId: c.fromUnitId,
        toUnitId: c.toUnitId,
        counterpartProcessId: c.counterpartProcessId,
        counterpartName: c.counterpartName,
        settlement: c.settlement,
        settledByPersonId: c.settledByPersonId,
        settledAt: c.settledAt,
      })),
    );
  }
}

/**
 * Deletes a process and its flow (audit-logged with the model before). Refused while child
 * processes exist; with expectedVersion, refused when the stored version differs.
 */
export async function deleteProcess(
  db: Db,
  p: { organisationId: string; processId: string; expectedVersion?: number; actor: Actor },
): Promise<DeleteProcessResult> {
  return db.transaction(async (tx): Promise<DeleteProcessResult> => {
    const [locked] = await tx
      .select({ version: processes.version })
      .from(processes)
      .where(and(eq(processes.id, p.processId), eq(processes.organisationId, p.organisationId)))
      .for('update');
    if (!locked) return { outcome: 'not-found' };
    if (p.expectedVersion !== undefined && locked.version !== p.expectedVersion) {
      return {
        outcome: 'conflict',
        conflict: new VersionConflict(p.processId, p.expectedVersion, locked.version),
      };
    }
    const children = await tx
      .select({ id: processes.id })
      .from(processes)
      .where(eq(processes.parentId, p.processId))
      .orderBy(asc(processes.code));
    if (children.length) return { outcome: 'has-children', childIds: children.map((c) => c.id) };
    const [before] = await loadWhere(tx, eq(processes.id, p.processId));
    await tx.delete(processes).where(eq(processes.id, p.processId));
    await writeAudit(tx, {
      actor: p.actor,
      organisationId: p.organisationId,
      entityType: 'process',
      entityId: p.processId,
      action: 'delete',
      before: before ?? null,
      after: null,
    });
    return { outcome: 'deleted' };
  });
}

/**
 * A version of a process as a save left it, read from the audit log (every save writes the model
 * after it there), with who saved it; null when the log holds no such version. The base of a
 * three-way merge after a version conflict.
 */
export async function loadProcessVersion(
  db: Db,
  p: { processId: string; version: number },
): Promise<{ process: Process; actor: Actor } | null> {
  const [row] = await db
    .select({
      after: auditLog.after,
      actorPersonId: auditLog.actorPersonId,
      actorSystem: auditLog.actorSystem,
    })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.entityId, p.processId),
        eq(auditLog.entityType, 'process'),
        sql`${auditLog.after}->>'version' = ${String(p.version)}`,
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(1);
  const parsed = row ? Process.safeParse(row.after) : null;
  if (!row || !parsed?.success) return null;
  return {
    process: parsed.data,
    actor:
      row.actorPersonId !== null
        ? { personId: row.actorPersonId }
        : { system: row.actorSystem ?? '' },
  };
}

/** What a chat needs to know of the organisation's processes: no flows, one query. */
export type ProcessSummary = Pick<
  Process,
  'id' | 'code' | 'name' | 'category' | 'parentId' | 'ownerUnitId' | 'status'
> & {
  hasFlow: boolean;
};

export async function listProcessSummaries(
  db: Db,
  p: { organisationId: string },
): Promise<ProcessSummary[]> {
  // Plain SQL: read on every inbound update, where building it with the query builder cost
  // more than running it.
  const rows = rowsOf<ProcessSummary>(
    await db.execute(sql`
      select id, code, name, category, parent_id as "parentId", owner_unit_id as "ownerUnitId",
             status, has_flow as "hasFlow"
        from processes where organisation_id = ${p.organisationId}`),
  );
  // Unordered: the interview orders what it shows.
  return rows;
}
