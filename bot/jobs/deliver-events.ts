// Delivers the inputs one person's action (or time) stored for another person: a process
// returned to its clerk, a handoff to answer, a reminder. Each is applied to that person's
// conversation through the conversation service, deduplicated by its key (the inbox), so a job
// that runs twice delivers once. Sent after each action's commit, and every minute as a backstop.
import { z } from 'zod';
import { markPersonEventDelivered, undeliveredPersonEvents } from '../../db/index.js';
import type { JobContext, JobKind } from './types.js';

export type DeliverEventsPayload = { limit?: number };

/** Delivers what is waiting; returns how many were handled. */
export async function deliverPersonEvents(
  ctx: Pick<JobContext, 'db' | 'log' | 'deliver'>,
  p: DeliverEventsPayload = {},
): Promise<number> {
  let handled = 0;
  for (;;) {
    const batch = await undeliveredPersonEvents(ctx.db, { limit: p.limit ?? 50 });
    if (!batch.length) return handled;
    for (const ev of batch) {
      const r = await ctx.deliver({ personId: ev.personId, input: ev.input, key: ev.key });
      const outcome =
        r.outcome === 'unreachable' ? 'unreachable' : r.refused ? 'refused' : 'delivered';
      await markPersonEventDelivered(ctx.db, { id: ev.id, outcome, at: new Date() });
      ctx.log.info('job.deliver_event', { event: ev.id, outcome });
      handled++;
    }
  }
}

export const deliverEvents: JobKind<DeliverEventsPayload> = {
  name: 'deliver-events',
  payload: z.object({ limit: z.number().int().min(1).max(500).optional() }).strict(),
  // One at a time across processes (stately, one key): a person's inputs keep their order.
  queue: { policy: 'stately', retryLimit: 5, retryDelay: 5, expireInSeconds: 600 },
  pollSeconds: 5,
  cron: '* * * * *',
  async run(ctx, p) {
    await deliverPersonEvents(ctx, p);
  },
};
