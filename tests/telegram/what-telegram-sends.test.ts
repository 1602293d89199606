// What Telegram sends besides answers, through the real bot polling the local fake Bot API:
// - one chat's updates of a batch applied in update id order, not in the order they arrive;
// - my_chat_member: a person who blocks the bot is marked unreachable and sent nothing more,
//   until they come back;
// - in a group, only commands addressed to this bot are answered.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountsOfPerson, applyInbound } from '../../db/index.js';
import { outbox } from '../../db/schema.js';
import { SKIP_POSTGRES } from '../support/db.js';
import type { DbKind } from '../support/app.js';
import { type TelegramHarness, telegramHarness, until } from '../support/telegram.js';

for (const kind of ['pglite', 'postgres'] as DbKind[]) {
  describe.skipIf(kind === 'postgres' && SKIP_POSTGRES)(`what Telegram sends, on ${kind}`, () => {
    let h: TelegramHarness;
    beforeAll(async () => {
      h = await telegramHarness(kind);
    });
    afterAll(async () => h?.close());

    const membership = (chatId: number, from: string, to: string) => {
      const bot = { id: h.fake.id, is_bot: true, first_name: 'Probis', username: h.fake.username };
      return h.fake.queueRaw({
        my_chat_member: {
          chat: { id: chatId, type: 'private', first_name: 'Budi' },
          from: { id: chatId, is_bot: false, first_name: 'Budi' },
          date: Math.floor(Date.now() / 1000),
          old_chat_member: { status: from, user: bot },
          new_chat_member: { status: to, user: bot },
        },
      });
    };
    const sendsTo = (chatId: number) =>
      h.fake.calls().filter((c) => c.chatId === chatId && /^send/.test(c.method)).length;

    // Protection: TelegramUpdates orders a chat's work by update id (the runner's `order`).
    // Without it the batch is applied as it arrives: the process name lands on the menu question
    // (refused), "Proses baru" after it, and the name is lost.
    it("applies one chat's updates of a batch in update id order", async () => {
      const rina = h.user(7001);
      await rina.start(await h.invite('rina'));
      let low = 0;
      let high = 0;
      // Queued while the bot is stopped, the higher id first: they come in one getUpdates answer.
      await h.restart(async () => {
        // The stopped bot's long poll is closed first, or it would take the first update.
        await until(() => !h.fake.isPolling(), 'the long poll closed');
        high = h.fake.sendText(7001, 'Penyusunan Renja', { update_id: 900_000_010 });
        low = h.fake.sendText(7001, 'Proses baru', { update_id: 900_000_005 });
      });
      await rina.settled(low);
      await rina.settled(high);
      // The last delivery of each is what the bot got (a long poll the stopped bot had on its way
      // may still be answered, into a closed connection).
      const lastAt = (id: number) =>
        Math.max(...h.fake.deliveries().flatMap((d) => (d.update_id === id ? [d.at] : [])));
      expect(lastAt(low), 'one getUpdates answer').toBe(lastAt(high));
      expect(rina.texts().join('\n')).toContain('Saya catat 1 proses.');
    });

    // Protections: (1) allowed_updates asks for my_chat_member (the fake, like Telegram, makes
    // no such update otherwise: the wait for "unreachable" times out); (2) the outbox sender
    // gives up an unreachable chat's messages without calling Telegram (without it, it sends
    // and Telegram answers 403: the count of sends to Budi grows).
    it('marks a person who blocks the bot unreachable, sends them nothing, and takes them back', async () => {
      const db = h.t.app.database.db;
      const budi = h.user(7002);
      await budi.start(await h.invite('budi'));
      const account = async () => (await accountsOfPerson(db, { personId: 'budi' }))[0];
      expect((await account())?.unreachableSince).toBeNull();

      h.fake.blockBy(7002);
      membership(7002, 'member', 'kicked');
      await until(async () => (await account())?.unreachableSince != null, 'Budi unreachable');

      // Something for Budi after he blocked the bot (a reminder, a coordinator's note).
      const sendsBefore = sendsTo(7002);
      const queued = await applyInbound(
        db,
        { platform: 'telegram', updateKey: 'note-for-budi', chatKey: 'telegram:7002' },
        () => ({
          state: undefined,
          stateVersion: 1,
          personId: null,
          outbound: [{ platform: 'telegram', payload: { kind: 'text', text: 'Pengingat' } }],
        }),
      );
      const [id] = queued.outcome === 'applied' ? queued.outboxIds : [];
      const status = async () =>
        (await db.select({ s: outbox.status }).from(outbox).where(eq(outbox.id, id!)))[0]?.s;
      await until(async () => (await status()) === 'failed', 'the note given up');
      expect(sendsTo(7002), 'nothing sent to Budi while he blocks the bot').toBe(sendsBefore);

      // He comes back: reachable again, and answered again.
      h.fake.blockBy(7002, false);
      membership(7002, 'kicked', 'member');
      await until(async () => (await account())?.unreachableSince === null, 'Budi reachable');
      const before = budi.texts().length;
      await budi.say('/status');
      expect(budi.texts().length).toBeGreaterThan(before);
    });

    // Protection: fromTelegramUpdate answers a group command only when it names this bot (or
    // replies to its message). Without the check, /start@OtherBot (and the bare /start) are
    // answered too. Counted once the poller confirmed the batch, so a late reply cannot hide.
    it('answers in a group only the commands addressed to it', async () => {
      const group = -600;
      /** Resolves once the poller confirmed the batch holding `id`: its work is done. */
      const confirmed = (id: number) =>
        until(
          () => h.fake.calls('getUpdates').some((c) => Number(c.params.offset) > id),
          `update ${id} confirmed`,
        );
      await confirmed(
        Math.max(
          h.fake.sendGroupText(group, 109, '/start@OtherBot'),
          h.fake.sendGroupText(group, 109, '/start'),
          h.fake.sendGroupText(group, 109, 'selamat pagi'),
          h.fake.sendGroupText(group, 109, `/start@${h.fake.username}`),
        ),
      );
      const replies = h.fake.messages(group);
      expect(replies).toHaveLength(1);
      expect(replies[0]!.text).toContain('Probis hanya melayani percakapan pribadi');

      // A bare command replying to the bot's message is addressed to it.
      await confirmed(
        h.fake.queueRaw({
          message: {
            message_id: 77,
            date: Math.floor(Date.now() / 1000),
            chat: { id: group, type: 'group', title: 'Grup Uji Probis' },
            from: { id: 109, is_bot: false, first_name: 'Siti' },
            text: '/start',
            entities: [{ offset: 0, length: 6, type: 'bot_command' }],
            reply_to_message: {
              message_id: replies[0]!.message_id,
              date: replies[0]!.date,
              chat: { id: group, type: 'group' },
              from: {
                id: h.fake.id,
                is_bot: true,
                first_name: 'Probis',
                username: h.fake.username,
              },
            },
          },
        }),
      );
      expect(h.fake.messages(group)).toHaveLength(2);
    });
  });
}
