// WhatsApp's run loop against a fake connection: the lease, the channel started when the
// connection opens and stopped when it closes, and what each disconnect reason leads to.
import { expect, it, vi } from 'vitest';
import { silentLogger } from '../../bot/log.js';
import { leaseRefusedMessage } from '../../bot/whatsapp/lease.js';
import { type WhatsAppRunOptions, runWhatsApp } from '../../bot/whatsapp/run.js';
import type { WhatsAppSocket } from '../../bot/whatsapp/socket.js';
import {
  getWhatsAppSession,
  hasWhatsAppCreds,
  takeWhatsAppLease,
  useDatabaseAuthState,
} from '../../db/index.js';
import { forEachDatabase } from '../support/db.js';
import { until } from '../support/until.js';
import { databaseOutage } from './database-outage.js';
import { fakeConnector } from './fake-connection.js';

forEachDatabase('WhatsApp run loop', (getDb) => {
  /** A run with a fake connector, a recording channel, sleeps and operator messages. */
  function harness(o: Partial<WhatsAppRunOptions> = {}) {
    const connector = fakeConnector();
    const channels: Array<{ socket: WhatsAppSocket; stopped: boolean }> = [];
    const sleeps: number[] = [];
    const told: string[] = [];
    let now = 0;
    const opts: WhatsAppRunOptions = {
      db: getDb().db,
      log: silentLogger,
      session: 'default',
      connect: connector.connect,
      startChannel: (socket) => {
        const ch = { socket, stopped: false };
        channels.push(ch);
        return Promise.resolve({
          stop: () => {
            ch.stopped = true;
            return Promise.resolve();
          },
        });
      },
      notify: (t) => told.push(t),
      sleep: (ms) => {
        sleeps.push(ms);
        return Promise.resolve();
      },
      lease: { holder: 'here:1', renewEveryMs: 0 },
      clock: () => now,
      ...o,
    };
    return {
      connector,
      channels,
      sleeps,
      told,
      opts,
      advance: (ms: number) => (now += ms),
      channelCount: (n: number) => until(() => channels.length >= n, `${n} channel starts`, 5_000),
    };
  }

  async function started(h: ReturnType<typeof harness>) {
    const r = await runWhatsApp(h.opts);
    if (!r.ok) throw new Error(r.message);
    return r.run;
  }

  /** A linked session's run, its first connection open and its channel started. */
  async function linkedAndOpen() {
    const h = harness();
    const run = await started(h);
    const c = await h.connector.nth(0);
    await c.auth.saveCreds();
    c.open();
    await h.channelCount(1);
    return { h, run, c };
  }

  it('starts the channel on the socket when the connection opens, and records the number', async () => {
    const h = harness();
    const run = await started(h);
    const c = await h.connector.nth(0);
    expect(h.channels).toHaveLength(0);
    c.open('6281234567890:7@s.whatsapp.net');
    await h.channelCount(1);
    expect(h.channels[0]?.socket).toBe(c);
    const row = await getWhatsAppSession(getDb().db, 'default');
    expect(row).toMatchObject({ ownNumber: '6281234567890', leaseHolder: 'here:1' });
    expect(row?.lastConnectedAt).toBeInstanceOf(Date);

    await run.stop();
    expect(await run.done).toBe('stopped');
    expect(h.channels[0]?.stopped).toBe(true);
    expect(c.ended).toBe(1);
    expect(h.told).toEqual([]);
    // The lease is given up on stop: another process may take the session now.
    expect((await getWhatsAppSession(getDb().db, 'default'))?.leaseHolder).toBeNull();
  });

  it('saves the credentials when Baileys updates them', async () => {
    const h = harness();
    const run = await started(h);
    const c = await h.connector.nth(0);
    expect(await hasWhatsAppCreds(getDb().db, 'default')).toBe(false);
    c.ev.emit('creds.update', { registered: true });
    Object.assign(c.auth.state.creds, { registered: true }); // as Baileys' socket does itself
    await until(() => hasWhatsAppCreds(getDb().db, 'default'), 'the saved credentials', 5_000);
    await run.stop();
    const reread = await useDatabaseAuthState(getDb().db, 'default');
    expect(reread.state.creds.registered).toBe(true);
  });

  it('logged out (401): stops the channel, deletes the login, tells the operator, stops', async () => {
    const { h, run, c } = await linkedAndOpen();
    c.close(401);
    expect(await run.done).toBe('logged-out');
    expect(h.channels[0]?.stopped).toBe(true);
    expect(await hasWhatsAppCreds(getDb().db, 'default')).toBe(false);
    expect(h.told).toHaveLength(1);
    expect(h.told[0]).toMatch(/^WhatsApp: perangkat ini dikeluarkan .* \/ WhatsApp: this device/);
    expect(h.connector.made).toHaveLength(1);
    expect((await getWhatsAppSession(getDb().db, 'default'))?.leaseHolder).toBeNull();
  });

  it('replaced (440): tells the operator and stops, keeping the login', async () => {
    const { h, run, c } = await linkedAndOpen();
    c.close(440);
    expect(await run.done).toBe('replaced');
    expect(h.told[0]).toContain('connection replaced');
    expect(await hasWhatsAppCreds(getDb().db, 'default')).toBe(true);
    expect(h.connector.made).toHaveLength(1);
  });

  it('restart required (515): reconnects at once and starts the channel on the new socket', async () => {
    const h = harness();
    const run = await started(h);
    const first = await h.connector.nth(0);
    first.close(515);
    const second = await h.connector.nth(1);
    expect(h.sleeps).toEqual([]);
    second.open();
    await h.channelCount(1);
    expect(h.channels[0]?.socket).toBe(second);
    await run.stop();
    expect(await run.done).toBe('stopped');
  });

  it('restart required (515) again and again: at once the first time, then backing off', async () => {
    const h = harness();
    const run = await started(h);
    (await h.connector.nth(0)).close(515);
    (await h.connector.nth(1)).close(515);
    (await h.connector.nth(2)).close(515);
    await h.connector.nth(3);
    expect(h.sleeps).toEqual([2_000, 4_000]);
    await run.stop();
  });

  it('a bad session (500, 411) five times without a stable connection: tells the operator to link again, stops', async () => {
    const h = harness();
    const run = await started(h);
    await (await h.connector.nth(0)).auth.saveCreds();
    for (const [n, code] of [500, 411, 500, 500, 411].entries())
      (await h.connector.nth(n)).close(code);
    expect(await run.done).toBe('bad-session');
    expect(h.connector.made).toHaveLength(5);
    expect(h.sleeps).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect(h.told).toHaveLength(1);
    expect(h.told[0]).toMatch(
      /^WhatsApp: sambungan ditolak 5 kali .*probis whatsapp unlink, lalu probis whatsapp link \/ WhatsApp: the connection was refused 5 times .*probis whatsapp unlink, then probis whatsapp link\.$/,
    );
    // The login is kept for unlink to log the device out with.
    expect(await hasWhatsAppCreds(getDb().db, 'default')).toBe(true);
    expect((await getWhatsAppSession(getDb().db, 'default'))?.leaseHolder).toBeNull();
  });

  it('other failures (500, 428): back off 1 s, 2 s, ..., and start again at 1 s after a stable minute', async () => {
    const h = harness();
    const run = await started(h);
    (await h.connector.nth(0)).close(500);
    (await h.connector.nth(1)).close(428);
    (await h.connector.nth(2)).close(500);
    const fourth = await h.connector.nth(3);
    fourth.open();
    await h.channelCount(1);
    h.advance(60_000);
    fourth.close(428);
    await h.connector.nth(4);
    expect(h.sleeps).toEqual([1_000, 2_000, 4_000, 1_000]);
    expect(h.channels[0]?.stopped).toBe(true);
    await run.stop();
  });

  it('a stop during the backoff ends the wait and the run', async () => {
    let wake = () => {};
    const h = harness({
      sleep: (_ms, signal) =>
        new Promise<void>((resolve) => {
          wake = resolve;
          signal.addEventListener('abort', () => resolve(), { once: true });
        }),
    });
    const run = await started(h);
    (await h.connector.nth(0)).close(500);
    await new Promise((r) => setImmediate(r));
    await run.stop();
    expect(await run.done).toBe('stopped');
    wake();
    expect(h.connector.made).toHaveLength(1);
  });

  it('a second process is refused with the holder and the end of its lease, and does not connect', async () => {
    const until = new Date('2027-03-01T08:00:30Z');
    await takeWhatsAppLease(getDb().db, {
      session: 'default',
      holder: 'server-a:4242',
      ttlMs: 30_000,
      now: new Date('2027-03-01T08:00:00Z'),
    });
    const h = harness({
      lease: {
        holder: 'server-b:77',
        renewEveryMs: 0,
        now: () => new Date('2027-03-01T08:00:10Z'),
      },
    });
    const r = await runWhatsApp(h.opts);
    expect(r).toEqual({
      ok: false,
      message: leaseRefusedMessage('default', 'server-a:4242', until),
    });
    expect(!r.ok && r.message).toMatch(
      /^Sesi WhatsApp "default" sedang dipakai proses lain \(server-a:4242\) sampai 2027-03-01 08:00:30 UTC.* \/ WhatsApp session "default" is in use by another process \(server-a:4242\) until 2027-03-01 08:00:30 UTC/,
    );
    expect(h.connector.made).toHaveLength(0);
  });

  it('the database down for 25 s of the 30 s lease: stops the socket and the channel, tells the operator', async () => {
    const outage = databaseOutage(getDb().db);
    let clock = 0;
    // Only the renewal timer is driven by the test; the clock is the lease's own.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const h = harness({
        db: outage.db,
        lease: {
          holder: 'here:1',
          ttlMs: 30_000,
          renewEveryMs: 5_000,
          now: () => new Date(Date.UTC(2027, 2, 1, 8, 0, clock)),
        },
      });
      const run = await started(h);
      const c = await h.connector.nth(0);
      c.open();
      await h.channelCount(1);
      outage.fail();
      for (let s = 5; s < 25; s += 5) {
        clock = s;
        await vi.advanceTimersByTimeAsync(5_000);
      }
      expect(h.told).toEqual([]);
      expect(c.ended).toBe(0);
      clock = 25;
      await vi.advanceTimersByTimeAsync(5_000);
      expect(await run.done).toBe('lease-lost');
      expect(c.ended).toBe(1);
      expect(h.channels[0]?.stopped).toBe(true);
      expect(h.connector.made).toHaveLength(1);
      expect(h.told).toHaveLength(1);
      expect(h.told[0]).toMatch(
        /^WhatsApp: sewa sesi "default" tidak bisa diperpanjang selama 25 detik .*jalankan ulang Probis \/ WhatsApp: the lease on session "default" could not be renewed for 25 s .*restart Probis\.$/,
      );
    } finally {
      vi.useRealTimers();
      outage.recover();
    }
  });
});
