// Bot variant 4, the design floor: a bare telegraf bot doing only what Probis's reliability
// design asks of every message (README, "Design decisions already taken"), with no interview:
// in one transaction the chat's row lock, the inbox row (unique on the update), the chat's state
// read and written back (a JSON document the size of a bench interview, ~4 KB), the reply put in
// the outbox; after commit the reply is sent and its outbox row marked sent. The statements go
// out as Probis sends them: the lock, inbox and state read together, then the state and outbox
// writes together. Same database kind and pool as the probis run (see store-bot.ts).
//
// The store floor measures a bare insert; this one measures the design. Probis against this
// floor is the cost of the interview itself and of the code around it.
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { Telegraf } from 'telegraf';
import { message } from 'telegraf/filters';
import { launchFloorBot, required } from './child.js';

const TABLES = [
  `CREATE TABLE IF NOT EXISTS bench_locks (chat_key text PRIMARY KEY, locked_at timestamptz NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS bench_inbox (update_key text PRIMARY KEY, chat_key text NOT NULL,
     received_at timestamptz NOT NULL DEFAULT now())`,
  `CREATE TABLE IF NOT EXISTS bench_state (chat_key text PRIMARY KEY, state jsonb NOT NULL,
     revision int NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS bench_outbox (id bigserial PRIMARY KEY, chat_key text NOT NULL,
     payload jsonb NOT NULL, status text NOT NULL DEFAULT 'pending', sent_at timestamptz)`,
];
const SQL = {
  lock: `INSERT INTO bench_locks (chat_key, locked_at) VALUES ($1, now())
         ON CONFLICT (chat_key) DO UPDATE SET locked_at = excluded.locked_at`,
  inbox: `INSERT INTO bench_inbox (update_key, chat_key) VALUES ($1, $2)
          ON CONFLICT DO NOTHING RETURNING 1 AS ok`,
  read: `SELECT state, revision FROM bench_state WHERE chat_key = $1`,
  write: `INSERT INTO bench_state (chat_key, state, revision) VALUES ($1, $2::text::jsonb, 1)
          ON CONFLICT (chat_key) DO UPDATE SET state = excluded.state,
            revision = bench_state.revision + 1`,
  outbox: `INSERT INTO bench_outbox (chat_key, payload) VALUES ($1, $2::text::jsonb) RETURNING id::text AS id`,
  sent: `UPDATE bench_outbox SET status = 'sent', sent_at = now() WHERE id = $1 AND status = 'pending'`,
};

type State = { answers: string[]; filler: string };
/** A state the size of a bench interview's: ~4 KB of JSON. */
const fresh = (): State => ({ answers: [], filler: 'x'.repeat(3600) });

type Query = (text: string, params: unknown[]) => Promise<Record<string, unknown>[]>;
type Store = {
  transaction<T>(fn: (q: Query) => Promise<T>): Promise<T>;
  query: Query;
  close(): Promise<void>;
};

async function openStore(): Promise<Store> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const sql = postgres(url, { max: 10, onnotice: () => {} });
    for (const t of TABLES) await sql.unsafe(t);
    const on =
      (s: postgres.Sql | postgres.TransactionSql): Query =>
      (text, params) =>
        s.unsafe(text, params as never[], { prepare: true }) as unknown as Promise<
          Record<string, unknown>[]
        >;
    return {
      transaction: async (fn) => (await sql.begin((tx) => fn(on(tx)))) as never,
      query: on(sql),
      close: () => sql.end({ timeout: 5 }),
    };
  }
  const pg = await PGlite.create(required('BENCH_PGLITE_DIR'));
  for (const t of TABLES) await pg.exec(t);
  return {
    transaction: (fn) =>
      pg.transaction((tx) =>
        fn(async (text, params) => (await tx.query<Record<string, unknown>>(text, params)).rows),
      ),
    query: async (text, params) => (await pg.query<Record<string, unknown>>(text, params)).rows,
    close: () => pg.close(),
  };
}

const store = await openStore();
const bot = new Telegraf(required('TELEGRAM_BOT_TOKEN'), {
  telegram: { apiRoot: required('TELEGRAM_API_ROOT') },
});
bot.on(message('text'), async (ctx) => {
  const chatKey = `telegram:${ctx.chat.id}`;
  const text = ctx.message.text;
  const outboxId = await store.transaction(async (q) => {
    const [, inserted, rows] = await Promise.all([
      q(SQL.lock, [chatKey]),
      q(SQL.inbox, [String(ctx.update.update_id), chatKey]),
      q(SQL.read, [chatKey]),
    ]);
    if (!inserted.length) return null;
    const state = (rows[0]?.state as State | undefined) ?? fresh();
    const next: State = { ...state, answers: [...state.answers.slice(-4), text] };
    const [, out] = await Promise.all([
      q(SQL.write, [chatKey, JSON.stringify(next)]),
      q(SQL.outbox, [chatKey, JSON.stringify({ kind: 'text', text })]),
    ]);
    return String(out[0]!.id);
  });
  if (outboxId === null) return;
  await ctx.reply(text);
  await store.query(SQL.sent, [outboxId]);
});
launchFloorBot('design-bot', bot, () => store.close());
