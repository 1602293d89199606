// The whole application, opened on a test database: PGlite from a migrated template, or a fresh
// PostgreSQL database. Seeds the Renja organisation when asked.
import { type App, openApp } from '../../bot/app.js';
import { silentLogger } from '../../bot/log.js';
import type { Person } from '../../core/model/index.js';
import {
  createInvitation,
  loadOrganisation,
  saveOrganisation,
  saveProcess,
} from '../../db/index.js';
import { createPostgresDatabase, migratedPgliteDir } from './db.js';
import { renjaWorld } from './renja.js';

export type DbKind = 'pglite' | 'postgres';

export type TestApp = {
  app: App;
  dataDir: string | null;
  url: string | null;
  close(): Promise<void>;
};

export async function openTestApp(
  kind: DbKind,
  extraEnv: Record<string, string> = {},
): Promise<TestApp> {
  if (kind === 'pglite') {
    const dataDir = await migratedPgliteDir();
    const app = await openApp({ PROBIS_DATA_DIR: dataDir, ...extraEnv }, silentLogger);
    return { app, dataDir, url: null, close: () => app.close() };
  }
  const pg = await createPostgresDatabase();
  const app = await openApp(
    { DATABASE_URL: pg.url, PROBIS_DATA_DIR: '/nonexistent', ...extraEnv },
    silentLogger,
  );
  return {
    app,
    dataDir: null,
    url: pg.url,
    close: async () => {
      await app.close();
      await pg.drop();
    },
  };
}

/** The Renja organisation with its level-0 group "03 Perencanaan dan Penganggaran". */
export async function seedRenja(app: App): Promise<void> {
  const { organisation, processes } = renjaWorld();
  const db = app.database.db;
  await saveOrganisation(db, organisation, { system: 'test' });
  for (const p of processes)
    await saveProcess(db, {
      organisationId: organisation.id,
      process: { ...p, version: 0 },
      expectedVersion: 0,
      actor: { system: 'test' },
    });
}

/** A person of the Renja organisation, to add in tests that need one more. */
export function staff(
  id: string,
  name: string,
  position: string,
  unitId = 'bag-organisasi',
): Person {
  return {
    id,
    name,
    position,
    unitId,
    roles: ['respondent'],
    nip: null,
    accounts: [],
    language: 'id',
  };
}

/** Adds people to the stored Renja organisation. */
export async function addStaff(app: App, ...people: Person[]): Promise<void> {
  const db = app.database.db;
  const org = (await loadOrganisation(db, 'kab-contoh'))!;
  await saveOrganisation(db, { ...org, people: [...org.people, ...people] }, { system: 'test' });
}

/** A one-day invitation for a person of the seeded organisation, as a coordinator makes it. */
export async function inviteToken(app: App, personId: string): Promise<string> {
  const { token } = await createInvitation(app.database.db, {
    organisationId: 'kab-contoh',
    personId,
    createdBy: { system: 'test' },
    expiresAt: new Date(Date.now() + 86_400_000),
  });
  return token;
}
