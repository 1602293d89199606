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

export const UNIQUE_VIOLATION = '23505';
export const FOREIGN_KEY_VIOLATION = '23503';

/** An id given by the model already belongs to another organisation. */
export class IdConflictError extends Error {
  readonly code = 'ID_CONFLICT';
  constructor(
    readonly entityType: 'organisation' | 'unit' | 'person' | 'process',
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
