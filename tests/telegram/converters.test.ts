// Telegram's two converters as tables: an update's JSON in, the channel's inbound out; the
// engine's messages in, sendMessage's parameters out. And the round trip: every button Probis
// sends comes back, pressed, as the choice it stands for.
import { describe, expect, it } from 'vitest';
import type { Outbound } from '../../core/interview/index.js';
import {
  type TelegramBotInfo,
  type TelegramInbound,
  fromTelegramUpdate,
} from '../../bot/telegram/inbound.js';
import {
  answeredText,
  keyboardFor,
  mapAsText,
  pageCaption,
  toSendMessage,
} from '../../bot/telegram/outbound.js';

const BOT: TelegramBotInfo = { username: 'ProbisBot' };
const PERSON = { id: 700, is_bot: false, first_name: 'Rina', language_code: 'id' };
const CHAT = { id: 700, type: 'private', first_name: 'Rina' };
const GROUP = { id: -500, type: 'group', title: 'Grup' };

const message = (fields: Record<string, unknown>, chat: object = CHAT) => ({
  update_id: 41,
  message: { message_id: 9, date: 1_700_000_000, chat, from: PERSON, ...fields },
});
const text = (t: string, chat: object = CHAT) => message({ text: t }, chat);
const membership = (status: string, chat: object = CHAT) => ({
  update_id: 42,
  my_chat_member: {
    chat,
    from: PERSON,
    date: 1_700_000_100,
    old_chat_member: { status: status === 'kicked' ? 'member' : 'kicked', user: BOT_USER },
    new_chat_member: { status, user: BOT_USER },
  },
});
const BOT_USER = { id: 1, is_bot: true, first_name: 'Probis', username: 'ProbisBot' };
const question = (choices: string[], extra: Partial<Outbound> = {}) =>
  ({
    kind: 'question',
    questionId: 'q',
    rev: 12,
    text: 'Pilih satu.',
    choices: choices.map((label, i) => ({ id: `c${i}`, label })),
    optional: false,
    ...extra,
  }) as Extract<Outbound, { kind: 'question' }>;
const press = (data: string, chat: object = CHAT) => ({
  update_id: 43,
  callback_query: {
    id: 'cb1',
    from: PERSON,
    chat_instance: '-1',
    data,
    message: {
      message_id: 5,
      date: 0,
      chat,
      text: 'Pilih satu.',
      reply_markup: { inline_keyboard: [[{ text: 'Inti', callback_data: '12:0' }]] },
    },
  },
});

const PRIVATE = {
  kind: 'private',
  updateKey: '41',
  updateId: 41,
  chatKey: 'telegram:700',
  chatId: 700,
  telegramId: '700',
} as const;

