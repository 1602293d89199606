// Drains the outbox: each chat's messages in order, one at a time; different chats in parallel.
// A failed send is retried at the time the platform asks (429 retry_after) or with backoff; a
// permanent refusal (the person blocked the bot) is given up so the chat's queue moves on. A map,
// picture or file the platform will not take is degraded (files, then its text summary: see
// forms.ts) rather than retried for long, so the chat's next question is never held behind it.
import { Outbound } from '../../core/interview/index.js';
import {
  type Db,
  type MarkResult,
  type OutboxMessage,
  type SentMark,
  type SentParts,
  claimOutbox,
  failUnreachableChat,
  isTransientDbError,
  markSendFailed,
  markSentAndClaimNextMany,
} from '../../db/index.js';
import { failpoint } from '../failpoints.js';
import { type Logger, errorFields } from '../log.js';
import type { MapPictures } from '../map-pictures.js';
import { type FailedSend, type MessageForm, afterFailure, formsFor } from './forms.js';
import type { ChatFile, MapDelivery } from './map-delivery.js';

/**
 * What a send came to. A failure says who failed: `rateLimited` (429, retry at the time given),
 * `blocked` (403, the person blocked the bot), another permanent refusal (400, 413), or a
 * transient failure (5xx, network) retried with backoff.
 */
export type SendOutcome = { ok: true; messageId: string | null } | FailedSend;

/**
 * What a channel sends besides the message: a map's stored pictures (null: the outline), a file
 * message's stored file (null: it cannot be made), and the form to send a map, picture or file
 * in (absent: the best the channel can).
 */
export type SendExtras = {
  pictures: MapPictures | null;
  file?: ChatFile | null;
  form?: MessageForm;
  /**
   * Parts of this message already delivered by an earlier attempt (a map's pages, as photos or
   * as files; pieces of a long text): the sender sends the rest only.
   */
  sent?: SentParts;
};

/** One platform's way of sending a message of the engine to a chat. */
export interface ChannelSender {
  readonly platform: string;
  send(
    chatKey: string,
    message: Outbound,
    attempt: number,
    extras?: SendExtras,
  ): Promise<SendOutcome>;
}

export type DrainOptions = {
  batch?: number;
  now?: () => Date;
  maxAttempts?: number;
  /**
   * Stored pictures for map messages, rendered by jobs (bot/delivery/map-delivery.ts). Without
   * it a map goes out as its outline.
   */
  maps?: MapDelivery;
};

/** Backoff for failures that carry no retry time: 1 s, 2 s, 4 s ... capped at 5 minutes. */
export function backoffMs(attempt: number): number {
  return Math.min(300_000, 1000 * 2 ** Math.max(0, attempt - 1));
}

/** Marks in one statement at most (a statement's parameters stay small). */
const MARK_BATCH = 200;
/** Tries of a mark statement when the database fails for a moment (100 ms, 200 ms between). */
const MARK_ATTEMPTS = 3;

export class OutboxSender {
  private readonly inFlight = new Set<number>();
  private claiming: Promise<void> | null = null;
  private again = false;
  /** The last claim was cut short by the batch or in-flight limit. */
  private starved = false;
  private idleWaiters: (() => void)[] = [];
  private sent = 0;
  /** Sends waiting to be marked while the previous mark is on its way (see markSent). */
  private marks: { mark: SentMark; done: (r: Promise<MarkResult>) => void }[] = [];
  private marking = false;
  /** Set by pause(): nothing is claimed any more. */
  private paused = false;

  private readonly unsubscribe: () => void;

  constructor(
    private readonly db: Db,
    private readonly sender: ChannelSender,
    private readonly log: Logger,
    private readonly opts: DrainOptions & { maxInFlight?: number } = {},
  ) {
    // A render job in this process put maps back at their chats' tails: send them now.
    this.unsubscribe =
      opts.maps?.onRequeued((platforms) => {
        if (platforms.includes(sender.platform)) this.kick();
      }) ?? (() => undefined);
  }

  /**
   * Claims nothing more (the channel's connection is gone) and resolves once the sends under way
   * have ended: unlike drain(), it costs no due message an attempt.
   */
  async pause(): Promise<void> {
    this.paused = true;
    await new Promise<void>((resolve) => {
      this.idleWaiters.push(resolve);
      this.settleIdle();
    });
  }

  /** Stops listening to render jobs (a sender that is replaced). */
  close(): void {
    this.unsubscribe();
  }

  /**
   * Something may be due: claim and start sending. Each message is sent on its own, so a slow
   * one (a big map being rendered) never holds up another chat; when a send ends, the chat's
   * next message is claimed.
   */
  kick(): void {
    if (this.paused) return this.settleIdle();
    if (this.claiming) {
      this.again = true;
      return;
    }
    this.claiming = this.claimAndStart()
      .catch((e: unknown) => this.log.error('outbox.claim_failed', errorFields(e)))
      .finally(() => {
        this.claiming = null;
        if (this.again) {
          this.again = false;
          this.kick();
        } else this.settleIdle();
      });
  }

