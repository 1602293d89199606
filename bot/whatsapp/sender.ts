// Sends the engine's messages to WhatsApp through socket.sendMessage, paced (WhatsApp flags a
// number that sends fast bulk messages: one message a chat every 1.2 s and one overall every
// 0.6 s by default), and with failures classified so the outbox knows what to do: a closed
// connection or a server error is retried later; a refusal of the content (a 4xx about media)
// makes the outbox try the message's next form (see bot/delivery/forms.ts); nothing is rendered
// here, stored pictures and files are uploaded as they are.
import type { AnyMessageContent } from '@whiskeysockets/baileys';
import type { Outbound } from '../../core/interview/index.js';
import {
  type ChannelSender,
  type SendExtras,
  type SendOutcome,
  backoffMs,
} from '../delivery/outbox-sender.js';
import { Pacer } from '../delivery/pacer.js';
import { accountOfChatKey, jidOfAccount } from './inbound.js';
import { pagesAsPdf } from './map-pdf.js';
import { fileMessages, mapMessages, textualMessages } from './outbound.js';
import type { WhatsAppSocket } from './socket.js';

/** WhatsApp's pace for Probis: per chat, and overall. */
export const WHATSAPP_PACING = { perChatMs: 1200, globalMs: 600 };

/** Boom's status codes Baileys uses for a connection that is gone (closed, lost, timed out). */
const CONNECTION_GONE = new Set([408, 428, 440, 503, 515]);

type BoomLike = {
  isBoom?: boolean;
  output?: { statusCode?: number };
  data?: unknown;
  message?: string;
};

/** What a failed sendMessage says: retry later, give this form up, or wait for the number. */
export function classifyError(e: unknown, attempt: number): SendOutcome {
  const err = (e ?? {}) as BoomLike;
  const code = err.isBoom ? err.output?.statusCode : undefined;
  const message = String(err.message ?? e).slice(0, 200);
  const error = `${code ?? 'error'} ${message}`;
  if (code === 429 || /rate-overlimit/i.test(message))
    return { ok: false, retryAfterMs: 60_000, error, rateLimited: true };
  // Logged out: the operator links the number again; the messages wait for it.
  if (code === 401) return { ok: false, retryAfterMs: 60_000, error };
  if (code !== undefined && CONNECTION_GONE.has(code))
    return { ok: false, retryAfterMs: backoffMs(attempt), error };
  // A content WhatsApp will not take as it is (a media upload refused, too large): another form.
  if (code !== undefined && code >= 400 && code < 500) return { ok: false, permanent: true, error };
  return { ok: false, retryAfterMs: backoffMs(attempt), error };
}

/** What a message's parts are counted in: pages of a map, picture or file, or pieces of text. */
function partUnit(m: Outbound, extras?: SendExtras): 'pages' | 'pieces' {
  if (m.kind !== 'map' && m.kind !== 'picture' && m.kind !== 'file') return 'pieces';
  const hasContent = m.kind === 'file' ? !!extras?.file : !!extras?.pictures?.pages.length;
  return hasContent && extras?.form !== 'text' ? 'pages' : 'pieces';
}

export type WhatsAppSenderOptions = {
  socket: WhatsAppSocket;
  pacer?: Pacer;
  sleep?: (ms: number) => Promise<void>;
};

export class WhatsAppSender implements ChannelSender {
  readonly platform = 'whatsapp';
  private readonly pacer: Pacer;
  private readonly sleep: (ms: number) => Promise<void>;
  /** Set when the connection closed: sends wait for the next connection's sender. */
  private stopped = false;

  constructor(private readonly o: WhatsAppSenderOptions) {
    this.pacer = o.pacer ?? new Pacer(WHATSAPP_PACING.perChatMs, WHATSAPP_PACING.globalMs);
    this.sleep = o.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  }

  stop(): void {
    this.stopped = true;
  }

  /** Probis's own number (digits), for invitation links; null before the socket knows it. */
  ownNumber(): string | null {
    const id = this.o.socket.user?.id;
    const digits = id ? /^(\d{5,20})[:@]/.exec(id)?.[1] : undefined;
    return digits ?? null;
  }

  async send(
    chatKey: string,
    m: Outbound,
    attempt: number,
    extras?: SendExtras,
  ): Promise<SendOutcome> {
    const account = accountOfChatKey(chatKey);
    if (!account) return { ok: false, permanent: true, error: `not a WhatsApp chat: ${chatKey}` };
    if (this.stopped) return { ok: false, retryAfterMs: 1000, error: 'connection closed' };
    const jid = jidOfAccount(account);
    // A message goes out in parts (a map's pages and its PDF; pieces of a long text): those an
    // earlier attempt delivered are not sent again. Pages count alike as images or as documents.
    const sent = { pages: extras?.sent?.pages ?? 0, pieces: extras?.sent?.pieces ?? 0 };
    const unit = partUnit(m, extras);
    try {
      const contents = await this.contentsOf(m, extras);
      let last: string | null = null;
      for (; sent[unit] < contents.length; sent[unit]++) {
        if (this.stopped)
          return { ok: false, retryAfterMs: 1000, error: 'connection closed', sent };
        const wait = this.pacer.reserve(jid);
        if (wait > 0) await this.sleep(wait);
        const r = await this.o.socket.sendMessage(jid, contents[sent[unit]]!);
        last = r?.key?.id ?? last;
      }
      return { ok: true, messageId: last };
    } catch (e) {
      const failed = classifyError(e, attempt);
      return failed.ok ? failed : { ...failed, sent };
    }
  }

  /** A notice straight to a chat, paced, outside the outbox (which may be down); never throws. */
  async sendDirect(jid: string, text: string): Promise<void> {
    if (this.stopped) return;
    const wait = this.pacer.reserve(jid);
    if (wait > 0) await this.sleep(wait);
    await this.o.socket.sendMessage(jid, { text }).catch(() => undefined);
  }

  private async contentsOf(m: Outbound, extras?: SendExtras): Promise<AnyMessageContent[]> {
    switch (m.kind) {
      case 'text':
      case 'question':
      case 'invitation':
        return textualMessages(m, this.ownNumber());
      case 'map':
      case 'picture': {
        const pics = extras?.pictures ?? null;
        const form = extras?.form ?? 'photos';
        const pdf =
          pics && pics.pages.length > 1 && form !== 'text'
            ? await pagesAsPdf(pics.pages, `${pics.code} ${pics.name}`)
            : null;
        return mapMessages(m, pics, form, pdf);
      }
      case 'file':
        return fileMessages(m, extras?.file ?? null, extras?.form ?? 'files');
    }
  }
}
