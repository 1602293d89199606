// One getUpdates answer holds updates of many chats. A slow one (a long process being saved, a
// retry after a fault) must hold up neither the other chats' updates nor the sending of their
// replies: the outbox is told as soon as each update is stored, not when the whole batch is.
import { describe, expect, it } from 'vitest';
import type { Telegram } from 'telegraf';
import type { Db } from '../../db/index.js';
import { silentLogger } from '../../bot/log.js';
import type { ConversationService, InboundEvent } from '../../bot/conversation/service.js';
import { TelegramUpdates } from '../../bot/telegram/updates.js';

const text = (updateId: number, chatId: number, t: string) => ({
  update_id: updateId,
  message: {
    message_id: updateId,
    date: 0,
    chat: { id: chatId, type: 'private' },
    from: { id: chatId, is_bot: false },
    text: t,
  },
});

describe('a batch of updates from several chats', () => {
  it("sends the other chats' replies while one chat's update is still being applied", async () => {
    let releaseRina!: () => void;
    const rinaHeld = new Promise<void>((r) => (releaseRina = r));
    // The explicit signal: Budi's and Sari's updates are both stored (Rina's is still held).
    let othersStored!: () => void;
    const othersDone = new Promise<void>((r) => (othersStored = r));
    const applied: string[] = [];
    const service = {
      async handle(ev: InboundEvent) {
        if (ev.chatKey === 'telegram:1001') await rinaHeld;
        applied.push(ev.updateKey);
        if (applied.length === 2) othersStored();
        return { outcome: 'applied', outboxIds: [1], revision: 1 };
      },
    } as unknown as ConversationService;
    const told: string[][] = [];
    const updates = new TelegramUpdates({
      db: {} as Db,
      service,
      telegram: {} as Telegram,
      log: silentLogger,
      onApplied: () => told.push([...applied]),
    });

    const batch = updates.process([
      text(1, 1001, 'Penyusunan Rencana Kerja'),
      text(2, 2002, 'Pengelolaan Keuangan'),
      text(3, 3003, 'Pengelolaan Arsip'),
    ]);
    await othersDone;
    // One turn of the event loop: every continuation not blocked on Rina has run (no timer, no
    // wall-clock wait; the fake service and the updates object do no I/O).
    await new Promise((r) => setImmediate(r));

    // Budi's and Sari's replies may go out: the outbox was told once each was stored.
    expect(applied).toEqual(['2', '3']);
    expect(told).toHaveLength(2);
    expect(told.at(-1)).toEqual(['2', '3']);

    releaseRina();
    await batch;
    expect(applied).toEqual(['2', '3', '1']);
    expect(told.at(-1)).toEqual(['2', '3', '1']);
    // Should the other chats wait behind Rina, the signal never comes: fail in seconds, not 60 s.
  }, 10_000);
});
