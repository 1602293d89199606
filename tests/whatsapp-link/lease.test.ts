// The lease on a WhatsApp session: one process at a time, taken over when it has expired,
// given up on stop, lost when another process took it meanwhile.
import { expect, it } from 'vitest';
import { silentLogger } from '../../bot/log.js';
import { acquireWhatsAppLease } from '../../bot/whatsapp/lease.js';
import { getWhatsAppSession } from '../../db/index.js';
import { forEachDatabase } from '../support/db.js';

forEachDatabase('WhatsApp session lease', (getDb) => {
  const at = (s: number) => new Date(Date.UTC(2027, 2, 1, 8, 0, s));
  const take = (holder: string, now: Date, onLost?: () => void) =>
    acquireWhatsAppLease(getDb().db, silentLogger, {
      session: 'default',
      holder,
      ttlMs: 30_000,
      renewEveryMs: 0,
      now: () => now,
      ...(onLost ? { onLost } : {}),
    });

  it('refuses a second holder while the first holds it, naming the holder and the end', async () => {
    const a = await take('server-a:1', at(0));
    expect(a.ok).toBe(true);
    const b = await take('server-b:2', at(29));
    expect(b.ok).toBe(false);
    expect(!b.ok && b.message).toContain('(server-a:1) sampai 2027-03-01 08:00:30 UTC');
    expect(!b.ok && b.message).toContain('(server-a:1) until 2027-03-01 08:00:30 UTC');
  });

  it('lets the holder renew it, and another process take it over once it has expired', async () => {
    let lostA = 0;
    const a = await take('server-a:1', at(0), () => lostA++);
    if (!a.ok) throw new Error(a.message);
    const b = await take('server-b:2', at(31));
    expect(b.ok).toBe(true);
    expect((await getWhatsAppSession(getDb().db, 'default'))?.leaseHolder).toBe('server-b:2');
    // The first process finds out at its next renewal, and stops.
    expect(await a.lease.renew()).toBe(false);
    expect(lostA).toBe(1);
    // Its release does not free the lease it no longer holds.
    await a.lease.release();
    expect((await getWhatsAppSession(getDb().db, 'default'))?.leaseHolder).toBe('server-b:2');
  });

  it('is given up on stop: the next process takes it at once', async () => {
    const a = await take('server-a:1', at(0));
    if (!a.ok) throw new Error(a.message);
    expect(await a.lease.renew()).toBe(true);
    await a.lease.release();
    const row = await getWhatsAppSession(getDb().db, 'default');
    expect(row).toMatchObject({ leaseHolder: null, leaseUntil: null });
    expect((await take('server-b:2', at(1))).ok).toBe(true);
  });
});
