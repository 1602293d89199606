// Configuration from the environment, validated once at start with a clear message.
import { z } from 'zod';

const Env = z
  .object({
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
      .optional(),
    PROBIS_DATA_DIR: z.string().min(1).default('./data'),
    TELEGRAM_BOT_TOKEN: z
      .string()
      .regex(
        /^\d{3,}:[A-Za-z0-9_-]{20,}$/,
        'looks like 123456789:ABC... (the token BotFather gives)',
      )
      .optional(),
    TELEGRAM_API_ROOT: z.url({ message: 'must be a URL, e.g. http://127.0.0.1:8081' }).optional(),
    TELEGRAM_WEBHOOK_URL: z.url({ message: 'must be an https:// URL' }).optional(),
    TELEGRAM_WEBHOOK_SECRET: z
      .string()
      .regex(/^[A-Za-z0-9_-]{16,256}$/, '16-256 characters of A-Z a-z 0-9 _ -')
      .optional(),
    PORT: z.coerce.number().int().min(1).max(65535).default(8080),
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
    PROBIS_JOBS: z.enum(['on', 'off']).default('on'),
    WHATSAPP_ENABLED: z
      .enum(['1', '0'], { message: 'must be 1 (on) or 0 (off); unset: on when a number is linked' })
      .optional(),
    WHATSAPP_SESSION: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/, '1-64 characters of A-Z a-z 0-9 _ -, e.g. default')
      .default('default'),
  })
  .superRefine((e, ctx) => {
    if (e.PROBIS_JOBS === 'off' && !e.DATABASE_URL)
      ctx.addIssue({
        code: 'custom',
        path: ['PROBIS_JOBS'],
        message: 'off needs DATABASE_URL: on PGlite no other process can run the jobs',
      });
    if (e.TELEGRAM_WEBHOOK_URL && !e.TELEGRAM_WEBHOOK_SECRET)
      ctx.addIssue({
        code: 'custom',
        path: ['TELEGRAM_WEBHOOK_SECRET'],
        message: 'is required with TELEGRAM_WEBHOOK_URL',
      });
    if (e.TELEGRAM_WEBHOOK_URL && !e.TELEGRAM_BOT_TOKEN)
      ctx.addIssue({
        code: 'custom',
        path: ['TELEGRAM_BOT_TOKEN'],
        message: 'is required with TELEGRAM_WEBHOOK_URL',
      });
  });

export type Config = {
  databaseUrl: string | undefined;
  dataDir: string;
  telegram:
    | {
        token: string;
        apiRoot: string | undefined;
        webhook: { url: string; secret: string } | undefined;
      }
    | undefined;
  port: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** Whether `start` and `chat` also work on jobs ('off': `probis worker` runs them elsewhere). */
  jobs: 'on' | 'off';
  whatsapp: {
    /** true: run WhatsApp; false: never; undefined: run it when the session is linked. */
    enabled: boolean | undefined;
    /** The name of the stored login (whatsapp_sessions.session). */
    session: string;
  };
};

export class ConfigError extends Error {}

/** Reads the configuration; a bad value throws a ConfigError naming the variable, never its value. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const blankToUndefined = Object.fromEntries(
    Object.entries(env).map(([k, v]) => [k, v === '' ? undefined : v]),
  );
  const r = Env.safeParse(blankToUndefined);
  if (!r.success) {
    const lines = r.error.issues.map((i) => `  ${String(i.path[0])}: ${i.message}`);
    throw new ConfigError(`Konfigurasi tidak valid / invalid configuration:\n${lines.join('\n')}`);
  }
  const e = r.data;
  return {
    databaseUrl: e.DATABASE_URL,
    dataDir: e.PROBIS_DATA_DIR,
    telegram: e.TELEGRAM_BOT_TOKEN
      ? {
          token: e.TELEGRAM_BOT_TOKEN,
          apiRoot: e.TELEGRAM_API_ROOT,
          webhook:
            e.TELEGRAM_WEBHOOK_URL && e.TELEGRAM_WEBHOOK_SECRET
              ? { url: e.TELEGRAM_WEBHOOK_URL, secret: e.TELEGRAM_WEBHOOK_SECRET }
              : undefined,
        }
      : undefined,
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    jobs: e.PROBIS_JOBS,
    whatsapp: {
      enabled: e.WHATSAPP_ENABLED === undefined ? undefined : e.WHATSAPP_ENABLED === '1',
      session: e.WHATSAPP_SESSION,
    },
  };
}
