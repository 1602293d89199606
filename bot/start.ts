// `probis start` (and `npm start`): Telegram when a bot token is configured, WhatsApp when it is
// enabled (or, unset, when a number is linked), both side by side when both are; otherwise the
// interview in this terminal. SIGINT and SIGTERM stop every channel; one channel stopping (a
// logged-out WhatsApp) leaves the other running.
import type { App } from './app.js';
import { bilingual as b, textFor } from '../core/language/bilingual.js';
import { getWhatsAppSession, hasWhatsAppCreds } from '../db/index.js';
import { mapFilesIn } from './terminal/map-files.js';
import { runTerminalChat } from './terminal/terminal-chat.js';
import type { ConnectWhatsApp } from './whatsapp/connection.js';
import type { WhatsAppChannel, WhatsAppSocket } from './whatsapp/socket.js';

export type StartOptions = {
  /** The WhatsApp channel (default: bot/whatsapp/channel.ts startWhatsAppChannel). */
  startWhatsAppChannel?: (app: App, socket: WhatsAppSocket) => Promise<WhatsAppChannel>;
  /** Messages to the operator (default: stderr). */
  notify?: (text: string) => void;
  /** Makes WhatsApp connections (default: Baileys); tests give a fake. */
  connect?: ConnectWhatsApp;
  /** Stops every channel when aborted, as SIGINT and SIGTERM do. */
  signal?: AbortSignal;
};

/** Whether `start` runs WhatsApp: WHATSAPP_ENABLED, or unset, whether the session is linked. */
export async function whatsappWanted(app: App, notify: (t: string) => void): Promise<boolean> {
  const { enabled, session } = app.config.whatsapp;
  if (enabled === false) return false;
  const row = await getWhatsAppSession(app.database.db, session);
  const linked = Boolean(row?.linkedAt) && (await hasWhatsAppCreds(app.database.db, session));
  if (!linked && enabled === true)
    notify(
      textFor(
        b(
          `WHATSAPP_ENABLED=1, tetapi sesi "${session}" belum tertaut: jalankan dulu probis whatsapp link. WhatsApp tidak dijalankan`,
          `WHATSAPP_ENABLED=1 but session "${session}" is not linked: run probis whatsapp link first. WhatsApp is not started.`,
        ),
        'both-inline',
      ),
    );
  return linked;
}

type Running = { name: string; done: Promise<unknown>; stop(): Promise<void> };

export async function runStart(app: App, o: StartOptions = {}): Promise<void> {
  const notify = o.notify ?? ((t: string) => process.stderr.write(t + '\n'));
  const whatsapp = await whatsappWanted(app, notify);
  if (!app.config.telegram && !whatsapp) {
    await runTerminal(app);
    return;
  }
  const running: Running[] = [];
  const stopAll = () => Promise.all(running.map((r) => r.stop()));
  try {
    if (app.config.telegram) {
      const { startTelegram } = await import('./telegram/run.js');
      const rt = await startTelegram(app);
      running.push({ name: 'telegram', done: rt.done, stop: () => rt.stop() });
    }
    if (whatsapp) {
      const start =
        o.startWhatsAppChannel ?? (await import('./whatsapp/channel.js')).startWhatsAppChannel;
      const { runWhatsApp } = await import('./whatsapp/run.js');
      const { whatsappConnector } = await import('./whatsapp/connection.js');
      const r = await runWhatsApp({
        db: app.database.db,
        log: app.log,
        session: app.config.whatsapp.session,
        connect: o.connect ?? whatsappConnector(app.log),
        startChannel: (socket) => start(app, socket),
        notify,
      });
      if (!r.ok) notify(r.message);
      else {
        const done = r.run.done.then(
          (outcome) => app.log.info('whatsapp.done', { outcome }),
          (e: unknown) => app.log.error('whatsapp.failed', { error: String(e) }),
        );
        running.push({ name: 'whatsapp', done, stop: () => r.run.stop() });
      }
    }
  } catch (e) {
    await stopAll();
    throw e;
  }
  if (running.length === 0) return;
  const stop = () => void stopAll();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  o.signal?.addEventListener('abort', stop, { once: true });
  try {
    await Promise.all(running.map((r) => r.done));
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    o.signal?.removeEventListener('abort', stop);
  }
}

async function runTerminal(app: App): Promise<void> {
  app.log.info('terminal.start');
  await app.jobs.start({ work: app.config.jobs === 'on' });
  process.stdout.write(
    'Probis — ketik jawaban lalu Enter; /bantuan untuk perintah; Ctrl+D untuk keluar.\n\n',
  );
  await runTerminalChat({
    db: app.database.db,
    service: app.service,
    log: app.log,
    input: process.stdin,
    output: process.stdout,
    mode: 'plain',
    maps: app.maps,
    mapFiles: mapFilesIn(app.config.dataDir),
  });
}
