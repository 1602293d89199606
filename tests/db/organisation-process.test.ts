import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ExchangeDocument } from '../../core/model/exchange.js';
import type { Process } from '../../core/model/process.js';
import {
  addPerson,
  addUnit,
  createOrganisation,
  setPersonLanguage,
  deleteProcess,
  findPersonByAccount,
  organisationRevision,
  listAudit,
  listOrganisations,
  listProcesses,
  loadOrganisation,
  loadProcess,
  saveOrganisation,
  saveProcess,
  StillReferencedError,
  IdConflictError,
  VersionConflict,
  type Db,
} from '../../db/index.js';
import { forEachDatabase } from '../support/db.js';

const fixture = ExchangeDocument.parse(
  JSON.parse(fs.readFileSync(new URL('../fixtures/renja-setda.json', import.meta.url), 'utf8')),
);
const org = fixture.organisation;
const system = { system: 'test' } as const;

async function saveAll(db: Db): Promise<Process[]> {
  await saveOrganisation(db, org, system);
  const saved: Process[] = [];
  for (const p of fixture.processes) {
    const r = await saveProcess(db, {
      organisationId: org.id,
      process: p,
      expectedVersion: 0,
      actor: system,
    });
    if (r.outcome !== 'saved') throw new Error(`save ${p.id}: ${r.outcome}`);
    saved.push(r.process);
  }
  return saved;
}

const leaf = () => {
  const p = fixture.processes.find((x) => x.flow !== null);
  if (!p) throw new Error('fixture has no mapped process');
  return p;
};

