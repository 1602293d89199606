// What the fault tests share: a fresh PostgreSQL database seeded with the Renja organisation, the
// fake Bot API in this process, a raw connection for triggers and inspection, invitations, and
// the checks "every answer stored once" and "every reply sent" read from the database and the fake.
import postgres from 'postgres';
import { expect } from 'vitest';
import type { Outbound } from '../../core/interview/index.js';
import { questionText } from '../../bot/telegram/outbound.js';
import { type TestApp, inviteToken, openTestApp, seedRenja } from '../support/app.js';
import {
  type FakeTelegram,
  type FakeTelegramOptions,
  startFakeTelegram,
} from '../support/fake-telegram.js';
import { until as waitUntil } from '../support/until.js';

export type World = {
  fake: FakeTelegram;
  t: TestApp;
  /** The test database's URL and name. */
  url: string;
  dbName: string;
  /** A raw connection to the test database (triggers, pg_stat_activity, counts). */
  sql: postgres.Sql;
  /** The bot's environment for this world (polling against the fake, on the test database). */
  env(extra?: Record<string, string>): Record<string, string>;
  invite(personId: string): Promise<string>;
  close(): Promise<void>;
};

export async function openWorld(fakeOptions: FakeTelegramOptions = {}): Promise<World> {
  const fake = await startFakeTelegram({
    perChatLimit: false,
    globalLimit: false,
    longPollMaxMs: 500,
    ...fakeOptions,
  });
  const t = await openTestApp('postgres');
  await seedRenja(t.app);
  const url = t.url!;
  const dbName = new URL(url).pathname.slice(1);
  const sql = postgres(url, { max: 2, onnotice: () => {} });
  return {
    fake,
    t,
    url,
    dbName,
    sql,
    env: (extra = {}) => ({
      TELEGRAM_BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.apiRoot,
      DATABASE_URL: url,
      PROBIS_DATA_DIR: '/nonexistent',
      ...extra,
    }),
    invite: (personId) => inviteToken(t.app, personId),
    async close() {
      await sql.end({ timeout: 5 });
      await t.close(); // drops the database (WITH FORCE: a leftover bot connection does not block it)
      await fake.close();
    },
  };
}

/** Rina's first answers, all typed (no button needed): each one moves the interview on. */
export function rinaAnswers(token: string): string[] {
  return [
    `/start ${token}`,
    'Proses baru',
    'Penyusunan Rencana Kerja\nPengelolaan Arsip\nPelayanan Surat Masuk',
    'Manajemen',
    '03 Perencanaan dan Penganggaran',
    'Pendukung',
    'Lewati',
    'Inti',
    'Lewati',
  ];
}

export type ChatRecord = {
  inbox: { updateKey: string; status: string; attempts: number; errorCode: string | null }[];
  revision: number | null;
  state: unknown;
  outbox: { id: number; status: string; payload: Outbound; attempts: number }[];
};

/** What the database holds for one chat (its person's conversation, when the account is linked). */
export async function chatRecord(sql: postgres.Sql, chatKey: string): Promise<ChatRecord> {
  const inbox = await sql<
    { update_key: string; status: string; attempts: number; error_code: string | null }[]
  >`
    select update_key, status, attempts, error_code from inbox where chat_key = ${chatKey} order by received_at, update_key`;
  const [iv] = await sql<
    { revision: number; state: unknown }[]
  >`select revision, state from interviews
      where chat_key = coalesce((select 'person:' || person_id from channel_accounts
                                  where platform || ':' || account_id = ${chatKey}), ${chatKey})`;
  const outbox = await sql<{ id: string; status: string; payload: Outbound; attempts: number }[]>`
    select id, status, payload, attempts from outbox where chat_key = ${chatKey} order by id`;
  return {
    inbox: inbox.map((r) => ({
      updateKey: r.update_key,
      status: r.status,
      attempts: r.attempts,
      errorCode: r.error_code,
    })),
    revision: iv?.revision ?? null,
    state: iv?.state ?? null,
    outbox: outbox.map((r) => ({
      id: Number(r.id),
      status: r.status,
      payload: r.payload,
      attempts: r.attempts,
    })),
  };
}

/** The text a person sees for an outbox message (no maps in these tests). */
export function shownText(p: Outbound): string {
  if (p.kind === 'text') return p.text;
  if (p.kind === 'question') return questionText(p);
  if (p.kind === 'map' || p.kind === 'picture') return `[map] ${p.caption}`;
  if (p.kind === 'file') return `[file] ${p.caption}`;
  return `[invitation] ${p.personName}`;
}

/** The chat's text as the person received it. */
export function received(fake: FakeTelegram, chatId: number): string[] {
  return fake.messages(chatId).map((m) => m.text ?? m.caption ?? '');
}

/**
 * Every update applied exactly once: one inbox row per update key, 'done'; the interview saved
 * once per update (its revision counts the applications); every reply queued is sent.
 */
