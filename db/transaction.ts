// The transaction of a chat update: drizzle's query builder and plain SQL in one transaction.
//
// The statements run on every inbound update (the chat lock, the inbox row, the interview, the
// person, the outbox rows) cost more to build with drizzle than to run: `query` sends them as
// plain SQL with $1.. parameters, as prepared statements on PostgreSQL.
//
// BEGIN and COMMIT stay round trips of their own (postgres.js `begin`). Sending them together
// with the first and last statements needs a reserved connection, and postgres.js 3.4.9 strands
// a `reserve()` for good when connections fail while it waits (porsager/postgres#1195): after a
// database outage the bot would hang. tests/faults/database.test.ts caught exactly that.
import type { PGlite, Transaction as PgliteTx } from '@electric-sql/pglite';
import type { RelationalSchemaConfig, TablesRelationalConfig } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { PgliteSession, PgliteTransaction } from 'drizzle-orm/pglite';
import { PostgresJsSession, PostgresJsTransaction } from 'drizzle-orm/postgres-js';
import type { Sql } from 'postgres';
import type { Db } from './db.js';
import { preparing } from './prepared.js';

/**
 * Plain SQL in the open transaction: `$1`.. parameters, rows as objects named by the SQL. Rows
 * are not mapped: cast in SQL (`::int`, `::text`) and convert what differs between the drivers
 * (bigint: string on postgres.js, number on PGlite; timestamptz: string or Date; jsonb and json:
 * parsed by both).
 */
export type RawQuery = <T>(text: string, params?: readonly unknown[]) => Promise<T[]>;

export type TransactionTools = {
  /** The transaction for the query builder and the repository functions. */
  tx: Db;
  /**
   * Plain SQL in the transaction itself, never inside a savepoint of `tx.transaction`: a failed
   * statement here fails the whole transaction, whatever catches its error.
   */
  query: RawQuery;
};

type SchemaConfig = RelationalSchemaConfig<TablesRelationalConfig>;

type Driver =
  | { kind: 'postgres'; sql: Sql; dialect: PgDialect; schema: SchemaConfig }
  | { kind: 'pglite'; client: PGlite; dialect: PgDialect; schema: SchemaConfig };

const drivers = new WeakMap<Db, Driver>();

/** Called by openDatabase: the driver behind `db`, for runTransaction. */
export function registerDriver(
  db: Db,
  driver: { kind: 'postgres'; sql: Sql } | { kind: 'pglite'; client: PGlite },
): void {
  const { schema: tables, fullSchema, tableNamesMap } = db._;
  if (!tables) throw new Error('registerDriver needs a database opened with its schema');
  const schema: SchemaConfig = { schema: tables, fullSchema, tableNamesMap };
  drivers.set(db, { ...driver, dialect: new PgDialect(), schema });
}

/**
 * Runs `fn` in one transaction and commits when it returns; its error rolls the transaction back
 * and is thrown. Statements started in the same tick go out together (pipelined on PostgreSQL)
 * and run in the order started.
 */
export function runTransaction<T>(db: Db, fn: (t: TransactionTools) => Promise<T>): Promise<T> {
  const driver = drivers.get(db);
  if (!driver) throw new Error('runTransaction needs a database opened with openDatabase');
  return driver.kind === 'postgres' ? onPostgres(driver, fn) : onPglite(driver, fn);
}

/**
 * One statement of plain SQL outside a transaction (autocommit), as `query` in a transaction: for
 * the outbox's claims and marks, which run for every message sent.
 */
export function rawQuery<T>(db: Db, text: string, params: readonly unknown[] = []): Promise<T[]> {
  const driver = drivers.get(db);
  if (!driver) throw new Error('rawQuery needs a database opened with openDatabase');
  if (driver.kind === 'postgres')
    return driver.sql.unsafe(text, params as never[], { prepare: true }) as unknown as Promise<T[]>;
  return driver.client.query<T>(text, params as unknown[]).then((r) => r.rows);
}

function onPglite<T>(
  d: Extract<Driver, { kind: 'pglite' }>,
  fn: (t: TransactionTools) => Promise<T>,
): Promise<T> {
  return d.client.transaction(async (client: PgliteTx) => {
    const session = new PgliteSession(client as unknown as PGlite, d.dialect, d.schema);
    const tx = new PgliteTransaction(d.dialect, session, d.schema) as unknown as Db;
    const query: RawQuery = async <R>(text: string, params: readonly unknown[] = []) =>
      (await client.query<R>(text, params as unknown[])).rows;
    return fn({ tx, query });
  });
}

async function onPostgres<T>(
  d: Extract<Driver, { kind: 'postgres' }>,
  fn: (t: TransactionTools) => Promise<T>,
): Promise<T> {
  return (await d.sql.begin(async (scope) => {
    // Every statement prepared: one round trip each (see db/prepared.ts).
    const client = preparing(scope);
    // drizzle's types want a whole Sql for a session and a TransactionSql for a transaction;
    // its own transactions pass the same object to both.
    const session = new PostgresJsSession(client as unknown as Sql, d.dialect, d.schema);
    const tx = new PostgresJsTransaction(
      d.dialect,
      session as unknown as ConstructorParameters<typeof PostgresJsTransaction>[1],
      d.schema,
    ) as unknown as Db;
    const query: RawQuery = async <R>(text: string, params: readonly unknown[] = []) =>
      (await scope.unsafe(text, params as never[], { prepare: true })) as unknown as R[];
    return fn({ tx, query });
  })) as T;
}
