// A local fake of the Telegram Bot API over HTTP, for end-to-end tests and benchmarks that run the
// real bot (telegraf with `telegram: { apiRoot }`). It keeps Telegram's semantics where bots trip:
// getUpdates offsets (queue order, not id order), 409 on a second poller or an active webhook,
// message/caption/callback_data limits, HTML/MarkdownV2 parse errors, photo dimensions, "message is
// not modified", callback query ids, rate limits with retry_after. Listens on 127.0.0.1 only.
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';

export type Update = { update_id: number } & Record<string, unknown>;
export type Params = Record<string, unknown>;
export interface Button {
  text: string;
  callback_data?: string;
  url?: string;
}
export interface BotMessage {
  kind: 'text' | 'photo' | 'document';
  chat_id: number;
  message_id: number;
  date: number;
  text?: string;
  caption?: string;
  parse_mode?: string;
  /** The reply_markup param of the last send/edit (inline or reply keyboard); undefined if none. */
  reply_markup?: unknown;
  /** The inline keyboard flattened in reading order. */
  buttons: Button[];
  photo?: Uint8Array;
  photoSize?: { width: number; height: number };
  document?: { fileName: string; mimeType: string; bytes: Uint8Array };
  edits: number;
  deleted: boolean;
  /** The Message object as the API last returned it. */
  raw: Record<string, unknown>;
}
export interface ApiCall {
  method: string;
  params: Params;
  at: number;
  status: number;
  description?: string;
  chatId?: number;
  via: 'http' | 'webhook-reply';
}
export interface Fault {
  method?: string;
  chatId?: number;
  count: number;
  status: 429 | 500 | 502;
  retryAfter?: number;
  /** Matching calls let through before the fault strikes (default 0). */
  after?: number;
}
export interface Violation {
  chatId: number;
  method: string;
  at: number;
  /** When the chat's last 429 allowed the next send. */
  allowedAt: number;
}
export interface Bucket {
  perSecond: number;
  burst: number;
}
export interface FakeTelegramOptions {
  /** Default bot token (any token of the right shape works; each is its own bot). */
  token?: string;
  username?: string;
  /** Upper bound on how long a getUpdates is held, whatever its `timeout` (default 10 s). */
  longPollMaxMs?: number;
  /** Rate limits; `false` switches one off. Defaults: 1/s per private chat with a burst of 3,
   * 20/min per group, 30/s per bot. */
  perChatLimit?: Bucket | false;
  groupLimit?: Bucket | false;
  globalLimit?: Bucket | false;
  /** Sending to a chat that never wrote to the bot → 400 "chat not found" (default true). */
  requireKnownChat?: boolean;
  now?: () => number;
}

const TOKEN_RE = /^\d+:[A-Za-z0-9_-]+$/;
const SEND_METHODS = new Set(['sendMessage', 'sendPhoto', 'sendDocument']);
const METHODS = [
  'getMe',
  'getUpdates',
  'setWebhook',
  'deleteWebhook',
  'getWebhookInfo',
  'sendMessage',
  'sendPhoto',
  'sendDocument',
  'editMessageText',
  'editMessageReplyMarkup',
  'deleteMessage',
  'answerCallbackQuery',
  'setMyCommands',
  'getMyCommands',
  'deleteMyCommands',
  'sendChatAction',
];
const CANONICAL = new Map(METHODS.map((m) => [m.toLowerCase(), m]));
const DEFAULT_ALLOWED = [
  'message',
  'edited_message',
  'channel_post',
  'edited_channel_post',
  'business_connection',
  'business_message',
  'edited_business_message',
  'deleted_business_messages',
  'inline_query',
  'chosen_inline_result',
  'callback_query',
  'shipping_query',
  'pre_checkout_query',
  'purchased_paid_media',
  'poll',
  'poll_answer',
  'my_chat_member',
  'chat_join_request',
  'chat_boost',
  'removed_chat_boost',
];
const CHAT_ACTIONS = new Set([
  'typing',
  'upload_photo',
  'record_video',
  'upload_video',
  'record_voice',
  'upload_voice',
  'upload_document',
  'choose_sticker',
  'find_location',
  'record_video_note',
  'upload_video_note',
]);
const MB = 1024 * 1024;

class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly description: string,
    readonly parameters?: Record<string, unknown>,
  ) {
    super(description);
  }
}
const bad = (d: string) => new ApiError(400, `Bad Request: ${d}`);
const entitiesError = (d: string) => bad(`can't parse entities: ${d}`);

// ---------- parameter access (JSON gives typed values; multipart/query give strings) ----------
function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}
function int(v: unknown): number | undefined {
  if (typeof v === 'number') return Math.trunc(v);
  if (typeof v === 'string' && /^-?\d+$/.test(v.trim())) return Number(v);
  return undefined;
}
function bool(v: unknown): boolean {
  return v === true || v === 'true' || v === '1' || v === 1;
}
function jsonParam(v: unknown, what: string): unknown {
  if (typeof v !== 'string') return v;
  try {
    return JSON.parse(v);
  } catch {
    throw bad(`can't parse ${what} JSON object`);
  }
}
function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

// ---------- parse modes: the visible text, or Telegram's "can't parse entities" ----------
const byteOffset = (s: string, i: number) => Buffer.byteLength(s.slice(0, i));
const HTML_TAGS = new Set([
  'b',
  'strong',
  'i',
  'em',
  'u',
  'ins',
  's',
  'strike',
  'del',
  'span',
  'tg-spoiler',
  'a',
  'code',
  'pre',
  'blockquote',
  'tg-emoji',
]);
const HTML_ENT: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };

