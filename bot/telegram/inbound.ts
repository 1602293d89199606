// Telegram updates to the engine's inputs: a pure converter, checked with zod at the boundary.
import { z } from 'zod';
import type { Input } from '../../core/interview/index.js';

const User = z.object({
  id: z.number().int(),
  is_bot: z.boolean().optional(),
  username: z.string().optional(),
  language_code: z.string().optional(),
});
const Chat = z.object({ id: z.number().int(), type: z.string() });
const ChatMember = z.object({ status: z.string(), user: User });
const Message = z.object({
  message_id: z.number().int(),
  chat: Chat,
  from: User.optional(),
  text: z.string().optional(),
  /** The message answered: a bare command replying to the bot's message is addressed to it. */
  reply_to_message: z.object({ from: User.optional() }).optional(),
  photo: z.array(z.unknown()).optional(),
  sticker: z.unknown().optional(),
  voice: z.unknown().optional(),
  audio: z.unknown().optional(),
  video: z.unknown().optional(),
  video_note: z.unknown().optional(),
  animation: z.unknown().optional(),
  location: z.unknown().optional(),
  contact: z.unknown().optional(),
  document: z.unknown().optional(),
});
const Update = z.object({
  update_id: z.number().int(),
  message: Message.optional(),
  edited_message: Message.optional(),
  callback_query: z
    .object({
      id: z.string(),
      from: User,
      data: z.string().optional(),
      message: z
        .object({
          message_id: z.number().int(),
          chat: Chat,
          text: z.string().optional(),
          reply_markup: z
            .object({
              inline_keyboard: z.array(
                z.array(z.object({ text: z.string(), callback_data: z.string().optional() })),
              ),
            })
            .optional(),
        })
        .optional(),
    })
    .optional(),
  /** The bot's own membership of a chat: in a private chat, "kicked" when the person blocks it. */
  my_chat_member: z
    .object({
      chat: Chat,
      from: User,
      date: z.number().int(),
      old_chat_member: ChatMember,
      new_chat_member: ChatMember,
    })
    .optional(),
});

/** Callback data of our buttons: "<revision>:<choice index>". */
export function buttonData(rev: number, index: number): string {
  return `${rev}:${index}`;
}

function parseButtonData(data: string | undefined): { rev: number; index: number } | null {
  const m = /^(\d{1,12}):(\d{1,3})$/.exec(data ?? '');
  return m ? { rev: Number(m[1]), index: Number(m[2]) } : null;
}

/** The start payload of a deep link t.me/<bot>?start=<token>: 1-64 of [A-Za-z0-9_-]. */
const START = /^\/start(?:\s+([\s\S]+?))?\s*$/;
/** A command at the start of a message, with the bot it is addressed to: "/start@ProbisBot". */
const COMMAND = /^\/([A-Za-z0-9_]{1,32})(?:@([A-Za-z0-9_]{1,64}))?(?=\s|$)/;

/** What the converter needs to know about the bot itself. */
export type TelegramBotInfo = {
  /** The bot's username (getMe), without "@"; null before it is known. */
  username: string | null;
};

export type TelegramInbound =
  | {
      kind: 'private';
      updateId: number;
      updateKey: string;
      chatKey: string;
      chatId: number;
      telegramId: string;
      input: Input;
      /** /start, with the deep-link payload if any (null when absent; 'invalid' when malformed). */
      start?: { token: string | null; malformed: boolean };
      /** A button press: to acknowledge, and to close the buttons of the message it came from. */
      callback?: {
        id: string;
        messageId: number | null;
        messageText: string | null;
        label: string | null;
      };
    }
  /** A command addressed to this bot in a group: Probis works in private chats only. */
  | { kind: 'group-command'; updateId: number; updateKey: string; chatId: number }
  /** The person blocked the bot (unreachable) or came back (reachable), in a private chat. */
  | {
      kind: 'membership';
      updateId: number;
      updateKey: string;
      chatId: number;
      accountId: string;
      reachable: boolean;
      at: Date;
    }
  | { kind: 'ignore'; updateKey: string; reason: string };

/** Member statuses in which the bot can write to the person. */
const REACHABLE = new Set(['member', 'administrator', 'creator']);

/**
 * The command at the start of `text` and whether it is addressed to this bot: "/cmd@ThisBot" is,
 * "/cmd@OtherBot" is not, and a bare "/cmd" is only where the chat leaves no doubt (a private
 * chat, or a reply to the bot's own message). Null when the text is no command.
 */
