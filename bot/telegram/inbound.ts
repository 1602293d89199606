// Telegram updates to the engine's inputs: a pure converter, checked with zod at the boundary.
import { z } from 'zod';
import type { Input } from '../../core/interview/index.js';

const User = z.object({
  id: z.number().int(),
  is_bot: z.boolean().optional(),
  language_code: z.string().optional(),
});
const Chat = z.object({ id: z.number().int(), type: z.string() });
const Message = z.object({
  message_id: z.number().int(),
  chat: Chat,
  from: User.optional(),
  text: z.string().optional(),
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
const START = /^\/start(?:@\w+)?(?:\s+([\s\S]+?))?\s*$/;

export type TelegramInbound =
  | {
      kind: 'private';
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
  /** A message in a group: Probis works in private chats only. */
  | { kind: 'group'; updateKey: string; chatId: number; command: boolean }
  | { kind: 'ignore'; updateKey: string; reason: string };

export function fromTelegramUpdate(raw: unknown): TelegramInbound {
  const parsed = Update.safeParse(raw);
  const id = (raw as { update_id?: unknown })?.update_id;
  const updateKey = String(typeof id === 'number' ? id : 'invalid');
  if (!parsed.success) return { kind: 'ignore', updateKey, reason: 'unreadable' };
  const u = parsed.data;

  const cb = u.callback_query;
  if (cb) {
    const chat = cb.message?.chat;
    if (!chat || chat.type !== 'private')
      return { kind: 'ignore', updateKey, reason: 'callback-outside-private' };
    const button = parseButtonData(cb.data);
    return {
      kind: 'private',
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
  if (m.chat.type !== 'private')
    return { kind: 'group', updateKey, chatId: m.chat.id, command: !!m.text?.startsWith('/') };
  if (!m.from || m.from.is_bot) return { kind: 'ignore', updateKey, reason: 'no-sender' };
  const base = {
    kind: 'private' as const,
    updateKey,
    chatKey: `telegram:${m.chat.id}`,
    chatId: m.chat.id,
    telegramId: String(m.from.id),
  };

  if (edited) return { ...base, input: { kind: 'unsupported', what: 'edited' } };
  if (typeof m.text === 'string') {
    const start = START.exec(m.text.trim());
    if (start) {
      const token = start[1] ?? null;
      const malformed = token !== null && !/^[A-Za-z0-9_-]{1,64}$/.test(token);
      return {
        ...base,
        input: { kind: 'resume' },
        start: { token: malformed ? null : token, malformed },
      };
    }
    return { ...base, input: { kind: 'text', text: m.text } };
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