  /** Sends everything that is due now and resolves when nothing is in flight; returns the count. */
  async drain(): Promise<number> {
    const before = this.sent;
    await new Promise<void>((resolve) => {
      this.idleWaiters.push(resolve);
      this.kick();
    });
    return this.sent - before;
  }

  private settleIdle(): void {
    if (this.claiming || this.inFlight.size) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }

  private async claimAndStart(): Promise<void> {
    const room = (this.opts.maxInFlight ?? 64) - this.inFlight.size;
    if (room <= 0) {
      this.starved = true;
      return;
    }
    const limit = Math.min(room, this.opts.batch ?? 50);
    const now = this.opts.now?.() ?? new Date();
    const batch = await claimOutbox(this.db, { platform: this.sender.platform, limit, now });
    // A full batch may have left due messages behind: claim again when a send ends.
    this.starved = batch.length >= limit;
    for (const m of batch) this.start(m, now);
  }

  /** Sends a claimed message, then the chat's next one if marking this one claimed it. */
  private start(m: OutboxMessage, now: Date): void {
    if (this.inFlight.has(m.id)) return;
    this.inFlight.add(m.id);
    const work = m.unreachable ? this.giveUpUnreachable(m) : this.sendOne(m, now);
    void work
      .catch((e: unknown): SendResult => {
        this.log.error('outbox.send_crashed', { id: m.id, ...errorFields(e) });
        return { next: null, claimAgain: false };
      })
      .then(({ next, claimAgain }) => {
        this.inFlight.delete(m.id);
        if (next) this.start(next, this.opts.now?.() ?? new Date());
        if (claimAgain || this.starved) this.kick();
        else this.settleIdle();
      });
  }

  /**
   * Marks a sent message, claiming its chat's next. The first mark goes out at once; the sends
   * that end while it is on its way are marked together by the next statement, one round trip
   * for all of them.
   */
  private markSent(mark: SentMark): Promise<MarkResult> {
    return new Promise<MarkResult>((resolve, reject) => {
      this.marks.push({ mark, done: (r) => r.then(resolve, reject) });
      if (!this.marking) void this.flushMarks();
    });
  }

  private async flushMarks(): Promise<void> {
    this.marking = true;
    try {
      while (this.marks.length) {
        const batch = this.marks.splice(0, MARK_BATCH);
        const results = this.markAll(batch.map((b) => b.mark));
        for (const b of batch) b.done(results.then((r) => r.get(b.mark.id)!));
        await results.catch(() => undefined);
      }
    } finally {
      this.marking = false;
    }
  }

