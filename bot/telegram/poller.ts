// Long polling, for a single machine. The offset is sent once after a batch, to confirm it, and
// not carried on: after a week of silence Telegram numbers updates at random, and a stale offset
// would confirm (drop) a new update with a lower id before it was ever seen.
import type { Telegram } from 'telegraf';
import { failpoint } from '../failpoints.js';
import { type Logger, errorFields } from '../log.js';
import type { TelegramUpdates } from './updates.js';

/**
 * The updates Probis asks for, in polling and webhook mode alike. `my_chat_member` tells when a
 * person blocks the bot (no more sends to them) and when they come back.
 */
export const ALLOWED_UPDATES = [
  'message',
  'edited_message',
  'callback_query',
  'my_chat_member',
] as const;

export async function pollUpdates(o: {
  telegram: Telegram;
  updates: TelegramUpdates;
  log: Logger;
  signal: AbortSignal;
  timeoutSec?: number;
  limit?: number;
  sleep?: (ms: number) => Promise<void>;
}): Promise<void> {
  const sleep = o.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
  let offset: number | undefined;
  let failures = 0;
  let storageFailures = 0;
  while (!o.signal.aborted) {
    let batch: { update_id: number }[];
    const confirming = offset !== undefined;
    try {
      batch = (await o.telegram.callApi(
        'getUpdates',
        {
          timeout: o.timeoutSec ?? 30,
          limit: o.limit ?? 100,
          ...(offset !== undefined ? { offset } : {}),
          allowed_updates: [...ALLOWED_UPDATES],
        },
        { signal: o.signal as never },
      )) as { update_id: number }[];
      failures = 0;
      if (confirming) failpoint('telegram.after-confirm');
    } catch (e) {
      if (o.signal.aborted) return;
      failures++;
      const f = errorFields(e);
      o.log.warn('telegram.poll_failed', { ...f, failures });
      const retry = (e as { parameters?: { retry_after?: number } }).parameters?.retry_after;
      await sleep(retry ? retry * 1000 : Math.min(30_000, 500 * 2 ** Math.min(failures, 6)));
      continue;
    }
    if (!batch.length) {
      offset = undefined;
      continue;
    }
    failpoint('telegram.after-fetch');
    try {
      await o.updates.process(batch);
    } catch (e) {
      // Storage is down: do not confirm. The same offset fetches the batch again, and the inbox
      // skips what was applied before the outage.
      storageFailures++;
      o.log.warn('telegram.batch_not_confirmed', { ...errorFields(e), failures: storageFailures });
      await sleep(Math.min(10_000, 250 * 2 ** Math.min(storageFailures, 6)));
      continue;
    }
    storageFailures = 0;
    failpoint('telegram.before-confirm');
    offset = Math.max(...batch.map((u) => u.update_id)) + 1;
  }
}
