// WhatsApp, run: take the session's lease, connect on the stored login, start the channel when
// the connection opens, stop it when it closes, then reconnect or stop as reconnect.ts decides.
// stop() ends the connection, stops the channel and gives the lease up.
import type { ConnectionState } from '@whiskeysockets/baileys';
import { textFor } from '../../core/language/bilingual.js';
import {
  type Db,
  type DatabaseAuthState,
  markWhatsAppConnected,
  useDatabaseAuthState,
} from '../../db/index.js';
import { type Logger, errorFields } from '../log.js';
import type { ConnectWhatsApp, WhatsAppConnection } from './connection.js';
import { type LeaseOptions, acquireWhatsAppLease, leaseLostNotice } from './lease.js';
import { type StopReason, decideOnClose, disconnectStatus, ownNumberOf } from './reconnect.js';
import type { WhatsAppChannel, WhatsAppSocket } from './socket.js';

export type WhatsAppOutcome = 'stopped' | 'lease-lost' | StopReason;

export type WhatsAppRun = {
  /** Resolves when WhatsApp has stopped for good, with why. */
  done: Promise<WhatsAppOutcome>;
  stop(): Promise<void>;
};

export type WhatsAppRunOptions = {
  db: Db;
  log: Logger;
  session: string;
  connect: ConnectWhatsApp;
  startChannel: (socket: WhatsAppSocket) => Promise<WhatsAppChannel>;
  /** Messages to the operator (default: stderr). */
  notify?: (text: string) => void;
  /** Waits before a reconnection; resolves early when the signal aborts. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  lease?: Omit<LeaseOptions, 'session' | 'onLost'>;
  /** Milliseconds clock, for how long a connection stayed open. */
  clock?: () => number;
};

export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const t = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(t);
        resolve();
      },
      { once: true },
    );
  });
}

type Closed = { statusCode: number | undefined; openForMs: number | null };

/**
 * Starts WhatsApp for `session`, or refuses with the operator's message when another process
 * holds the session (nothing connects then).
 */
export async function runWhatsApp(
  o: WhatsAppRunOptions,
): Promise<{ ok: true; run: WhatsAppRun } | { ok: false; message: string }> {
  const { db, log, session } = o;
  const notify = o.notify ?? ((t: string) => process.stderr.write(t + '\n'));
  const sleep = o.sleep ?? abortableSleep;
  const clock = o.clock ?? (() => Date.now());
  const abort = new AbortController();
  let outcome: WhatsAppOutcome | null = null;
  let closeNow: (() => void) | null = null;
  let current: WhatsAppConnection | null = null;

  const halt = (why: WhatsAppOutcome) => {
    outcome ??= why;
    abort.abort();
    current?.end(undefined);
    closeNow?.();
  };

  const got = await acquireWhatsAppLease(db, log, {
    ...o.lease,
    session,
    onLost: (loss) => {
      // Stop the socket first: past the lease's end another process may connect.
      halt('lease-lost');
      notify(textFor(leaseLostNotice(session, loss), 'both-inline'));
    },
  });
  if (!got.ok) return got;
  const lease = got.lease;

  /** One connection, from connect to close; the channel runs while it is open. */
  const connectOnce = (auth: DatabaseAuthState): Promise<Closed> =>
    new Promise((resolve) => {
      const sock = o.connect(auth);
      current = sock;
      let channel: Promise<WhatsAppChannel | null> | null = null;
      let openedAt: number | null = null;
      let finished = false;
      const finish = (statusCode: number | undefined) => {
        if (finished) return;
        finished = true;
        closeNow = null;
        current = null;
        sock.ev.off('connection.update', onUpdate);
        sock.ev.off('creds.update', onCreds);
        const openForMs = openedAt === null ? null : clock() - openedAt;
        void (channel ?? Promise.resolve(null))
          .then((c) => c?.stop())
          .catch((e: unknown) => log.error('whatsapp.channel_stop_failed', errorFields(e)))
          .then(() => resolve({ statusCode, openForMs }));
      };
      const onCreds = () => {
        auth
          .saveCreds()
          .catch((e: unknown) => log.error('whatsapp.creds_save_failed', errorFields(e)));
      };
      const onUpdate = (u: Partial<ConnectionState>) => {
        if (u.connection === 'open' && !channel) {
          openedAt = clock();
          log.info('whatsapp.open', { session });
          channel = (async () => {
            await markWhatsAppConnected(db, { session, ownNumber: ownNumberOf(sock.user?.id) });
            return await o.startChannel(sock);
          })().catch((e: unknown) => {
            // Reconnect with backoff: the channel may start next time (the database is back).
            log.error('whatsapp.channel_start_failed', errorFields(e));
            sock.end(undefined);
            return null;
          });
        }
        if (u.connection === 'close') finish(disconnectStatus(u.lastDisconnect?.error));
      };
      sock.ev.on('creds.update', onCreds);
      sock.ev.on('connection.update', onUpdate);
      closeNow = () => finish(undefined);
    });

  const loop = async (): Promise<WhatsAppOutcome> => {
    try {
      const auth = await useDatabaseAuthState(db, session);
      let attempt = 0;
      let sessionErrors = 0;
      while (!outcome) {
        const closed = await connectOnce(auth);
        if (outcome) break;
        const d = decideOnClose({ ...closed, attempt, sessionErrors });
        if (d.action === 'stop') {
          if (d.deleteAuth) await auth.clear();
          log.warn('whatsapp.stopped', { session, reason: d.reason, status: closed.statusCode });
          notify(textFor(d.notice, 'both-inline'));
          outcome = d.reason;
          break;
        }
        ({ attempt, sessionErrors } = d);
        log.info('whatsapp.reconnect', {
          session,
          status: closed.statusCode ?? null,
          delayMs: d.delayMs,
        });
        if (d.delayMs > 0) await sleep(d.delayMs, abort.signal);
      }
      return outcome ?? 'stopped';
    } finally {
      await lease
        .release()
        .catch((e: unknown) => log.warn('whatsapp.lease_release_failed', errorFields(e)));
    }
  };

  const done = loop();
  return {
    ok: true,
    run: {
      done,
      async stop() {
        halt('stopped');
        await done;
      },
    },
  };
}
