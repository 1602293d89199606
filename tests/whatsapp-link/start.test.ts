// `npm start` with Telegram and WhatsApp configured runs both side by side; WhatsApp logged out
// on the phone stops WhatsApp only, and Telegram keeps answering. WhatsApp runs by default only
// when a number is linked.
import { afterEach, describe, expect, it } from 'vitest';
import { runStart, whatsappWanted } from '../../bot/start.js';
import type { WhatsAppSocket } from '../../bot/whatsapp/socket.js';
import {
  getWhatsAppSession,
  hasWhatsAppCreds,
  markWhatsAppConnected,
  useDatabaseAuthState,
} from '../../db/index.js';
import { type TestApp, openTestApp, seedRenja } from '../support/app.js';
import { startFakeTelegram, type FakeTelegram } from '../support/fake-telegram.js';
import { TelegramUser, until } from '../support/telegram.js';
import { fakeConnector } from './fake-connection.js';

async function link(t: TestApp) {
  const db = t.app.database.db;
  await (await useDatabaseAuthState(db, 'default')).saveCreds();
  await markWhatsAppConnected(db, { session: 'default', ownNumber: '6281100002222' });
}

describe('probis start with Telegram and WhatsApp', () => {
  const cleanup: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const c of cleanup.splice(0).reverse()) await c();
  });

  it.each([
    // WHATSAPP_ENABLED, linked, runs, operator told
    [undefined, false, false, false],
    [undefined, true, true, false],
    ['1', true, true, false],
    ['1', false, false, true],
    ['0', true, false, false],
  ] as const)(
    'WHATSAPP_ENABLED=%s, linked %s: runs WhatsApp %s',
    async (enabled, linked, runs, told) => {
      const t = await openTestApp('pglite', enabled ? { WHATSAPP_ENABLED: enabled } : {});
      cleanup.push(() => t.close());
      if (linked) await link(t);
      const notes: string[] = [];
      expect(await whatsappWanted(t.app, (n) => notes.push(n))).toBe(runs);
      expect(notes.length > 0).toBe(told);
      if (told) expect(notes[0]).toContain('probis whatsapp link');
    },
  );

  it('runs both; a WhatsApp log-out stops WhatsApp only; the stop signal stops Telegram', async () => {
    const fake: FakeTelegram = await startFakeTelegram({
      perChatLimit: false,
      globalLimit: false,
      longPollMaxMs: 200,
    });
    cleanup.push(() => fake.close());
    const t = await openTestApp('pglite', {
      TELEGRAM_BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.apiRoot,
    });
    cleanup.push(() => t.close());
    await seedRenja(t.app);
    await link(t);

    const connector = fakeConnector();
    const channels: Array<{ socket: WhatsAppSocket; stopped: boolean }> = [];
    const told: string[] = [];
    const abort = new AbortController();
    let finished = false;
    const started = runStart(t.app, {
      connect: connector.connect,
      startWhatsAppChannel: (_app, socket) => {
        const ch = { socket, stopped: false };
        channels.push(ch);
        return Promise.resolve({ stop: () => Promise.resolve(void (ch.stopped = true)) });
      },
      notify: (n) => told.push(n),
      signal: abort.signal,
    }).then(() => (finished = true));

    const wa = await connector.nth(0);
    wa.open();
    await until(() => channels.length === 1, 'the WhatsApp channel');
    const user = new TelegramUser(fake, t.app.database.db, 501);
    await user.say('/start');
    expect(fake.messages(501).length).toBeGreaterThan(0);

    wa.close(401);
    await until(() => channels[0]?.stopped, 'the WhatsApp channel stopped');
    await until(
      async () => !(await hasWhatsAppCreds(t.app.database.db, 'default')),
      'the login deleted',
    );
    expect(told.join('\n')).toContain('WhatsApp: perangkat ini dikeluarkan');
    const before = fake.messages(501).length;
    await user.say('/bantuan');
    expect(fake.messages(501).length).toBeGreaterThan(before);
    expect(finished).toBe(false);

    abort.abort();
    await started;
    expect(finished).toBe(true);
    expect((await getWhatsAppSession(t.app.database.db, 'default'))?.leaseHolder).toBeNull();
  });
});
