// Applies what channels receive, whatever the channel: one key's work one item at a time (the
// lowest `order` of those waiting first), different keys in parallel, each item inside its own
// error boundary. Transient storage errors are retried, then reported as an outage (nothing may
// be confirmed to the platform); a bug is retried, then the update is set aside in the inbox and
// the person asked to send it again. A channel only converts its updates into work and gives the
// runner a key function (as grammY's runner `sequentialize` does) and a direct notice port.
import type { Db } from '../../db/index.js';
import { isTransientDbError, markInboxFailed } from '../../db/index.js';
import { type Logger, errorFields } from '../log.js';
import type { ConversationService, HandleResult, InboundEvent } from './service.js';

/** The database is unreachable: the work must not be confirmed; the platform delivers it again. */
export class StorageUnavailableError extends Error {
  constructor(cause: unknown) {
    super('storage unavailable', { cause });
    this.name = 'StorageUnavailableError';
  }
}

export type InboundWork =
  | {
      kind: 'event';
      event: InboundEvent;
      /**
       * Runs once the event is stored (applied, a duplicate or refused), e.g. to close the buttons
       * of a Telegram message. Its failure is the channel's to swallow.
       */
      afterwards?: (r: HandleResult) => Promise<void>;
    }
  | {
      /**
       * Work outside the conversation, in the key's order: e.g. recording that a person blocked
       * the bot. Transient storage errors count as an outage, as for events; any other failure is
       * retried, then logged and dropped (there is no inbox row to set aside).
       */
      kind: 'task';
      /** For logs: the platform's id of what is being done (an update id). */
      id: string;
      run: () => Promise<void>;
    };

/** What the runner tells a person directly (never through the outbox, which may be down). */
export type Notice = { kind: 'outage' | 'set-aside'; text: string };

/** Said once per key while the database cannot be reached; the answer is applied afterwards. */
export const OUTAGE_NOTICE =
  'Maaf, Probis sedang mengalami gangguan penyimpanan. Jawaban Anda tidak hilang dan akan diproses begitu pulih; tidak perlu mengirim ulang.\n\nSorry, Probis has a storage problem right now. Your answer is not lost and will be processed once it recovers; no need to send it again.';

/** Said when one update could not be applied even after retries (a bug, not an outage). */
export const SET_ASIDE_NOTICE =
  'Maaf, pesan terakhir Anda tidak dapat diproses. Silakan kirim jawaban itu sekali lagi, atau ketik /bantuan.\n\nSorry, your last message could not be processed. Please send that answer once more, or type /bantuan.';

export type InboundRunnerDeps<W extends InboundWork> = {
  db: Db;
  service: Pick<ConversationService, 'handle'>;
  log: Logger;
  /** Work of one key runs one item at a time: a chat ("telegram:<chat id>"). */
  key: (w: W) => string;
  /**
   * Among a key's items waiting together, the lowest goes first (Telegram: the update id), so a
   * batch, or deliveries that queue behind a slow one, are applied in the platform's order.
   * Without it, arrival order.
   */
  order?: (w: W) => number;
  /** Sends a notice to the event's chat directly; failures are ignored. */
  notice: (w: W & { kind: 'event' }, n: Notice) => Promise<void>;
  /** Called after each item is stored, and after each run: there may be messages to send. */
  onApplied: () => void;
  /** Tries of an item that fails for a reason other than storage (default 3). */
  attempts?: number;
  /** Quick retries of a transient storage error before it counts as an outage (default 3). */
  storageRetries?: number;
  sleep?: (ms: number) => Promise<void>;
};

type Waiting<W> = {
  work: W;
  order: number;
  arrival: number;
  resolve: () => void;
  reject: (e: unknown) => void;
};

