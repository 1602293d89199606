// Linking Probis's number, against a fake connection: the QR code shown, the restart WhatsApp
// asks for after pairing, the pairing code, unlinking, and a link while `start` holds the session.
import { expect, it, vi } from 'vitest';
import { silentLogger } from '../../bot/log.js';
import {
  runWhatsAppLink,
  runWhatsAppStatus,
  runWhatsAppUnlink,
} from '../../bot/commands/whatsapp.js';
import { runWhatsApp } from '../../bot/whatsapp/run.js';
import { getWhatsAppSession, hasWhatsAppCreds, takeWhatsAppLease } from '../../db/index.js';
import { forEachDatabase } from '../support/db.js';
import { databaseOutage } from './database-outage.js';
import { fakeConnector } from './fake-connection.js';

forEachDatabase('probis whatsapp link', (getDb) => {
  const base = () => ({ db: getDb().db, log: silentLogger, session: 'default' });

  it('shows the QR code, reconnects once after pairing (515), and ends once linked', async () => {
    const connector = fakeConnector();
    const lines: string[] = [];
    const qrs: string[] = [];
    const linking = runWhatsAppLink({
      ...base(),
      connect: connector.connect,
      write: (s) => lines.push(s),
      showQr: (qr) => Promise.resolve(void qrs.push(qr)),
    });
    const first = await connector.nth(0);
    first.ev.emit('connection.update', { qr: '2@first-ref' });
    first.ev.emit('connection.update', { qr: '2@second-ref' });
    // Paired: Baileys saves the new credentials, then WhatsApp asks for a restart.
    Object.assign(first.auth.state.creds, { registered: true });
    first.ev.emit('creds.update', { registered: true });
    first.close(515);
    const second = await connector.nth(1);
    second.open('6281100002222:4@s.whatsapp.net');
    expect(await linking).toBe(0);
    expect(qrs).toEqual(['2@first-ref', '2@second-ref']);
    expect(lines[0]).toContain('Pindai kode QR ini di ponsel');
    expect(lines.at(-1)).toBe(
      'Tertaut: +6281100002222. Jalankan npm start; WhatsApp ikut berjalan / linked: +6281100002222. Run npm start; WhatsApp runs with it.',
    );
    expect(second.ended).toBe(1);
    expect(await hasWhatsAppCreds(getDb().db, 'default')).toBe(true);
    expect(await getWhatsAppSession(getDb().db, 'default')).toMatchObject({
      ownNumber: '6281100002222',
      leaseHolder: null,
    });

    const status: string[] = [];
    await runWhatsAppStatus(getDb().db, 'default', (s) => status.push(s));
    expect(status[1]).toMatch(/^Tertaut \/ linked: \+6281100002222 /);

    // Linking again says so, and does not connect.
    const again: string[] = [];
    expect(
      await runWhatsAppLink({ ...base(), connect: connector.connect, write: (s) => again.push(s) }),
    ).toBe(0);
    expect(again[0]).toContain('sudah tertaut dengan +6281100002222');
    expect(connector.made).toHaveLength(2);
  });

  it('asks once for a pairing code for the number and shows it', async () => {
    const connector = fakeConnector();
    const lines: string[] = [];
    const linking = runWhatsAppLink({
      ...base(),
      connect: connector.connect,
      pairingNumber: '6281100002222',
      write: (s) => lines.push(s),
      showQr: () => Promise.reject(new Error('no QR code with a pairing code')),
    });
    const c = await connector.nth(0);
    c.ev.emit('connection.update', { qr: '2@ref' });
    c.ev.emit('connection.update', { qr: '2@ref-2' });
    await new Promise((r) => setImmediate(r));
    c.open('6281100002222:4@s.whatsapp.net');
    expect(await linking).toBe(0);
    expect(c.pairingRequests).toEqual(['6281100002222']);
    expect(lines[0]).toMatch(/^Kode penautan: ABCD-1234\nDi ponsel dengan nomor \+6281100002222: /);
    expect(lines[0]).toContain('/ pairing code: ABCD-1234');
  });

  it('a QR code not scanned in time: says so, leaves nothing behind', async () => {
    const connector = fakeConnector();
    const lines: string[] = [];
    const linking = runWhatsAppLink({
      ...base(),
      connect: connector.connect,
      write: (s) => lines.push(s),
      showQr: () => Promise.resolve(),
    });
    const c = await connector.nth(0);
    c.ev.emit('creds.update', {});
    c.close(408);
    expect(await linking).toBe(1);
    expect(lines.at(-1)).toContain('Waktu habis sebelum kode dipindai atau diketik');
    expect(await hasWhatsAppCreds(getDb().db, 'default')).toBe(false);
  });

  it('is refused while a running Probis holds the session', async () => {
    await takeWhatsAppLease(getDb().db, {
      session: 'default',
      holder: 'server-a:9',
      ttlMs: 30_000,
    });
    const connector = fakeConnector();
    const lines: string[] = [];
    expect(
      await runWhatsAppLink({ ...base(), connect: connector.connect, write: (s) => lines.push(s) }),
    ).toBe(1);
    expect(lines[0]).toContain('sedang dipakai proses lain (server-a:9)');
    expect(connector.made).toHaveLength(0);
  });

  it('takes the same lease as start: refused while start runs WhatsApp, goes ahead once it stopped', async () => {
    const server = fakeConnector();
    const started = await runWhatsApp({
      ...base(),
      connect: server.connect,
      startChannel: () => Promise.resolve({ stop: () => Promise.resolve() }),
      notify: () => {},
      lease: { holder: 'server-a:9:0badcafe', renewEveryMs: 0 },
    });
    if (!started.ok) throw new Error(started.message);
    await server.nth(0);

    const connector = fakeConnector();
    const lines: string[] = [];
    const link = () =>
      runWhatsAppLink({ ...base(), connect: connector.connect, write: (s) => lines.push(s) });
    expect(await link()).toBe(1);
    expect(lines[0]).toMatch(
      /^Sesi WhatsApp "default" sedang dipakai proses lain \(server-a:9:0badcafe\) sampai .* \/ WhatsApp session "default" is in use by another process \(server-a:9:0badcafe\)/,
    );
    expect(connector.made).toHaveLength(0);

    await started.run.stop();
    const linking = link();
    (await connector.nth(0)).open('6281100002222:4@s.whatsapp.net');
    expect(await linking).toBe(0);
  });

  it('stops linking when its lease cannot be renewed for 25 s (the database down)', async () => {
    const outage = databaseOutage(getDb().db);
    let clock = 0;
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const connector = fakeConnector();
      const lines: string[] = [];
      const linking = runWhatsAppLink({
        ...base(),
        db: outage.db,
        connect: connector.connect,
        write: (s) => lines.push(s),
        showQr: () => Promise.resolve(),
        lease: {
          ttlMs: 30_000,
          renewEveryMs: 5_000,
          now: () => new Date(Date.UTC(2027, 2, 1, 8, 0, clock)),
        },
      });
      const c = await connector.nth(0);
      c.ev.emit('connection.update', { qr: '2@ref' });
      outage.fail();
      for (let s = 5; s <= 25; s += 5) {
        clock = s;
        await vi.advanceTimersByTimeAsync(5_000);
      }
      expect(await linking).toBe(1);
      expect(c.ended).toBe(1);
      expect(connector.made).toHaveLength(1);
      expect(lines.at(-1)).toMatch(
        /^WhatsApp: sewa sesi "default" tidak bisa diperpanjang selama 25 detik .*penautan dihentikan .*probis whatsapp link \/ WhatsApp: the lease on session "default" could not be renewed for 25 s .*linking stopped .*run probis whatsapp link again\.$/,
      );
    } finally {
      vi.useRealTimers();
      outage.recover();
    }
  });

  it('unlink logs the device out and deletes the login', async () => {
    const connector = fakeConnector();
    const linking = runWhatsAppLink({ ...base(), connect: connector.connect, write: () => {} });
    (await connector.nth(0)).open();
    expect(await linking).toBe(0);

    const lines: string[] = [];
    const unlinking = runWhatsAppUnlink({
      ...base(),
      connect: connector.connect,
      write: (s) => lines.push(s),
    });
    const c = await connector.nth(1);
    c.open();
    expect(await unlinking).toBe(0);
    expect(c.loggedOut).toBe(1);
    expect(lines[0]).toContain('Perangkat dikeluarkan dari WhatsApp dan kunci login dihapus');
    expect(await hasWhatsAppCreds(getDb().db, 'default')).toBe(false);
    expect((await getWhatsAppSession(getDb().db, 'default'))?.ownNumber).toBeNull();
  });
});
