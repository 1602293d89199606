// Opens what every command needs: configuration, the database (migrated), the conversation service.
import { questionnaire } from '../core/interview/index.js';
import { type DatabaseHandle, openDatabase } from '../db/index.js';
import { type Config, loadConfig } from './config.js';
import { ConversationService } from './conversation/service.js';
import { type Logger, createLogger } from './log.js';
import { type Renderer, createRenderer } from '../renderers/index.js';

export type App = {
  config: Config;
  database: DatabaseHandle;
  service: ConversationService;
  /** Map pictures: laid out and rasterised off the event loop, cached by content. */
  renderer: Renderer;
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
  const service = new ConversationService({
    db: database.db,
    questionnaire,
    log: logger,
  });
  const renderer = createRenderer();
  return {
    config,
    database,
    service,
    renderer,
    bot,
    log: logger,
    close: async () => {
      await renderer.close();
      await database.close();
    },
  };
}
