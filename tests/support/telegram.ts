// A person in Telegram, talking to the real bot (polling the fake Bot API), and a harness that
// runs the whole application against it.
import { type TelegramRuntime, startTelegram } from '../../bot/telegram/run.js';
import { type Db, inboxStatus, undeliveredOutboxForChat } from '../../db/index.js';
import { type FakeBot, type FakeTelegram, startFakeTelegram } from './fake-telegram.js';
import { type DbKind, type TestApp, inviteToken, openTestApp, seedRenja } from './app.js';
import type { TranscriptLine } from '../../bot/commands/replay.js';
import { until } from './until.js';

export { until };

export class TelegramUser {
  constructor(
    readonly fake: FakeBot,
    readonly db: Db,
    readonly chatId: number,
  ) {}

  get chatKey() {
    return `telegram:${this.chatId}`;
  }

  /**
   * Resolves when update `id` is applied and every reply to this chat has been sent, maps
   * rendered by a job included.
   */
  async settled(updateId: number): Promise<void> {
    await until(
      async () =>
        (await inboxStatus(this.db, { platform: 'telegram', updateKey: String(updateId) })) !==
          null && (await undeliveredOutboxForChat(this.db, this.chatKey)).length === 0,
      `update ${updateId} of chat ${this.chatId}`,
    );
  }

  async say(text: string): Promise<void> {
    await this.settled(this.fake.sendText(this.chatId, text));
  }

  async start(token?: string): Promise<void> {
    await this.say(token ? `/start ${token}` : '/start');
  }

  /** Presses the button labelled `label` (or starting with it) on the latest question. */
  async press(label: string): Promise<void> {
    const q = this.fake.lastQuestion(this.chatId);
    if (!q) throw new Error(`chat ${this.chatId} has no question with buttons`);
    const b =
      q.buttons.find((x) => x.text === label) ?? q.buttons.find((x) => x.text.startsWith(label));
    if (!b?.callback_data)
      throw new Error(`no button "${label}" in: ${q.buttons.map((x) => x.text).join(' | ')}`);
    await this.settled(this.fake.pressButton(this.chatId, q.message_id, b.callback_data));
  }

  async tell(lines: TranscriptLine[]): Promise<void> {
    for (const l of lines) await (l.kind === 'press' ? this.press(l.value) : this.say(l.value));
  }

  texts(): string[] {
    return this.fake.messages(this.chatId).map((m) => m.text ?? m.caption ?? '');
  }

  last(): string {
    return this.texts().at(-1) ?? '';
  }
}

export type TelegramHarness = {
  fake: FakeTelegram;
  t: TestApp;
  runtime: TelegramRuntime;
  /** Restart the bot process's Telegram side on the same database (`whileStopped` in between). */
  restart(whileStopped?: () => void | Promise<void>): Promise<void>;
  invite(personId: string): Promise<string>;
  user(chatId: number): TelegramUser;
  close(): Promise<void>;
};

export async function telegramHarness(
  kind: DbKind,
  o: { fakeLimits?: boolean; pacing?: { perChatMs: number; globalMs: number } } = {},
): Promise<TelegramHarness> {
  const fake = await startFakeTelegram(
    o.fakeLimits ? {} : { perChatLimit: false, globalLimit: false, longPollMaxMs: 200 },
  );
  const t = await openTestApp(kind, {
    TELEGRAM_BOT_TOKEN: fake.token,
    TELEGRAM_API_ROOT: fake.apiRoot,
  });
  await seedRenja(t.app);
  const start = () =>
    startTelegram(t.app, {
      pollTimeoutSec: 1,
      retryEveryMs: 50,
      pacing: o.pacing ?? { perChatMs: 0, globalMs: 0 },
    });
  const h: TelegramHarness = {
    fake,
    t,
    runtime: await start(),
    async restart(whileStopped) {
      await h.runtime.stop();
      await whileStopped?.();
      h.runtime = await start();
    },
    invite: (personId) => inviteToken(t.app, personId),
    user: (chatId) => new TelegramUser(fake, t.app.database.db, chatId),
    async close() {
      await h.runtime.stop();
      await t.close();
      await fake.close();
    },
  };
  return h;
}
