// The one place that opens the database, at start-up (never at import).
// No URL: PGlite in `dataDir/pgdata`, guarded by `dataDir/probis.lock`. A URL: postgres.js.
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { acquireDataDirLock } from './lock-file.js';
import { migratePglite, migratePostgres } from './migrate.js';
import { preparing } from './prepared.js';
import { registerDriver } from './transaction.js';
import type { Db } from './db.js';
import * as schema from './schema.js';

export { DatabaseLockedError } from './lock-file.js';

export type { Db } from './db.js';

export type DatabaseKind = 'pglite' | 'postgres';

export type DatabaseConfig = {
  /** postgres://... ; absent or empty: PGlite in dataDir. */
  databaseUrl?: string | undefined;
  /** Folder for PGlite's files and its lock file (default ./data). */
  dataDir: string;
  /** Apply pending migrations before returning (default true). */
  migrate?: boolean;
  /** postgres.js pool size (default 10). */
  poolSize?: number;
  /** Per-statement limit on PostgreSQL (default 15 s). */
  statementTimeoutMs?: number;
};

export type DatabaseHandle = {
  db: Db;
  kind: DatabaseKind;
  /** The PGlite folder (PGlite only). */
  dataDir: string | null;
  /** What the job queue (pg-boss, bot/jobs) connects through: the same PGlite, or the URL. */
  connection: { kind: 'pglite'; client: PGlite } | { kind: 'postgres'; url: string };
  close(): Promise<void>;
};

/** The PGlite cluster lives in a subfolder, so the data folder can also hold the lock file. */
export function pgliteFolder(dataDir: string): string {
  return path.join(dataDir, 'pgdata');
}

export async function openDatabase(config: DatabaseConfig): Promise<DatabaseHandle> {
  const url = config.databaseUrl?.trim();
  return url ? openPostgres(url, config) : openPglite(config);
}

async function openPglite(config: DatabaseConfig): Promise<DatabaseHandle> {
  const dataDir = path.resolve(config.dataDir || './data');
  const release = acquireDataDirLock(dataDir);
  let client: PGlite | undefined;
  try {
    client = await PGlite.create(pgliteFolder(dataDir));
    const db = drizzlePglite({ client, schema });
    registerDriver(db, { kind: 'pglite', client });
    if (config.migrate !== false) await migratePglite(db);
    let closed = false;
    const opened = client;
    return {
      db,
      kind: 'pglite',
      dataDir,
      connection: { kind: 'pglite', client: opened },
      async close() {
        if (closed) return;
        closed = true;
        try {
          await opened.close();
        } finally {
          release();
        }
      },
    };
  } catch (e) {
    try {
      await client?.close();
    } finally {
      release();
    }
    throw e;
  }
}

async function openPostgres(url: string, config: DatabaseConfig): Promise<DatabaseHandle> {
  if (config.migrate !== false) await migratePostgres(url);
  const statementTimeout = config.statementTimeoutMs ?? 15_000;
  const sql = postgres(url, {
    max: config.poolSize ?? 10,
    connect_timeout: 10, // seconds
    idle_timeout: 60, // seconds: close idle connections
    max_lifetime: 60 * 30, // seconds: recycle connections
    onnotice: () => {},
    connection: {
      application_name: 'probis',
      statement_timeout: statementTimeout,
      // A transaction left open (a stuck handler) must not hold a chat's lock for ever.
      idle_in_transaction_session_timeout: Math.max(statementTimeout * 2, 30_000),
      lock_timeout: statementTimeout,
    },
  });
  const db = drizzlePostgres({ client: preparing(sql), schema });
  registerDriver(db, { kind: 'postgres', sql });
  let closed = false;
  return {
    db,
    kind: 'postgres',
    dataDir: null,
    connection: { kind: 'postgres', url },
    async close() {
      if (closed) return;
      closed = true;
      await sql.end({ timeout: 5 });
    },
  };
}
