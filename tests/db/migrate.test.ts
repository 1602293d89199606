// Migrations: applied at start-up, safe when two processes start together, audit log append-only.
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER, migratePostgres } from '../../db/migrate.js';
import { listAudit, openDatabase, pgErrorCode, writeAudit } from '../../db/index.js';
import { createPostgresDatabase, forEachDatabase, SKIP_POSTGRES } from '../support/db.js';

/** The migrations drizzle-kit has recorded in its journal. */
const journal = JSON.parse(
  fs.readFileSync(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8'),
) as { entries: unknown[] };

describe.skipIf(SKIP_POSTGRES)('PostgreSQL migrations', () => {
  const drops: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const d of drops) await d();
  });

  it('lets two processes migrate one database at the same time', async () => {
    const created = await createPostgresDatabase();
    drops.push(created.drop);
    await Promise.all([
      migratePostgres(created.url),
      migratePostgres(created.url),
      migratePostgres(created.url),
    ]);
    const sqlc = postgres(created.url, { max: 1, onnotice: () => {} });
    try {
      const applied = await sqlc`select count(*)::int as n from drizzle.__drizzle_migrations`;
      const tables =
        await sqlc`select count(*)::int as n from information_schema.tables where table_schema = 'public'`;
      expect(applied[0]?.n).toBe(journal.entries.length);
      expect(tables[0]?.n).toBe(24);
    } finally {
      await sqlc.end();
    }
    // Opening (which migrates) again is a no-op.
    const h = await openDatabase({ databaseUrl: created.url, dataDir: '' });
    await h.close();
  });

  it('gives every statement a timeout', async () => {
    const created = await createPostgresDatabase();
    drops.push(created.drop);
    const h = await openDatabase({
      databaseUrl: created.url,
      dataDir: '',
      statementTimeoutMs: 300,
    });
    try {
      const [settings] = await h.db
        .select({
          statement: sql<string>`current_setting('statement_timeout')`,
          idleInTransaction: sql<string>`current_setting('idle_in_transaction_session_timeout')`,
        })
        .from(sql`(select 1) as one`);
      expect(settings).toEqual({ statement: '300ms', idleInTransaction: '30s' });
      const err = await h.db.execute(sql`select pg_sleep(2)`).then(
        () => null,
        (e: unknown) => e,
      );
      expect(pgErrorCode(err)).toBe('57014'); // query_canceled
    } finally {
      await h.close();
    }
  });
});

forEachDatabase('audit log', (getDb) => {
  it('refuses UPDATE and DELETE of audit rows', async () => {
    const { db } = getDb();
    await writeAudit(db, {
      actor: { system: 'test' },
      organisationId: 'o',
      entityType: 'x',
      entityId: '1',
      action: 'create',
      after: { a: 1 },
    });
    await expect(db.execute(sql`update audit_log set action = 'forged'`)).rejects.toThrow();
    await expect(db.execute(sql`delete from audit_log`)).rejects.toThrow();
    expect((await listAudit(db, { organisationId: 'o' })).map((r) => r.action)).toEqual(['create']);
  });
});
