// The JSON exchange format carries what is stored apart from the flow: handoff confirmations
// (with the units they were given on), review events with their snapshots, and notes. An export
// imported into an empty database exports byte-identically; an export made before these were
// kept still imports.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { exportDocument, formatDocument, runImport } from '../../bot/commands/exchange.js';
import {
  addProcessNote,
  confirmHandoff,
  disputeHandoff,
  listReviewEvents,
  loadProcess,
  recordReview,
  saveOrganisation,
  saveProcess,
  type Db,
} from '../../db/index.js';
import { forEachDatabase, resetDatabase } from '../support/db.js';
import { renjaDocument } from '../support/scenario.js';

const doc = renjaDocument();
const orgId = doc.organisation.id;
const pid = doc.processes.find((p) => p.code === '03.01')!.id;
const system = { system: 'test' } as const;
const fixtureFile = new URL('../fixtures/renja-setda.json', import.meta.url);

function tempFile(text: string): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'probis-exchange-')), 'export.json');
  writeFileSync(file, text);
  return file;
}

async function seedWithHistory(db: Db): Promise<void> {
  await saveOrganisation(db, doc.organisation, system);
  for (const p of doc.processes)
    await saveProcess(db, { organisationId: orgId, process: p, expectedVersion: 0, actor: system });
  // A second version, so that versions must survive the trip.
  const v1 = (await loadProcess(db, { processId: pid }))!;
  await saveProcess(db, {
    organisationId: orgId,
    process: { ...v1, name: 'Penyusunan Renja' },
    expectedVersion: 1,
    actor: { personId: 'rina' },
    scope: 'flow',
  });
  const at = new Date('2026-11-24T02:00:00.000Z');
  const by = { organisationId: orgId, processId: pid, byPersonId: 'budi', at };
  await confirmHandoff(db, { ...by, key: 'edge:e2', note: 'Diterima' });
  await disputeHandoff(db, { ...by, key: 'output:out-1', note: 'Belum kami terima' });
  await recordReview(db, { ...by, kind: 'submitted', byPersonId: 'rina' });
  await recordReview(db, { ...by, kind: 'returned', comment: 'Lengkapi dasar hukum' });
  await recordReview(db, { ...by, kind: 'submitted', byPersonId: 'rina' });
  await recordReview(db, { ...by, kind: 'approved' });
  await addProcessNote(db, { ...by, text: 'Cantumkan nomor surat', nodeId: 'a1' });
}

forEachDatabase('the exchange format and what is stored apart from the flow', (getDb) => {
  it('round-trips confirmations, review events with snapshots, and notes', async () => {
    const { db } = getDb();
    await seedWithHistory(db);
    const first = await exportDocument(db, orgId);
    expect(first.reviewEvents.map((e) => e.kind)).toEqual([
      'submitted',
      'returned',
      'submitted',
      'approved',
    ]);
    expect(first.notes).toHaveLength(1);
    const renja = first.processes.find((p) => p.id === pid)!;
    expect(renja).toMatchObject({ version: 2, status: 'approved' });
    expect(renja.handoffConfirmations).toMatchObject([
      {
        key: 'edge:e2',
        state: 'confirmed',
        fromUnitId: 'bag-perencanaan',
        toUnitId: 'bag-organisasi',
      },
      { key: 'output:out-1', state: 'disputed', note: 'Belum kami terima' },
    ]);
    const text = formatDocument(first);

    await resetDatabase(db);
    const file = tempFile(text);
    await runImport(db, file);
    expect(formatDocument(await exportDocument(db, orgId))).toBe(text);
    // Importing it again adds nothing: history is append-only and kept once.
    await runImport(db, file);
    expect(formatDocument(await exportDocument(db, orgId))).toBe(text);
    expect(await listReviewEvents(db, { processId: pid })).toEqual(first.reviewEvents);
  });

  it('imports an export made before confirmations kept their units and history was exported', async () => {
    const { db } = getDb();
    const old = JSON.parse(readFileSync(fixtureFile, 'utf8')) as {
      processes: { id: string; handoffConfirmations: unknown[] }[];
    };
    expect(old).not.toHaveProperty('reviewEvents');
    // A confirmation as the format wrote it then: no fromUnitId / toUnitId.
    old.processes.find((p) => p.id === pid)!.handoffConfirmations = [
      { key: 'edge:e2', state: 'confirmed', byPersonId: 'budi', at: null, note: null },
    ];
    await runImport(db, tempFile(JSON.stringify(old)));
    const stored = (await loadProcess(db, { processId: pid }))!;
    expect(stored.handoffConfirmations).toEqual([
      {
        key: 'edge:e2',
        state: 'confirmed',
        byPersonId: 'budi',
        at: null,
        note: null,
        fromUnitId: null,
        toUnitId: null,
        counterpartProcessId: null,
        counterpartName: null,
        settlement: null,
        settledByPersonId: null,
        settledAt: null,
      },
    ]);
    const exported = formatDocument(await exportDocument(db, orgId));
    expect(exported).not.toContain('reviewEvents');
    expect(exported).not.toContain('"notes"');
  });
});