describe('Telegram inbound: update JSON to what the channel does', () => {
  const rows: [string, unknown, TelegramInbound][] = [
    [
      'a text',
      text('Penyusunan Renja'),
      { ...PRIVATE, input: { kind: 'text', text: 'Penyusunan Renja' } },
    ],
    [
      '/start with an invitation',
      text('/start abc_DEF-12'),
      { ...PRIVATE, input: { kind: 'resume' }, start: { token: 'abc_DEF-12', malformed: false } },
    ],
    [
      '/start without one',
      text('/start'),
      { ...PRIVATE, input: { kind: 'resume' }, start: { token: null, malformed: false } },
    ],
    [
      '/start with a malformed token',
      text('/start <script>'),
      { ...PRIVATE, input: { kind: 'resume' }, start: { token: null, malformed: true } },
    ],
    [
      '/start@ThisBot with an invitation (the name in any case)',
      text('/start@probisbot abc'),
      { ...PRIVATE, input: { kind: 'resume' }, start: { token: 'abc', malformed: false } },
    ],
    [
      "/status@ThisBot: the bot's name dropped",
      text('/status@ProbisBot'),
      { ...PRIVATE, input: { kind: 'text', text: '/status' } },
    ],
    [
      '/start@OtherBot in a private chat: text, not an invitation',
      text('/start@OtherBot abc'),
      { ...PRIVATE, input: { kind: 'text', text: '/start@OtherBot abc' } },
    ],
    [
      'an edited message',
      { update_id: 41, edited_message: text('x').message },
      { ...PRIVATE, input: { kind: 'unsupported', what: 'edited' } },
    ],
    [
      'a photo',
      message({ photo: [{}] }),
      { ...PRIVATE, input: { kind: 'unsupported', what: 'photo' } },
    ],
    [
      'a sticker',
      message({ sticker: {} }),
      { ...PRIVATE, input: { kind: 'unsupported', what: 'sticker' } },
    ],
    [
      'a voice note',
      message({ voice: {} }),
      { ...PRIVATE, input: { kind: 'unsupported', what: 'voice' } },
    ],
    [
      'a location',
      message({ location: {} }),
      { ...PRIVATE, input: { kind: 'unsupported', what: 'location' } },
    ],
    [
      'a document',
      message({ document: {} }),
      { ...PRIVATE, input: { kind: 'unsupported', what: 'document' } },
    ],
    [
      'a button of ours',
      press('12:0'),
      {
        ...PRIVATE,
        updateKey: '43',
        updateId: 43,
        input: { kind: 'button', rev: 12, index: 0 },
        callback: { id: 'cb1', messageId: 5, messageText: 'Pilih satu.', label: 'Inti' },
      },
    ],
    [
      'forged button data: a stale button',
      press('DROP TABLE'),
      {
        ...PRIVATE,
        updateKey: '43',
        updateId: 43,
        input: { kind: 'button', rev: -1, index: -1 },
        callback: { id: 'cb1', messageId: 5, messageText: 'Pilih satu.', label: null },
      },
    ],
    [
      'a button in a group',
      press('12:0', GROUP),
      { kind: 'ignore', updateKey: '43', reason: 'callback-outside-private' },
    ],
    [
      'the person blocks the bot',
      membership('kicked'),
      {
        kind: 'membership',
        updateKey: '42',
        updateId: 42,
        chatId: 700,
        accountId: '700',
        reachable: false,
        at: new Date(1_700_000_100_000),
      },
    ],
    [
      'the person comes back',
      membership('member'),
      {
        kind: 'membership',
        updateKey: '42',
        updateId: 42,
        chatId: 700,
        accountId: '700',
        reachable: true,
        at: new Date(1_700_000_100_000),
      },
    ],
    [
      'the bot removed from a group',
      membership('left', GROUP),
      { kind: 'ignore', updateKey: '42', reason: 'membership-outside-private' },
    ],
    [
      '/start@ThisBot in a group',
      text('/start@ProbisBot', GROUP),
      { kind: 'group-command', updateKey: '41', updateId: 41, chatId: -500 },
    ],
    [
      '/start@OtherBot in a group',
      text('/start@OtherBot', GROUP),
      { kind: 'ignore', updateKey: '41', reason: 'group-command-not-ours' },
    ],
    [
      'a bare /start in a group',
      text('/start', GROUP),
      { kind: 'ignore', updateKey: '41', reason: 'group-command-not-ours' },
    ],
    [
      "a bare /start in a group, replying to the bot's message",
      message({ text: '/start', reply_to_message: { from: BOT_USER } }, GROUP),
      { kind: 'group-command', updateKey: '41', updateId: 41, chatId: -500 },
    ],
    [
      'a bare /start in a group, replying to someone else',
      message({ text: '/start', reply_to_message: { from: PERSON } }, GROUP),
      { kind: 'ignore', updateKey: '41', reason: 'group-command-not-ours' },
    ],
    [
      'talk in a group',
      text('Selamat pagi', GROUP),
      { kind: 'ignore', updateKey: '41', reason: 'group-message' },
    ],
    [
      'a message from a bot',
      message({ text: 'x', from: { ...BOT_USER, id: 9 } }),
      { kind: 'ignore', updateKey: '41', reason: 'no-sender' },
    ],
    [
      'an update Probis does not handle',
      { update_id: 44, poll: {} },
      { kind: 'ignore', updateKey: '44', reason: 'unsupported-update' },
    ],
    [
      'not an update',
      { message: 'x' },
      { kind: 'ignore', updateKey: 'invalid', reason: 'unreadable' },
    ],
  ];
  it.each(rows)('%s', (_name, update, expected) => {
    expect(fromTelegramUpdate(update, BOT)).toEqual(expected);
  });

  it('before the bot knows its name, a command naming any bot is not ours', () => {
    expect(fromTelegramUpdate(text('/start@ProbisBot', GROUP), { username: null })).toMatchObject({
      kind: 'ignore',
    });
  });
});

