// Bot variant 3, the store-then-reply floor: a bare telegraf bot that, for each text, inserts the
// message into a one-table database in one transaction, then replies with the same text. Same
// database kind as the probis run: postgres.js (pool of 10, like Probis) when DATABASE_URL is
// set, else PGlite in BENCH_PGLITE_DIR.
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { Telegraf } from 'telegraf';
import { message } from 'telegraf/filters';
import { launchFloorBot, required } from './child.js';

const TABLE = `CREATE TABLE IF NOT EXISTS bench_inbox (
  id bigserial PRIMARY KEY, chat_id bigint NOT NULL, update_id bigint NOT NULL UNIQUE, text text NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now())`;
const INSERT = 'INSERT INTO bench_inbox (chat_id, update_id, text) VALUES ($1, $2, $3)';

type Store = {
  insert(chatId: number, updateId: number, text: string): Promise<void>;
  close(): Promise<void>;
};

async function openStore(): Promise<Store> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const sql = postgres(url, { max: 10, onnotice: () => {} });
    await sql.unsafe(TABLE);
    return {
      insert: async (c, u, t) => {
        await sql.begin((tx) => tx.unsafe(INSERT, [c, u, t]));
      },
      close: () => sql.end({ timeout: 5 }),
    };
  }
  const pg = await PGlite.create(required('BENCH_PGLITE_DIR'));
  await pg.exec(TABLE);
  return {
    insert: async (c, u, t) => {
      await pg.transaction(async (tx) => {
        await tx.query(INSERT, [c, u, t]);
      });
    },
    close: () => pg.close(),
  };
}

const store = await openStore();
const bot = new Telegraf(required('TELEGRAM_BOT_TOKEN'), {
  telegram: { apiRoot: required('TELEGRAM_API_ROOT') },
});
bot.on(message('text'), async (ctx) => {
  await store.insert(ctx.chat.id, ctx.update.update_id, ctx.message.text);
  await ctx.reply(ctx.message.text);
});
launchFloorBot('store-bot', bot, () => store.close());
