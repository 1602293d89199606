// The daily clean-up: old inbox keys and delivered outbox rows, artifacts nobody read for a
// month, and map messages whose render never ended (sent as their outline).
import { z } from 'zod';
import {
  deleteUnusedArtifacts,
  pruneChatLog,
  requeueDeferred,
  staleDeferredKeys,
} from '../../db/index.js';
import { textFor } from '../../core/language/bilingual.js';
import { fileUnavailable } from '../delivery/file-sources.js';
import type { JobKind } from './types.js';

/** A file message that waited too long: its caption and why there is no file. */
const unavailable = textFor(fileUnavailable(null), 'both-inline');

const DAY = 86_400_000;

/** How long things are kept; a payload may shorten them (tests, a one-off clean-up). */
export type CleanupPayload = {
  chatLogDays?: number;
  artifactDays?: number;
  deferredMinutes?: number;
};

export const cleanup: JobKind<CleanupPayload> = {
  name: 'cleanup',
  payload: z
    .object({
      chatLogDays: z.number().min(0).max(3650).optional(),
      artifactDays: z.number().min(0).max(3650).optional(),
      deferredMinutes: z.number().min(0).max(100_000).optional(),
    })
    .strict(),
  queue: { policy: 'standard', retryLimit: 3, retryDelay: 60, expireInSeconds: 900 },
  pollSeconds: 30,
  cron: '17 3 * * *',
  async run(ctx, p) {
    const now = Date.now();
    // Stale maps first: the rows they leave behind ('moved') are then pruned with the rest.
    let stale = 0;
    for (const key of await staleDeferredKeys(ctx.db, {
      before: new Date(now - (p.deferredMinutes ?? 60) * 60_000),
    })) {
      const put = await requeueDeferred(ctx.db, {
        awaitedKey: key,
        artifactKey: null,
        unavailable,
      });
      stale += put.moved;
      if (put.moved) ctx.requeued(put.platforms);
    }
    const chat = await pruneChatLog(ctx.db, {
      before: new Date(now - (p.chatLogDays ?? 7) * DAY),
    });
    const artifacts = await deleteUnusedArtifacts(ctx.db, {
      before: new Date(now - (p.artifactDays ?? 30) * DAY),
    });
    ctx.log.info('job.cleanup.done', { ...chat, artifacts, staleMaps: stale });
  },
};
