// A WhatsApp socket without WhatsApp: its `ev` is an event emitter that emits Baileys' own
// `messages.upsert` and `messages.update` events, the messages built with Baileys' `proto`
// (`proto.WebMessageInfo.fromObject`), and its sendMessage records what the channel sends (and
// can be made to fail). A harness runs the whole application's WhatsApp channel on it.
import { EventEmitter } from 'node:events';
import {
  type AnyMessageContent,
  type BaileysEventEmitter,
  type WAMessage,
  proto,
} from '@whiskeysockets/baileys';
import { type WhatsAppChannel, startWhatsAppChannel } from '../../bot/whatsapp/channel.js';
import type { WhatsAppSocket } from '../../bot/whatsapp/socket.js';
import type { WhatsAppChannelOptions } from '../../bot/whatsapp/channel.js';
import { Pacer } from '../../bot/delivery/pacer.js';
import type { InboundEvent } from '../../bot/conversation/service.js';
import { undeliveredOutboxForChat } from '../../db/index.js';
import type { TranscriptLine } from '../../bot/commands/replay.js';
import { type DbKind, type TestApp, inviteToken, openTestApp, seedRenja } from './app.js';
import { until } from './until.js';

export { until };

/** Probis's own number, as the linked device sees itself. */
export const OWN_NUMBER = '6281100000001';

export type Sent = { jid: string; content: AnyMessageContent; id: string; at: number };

let ids = 0;
export const newMessageId = () => `3EB0${(++ids).toString(16).toUpperCase().padStart(12, '0')}`;

/** A message of Baileys' own shape, built from its protobuf types, with Baileys' key extras. */
export function waMessage(o: {
  from: string;
  message?: Record<string, unknown> | null;
  id?: string;
  fromMe?: boolean;
  participant?: string;
  remoteJidAlt?: string;
  stub?: number;
  at?: number;
}): WAMessage {
  const built = proto.WebMessageInfo.fromObject({
    key: {
      remoteJid: o.from,
      fromMe: !!o.fromMe,
      id: o.id ?? newMessageId(),
      ...(o.participant ? { participant: o.participant } : {}),
    },
    ...(o.message ? { message: o.message } : {}),
    ...(o.stub !== undefined ? { messageStubType: o.stub } : {}),
    messageTimestamp: o.at ?? Math.floor(Date.now() / 1000),
  });
  const m = built as WAMessage;
  // Baileys 7 adds the phone form of a LID on the key; it is no field of the protobuf.
  if (o.remoteJidAlt) m.key.remoteJidAlt = o.remoteJidAlt;
  return m;
}

export class FakeWhatsAppSocket {
  readonly emitter = new EventEmitter();
  readonly sent: Sent[] = [];
  /** Errors the next sendMessage calls throw, in order. */
  private failures: unknown[] = [];
  private held: Promise<void> | null = null;
  /** The time each send is recorded at (tests of pacing give the pacer's fake clock). */
  clock: () => number = () => Date.now();
  readonly user = { id: `${OWN_NUMBER}:7@s.whatsapp.net`, lid: '99900000001:7@lid' };

  get socket(): WhatsAppSocket {
    return {
      ev: this.emitter as unknown as BaileysEventEmitter,
      user: this.user,
      sendMessage: (jid: string, content: AnyMessageContent) => this.sendMessage(jid, content),
    } as unknown as WhatsAppSocket;
  }

  private sendMessage(jid: string, content: AnyMessageContent): Promise<WAMessage> {
    const failure = this.failures.shift();
    if (failure !== undefined) return Promise.reject(failure);
    const id = newMessageId();
    this.sent.push({ jid, content, id, at: this.clock() });
    const own = waMessage({ from: jid, fromMe: true, id, message: echoOf(content) });
    // As Baileys does (emitOwnEvents): what was sent comes back as an 'append' upsert, from us.
    process.nextTick(() => this.upsert([own], 'append'));
    return this.held ? this.held.then(() => own) : Promise.resolve(own);
  }

  /**
   * From now on each send reaches the person at once but sendMessage answers only when the
   * function returned is called (a slow server acknowledgement): the outbox marks it late.
   */
  hold(): () => void {
    let release!: () => void;
    this.held = new Promise<void>((r) => (release = r));
    return () => {
      this.held = null;
      release();
    };
  }

  failNext(...errors: unknown[]): void {
    this.failures.push(...errors);
  }

  /** Lets the next `through` sends go out, then throws `error` from the one after. */
  failAfter(through: number, error: unknown): void {
    this.failures.push(...Array<undefined>(through).fill(undefined), error);
  }

  upsert(messages: WAMessage[], type: 'notify' | 'append' = 'notify'): void {
    this.emitter.emit('messages.upsert', { messages, type });
  }

  update(updates: { key: WAMessage['key']; update: Partial<WAMessage> }[]): void {
    this.emitter.emit('messages.update', updates);
  }

  /** Sends `text` from `from` (a JID); returns the message. */
  text(
    from: string,
    text: string,
    o: { remoteJidAlt?: string; id?: string; type?: 'notify' | 'append' } = {},
  ): WAMessage {
    const { type, ...rest } = o;
    const m = waMessage({ from, message: { conversation: text }, ...rest });
    this.upsert([m], type);
    return m;
  }

  sentTo(jid: string): Sent[] {
    return this.sent.filter((s) => s.jid === jid);
  }
}

/** A sent content as the message Baileys echoes for it (its words; media by kind). */
function echoOf(c: AnyMessageContent): Record<string, unknown> {
  const words = wordsOf(c);
  if ('image' in c) return { imageMessage: { caption: words } };
  if ('document' in c) return { documentMessage: { caption: words } };
  return { conversation: words };
}