forEachDatabase('organisation and process storage', (getDb) => {
  it('round-trips the organisation and the Renja processes deep-equal', async () => {
    const { db } = getDb();
    const storedOrg = await saveOrganisation(db, org, system);
    expect(storedOrg).toEqual(org);
    expect(await loadOrganisation(db, org.id)).toEqual(org);
    expect(await listOrganisations(db)).toEqual([
      { id: org.id, name: org.name, codePrefix: org.codePrefix },
    ]);

    const saved = await saveAll(db);
    for (const p of fixture.processes) {
      const loaded = await loadProcess(db, { processId: p.id });
      expect(loaded).toEqual({ ...p, version: 1 });
      expect(saved.find((s) => s.id === p.id)).toEqual(loaded);
    }
    const listed = await listProcesses(db, { organisationId: org.id });
    expect(listed.map((p) => p.code)).toEqual(['03', '03.01']);
    expect(listed).toEqual(fixture.processes.map((p) => ({ ...p, version: 1 })));
    expect(await loadProcess(db, { processId: leaf().id, organisationId: 'other-org' })).toBeNull();
  });

  it('keeps every optional field and the order of nodes, edges, SIPOC and confirmations', async () => {
    const { db } = getDb();
    await saveOrganisation(db, org, system);
    const base = leaf();
    const flow = base.flow!;
    const rich: Process = {
      ...base,
      id: 'p-rich',
      code: '03.02',
      parentId: 'p-03',
      status: 'submitted',
      legalBasis: ['UU 23/2014', 'PP 18/2016'],
      flow: {
        nodes: [
          { kind: 'start', id: 'mulai', label: 'Surat masuk' },
          ...[...flow.nodes.filter((n) => n.kind !== 'start')].reverse(),
          {
            kind: 'decision',
            id: 'd9',
            name: 'Lengkap?',
            performer: null,
            coPerformers: [],
            kelengkapan: [],
            waktu: { value: 0.5, unit: 'jam' },
            outputs: [],
            keterangan: 'catatan\nbaris dua',
          },
        ],
        edges: [...flow.edges]
          .reverse()
          .map((e, i) => (i === 0 ? { ...e, label: 'ya', document: 'Nota' } : e)),
      },
      sipoc: {
        inputs: [
          ...base.sipoc.inputs,
          { id: 'in-x', name: 'Tanpa pihak', party: null },
          { id: 'in-y', name: 'Pihak luar', party: { unitId: null, name: 'Masyarakat' } },
        ],
        outputs: [{ id: 'in-x', name: 'Same id as an input', party: null }],
      },
      handoffConfirmations: [
        {
          key: 'output:out-1',
          state: 'disputed',
          byPersonId: 'budi',
          at: '2025-01-02T03:04:05.000Z',
          note: 'belum',
          fromUnitId: 'bag-perencanaan',
          toUnitId: 'bappeda',
          counterpartProcessId: null,
          counterpartName: null,
          settlement: null,
          settledByPersonId: null,
          settledAt: null,
        },
        {
          key: 'input:in-1',
          state: 'confirmed',
          byPersonId: null,
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
      ],
      version: 0,
    };
    await saveProcess(db, {
      organisationId: org.id,
      process: fixture.processes[0]!,
      expectedVersion: 0,
      actor: system,
    });
    const r = await saveProcess(db, {
      organisationId: org.id,
      process: rich,
      expectedVersion: 0,
      actor: system,
    });
    expect(r.outcome).toBe('saved');
    expect(await loadProcess(db, { processId: 'p-rich' })).toEqual({ ...rich, version: 1 });

    // A grouping process keeps flow null, a mapped one with no nodes keeps an empty flow.
    const empty: Process = {
      ...rich,
      id: 'p-empty',
      code: '03.03',
      flow: { nodes: [], edges: [] },
      sipoc: { inputs: [], outputs: [] },
      handoffConfirmations: [],
    };
    await saveProcess(db, {
      organisationId: org.id,
      process: empty,
      expectedVersion: 0,
      actor: system,
    });
    expect((await loadProcess(db, { processId: 'p-empty' }))?.flow).toEqual({
      nodes: [],
      edges: [],
    });
    expect((await loadProcess(db, { processId: 'p-03' }))?.flow).toBeNull();
  });

  it('saves a new version with children replaced, and refuses a stale expectedVersion', async () => {
    const { db } = getDb();
    await saveAll(db);
    const p = leaf();
    const edited: Process = {
      ...p,
      name: 'Penyusunan Renja (revisi)',
      flow: { nodes: p.flow!.nodes.slice(0, 3), edges: p.flow!.edges.slice(0, 1) },
    };
    const r = await saveProcess(db, {
      organisationId: org.id,
      process: edited,
      expectedVersion: 1,
      actor: { personId: 'rina' },
    });
    expect(r).toEqual({ outcome: 'saved', process: { ...edited, version: 2 } });
    expect(await loadProcess(db, { processId: p.id })).toEqual({ ...edited, version: 2 });

    const stale = await saveProcess(db, {
      organisationId: org.id,
      process: p,
      expectedVersion: 1,
      actor: system,
    });
    expect(stale.outcome).toBe('conflict');
    if (stale.outcome !== 'conflict') return;
    expect(stale.conflict).toBeInstanceOf(VersionConflict);
    expect(stale.conflict).toMatchObject({
      processId: p.id,
      expectedVersion: 1,
      currentVersion: 2,
    });
    // Creating a process whose id exists is a conflict too.
    const again = await saveProcess(db, {
      organisationId: org.id,
      process: p,
      expectedVersion: 0,
      actor: system,
    });
    expect(again.outcome === 'conflict' && again.conflict.currentVersion).toBe(2);
    expect(await loadProcess(db, { processId: p.id })).toEqual({ ...edited, version: 2 });
  });

  it('lets exactly one of two concurrent writers win; nothing half-written', async () => {
    const { db } = getDb();
    await saveAll(db);
    const p = leaf();
    const a: Process = {
      ...p,
      name: 'Versi A',
      flow: { nodes: p.flow!.nodes.slice(0, 2), edges: [] },
    };
    const b: Process = {
      ...p,
      name: 'Versi B',
      legalBasis: ['B'],
      sipoc: { inputs: [], outputs: [] },
    };
    const results = await Promise.all([
      saveProcess(db, {
        organisationId: org.id,
        process: a,
        expectedVersion: 1,
        actor: { personId: 'rina' },
      }),
      saveProcess(db, {
        organisationId: org.id,
        process: b,
        expectedVersion: 1,
        actor: { personId: 'budi' },
      }),
    ]);
    const won = results.filter((r) => r.outcome === 'saved');
    const lost = results.filter((r) => r.outcome === 'conflict');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const conflict = lost[0]!.outcome === 'conflict' ? lost[0]!.conflict : null;
    expect(conflict).toMatchObject({
      expectedVersion: 1,
      currentVersion: 2,
      code: 'VERSION_CONFLICT',
    });
    const winner = won[0]!.outcome === 'saved' ? won[0]!.process : null;
    expect(await loadProcess(db, { processId: p.id })).toEqual(winner);
    expect(winner?.version).toBe(2);
    const audit = await listAudit(db, { organisationId: org.id, entityId: p.id });
    expect(audit.map((x) => x.action)).toEqual(['create', 'update']);
  });

  it('lets exactly one of two concurrent creators of a new process win', async () => {
    const { db } = getDb();
    await saveOrganisation(db, org, system);
    const p = fixture.processes[0]!;
    const results = await Promise.all([
      saveProcess(db, {
        organisationId: org.id,
        process: { ...p, name: 'Satu' },
        expectedVersion: 0,
        actor: system,
      }),
      saveProcess(db, {
        organisationId: org.id,
        process: { ...p, name: 'Dua' },
        expectedVersion: 0,
        actor: system,
      }),
    ]);
    expect(results.map((r) => r.outcome).sort()).toEqual(['conflict', 'saved']);
    expect((await loadProcess(db, { processId: p.id }))?.version).toBe(1);
  });

  it('writes audit rows with before and after', async () => {
    const { db } = getDb();
    await saveAll(db);
    const p = leaf();
    const edited = { ...p, status: 'submitted' as const };
    await saveProcess(db, {
      organisationId: org.id,
      process: edited,
      expectedVersion: 1,
      actor: { personId: 'rina' },
    });
    const rows = await listAudit(db, { organisationId: org.id, entityId: p.id });
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      action: 'create',
      entityType: 'process',
      actor: system,
      before: null,
    });
    expect(rows[0]!.after).toEqual({ ...p, version: 1 });
    expect(rows[1]).toMatchObject({ action: 'update', actor: { personId: 'rina' } });
    expect(rows[1]!.before).toEqual({ ...p, version: 1 });
    expect(rows[1]!.after).toEqual({ ...edited, version: 2 });
    expect(rows[1]!.at).toBeInstanceOf(Date);

    const all = await listAudit(db, { organisationId: org.id });
    expect(all.filter((x) => x.entityType === 'organisation')).toHaveLength(1);
    expect(all[0]).toMatchObject({
      entityType: 'organisation',
      action: 'create',
      before: null,
      after: org,
    });
  });

  it('refuses a code already used in the organisation', async () => {
    const { db } = getDb();
    await saveAll(db);
    const clash = { ...fixture.processes[0]!, id: 'p-clash', code: '03.01' };
    expect(
      await saveProcess(db, {
        organisationId: org.id,
        process: clash,
        expectedVersion: 0,
        actor: system,
      }),
    ).toEqual({
      outcome: 'code-taken',
      code: '03.01',
      processId: leaf().id,
    });
    expect(await loadProcess(db, { processId: 'p-clash' })).toBeNull();
  });

  it('deletes a leaf process, refuses one with children, audit-logs it', async () => {
    const { db } = getDb();
    await saveAll(db);
    expect(
      await deleteProcess(db, { organisationId: org.id, processId: 'p-03', actor: system }),
    ).toEqual({
      outcome: 'has-children',
      childIds: [leaf().id],
    });
    const stale = await deleteProcess(db, {
      organisationId: org.id,
      processId: leaf().id,
      expectedVersion: 5,
      actor: system,
    });
    expect(stale.outcome).toBe('conflict');
    expect(
      await deleteProcess(db, {
        organisationId: org.id,
        processId: leaf().id,
        expectedVersion: 1,
        actor: system,
      }),
    ).toEqual({ outcome: 'deleted' });
    expect(await loadProcess(db, { processId: leaf().id })).toBeNull();
    expect(
      await deleteProcess(db, { organisationId: org.id, processId: leaf().id, actor: system }),
    ).toEqual({ outcome: 'not-found' });
    const last = (await listAudit(db, { organisationId: org.id, entityId: leaf().id })).at(-1);
    expect(last).toMatchObject({ action: 'delete', after: null });
    expect(last?.before).toEqual({ ...leaf(), version: 1 });
  });

  it('cleans NUL, control characters and lone surrogates in process text', async () => {
    const { db } = getDb();
    await saveAll(db);
    const p = leaf();
    const dirty: Process = {
      ...p,
      name: 'Renja\u0000 \u0007baru \uD800',
      legalBasis: ['Perda\u0000 1/2020'],
    };
    const r = await saveProcess(db, {
      organisationId: org.id,
      process: dirty,
      expectedVersion: 1,
      actor: system,
    });
    const expected = { ...p, name: 'Renja baru \uFFFD', legalBasis: ['Perda 1/2020'], version: 2 };
    expect(r).toEqual({ outcome: 'saved', process: expected });
    expect(await loadProcess(db, { processId: p.id })).toEqual(expected);
  });

  it('replaces units and people, finds people by channel, refuses removing a unit in use', async () => {
    const { db } = getDb();
    await saveAll(db);
    const withChannels = {
      ...org,
      people: org.people.map((p, i) => ({
        ...p,
        accounts: [
          { platform: 'telegram' as const, id: `tg-${i}` },
          { platform: 'whatsapp' as const, id: `62812000${i}` },
        ],
      })),
    };
    await saveOrganisation(db, withChannels, system);
    // The organisation's revisions come with the person, read in the same statement.
    const revisions = {
      organisation: await organisationRevision(db, org.id),
      processes: expect.any(Number) as number,
    };
    expect(await findPersonByAccount(db, { platform: 'telegram', accountId: 'tg-1' })).toEqual({
      organisationId: org.id,
      person: withChannels.people[1],
      revisions,
      // Accounts from the organisation's file: nobody has written from them yet.
      accountContacted: false,
    });
    expect(await findPersonByAccount(db, { platform: 'whatsapp', accountId: '628120000' })).toEqual(
      {
        organisationId: org.id,
        person: withChannels.people[0],
        revisions,
        accountContacted: false,
      },
    );
    expect(await findPersonByAccount(db, { platform: 'telegram', accountId: 'nobody' })).toBeNull();

    // Swap the telegram accounts of two people in one save.
    const swapped = {
      ...withChannels,
      people: withChannels.people.map((p, i) => ({
        ...p,
        accounts: [
          { platform: 'telegram' as const, id: `tg-${1 - i}` },
          ...p.accounts.filter((a) => a.platform !== 'telegram'),
        ],
      })),
    };
    expect(await saveOrganisation(db, swapped, system)).toEqual(swapped);

    // Removing a unit that processes still use is refused, and nothing changes.
    const without = { ...swapped, units: swapped.units.filter((u) => u.id !== 'bappeda') };
    await expect(saveOrganisation(db, without, system)).rejects.toBeInstanceOf(
      StillReferencedError,
    );
    expect(await loadOrganisation(db, org.id)).toEqual(swapped);

    // Removing a person and adding a unit works.
    const changed = {
      ...swapped,
      units: [
        ...swapped.units,
        {
          id: 'sub-x',
          name: 'Subbagian X',
          kind: 'subbagian' as const,
          parentId: 'bag-organisasi',
          shortName: null,
        },
      ],
      people: swapped.people.slice(0, 1),
    };
    expect(await saveOrganisation(db, changed, system)).toEqual(changed);

    // Ids are global: another organisation cannot take them.
    const other = { ...org, id: 'kab-lain', people: [] };
    await expect(saveOrganisation(db, other, system)).rejects.toBeInstanceOf(IdConflictError);
  });
  it('creates an organisation, adds units and people one by one, sets a language', async () => {
    const { db } = getDb();
    const bare = { ...org, units: [org.units[0]!], people: [] };
    expect(await createOrganisation(db, { organisation: bare, actor: system })).toEqual(bare);
    await expect(
      createOrganisation(db, { organisation: bare, actor: system }),
    ).rejects.toBeInstanceOf(IdConflictError);
    for (const unit of org.units.slice(1))
      await addUnit(db, { organisationId: org.id, unit, actor: system });
    for (const person of org.people)
      await addPerson(db, { organisationId: org.id, person, actor: { personId: 'rina' } });
    expect(await loadOrganisation(db, org.id)).toEqual(org);
    await expect(
      addUnit(db, { organisationId: org.id, unit: org.units[1]!, actor: system }),
    ).rejects.toBeInstanceOf(IdConflictError);
    await expect(
      addPerson(db, { organisationId: org.id, person: org.people[0]!, actor: system }),
    ).rejects.toBeInstanceOf(IdConflictError);
    expect(await setPersonLanguage(db, { personId: 'budi', language: 'en' })).toBe(true);
    expect(await setPersonLanguage(db, { personId: 'nobody', language: 'en' })).toBe(false);
    expect((await loadOrganisation(db, org.id))?.people.map((p) => p.language)).toEqual([
      'id',
      'en',
    ]);
    const audit = await listAudit(db, { organisationId: org.id });
    expect(audit.map((a) => `${a.entityType}:${a.action}`)).toEqual([
      'organisation:create',
      ...org.units.slice(1).map(() => 'unit:create'),
      ...org.people.map(() => 'person:create'),
    ]);
  });
});

describe('compareCodes', () => {
  it('orders codes numerically per segment', async () => {
    const { compareCodes } = await import('../../db/repositories/processes.js');
    expect(['10', '03.10', '9', '03.9', '03', '03.01.02', '03.01'].sort(compareCodes)).toEqual([
      '03',
      '03.01',
      '03.01.02',
      '03.9',
      '03.10',
      '9',
      '10',
    ]);
  });
});
