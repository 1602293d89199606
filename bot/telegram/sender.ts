// Sends the engine's messages to Telegram: paced to Telegram's limits, errors classified so the
// outbox knows whether to retry (429 after retry_after, 5xx and network with backoff), send a
// map in another form (a 400 or 413 about the picture: see bot/delivery/forms.ts) or give up
// (403: the person blocked the bot).
import type { Telegram } from 'telegraf';
import type { Outbound } from '../../core/interview/index.js';
import { bilingual, textFor } from '../../core/language/bilingual.js';
import {
  type SendOutcome,
  type ChannelSender,
  type SendExtras,
  backoffMs,
} from '../delivery/outbox-sender.js';
import type { MessageForm } from '../delivery/forms.js';
import type { ChatFile } from '../delivery/file-sources.js';
import type { MapPictures } from '../map-pictures.js';
import { fileAsText, mapAsText, pageCaption, toSendMessage } from './outbound.js';
import { invitationText, telegramRedeem } from '../conversation/invitation-text.js';
import { Pacer } from '../delivery/pacer.js';

const WHOLE_MAP = bilingual('Peta utuh (SVG)', 'the whole map (SVG)');

type TgError = { code?: number; parameters?: { retry_after?: number }; description?: string };

export function classifyError(e: unknown, attempt: number): SendOutcome {
  const err = e as TgError & { response?: { error_code?: number } };
  const code = err.code ?? err.response?.error_code;
  const description = String(err.description ?? (e instanceof Error ? e.message : 'error')).slice(
    0,
    200,
  );
  if (code === 429)
    return {
      ok: false,
      retryAfterMs: Math.max(1, err.parameters?.retry_after ?? 1) * 1000,
      error: `429 ${description}`,
      rateLimited: true,
    };
  // 403: the person blocked the bot or deleted the chat.
  if (code === 403)
    return { ok: false, permanent: true, error: `403 ${description}`, blocked: true };
  // 400 (PHOTO_INVALID_DIMENSIONS, chat not found) and 413 (too large): a request Telegram will
  // never take as it is.
  if (code === 400 || code === 413)
    return { ok: false, permanent: true, error: `${code} ${description}` };
  return {
    ok: false,
    retryAfterMs: backoffMs(attempt),
    error: `${code ?? 'network'} ${description}`,
  };
}

export type TelegramSenderOptions = {
  telegram: Telegram;
  pacer?: Pacer;
  sleep?: (ms: number) => Promise<void>;
  /** The bot's username once known (getMe), for invitation links. */
  botUsername?: () => string | null;
};

export class TelegramSender implements ChannelSender {
  readonly platform = 'telegram';
  private readonly pacer: Pacer;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly o: TelegramSenderOptions) {
    this.pacer = o.pacer ?? new Pacer();
    this.sleep = o.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  }

  private async paced(chatId: string): Promise<void> {
    const wait = this.pacer.reserve(chatId);
    if (wait > 0) await this.sleep(wait);
  }

  async send(
    chatKey: string,
    m: Outbound,
    attempt: number,
    extras?: SendExtras,
  ): Promise<SendOutcome> {
    const chatId = chatKey.replace(/^telegram:/, '');
    const tg = this.o.telegram;
    try {
      switch (m.kind) {
        case 'text':
        case 'question': {
          await this.paced(chatId);
          const { text, ...extra } = toSendMessage(m);
          const r = await tg.sendMessage(chatId, text, extra);
          return { ok: true, messageId: String(r.message_id) };
        }
        case 'map':
        case 'picture':
          return await this.sendMap(chatId, m, extras?.pictures ?? null, extras, attempt);
        case 'file':
          return await this.sendFile(chatId, m, extras?.file ?? null, extras?.form);
        case 'invitation': {
          await this.paced(chatId);
          const how = telegramRedeem(m.token, this.o.botUsername?.() ?? null);
          const r = await tg.sendMessage(chatId, invitationText(m, how));
          return { ok: true, messageId: String(r.message_id) };
        }
      }
    } catch (e) {
      return classifyError(e, attempt);
    }
  }

  /**
   * A map in the form asked: photos of its stored pictures, one per page (the default), or the
   * same pages as PNG files, each with the whole map as an SVG file when it has several pages; or
   * its caption and outline as text (with no pictures, or when they could not be sent). Nothing
   * is rendered here.
   */
  private async sendMap(
    chatId: string,
    m: Extract<Outbound, { kind: 'map' | 'picture' }>,
    pics: MapPictures | null,
    extras: SendExtras | undefined,
    attempt: number,
  ): Promise<SendOutcome> {
    const tg = this.o.telegram;
    const form: MessageForm = extras?.form ?? 'photos';
    if (!pics || !pics.pages.length || form === 'text') {
      await this.paced(chatId);
      const r = await tg.sendMessage(chatId, mapAsText(m, { notSent: !!pics?.pages.length }));
      return { ok: true, messageId: String(r.message_id) };
    }
    const asFiles = form === 'files';
    await tg
      .sendChatAction(chatId, asFiles ? 'upload_document' : 'upload_photo')
      .catch(() => undefined);
    // The pages, then the whole map as SVG when there are several: parts 0..n. Those an earlier
    // attempt delivered (as photos or as files) are not sent again.
    const sent = { pages: extras?.sent?.pages ?? 0, pieces: extras?.sent?.pieces ?? 0 };
    const parts = pics.pages.length + (pics.pages.length > 1 ? 1 : 0);
    let last: string | null = null;
    try {
      for (; sent.pages < parts; sent.pages++) {
        const i = sent.pages;
        await this.paced(chatId);
        if (i === pics.pages.length) {
          const r = await tg.sendDocument(
            chatId,
            { source: Buffer.from(pics.svg), filename: `peta-${pics.code}.svg` },
            { caption: textFor(WHOLE_MAP, 'both-inline') },
          );
          last = String(r.message_id);
          continue;
        }
        const file = {
          source: Buffer.from(pics.pages[i]!),
          filename: `peta-${pics.code}-${i + 1}.png`,
        };
        const caption = { caption: pageCaption(m.caption, i, pics.pages.length) };
        const r = asFiles
          ? await tg.sendDocument(chatId, file, caption)
          : await tg.sendPhoto(chatId, file, caption);
        last = String(r.message_id);
      }
    } catch (e) {
      const failed = classifyError(e, attempt);
      return failed.ok ? failed : { ...failed, sent };
    }
    return { ok: true, messageId: last };
  }

  /** A file as a document under its own name; its caption and why not, when there is none. */
  private async sendFile(
    chatId: string,
    m: Extract<Outbound, { kind: 'file' }>,
    file: ChatFile | null,
    form: MessageForm = 'files',
  ): Promise<SendOutcome> {
    const tg = this.o.telegram;
    await this.paced(chatId);
    if (!file || form === 'text') {
      const r = await tg.sendMessage(chatId, fileAsText(m));
      return { ok: true, messageId: String(r.message_id) };
    }
    await tg.sendChatAction(chatId, 'upload_document').catch(() => undefined);
    const r = await tg.sendDocument(
      chatId,
      { source: Buffer.from(file.bytes), filename: file.name },
      { caption: m.caption.slice(0, 1024) },
    );
    return { ok: true, messageId: String(r.message_id) };
  }
}
