// The real WhatsApp connection: a Baileys socket on the login stored in the database, quiet
// about what it logs, not shown as "online" on the phone, not pulling the whole chat history.
import {
  Browsers,
  makeCacheableSignalKeyStore,
  makeWASocket,
  type WASocket,
} from '@whiskeysockets/baileys';
import type { DatabaseAuthState } from '../../db/index.js';
import type { Logger } from '../log.js';
import { baileysLogger } from './logger.js';
import type { WhatsAppSocket } from './socket.js';

/** What the run loop and `probis whatsapp` use of a socket, beyond what the channel uses. */
export type WhatsAppConnection = WhatsAppSocket &
  Pick<WASocket, 'end' | 'logout' | 'requestPairingCode'>;

/** Makes one connection attempt on the stored login (tests give a fake). */
export type ConnectWhatsApp = (auth: DatabaseAuthState) => WhatsAppConnection;

export function whatsappConnector(log: Logger): ConnectWhatsApp {
  return (auth) => {
    const logger = baileysLogger(log);
    return makeWASocket({
      auth: { creds: auth.state.creds, keys: makeCacheableSignalKeyStore(auth.state.keys, logger) },
      logger,
      browser: Browsers.ubuntu('Chrome'),
      markOnlineOnConnect: false,
      syncFullHistory: false,
      // Old chats are not answers: no history is downloaded (the channel ignores what comes).
      shouldSyncHistoryMessage: () => false,
    });
  };
}