function visibleHtml(t: string): string {
  let out = '';
  const stack: string[] = [];
  for (let i = 0; i < t.length;) {
    const c = t[i]!;
    if (c === '<') {
      const m = /^<(\/?)([a-zA-Z][a-zA-Z0-9-]*)(\s[^<>]*)?>/.exec(t.slice(i));
      if (!m) throw entitiesError(`Unsupported start tag "" at byte offset ${byteOffset(t, i)}`);
      const name = m[2]!.toLowerCase();
      if (m[1]) {
        const open = stack.pop();
        if (open !== name)
          throw entitiesError(
            `Unmatched end tag at byte offset ${byteOffset(t, i)}, expected "</${open ?? ''}>", found "</${name}>"`,
          );
      } else {
        if (!HTML_TAGS.has(name))
          throw entitiesError(`Unsupported start tag "${name}" at byte offset ${byteOffset(t, i)}`);
        stack.push(name);
      }
      i += m[0].length;
    } else if (c === '&') {
      const m = /^&(lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);/.exec(t.slice(i));
      const e = m?.[1];
      if (e === undefined) {
        out += c;
        i++;
        continue;
      }
      out +=
        HTML_ENT[e] ??
        String.fromCodePoint(e.startsWith('#x') ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
      i += m![0].length;
    } else {
      out += c;
      i++;
    }
  }
  if (stack.length)
    throw entitiesError(`Can't find end tag corresponding to start tag "${stack.at(-1)}"`);
  return out;
}

function visibleMarkdownV2(t: string): string {
  let out = '';
  const open: { mark: string; at: number }[] = [];
  const toggle = (mark: string, i: number) => {
    if (open.at(-1)?.mark === mark) open.pop();
    else open.push({ mark, at: i });
  };
  for (let i = 0; i < t.length;) {
    const c = t[i]!;
    const lineStart = i === 0 || t[i - 1] === '\n';
    if (c === '\\') {
      const n = t[i + 1];
      if (n === undefined)
        throw entitiesError(
          `Character '\\' is reserved and must be escaped with the preceding '\\'`,
        );
      out += n;
      i += 2;
    } else if (c === '`') {
      const fence = t.startsWith('```', i) ? '```' : '`';
      const end = t.indexOf(fence, i + fence.length);
      if (end < 0)
        throw entitiesError(
          `Can't find end of ${fence === '```' ? 'Pre' : 'Code'} entity at byte offset ${byteOffset(t, i)}`,
        );
      out += t.slice(i + fence.length, end).replace(/\\([`\\])/g, '$1');
      i = end + fence.length;
    } else if (c === '*' || c === '~') {
      toggle(c, i);
      i++;
    } else if (c === '_') {
      const m = t.startsWith('__', i) ? '__' : '_';
      toggle(m, i);
      i += m.length;
    } else if (c === '|' && t[i + 1] === '|') {
      toggle('||', i);
      i += 2;
    } else if (c === '[') {
      toggle('[', i);
      i++;
    } else if (c === ']' && open.at(-1)?.mark === '[') {
      open.pop();
      const m = /^\]\(((?:[^()\\]|\\.)*)\)/.exec(t.slice(i));
      if (!m) throw entitiesError(`Can't find end of a url at byte offset ${byteOffset(t, i)}`);
      i += m[0].length;
    } else if ('_*[]()~`>#+-=|{}.!'.includes(c) && !(c === '>' && lineStart)) {
      throw entitiesError(
        `Character '${c}' is reserved and must be escaped with the preceding '\\'`,
      );
    } else {
      out += c;
      i++;
    }
  }
  const first = open[0];
  if (first)
    throw entitiesError(
      `Can't find end of ${first.mark === '*' ? 'Bold' : first.mark === '_' ? 'Italic' : 'the'} entity starting at byte offset ${byteOffset(t, first.at)}`,
    );
  return out;
}

function visibleMarkdown(t: string): string {
  let out = t;
  for (const mark of ['*', '_', '`']) {
    const n = t.split(mark).length - 1;
    if (n % 2 === 1)
      throw entitiesError(
        `Can't find end of the entity starting at byte offset ${byteOffset(t, t.lastIndexOf(mark))}`,
      );
    out = out.split(mark).join('');
  }
  return out;
}

function visible(text: string, parseMode: string | undefined): string {
  switch (parseMode?.toLowerCase()) {
    case undefined:
    case '':
      return text;
    case 'html':
      return visibleHtml(text);
    case 'markdownv2':
      return visibleMarkdownV2(text);
    case 'markdown':
      return visibleMarkdown(text);
    default:
      throw bad('unsupported parse_mode');
  }
}

// ---------- images ----------
export function imageSize(
  b: Uint8Array,
): { width: number; height: number; type: 'png' | 'jpeg' | 'gif' } | undefined {
  const u32 = (i: number) =>
    ((b[i]! << 24) >>> 0) + (b[i + 1]! << 16) + (b[i + 2]! << 8) + b[i + 3]!;
  const u16 = (i: number) => (b[i]! << 8) + b[i + 1]!;
  if (
    b.length >= 24 &&
    b[0] === 0x89 &&
    b[1] === 0x50 &&
    b[2] === 0x4e &&
    b[3] === 0x47 &&
    String.fromCharCode(...b.subarray(12, 16)) === 'IHDR'
  )
    return { type: 'png', width: u32(16), height: u32(20) };
  if (b.length >= 10 && String.fromCharCode(...b.subarray(0, 4)) === 'GIF8')
    return { type: 'gif', width: b[6]! + (b[7]! << 8), height: b[8]! + (b[9]! << 8) };
  if (b[0] === 0xff && b[1] === 0xd8) {
    for (let i = 2; i + 9 < b.length;) {
      if (b[i] !== 0xff) return undefined;
      const marker = b[i + 1]!;
      if (marker === 0xff) {
        i++;
        continue;
      }
      if ((marker >= 0xd0 && marker <= 0xd9) || marker === 0x01) {
        i += 2;
        continue;
      }
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
        return { type: 'jpeg', height: u16(i + 5), width: u16(i + 7) };
      i += 2 + u16(i + 2);
    }
  }
  return undefined;
}

const MIME: Record<string, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  svg: 'image/svg+xml',
  xml: 'application/xml',
  bpmn: 'application/xml',
  json: 'application/json',
  csv: 'text/csv',
  txt: 'text/plain',
  zip: 'application/zip',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  html: 'text/html',
};
const mimeOf = (name: string) =>
  MIME[name.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream';
const fileId = (prefix: string) => `${prefix}${randomBytes(12).toString('base64url')}`;

// ---------- HTTP body ----------
interface Upload {
  fileName: string;
  bytes: Uint8Array;
}
async function readBody(req: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}
async function readParams(
  req: http.IncomingMessage,
  url: URL,
): Promise<{ params: Params; files: Map<string, Upload>; size: number }> {
  const params: Params = Object.fromEntries(url.searchParams);
  const files = new Map<string, Upload>();
  const body = await readBody(req);
  const type = (req.headers['content-type'] ?? '').toLowerCase();
  if (body.length === 0) return { params, files, size: 0 };
  if (type.startsWith('application/json')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      throw bad("can't parse JSON request body");
    }
    if (isObj(parsed)) Object.assign(params, parsed);
  } else if (type.startsWith('multipart/form-data')) {
    const form = await new Response(body, {
      headers: { 'content-type': req.headers['content-type']! },
    })
      .formData()
      .catch(() => {
        throw bad("can't parse multipart/form-data body");
      });
    for (const [k, v] of form) {
      if (typeof v === 'string') params[k] = v;
      else files.set(k, { fileName: v.name, bytes: new Uint8Array(await v.arrayBuffer()) });
    }
  } else if (type.startsWith('application/x-www-form-urlencoded')) {
    Object.assign(params, Object.fromEntries(new URLSearchParams(body.toString('utf8'))));
  }
  return { params, files, size: body.length };
}
function respond(res: http.ServerResponse, status: number, body: unknown) {
  if (res.writableEnded || res.destroyed) return;
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

// ---------- per-bot state ----------
interface ChatState {
  info: Record<string, unknown>;
  nextMessageId: number;
  bot: BotMessage[];
  user: Map<number, Record<string, unknown>>;
  transcript: ({ from: 'user'; text: string } | { from: 'bot'; message: BotMessage })[];
  actions: { action: string; at: number }[];
  bucket?: { tokens: number; last: number };
  last429?: { at: number; retryAfter: number };
  blocked?: boolean;
}
interface Poller {
  res: http.ServerResponse;
  offset: number;
  limit: number;
  timer?: NodeJS.Timeout;
  entry: ApiCall;
}
interface Env {
  opts: FakeTelegramOptions;
  now: () => number;
}

export class FakeBot {
  readonly id: number;
  readonly username: string;
  private queue: Update[] = [];
  private nextUpdateId = 500_000_001;
  private lastOffset = 0;
  private allowed: string[] | null = null;
  private poller?: Poller;
  private webhook = {
    url: '',
    secret: undefined as string | undefined,
    allowed: undefined as string[] | undefined,
    lastError: undefined as { date: number; message: string } | undefined,
  };
  private chats = new Map<number, ChatState>();
  private users = new Map<number, Record<string, unknown>>();
  private callbacks = new Map<
    string,
    { data: string; delivered: boolean; answer?: Params & { at: number } }
  >();
  private commandSets = new Map<string, { command: string; description: string }[]>();
  private files = new Map<
    string,
    {
      kind: 'photo' | 'document';
      bytes: Uint8Array;
      fileName: string;
      width?: number;
      height?: number;
    }
  >();
  private log: ApiCall[] = [];
  private faults: Fault[] = [];
  private tooEarly: Violation[] = [];
  private deliveryLog: { update_id: number; at: number; via: 'poll' | 'webhook' }[] = [];
  private dropped: Update[] = [];
  private globalBucket?: { tokens: number; last: number };
  private waiters = new Set<() => void>();
  private counters = { tooManyRequests: 0, conflicts: 0, faultsInjected: 0, updatesQueued: 0 };

  constructor(
    readonly token: string,
    private env: Env,
  ) {
    this.id = Number(token.split(':')[0]);
    this.username =
      env.opts.token === token || env.opts.token === undefined
        ? (env.opts.username ?? 'probis_test_bot')
        : `bot${this.id}_bot`;
  }

  // ================= test side: building updates =================
  private now() {
    return this.env.now();
  }
  private chat(id: number, info?: Record<string, unknown>): ChatState {
    let c = this.chats.get(id);
    if (!c) {
      c = {
        info: info ?? { id, type: 'private', first_name: 'Siti' },
        nextMessageId: 1,
        bot: [],
        user: new Map(),
        transcript: [],
        actions: [],
      };
      this.chats.set(id, c);
    }
    return c;
  }
  private user(id: number, from?: Record<string, unknown>): Record<string, unknown> {
    const u = {
      id,
      is_bot: false,
      first_name: 'Siti',
      last_name: 'Rahayu',
      language_code: 'id',
      ...this.users.get(id),
      ...from,
    };
    this.users.set(id, u);
    return u;
  }
  private privateChat(chatId: number, from?: Record<string, unknown>) {
    const u = this.user(typeof from?.id === 'number' ? from.id : chatId, from);
    const c = this.chat(chatId, {
      id: chatId,
      type: 'private',
      first_name: u.first_name,
      ...(u.last_name ? { last_name: u.last_name } : {}),
    });
    return { u, c };
  }
  private userMessage(
    c: ChatState,
    u: Record<string, unknown>,
    fields: Record<string, unknown>,
    label: string,
  ) {
    const message = {
      message_id: c.nextMessageId++,
      from: u,
      chat: c.info,
      date: Math.floor(this.now() / 1000),
      ...fields,
    };
    c.user.set(message.message_id, message);
    c.transcript.push({ from: 'user', text: label });
    return message;
  }
  private textFields(text: string) {
    const m = /^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?/.exec(text);
    return {
      text,
      ...(m ? { entities: [{ offset: 0, length: m[0].length, type: 'bot_command' }] } : {}),
    };
  }

  /** Queue any update; update_id is assigned unless given. Returns the update_id. */
  queueRaw(update: Record<string, unknown> & { update_id?: number }): number {
    const id = update.update_id ?? this.nextUpdateId;
    this.nextUpdateId = Math.max(this.nextUpdateId, id + 1);
    const u: Update = { ...update, update_id: id };
    const type = Object.keys(u).find((k) => k !== 'update_id') ?? '';
    if (!(this.allowed ?? DEFAULT_ALLOWED).includes(type)) {
      this.dropped.push(u); // Telegram does not create updates of types the bot did not ask for
      return id;
    }
    if (isObj(u.callback_query) && typeof u.callback_query.id === 'string')
      this.callbacks.set(u.callback_query.id, {
        data: String(u.callback_query.data ?? ''),
        delivered: false,
      });
    this.queue.push(u);
    this.counters.updatesQueued++;
    if (this.poller) {
      // a held getUpdates still applies its offset: an id below it counts as confirmed
      const { offset } = this.poller;
      if (offset > 0) this.queue = this.queue.filter((x) => x.update_id >= offset);
      if (this.queue.length) this.answerPoll(this.poller);
    }
    this.notify();
    return id;
  }
  sendText(
    chatId: number,
    text: string,
    opts: { from?: Record<string, unknown>; update_id?: number } = {},
  ): number {
    const { u, c } = this.privateChat(chatId, opts.from);
    return this.queueRaw({
      update_id: opts.update_id,
      message: this.userMessage(c, u, this.textFields(text), text),
    });
  }
  sendGroupText(
    groupChatId: number,
    fromId: number,
    text: string,
    opts: { update_id?: number } = {},
  ): number {
    const c = this.chat(groupChatId, {
      id: groupChatId,
      type: 'group',
      title: 'Grup Uji Probis',
      all_members_are_administrators: false,
    });
    return this.queueRaw({
      update_id: opts.update_id,
      message: this.userMessage(c, this.user(fromId), this.textFields(text), text),
    });
  }
  sendEdited(
    chatId: number,
    messageId: number,
    text: string,
    opts: { update_id?: number } = {},
  ): number {
    const c = this.chats.get(chatId);
    const old = c?.user.get(messageId);
    if (!c || !old) throw new Error(`sendEdited: chat ${chatId} has no user message ${messageId}`);
    const { entities: _old, ...rest } = old;
    const edited = { ...rest, ...this.textFields(text), edit_date: Math.floor(this.now() / 1000) };
    c.user.set(messageId, edited);
    c.transcript.push({ from: 'user', text: `(edit #${messageId}) ${text}` });
    return this.queueRaw({ update_id: opts.update_id, edited_message: edited });
  }
  sendPhotoFromUser(
    chatId: number,
    opts: { caption?: string; width?: number; height?: number; update_id?: number } = {},
  ): number {
    const { u, c } = this.privateChat(chatId);
    const w = opts.width ?? 1280,
      h = opts.height ?? 960;
    const photo = photoSizes(w, h, 12345);
    return this.queueRaw({
      update_id: opts.update_id,
      message: this.userMessage(
        c,
        u,
        { photo, ...(opts.caption ? { caption: opts.caption } : {}) },
        `[photo ${w}x${h}] ${opts.caption ?? ''}`,
      ),
    });
  }
  sendSticker(chatId: number, emoji = '👍', opts: { update_id?: number } = {}): number {
    const { u, c } = this.privateChat(chatId);
    const sticker = {
      file_id: fileId('CAACAgUAAxkBAAI'),
      file_unique_id: fileId('AgAD'),
      type: 'regular',
      width: 512,
      height: 512,
      is_animated: false,
      is_video: false,
      emoji,
      file_size: 23456,
    };
    return this.queueRaw({
      update_id: opts.update_id,
      message: this.userMessage(c, u, { sticker }, `[sticker ${emoji}]`),
    });
  }
  sendVoice(chatId: number, durationSec = 7, opts: { update_id?: number } = {}): number {
    const { u, c } = this.privateChat(chatId);
    const voice = {
      file_id: fileId('AwACAgUAAxkBAAI'),
      file_unique_id: fileId('AgAD'),
      duration: durationSec,
      mime_type: 'audio/ogg',
      file_size: durationSec * 4000,
    };
    return this.queueRaw({
      update_id: opts.update_id,
      message: this.userMessage(c, u, { voice }, `[voice ${durationSec}s]`),
    });
  }
  sendLocation(
    chatId: number,
    latitude = -6.1753924,
    longitude = 106.8271528,
    opts: { update_id?: number } = {},
  ): number {
    const { u, c } = this.privateChat(chatId);
    return this.queueRaw({
      update_id: opts.update_id,
      message: this.userMessage(
        c,
        u,
        { location: { latitude, longitude } },
        `[location ${latitude},${longitude}]`,
      ),
    });
  }
  /** Press an inline button of a message the bot sent (as it currently is). Throws if no such button
   * (pass `force` to send any data, as a modified client could). */
  pressButton(
    chatId: number,
    messageId: number,
    callbackData: string,
    opts: { from?: Record<string, unknown>; force?: boolean; update_id?: number } = {},
  ): number {
    const c = this.chats.get(chatId);
    const msg = c?.bot.find((m) => m.message_id === messageId && !m.deleted);
    if (!c || !msg)
      throw new Error(`pressButton: the bot has no message ${messageId} in chat ${chatId}`);
    if (!opts.force && !msg.buttons.some((b) => b.callback_data === callbackData))
      throw new Error(
        `pressButton: message ${messageId} has no button "${callbackData}"; buttons: ${JSON.stringify(msg.buttons)}`,
      );
    const from = this.user(typeof opts.from?.id === 'number' ? opts.from.id : chatId, opts.from);
    const label = msg.buttons.find((b) => b.callback_data === callbackData)?.text ?? callbackData;
    c.transcript.push({ from: 'user', text: `[press "${label}" on #${messageId}]` });
    const id = `${this.id}${String(this.nextUpdateId).slice(-6)}${randomBytes(3).readUIntBE(0, 3)}`;
    return this.queueRaw({
      update_id: opts.update_id,
      callback_query: {
        id,
        from,
        message: structuredClone(msg.raw),
        chat_instance: `-${chatId}77`,
        data: callbackData,
      },
    });
  }
  /** Make sends to this chat fail with 403 "bot was blocked by the user". */
  blockBy(chatId: number, blocked = true) {
    this.chat(chatId).blocked = blocked;
  }
  failNext(fault: Fault) {
    this.faults.push({ ...fault });
  }

  // ================= test side: observing =================
  messages(chatId: number): BotMessage[] {
    return [...(this.chats.get(chatId)?.bot ?? [])];
  }
  lastQuestion(chatId: number): BotMessage | undefined {
    return this.messages(chatId)
      .filter((m) => m.buttons.length > 0 && !m.deleted)
      .at(-1);
  }
  transcript(chatId: number): string[] {
    return (this.chats.get(chatId)?.transcript ?? []).map((e) =>
      e.from === 'user' ? `user: ${e.text}` : `bot:  ${describe(e.message)}`,
    );
  }
  calls(method?: string): ApiCall[] {
    return method ? this.log.filter((c) => c.method === method) : [...this.log];
  }
  chatActions(chatId: number) {
    return [...(this.chats.get(chatId)?.actions ?? [])];
  }
  callbackAnswers() {
    return [...this.callbacks]
      .filter(([, v]) => v.answer)
      .map(([id, v]) => ({ callback_query_id: id, data: v.data, ...v.answer! }));
  }
  commands(languageCode = '', scope: Record<string, unknown> = { type: 'default' }) {
    return this.commandSets.get(`${JSON.stringify(scope)}|${languageCode}`);
  }
  webhookInfo() {
    return { ...this.webhook };
  }
  /** The last positive offset a getUpdates gave (updates below it are gone). */
  confirmedOffset(): number {
    return this.lastOffset;
  }
  pendingUpdates(): Update[] {
    return [...this.queue];
  }
  deliveries() {
    return [...this.deliveryLog];
  }
  droppedUpdates() {
    return [...this.dropped];
  }
  last429(chatId: number) {
    return this.chats.get(chatId)?.last429;
  }
  /** Sends that reached a chat before the retry_after of its last 429 had elapsed. */
  violations(): Violation[] {
    return [...this.tooEarly];
  }
  isPolling() {
    return this.poller !== undefined;
  }
  stats() {
    const calls: Record<string, number> = {};
    for (const c of this.log) calls[c.method] = (calls[c.method] ?? 0) + 1;
    return {
      calls,
      errors: this.log.filter((c) => c.status !== 200).length,
      updatesDelivered: this.deliveryLog.length,
      ...this.counters,
    };
  }
  /** Resolves with the predicate's first truthy value; re-evaluated on every API call and update. */
  waitFor<T>(
    predicate: (bot: this) => T,
    opts: { timeoutMs?: number; chatId?: number; what?: string } = {},
  ): Promise<NonNullable<T>> {
    const timeoutMs = opts.timeoutMs ?? 5000;
    return new Promise((resolve, reject) => {
      let lastError: unknown;
      const check = () => {
        try {
          const v = predicate(this);
          if (v) {
            done();
            resolve(v as NonNullable<T>);
          }
        } catch (e) {
          lastError = e;
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(
          new Error(
            `waitFor${opts.what ? ` (${opts.what})` : ''} timed out after ${timeoutMs} ms${lastError ? `; predicate threw: ${String(lastError)}` : ''}\n${this.dump(opts.chatId)}`,
          ),
        );
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
      check();
    });
  }
  dump(chatId?: number): string {
    const ids = chatId !== undefined ? [chatId] : [...this.chats.keys()];
    const lines = ids.flatMap((id) => [
      `chat ${id}:`,
      ...this.transcript(id)
        .slice(-20)
        .map((l) => `  ${l}`),
    ]);
    const failed = this.log
      .filter((c) => c.status !== 200)
      .slice(-5)
      .map((c) => `  ${c.method} → ${c.status} ${c.description ?? ''}`);
    return [
      ...lines,
      ...(failed.length ? ['failed calls:', ...failed] : []),
      `pending updates: ${this.queue.length}`,
    ].join('\n');
  }
  private notify() {
    for (const w of [...this.waiters]) w();
  }

  // ================= webhook delivery =================
  /** POST one update (given, by id from the queue, or the first pending) to the webhook; `origin`
   * replaces the scheme/host/port of the set URL (telegraf always sets https://domain/...). */
  async deliverWebhook(
    update?: Update | number,
    opts: { origin?: string; secretToken?: string } = {},
  ): Promise<number> {
    if (!this.webhook.url) throw new Error('deliverWebhook: no webhook is set');
    const queued =
      typeof update === 'number'
        ? this.queue.find((u) => u.update_id === update)
        : update === undefined
          ? this.queue[0]
          : undefined;
    const u = queued ?? (typeof update === 'object' ? update : undefined);
    if (!u) throw new Error(`deliverWebhook: no such update (${String(update)})`);
    const set = new URL(this.webhook.url);
    const target = opts.origin ? new URL(set.pathname + set.search, opts.origin) : set;
    if (!['127.0.0.1', 'localhost', '[::1]'].includes(target.hostname))
      throw new Error(
        `deliverWebhook: refusing to POST to ${target.host}; pass { origin: 'http://127.0.0.1:PORT' }`,
      );
    const secret = opts.secretToken ?? this.webhook.secret;
    this.markDelivered([u], 'webhook');
    const res = await fetch(target, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(secret ? { 'X-Telegram-Bot-Api-Secret-Token': secret } : {}),
      },
      body: JSON.stringify(u),
    });
    const text = await res.text();
    if (res.ok) {
      if (queued) this.queue = this.queue.filter((x) => x !== queued);
      // The bot may answer in the response body ("webhook reply"): telegraf does so for answerCallbackQuery,
      // sendChatAction, deleteMessage, leaveChat, answerInlineQuery.
      let reply: unknown;
      try {
        reply = text ? JSON.parse(text) : undefined;
      } catch {
        reply = undefined;
      }
      if (isObj(reply) && typeof reply.method === 'string') {
        const { method, ...params } = reply;
        this.execute(method, params, new Map(), 'webhook-reply');
      }
    } else {
      this.webhook.lastError = {
        date: Math.floor(this.now() / 1000),
        message: `Wrong response from the webhook: ${res.status} ${res.statusText}`,
      };
    }
    this.notify();
    return res.status;
  }
  /** Deliver every pending update in queue order, one at a time; stops at the first non-2xx. */
  async flushWebhook(opts: { origin?: string } = {}): Promise<number[]> {
    const statuses: number[] = [];
    while (this.queue[0]) {
      const s = await this.deliverWebhook(this.queue[0].update_id, opts);
      statuses.push(s);
      if (s < 200 || s >= 300) break;
    }
    return statuses;
  }

  // ================= API side =================
  /** @internal called by the server */
  async handleHttp(method: string, req: http.IncomingMessage, res: http.ServerResponse, url: URL) {
    let params: Params, files: Map<string, Upload>, size: number;
    try {
      ({ params, files, size } = await readParams(req, url));
    } catch (e) {
      const err = e instanceof ApiError ? e : bad(String(e));
      this.log.push({
        method,
        params: {},
        at: this.now(),
        status: err.code,
        description: err.description,
        via: 'http',
      });
      return respond(res, err.code, {
        ok: false,
        error_code: err.code,
        description: err.description,
      });
    }
    if (CANONICAL.get(method.toLowerCase()) === 'getUpdates') return this.getUpdates(params, res);
    if (size > 50 * MB)
      return respond(res, 413, {
        ok: false,
        error_code: 413,
        description: 'Request Entity Too Large',
      });
    const { status, body } = this.execute(method, params, files, 'http');
    respond(res, status, body);
  }

  private execute(
    rawMethod: string,
    params: Params,
    files: Map<string, Upload>,
    via: ApiCall['via'],
  ): { status: number; body: unknown } {
    const method = CANONICAL.get(rawMethod.toLowerCase());
    const chatId = int(params.chat_id);
    const summary: Params = { ...params };
    delete summary.method; // telegraf puts `method` into multipart bodies
    for (const [k, f] of files) summary[k] = { fileName: f.fileName, size: f.bytes.length };
    const entry: ApiCall = {
      method: method ?? rawMethod,
      params: summary,
      at: this.now(),
      status: 200,
      via,
      ...(chatId !== undefined ? { chatId } : {}),
    };
    this.log.push(entry);
    let result: unknown;
    let description: string | undefined;
    try {
      if (!method) throw new ApiError(404, 'Not Found');
      this.gate(method, chatId);
      [result, description] = this.run(method, params, files, chatId);
      if (SEND_METHODS.has(method) && chatId !== undefined)
        for (const [b] of this.buckets(chatId)) b.tokens -= 1;
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      entry.status = e.code;
      entry.description = e.description;
      if (e.code === 429) this.counters.tooManyRequests++;
      this.notify();
      return {
        status: e.code,
        body: {
          ok: false,
          error_code: e.code,
          description: e.description,
          ...(e.parameters ? { parameters: e.parameters } : {}),
        },
      };
    }
    this.notify();
    return { status: 200, body: { ok: true, result, ...(description ? { description } : {}) } };
  }

  /** Fault injection, bans after a 429, and rate limits. Throws ApiError. */
  private gate(method: string, chatId: number | undefined) {
    const now = this.now();
    const fi = this.faults.findIndex(
      (f) =>
        f.count > 0 &&
        (f.method ? f.method === method : SEND_METHODS.has(method) || method.startsWith('edit')) &&
        (f.chatId === undefined || f.chatId === chatId),
    );
    const fault = this.faults[fi];
    if (fault && (fault.after ?? 0) > 0) fault.after!--;
    else if (fault) {
      if (--fault.count <= 0) this.faults.splice(fi, 1);
      this.counters.faultsInjected++;
      if (fault.status === 429) this.tooMany(chatId, fault.retryAfter ?? 1);
      throw new ApiError(
        fault.status,
        fault.status === 500 ? 'Internal Server Error' : 'Bad Gateway',
      );
    }
    if (!SEND_METHODS.has(method) || chatId === undefined) return;
    const chat = this.chats.get(chatId);
    const ban = chat?.last429;
    if (ban && now < ban.at + ban.retryAfter * 1000) {
      this.tooEarly.push({ chatId, method, at: now, allowedAt: ban.at + ban.retryAfter * 1000 });
      throw new ApiError(
        429,
        `Too Many Requests: retry after ${Math.ceil((ban.at + ban.retryAfter * 1000 - now) / 1000)}`,
        { retry_after: Math.ceil((ban.at + ban.retryAfter * 1000 - now) / 1000) },
      );
    }
    const wait = Math.max(
      ...this.buckets(chatId).map(([b, cfg]) => {
        b.tokens = Math.min(cfg.burst, b.tokens + ((now - b.last) / 1000) * cfg.perSecond);
        b.last = now;
        return b.tokens >= 1 ? 0 : ((1 - b.tokens) / cfg.perSecond) * 1000;
      }),
      0,
    );
    if (wait > 0) this.tooMany(chatId, Math.max(1, Math.ceil(wait / 1000)));
  }
  /** The rate-limit buckets a send to this chat draws from (a token is taken only when it succeeds). */
  private buckets(chatId: number): [{ tokens: number; last: number }, Bucket][] {
    const o = this.env.opts;
    const now = this.now();
    const perChat =
      chatId < 0
        ? (o.groupLimit ?? { perSecond: 20 / 60, burst: 20 })
        : (o.perChatLimit ?? { perSecond: 1, burst: 3 });
    const global = o.globalLimit ?? { perSecond: 30, burst: 30 };
    const chat = this.chats.get(chatId);
    const out: [{ tokens: number; last: number }, Bucket][] = [];
    if (global) out.push([(this.globalBucket ??= { tokens: global.burst, last: now }), global]);
    if (perChat && chat)
      out.push([(chat.bucket ??= { tokens: perChat.burst, last: now }), perChat]);
    return out;
  }
  private tooMany(chatId: number | undefined, retryAfter: number): never {
    if (chatId !== undefined) this.chat(chatId).last429 = { at: this.now(), retryAfter };
    throw new ApiError(429, `Too Many Requests: retry after ${retryAfter}`, {
      retry_after: retryAfter,
    });
  }

  private knownChat(chatId: number | undefined): ChatState {
    if (chatId === undefined) throw bad('chat_id is empty');
    const c = this.chats.get(chatId);
    if (!c && this.env.opts.requireKnownChat !== false) throw bad('chat not found');
    const chat = c ?? this.chat(chatId);
    if (chat.blocked) throw new ApiError(403, 'Forbidden: bot was blocked by the user');
    return chat;
  }
  private markup(p: Params): { param?: unknown; inline?: unknown[][]; buttons: Button[] } {
    if (p.reply_markup === undefined) return { buttons: [] };
    const m = jsonParam(p.reply_markup, 'reply keyboard markup');
    if (!isObj(m)) throw bad("can't parse reply keyboard markup JSON object");
    if (m.inline_keyboard === undefined) return { param: m, buttons: [] };
    if (!Array.isArray(m.inline_keyboard) || !m.inline_keyboard.every(Array.isArray))
      throw bad('field "inline_keyboard" of the InlineKeyboardMarkup should be an Array of Arrays');
    const buttons: Button[] = [];
    for (const row of m.inline_keyboard as unknown[][])
      for (const b of row) {
        if (!isObj(b) || typeof b.text !== 'string')
          throw bad(
            "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard",
          );
        if (b.callback_data !== undefined) {
          const n = Buffer.byteLength(String(b.callback_data));
          if (typeof b.callback_data !== 'string' || n < 1 || n > 64)
            throw bad('BUTTON_DATA_INVALID');
        } else if (typeof b.url === 'string') {
          if (!/^(https?|tg):\/\/\S+$/.test(b.url)) throw bad('BUTTON_URL_INVALID');
        } else if (
          ![
            'web_app',
            'login_url',
            'switch_inline_query',
            'switch_inline_query_current_chat',
            'switch_inline_query_chosen_chat',
            'copy_text',
            'callback_game',
            'pay',
          ].some((k) => k in b)
        ) {
          throw bad(
            "can't parse inline keyboard button: InlineKeyboardButton must have exactly one optional field",
          );
        }
        buttons.push({
          text: b.text,
          ...(typeof b.callback_data === 'string' ? { callback_data: b.callback_data } : {}),
          ...(typeof b.url === 'string' ? { url: b.url } : {}),
        });
      }
    return { param: m, inline: m.inline_keyboard as unknown[][], buttons };
  }
  private botMessage(
    chat: ChatState,
    kind: BotMessage['kind'],
    fields: Record<string, unknown>,
    mk: ReturnType<FakeBot['markup']>,
    extra: Partial<BotMessage>,
  ): BotMessage {
    const raw = {
      message_id: chat.nextMessageId++,
      from: this.me(),
      chat: chat.info,
      date: Math.floor(this.now() / 1000),
      ...fields,
      ...(mk.inline ? { reply_markup: { inline_keyboard: mk.inline } } : {}),
    };
    const m: BotMessage = {
      kind,
      chat_id: Number(chat.info.id),
      message_id: raw.message_id,
      date: raw.date,
      buttons: mk.buttons,
      edits: 0,
      deleted: false,
      raw,
      ...(mk.param !== undefined ? { reply_markup: mk.param } : {}),
      ...extra,
    };
    chat.bot.push(m);
    chat.transcript.push({ from: 'bot', message: m });
    return m;
  }
  private me() {
    return { id: this.id, is_bot: true, first_name: 'Probis', username: this.username };
  }
  private caption(p: Params): string | undefined {
    const c = str(p.caption);
    if (c !== undefined && visible(c, str(p.parse_mode)).length > 1024)
      throw bad('message caption is too long');
    return c;
  }
  private editTarget(p: Params, chatId: number | undefined): BotMessage {
    if (p.inline_message_id !== undefined) throw bad('MESSAGE_ID_INVALID');
    const chat = this.knownChat(chatId);
    const id = int(p.message_id);
    if (id === undefined) throw bad('message identifier is not specified');
    const m = chat.bot.find((x) => x.message_id === id && !x.deleted);
    if (!m) throw bad(chat.user.has(id) ? "message can't be edited" : 'message to edit not found');
    return m;
  }

  private run(
    method: string,
    p: Params,
    files: Map<string, Upload>,
    chatId: number | undefined,
  ): [unknown, string?] {
    switch (method) {
      case 'getMe':
        return [
          {
            ...this.me(),
            can_join_groups: true,
            can_read_all_group_messages: false,
            supports_inline_queries: false,
            can_connect_to_business: false,
            has_main_web_app: false,
          },
        ];
      case 'setWebhook': {
        const url = str(p.url) ?? '';
        const secret = str(p.secret_token);
        if (url) {
          let u: URL;
          try {
            u = new URL(url);
          } catch {
            throw bad('bad webhook: Failed to resolve host: Name or service not known');
          }
          if (u.protocol !== 'https:')
            throw bad('bad webhook: An HTTPS URL must be provided for webhook');
          if (!['', '443', '80', '88', '8443'].includes(u.port))
            throw bad('bad webhook: Webhook can be set up only on ports 80, 88, 443 or 8443');
        }
        if (secret !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(secret))
          throw bad('secret token contains unallowed characters');
        if (bool(p.drop_pending_updates)) this.queue = [];
        const allowed = jsonParam(p.allowed_updates, 'allowed_updates');
        if (Array.isArray(allowed)) this.allowed = allowed.length ? allowed.map(String) : null;
        this.webhook = { url, secret, allowed: this.allowed ?? undefined, lastError: undefined };
        if (url && this.poller)
          this.conflict(this.poller, 'Conflict: terminated by setWebhook request');
        return [true, url ? 'Webhook was set' : 'Webhook was deleted'];
      }
      case 'deleteWebhook': {
        const had = this.webhook.url !== '';
        this.webhook = { url: '', secret: undefined, allowed: undefined, lastError: undefined };
        if (bool(p.drop_pending_updates)) this.queue = [];
        return [true, had ? 'Webhook was deleted' : 'Webhook is already deleted'];
      }
      case 'getWebhookInfo': {
        const w = this.webhook;
        return [
          {
            url: w.url,
            has_custom_certificate: false,
            pending_update_count: this.queue.length,
            ...(w.url ? { max_connections: 40, ip_address: '127.0.0.1' } : {}),
            ...(w.allowed ? { allowed_updates: w.allowed } : {}),
            ...(w.lastError
              ? { last_error_date: w.lastError.date, last_error_message: w.lastError.message }
              : {}),
          },
        ];
      }
      case 'sendMessage': {
        const chat = this.knownChat(chatId);
        const text = str(p.text) ?? '';
        const shown = visible(text, str(p.parse_mode));
        if (shown.trim().length === 0) throw bad('message text is empty');
        if (shown.length > 4096) throw bad('message is too long');
        const mk = this.markup(p);
        const pm = str(p.parse_mode);
        return [
          this.botMessage(chat, 'text', { text: shown }, mk, {
            text,
            ...(pm ? { parse_mode: pm } : {}),
          }).raw,
        ];
      }
      case 'sendPhoto': {
        const chat = this.knownChat(chatId);
        const caption = this.caption(p);
        const up = files.get('photo');
        let bytes: Uint8Array, width: number, height: number;
        if (up) {
          if (up.bytes.length > 10 * MB) throw bad('PHOTO_SAVE_FILE_INVALID');
          const size = imageSize(up.bytes);
          if (!size) throw bad('IMAGE_PROCESS_FAILED');
          ({ width, height } = size);
          if (width + height > 10000 || Math.max(width / height, height / width) > 20)
            throw bad('PHOTO_INVALID_DIMENSIONS');
          bytes = up.bytes;
        } else {
          const f = this.files.get(str(p.photo) ?? '');
          if (!f || f.kind !== 'photo')
            throw bad(
              p.photo === undefined
                ? 'there is no photo in the request'
                : 'wrong file identifier/HTTP URL specified',
            );
          ({ bytes } = f);
          width = f.width ?? 0;
          height = f.height ?? 0;
        }
        const mk = this.markup(p);
        const sizes = photoSizes(width, height, bytes.length);
        for (const s of sizes)
          this.files.set(s.file_id, { kind: 'photo', bytes, fileName: 'photo.jpg', width, height });
        const shown = caption === undefined ? undefined : visible(caption, str(p.parse_mode));
        return [
          this.botMessage(
            chat,
            'photo',
            { photo: sizes, ...(shown ? { caption: shown } : {}) },
            mk,
            {
              photo: bytes,
              photoSize: { width, height },
              ...(caption !== undefined ? { caption } : {}),
            },
          ).raw,
        ];
      }
      case 'sendDocument': {
        const chat = this.knownChat(chatId);
        const caption = this.caption(p);
        const up = files.get('document');
        let doc: { fileName: string; bytes: Uint8Array };
        if (up) {
          if (up.bytes.length > 50 * MB) throw new ApiError(413, 'Request Entity Too Large');
          if (up.bytes.length === 0) throw bad('file must be non-empty');
          doc = up;
        } else {
          const f = this.files.get(str(p.document) ?? '');
          if (!f)
            throw bad(
              p.document === undefined
                ? 'there is no document in the request'
                : 'wrong file identifier/HTTP URL specified',
            );
          doc = f;
        }
        const id = fileId('BQACAgUAAxkDAAI');
        this.files.set(id, { kind: 'document', ...doc });
        const mk = this.markup(p);
        const mimeType = mimeOf(doc.fileName);
        const document = {
          file_name: doc.fileName,
          mime_type: mimeType,
          file_id: id,
          file_unique_id: fileId('AgAD'),
          file_size: doc.bytes.length,
        };
        const shown = caption === undefined ? undefined : visible(caption, str(p.parse_mode));
        return [
          this.botMessage(
            chat,
            'document',
            { document, ...(shown ? { caption: shown } : {}) },
            mk,
            { document: { ...doc, mimeType }, ...(caption !== undefined ? { caption } : {}) },
          ).raw,
        ];
      }
      case 'editMessageText': {
        const m = this.editTarget(p, chatId);
        if (m.kind !== 'text') throw bad('there is no text in the message to edit');
        const text = str(p.text) ?? '';
        const shown = visible(text, str(p.parse_mode));
        if (shown.trim().length === 0) throw bad('message text is empty');
        if (shown.length > 4096) throw bad('message is too long');
        const mk = this.markup(p); // no reply_markup removes the inline keyboard, as on Telegram
        if (
          shown === m.raw.text &&
          JSON.stringify(mk.inline ?? null) === JSON.stringify(m.raw.reply_markup ?? null) &&
          (str(p.parse_mode) ?? '') === (m.parse_mode ?? '')
        )
          throw bad(
            'message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
          );
        return [this.applyEdit(m, { text: shown }, mk, { text, parse_mode: str(p.parse_mode) })];
      }
      case 'editMessageReplyMarkup': {
        const m = this.editTarget(p, chatId);
        const mk = this.markup(p);
        if (JSON.stringify(mk.inline ?? null) === JSON.stringify(m.raw.reply_markup ?? null))
          throw bad(
            'message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
          );
        return [this.applyEdit(m, {}, mk, {})];
      }
      case 'deleteMessage': {
        const chat = this.knownChat(chatId);
        const id = int(p.message_id);
        const m = chat.bot.find((x) => x.message_id === id && !x.deleted);
        if (!m) throw bad('message to delete not found');
        m.deleted = true;
        return [true];
      }
      case 'answerCallbackQuery': {
        const id = str(p.callback_query_id) ?? '';
        const cb = this.callbacks.get(id);
        if (!cb || !cb.delivered || cb.answer)
          throw bad('query is too old and response timeout expired or query ID is invalid');
        if ((str(p.text) ?? '').length > 200) throw bad('MESSAGE_TOO_LONG');
        cb.answer = {
          text: str(p.text),
          show_alert: bool(p.show_alert),
          url: str(p.url),
          at: this.now(),
        };
        return [true];
      }
      case 'setMyCommands': {
        const list = jsonParam(p.commands, 'commands');
        if (!Array.isArray(list)) throw bad('parameter "commands" must be an Array');
        if (list.length > 100) throw bad('too many commands');
        const cmds = list.map((c: unknown) => {
          if (!isObj(c)) throw bad("can't parse BotCommand");
          const command = str(c.command) ?? '';
          const description = str(c.description) ?? '';
          if (!/^[a-z0-9_]{1,32}$/.test(command)) throw bad('BOT_COMMAND_INVALID');
          if (description.trim().length < 1 || description.length > 256)
            throw bad('command description is empty');
          return { command, description };
        });
        const key = `${JSON.stringify(jsonParam(p.scope, 'scope') ?? { type: 'default' })}|${str(p.language_code) ?? ''}`;
        if (cmds.length) this.commandSets.set(key, cmds);
        else this.commandSets.delete(key);
        return [true];
      }
      case 'getMyCommands':
        return [
          this.commandSets.get(
            `${JSON.stringify(jsonParam(p.scope, 'scope') ?? { type: 'default' })}|${str(p.language_code) ?? ''}`,
          ) ?? [],
        ];
      case 'deleteMyCommands':
        this.commandSets.delete(
          `${JSON.stringify(jsonParam(p.scope, 'scope') ?? { type: 'default' })}|${str(p.language_code) ?? ''}`,
        );
        return [true];
      case 'sendChatAction': {
        const chat = this.knownChat(chatId);
        const action = str(p.action) ?? '';
        if (!CHAT_ACTIONS.has(action)) throw bad('wrong parameter action in request');
        chat.actions.push({ action, at: this.now() });
        return [true];
      }
      default:
        throw new ApiError(404, 'Not Found');
    }
  }
  private applyEdit(
    m: BotMessage,
    fields: Record<string, unknown>,
    mk: ReturnType<FakeBot['markup']>,
    extra: { text?: string; parse_mode?: string | undefined },
  ) {
    const raw: Record<string, unknown> = {
      ...m.raw,
      ...fields,
      edit_date: Math.floor(this.now() / 1000),
    };
    if (mk.inline) raw.reply_markup = { inline_keyboard: mk.inline };
    else delete raw.reply_markup;
    m.raw = raw;
    m.buttons = mk.buttons;
    m.reply_markup = mk.param;
    m.edits++;
    if (extra.text !== undefined) {
      m.text = extra.text;
      m.parse_mode = extra.parse_mode;
    }
    return raw;
  }

  // ---------- getUpdates ----------
  private getUpdates(p: Params, res: http.ServerResponse) {
    const entry: ApiCall = {
      method: 'getUpdates',
      params: { ...p },
      at: this.now(),
      status: 200,
      via: 'http',
    };
    this.log.push(entry);
    const fail = (code: number, description: string, parameters?: Record<string, unknown>) => {
      entry.status = code;
      entry.description = description;
      respond(res, code, {
        ok: false,
        error_code: code,
        description,
        ...(parameters ? { parameters } : {}),
      });
      this.notify();
    };
    try {
      this.gate('getUpdates', undefined);
    } catch (e) {
      if (e instanceof ApiError) return fail(e.code, e.description, e.parameters);
      throw e;
    }
    if (this.webhook.url)
      return fail(
        409,
        "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
      );
    if (this.poller)
      this.conflict(
        this.poller,
        'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
      );
    const offset = int(p.offset) ?? 0;
    const limit = Math.min(100, Math.max(1, int(p.limit) ?? 100));
    const timeout = Math.max(0, int(p.timeout) ?? 0);
    const allowed = jsonParam(p.allowed_updates, 'allowed_updates');
    if (Array.isArray(allowed)) this.allowed = allowed.length ? allowed.map(String) : null;
    if (offset > 0) {
      this.lastOffset = offset;
      this.queue = this.queue.filter((u) => u.update_id >= offset); // confirmed: gone forever
    } else if (offset < 0) {
      this.queue = this.queue.slice(offset); // the last -offset updates; all earlier ones are forgotten
    }
    const poller: Poller = { res, offset, limit, entry };
    if (this.queue.length > 0 || timeout === 0) return this.answerPoll(poller);
    this.poller = poller;
    poller.timer = setTimeout(
      () => this.answerPoll(poller),
      Math.min(timeout * 1000, this.env.opts.longPollMaxMs ?? 10_000),
    );
    res.on('close', () => {
      // the client went away (telegraf aborts the request on bot.stop())
      if (this.poller === poller) {
        clearTimeout(poller.timer);
        this.poller = undefined;
        poller.entry.status = 499;
        poller.entry.description = 'client closed the request';
        this.notify();
      }
    });
    this.notify();
  }
  private answerPoll(poller: Poller) {
    clearTimeout(poller.timer);
    if (this.poller === poller) this.poller = undefined;
    const updates = this.queue.slice(0, poller.limit);
    this.markDelivered(updates, 'poll');
    respond(poller.res, 200, { ok: true, result: updates });
    this.notify();
  }
  private conflict(poller: Poller, description: string) {
    clearTimeout(poller.timer);
    this.poller = undefined;
    poller.entry.status = 409;
    poller.entry.description = description;
    this.counters.conflicts++;
    respond(poller.res, 409, { ok: false, error_code: 409, description });
  }
  private markDelivered(updates: Update[], via: 'poll' | 'webhook') {
    for (const u of updates) {
      this.deliveryLog.push({ update_id: u.update_id, at: this.now(), via });
      if (isObj(u.callback_query)) {
        const cb = this.callbacks.get(String(u.callback_query.id));
        if (cb) cb.delivered = true;
      }
    }
  }
  /** @internal */
  shutdown() {
    if (this.poller) this.answerPoll(this.poller);
  }
}

function photoSizes(w: number, h: number, fileSize: number) {
  const sizes: {
    file_id: string;
    file_unique_id: string;
    file_size: number;
    width: number;
    height: number;
  }[] = [];
  const max = Math.max(w, h, 1);
  for (const side of [90, 320, 800, 1280, 2560]) {
    const last = side >= max || side === 2560;
    const k = last ? Math.min(1, 2560 / max) : side / max;
    sizes.push({
      file_id: fileId('AgACAgUAAxkDAAI'),
      file_unique_id: fileId('AQAD'),
      file_size: last ? fileSize : Math.round((fileSize * k * k) / 4),
      width: Math.round(w * k),
      height: Math.round(h * k),
    });
    if (last) break;
  }
  return sizes;
}

function describe(m: BotMessage): string {
  const body =
    m.kind === 'text'
      ? m.text
      : m.kind === 'photo'
        ? `[photo ${m.photoSize?.width}x${m.photoSize?.height}] ${m.caption ?? ''}`
        : `[document ${m.document?.fileName}] ${m.caption ?? ''}`;
  const buttons = m.buttons.length
    ? `  {${m.buttons.map((b) => `${b.text}${b.callback_data ? `→${b.callback_data}` : ''}`).join(' | ')}}`
    : '';
  return `#${m.message_id}${m.edits ? ` (edited ${m.edits}x)` : ''}${m.deleted ? ' (deleted)' : ''} ${body ?? ''}${buttons}`;
}

export interface FakeTelegram extends FakeBot {
  /** e.g. http://127.0.0.1:PORT — pass as `telegram: { apiRoot }`. */
  readonly apiRoot: string;
  /** The state of another bot token (created on first use, by the test or by a request). */
  bot(token: string): FakeBot;
  close(): Promise<void>;
}

export async function startFakeTelegram(opts: FakeTelegramOptions = {}): Promise<FakeTelegram> {
  const token = opts.token ?? '7000000001:AAFakeProbisTestToken_0123456789abcdef';
  if (!TOKEN_RE.test(token)) throw new Error(`startFakeTelegram: malformed token ${token}`);
  const env: Env = { opts: { ...opts, token }, now: opts.now ?? Date.now };
  const main = new FakeBot(token, env) as FakeBot & {
    apiRoot: string;
    bot(token: string): FakeBot;
    close(): Promise<void>;
  };
  const bots = new Map<string, FakeBot>([[token, main]]);
  const botFor = (t: string) => {
    let b = bots.get(t);
    if (!b) bots.set(t, (b = new FakeBot(t, env)));
    return b;
  };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const m = /^\/bot([^/]*)\/([A-Za-z]+)\/?$/.exec(url.pathname);
    if (!m) return void respond(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
    const t = decodeURIComponent(m[1]!);
    if (!TOKEN_RE.test(t))
      return void respond(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
    botFor(t)
      .handleHttp(m[2]!, req, res, url)
      .catch((e: unknown) =>
        respond(res, 500, {
          ok: false,
          error_code: 500,
          description: `fake-telegram bug: ${String(e)}`,
        }),
      );
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  main.apiRoot = `http://127.0.0.1:${port}`;
  main.bot = (t: string) => {
    if (!TOKEN_RE.test(t)) throw new Error(`malformed token ${t}`);
    return botFor(t);
  };
  main.close = () => {
    for (const b of bots.values()) b.shutdown();
    return new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  };
  return main;
}
