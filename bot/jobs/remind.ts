// Reminders, as a job: every hour, for each open campaign, the people of its units who joined,
// have something left and have not answered for the campaign's number of days are reminded, at
// most once a day (the key of the stored input names the day, whoever reminds: the job or a
// coordinator's /ingatkan). Time is the job's input: tests give `now`.
import { z } from 'zod';
import { dueReminders } from '../../core/coordination/reminders.js';
import { reminderKey } from '../../core/interview/index.js';
import { addPersonEvent, listOpenCampaignOrganisations, loadDesk } from '../../db/index.js';
import { deliverPersonEvents } from './deliver-events.js';
import type { JobContext, JobKind } from './types.js';

export type RemindPayload = { now?: string };

/** Stores the reminders due at `now` and delivers them; returns how many were stored. */
export async function sendDueReminders(
  ctx: Pick<JobContext, 'db' | 'log' | 'deliver'>,
  now: Date,
): Promise<number> {
  let stored = 0;
  for (const organisationId of await listOpenCampaignOrganisations(ctx.db)) {
    const desk = await loadDesk(ctx.db, organisationId);
    if (!desk) continue;
    for (const campaign of desk.campaigns)
      for (const due of dueReminders(desk, campaign, now.toISOString())) {
        const added = await addPersonEvent(ctx.db, {
          key: reminderKey(due.personId, now.toISOString()),
          organisationId,
          personId: due.personId,
          input: { kind: 'reminder-due', at: now.toISOString(), left: due.left },
        });
        if (added) stored++;
      }
  }
  ctx.log.info('job.remind', { stored });
  if (stored) await deliverPersonEvents(ctx);
  return stored;
}

export const remind: JobKind<RemindPayload> = {
  name: 'remind',
  payload: z.object({ now: z.iso.datetime().optional() }).strict(),
  queue: { policy: 'stately', retryLimit: 3, retryDelay: 60, expireInSeconds: 900 },
  pollSeconds: 60,
  // Hourly, at minute 7: a person is reminded in the first hour after their quiet days end.
  cron: '7 * * * *',
  async run(ctx, p) {
    await sendDueReminders(ctx, p.now ? new Date(p.now) : new Date());
  },
};
