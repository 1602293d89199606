// The shape of a job kind. Each kind is one entry of the registry (kinds.ts): a name, a payload
// checked by zod when it is sent and again when it runs (another process, another version may
// have sent it), the queue's retry policy, and what it does.
import type { z } from 'zod';
import type { Db } from '../../db/index.js';
import type { Renderer } from '../../renderers/index.js';
import type { Logger } from '../log.js';
import type { ConversationService } from '../conversation/service.js';

/** What a job runs with, in whichever process takes it. */
export type JobContext = {
  db: Db;
  log: Logger;
  /** Renders with a cache in the database (stored artifacts). */
  renderer: Renderer;
  /** Outbox messages were put back for these platforms: senders in this process send them now. */
  requeued(platforms: string[]): void;
  /** Applies an input to a person's conversation (ConversationService.deliver). */
  deliver: ConversationService['deliver'];
};

/** pg-boss queue options a kind may set (see pg-boss's Queue). */
export type QueueSettings = {
  /** 'stately': one job queued and one active per singleton key; 'standard': no such limit. */
  policy: 'standard' | 'stately';
  retryLimit: number;
  retryDelay?: number;
  /** A job whose worker stops beating this long (it died) runs again; pg-boss's minimum is 10. */
  heartbeatSeconds?: number;
  expireInSeconds: number;
};

export interface JobKind<P> {
  readonly name: string;
  readonly payload: z.ZodType<P>;
  readonly queue: QueueSettings;
  /** Seconds between a worker's looks for new jobs of this kind (other processes' jobs). */
  readonly pollSeconds: number;
  /** Jobs of this kind one process runs at once. */
  readonly concurrency?: number;
  /** Sent by pg-boss's scheduler on this cron (UTC), once per tick across all processes. */
  readonly cron?: string;
  /** Runs one job; throwing fails this attempt, retried by the queue's policy. */
  run(ctx: JobContext, payload: P): Promise<void>;
  /** The job failed on every attempt (or its worker died each time): end it for good. */
  failedForGood?(ctx: JobContext, payload: P): Promise<void>;
}

/**
 * How the render jobs (maps, pictures, files) queue: one job per content key at a time (stately),
 * two retries, a job that makes no sign of life for 10 s is taken to have died.
 */
export const RENDER_QUEUE = {
  policy: 'stately',
  retryLimit: 2,
  retryDelay: 2,
  heartbeatSeconds: 10,
  expireInSeconds: 300,
} as const satisfies QueueSettings;

/**
 * How the organisation's long documents (the decree's annex) queue: one job per content key, a
 * job may run 30 minutes while its worker beats, one retry.
 */
export const DOCUMENT_QUEUE = {
  policy: 'stately',
  retryLimit: 1,
  retryDelay: 10,
  heartbeatSeconds: 30,
  expireInSeconds: 1800,
} as const satisfies QueueSettings;
