// Errors and error inspection shared by the repositories.

/**
 * The SQLSTATE of a database error from either driver. drizzle wraps driver errors in
 * DrizzleQueryError (its message holds the query parameters, i.e. people's text: log the code,
 * not the message); the driver error is its `cause`.
 */
export function pgErrorCode(e: unknown): string | null {
  for (let cur = e, depth = 0; cur && depth < 5; depth++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    cur = (cur as { cause?: unknown }).cause;
  }
  return null;
}

/** The constraint name of a database error (postgres.js: constraint_name, PGlite: constraint). */
export function pgConstraint(e: unknown): string | null {
  for (let cur = e, depth = 0; cur && depth < 5; depth++) {
    const c = cur as { constraint_name?: unknown; constraint?: unknown; cause?: unknown };
    const name = c.constraint_name ?? c.constraint;
    if (typeof name === 'string') return name;
    cur = c.cause;
  }
  return null;
}

/**
 * An error of the database's availability, not of the request: the connection is down, refused
 * or reset, the server is shutting down or starting, or the transaction lost a race. The same
 * work may succeed later, so it is retried rather than set aside.
 */
export function isTransientDbError(e: unknown): boolean {
  for (let cur = e, depth = 0; cur && depth < 5; depth++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === 'string') {
      if (/^(CONNECTION_|CONNECT_TIMEOUT|ECONN|EPIPE|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND)/.test(code))
        return true;
      // 08: connection exception; 57P01-03: shutdown, crash, cannot connect now;
      // 53300: too many connections; 40001/40P01: serialization failure, deadlock.
      if (/^(08...|57P0[123]|53300|40001|40P01)$/.test(code)) return true;
    }
    cur = (cur as { cause?: unknown }).cause;
  }
  return false;
}

export const UNIQUE_VIOLATION = '23505';
export const FOREIGN_KEY_VIOLATION = '23503';

/** An id given by the model already belongs to another organisation. */
export class IdConflictError extends Error {
  readonly code = 'ID_CONFLICT';
  constructor(
    readonly entityType: 'organisation' | 'unit' | 'person' | 'process' | 'account',
    readonly ids: string[],
  ) {
    super(`${entityType} id(s) already used by another organisation: ${ids.join(', ')}`);
    this.name = 'IdConflictError';
  }
}

/** A unit or person removed from an organisation is still referenced (by a process, ...). */
export class StillReferencedError extends Error {
  readonly code = 'STILL_REFERENCED';
  constructor(
    readonly organisationId: string,
    readonly constraint: string | null,
  ) {
    super(
      `Unit atau orang yang dihapus masih dipakai (${constraint ?? '?'}). / ` +
        `A removed unit or person of organisation ${organisationId} is still referenced (${constraint ?? '?'}).`,
    );
    this.name = 'StillReferencedError';
  }
}