export function commandOf(
  text: string,
  bot: TelegramBotInfo,
  bareIsOurs: boolean,
): { command: string; ours: boolean; mentioned: boolean; rest: string } | null {
  const m = COMMAND.exec(text);
  if (!m) return null;
  const mention = m[2];
  const ours =
    mention === undefined
      ? bareIsOurs
      : bot.username !== null && mention.toLowerCase() === bot.username.toLowerCase();
  return { command: m[1]!, ours, mentioned: mention !== undefined, rest: text.slice(m[0].length) };
}

export function fromTelegramUpdate(raw: unknown, bot: TelegramBotInfo): TelegramInbound {
  const parsed = Update.safeParse(raw);
  const id = (raw as { update_id?: unknown })?.update_id;
  const updateKey = String(typeof id === 'number' ? id : 'invalid');
  if (!parsed.success) return { kind: 'ignore', updateKey, reason: 'unreadable' };
  const u = parsed.data;
  const updateId = u.update_id;

  const member = u.my_chat_member;
  if (member) {
    if (member.chat.type !== 'private')
      return { kind: 'ignore', updateKey, reason: 'membership-outside-private' };
    return {
      kind: 'membership',
      updateId,
      updateKey,
      chatId: member.chat.id,
      // In a private chat, the chat's id is the person's.
      accountId: String(member.chat.id),
      reachable: REACHABLE.has(member.new_chat_member.status),
      at: new Date(member.date * 1000),
    };
  }

  const cb = u.callback_query;
  if (cb) {
    const chat = cb.message?.chat;
    if (!chat || chat.type !== 'private')
      return { kind: 'ignore', updateKey, reason: 'callback-outside-private' };
    const button = parseButtonData(cb.data);
    return {
      kind: 'private',
      updateId,
      updateKey,
      chatKey: `telegram:${chat.id}`,
      chatId: chat.id,
      telegramId: String(cb.from.id),
      // Data that is not ours (forged, or from an old version) is a stale button: index -1.
      input: button
        ? { kind: 'button', rev: button.rev, index: button.index }
        : { kind: 'button', rev: -1, index: -1 },
      callback: {
        id: cb.id,
        messageId: cb.message?.message_id ?? null,
        messageText: cb.message?.text ?? null,
        label:
          cb.message?.reply_markup?.inline_keyboard.flat().find((b) => b.callback_data === cb.data)
            ?.text ?? null,
      },
    };
  }

  const edited = u.edited_message;
  const m = u.message ?? edited;
  if (!m) return { kind: 'ignore', updateKey, reason: 'unsupported-update' };
  if (m.chat.type !== 'private') {
    if (edited || typeof m.text !== 'string')
      return { kind: 'ignore', updateKey, reason: 'group-message' };
    // A bare command in a group is ours only when it answers one of our messages.
    const repliesToUs =
      bot.username !== null &&
      m.reply_to_message?.from?.username?.toLowerCase() === bot.username.toLowerCase();
    const c = commandOf(m.text, bot, repliesToUs);
    if (!c) return { kind: 'ignore', updateKey, reason: 'group-message' };
    if (!c.ours) return { kind: 'ignore', updateKey, reason: 'group-command-not-ours' };
    return { kind: 'group-command', updateId, updateKey, chatId: m.chat.id };
  }
  if (!m.from || m.from.is_bot) return { kind: 'ignore', updateKey, reason: 'no-sender' };
  const base = {
    kind: 'private' as const,
    updateId,
    updateKey,
    chatKey: `telegram:${m.chat.id}`,
    chatId: m.chat.id,
    telegramId: String(m.from.id),
  };

  if (edited) return { ...base, input: { kind: 'unsupported', what: 'edited' } };
  if (typeof m.text === 'string') {
    const c = commandOf(m.text.trim(), bot, true);
    // "/status@ThisBot" (as a client sends it from a command menu) is "/status"; a command for
    // another bot stays as typed, and the interview names it unknown.
    const text = c?.ours && c.mentioned ? `/${c.command}${c.rest}` : m.text;
    const start = c?.ours ? START.exec(`/${c.command}${c.rest}`) : null;
    if (start) {
      const token = start[1] ?? null;
      const malformed = token !== null && !/^[A-Za-z0-9_-]{1,64}$/.test(token);
      return {
        ...base,
        input: { kind: 'resume' },
        start: { token: malformed ? null : token, malformed },
      };
    }
    return { ...base, input: { kind: 'text', text } };
  }
  const what = m.photo
    ? 'photo'
    : m.sticker
      ? 'sticker'
      : m.voice || m.audio
        ? 'voice'
        : m.location
          ? 'location'
          : m.document
            ? 'document'
            : 'other';
  return { ...base, input: { kind: 'unsupported', what } };
}
