// Jobs in the database (pg-boss 12): renders, clean-ups, and later reminders and documents run
// as jobs in PostgreSQL or PGlite, so any process on the same database can take them. On
// PostgreSQL pg-boss has a small pool of its own; on PGlite it goes through the same PGlite
// instance (`fromPglite`): one code path, one process does both.
//
// A process either only sends jobs (a channel process next to `probis worker`) or also works on
// them (`probis worker`, and `npm start` by default). Workers on one PostgreSQL share the jobs
// safely: pg-boss claims each job for one worker, and a worker that dies stops beating, so its
// job runs again elsewhere.
import { PgBoss, fromPglite } from 'pg-boss';
import type { DatabaseHandle } from '../../db/index.js';
import type { RenderRequests } from '../delivery/map-delivery.js';
import { type Logger, errorFields } from '../log.js';
import { renderMap } from './render-map.js';
import { renderPicture } from './render-picture.js';
import { fileJobFor } from './render-file.js';
import type { FileRequest } from '../delivery/file-sources.js';
import { deliverEvents } from './deliver-events.js';
import type { PictureRequest } from '../../core/interview/index.js';
import type { JobContext, JobKind } from './types.js';

export type JobQueueOptions = {
  database: DatabaseHandle;
  log: Logger;
  kinds: readonly JobKind<never>[];
  /** What a job runs with (without `requeued`, which the queue provides). */
  context: () => Omit<JobContext, 'requeued'>;
};

/** pg-boss's own tables live in this schema of the application's database. */
const SCHEMA = 'pgboss';

export class JobQueue implements RenderRequests {
  private boss: PgBoss | null = null;
  private starting: Promise<PgBoss> | null = null;
  private working = false;
  private readonly workers = new Map<string, string[]>();
  private readonly listeners = new Set<(platforms: string[]) => void>();

  constructor(private readonly o: JobQueueOptions) {}

  /**
   * Opens the queue (installs or migrates pg-boss's schema on first use) and, with `work`, starts
   * working on every kind's jobs and keeps the cron schedules. Idempotent; a later call with
   * `work` adds the workers.
   */
  async start(p: { work: boolean }): Promise<void> {
    const boss = await this.open(p.work);
    if (!p.work || this.working) return;
    this.working = true;
    for (const kind of this.o.kinds) await this.workOn(boss, kind);
    this.o.log.info('jobs.working', { kinds: this.o.kinds.map((k) => k.name) });
  }

  private open(supervise: boolean): Promise<PgBoss> {
    this.starting ??= this.create(supervise).catch((e: unknown) => {
      this.starting = null;
      throw e;
    });
    return this.starting;
  }

  private async create(supervise: boolean): Promise<PgBoss> {
    const c = this.o.database.connection;
    const common = {
      schema: SCHEMA,
      // A sending-only process leaves expiry, heartbeats and schedules to the workers.
      supervise,
      schedule: supervise,
      // Expiry and missed heartbeats are found within seconds on PostgreSQL (a worker that died
      // among several); on PGlite the only worker is this process.
      superviseIntervalSeconds: c.kind === 'pglite' ? 30 : 5,
      monitorIntervalSeconds: c.kind === 'pglite' ? 30 : 5,
      persistWarnings: false,
    };
    const boss =
      c.kind === 'pglite'
        ? new PgBoss({ ...common, db: fromPglite(c.client), backend: 'pglite' })
        : new PgBoss({
            ...common,
            connectionString: c.url,
            max: 3,
            application_name: 'probis-jobs',
          });
    boss.on('error', (e: unknown) => this.o.log.error('jobs.error', errorFields(e)));
    await boss.start();
    for (const kind of this.o.kinds) {
      const dead = `${kind.name}.failed`;
      await ensureQueue(boss, dead, { policy: 'standard', retryLimit: 3, expireInSeconds: 300 });
      await ensureQueue(boss, kind.name, { ...kind.queue, deadLetter: dead });
    }
    this.boss = boss;
    return boss;
  }

