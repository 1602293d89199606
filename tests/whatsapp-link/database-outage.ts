// A database that can go down: the same Db while up; while down every query fails as a lost
// connection does ('failing') or never answers ('hanging'), as a network cut can leave it.
import type { Db } from '../../db/index.js';

const QUERIES = new Set<PropertyKey>(['select', 'insert', 'update', 'delete', 'execute']);

/** A query builder that never answers: every call and property gives itself, awaiting hangs. */
const neverAnswers: unknown = new Proxy(() => {}, {
  get: (_t, p) => (p === 'then' ? () => {} : neverAnswers),
  apply: () => neverAnswers,
});

export function databaseOutage(db: Db) {
  let state: 'up' | 'failing' | 'hanging' = 'up';
  const wrapped = new Proxy(db, {
    get(target, p) {
      const v: unknown = Reflect.get(target, p);
      if (state === 'up' || !QUERIES.has(p)) return v;
      if (state === 'hanging') return () => neverAnswers;
      return () => {
        throw Object.assign(new Error('connection lost'), { code: 'ECONNRESET' });
      };
    },
  });
  return {
    db: wrapped,
    fail: () => void (state = 'failing'),
    hang: () => void (state = 'hanging'),
    recover: () => void (state = 'up'),
  };
}
