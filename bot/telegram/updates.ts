// Applies Telegram updates: one chat's updates strictly in order, different chats in parallel,
// each update inside its own error boundary so one failure never stops the others.
import type { Telegram } from 'telegraf';
import type { Db } from '../../db/index.js';
import { markInboxFailed } from '../../db/index.js';
import type { ConversationService } from '../conversation/service.js';
import { type Logger, errorFields } from '../log.js';
import { answeredText } from './outbound.js';
import { fromTelegramUpdate, type TelegramInbound } from './inbound.js';

const GROUP_REPLY =
  'Probis hanya melayani percakapan pribadi. Buka chat pribadi dengan bot ini. / Probis works in private chats only: open a private chat with this bot.';

export type UpdateDeps = {
  db: Db;
  service: ConversationService;
  telegram: Telegram;
  log: Logger;
  /** Called after updates were applied: there are messages to send. */
  onApplied: () => void;
  attempts?: number;
  now?: () => Date;
};

export class TelegramUpdates {
  /** Per-chat promise chain: the ordering point for updates of one chat in this process. */
  private readonly chains = new Map<string, Promise<void>>();

  constructor(private readonly d: UpdateDeps) {}

  /**
   * Applies a batch (a getUpdates answer, or one webhook update). Resolves once every update is
   * stored (applied, a duplicate, or set aside after its retries): only then may it be confirmed.
   */
  async process(updates: unknown[]): Promise<void> {
    const jobs = updates.map((u) => {
      const inbound = fromTelegramUpdate(u);
      const key =
        inbound.kind === 'private'
          ? inbound.chatKey
          : inbound.kind === 'group'
            ? `group:${inbound.chatId}`
            : 'ignored';
      const prev = this.chains.get(key) ?? Promise.resolve();
      const next = prev.then(() => this.one(inbound));
      this.chains.set(key, next);
      void next.finally(() => {
        if (this.chains.get(key) === next) this.chains.delete(key);
      });
      return next;
    });
    await Promise.all(jobs);
    this.d.onApplied();
  }

  private async one(inbound: TelegramInbound): Promise<void> {
    const { log } = this.d;
    if (inbound.kind === 'ignore') {
      log.debug('telegram.ignored', { update: inbound.updateKey, reason: inbound.reason });
      return;
    }
    if (inbound.kind === 'group') {
      if (inbound.command)
        await this.d.telegram.sendMessage(inbound.chatId, GROUP_REPLY).catch(() => undefined);
      return;
    }
    const attempts = this.d.attempts ?? 3;
    for (let attempt = 1; ; attempt++) {
      try {
        const r = await this.d.service.handle({
          platform: 'telegram',
          updateKey: inbound.updateKey,
          chatKey: inbound.chatKey,
          identity: { kind: 'telegram', telegramId: inbound.telegramId },
          input: inbound.input,
          ...(inbound.start ? { start: inbound.start } : {}),
        });
        if (inbound.callback)
          await this.closeButtons(inbound, r.outcome === 'applied' && !r.refused);
        return;
      } catch (e) {
        log.warn('telegram.update_failed', {
          update: inbound.updateKey,
          chat: inbound.chatKey,
          attempt,
          ...errorFields(e),
        });
        if (attempt >= attempts) {
          // Set aside: a redelivery is now a duplicate, and the chat goes on with its next update.
          await markInboxFailed(this.d.db, {
            platform: 'telegram',
            updateKey: inbound.updateKey,
            chatKey: inbound.chatKey,
            errorCode: String(errorFields(e).code ?? errorFields(e).error),
          }).catch((err: unknown) =>
            log.error('telegram.set_aside_failed', {
              update: inbound.updateKey,
              ...errorFields(err),
            }),
          );
          log.error('telegram.update_set_aside', {
            update: inbound.updateKey,
            chat: inbound.chatKey,
          });
          return;
        }
      }
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
