// The lease on a WhatsApp session: one process at a time uses a login (two make WhatsApp drop
// both). Taken in the database for `ttlMs` and renewed every `renewEveryMs` while the process
// runs; another process is refused with a message naming the holder and when its lease ends.
import { hostname } from 'node:os';
import { bilingual as b, textFor } from '../../core/language/bilingual.js';
import { type Db, releaseWhatsAppLease, takeWhatsAppLease } from '../../db/index.js';
import { type Logger, errorFields } from '../log.js';

export const LEASE_TTL_MS = 30_000;
export const LEASE_RENEW_MS = 10_000;

/** Who holds a lease: this host and process. */
export function leaseHolderName(): string {
  return `${hostname()}:${process.pid}`;
}

/** The operator's message when another process holds the session. */
export function leaseRefusedMessage(session: string, holder: string, until: Date): string {
  const at = until.toISOString().slice(0, 19).replace('T', ' ');
  return textFor(
    b(
      `Sesi WhatsApp "${session}" sedang dipakai proses lain (${holder}) sampai ${at} UTC; WhatsApp tidak disambungkan di sini. Hentikan proses itu, atau tunggu sampai sewanya habis bila proses itu sudah mati`,
      `WhatsApp session "${session}" is in use by another process (${holder}) until ${at} UTC; WhatsApp is not connected here. Stop that process, or wait for its lease to end if it has died.`,
    ),
    'both-inline',
  );
}

export type Lease = {
  holder: string;
  /** Renews now; false when another process has taken the session meanwhile. */
  renew(): Promise<boolean>;
  /** Stops renewing and gives the session up. */
  release(): Promise<void>;
};

export type LeaseOptions = {
  session: string;
  holder?: string;
  ttlMs?: number;
  /** Renewal period; 0: no timer (the caller renews). */
  renewEveryMs?: number;
  now?: () => Date;
  /** Called once when a renewal finds the session taken by another process. */
  onLost?: () => void;
};

export type LeaseResult = { ok: true; lease: Lease } | { ok: false; message: string };

export async function acquireWhatsAppLease(
  db: Db,
  log: Logger,
  o: LeaseOptions,
): Promise<LeaseResult> {
  const holder = o.holder ?? leaseHolderName();
  const ttlMs = o.ttlMs ?? LEASE_TTL_MS;
  const now = o.now ?? (() => new Date());
  const take = () => takeWhatsAppLease(db, { session: o.session, holder, ttlMs, now: now() });
  const first = await take();
  if (first.outcome === 'held')
    return { ok: false, message: leaseRefusedMessage(o.session, first.holder, first.until) };
  log.info('whatsapp.lease_taken', { session: o.session, holder });

  let lost = false;
  let released = false;
  const renew = async (): Promise<boolean> => {
    if (lost || released) return !lost;
    const r = await take();
    if (r.outcome === 'taken') return true;
    lost = true;
    log.error('whatsapp.lease_lost', { session: o.session, holder: r.holder });
    o.onLost?.();
    return false;
  };
  const every = o.renewEveryMs ?? LEASE_RENEW_MS;
  const timer =
    every > 0
      ? setInterval(() => {
          renew().catch((e: unknown) =>
            log.warn('whatsapp.lease_renew_failed', { session: o.session, ...errorFields(e) }),
          );
        }, every)
      : null;
  timer?.unref();
  return {
    ok: true,
    lease: {
      holder,
      renew,
      async release() {
        if (timer) clearInterval(timer);
        if (released) return;
        released = true;
        await releaseWhatsAppLease(db, { session: o.session, holder });
        log.info('whatsapp.lease_released', { session: o.session });
      },
    },
  };
}