export class InboundRunner<W extends InboundWork> {
  /** Per key: the items waiting, and whether the key's worker runs (the key's ordering point). */
  private readonly queues = new Map<string, { waiting: Waiting<W>[]; running: boolean }>();
  /** Keys told about the current storage outage (cleared when storage works again). */
  private readonly toldOfOutage = new Set<string>();
  private arrivals = 0;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly d: InboundRunnerDeps<W>) {
    this.sleep = d.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
  }

  /**
   * Runs a batch (a getUpdates answer, one webhook delivery, one terminal line). Resolves once
   * every item is stored (applied, a duplicate, or set aside after its retries): only then may the
   * batch be confirmed. Rejects with StorageUnavailableError when the database could not be
   * reached: then nothing may be confirmed, and the items not yet stored come again. An item that
   * cannot be stored takes the items of its key waiting behind it down with it (they must not
   * overtake it), but no other key's.
   */
  async run(works: W[]): Promise<void> {
    const started = new Set<string>();
    const done = works.map(
      (work) =>
        new Promise<void>((resolve, reject) => {
          const key = this.d.key(work);
          let q = this.queues.get(key);
          if (!q) this.queues.set(key, (q = { waiting: [], running: false }));
          q.waiting.push({
            work,
            order: this.d.order?.(work) ?? 0,
            arrival: this.arrivals++,
            resolve,
            reject,
          });
          started.add(key);
        }),
    );
    // All of the batch is queued before any of it starts, so each key's items are sorted.
    for (const key of started) this.startKey(key);
    const results = await Promise.allSettled(done);
    this.d.onApplied();
    const failed = results.find((r) => r.status === 'rejected');
    if (failed) throw (failed as PromiseRejectedResult).reason;
  }

  private startKey(key: string): void {
    const q = this.queues.get(key);
    if (!q || q.running) return;
    q.running = true;
    void (async () => {
      while (q.waiting.length) {
        q.waiting.sort((a, b) => a.order - b.order || a.arrival - b.arrival);
        const next = q.waiting.shift()!;
        try {
          await this.one(next.work, key);
          next.resolve();
          // Its reply goes out now, not when the batch's slowest item is done.
          this.d.onApplied();
        } catch (e) {
          next.reject(e);
          if (e instanceof StorageUnavailableError)
            for (const behind of q.waiting.splice(0)) behind.reject(e);
        }
      }
      q.running = false;
      this.queues.delete(key);
    })();
  }

  private async one(w: W, key: string): Promise<void> {
    const { log } = this.d;
    const attempts = this.d.attempts ?? 3;
    const storageRetries = this.d.storageRetries ?? 3;
    const ids =
      w.kind === 'event'
        ? { platform: w.event.platform, update: w.event.updateKey, chat: w.event.chatKey }
        : { task: w.id, chat: key };
    let storageTries = 0;
    for (let attempt = 1; ; attempt++) {
      let result: HandleResult | undefined;
      try {
        if (w.kind === 'event') result = await this.d.service.handle(w.event);
        else await w.run();
      } catch (e) {
        if (isTransientDbError(e)) {
          // A killed backend or a dropped connection usually works again at once (the driver
          // reconnects): retry quickly before calling it an outage and telling the person.
          if (++storageTries <= storageRetries) {
            attempt--;
            await this.sleep(250 * 2 ** (storageTries - 1));
            continue;
          }
          log.warn('inbound.storage_unavailable', { ...ids, ...errorFields(e) });
          if (w.kind === 'event') await this.tellOfOutage(w as W & { kind: 'event' }, key);
          throw new StorageUnavailableError(e);
        }
        log.warn(w.kind === 'event' ? 'inbound.update_failed' : 'inbound.task_failed', {
          ...ids,
          attempt,
          ...errorFields(e),
        });
        if (attempt < attempts) {
          await this.sleep(100 * attempt);
          continue;
        }
        if (w.kind === 'event') await this.setAside(w as W & { kind: 'event' }, e);
        else log.error('inbound.task_dropped', { ...ids, ...errorFields(e) });
        return;
      }
      // Storage works again (a task may not have touched it: only an event tells).
      if (w.kind === 'event') this.toldOfOutage.clear();
      if (w.kind === 'event' && w.afterwards && result)
        await w
          .afterwards(result)
          .catch((e: unknown) =>
            log.warn('inbound.afterwards_failed', { ...ids, ...errorFields(e) }),
          );
      return;
    }
  }

  /**
   * Sets a poison update aside: a redelivery is then a duplicate, and the chat goes on with its
   * next update. The person is asked to send it again. If even that cannot be stored, the update
   * stays unconfirmed and comes again.
   */
  private async setAside(w: W & { kind: 'event' }, e: unknown): Promise<void> {
    const { event } = w;
    const f = errorFields(e);
    const ids = { platform: event.platform, update: event.updateKey, chat: event.chatKey };
    try {
      await markInboxFailed(this.d.db, {
        platform: event.platform,
        updateKey: event.updateKey,
        chatKey: event.chatKey,
        errorCode: String(f.code ?? f.error),
      });
    } catch (err) {
      this.d.log.error('inbound.set_aside_failed', { ...ids, ...errorFields(err) });
      throw new StorageUnavailableError(err);
    }
    this.d.log.error('inbound.update_set_aside', { ...ids, ...f });
    await this.d.notice(w, { kind: 'set-aside', text: SET_ASIDE_NOTICE }).catch(() => undefined);
  }

  private async tellOfOutage(w: W & { kind: 'event' }, key: string): Promise<void> {
    if (this.toldOfOutage.has(key)) return;
    this.toldOfOutage.add(key);
    await this.d.notice(w, { kind: 'outage', text: OUTAGE_NOTICE }).catch(() => undefined);
  }
}
