// The part of a Baileys socket the WhatsApp channel uses: its events and sendMessage. The
// connection (connection.ts) makes the real socket; tests give a fake that emits Baileys' own
// `messages.upsert` events built from its `proto` types and records what is sent.
import type { WASocket } from '@whiskeysockets/baileys';

export type WhatsAppSocket = Pick<WASocket, 'ev' | 'sendMessage' | 'user'>;

/** Starts the channel on a connected socket; stop() detaches it and drains what is being sent. */
export type WhatsAppChannel = { stop(): Promise<void> };