export function expectAppliedOnce(rec: ChatRecord, updateIds: number[], what = ''): void {
  expect(rec.inbox.map((r) => r.updateKey).sort(), `inbox rows ${what}`).toEqual(
    updateIds.map(String).sort(),
  );
  expect(
    rec.inbox.every((r) => r.status === 'done'),
    `inbox statuses ${what}: ${JSON.stringify(rec.inbox)}`,
  ).toBe(true);
  expect(rec.revision, `interview revision (one save per applied answer) ${what}`).toBe(
    updateIds.length,
  );
  expect(
    rec.outbox.filter((m) => m.status !== 'sent'),
    `outbox rows not sent ${what}`,
  ).toEqual([]);
}

/**
 * The person received exactly the outbox's messages, in order; a message may arrive twice in a
 * row at most `maxDuplicates` times in all (at-least-once across a crash between send and mark).
 */
export function expectRepliesMatchOutbox(
  got: string[],
  rec: ChatRecord,
  maxDuplicates: number,
  outageNotices: { min: number; max: number } = { min: 0, max: 0 },
): { duplicates: number } {
  const want = rec.outbox.map((m) => shownText(m.payload));
  const matched: string[] = [];
  let duplicates = 0;
  // "Probis has a storage problem" goes straight to Telegram (storage is down): not in the outbox.
  const notices = got.filter((t) =>
    t.startsWith('Maaf, Probis sedang mengalami gangguan penyimpanan'),
  );
  expect(notices.length, 'storage outage notices').toBeGreaterThanOrEqual(outageNotices.min);
  expect(notices.length, 'storage outage notices').toBeLessThanOrEqual(outageNotices.max);
  for (const text of got.filter((t) => !notices.includes(t))) {
    if (matched.length < want.length && text === want[matched.length]) matched.push(text);
    else if (matched.length && text === want[matched.length - 1])
      duplicates++; // the previous one again
    else matched.push(`UNEXPECTED: ${text}`);
  }
  expect(matched, 'the replies the person got, repeats aside, are the outbox in order').toEqual(
    want,
  );
  expect(duplicates, 'replies delivered twice').toBeLessThanOrEqual(maxDuplicates);
  return { duplicates };
}

/** The shared waiting helper, with the longer timeout that process restarts need. */
export function until<T>(
  check: () => Promise<T | null | undefined | false> | T | null | undefined | false,
  what: string,
  timeoutMs = 30_000,
): Promise<T> {
  return waitUntil(check, what, timeoutMs, 25);
}

/** Resolves when every given update is in the inbox and the chat has nothing left to send. */
export async function settled(
  sql: postgres.Sql,
  chatKey: string,
  updateIds: number[],
  timeoutMs = 60_000,
): Promise<void> {
  await until(
    async () => {
      const [r] = await sql<{ seen: number; pending: number }[]>`
        select (select count(*)::int from inbox where platform = 'telegram' and update_key = any(${updateIds.map(String)})) as seen,
               (select count(*)::int from outbox where chat_key = ${chatKey} and status = 'pending') as pending`;
      return r!.seen === updateIds.length && r!.pending === 0;
    },
    `updates ${updateIds.join(',')} of ${chatKey} applied and answered`,
    timeoutMs,
  );
}

/** The interview after rinaAnswers: three processes listed once, each categorised once. */
export const RINA_DRAFTS = [
  ['03.01', 'Penyusunan Rencana Kerja', 'manajemen'],
  ['04', 'Pengelolaan Arsip', 'pendukung'],
  ['05', 'Pelayanan Surat Masuk', 'inti'],
];
export const RINA_LAST_QUESTION = 'Proses "Penyusunan Rencana Kerja": siapa pemasoknya';

type StateSummary = {
  cursor?: { q?: string };
  drafts?: { code: string; name: string; category: string }[];
};

/** Rina's interview stands where her answers, each applied once, lead: checked in the state and in the processes stored. */
export async function expectRinaInterview(
  sql: postgres.Sql,
  rec: ChatRecord,
  got: string[],
): Promise<void> {
  const state = rec.state as StateSummary;
  expect(state.cursor?.q, "the interview is at the first process's supplier question").toBe(
    'process.supplier',
  );
  expect((state.drafts ?? []).map((d) => [d.code, d.name, d.category])).toEqual(RINA_DRAFTS);
  const stored = await sql<{ code: string; name: string; n: number }[]>`
    select code, name, count(*) over (partition by name)::int as n from processes
    where organisation_id = 'kab-contoh' and code <> '03' order by code`;
  expect(stored.map((p) => [p.code, p.name, p.n])).toEqual(
    RINA_DRAFTS.map(([code, name]) => [code, name, 1]),
  );
  expect(got.at(-1)).toContain(RINA_LAST_QUESTION);
}

export function verbose(...args: unknown[]): void {
  if (process.env.PROBIS_FAULTS_VERBOSE) console.info(...args);
}
