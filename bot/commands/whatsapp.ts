// probis whatsapp link | status | unlink: link Probis's WhatsApp number (QR code in the terminal,
// or a pairing code typed on the phone), show the session, forget it. The login is stored in the
// database (db/repositories/whatsapp-auth.ts); the session's lease keeps a running `probis start`
// and a link from using one login at once.
import type { ConnectionState } from '@whiskeysockets/baileys';
import { bilingual as b, textFor } from '../../core/language/bilingual.js';
import { normaliseWhatsapp } from '../../core/org-import/index.js';
import {
  type Db,
  type DatabaseAuthState,
  clearWhatsAppAuth,
  getWhatsAppSession,
  hasWhatsAppCreds,
  markWhatsAppConnected,
  useDatabaseAuthState,
} from '../../db/index.js';
import { type Logger, errorFields } from '../log.js';
import type { ConnectWhatsApp, WhatsAppConnection } from '../whatsapp/connection.js';
import { type LeaseOptions, acquireWhatsAppLease, leaseLostNotice } from '../whatsapp/lease.js';
import { disconnectStatus, ownNumberOf } from '../whatsapp/reconnect.js';
import { UserError } from './exchange.js';

const say = (id: string, en: string) => textFor(b(id, en), 'both-inline');

/**
 * The number a pairing code is asked for: digits with the country code, no leading 0 or +
 * ('6281234567890'); spaces, dashes and a leading + are allowed and dropped.
 */
export function parsePairingNumber(input: string): string {
  // As staff write it and as an organisation file takes it: 0812-3456-7890, +62 812 3456 7890.
  const digits = normaliseWhatsapp(input.trim());
  if (!digits || !/^[1-9]\d{8,14}$/.test(digits))
    throw new UserError(
      b(
        `Nomor "${input}" tidak valid untuk kode penautan: tulis nomor WhatsApp Probis, mis. 0812-3456-7890 atau dengan kode negara 6281234567890. Contoh: probis whatsapp link --pairing-code 6281234567890`,
        'invalid number for a pairing code: write Probis’s WhatsApp number, e.g. 0812-3456-7890 or with its country code 6281234567890.',
      ),
    );
  return digits;
}

const when = (d: Date | null) =>
  d ? `${d.toISOString().slice(0, 19).replace('T', ' ')} UTC` : '-';

/** probis whatsapp status: linked or not, the number, when last connected, who holds it. */
export async function runWhatsAppStatus(
  db: Db,
  session: string,
  write: (s: string) => void,
  now: Date = new Date(),
): Promise<void> {
  const row = await getWhatsAppSession(db, session);
  const linked = Boolean(row?.linkedAt) && (await hasWhatsAppCreds(db, session));
  write(`Sesi / session: ${session}`);
  if (!linked) {
    write(
      say(
        'Belum tertaut. Tautkan nomor WhatsApp Probis: probis whatsapp link (kode QR) atau probis whatsapp link --pairing-code 6281234567890',
        'not linked. Link Probis\u2019s WhatsApp number: probis whatsapp link (QR code) or --pairing-code NUMBER',
      ),
    );
  } else {
    write(`Tertaut / linked: +${row?.ownNumber ?? '?'} (${when(row?.linkedAt ?? null)})`);
    write(`Terakhir tersambung / last connected: ${when(row?.lastConnectedAt ?? null)}`);
  }
  const held = row?.leaseHolder && row.leaseUntil && row.leaseUntil > now;
  write(
    held
      ? `Dipakai oleh / in use by: ${row.leaseHolder} (sampai / until ${when(row.leaseUntil)})`
      : 'Dipakai oleh / in use by: - (tidak ada proses / no process)',
  );
}

export type LinkOptions = {
  db: Db;
  log: Logger;
  session: string;
  connect: ConnectWhatsApp;
  /** Digits with the country code: link by a pairing code instead of a QR code. */
  pairingNumber?: string;
  write: (s: string) => void;
  /** Draws the QR code (default: small, in this terminal). */
  showQr?: (qr: string) => Promise<void>;
  /** How many connections a link may take (WhatsApp restarts once after pairing). */
  maxConnections?: number;
  lease?: Omit<LeaseOptions, 'session' | 'onLost'>;
};

