// Confirmations, review events, snapshots and notes are stored apart from the flow: none of them
// moves the flow's version, and the clerk's flow save never rewrites them.
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import {
  type ActivityNode,
  type Process,
  handoffs,
  insertBefore,
  updateStep,
} from '../../core/model/index.js';
import {
  type Db,
  addProcessNote,
  confirmHandoff,
  disputeHandoff,
  listProcessNotes,
  listReviewEvents,
  loadProcess,
  loadSnapshot,
  recordReview,
  resolveProcessNote,
  saveOrganisation,
  saveProcess,
  SnapshotInvalidError,
} from '../../db/index.js';
import { forEachDatabase } from '../support/db.js';
import { renjaDocument } from '../support/scenario.js';

const doc = renjaDocument();
const org = doc.organisation;
const orgId = org.id;
const system = { system: 'test' } as const;
const renja = () => structuredClone(doc.processes.find((p) => p.code === '03.01')!);
const pid = renja().id;

async function seed(db: Db): Promise<void> {
  await saveOrganisation(db, org, system);
  for (const p of doc.processes)
    await saveProcess(db, { organisationId: orgId, process: p, expectedVersion: 0, actor: system });
}

/** The clerk's save, as the chat makes it. */
function clerkSaves(db: Db, process: Process) {
  return saveProcess(db, {
    organisationId: orgId,
    process,
    expectedVersion: process.version,
    actor: { personId: 'rina' },
    scope: 'flow',
  });
}

const at = new Date('2026-11-24T02:00:00.000Z');

/** The statement was refused by the append-only trigger (the driver wraps the error). */
async function refusedAsAppendOnly(statement: Promise<unknown>): Promise<void> {
  const e = await statement.then(
    () => null,
    (x: unknown) => x as Error & { cause?: Error },
  );
  expect(e, 'the statement went through').not.toBeNull();
  expect(String(e?.cause?.message ?? e?.message)).toMatch(
    /is append-only \((UPDATE|DELETE) refused\)/,
  );
}

