// What to do when the WhatsApp connection closes, from Baileys' disconnect reason. Pure: the run
// loop (run.ts) acts on the decision; tests read it as a table.
import { DisconnectReason } from '@whiskeysockets/baileys';
import { type Bilingual, bilingual as b } from '../../core/language/bilingual.js';

export const BACKOFF_MIN_MS = 1_000;
export const BACKOFF_MAX_MS = 60_000;
/** A connection open this long was stable: the next failure starts the backoff again at 1 s. */
export const STABLE_MS = 60_000;
/**
 * Bad-session (500) or multidevice-mismatch (411) closes without a stable connection in between
 * after which WhatsApp stops: the stored login is no good, a new link is needed.
 */
export const SESSION_ERRORS_MAX = 5;

export type StopReason = 'logged-out' | 'replaced' | 'forbidden' | 'bad-session';

export type CloseDecision =
  | {
      action: 'reconnect';
      delayMs: number;
      /** Failed attempts so far, for the next decision. */
      attempt: number;
      /** Bad-session closes so far, for the next decision. */
      sessionErrors: number;
    }
  | {
      action: 'stop';
      reason: StopReason;
      /** The login is void (logged out on the phone): delete it, a new link is needed. */
      deleteAuth: boolean;
      /** What the operator is told. */
      notice: Bilingual;
    };

export type CloseInput = {
  /** Baileys' status code (lastDisconnect.error.output.statusCode); undefined when none. */
  statusCode: number | undefined;
  /** Failed attempts before this close (0 after a stable connection or at start). */
  attempt: number;
  /** Bad-session (500) and multidevice-mismatch (411) closes among them. */
  sessionErrors: number;
  /** How long the connection was open before it closed; null when it never opened. */
  openForMs: number | null;
};

const NOTICE: Record<StopReason, Bilingual> = {
  'logged-out': b(
    'WhatsApp: perangkat ini dikeluarkan dari akun (log out di ponsel). Kunci login dihapus; WhatsApp berhenti, saluran lain tetap berjalan. Tautkan lagi: probis whatsapp link',
    'WhatsApp: this device was logged out (on the phone). The login was deleted; WhatsApp stopped, the other channels keep running. Link again: probis whatsapp link',
  ),
  replaced: b(
    'WhatsApp: sesi ini dibuka di tempat lain (koneksi diganti). WhatsApp berhenti di proses ini; pastikan hanya satu proses memakai sesi ini',
    'WhatsApp: this session was opened elsewhere (connection replaced). WhatsApp stopped in this process; make sure only one process uses the session.',
  ),
  forbidden: b(
    'WhatsApp: nomor ini ditolak oleh WhatsApp (403, mungkin diblokir). WhatsApp berhenti; periksa nomornya di ponsel',
    'WhatsApp: the number was refused by WhatsApp (403, possibly banned). WhatsApp stopped; check the number on the phone.',
  ),
  'bad-session': b(
    `WhatsApp: sambungan ditolak ${SESSION_ERRORS_MAX} kali berturut-turut karena login ini rusak atau tidak cocok (500/411). WhatsApp berhenti, saluran lain tetap berjalan. Tautkan ulang: probis whatsapp unlink, lalu probis whatsapp link`,
    `WhatsApp: the connection was refused ${SESSION_ERRORS_MAX} times in a row because this login is broken or mismatched (500/411). WhatsApp stopped, the other channels keep running. Link again: probis whatsapp unlink, then probis whatsapp link.`,
  ),
};

/** 1 s, 2 s, 4 s ... at most 60 s, for the attempt-th failure in a row (0-based). */
export function backoffMs(attempt: number): number {
  return Math.min(BACKOFF_MAX_MS, BACKOFF_MIN_MS * 2 ** Math.max(0, attempt));
}

export function decideOnClose(i: CloseInput): CloseDecision {
  const stop = (reason: StopReason, deleteAuth = false): CloseDecision => ({
    action: 'stop',
    reason,
    deleteAuth,
    notice: NOTICE[reason],
  });
  // A connection that stayed open long enough was stable: failures are counted from it.
  const stable = i.openForMs !== null && i.openForMs >= STABLE_MS;
  const attempt = stable ? 0 : i.attempt;
  let sessionErrors = stable ? 0 : i.sessionErrors;
  const again = (delayMs: number): CloseDecision => ({
    action: 'reconnect',
    delayMs,
    attempt: attempt + 1,
    sessionErrors,
  });
  switch (i.statusCode) {
    case DisconnectReason.loggedOut:
      return stop('logged-out', true);
    case DisconnectReason.connectionReplaced:
      return stop('replaced');
    case DisconnectReason.forbidden:
      return stop('forbidden');
    case DisconnectReason.restartRequired:
      // Normal after a new link (and at times later): WhatsApp asks for a fresh connection, at
      // once. Asked again and again, it backs off like any failure (no hot loop).
      return again(attempt === 0 ? 0 : backoffMs(attempt));
    case DisconnectReason.badSession:
    case DisconnectReason.multideviceMismatch:
      // Once may pass; every time, the login is no good and retrying forever helps nobody.
      sessionErrors++;
      if (sessionErrors >= SESSION_ERRORS_MAX) return stop('bad-session');
      return again(backoffMs(attempt));
    default:
      return again(backoffMs(attempt));
  }
}

/** The status code of Baileys' lastDisconnect error (a Boom), if it has one. */
export function disconnectStatus(error: unknown): number | undefined {
  const code = (error as { output?: { statusCode?: unknown } } | undefined)?.output?.statusCode;
  return typeof code === 'number' ? code : undefined;
}

/** The linked number from Baileys' user id ('6281234567890:12@s.whatsapp.net'), or null. */
export function ownNumberOf(userId: string | undefined): string | null {
  const m = /^(\d{6,15})(?::\d+)?@s\.whatsapp\.net$/.exec(userId ?? '');
  return m?.[1] ?? null;
}
