// `db.execute(sql...)` answers differently per driver: postgres.js gives the rows as an array,
// PGlite gives { rows }. Neither maps column names or types: callers name and cast in SQL.
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  const rows = (result as { rows?: unknown } | null)?.rows;
  if (Array.isArray(rows)) return rows as T[];
  throw new Error('unexpected result of a raw query');
}