async function terminalQr(qr: string): Promise<string> {
  const { default: qrcode } = await import('qrcode-terminal');
  return new Promise((resolve) => qrcode.generate(qr, { small: true }, resolve));
}

type LinkStep = { kind: 'open'; ownNumber: string | null } | { kind: 'closed'; status?: number };

/**
 * probis whatsapp link: connects until WhatsApp reports the device linked ('open') and the login
 * is saved, then disconnects. Returns the exit code.
 */
export async function runWhatsAppLink(o: LinkOptions): Promise<number> {
  const { db, log, session, write } = o;
  const existing = await getWhatsAppSession(db, session);
  if (existing?.linkedAt && (await hasWhatsAppCreds(db, session))) {
    write(
      say(
        `Sesi "${session}" sudah tertaut dengan +${existing.ownNumber ?? '?'}. Untuk menautkan nomor lain: probis whatsapp unlink, lalu link lagi`,
        `session "${session}" is already linked to +${existing.ownNumber ?? '?'}. To link another number: probis whatsapp unlink, then link again.`,
      ),
    );
    return 0;
  }
  // The same lease as `probis start`: refused while Probis runs with this session, and given up
  // (the link stops) when it is lost, as WhatsApp in `start` does.
  let current: WhatsAppConnection | null = null;
  let lost = false;
  const got = await acquireWhatsAppLease(db, log, {
    ...o.lease,
    session,
    onLost: (loss) => {
      lost = true;
      current?.end(undefined);
      write(textFor(leaseLostNotice(session, loss, 'link'), 'both-inline'));
    },
  });
  if (!got.ok) {
    write(got.message);
    return 1;
  }
  try {
    // A half-done earlier link is started over: its keys belong to no linked device.
    await clearWhatsAppAuth(db, session);
    const auth = await useDatabaseAuthState(db, session);
    const showQr =
      o.showQr ??
      (async (qr: string) => {
        write(await terminalQr(qr));
      });
    let pairingAsked = false;
    const max = o.maxConnections ?? 3;
    for (let n = 0; n < max && !lost; n++) {
      current = o.connect(auth);
      const step = await linkConnection(current, auth, {
        onQr: async (qr, sock) => {
          if (o.pairingNumber) {
            if (pairingAsked || auth.state.creds.registered) return;
            pairingAsked = true;
            const code = await sock.requestPairingCode(o.pairingNumber);
            const shown = code.length === 8 ? `${code.slice(0, 4)}-${code.slice(4)}` : code;
            write(
              say(
                `Kode penautan: ${shown}\nDi ponsel dengan nomor +${o.pairingNumber}: WhatsApp > Perangkat tertaut > Tautkan perangkat > Tautkan dengan nomor telepon saja, lalu ketik kode itu`,
                `pairing code: ${shown} — on the phone: WhatsApp > Linked devices > Link a device > Link with phone number instead, then type the code.`,
              ),
            );
            return;
          }
          write(
            say(
              'Pindai kode QR ini di ponsel: WhatsApp > Perangkat tertaut > Tautkan perangkat',
              'scan this QR code on the phone: WhatsApp > Linked devices > Link a device',
            ),
          );
          await showQr(qr);
        },
      });
      current = null;
      // Told already; what is half done is started over by the next link.
      if (lost) return 1;
      if (step.kind === 'open') {
        await auth.saveCreds();
        await markWhatsAppConnected(db, { session, ownNumber: step.ownNumber });
        write(
          say(
            `Tertaut: +${step.ownNumber ?? '?'}. Jalankan npm start; WhatsApp ikut berjalan`,
            `linked: +${step.ownNumber ?? '?'}. Run npm start; WhatsApp runs with it.`,
          ),
        );
        return 0;
      }
      if (step.status === 515) continue; // normal right after pairing: connect once more
      write(
        step.status === 408
          ? say(
              'Waktu habis sebelum kode dipindai atau diketik. Jalankan lagi: probis whatsapp link',
              'timed out before the code was used. Run probis whatsapp link again.',
            )
          : say(
              `WhatsApp menutup sambungan (${step.status ?? 'tanpa kode'}) sebelum tertaut. Coba lagi: probis whatsapp link`,
              `WhatsApp closed the connection (${step.status ?? 'no code'}) before linking. Try again.`,
            ),
      );
      // Through the state's own queue: a credentials save still in flight lands before it.
      await auth.clear();
      return 1;
    }
    if (lost) return 1;
    write(say('Penautan tidak selesai. Coba lagi', 'linking did not finish. Try again.'));
    return 1;
  } finally {
    await got.lease
      .release()
      .catch((e: unknown) => log.warn('whatsapp.lease_release_failed', errorFields(e)));
  }
}

