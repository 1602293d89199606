// The SOP details of a process are stored apart from its flow: giving them never moves the
// flow's version, a clerk's flow save never loses them, and they are read back after a restart.
import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import {
  type Db,
  SopDetailsInvalidError,
  changeSopDetails,
  listAudit,
  loadProcess,
  loadSopDetails,
  saveOrganisation,
  saveProcess,
  openDatabase,
} from '../../db/index.js';
import { forEachDatabase, migratedPgliteDir } from '../support/db.js';
import { renjaDocument } from '../support/scenario.js';

const doc = renjaDocument();
const org = doc.organisation;
const orgId = org.id;
const system = { system: 'test' } as const;
const renja = () => structuredClone(doc.processes.find((p) => p.code === '03.01')!);
const pid = renja().id;
const rina = { personId: 'rina' };

async function seed(db: Db): Promise<void> {
  await saveOrganisation(db, org, system);
  for (const p of doc.processes)
    await saveProcess(db, { organisationId: orgId, process: p, expectedVersion: 0, actor: system });
}

forEachDatabase('SOP details', (getDb) => {
  it('are empty until given; each answer keeps the others and sets the date made once', async () => {
    const db = getDb().db;
    await seed(db);
    expect(await loadSopDetails(db, { processId: pid })).toBeNull();
    const change = (c: object, today = '2027-01-02') =>
      changeSopDetails(db, {
        organisationId: orgId,
        processId: pid,
        change: c,
        actor: rina,
        today,
      });
    expect((await change({ nomor: '800/12/SOP/2027' })).outcome).toBe('saved');
    await change({ peralatan: ['Komputer', 'Printer'] }, '2027-02-03');
    await change({
      disahkanOleh: { jabatan: 'Sekretaris Daerah', nama: 'Drs. Budi', nip: '197001011990031002' },
    });
    const d = await loadSopDetails(db, { processId: pid });
    expect(d).toMatchObject({
      processId: pid,
      nomor: '800/12/SOP/2027',
      tanggalPembuatan: '2027-01-02',
      peralatan: ['Komputer', 'Printer'],
      disahkanOleh: { jabatan: 'Sekretaris Daerah', nip: '197001011990031002' },
      kualifikasi: [],
    });
    const audit = await listAudit(db, { organisationId: orgId, entityType: 'sop-details' });
    expect(audit).toHaveLength(3);
    expect(audit[1]).toMatchObject({ actor: rina, entityId: pid, action: 'change' });
    expect(audit[1]!.after).toMatchObject({ peralatan: ['Komputer', 'Printer'] });
  });

  it('never move the flow version, and a clerk flow save keeps them', async () => {
    const db = getDb().db;
    await seed(db);
    const before = (await loadProcess(db, { processId: pid }))!;
    await changeSopDetails(db, {
      organisationId: orgId,
      processId: pid,
      change: { nomor: 'SOP-1' },
      actor: rina,
      today: '2027-01-02',
    });
    const after = (await loadProcess(db, { processId: pid }))!;
    expect(after.version).toBe(before.version);
    const saved = await saveProcess(db, {
      organisationId: orgId,
      process: { ...after, name: `${after.name} (ubah)` },
      expectedVersion: after.version,
      actor: rina,
      scope: 'flow',
    });
    expect(saved.outcome).toBe('saved');
    expect((await loadSopDetails(db, { processId: pid }))?.nomor).toBe('SOP-1');
  });

  it('refuse a process of another organisation, and a damaged row is reported', async () => {
    const db = getDb().db;
    await seed(db);
    const r = await changeSopDetails(db, {
      organisationId: 'elsewhere',
      processId: pid,
      change: { nomor: 'X' },
      actor: rina,
      today: '2027-01-02',
    });
    expect(r.outcome).toBe('not-found');
    expect(await loadSopDetails(db, { processId: pid })).toBeNull();
    await db.execute(
      sql`insert into sop_details (process_id, organisation_id, details) values (${pid}, ${orgId}, '{"nomor": 5}'::jsonb)`,
    );
    await expect(loadSopDetails(db, { processId: pid })).rejects.toBeInstanceOf(
      SopDetailsInvalidError,
    );
  });
  it('are read back by a new connection to the same database', async () => {
    const h = getDb();
    await seed(h.db);
    await changeSopDetails(h.db, {
      organisationId: orgId,
      processId: pid,
      change: { pencatatan: ['Buku agenda'] },
      actor: rina,
      today: '2027-01-02',
    });
    if (!h.url) return; // PGlite: below, with its folder closed and opened again
    const again = await openDatabase({ databaseUrl: h.url, dataDir: '/nonexistent' });
    try {
      expect((await loadSopDetails(again.db, { processId: pid }))?.pencatatan).toEqual([
        'Buku agenda',
      ]);
    } finally {
      await again.close();
    }
  });
});

it('survive closing and opening the PGlite folder again', async () => {
  const dir = await migratedPgliteDir();
  try {
    const first = await openDatabase({ dataDir: dir });
    await seed(first.db);
    await changeSopDetails(first.db, {
      organisationId: orgId,
      processId: pid,
      change: { kualifikasi: ['S1 Ekonomi'] },
      actor: rina,
      today: '2027-01-02',
    });
    await first.close();
    const second = await openDatabase({ dataDir: dir });
    try {
      expect(await loadSopDetails(second.db, { processId: pid })).toMatchObject({
        kualifikasi: ['S1 Ekonomi'],
        tanggalPembuatan: '2027-01-02',
      });
    } finally {
      await second.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
