// Runs one suite on PGlite and on PostgreSQL. PGlite: one instance per test file in a temp
// folder (creating one takes seconds). PostgreSQL: a fresh database per file, dropped after.
// Both get the migrations applied and, by default, every table emptied before each test.
//
// PostgreSQL is expected at PROBIS_TEST_DATABASE_URL, used to create the test database. The
// run's globalSetup (tests/support/postgres-setup.ts) sets it: the machine's PostgreSQL on
// 127.0.0.1:5432, or an embedded one started for the run. When it is unreachable the PostgreSQL
// half FAILS; set PROBIS_TEST_SKIP_POSTGRES=1 to skip it instead.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, beforeEach, describe } from 'vitest';
import { openDatabase, pgliteFolder, type DatabaseHandle, type Db } from '../../db/client.js';
import { MIGRATIONS_FOLDER } from '../../db/migrate.js';

export type TestDatabase = DatabaseHandle & {
  /** The test database's URL (PostgreSQL only). */
  url: string | null;
  /** Milliseconds openDatabase took, migrations included. */
  openMs: number;
};

export const ADMIN_URL =
  process.env.PROBIS_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const SKIP_POSTGRES = process.env.PROBIS_TEST_SKIP_POSTGRES === '1';

/** Every application table, emptied between tests. */
const TABLES = [
  'whatsapp_auth',
  'whatsapp_sessions',
  'person_events',
  'campaigns',
  'artifacts',
  'audit_log',
  'outbox',
  'inbox',
  'chat_locks',
  'interviews',
  'invitations',
  'process_snapshots',
  'process_review_events',
  'process_notes',
  'sop_details',
  'handoff_confirmations',
  'sipoc_items',
  'flow_edges',
  'flow_nodes',
  'processes',
  'channel_accounts',
  'people',
  'units',
  'organisations',
];

export async function resetDatabase(db: Db): Promise<void> {
  // The result is not read, so raw execute is safe on both drivers.
  await db.execute(
    sql.raw(`TRUNCATE ${TABLES.map((t) => `"${t}"`).join(', ')} RESTART IDENTITY CASCADE`),
  );
}

export function urlFor(database: string): string {
  const u = new URL(ADMIN_URL);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Creates an empty database probis_test_<random> and returns its name and a drop function. */
export async function createPostgresDatabase(): Promise<{
  name: string;
  url: string;
  drop(): Promise<void>;
}> {
  const name = `probis_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(ADMIN_URL, { max: 1, connect_timeout: 5, onnotice: () => {} });
  try {
    await admin.unsafe(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  return {
    name,
    url: urlFor(name),
    async drop() {
      const a = postgres(ADMIN_URL, { max: 1, connect_timeout: 5, onnotice: () => {} });
      try {
        await a.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await a.end({ timeout: 5 });
      }
    },
  };
}

export function tempDataDir(label = 'db'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `probis-${label}-`));
}

/**
 * A migrated, closed PGlite data folder shared by test files through the temp folder, keyed by
 * the migrations' content: creating a cluster takes seconds, copying one a few milliseconds.
 * Built once (in a private folder, then renamed into place atomically), reused after.
 */
async function pgliteTemplate(): Promise<string> {
  const hash = createHash('sha256');
  for (const f of fs.readdirSync(MIGRATIONS_FOLDER, { recursive: true }).map(String).sort()) {
    const full = path.join(MIGRATIONS_FOLDER, f);
    if (fs.statSync(full).isFile()) hash.update(f).update(fs.readFileSync(full));
  }
  const pkg = JSON.parse(
    fs.readFileSync(
      new URL('../../node_modules/@electric-sql/pglite/package.json', import.meta.url),
      'utf8',
    ),
  ) as { version: string };
  hash.update(pkg.version);
  const template = path.join(
    os.tmpdir(),
    `probis-pglite-template-${hash.digest('hex').slice(0, 16)}`,
  );
  if (fs.existsSync(path.join(template, 'pgdata', 'PG_VERSION'))) return template;
  const building = tempDataDir('template');
  const h = await openDatabase({ dataDir: building });
  await h.close();
  try {
    fs.renameSync(building, template);
  } catch {
    fs.rmSync(building, { recursive: true, force: true }); // another test file built it first
  }
  return template;
}

/** A new PGlite data folder with the migrations applied, from the shared template. */
export async function migratedPgliteDir(): Promise<string> {
  const template = await pgliteTemplate();
  const dir = tempDataDir('pglite');
  fs.cpSync(pgliteFolder(template), pgliteFolder(dir), { recursive: true });
  return dir;
}

export type ForEachOptions = {
  /** Empty every table before each test (default true). */
  resetEachTest?: boolean;
};

/**
 * Declares `describe('<name> [pglite]')` and `describe('<name> [postgres]')`, each running
 * `suite` with a getter for the open database (valid inside tests and hooks).
 */
export function forEachDatabase(
  name: string,
  suite: (getDb: () => TestDatabase) => void,
  options: ForEachOptions = {},
): void {
  const reset = options.resetEachTest ?? true;

  describe(`${name} [pglite]`, () => {
    let handle: TestDatabase | undefined;
    let dir = '';
    beforeAll(async () => {
      dir = await migratedPgliteDir();
      const t0 = performance.now();
      const h = await openDatabase({ dataDir: dir });
      handle = { ...h, url: null, openMs: performance.now() - t0 };
    });
    afterAll(async () => {
      await handle?.close();
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    });
    if (reset) beforeEach(async () => resetDatabase(get().db));
    const get = () => {
      if (!handle) throw new Error('PGlite test database is not open');
      return handle;
    };
    suite(get);
  });

  describe.skipIf(SKIP_POSTGRES)(`${name} [postgres]`, () => {
    let handle: TestDatabase | undefined;
    let dropDb: (() => Promise<void>) | undefined;
    beforeAll(async () => {
      let created;
      try {
        created = await createPostgresDatabase();
      } catch (e) {
        throw new Error(
          `PostgreSQL is not reachable at ${ADMIN_URL} (${(e as Error).message}). ` +
            'Start it, or set PROBIS_TEST_SKIP_POSTGRES=1 to skip the PostgreSQL half.',
        );
      }
      dropDb = created.drop;
      const t0 = performance.now();
      const h = await openDatabase({ databaseUrl: created.url, dataDir: '' });
      handle = { ...h, url: created.url, openMs: performance.now() - t0 };
    });
    afterAll(async () => {
      await handle?.close();
      await dropDb?.();
    });
    if (reset) beforeEach(async () => resetDatabase(get().db));
    const get = () => {
      if (!handle) throw new Error('PostgreSQL test database is not open');
      return handle;
    };
    suite(get);
  });
}