  /**
   * One statement for the batch, made again when the database failed for a moment: the messages
   * were delivered, and a mark made twice changes nothing (only pending rows are marked), while
   * a mark lost would send every message of the batch again when its lease ends.
   */
  private async markAll(marks: SentMark[]): Promise<Map<number, MarkResult>> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await markSentAndClaimNextMany(this.db, {
          marks,
          ...(this.opts.now ? { now: this.opts.now() } : {}),
        });
      } catch (e) {
        if (!isTransientDbError(e) || attempt >= MARK_ATTEMPTS) throw e;
        this.log.warn('outbox.mark_retry', { messages: marks.length, attempt, ...errorFields(e) });
        await new Promise((r) => setTimeout(r, 100 * 2 ** (attempt - 1)));
      }
    }
  }

  /**
   * The person blocked the bot (the platform said so, see channel_accounts): the chat's pending
   * messages are given up unsent, instead of a refusal each. A message queued later is claimed,
   * and given up, the same way.
   */
  private async giveUpUnreachable(m: OutboxMessage): Promise<SendResult> {
    const n = await failUnreachableChat(this.db, {
      platform: this.sender.platform,
      chatKey: m.chatKey,
    });
    this.log.info('outbox.unreachable_given_up', { id: m.id, chat: m.chatKey, messages: n });
    return { next: null, claimAgain: true };
  }

  private async setAside(
    id: number,
    chatKey: string,
    issues: readonly { path: readonly PropertyKey[]; code: string }[],
  ): Promise<SendResult> {
    const error = unreadable(issues);
    this.log.error('outbox.unreadable', { id, chat: chatKey, error });
    await markSendFailed(this.db, { id, error, permanent: true });
    // The chat's next message is now the head of its queue.
    return { next: null, claimAgain: true };
  }

  private async sendOne(m: OutboxMessage, now: Date): Promise<SendResult> {
    const { id, chatKey } = m;
    // The outbox holds JSON: what comes back is checked to be a message before it is sent.
    const parsed = Outbound.safeParse(m.payload);
    if (!parsed.success) return this.setAside(id, chatKey, parsed.error.issues);
    const payload = parsed.data;
    let extras: SendExtras = { pictures: null };
    try {
      if ((payload.kind === 'map' || payload.kind === 'picture') && this.opts.maps) {
        const map =
          payload.kind === 'map'
            ? await this.opts.maps.prepare({ ...m, payload })
            : await this.opts.maps.preparePicture({ ...m, payload });
        if (map.kind === 'deferred') return this.deferred(id, chatKey);
        if (map.kind === 'pictures') extras = { pictures: map.pictures };
      }
      if (payload.kind === 'file' && this.opts.maps) {
        const file = await this.opts.maps.prepareFile({ ...m, payload });
        if (file.kind === 'deferred') return this.deferred(id, chatKey);
        extras = { pictures: null, file: file.kind === 'file' ? file.file : null };
      }
    } catch (e) {
      return this.settleFailure(m, now, this.crashed(e));
    }
    const outcome = await this.sendInForms(m, payload, extras);
    if (!outcome.ok) return this.settleFailure(m, now, outcome);
    failpoint('outbox.after-send');
    const { next } = await this.markSent({ id, platformMessageId: outcome.messageId });
    this.sent++;
    return { next, claimAgain: false };
  }

  /**
   * Sends a message; a map, picture or file in its best form first and, when the platform will
   * not take that form, in the next one at once (forms.ts).
   */
  private async sendInForms(
    m: OutboxMessage,
    payload: Outbound,
    extras: SendExtras,
  ): Promise<SendOutcome> {
    // What went out before: a retry, or the next form, sends only the rest.
    let sent: SentParts = m.sent;
    const send = async (form?: MessageForm): Promise<SendOutcome> => {
      const outcome = await this.sender
        .send(m.chatKey, payload, m.attempts, { ...extras, sent, ...(form ? { form } : {}) })
        .catch((e: unknown) => this.crashed(e));
      if (!outcome.ok && outcome.sent) sent = outcome.sent;
      return outcome.ok ? outcome : { ...outcome, sent };
    };
    const hasContent = payload.kind === 'file' ? !!extras.file : !!extras.pictures?.pages.length;
    const forms = formsFor(payload.kind, hasContent, m.attempts);
    if (!forms) return send();
    let outcome: SendOutcome = await send(forms[0]);
    for (let i = 1; i < forms.length; i++) {
      if (outcome.ok || afterFailure(outcome, m.attempts) === 'settle') break;
      // Not taken in this form: the next one now, rather than a retry that holds the chat.
      this.log.warn('outbox.degraded', {
        id: m.id,
        chat: m.chatKey,
        attempts: m.attempts,
        from: forms[i - 1],
        to: forms[i],
        error: outcome.error,
      });
      outcome = await send(forms[i]);
    }
    return outcome;
  }

  /** Out of the chat's queue until its render job stored it: the chat's next message is its head. */
  private deferred(id: number, chatKey: string): SendResult {
    this.log.info('outbox.map_deferred', { id, chat: chatKey });
    return { next: null, claimAgain: true };
  }

  private crashed(e: unknown): FailedSend {
    return { ok: false, retryAfterMs: 0, error: String(errorFields(e).message ?? 'send failed') };
  }

  /** A send that failed for good is given up; any other is retried when it is due. */
  private async settleFailure(
    m: OutboxMessage,
    now: Date,
    outcome: FailedSend,
  ): Promise<SendResult> {
    const { id, chatKey, attempts } = m;
    if ('permanent' in outcome || attempts >= (this.opts.maxAttempts ?? 20)) {
      this.log.warn('outbox.given_up', { id, chat: chatKey, attempts, error: outcome.error });
      await markSendFailed(this.db, { id, error: outcome.error, permanent: true });
      // The chat's next message is now the head of its queue.
      return { next: null, claimAgain: true };
    }
    // A crash (retryAfterMs 0) waits as a transient failure would.
    const inMs = outcome.retryAfterMs || backoffMs(attempts);
    this.log.info('outbox.retry', { id, chat: chatKey, attempts, inMs });
    const base = this.opts.now?.() ?? new Date();
    await markSendFailed(this.db, {
      id,
      error: outcome.error,
      retryAt: new Date(Math.max(base.getTime(), now.getTime()) + inMs),
      ...(outcome.sent ? { sent: outcome.sent } : {}),
    });
    return { next: null, claimAgain: false };
  }
}

/**
 * A stored message that is not a message this code can send (a bug, or a kind written by a newer
 * deployment): given up at once and logged by id, so the chat's later messages go out. Sending it
 * again could never succeed. The log and the row carry the paths that did not fit, not the text.
 */
function unreadable(issues: readonly { path: readonly PropertyKey[]; code: string }[]): string {
  const where = issues
    .slice(0, 5)
    .map((i) => `${i.path.map(String).join('.') || '(root)'} ${i.code}`);
  return `unreadable payload: ${where.join(', ')}`;
}

/** After a send: the chat's next message when it was claimed with the mark, or a claim to make. */
type SendResult = { next: OutboxMessage | null; claimAgain: boolean };
