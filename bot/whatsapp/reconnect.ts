// What to do when the WhatsApp connection closes, from Baileys' disconnect reason. Pure: the run
// loop (run.ts) acts on the decision; tests read it as a table.
import { DisconnectReason } from '@whiskeysockets/baileys';
import { type Bilingual, bilingual as b } from '../../core/language/bilingual.js';

export const BACKOFF_MIN_MS = 1_000;
export const BACKOFF_MAX_MS = 60_000;
/** A connection open this long was stable: the next failure starts the backoff again at 1 s. */
export const STABLE_MS = 60_000;

export type StopReason = 'logged-out' | 'replaced' | 'forbidden';

export type CloseDecision =
  | {
      action: 'reconnect';
      delayMs: number;
      /** Failed attempts so far, for the next decision. */
      attempt: number;
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
};

/** 1 s, 2 s, 4 s ... at most 60 s, for the attempt-th failure in a row (0-based). */
export function backoffMs(attempt: number): number {
  return Math.min(BACKOFF_MAX_MS, BACKOFF_MIN_MS * 2 ** Math.max(0, attempt));
}

export function decideOnClose(i: CloseInput): CloseDecision {
  switch (i.statusCode) {
    case DisconnectReason.loggedOut:
      return {
        action: 'stop',
        reason: 'logged-out',
        deleteAuth: true,
        notice: NOTICE['logged-out'],
      };
    case DisconnectReason.connectionReplaced:
      return { action: 'stop', reason: 'replaced', deleteAuth: false, notice: NOTICE.replaced };
    case DisconnectReason.forbidden:
      return { action: 'stop', reason: 'forbidden', deleteAuth: false, notice: NOTICE.forbidden };
    case DisconnectReason.restartRequired:
      // Normal after a new link (and at times later): WhatsApp asks for a fresh connection.
      return { action: 'reconnect', delayMs: 0, attempt: i.attempt };
    default: {
      const attempt = i.openForMs !== null && i.openForMs >= STABLE_MS ? 0 : i.attempt;
      return { action: 'reconnect', delayMs: backoffMs(attempt), attempt: attempt + 1 };
    }
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
