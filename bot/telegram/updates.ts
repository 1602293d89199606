// Applies Telegram updates: one chat's updates strictly in order, different chats in parallel,
// each update inside its own error boundary so one failure never stops the others.
import type { Telegram } from 'telegraf';
import { bilingual, textFor } from '../../core/language/bilingual.js';
import type { Db } from '../../db/index.js';
import { isTransientDbError, markInboxFailed } from '../../db/index.js';
import type { ConversationService } from '../conversation/service.js';
import { type Logger, errorFields } from '../log.js';
import { answeredText } from './outbound.js';
import { fromTelegramUpdate, type TelegramInbound } from './inbound.js';

const GROUP_REPLY = textFor(
  bilingual(
    'Probis hanya melayani percakapan pribadi. Buka chat pribadi dengan bot ini.',
    'Probis works in private chats only: open a private chat with this bot.',
  ),
  'both-inline',
);

/** Said once per chat while the database cannot be reached; the answer is applied afterwards. */
const OUTAGE_NOTICE = textFor(
  bilingual(
    'Maaf, Probis sedang mengalami gangguan penyimpanan. Jawaban Anda tidak hilang dan akan diproses begitu pulih; tidak perlu mengirim ulang.',
    'Sorry, Probis has a storage problem right now. Your answer is not lost and will be processed once it recovers; no need to send it again.',
  ),
  'both',
);

/** Said when one update could not be applied even after retries (a bug, not an outage). */
const SET_ASIDE_NOTICE = textFor(
  bilingual(
    'Maaf, pesan terakhir Anda tidak dapat diproses. Silakan kirim jawaban itu sekali lagi, atau ketik /bantuan.',
    'Sorry, your last message could not be processed. Please send that answer once more, or type /bantuan.',
  ),
  'both',
);

/** The database is unreachable: the batch must not be confirmed; it is applied again later. */
export class StorageUnavailableError extends Error {
  constructor(cause: unknown) {
    super('storage unavailable', { cause });
    this.name = 'StorageUnavailableError';
  }
}

export type UpdateDeps = {
  db: Db;
  service: ConversationService;
  telegram: Telegram;
  log: Logger;
  /** Called after each update is applied, and after the batch: there are messages to send. */
  onApplied: () => void;
  attempts?: number;
  sleep?: (ms: number) => Promise<void>;
};

export class TelegramUpdates {
  /** Per-chat tail of work: the ordering point for one chat's updates in this process. */
  private readonly chains = new Map<string, Promise<void>>();
  /** Chats told about the current storage outage (cleared when storage works again). */
  private readonly toldOfOutage = new Set<number>();

  constructor(private readonly d: UpdateDeps) {}

  /**
   * Applies a batch (a getUpdates answer, or one webhook update). Resolves once every update is
   * stored (applied, a duplicate, or set aside after its retries): only then may it be confirmed.
   * Rejects with StorageUnavailableError when the database could not be reached: then nothing
   * may be confirmed, and the updates not yet applied come again.
   */
  async process(updates: unknown[]): Promise<void> {
    const byChat = new Map<string, TelegramInbound[]>();
    for (const u of updates) {
      const inbound = fromTelegramUpdate(u);
      const key =
        inbound.kind === 'private'
          ? inbound.chatKey
          : inbound.kind === 'group'
            ? `group:${inbound.chatId}`
            : 'ignored';
      byChat.set(key, [...(byChat.get(key) ?? []), inbound]);
    }
    const results = await Promise.allSettled(
      [...byChat].map(([key, list]) =>
        this.inOrder(key, async () => {
          // Stops at the first update that cannot be stored: the later ones must not overtake it.
          for (const inbound of list) {
            await this.one(inbound);
            // Its reply goes out now, not when the batch's slowest update is done.
            this.d.onApplied();
          }
        }),
      ),
    );
    this.d.onApplied();
    const failed = results.find((r) => r.status === 'rejected');
    if (failed) throw (failed as PromiseRejectedResult).reason;
  }

  /** Runs `fn` after the chat's earlier work; a failure does not block the chat's later work. */
  private inOrder(key: string, fn: () => Promise<void>): Promise<void> {
    const run = (this.chains.get(key) ?? Promise.resolve()).then(fn);
    const tail = run.catch(() => undefined);
    this.chains.set(key, tail);
    void tail.then(() => {
      if (this.chains.get(key) === tail) this.chains.delete(key);
    });
    return run;
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
    const sleep = this.d.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
    let storageTries = 0;
    for (let attempt = 1; ; attempt++) {
      try {
        const r = await this.d.service.handle({
          platform: 'telegram',
          updateKey: inbound.updateKey,
          chatKey: inbound.chatKey,
          identity: { kind: 'telegram', accountId: inbound.telegramId },
          input: inbound.input,
          ...(inbound.start ? { invitation: inbound.start } : {}),
        });
        this.toldOfOutage.clear();
        if (inbound.callback)
          await this.closeButtons(inbound, r.outcome === 'applied' && !r.refused);
        return;
      } catch (e) {
        if (isTransientDbError(e)) {
          // A killed backend or a dropped connection usually works again at once (the driver
          // reconnects): retry quickly before calling it an outage and telling the person.
          if (++storageTries <= 3) {
            attempt--;
            await sleep(250 * 2 ** (storageTries - 1));
            continue;
          }
          log.warn('telegram.storage_unavailable', {
            update: inbound.updateKey,
            chat: inbound.chatKey,
            ...errorFields(e),
          });
          await this.tellOfOutage(inbound.chatId);
          throw new StorageUnavailableError(e);
        }
        log.warn('telegram.update_failed', {
          update: inbound.updateKey,
          chat: inbound.chatKey,
          attempt,
          ...errorFields(e),
        });
        if (attempt < attempts) {
          await sleep(100 * attempt);
          continue;
        }
        await this.setAside(inbound, e);
        return;
      }
    }
  }

  /**
   * Sets a poison update aside: a redelivery is then a duplicate, and the chat goes on with its
   * next update. The person is asked to send it again. If even that cannot be stored, the update
   * stays unconfirmed and comes again.
   */
  private async setAside(
    inbound: Extract<TelegramInbound, { kind: 'private' }>,
    e: unknown,
  ): Promise<void> {
    const f = errorFields(e);
    try {
      await markInboxFailed(this.d.db, {
        platform: 'telegram',
        updateKey: inbound.updateKey,
        chatKey: inbound.chatKey,
        errorCode: String(f.code ?? f.error),
      });
    } catch (err) {
      this.d.log.error('telegram.set_aside_failed', {
        update: inbound.updateKey,
        ...errorFields(err),
      });
      throw new StorageUnavailableError(err);
    }
    this.d.log.error('telegram.update_set_aside', {
      update: inbound.updateKey,
      chat: inbound.chatKey,
      ...f,
    });
    await this.d.telegram.sendMessage(inbound.chatId, SET_ASIDE_NOTICE).catch(() => undefined);
  }

  private async tellOfOutage(chatId: number): Promise<void> {
    if (this.toldOfOutage.has(chatId)) return;
    this.toldOfOutage.add(chatId);
    await this.d.telegram.sendMessage(chatId, OUTAGE_NOTICE).catch(() => undefined);
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