describe("Telegram outbound: the engine's messages to sendMessage's parameters", () => {
  const long = 'Unit/pihak lain di luar unit saya';
  const rows: [string, Extract<Outbound, { kind: 'text' | 'question' }>, unknown][] = [
    [
      'a text: plain, no parse mode',
      { kind: 'text', text: '<b>Renja</b> *1*' },
      { text: '<b>Renja</b> *1*' },
    ],
    ['a question without choices: no keyboard', question([]), { text: 'Pilih satu.' }],
    [
      'short labels two to a row, data "<rev>:<index>"',
      question(['Inti', 'Pendukung', 'Manajemen']),
      {
        text: 'Pilih satu.',
        reply_markup: {
          inline_keyboard: [
            [
              { text: 'Inti', callback_data: '12:0' },
              { text: 'Pendukung', callback_data: '12:1' },
            ],
            [{ text: 'Manajemen', callback_data: '12:2' }],
          ],
        },
      },
    ],
    [
      'a label over 18 characters alone on its row',
      question(['Saya', long, 'Lewati']),
      {
        text: 'Pilih satu.',
        reply_markup: {
          inline_keyboard: [
            [{ text: 'Saya', callback_data: '12:0' }],
            [{ text: long, callback_data: '12:1' }],
            [{ text: 'Lewati', callback_data: '12:2' }],
          ],
        },
      },
    ],
  ];
  it.each(rows)('%s', (_name, m, expected) => {
    expect(toSendMessage(m)).toEqual(expected);
  });

  it('a question longer than a message is cut at the first part', () => {
    const q = question(['Ya'], { text: `${'kata '.repeat(1000)}\n${'lagi '.repeat(1000)}` });
    expect(toSendMessage(q).text.length).toBeLessThanOrEqual(4096);
  });

  it.each([
    ['one page', 'Peta 03.01', 0, 1, 'Peta 03.01'],
    ['page 2 of 3', 'Peta 03.01', 1, 3, 'Peta 03.01 (hal. 2/3)'],
    ['a caption cut to 1024', 'x'.repeat(2000), 0, 1, 'x'.repeat(1024)],
  ])('a map page caption: %s', (_n, caption, i, pages, expected) => {
    expect(pageCaption(caption as string, i as number, pages as number)).toBe(expected);
  });

  it('a map without pictures: caption and outline, cut to 4096', () => {
    const m = { kind: 'map', processId: 'p', caption: 'Peta', outline: '1. A' } as const;
    expect(mapAsText(m)).toBe('Peta\n\n1. A');
    expect(mapAsText({ ...m, outline: 'y'.repeat(5000) })).toHaveLength(4096);
  });

  it('an answered question shows the choice made', () => {
    expect(answeredText('Pilih satu.', 'Inti')).toBe('Pilih satu.\n\n✓ Inti');
    expect(answeredText('z'.repeat(4095), 'Inti').length).toBeLessThanOrEqual(4096);
  });
});

describe('both ways: a button sent comes back as its choice', () => {
  it.each([
    ['three choices', question(['Inti', 'Pendukung', 'Manajemen'])],
    [
      'lettered choices at a high revision',
      question(['a', 'b', 'c', 'd', 'e'], { rev: 987_654_321_012, numbering: 'letters' }),
    ],
  ])('%s', (_name, q) => {
    const buttons = keyboardFor(q)!.inline_keyboard.flat();
    expect(buttons.map((b) => b.text)).toEqual(q.choices.map((c) => c.label));
    buttons.forEach((b, index) => {
      expect(Buffer.byteLength(b.callback_data)).toBeLessThanOrEqual(64);
      const back = fromTelegramUpdate(press(b.callback_data), BOT);
      expect(back).toMatchObject({ kind: 'private', input: { kind: 'button', rev: q.rev, index } });
    });
  });
});