forEachDatabase('review storage', (getDb) => {
  it('confirms and disputes a handoff without moving the flow’s version', async () => {
    const { db } = getDb();
    await seed(db);
    const r = await confirmHandoff(db, {
      organisationId: orgId,
      processId: pid,
      key: 'edge:e2',
      byPersonId: 'budi',
      note: 'Sesuai',
      at,
    });
    expect(r).toMatchObject({
      outcome: 'recorded',
      confirmation: {
        key: 'edge:e2',
        state: 'confirmed',
        byPersonId: 'budi',
        at: at.toISOString(),
        note: 'Sesuai',
        fromUnitId: 'bag-perencanaan',
        toUnitId: 'bag-organisasi',
      },
    });
    const loaded = (await loadProcess(db, { processId: pid }))!;
    expect(loaded.version).toBe(1);
    expect(handoffs(loaded).find((h) => h.key === 'edge:e2')?.state).toBe('confirmed');

    await disputeHandoff(db, {
      organisationId: orgId,
      processId: pid,
      key: 'input:in-1',
      byPersonId: 'budi',
      note: 'Bukan kami',
      at,
    });
    const again = (await loadProcess(db, { processId: pid }))!;
    expect(again.version).toBe(1);
    expect(again.handoffConfirmations.map((c) => [c.key, c.state])).toEqual([
      ['edge:e2', 'confirmed'],
      ['input:in-1', 'disputed'],
    ]);
    expect(
      await confirmHandoff(db, {
        organisationId: orgId,
        processId: pid,
        key: 'edge:e0',
        byPersonId: 'budi',
      }),
    ).toEqual({ outcome: 'no-such-handoff', key: 'edge:e0' });
    expect(
      await confirmHandoff(db, {
        organisationId: orgId,
        processId: 'nope',
        key: 'edge:e2',
        byPersonId: 'budi',
      }),
    ).toEqual({ outcome: 'not-found' });
  });

  it('keeps a confirmation through the clerk’s later flow saves, and moves it with its handoff', async () => {
    const { db } = getDb();
    await seed(db);
    // The clerk read version 1, with no confirmation; Bagian Organisasi confirms meanwhile.
    const clerks = (await loadProcess(db, { processId: pid }))!;
    await confirmHandoff(db, {
      organisationId: orgId,
      processId: pid,
      key: 'edge:e2',
      byPersonId: 'budi',
      at,
    });

    // The clerk's save of an older copy (no confirmation in it) goes through and keeps it.
    const edited = {
      ...clerks,
      flow: updateStep(clerks.flow!, 'a7', { outputs: ['Tanda terima'] }),
    };
    const saved = await clerkSaves(db, edited);
    expect(saved.outcome).toBe('saved');
    let stored = (await loadProcess(db, { processId: pid }))!;
    expect(stored.version).toBe(2);
    expect(stored.handoffConfirmations.map((c) => c.key)).toEqual(['edge:e2']);
    if (saved.outcome === 'saved') expect(saved.process).toEqual(stored);

    // A step inserted before the receiving step: the handoff runs along a new edge, and the
    // confirmation goes with it.
    const a2 = stored.flow!.nodes.find((n) => n.id === 'a2') as ActivityNode;
    const inserted = {
      ...stored,
      flow: insertBefore(
        stored.flow!,
        () => 'e20',
        { ...a2, id: 'a20', name: 'Memaraf nota' },
        'a3',
      ),
    };
    expect((await clerkSaves(db, inserted)).outcome).toBe('saved');
    stored = (await loadProcess(db, { processId: pid }))!;
    expect(stored.handoffConfirmations.map((c) => c.key)).toEqual(['edge:e20']);
    expect(handoffs(stored).find((h) => h.key === 'edge:e20')?.state).toBe('confirmed');

    // An import or tool that writes the whole model ('whole') does replace them.
    const whole = await saveProcess(db, {
      organisationId: orgId,
      process: { ...stored, handoffConfirmations: [] },
      expectedVersion: stored.version,
      actor: system,
    });
    expect(whole.outcome === 'saved' && whole.process.handoffConfirmations).toEqual([]);
  });

  it('records review events, sets the status without a new version, keeps snapshots whole', async () => {
    const { db } = getDb();
    await seed(db);
    const submitted = await recordReview(db, {
      organisationId: orgId,
      processId: pid,
      kind: 'submitted',
      byPersonId: 'rina',
      at,
    });
    expect(submitted).toMatchObject({ outcome: 'recorded', current: true, event: { version: 1 } });
    expect(await loadProcess(db, { processId: pid })).toMatchObject({
      status: 'submitted',
      version: 1,
    });
    expect(
      await recordReview(db, {
        organisationId: orgId,
        processId: pid,
        kind: 'returned',
        byPersonId: 'budi',
      }),
    ).toEqual({ outcome: 'comment-required' });
    await recordReview(db, {
      organisationId: orgId,
      processId: pid,
      kind: 'returned',
      byPersonId: 'budi',
      comment: 'Lengkapi waktu langkah 5',
    });
    expect((await loadProcess(db, { processId: pid }))?.status).toBe('draft');
    await recordReview(db, {
      organisationId: orgId,
      processId: pid,
      kind: 'submitted',
      byPersonId: 'rina',
    });
    const approved = await recordReview(db, {
      organisationId: orgId,
      processId: pid,
      kind: 'approved',
      byPersonId: 'budi',
    });
    expect(approved.outcome === 'recorded' && approved.event.snapshot?.status).toBe('approved');

    const events = await listReviewEvents(db, { processId: pid });
    expect(events.map((e) => [e.kind, e.version, e.byPersonId, e.comment])).toEqual([
      ['submitted', 1, 'rina', null],
      ['returned', 1, 'budi', 'Lengkapi waktu langkah 5'],
      ['submitted', 1, 'rina', null],
      ['approved', 1, 'budi', null],
    ]);
    expect(events.map((e) => e.snapshot !== null)).toEqual([true, false, true, true]);
    expect(await loadSnapshot(db, { processId: pid, version: 1, kind: 'approved' })).toEqual({
      ...renja(),
      status: 'approved',
    });

    // The clerk edits the approved process: a new draft version; the approved one stays whole.
    const stored = (await loadProcess(db, { processId: pid }))!;
    await clerkSaves(db, { ...stored, name: 'Penyusunan Renja' });
    expect(await loadProcess(db, { processId: pid })).toMatchObject({
      status: 'draft',
      version: 2,
    });
    expect((await loadSnapshot(db, { processId: pid, version: 1, kind: 'approved' }))?.name).toBe(
      'Penyusunan Rencana Kerja',
    );

    // Snapshots and events cannot be changed or removed, by any SQL.
    await refusedAsAppendOnly(db.execute(sql`update process_snapshots set model = '{}'::jsonb`));
    await refusedAsAppendOnly(db.execute(sql`delete from process_snapshots`));
    await refusedAsAppendOnly(db.execute(sql`update process_review_events set kind = 'approved'`));
    await refusedAsAppendOnly(db.execute(sql`delete from process_review_events`));
    expect(await listReviewEvents(db, { processId: pid })).toEqual(events);
  });

  it('keeps an approval of the version the coordinator saw when the clerk saved a newer one', async () => {
    const { db } = getDb();
    await seed(db);
    const seen = (await loadProcess(db, { processId: pid }))!;
    await clerkSaves(db, { ...seen, flow: updateStep(seen.flow!, 'a3', { outputs: ['Usulan'] }) });
    const r = await recordReview(db, {
      organisationId: orgId,
      processId: pid,
      kind: 'approved',
      byPersonId: 'budi',
      version: seen.version,
    });
    expect(r).toMatchObject({ outcome: 'recorded', current: false, event: { version: 1 } });
    // The approved version is kept whole (from the audit log); the newer one is not approved.
    expect(await loadSnapshot(db, { processId: pid, version: 1 })).toEqual(seen);
    expect(await loadProcess(db, { processId: pid })).toMatchObject({
      status: 'draft',
      version: 2,
    });
    expect(
      await recordReview(db, {
        organisationId: orgId,
        processId: pid,
        kind: 'approved',
        byPersonId: 'budi',
        version: 7,
      }),
    ).toEqual({ outcome: 'unknown-version', currentVersion: 2 });
  });

  it('validates a snapshot with the model’s schema when it is read', async () => {
    const { db } = getDb();
    await seed(db);
    await recordReview(db, {
      organisationId: orgId,
      processId: pid,
      kind: 'submitted',
      byPersonId: 'rina',
    });
    // Damage done outside Probis: a snapshot that is not a process (the trigger only guards
    // updates, so this is inserted next to a second event).
    await db.execute(sql`insert into process_review_events (id, organisation_id, process_id, kind, version)
                         values ('forged', ${orgId}, ${pid}, 'approved', 1)`);
    await db.execute(sql`insert into process_snapshots (review_event_id, process_id, version, model)
                         values ('forged', ${pid}, 1, '{"id": "x"}'::jsonb)`);
    await expect(listReviewEvents(db, { processId: pid })).rejects.toBeInstanceOf(
      SnapshotInvalidError,
    );
  });

  it('adds, lists and resolves coordinators’ notes without moving the version', async () => {
    const { db } = getDb();
    await seed(db);
    const a = await addProcessNote(db, {
      organisationId: orgId,
      processId: pid,
      byPersonId: 'budi',
      text: 'Waktu langkah 5 terlalu singkat',
      nodeId: 'a5',
      at,
    });
    expect(a).toMatchObject({ outcome: 'added', note: { nodeId: 'a5', at: at.toISOString() } });
    await addProcessNote(db, {
      organisationId: orgId,
      processId: pid,
      byPersonId: 'budi',
      text: 'Dasar hukum?',
    });
    expect(
      await addProcessNote(db, {
        organisationId: orgId,
        processId: pid,
        byPersonId: 'budi',
        text: ' \u0000 ',
      }),
    ).toEqual({ outcome: 'empty' });
    expect(
      await addProcessNote(db, {
        organisationId: 'other',
        processId: pid,
        byPersonId: 'budi',
        text: 'x',
      }),
    ).toEqual({ outcome: 'not-found' });
    const id = a.outcome === 'added' ? a.note.id : '';
    expect(await resolveProcessNote(db, { noteId: id, byPersonId: 'rina' })).toBe('resolved');
    expect(await resolveProcessNote(db, { noteId: id, byPersonId: 'rina' })).toBe(
      'already-resolved',
    );
    expect(await resolveProcessNote(db, { noteId: 'nope', byPersonId: 'rina' })).toBe('not-found');
    expect((await listProcessNotes(db, { processId: pid })).map((n) => n.text)).toEqual([
      'Waktu langkah 5 terlalu singkat',
      'Dasar hukum?',
    ]);
    expect((await listProcessNotes(db, { processId: pid, open: true })).map((n) => n.text)).toEqual(
      ['Dasar hukum?'],
    );
    expect((await loadProcess(db, { processId: pid }))?.version).toBe(1);
  });
});