function linkConnection(
  sock: WhatsAppConnection,
  auth: DatabaseAuthState,
  h: { onQr: (qr: string, sock: WhatsAppConnection) => Promise<void> },
): Promise<LinkStep> {
  return new Promise((resolve, reject) => {
    const onCreds = () => void auth.saveCreds().catch(() => {});
    const done = (s: LinkStep) => {
      sock.ev.off('connection.update', onUpdate);
      sock.ev.off('creds.update', onCreds);
      resolve(s);
    };
    const onUpdate = (u: Partial<ConnectionState>) => {
      if (u.qr) h.onQr(u.qr, sock).catch(reject);
      if (u.connection === 'open') {
        const ownNumber = ownNumberOf(sock.user?.id);
        done({ kind: 'open', ownNumber });
        sock.end(undefined);
      } else if (u.connection === 'close') {
        const status = disconnectStatus(u.lastDisconnect?.error);
        done(status === undefined ? { kind: 'closed' } : { kind: 'closed', status });
      }
    };
    sock.ev.on('creds.update', onCreds);
    sock.ev.on('connection.update', onUpdate);
  });
}

/**
 * probis whatsapp unlink: logs the device out on WhatsApp's side when it can connect within
 * `timeoutMs`, and deletes the stored login in any case. Returns the exit code.
 */
export async function runWhatsAppUnlink(o: {
  db: Db;
  log: Logger;
  session: string;
  connect: ConnectWhatsApp;
  write: (s: string) => void;
  timeoutMs?: number;
}): Promise<number> {
  const { db, log, session, write } = o;
  if (!(await hasWhatsAppCreds(db, session))) {
    await clearWhatsAppAuth(db, session);
    write(say(`Sesi "${session}" tidak tertaut`, `session "${session}" is not linked.`));
    return 0;
  }
  const got = await acquireWhatsAppLease(db, log, { session });
  if (!got.ok) {
    write(got.message);
    return 1;
  }
  try {
    const auth = await useDatabaseAuthState(db, session);
    const sock = o.connect(auth);
    const loggedOut = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => finish(false), o.timeoutMs ?? 20_000);
      let settled = false;
      const finish = (ok: boolean) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        sock.ev.off('connection.update', onUpdate);
        resolve(ok);
      };
      let loggingOut = false;
      const onUpdate = (u: Partial<ConnectionState>) => {
        // logout() closes the connection itself before it resolves: that close is its own.
        if (loggingOut) return;
        if (u.connection === 'open') {
          loggingOut = true;
          sock.logout().then(
            () => finish(true),
            (e: unknown) => {
              log.warn('whatsapp.logout_failed', errorFields(e));
              finish(false);
            },
          );
        } else if (u.connection === 'close' || u.qr) finish(false);
      };
      sock.ev.on('connection.update', onUpdate);
    });
    sock.end(undefined);
    await auth.clear();
    write(
      loggedOut
        ? say(
            'Perangkat dikeluarkan dari WhatsApp dan kunci login dihapus',
            'the device was logged out of WhatsApp and the login deleted.',
          )
        : say(
            'Kunci login dihapus, tetapi WhatsApp tidak bisa dihubungi: hapus juga perangkat "Chrome (Ubuntu)" di ponsel, WhatsApp > Perangkat tertaut',
            'the login was deleted, but WhatsApp could not be reached: also remove the device on the phone, WhatsApp > Linked devices.',
          ),
    );
    return 0;
  } finally {
    await got.lease.release();
  }
}
