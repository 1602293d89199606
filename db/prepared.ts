// Every statement sent to PostgreSQL as a named prepared statement.
/**
 * drizzle asks postgres.js for an unnamed statement unless a query is given a name, and postgres.js
 * then sends every query with parameters twice: once to learn the parameter types, once to run it
 * (two round trips). Named statements are prepared once per connection and reused: one round
 * trip. The wrapper asks for them on the client, in transactions and in savepoints.
 */
export function preparing<T extends object>(client: T): T {
  return new Proxy(client, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (typeof value !== 'function') return value;
      const fn = value as (...args: unknown[]) => unknown;
      if (key === 'unsafe')
        return (query: string, params?: unknown[], options?: Record<string, unknown>) =>
          fn.call(target, query, params, { ...options, prepare: true });
      if (key === 'begin' || key === 'savepoint')
        return (...args: unknown[]) => {
          const cb = args[args.length - 1] as (tx: object) => unknown;
          return fn.call(target, ...args.slice(0, -1), (tx: object) => cb(preparing(tx)));
        };
      return fn.bind(target);
    },
  });
}
