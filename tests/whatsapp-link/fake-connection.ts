// A fake WhatsApp connection for the run loop and the link command: Baileys' own event emitter
// (makeEventBuffer), connection updates emitted as Baileys emits them, what was asked recorded.
import { makeEventBuffer } from '@whiskeysockets/baileys';
import type { WhatsAppConnection } from '../../bot/whatsapp/connection.js';
import { baileysLogger } from '../../bot/whatsapp/logger.js';
import { silentLogger } from '../../bot/log.js';
import type { DatabaseAuthState } from '../../db/index.js';
import { until } from '../support/until.js';

export type FakeConnection = WhatsAppConnection & {
  auth: DatabaseAuthState;
  ended: number;
  loggedOut: number;
  pairingRequests: string[];
  open(userId?: string): void;
  close(statusCode: number | undefined): void;
};

/** The error Baileys puts in lastDisconnect: a Boom with output.statusCode. */
function boom(statusCode: number | undefined): Error | undefined {
  if (statusCode === undefined) return undefined;
  return Object.assign(new Error('Connection Failure'), { output: { statusCode } });
}

export function fakeConnection(auth: DatabaseAuthState): FakeConnection {
  const ev = makeEventBuffer(baileysLogger(silentLogger));
  let closed = false;
  const c = {
    ev,
    auth,
    user: undefined as WhatsAppConnection['user'],
    ended: 0,
    loggedOut: 0,
    pairingRequests: [] as string[],
    sendMessage: () => Promise.resolve(undefined),
    open(userId = '6281234567890:7@s.whatsapp.net') {
      c.user = { id: userId, name: 'Probis' };
      ev.emit('connection.update', { connection: 'open' });
    },
    close(statusCode: number | undefined) {
      if (closed) return;
      closed = true;
      ev.emit('connection.update', {
        connection: 'close',
        lastDisconnect: { error: boom(statusCode), date: new Date() },
      });
    },
    end(error: Error | undefined) {
      c.ended++;
      c.close((error as { output?: { statusCode?: number } } | undefined)?.output?.statusCode);
    },
    logout() {
      c.loggedOut++;
      c.close(401);
      return Promise.resolve();
    },
    requestPairingCode(phone: string) {
      c.pairingRequests.push(phone);
      return Promise.resolve('ABCD1234');
    },
  };
  return c as unknown as FakeConnection;
}

/** A connector that records every connection it makes. */
export function fakeConnector() {
  const made: FakeConnection[] = [];
  return {
    made,
    connect: (auth: DatabaseAuthState) => {
      const c = fakeConnection(auth);
      made.push(c);
      return c;
    },
    /** The n-th connection (0-based), once the loop has made it. */
    nth: (n: number) => until(() => made[n], `WhatsApp connection #${n + 1}`, 5_000),
  };
}
