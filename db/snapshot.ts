import type { Db } from './client.js';

/**
 * Runs reads that must agree with each other (a process and its flow rows) in one read-only
 * REPEATABLE READ transaction, so that a save committing in between cannot mix two versions.
 * Inside an outer transaction this is a savepoint and the outer transaction's snapshot rules.
 */
export function inSnapshot<T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction(fn, { isolationLevel: 'repeatable read', accessMode: 'read only' });
}
