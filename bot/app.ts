// Opens what every command needs: configuration, the database (migrated), the conversation service.
import { questionnaire } from '../core/interview/index.js';
import { type DatabaseHandle, openDatabase } from '../db/index.js';
import { type Config, loadConfig } from './config.js';
import { ConversationService } from './conversation/service.js';
import { type Logger, createLogger, errorFields } from './log.js';
import { type Renderer, createRenderer } from '../renderers/index.js';
import { MapDelivery } from './delivery/map-delivery.js';
import { JOB_KINDS } from './jobs/kinds.js';
import { JobQueue } from './jobs/queue.js';
import { databaseRenderCache } from './jobs/render-cache.js';

export type App = {
  config: Config;
  database: DatabaseHandle;
  service: ConversationService;
  /**
   * Map pictures: laid out and rasterised in render processes, cached by content in the database
   * (stored artifacts). Only jobs render; senders use it for content keys.
   */
  renderer: Renderer;
  /** Jobs in the database: `jobs.start({ work })` before use (bot/jobs/queue.ts). */
  jobs: JobQueue;
  /** Map messages for every channel's sender: stored pictures, or a render job. */
  maps: MapDelivery;
  /** Filled in when the Telegram bot has introduced itself (getMe). */
  bot: { username: string | null };
  log: Logger;
  close(): Promise<void>;
};

export async function openApp(env: NodeJS.ProcessEnv = process.env, log?: Logger): Promise<App> {
  const config = loadConfig(env);
  const logger = log ?? createLogger(config.logLevel);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  logger.info('database.open', { kind: database.kind });
  const bot = { username: null as string | null };
  // Set once the queue exists: a committed action's inputs for other people go out at once.
  let deliverSoon = () => {};
  const service = new ConversationService({
    db: database.db,
    questionnaire,
    log: logger,
    onPersonEvents: () => deliverSoon(),
  });
  const renderer = createRenderer({ cache: databaseRenderCache(database.db) });
  const jobs = new JobQueue({
    database,
    log: logger,
    kinds: JOB_KINDS,
    context: () => ({
      db: database.db,
      log: logger,
      renderer,
      deliver: (p) => service.deliver(p),
    }),
  });
  deliverSoon = () =>
    void jobs
      .deliverSoon()
      .catch((e: unknown) => logger.warn('jobs.deliver_send_failed', errorFields(e)));
  const maps = new MapDelivery({ db: database.db, renderer, renders: jobs });
  return {
    config,
    database,
    service,
    renderer,
    jobs,
    maps,
    bot,
    log: logger,
    close: async () => {
      await jobs.stop();
      await renderer.close();
      await database.close();
    },
  };
}
