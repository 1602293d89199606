// The lease on a WhatsApp session: one process at a time, taken over when it has expired,
// given up on stop, lost when another process took it meanwhile, and given up in time when the
// database does not answer.
import { hostname } from 'node:os';
import { expect, it, vi } from 'vitest';
import { textFor } from '../../core/language/bilingual.js';
import { silentLogger } from '../../bot/log.js';
import {
  type LeaseLoss,
  acquireWhatsAppLease,
  leaseHolderName,
  leaseLostNotice,
  makeLeaseHolderName,
} from '../../bot/whatsapp/lease.js';
import { getWhatsAppSession } from '../../db/index.js';
import { forEachDatabase } from '../support/db.js';
import { databaseOutage } from './database-outage.js';

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

  it('names its holder by host and pid plus a random part made once per process', () => {
    const mine = leaseHolderName();
    expect(mine).toMatch(new RegExp(`^${hostname()}:${process.pid}:[0-9a-f]{8}$`));
    expect(leaseHolderName()).toBe(mine);
  });

  it('keeps apart two containers with the same host name, both pid 1', async () => {
    const first = makeLeaseHolderName('probis', 1);
    const second = makeLeaseHolderName('probis', 1);
    expect(first).not.toBe(second);
    expect((await take(first, at(0))).ok).toBe(true);
    const refused = await take(second, at(5));
    expect(refused.ok).toBe(false);
    // The operator still reads which host and process holds it.
    expect(!refused.ok && refused.message).toContain(`(${first}) sampai 2027-03-01 08:00:30 UTC`);
    expect(first).toMatch(/^probis:1:/);
  });

  it('is given up 25 s into its 30 s when no renewal succeeded (the database is down)', async () => {
    const outage = databaseOutage(getDb().db);
    let clock = at(0);
    const losses: LeaseLoss[] = [];
    const a = await acquireWhatsAppLease(outage.db, silentLogger, {
      session: 'default',
      holder: 'server-a:1',
      ttlMs: 30_000,
      renewEveryMs: 0,
      now: () => clock,
      onLost: (loss) => losses.push(loss),
    });
    if (!a.ok) throw new Error(a.message);
    outage.fail();
    clock = at(10);
    await expect(a.lease.renew()).rejects.toThrow('connection lost');
    clock = at(20);
    await expect(a.lease.renew()).rejects.toThrow('connection lost');
    expect(losses).toEqual([]);
    // 25 s without a successful renewal: 5 s before another process may take the session.
    clock = at(25);
    expect(await a.lease.renew()).toBe(false);
    expect(losses).toEqual([{ kind: 'unrenewed', sinceMs: 25_000 }]);
    const notice = textFor(leaseLostNotice('default', losses[0]!), 'both-inline');
    expect(notice).toMatch(
      /^WhatsApp: sewa sesi "default" tidak bisa diperpanjang selama 25 detik .* \/ WhatsApp: the lease on session "default" could not be renewed for 25 s /,
    );

    // The database is back: the lease stays given up, it is not taken again behind the operator.
    outage.recover();
    clock = at(26);
    expect(await a.lease.renew()).toBe(false);
    expect(losses).toHaveLength(1);
    expect((await getWhatsAppSession(getDb().db, 'default'))?.leaseUntil).toEqual(at(30));
  });

  it('is given up on time by its own timer when a renewal hangs', async () => {
    const outage = databaseOutage(getDb().db);
    let clock = 0;
    const losses: LeaseLoss[] = [];
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    try {
      const a = await acquireWhatsAppLease(outage.db, silentLogger, {
        session: 'default',
        holder: 'server-a:1',
        ttlMs: 30_000,
        renewEveryMs: 10_000,
        now: () => at(clock),
        onLost: (loss) => losses.push(loss),
      });
      if (!a.ok) throw new Error(a.message);
      const pass = async (s: number) => {
        clock += s;
        await vi.advanceTimersByTimeAsync(s * 1000);
      };
      await pass(10); // renewed by the timer at 10 s
      expect(await a.lease.renew()).toBe(true); // (joins that renewal while it is under way)
      expect((await getWhatsAppSession(getDb().db, 'default'))?.leaseUntil).toEqual(at(40));
      outage.hang();
      await pass(10); // 20 s: the renewal never answers
      await pass(10); // 30 s: still waiting; the lease ran from 10 s
      expect(losses).toEqual([]);
      await pass(5); // 35 s: 25 s since the last renewal
      expect(losses).toEqual([{ kind: 'unrenewed', sinceMs: 25_000 }]);
      await pass(60);
      expect(losses).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
