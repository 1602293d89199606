import { expect, it } from 'vitest';
import {
  OrganisationCache,
  addPerson,
  addUnit,
  deleteProcess,
  findPersonByAccount,
  linkAccount,
  setAccountReachable,
  listProcessSummaries,
  organisationRevision,
  saveOrganisation,
  saveProcess,
  setPersonLanguage,
  type Db,
} from '../../db/index.js';
import { forEachDatabase } from '../support/db.js';
import { renjaDocument } from '../support/scenario.js';

const org = renjaDocument().organisation;
const system = { system: 'test' } as const;
const newcomer = {
  id: 'p-baru',
  name: 'Rina Wulandari',
  position: 'Analis Kebijakan',
  unitId: org.units[0]!.id,
  roles: [],
  nip: null,
  accounts: [],
  language: 'id' as const,
};

/** Reads through the cache in a transaction of its own, as an inbound update does. */
const read = (db: Db, cache: OrganisationCache) => db.transaction((tx) => cache.read(tx, org.id));
const readWithProcesses = async (db: Db, cache: OrganisationCache) => {
  const found = await db.transaction((tx) => cache.readWithProcesses(tx, org.id));
  if (!found) throw new Error('organisation not found');
  return found;
};

forEachDatabase('the organisation cache of a bot process', (getDb) => {
  it('serves an unchanged organisation from memory, frozen, equal to the stored one', async () => {
    const { db } = getDb();
    await saveOrganisation(db, org, system);
    const cache = new OrganisationCache();
    const first = await read(db, cache);
    expect(first).toEqual(org);
    expect(await read(db, cache)).toBe(first);
    expect(Object.isFrozen(first!.people[0])).toBe(true);
  });

  it('sees every kind of change, whichever code or process made it', async () => {
    const { db } = getDb();
    await saveOrganisation(db, org, system);
    const cache = new OrganisationCache();
    let seen = await read(db, cache);

    const changes: Array<[string, () => Promise<unknown>]> = [
      [
        'a person added',
        () => addPerson(db, { organisationId: org.id, person: newcomer, actor: system }),
      ],
      [
        'a Telegram account linked',
        () => linkAccount(db, { personId: newcomer.id, platform: 'telegram', accountId: '777' }),
      ],
      [
        'an account marked unreachable',
        () =>
          setAccountReachable(db, {
            platform: 'telegram',
            accountId: '777',
            reachable: false,
            at: new Date(),
          }),
      ],
      ['a language set', () => setPersonLanguage(db, { personId: newcomer.id, language: 'en' })],
      [
        'a unit added',
        () =>
          addUnit(db, {
            organisationId: org.id,
            unit: {
              id: 'u-baru',
              name: 'Bagian Baru',
              kind: 'bagian',
              parentId: null,
              shortName: null,
            },
            actor: system,
          }),
      ],
      [
        'the organisation renamed',
        () => saveOrganisation(db, { ...seen!, name: 'Pemkab Contoh' }, system),
      ],
    ];
    for (const [what, change] of changes) {
      await change();
      const now = await read(db, cache);
      expect(now, what).not.toBe(seen);
      expect(now, what).toEqual(
        await db.transaction((tx) => new OrganisationCache().read(tx, org.id)),
      );
      seen = now;
    }
    expect(seen!.name).toBe('Pemkab Contoh');
    expect(seen!.people.find((p) => p.id === newcomer.id)).toMatchObject({
      accounts: [{ platform: 'telegram', id: '777' }],
      language: 'en',
    });
  });

  it('forgets what a rolled-back transaction saw', async () => {
    const { db } = getDb();
    await saveOrganisation(db, org, system);
    const cache = new OrganisationCache();
    await read(db, cache);
    const before = await organisationRevision(db, org.id);
    await expect(
      db.transaction(async (tx) => {
        await addPerson(tx, { organisationId: org.id, person: newcomer, actor: system });
        const inside = await cache.read(tx, org.id);
        expect(inside!.people.map((p) => p.id)).toContain(newcomer.id);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    // The rolled-back revision is never handed out again, so the cache cannot mistake it.
    await addPerson(db, {
      organisationId: org.id,
      person: { ...newcomer, id: 'p-lain' },
      actor: system,
    });
    const after = await read(db, cache);
    expect(after!.people.map((p) => p.id)).toContain('p-lain');
    expect(after!.people.map((p) => p.id)).not.toContain(newcomer.id);
    expect(await organisationRevision(db, org.id)).not.toBe(before);
  });

  it('answers null for an organisation that does not exist', async () => {
    const { db } = getDb();
    expect(await read(db, new OrganisationCache())).toBeNull();
  });

  it('keeps the process list apart: each process change reads the list again, not the organisation', async () => {
    const { db } = getDb();
    await saveOrganisation(db, org, system);
    const proc = renjaDocument().processes[0]!;
    const cache = new OrganisationCache();
    let seen = await readWithProcesses(db, cache);
    expect(seen.processes).toEqual([]);
    const again = await readWithProcesses(db, cache);
    expect(again.organisation).toBe(seen.organisation);
    expect(again.processes).toBe(seen.processes);

    const save = (process: typeof proc, expectedVersion: number) =>
      saveProcess(db, { organisationId: org.id, process, expectedVersion, actor: system });
    const changes: Array<[string, () => Promise<unknown>, (names: string[]) => void]> = [
      ['a process saved', () => save(proc, 0), (names) => expect(names).toEqual([proc.name])],
      [
        'a process renamed',
        () => save({ ...proc, name: 'Penyusunan Renja (revisi)' }, 1),
        (names) => expect(names).toEqual(['Penyusunan Renja (revisi)']),
      ],
      [
        'a process deleted',
        () => deleteProcess(db, { organisationId: org.id, processId: proc.id, actor: system }),
        (names) => expect(names).toEqual([]),
      ],
    ];
    for (const [what, change, expectNames] of changes) {
      await change();
      const now = await readWithProcesses(db, cache);
      expect(now.processes, what).not.toBe(seen.processes);
      expect(now.processes, what).toEqual(
        await listProcessSummaries(db, { organisationId: org.id }),
      );
      expectNames(now.processes.map((p) => p.name));
      // Units and people did not change: the organisation comes from memory.
      expect(now.organisation, what).toBe(seen.organisation);
      expect(Object.isFrozen(now.processes), what).toBe(true);
      seen = now;
    }

    // A person added reads the organisation again and keeps the process list.
    await addPerson(db, { organisationId: org.id, person: newcomer, actor: system });
    const after = await readWithProcesses(db, cache);
    expect(after.organisation).not.toBe(seen.organisation);
    expect(after.organisation.people.map((p) => p.id)).toContain(newcomer.id);
    expect(after.processes).toBe(seen.processes);
  });

  it('takes the revisions read with the person: they move with every change, and are trusted', async () => {
    const { db } = getDb();
    await saveOrganisation(db, org, system);
    await addPerson(db, { organisationId: org.id, person: newcomer, actor: system });
    await linkAccount(db, { personId: newcomer.id, platform: 'telegram', accountId: '777' });
    const proc = renjaDocument().processes[0]!;
    const cache = new OrganisationCache();
    // As an inbound update does: the person with the revisions, then the cache, one transaction.
    const viaPerson = () =>
      db.transaction(async (tx) => {
        const match = await findPersonByAccount(tx, { platform: 'telegram', accountId: '777' });
        return {
          revisions: match!.revisions!,
          found: (await cache.readWithProcesses(tx, org.id, match!.revisions))!,
        };
      });
    const first = await viaPerson();
    expect(first.revisions.organisation).toBe(await organisationRevision(db, org.id));

    await saveProcess(db, {
      organisationId: org.id,
      process: proc,
      expectedVersion: 0,
      actor: system,
    });
    const second = await viaPerson();
    expect(second.revisions.processes).not.toBe(first.revisions.processes);
    expect(second.found.processes.map((p) => p.id)).toEqual([proc.id]);
    expect(second.found.organisation).toBe(first.found.organisation);

    await setPersonLanguage(db, { personId: newcomer.id, language: 'en' });
    const third = await viaPerson();
    expect(third.revisions.organisation).not.toBe(second.revisions.organisation);
    expect(third.found.organisation.people.find((p) => p.id === newcomer.id)?.language).toBe('en');

    // Trusted: no statement of its own checks them, so the revisions given decide.
    const stale = await db.transaction((tx) =>
      cache.readWithProcesses(tx, org.id, third.revisions),
    );
    await deleteProcess(db, { organisationId: org.id, processId: proc.id, actor: system });
    const trusted = await db.transaction((tx) =>
      cache.readWithProcesses(tx, org.id, third.revisions),
    );
    expect(trusted!.processes).toBe(stale!.processes);
    expect((await viaPerson()).found.processes).toEqual([]);
  });
});
