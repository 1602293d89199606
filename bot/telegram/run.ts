// Telegram, wired: updates in (polling or webhook), the shared conversation service, the outbox
// sender out, the command menu set. `startTelegram` is what tests drive against a fake Bot API.
import type { Server } from 'node:http';
import { Telegraf } from 'telegraf';
import type { App } from '../app.js';
import { OutboxSender } from '../delivery/outbox-sender.js';
import { setCommandMenu } from './commands-menu.js';
import { ALLOWED_UPDATES, pollUpdates } from './poller.js';
import { Pacer } from '../delivery/pacer.js';
import { TelegramSender } from './sender.js';
import { TelegramUpdates } from './updates.js';
import { createWebhookServer } from './webhook.js';

export type TelegramRuntime = {
  /** Resolves when polling or the webhook server has stopped. */
  done: Promise<void>;
  /** The webhook server's port, when in webhook mode. */
  port: number | null;
  stop(): Promise<void>;
};

export type StartOptions = {
  pollTimeoutSec?: number;
  retryEveryMs?: number;
  port?: number;
  /** Pacing to Telegram's limits (default 1 s per chat, 1/30 s overall); tests may loosen it. */
  pacing?: { perChatMs: number; globalMs: number };
};

export async function startTelegram(app: App, opts: StartOptions = {}): Promise<TelegramRuntime> {
  const cfg = app.config.telegram;
  if (!cfg) throw new Error('TELEGRAM_BOT_TOKEN is not set');
  const { db } = app.database;
  const tg = new Telegraf(cfg.token, {
    telegram: { ...(cfg.apiRoot ? { apiRoot: cfg.apiRoot } : {}) },
  }).telegram;
  const sender = new TelegramSender({
    telegram: tg,
    botUsername: () => app.bot.username,
    ...(opts.pacing ? { pacer: new Pacer(opts.pacing.perChatMs, opts.pacing.globalMs) } : {}),
  });
  // Maps are rendered by jobs: here too unless PROBIS_JOBS=off (a `probis worker` elsewhere).
  await app.jobs.start({ work: app.config.jobs === 'on' });
  const outbox = new OutboxSender(db, sender, app.log, { maps: app.maps });
  const updates = new TelegramUpdates({
    db,
    service: app.service,
    telegram: tg,
    log: app.log,
    bot: () => ({ username: app.bot.username }),
    onApplied: () => outbox.kick(),
  });
  const me = await tg.getMe();
  app.bot.username = me.username;
  await setCommandMenu(tg).catch((e: unknown) =>
    app.log.warn('telegram.commands_not_set', { error: String((e as Error).message ?? e) }),
  );

  // Retries fall due with time (429 retry_after, backoff), and maps rendered by a worker in
  // another process come back: look for them every second. Messages left by a previous run go
  // out at once.
  const retry = setInterval(() => outbox.kick(), opts.retryEveryMs ?? 1000);
  outbox.kick();
  const abort = new AbortController();
  let server: Server | null = null;
  let done: Promise<void>;

  if (cfg.webhook) {
    const url = new URL(cfg.webhook.url);
    server = createWebhookServer({
      path: url.pathname,
      secret: cfg.webhook.secret,
      updates,
      log: app.log,
    });
    await new Promise<void>((resolve) => server!.listen(opts.port ?? app.config.port, resolve));
    await tg.setWebhook(cfg.webhook.url, {
      secret_token: cfg.webhook.secret,
      allowed_updates: [...ALLOWED_UPDATES],
      max_connections: 40,
    });
    app.log.info('telegram.webhook', { port: (server.address() as { port: number }).port });
    done = new Promise((resolve) => server!.on('close', () => resolve()));
  } else {
    await tg.deleteWebhook();
    app.log.info('telegram.polling');
    done = pollUpdates({
      telegram: tg,
      updates,
      log: app.log,
      signal: abort.signal,
      timeoutSec: opts.pollTimeoutSec ?? 30,
    });
  }

  return {
    done,
    port: server ? (server.address() as { port: number }).port : null,
    async stop() {
      abort.abort();
      clearInterval(retry);
      if (server) await new Promise<void>((r) => server!.close(() => r()));
      await done;
      await outbox.drain();
      outbox.close();
    },
  };
}
