// The lease on a WhatsApp session: one process at a time uses a login (two make WhatsApp drop
// both). Taken in the database for `ttlMs` and renewed every `renewEveryMs` while the process
// runs; another process is refused with a message naming the holder and when its lease ends.
// The holder gives up (onLost) when another process has taken the session, and also when it
// has not renewed for `ttlMs - marginMs` (the database is down or hangs): past `ttlMs` another
// process may take the session, and this one must not be connected by then.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { type Bilingual, bilingual as b, textFor } from '../../core/language/bilingual.js';
import { type Db, releaseWhatsAppLease, takeWhatsAppLease } from '../../db/index.js';
import { type Logger, errorFields } from '../log.js';

export const LEASE_TTL_MS = 30_000;
export const LEASE_RENEW_MS = 10_000;
/** How long before the lease ends, without a successful renewal, its holder gives it up. */
export const LEASE_MARGIN_MS = 5_000;

/**
 * A holder name: host and pid, for the operator, and a random part, because two containers with
 * the same host name both run as pid 1.
 */
export function makeLeaseHolderName(host: string = hostname(), pid: number = process.pid): string {
  return `${host}:${pid}:${randomUUID().slice(0, 8)}`;
}

const processHolder = makeLeaseHolderName();

/** Who holds a lease from this process: made once per process. */
export function leaseHolderName(): string {
  return processHolder;
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

/** Why a lease was lost: another process took it, or it could not be renewed in time. */
export type LeaseLoss =
  | { kind: 'taken'; holder: string }
  | {
      kind: 'unrenewed';
      /** Milliseconds since the last successful renewal. */
      sinceMs: number;
    };

/** What the operator is told when the lease is lost, by `start` (default) or by a link. */
export function leaseLostNotice(
  session: string,
  loss: LeaseLoss,
  by: 'start' | 'link' = 'start',
): Bilingual {
  const stopped =
    by === 'start'
      ? b('WhatsApp berhenti di sini', 'WhatsApp stopped here')
      : b('penautan dihentikan', 'linking stopped');
  if (loss.kind === 'taken')
    return b(
      `WhatsApp: sesi "${session}" diambil alih proses lain (${loss.holder}); ${stopped.id}`,
      `WhatsApp: session "${session}" was taken over by another process (${loss.holder}); ${stopped.en}.`,
    );
  const s = Math.floor(loss.sinceMs / 1000);
  const next =
    by === 'start'
      ? b(
          'Saluran lain tetap berjalan. Setelah basis data pulih, jalankan ulang Probis',
          'The other channels keep running. Once the database is back, restart Probis.',
        )
      : b(
          'Setelah basis data pulih, jalankan lagi: probis whatsapp link',
          'Once the database is back, run probis whatsapp link again.',
        );
  return b(
    `WhatsApp: sewa sesi "${session}" tidak bisa diperpanjang selama ${s} detik (basis data tidak terjangkau?); ${stopped.id} agar proses lain tidak memakai login yang sama bersamaan. ${next.id}`,
    `WhatsApp: the lease on session "${session}" could not be renewed for ${s} s (database unreachable?); ${stopped.en} so that no other process uses the same login at once. ${next.en}`,
  );
}

export type Lease = {
  holder: string;
  /**
   * Renews now; false when the lease is lost (another process has taken the session, or no
   * renewal succeeded for `ttlMs - marginMs`). Throws when the database fails before that.
   */
  renew(): Promise<boolean>;
  /** Stops renewing and gives the session up. */
  release(): Promise<void>;
};

export type LeaseOptions = {
  session: string;
  holder?: string;
  ttlMs?: number;
  /** Renewal period; 0: no timers (the caller renews, and the margin is checked on renew). */
  renewEveryMs?: number;
  /** Given up this long before the lease ends when no renewal succeeded (default 5 s). */
  marginMs?: number;
  now?: () => Date;
  /** Called once when the lease is lost: the holder must stop using the session. */
  onLost?: (loss: LeaseLoss) => void;
};

export type LeaseResult = { ok: true; lease: Lease } | { ok: false; message: string };

export async function acquireWhatsAppLease(
  db: Db,
  log: Logger,
  o: LeaseOptions,
): Promise<LeaseResult> {
  const holder = o.holder ?? leaseHolderName();
  const ttlMs = o.ttlMs ?? LEASE_TTL_MS;
  const giveUpAfterMs = Math.max(0, ttlMs - (o.marginMs ?? LEASE_MARGIN_MS));
  const now = o.now ?? (() => new Date());
  /** Takes or renews; the time it was asked at, when granted (the lease runs from then). */
  const take = async () => {
    const at = now();
    const r = await takeWhatsAppLease(db, { session: o.session, holder, ttlMs, now: at });
    return r.outcome === 'taken' ? { ...r, at } : r;
  };
  const first = await take();
  if (first.outcome === 'held')
    return { ok: false, message: leaseRefusedMessage(o.session, first.holder, first.until) };
  log.info('whatsapp.lease_taken', { session: o.session, holder });

  let renewedAt = first.at.getTime();
  let lost = false;
  let released = false;
  let timer: ReturnType<typeof setInterval> | null = null;
  let watchdog: ReturnType<typeof setTimeout> | null = null;
  const every = o.renewEveryMs ?? LEASE_RENEW_MS;

  const stopTimers = () => {
    if (timer) clearInterval(timer);
    if (watchdog) clearTimeout(watchdog);
    timer = null;
    watchdog = null;
  };
  const lose = (loss: LeaseLoss) => {
    if (lost || released) return;
    lost = true;
    stopTimers();
    if (loss.kind === 'taken') log.error('whatsapp.lease_lost', { session: o.session, ...loss });
    else log.error('whatsapp.lease_unrenewed', { session: o.session, sinceMs: loss.sinceMs });
    o.onLost?.(loss);
  };
  /** Gives the lease up when the last successful renewal is too old; true then. */
  const tooOld = (): boolean => {
    const sinceMs = now().getTime() - renewedAt;
    if (sinceMs < giveUpAfterMs) return false;
    lose({ kind: 'unrenewed', sinceMs });
    return true;
  };
  /** Checks the age of the lease when it should be given up, and again until it is renewed. */
  const arm = () => {
    if (every <= 0 || lost || released) return;
    if (watchdog) clearTimeout(watchdog);
    const wait = Math.max(0, renewedAt + giveUpAfterMs - now().getTime());
    watchdog = setTimeout(() => {
      watchdog = null;
      if (!tooOld()) arm();
    }, wait);
    watchdog.unref();
  };

  let inFlight: Promise<boolean> | null = null;
  const renewOnce = async (): Promise<boolean> => {
    if (lost || released) return !lost;
    if (tooOld()) return false;
    let r: Awaited<ReturnType<typeof take>>;
    try {
      r = await take();
    } catch (e) {
      if (tooOld()) return false;
      throw e;
    }
    if (lost || released) return !lost;
    if (r.outcome === 'taken') {
      renewedAt = r.at.getTime();
      arm();
      return true;
    }
    lose({ kind: 'taken', holder: r.holder });
    return false;
  };
  // One renewal at a time: a hanging database does not pile them up.
  const renew = (): Promise<boolean> => {
    inFlight ??= renewOnce().finally(() => {
      inFlight = null;
    });
    return inFlight;
  };

  if (every > 0) {
    timer = setInterval(() => {
      renew().catch((e: unknown) =>
        log.warn('whatsapp.lease_renew_failed', { session: o.session, ...errorFields(e) }),
      );
    }, every);
    timer.unref();
  }
  arm();
  return {
    ok: true,
    lease: {
      holder,
      renew,
      async release() {
        stopTimers();
        if (released) return;
        released = true;
        await releaseWhatsAppLease(db, { session: o.session, holder });
        log.info('whatsapp.lease_released', { session: o.session });
      },
    },
  };
}
