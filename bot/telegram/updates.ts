// Telegram updates into the channel-neutral inbound runner: each update converted (inbound.ts),
// keyed by its chat and ordered by its update id; the runner does the ordering, retries, setting
// aside and the outage notice. What is Telegram's stays here: closing a pressed button, the reply
// to a command in a group, and recording that a person blocked the bot or came back.
import type { Telegram } from 'telegraf';
import { bilingual, textFor } from '../../core/language/bilingual.js';
import type { Db } from '../../db/index.js';
import { setAccountReachable } from '../../db/index.js';
import { InboundRunner, type InboundWork } from '../conversation/inbound-runner.js';
import type { ConversationService } from '../conversation/service.js';
import type { Logger } from '../log.js';
import { answeredText } from './outbound.js';
import { type TelegramBotInfo, type TelegramInbound, fromTelegramUpdate } from './inbound.js';

export { StorageUnavailableError } from '../conversation/inbound-runner.js';

const GROUP_REPLY = textFor(
  bilingual(
    'Probis hanya melayani percakapan pribadi. Buka chat pribadi dengan bot ini.',
    'Probis works in private chats only: open a private chat with this bot.',
  ),
  'both-inline',
);

export type UpdateDeps = {
  db: Db;
  service: Pick<ConversationService, 'handle'>;
  telegram: Telegram;
  log: Logger;
  /** The bot's username once getMe has answered: commands in groups must name it. */
  bot?: () => TelegramBotInfo;
  /** Called after each update is applied, and after the batch: there are messages to send. */
  onApplied: () => void;
  attempts?: number;
  sleep?: (ms: number) => Promise<void>;
};

/** An update as the runner's work, with the chat it belongs to and its place in the chat. */
type TelegramWork = InboundWork & { chatId: number; updateId: number };

export class TelegramUpdates {
  private readonly runner: InboundRunner<TelegramWork>;

  constructor(private readonly d: UpdateDeps) {
    this.runner = new InboundRunner<TelegramWork>({
      db: d.db,
      service: d.service,
      log: d.log,
      key: (w) => `telegram:${w.chatId}`,
      // Telegram numbers a chat's updates in the order they happened.
      order: (w) => w.updateId,
      notice: async (w, n) => {
        await d.telegram.sendMessage(w.chatId, n.text);
      },
      onApplied: d.onApplied,
      ...(d.attempts !== undefined ? { attempts: d.attempts } : {}),
      ...(d.sleep ? { sleep: d.sleep } : {}),
    });
  }

  /**
   * Applies a batch (a getUpdates answer, or one webhook update). Resolves once every update is
   * stored (applied, a duplicate, or set aside after its retries): only then may it be confirmed.
   * Rejects with StorageUnavailableError when the database could not be reached: then nothing
   * may be confirmed, and the updates not yet applied come again.
   */
  async process(updates: unknown[]): Promise<void> {
    const bot = this.d.bot?.() ?? { username: null };
    const works: TelegramWork[] = [];
    for (const u of updates) {
      const w = this.toWork(fromTelegramUpdate(u, bot));
      if (w) works.push(w);
    }
    await this.runner.run(works);
  }

  private toWork(inbound: TelegramInbound): TelegramWork | null {
    const { log, telegram } = this.d;
    switch (inbound.kind) {
      case 'ignore':
        log.debug('telegram.ignored', { update: inbound.updateKey, reason: inbound.reason });
        return null;
      case 'group-command':
        return {
          kind: 'task',
          id: inbound.updateKey,
          chatId: inbound.chatId,
          updateId: inbound.updateId,
          run: async () => {
            await telegram.sendMessage(inbound.chatId, GROUP_REPLY).catch(() => undefined);
          },
        };
      case 'membership':
        return {
          kind: 'task',
          id: inbound.updateKey,
          chatId: inbound.chatId,
          updateId: inbound.updateId,
          run: async () => {
            const linked = await setAccountReachable(this.d.db, {
              platform: 'telegram',
              accountId: inbound.accountId,
              reachable: inbound.reachable,
              at: inbound.at,
            });
            log.info('telegram.reachability', {
              update: inbound.updateKey,
              account: inbound.accountId,
              reachable: inbound.reachable,
              linked,
            });
          },
        };
      case 'private':
        return {
          kind: 'event',
          chatId: inbound.chatId,
          updateId: inbound.updateId,
          event: {
            platform: 'telegram',
            updateKey: inbound.updateKey,
            chatKey: inbound.chatKey,
            identity: { kind: 'telegram', accountId: inbound.telegramId },
            input: inbound.input,
            ...(inbound.start ? { invitation: inbound.start } : {}),
          },
          ...(inbound.callback
            ? {
                afterwards: (r) =>
                  this.closeButtons(inbound, r.outcome === 'applied' && !r.refused),
              }
            : {}),
        };
    }
  }

  /** Stops the spinner on the button, and closes the buttons of the message it came from. */
  private async closeButtons(
    inbound: Extract<TelegramInbound, { kind: 'private' }>,
    accepted: boolean,
  ): Promise<void> {
    const tg = this.d.telegram;
    const cb = inbound.callback!;
    await tg.answerCbQuery(cb.id).catch(() => undefined);
    if (cb.messageId === null) return;
    if (accepted && cb.messageText && cb.label) {
      await tg
        .editMessageText(
          inbound.chatId,
          cb.messageId,
          undefined,
          answeredText(cb.messageText, cb.label),
        )
        .catch(() => undefined);
    } else {
      await tg
        .editMessageReplyMarkup(inbound.chatId, cb.messageId, undefined, undefined)
        .catch(() => undefined);
    }
  }
}