  private async workOn(boss: PgBoss, kind: JobKind<never>): Promise<void> {
    const ids: string[] = [];
    const run = async (
      what: 'run' | 'failedForGood',
      jobs: { id: string; data: unknown }[],
    ): Promise<void> => {
      for (const job of jobs) {
        const parsed = kind.payload.safeParse(job.data);
        if (!parsed.success) {
          this.o.log.error('jobs.bad_payload', { kind: kind.name, job: job.id });
          throw new Error(`bad payload for ${kind.name}`);
        }
        const ctx: JobContext = { ...this.o.context(), requeued: (p) => this.requeued(p) };
        this.o.log.debug('jobs.start', { kind: kind.name, job: job.id, what });
        try {
          await kind[what]?.(ctx, parsed.data);
        } catch (e) {
          this.o.log.warn('jobs.attempt_failed', {
            kind: kind.name,
            job: job.id,
            ...errorFields(e),
          });
          throw e;
        }
      }
    };
    // pg-boss waits a whole polling interval after a short job even when more are queued: look
    // again at once after each one. On PGlite every job is sent by this process, which wakes
    // its workers itself; polling is only a backstop there, and each poll holds PGlite's thread.
    const pglite = this.o.database.connection.kind === 'pglite';
    const again = (own: string[]) => () => own.forEach((id) => boss.notifyWorker(id));
    const polling = { pollingIntervalSeconds: pglite ? 30 : kind.pollSeconds };
    const dead: string[] = [];
    for (let i = 0; i < (kind.concurrency ?? 1); i++)
      ids.push(await boss.work(kind.name, polling, (jobs) => run('run', jobs).finally(again(ids))));
    if (kind.failedForGood)
      dead.push(
        await boss.work(
          `${kind.name}.failed`,
          { pollingIntervalSeconds: pglite ? 30 : 5 },
          (jobs) => run('failedForGood', jobs).finally(again(dead)),
        ),
      );
    this.workers.set(kind.name, ids);
    if (kind.cron) await boss.schedule(kind.name, kind.cron, {}, { tz: 'UTC' });
  }

  /**
   * Sends a job, its payload checked first. `singletonKey` makes it idempotent on a 'stately'
   * queue: while one is queued with that key, sending another does nothing (null).
   */
  async send<P>(
    kind: JobKind<P>,
    payload: P,
    o: { singletonKey?: string } = {},
  ): Promise<string | null> {
    const data = kind.payload.parse(payload) as object;
    const boss = await this.open(false);
    const id = await boss.send(
      kind.name,
      data,
      o.singletonKey ? { singletonKey: o.singletonKey } : {},
    );
    // Worked on here too: look now rather than at the next poll.
    for (const w of this.workers.get(kind.name) ?? []) boss.notifyWorker(w);
    return id;
  }

  async requestRender(p: { processId: string; key: string }): Promise<void> {
    const id = await this.send(renderMap, p, { singletonKey: p.key });
    this.o.log.debug('jobs.render_requested', { process: p.processId, job: id });
  }

  async requestPicture(p: { request: PictureRequest; key: string }): Promise<void> {
    const id = await this.send(renderPicture, p, { singletonKey: p.key });
    this.o.log.debug('jobs.picture_requested', { what: p.request.what, job: id });
  }

  async requestFile(p: { request: FileRequest; key: string }): Promise<void> {
    const id = await this.send(fileJobFor(p.request.what), p, { singletonKey: p.key });
    this.o.log.debug('jobs.file_requested', { what: p.request.what, job: id });
  }

  /** Delivers the inputs stored for other people's conversations, now (deliver-events). */
  async deliverSoon(): Promise<void> {
    await this.send(deliverEvents, {}, { singletonKey: 'deliver' });
  }

  onRequeued(listener: (platforms: string[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private requeued(platforms: string[]): void {
    for (const l of [...this.listeners]) l(platforms);
  }

  /** Stops taking jobs, lets running ones end (up to `timeoutMs`), and closes the queue. */
  async stop(timeoutMs = 10_000): Promise<void> {
    const boss = this.boss ?? (await this.starting?.catch(() => null)) ?? null;
    this.boss = null;
    this.starting = null;
    this.working = false;
    this.workers.clear();
    if (boss) await boss.stop({ graceful: true, timeout: timeoutMs });
  }
}

/** Creates a queue that does not exist yet (an existing one keeps its settings). */
async function ensureQueue(
  boss: PgBoss,
  name: string,
  options: Parameters<PgBoss['createQueue']>[1] & object,
): Promise<void> {
  if (!(await boss.getQueue(name))) await boss.createQueue(name, options);
}