/** The words of a sent message: its text, or its caption. */
export function wordsOf(c: AnyMessageContent): string {
  const o = c as { text?: string; caption?: string };
  return o.text ?? o.caption ?? '';
}

/** A person writing to Probis from `jid`. */
export class WhatsAppPerson {
  constructor(
    readonly h: WhatsAppHarness,
    readonly jid: string,
    /** The account Probis knows them by: the chat key's tail. */
    readonly account: string,
    readonly remoteJidAlt?: string,
  ) {}

  get chatKey() {
    return `whatsapp:${this.account}`;
  }

  /** Resolves once everything received is applied and this chat's replies are all sent. */
  async settled(): Promise<void> {
    await this.h.channel.settled();
    await until(
      async () =>
        (await undeliveredOutboxForChat(this.h.t.app.database.db, this.chatKey)).length === 0,
      `the replies to ${this.chatKey}`,
    );
    await this.h.channel.settled();
  }

  async say(text: string): Promise<WAMessage> {
    const m = this.h.fake.text(this.jid, text, {
      ...(this.remoteJidAlt ? { remoteJidAlt: this.remoteJidAlt } : {}),
    });
    await this.settled();
    return m;
  }

  async send(message: Record<string, unknown>): Promise<WAMessage> {
    const m = waMessage({
      from: this.jid,
      message,
      ...(this.remoteJidAlt ? { remoteJidAlt: this.remoteJidAlt } : {}),
    });
    this.h.fake.upsert([m]);
    await this.settled();
    return m;
  }

  sent(): Sent[] {
    return this.h.fake.sentTo(this.jid);
  }

  texts(): string[] {
    return this.sent().map((s) => wordsOf(s.content));
  }

  last(): string {
    return this.texts().at(-1) ?? '';
  }

  /** The choices of the last question sent: its numbered (or lettered) lines. */
  choices(): { mark: string; label: string }[] {
    for (const text of this.texts().reverse()) {
      const lines = text
        .split('\n')
        .map((l) => /^([0-9]{1,2}|[a-z])\. (.+)$/.exec(l))
        .filter((m) => m !== null);
      if (lines.length) return lines.map((m) => ({ mark: m[1]!, label: m[2]! }));
    }
    return [];
  }

  /** Picks a choice of the last question by typing its number (or letter). */
  async pick(label: string): Promise<void> {
    const cs = this.choices();
    const c = cs.find((x) => x.label === label) ?? cs.find((x) => x.label.startsWith(label));
    if (!c) throw new Error(`no choice "${label}" in: ${cs.map((x) => x.label).join(' | ')}`);
    await this.say(c.mark);
  }

  async tell(lines: TranscriptLine[]): Promise<void> {
    for (const l of lines) {
      try {
        await (l.kind === 'press' ? this.pick(l.value) : this.say(l.value));
      } catch (e) {
        throw new Error(
          `transcript line ${l.line} "${l.value}": ${(e as Error).message}\n${this.texts().slice(-3).join('\n---\n')}`,
        );
      }
    }
  }
}

export type WhatsAppHarness = {
  fake: FakeWhatsAppSocket;
  t: TestApp;
  channel: WhatsAppChannel;
  /** Stops the channel and starts it again on the same database (a reconnect, a restart). */
  restart(opts?: WhatsAppChannelOptions): Promise<void>;
  invite(personId: string): Promise<string>;
  /** A person writing from phone number `digits`. */
  number(digits: string): WhatsAppPerson;
  /** A person WhatsApp names by a LID, with their phone number given alongside or not. */
  lid(user: string, phone?: string): WhatsAppPerson;
  close(): Promise<void>;
};

export async function whatsappHarness(
  kind: DbKind,
  opts: WhatsAppChannelOptions = {},
): Promise<WhatsAppHarness> {
  const t = await openTestApp(kind);
  await seedRenja(t.app);
  return whatsappOn(t, opts, true);
}

/** The WhatsApp channel on an app already open (e.g. with Telegram running on it too). */
export async function whatsappOn(
  t: TestApp,
  opts: WhatsAppChannelOptions = {},
  ownsApp = false,
): Promise<WhatsAppHarness> {
  const fake = new FakeWhatsAppSocket();
  const start = (o: WhatsAppChannelOptions) =>
    startWhatsAppChannel(t.app, fake.socket, {
      pacer: new Pacer(0, 0),
      retryEveryMs: 20,
      sleep: () => Promise.resolve(),
      ...o,
    });
  const h: WhatsAppHarness = {
    fake,
    t,
    channel: await start(opts),
    async restart(o = opts) {
      await h.channel.stop();
      h.channel = await start(o);
    },
    invite: (personId) => inviteToken(t.app, personId),
    number: (digits) => new WhatsAppPerson(h, `${digits}@s.whatsapp.net`, digits),
    lid: (user, phone) =>
      new WhatsAppPerson(
        h,
        `${user}@lid`,
        `${user}@lid`,
        phone ? `${phone}@s.whatsapp.net` : undefined,
      ),
    async close() {
      await h.channel.stop();
      if (ownsApp) await t.close();
    },
  };
  return h;
}

/** The error PostgreSQL gives when a connection is dropped (a transient storage error). */
export const droppedConnection = (): Error =>
  Object.assign(new Error('terminating connection'), { code: '57P01' });

/**
 * The conversation service of a harness whose storage fails while `down()` says so, as a dropped
 * database connection does.
 */
export function storageThatFails(harness: () => WhatsAppHarness, down: () => boolean) {
  return {
    handle: (ev: InboundEvent) =>
      down() ? Promise.reject(droppedConnection()) : harness().t.app.service.handle(ev),
  };
}
