// runTransaction: the query builder and plain SQL in one transaction, all or nothing, and
// savepoints for nested transactions. A backend killed mid-transaction is a fault test
// (tests/faults/database.test.ts), through the whole bot.
import { expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/index.js';
import { runTransaction } from '../../db/transaction.js';
import { chatLocks } from '../../db/schema.js';
import { forEachDatabase } from '../support/db.js';

const lockCount = async (h: { db: DatabaseHandle['db'] }) =>
  (await h.db.select().from(chatLocks)).length;
const addLock = 'insert into chat_locks (chat_key) values ($1)';

forEachDatabase('runTransaction', (getDb) => {
  it('stores what statements sent together wrote', async () => {
    const h = getDb();
    const done = await runTransaction(h.db, async ({ query }) => {
      await Promise.all([query(addLock, ['a']), query(addLock, ['b'])]);
      return 'stored';
    });
    expect(done).toBe('stored');
    expect(await lockCount(h)).toBe(2);
  });

  it('stores nothing when one of the statements sent together fails', async () => {
    const h = getDb();
    await expect(
      runTransaction(h.db, async ({ query }) => {
        await query(addLock, ['a']);
        // The duplicate key fails after the row before it was written.
        await Promise.all([query(addLock, ['b']), query(addLock, ['a'])]);
      }),
    ).rejects.toThrow();
    expect(await lockCount(h)).toBe(0);
    // The connection went back to the pool in a usable state.
    await runTransaction(h.db, ({ query }) => query(addLock, ['c']));
    expect(await lockCount(h)).toBe(1);
  });

  it('stores nothing when the callback throws', async () => {
    const h = getDb();
    await expect(
      runTransaction(h.db, async ({ query }) => {
        await query(addLock, ['a']);
        throw new Error('handler bug');
      }),
    ).rejects.toThrow('handler bug');
    expect(await lockCount(h)).toBe(0);
  });

  it('reads its own writes through the query builder and plain SQL alike', async () => {
    const h = getDb();
    const seen = await runTransaction(h.db, async ({ tx, query }) => {
      await tx.insert(chatLocks).values({ chatKey: 'built' });
      const raw = await query<{ chat_key: string }>('select chat_key from chat_locks');
      return raw.map((r) => r.chat_key);
    });
    expect(seen).toEqual(['built']);
  });

  it('rolls a nested transaction back to its savepoint, keeping the rest', async () => {
    const h = getDb();
    await runTransaction(h.db, async ({ tx, query }) => {
      await query(addLock, ['kept']);
      await expect(
        tx.transaction(async (inner) => {
          await inner.insert(chatLocks).values({ chatKey: 'undone' });
          throw new Error('inner failure');
        }),
      ).rejects.toThrow('inner failure');
      await tx.transaction(async (inner) => {
        await inner.insert(chatLocks).values({ chatKey: 'nested' });
      });
    });
    const keys = (await h.db.select().from(chatLocks)).map((r) => r.chatKey).sort();
    expect(keys).toEqual(['kept', 'nested']);
  });
});
