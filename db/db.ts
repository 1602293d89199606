// The type every repository function takes, apart from the code that opens the database: the
// driver glue (transaction.ts) needs the type, and client.ts needs that glue.
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type * as schema from './schema.js';

/**
 * What every repository function takes: the same query-builder type for both drivers, and for a
 * transaction (`db.transaction(tx => ...)` hands a `tx` that is also a Db). Raw `execute`
 * results differ between PGlite and postgres.js: read them with rowsOf (db/raw-rows.ts).
 */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
