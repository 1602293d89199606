// The fake Telegram Bot API driven by real telegraf: polling, webhooks, uploads, keyboards, limits.
import http from 'node:http';
import { deflateSync } from 'node:zlib';
import { existsSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { Markup, Telegraf, TelegramError } from 'telegraf';
import { message } from 'telegraf/filters';
import {
  imageSize,
  startFakeTelegram,
  type FakeBot,
  type FakeTelegram,
  type FakeTelegramOptions,
} from '../support/fake-telegram.js';
import { crc as crc32 } from '../renderers/png.js';

// ---------- a tiny PNG encoder (grayscale, 8 bit) ----------
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function png(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8);
  const raw = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) raw[y * (width + 1) + 1 + x] = (x * 7 + y * 13) & 0xff;
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    sig,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---------- harness ----------
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
async function fake(opts: FakeTelegramOptions = {}): Promise<FakeTelegram> {
  const f = await startFakeTelegram({ longPollMaxMs: 2000, ...opts });
  cleanups.push(() => f.close());
  return f;
}
function makeBot(f: FakeTelegram, token = f.token): Telegraf {
  return new Telegraf(token, { telegram: { apiRoot: f.apiRoot } });
}
/** bot.launch() resolves only when polling stops; wait until the first getUpdates is being held. */
async function launch(bot: Telegraf, state: FakeBot): Promise<{ running: Promise<void> }> {
  const running = bot.launch();
  running.catch(() => undefined); // observed by the test that cares
  await Promise.race([state.waitFor((s) => s.isPolling(), { what: 'polling started' }), running]);
  cleanups.push(async () => {
    try {
      bot.stop('cleanup');
    } catch {
      // already stopped
    }
    await running.catch(() => undefined);
  });
  return { running }; // not `return running`: an async function would adopt it and wait for the stop
}
const apiError = (description: string, code = 400) => ({
  code,
  description,
  response: { ok: false, error_code: code, description },
});

describe('fake Telegram with real telegraf', () => {
  it('polling echo bot: round trip, offset confirmed on stop', async () => {
    const f = await fake();
    const bot = makeBot(f);
    bot.on(message('text'), (ctx) => ctx.reply(`echo: ${ctx.message.text}`));
    const { running } = await launch(bot, f);
    const id = f.sendText(42, 'halo dunia');
    const m = await f.waitFor((s) => s.messages(42)[0], { chatId: 42 });
    expect(m).toMatchObject({
      kind: 'text',
      text: 'echo: halo dunia',
      chat_id: 42,
      message_id: 2,
      buttons: [],
    });
    expect(f.calls('getMe')).toHaveLength(1);
    expect(f.calls('deleteWebhook')).toHaveLength(1);
    expect(f.calls('sendMessage')[0]!.params).toMatchObject({
      chat_id: 42,
      text: 'echo: halo dunia',
    });
    bot.stop('test');
    await running;
    // telegraf confirms the last batch with a final getUpdates {offset, limit: 1} on stop
    expect(f.confirmedOffset()).toBe(id + 1);
    expect(f.pendingUpdates()).toEqual([]);
    expect(f.calls('getUpdates').at(-1)!.params).toMatchObject({ offset: id + 1, limit: 1 });
    expect(f.transcript(42)).toEqual(['user: halo dunia', 'bot:  #2 echo: halo dunia']);
  });

  it('getUpdates offsets: queue order, confirmed updates gone, negative offset', async () => {
    const f = await fake();
    const get = async (params: Record<string, unknown>) => {
      const r = await fetch(`${f.apiRoot}/bot${f.token}/getUpdates`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(params),
      });
      const body = (await r.json()) as { ok: boolean; result: { update_id: number }[] };
      return body.result.map((u) => u.update_id);
    };
    f.sendText(1, 'a', { update_id: 100 });
    f.sendText(1, 'b', { update_id: 50 });
    f.sendText(1, 'c', { update_id: 75 });
    expect(await get({ offset: 0 })).toEqual([100, 50, 75]); // insertion order, not sorted
    expect(await get({ offset: 0, limit: 2 })).toEqual([100, 50]);
    expect(await get({ offset: 76 })).toEqual([100]); // 50 and 75 confirmed
    expect(await get({ offset: 101 })).toEqual([]);
    expect(await get({ offset: 0 })).toEqual([]); // confirmed updates never come back
    const d = f.sendText(1, 'd'); // auto ids continue above the highest ever used
    expect(f.sendText(1, 'e')).toBe(d + 1);
    const last = f.sendText(1, 'f');
    expect(await get({ offset: -1 })).toEqual([last]);
    expect(await get({ offset: 0 })).toEqual([last]); // earlier ones forgotten
  });

  it('telegraf takes the offset from the LAST update of a batch, not the highest id', async () => {
    const f = await fake();
    f.sendText(3, 'first', { update_id: 900 });
    f.sendText(3, 'second', { update_id: 800 });
    const seen: number[] = [];
    const bot = makeBot(f);
    bot.on(message('text'), (ctx) => {
      seen.push(ctx.update.update_id);
    });
    await launch(bot, f);
    await f.waitFor((s) => s.confirmedOffset() === 901, { what: 'offset 901' });
    // batch [900, 800] → offset 801 → 900 is delivered again; then offset 901
    expect(seen).toEqual([900, 800, 900]);
    // an id queued below the bot's offset is confirmed away by its next getUpdates, never delivered
    f.sendText(3, 'late', { update_id: 10 });
    f.sendText(3, 'next', { update_id: 901 });
    await f.waitFor((s) => s.confirmedOffset() === 902);
    expect(seen).toEqual([900, 800, 900, 901]);
    expect(f.deliveries().map((d) => d.update_id)).not.toContain(10);
  });

  it('sendPhoto: multipart upload received intact; dimensions and caption enforced', async () => {
    const f = await fake();
    const image = png(64, 48);
    const bot = makeBot(f);
    bot.on(message('text'), (ctx) =>
      ctx.replyWithPhoto(
        { source: image },
        {
          caption: 'Peta proses',
          ...Markup.inlineKeyboard([Markup.button.callback('Unduh BPMN', 'dl:bpmn')]),
        },
      ),
    );
    await launch(bot, f);
    f.sendText(42, 'peta');
    const m = await f.waitFor((s) => s.messages(42)[0], { chatId: 42 });
    expect(m.kind).toBe('photo');
    expect(Buffer.from(m.photo!).equals(image)).toBe(true);
    expect(m).toMatchObject({
      caption: 'Peta proses',
      photoSize: { width: 64, height: 48 },
      buttons: [{ text: 'Unduh BPMN', callback_data: 'dl:bpmn' }],
    });
    // multipart from telegraf: every value a string part, reply_markup JSON-encoded, file part named "photo"
    expect(f.calls('sendPhoto')[0]!.params).toMatchObject({
      chat_id: '42',
      caption: 'Peta proses',
      photo: { fileName: 'photo.jpg', size: image.length },
    });
    expect(typeof f.calls('sendPhoto')[0]!.params.reply_markup).toBe('string');

    const repoPng = new URL('../../docs/images/renja-setda.png', import.meta.url);
    if (existsSync(repoPng)) {
      const bytes = readFileSync(repoPng);
      const sent = await bot.telegram.sendPhoto(42, { source: bytes, filename: 'renja.png' });
      const { width, height } = imageSize(bytes)!;
      expect(sent.photo.at(-1)).toMatchObject({
        width: Math.min(width, Math.round((width * 2560) / Math.max(width, height))),
      });
      expect(Buffer.from(f.messages(42).at(-1)!.photo!).equals(bytes)).toBe(true);
    }

    const tall = png(100, 12000);
    expect(imageSize(tall)).toEqual({ type: 'png', width: 100, height: 12000 });
    await expect(bot.telegram.sendPhoto(42, { source: tall })).rejects.toMatchObject(
      apiError('Bad Request: PHOTO_INVALID_DIMENSIONS'),
    );
    await expect(bot.telegram.sendPhoto(42, { source: png(30, 700) })).rejects.toMatchObject(
      apiError('Bad Request: PHOTO_INVALID_DIMENSIONS'),
    ); // ratio > 20
    await expect(
      bot.telegram.sendPhoto(42, { source: Buffer.from('not an image') }),
    ).rejects.toMatchObject(apiError('Bad Request: IMAGE_PROCESS_FAILED'));
    await expect(
      bot.telegram.sendPhoto(42, { source: image }, { caption: 'x'.repeat(1025) }),
    ).rejects.toMatchObject(apiError('Bad Request: message caption is too long'));
    // a file_id from an earlier upload can be sent again as JSON
    const again = await bot.telegram.sendPhoto(
      42,
      m.raw.photo ? (m.raw.photo as { file_id: string }[])[0]!.file_id : '',
    );
    expect(again.photo).toHaveLength(1);
  });

  it('sendDocument: file name, bytes and mime type recorded', async () => {
    const f = await fake();
    const bot = makeBot(f);
    const xml = Buffer.from('<?xml version="1.0"?><definitions/>\n\u0000\u00ff', 'latin1');
    bot.on(message('text'), (ctx) =>
      ctx.replyWithDocument({ source: xml, filename: 'peta-renja.bpmn' }, { caption: 'BPMN' }),
    );
    await launch(bot, f);
    f.sendText(9, 'bpmn');
    const m = await f.waitFor((s) => s.messages(9)[0]);
    expect(m.kind).toBe('document');
    expect(m.document!.fileName).toBe('peta-renja.bpmn');
    expect(m.document!.mimeType).toBe('application/xml');
    expect(Buffer.from(m.document!.bytes).equals(xml)).toBe(true);
    expect(m.raw.document).toMatchObject({ file_name: 'peta-renja.bpmn', file_size: xml.length });
    const noName = await bot.telegram.sendDocument(9, { source: Buffer.from('a,b\n1,2\n') });
    expect(noName.document.file_name).toBe('document.dat'); // telegraf's default name
  });

  it('inline keyboard: press, answerCbQuery, editMessageText', async () => {
    const f = await fake();
    const bot = makeBot(f);
    bot.command('start', (ctx) =>
      ctx.reply(
        'Apakah Anda pejabat struktural?',
        Markup.inlineKeyboard([
          Markup.button.callback('Ya', 'q1:yes'),
          Markup.button.callback('Tidak', 'q1:no'),
        ]),
      ),
    );
    bot.action(/^q1:(.+)$/, async (ctx) => {
      await ctx.answerCbQuery('Dicatat');
      await ctx.editMessageText(`Jawaban: ${ctx.match[1]}`);
    });
    await launch(bot, f);
    f.sendText(7, '/start');
    const q = await f.waitFor((s) => s.lastQuestion(7), { chatId: 7 });
    expect(q.buttons.map((b) => b.callback_data)).toEqual(['q1:yes', 'q1:no']);
    expect(() => f.pressButton(7, q.message_id, 'q1:maybe')).toThrow(/no button/);
    f.pressButton(7, q.message_id, 'q1:yes');
    const edited = await f.waitFor((s) => s.messages(7).find((m) => m.edits === 1), { chatId: 7 });
    expect(edited.text).toBe('Jawaban: yes');
    expect(edited.buttons).toEqual([]); // editMessageText without reply_markup removes the keyboard
    expect(f.lastQuestion(7)).toBeUndefined();
    const answers = f.callbackAnswers();
    expect(answers).toEqual([expect.objectContaining({ data: 'q1:yes', text: 'Dicatat' })]);
    // the same query cannot be answered twice; unchanged edits are refused
    await expect(bot.telegram.answerCbQuery(answers[0]!.callback_query_id)).rejects.toMatchObject(
      apiError('Bad Request: query is too old and response timeout expired or query ID is invalid'),
    );
    await expect(
      bot.telegram.editMessageText(7, q.message_id, undefined, 'Jawaban: yes'),
    ).rejects.toMatchObject({
      code: 400,
      description: expect.stringMatching(/^Bad Request: message is not modified/),
    });
    await expect(bot.telegram.editMessageText(7, 999, undefined, 'x')).rejects.toMatchObject(
      apiError('Bad Request: message to edit not found'),
    );
    await bot.telegram.editMessageReplyMarkup(
      7,
      q.message_id,
      undefined,
      Markup.inlineKeyboard([Markup.button.callback('Ubah', 'q1:edit')]).reply_markup,
    );
    expect(f.lastQuestion(7)!.buttons).toEqual([{ text: 'Ubah', callback_data: 'q1:edit' }]);
  });

  it('validation: callback_data bytes, text length, parse modes, unknown chat, unknown method', async () => {
    const f = await fake({ perChatLimit: false });
    const tg = makeBot(f).telegram;
    f.sendText(5, 'halo');
    const kb = (data: string) => Markup.inlineKeyboard([Markup.button.callback('x', data)]);
    await expect(tg.sendMessage(5, 'q', kb('a'.repeat(65)))).rejects.toMatchObject(
      apiError('Bad Request: BUTTON_DATA_INVALID'),
    );
    await expect(tg.sendMessage(5, 'q', kb('é'.repeat(33)))).rejects.toMatchObject(
      apiError('Bad Request: BUTTON_DATA_INVALID'),
    ); // 66 bytes
    await expect(tg.sendMessage(5, 'q', kb('a'.repeat(64)))).resolves.toMatchObject({ text: 'q' });
    await expect(tg.sendMessage(5, 'x'.repeat(4097))).rejects.toMatchObject(
      apiError('Bad Request: message is too long'),
    );
    await expect(tg.sendMessage(5, '😀'.repeat(2049))).rejects.toMatchObject(
      apiError('Bad Request: message is too long'),
    ); // UTF-16 units
    await expect(tg.sendMessage(5, '')).rejects.toMatchObject(
      apiError('Bad Request: message text is empty'),
    );
    await expect(
      tg.sendMessage(5, `<b>${'x'.repeat(4096)}</b>`, { parse_mode: 'HTML' }),
    ).resolves.toMatchObject({ text: 'x'.repeat(4096) });
    await expect(
      tg.sendMessage(5, 'Anggaran <5 juta', { parse_mode: 'HTML' }),
    ).rejects.toMatchObject({
      code: 400,
      description: expect.stringMatching(/^Bad Request: can't parse entities: /),
    });
    await expect(
      tg.sendMessage(5, 'Nama: Siti R. (Kabag)', { parse_mode: 'MarkdownV2' }),
    ).rejects.toMatchObject({
      code: 400,
      description:
        "Bad Request: can't parse entities: Character '.' is reserved and must be escaped with the preceding '\\'",
    });
    await expect(
      tg.sendMessage(5, '*Nama:* Siti R\\. \\(Kabag\\)', { parse_mode: 'MarkdownV2' }),
    ).resolves.toMatchObject({ text: 'Nama: Siti R. (Kabag)' });
    await expect(tg.sendMessage(77, 'siapa?')).rejects.toMatchObject(
      apiError('Bad Request: chat not found'),
    );
    await expect(tg.callApi('sendPoll' as 'getMe', {})).rejects.toMatchObject(
      apiError('Not Found', 404),
    );
    const bad = await fetch(`${f.apiRoot}/botnot-a-token/getMe`);
    expect(bad.status).toBe(401);
    expect(await bad.json()).toEqual({ ok: false, error_code: 401, description: 'Unauthorized' });
    f.blockBy(5);
    await expect(tg.sendMessage(5, 'halo')).rejects.toMatchObject(
      apiError('Forbidden: bot was blocked by the user', 403),
    );
  });

  it('setMyCommands recorded per scope and language; invalid commands refused', async () => {
    const f = await fake();
    const tg = makeBot(f).telegram;
    await tg.setMyCommands(
      [
        { command: 'start', description: 'Mulai wawancara' },
        { command: 'peta', description: 'Lihat peta proses' },
      ],
      { language_code: 'id' },
    );
    await tg.setMyCommands([{ command: 'start', description: 'Start' }]);
    expect(f.commands('id')).toEqual([
      { command: 'start', description: 'Mulai wawancara' },
      { command: 'peta', description: 'Lihat peta proses' },
    ]);
    expect(f.commands()).toEqual([{ command: 'start', description: 'Start' }]);
    expect(await tg.getMyCommands({ language_code: 'id' })).toHaveLength(2);
    await expect(tg.setMyCommands([{ command: 'Start', description: 'x' }])).rejects.toMatchObject(
      apiError('Bad Request: BOT_COMMAND_INVALID'),
    );
    await expect(
      tg.setMyCommands([{ command: 'x'.repeat(33), description: 'x' }]),
    ).rejects.toMatchObject(apiError('Bad Request: BOT_COMMAND_INVALID'));
  });

  it('429 injection: telegraf surfaces error_code 429 and retry_after; early retries are violations', async () => {
    let clock = 1_000_000;
    const f = await fake({ now: () => clock });
    const tg = makeBot(f).telegram;
    f.sendText(42, 'halo');
    f.failNext({ chatId: 42, count: 1, status: 429, retryAfter: 3 });
    const err = await tg.sendMessage(42, 'satu').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TelegramError);
    expect(err).toMatchObject({
      code: 429,
      parameters: { retry_after: 3 },
      response: {
        ok: false,
        error_code: 429,
        description: 'Too Many Requests: retry after 3',
        parameters: { retry_after: 3 },
      },
    });
    expect(f.last429(42)).toEqual({ at: 1_000_000, retryAfter: 3 });
    clock += 1000;
    await expect(tg.sendMessage(42, 'terlalu cepat')).rejects.toMatchObject({
      code: 429,
      parameters: { retry_after: 2 },
    });
    expect(f.violations()).toEqual([
      { chatId: 42, method: 'sendMessage', at: 1_001_000, allowedAt: 1_003_000 },
    ]);
    clock += 2000;
    await expect(tg.sendMessage(42, 'sekarang boleh')).resolves.toMatchObject({
      text: 'sekarang boleh',
    });
    expect(f.violations()).toHaveLength(1);
    // 5xx: telegraf throws with the HTTP status text as description (it never reads the body)
    f.failNext({ method: 'sendMessage', count: 1, status: 502 });
    await expect(tg.sendMessage(42, 'x')).rejects.toMatchObject({
      code: 502,
      description: 'Bad Gateway',
    });
    expect(f.stats()).toMatchObject({
      tooManyRequests: 2,
      faultsInjected: 2,
      calls: { sendMessage: 4 },
    });
  });

  it('rate limits: about 1/s per chat with a burst, 30/s per bot', async () => {
    let clock = 0;
    const f = await fake({ now: () => clock, perChatLimit: { perSecond: 1, burst: 3 } });
    const tg = makeBot(f).telegram;
    f.sendText(1, 'halo');
    for (let i = 0; i < 3; i++) await tg.sendMessage(1, `m${i}`);
    await expect(tg.sendMessage(1, 'm3')).rejects.toMatchObject({
      code: 429,
      parameters: { retry_after: 1 },
    });
    clock += 1000;
    await expect(tg.sendMessage(1, 'm4')).resolves.toBeTruthy();
    await expect(tg.sendMessage(1, 'm5')).rejects.toMatchObject({ code: 429 });

    let clock2 = 0;
    const g = await fake({ now: () => clock2, perChatLimit: false, requireKnownChat: false });
    const tg2 = makeBot(g).telegram;
    for (let chat = 1; chat <= 30; chat++) await tg2.sendMessage(chat, 'x');
    await expect(tg2.sendMessage(31, 'x')).rejects.toMatchObject({
      code: 429,
      parameters: { retry_after: 1 },
    });
    clock2 += 100; // 3 tokens back
    for (let i = 0; i < 3; i++) await tg2.sendMessage(32 + i, 'x');
    await expect(tg2.sendMessage(40, 'x')).rejects.toMatchObject({ code: 429 });
    expect(g.stats().tooManyRequests).toBe(2);
  });

  it('a second poller gets the first one 409; a throwing handler stops polling and loses the update', async () => {
    const f = await fake();
    const a = makeBot(f);
    const b = makeBot(f);
    const { running: runningA } = await launch(a, f);
    const polls = f.calls('getUpdates').length;
    const runningB = b.launch();
    runningB.catch(() => undefined);
    await expect(runningA).rejects.toMatchObject(
      apiError(
        'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
        409,
      ),
    );
    await f.waitFor((s) => s.isPolling() && s.calls('getUpdates').length > polls);
    b.stop('test');
    await runningB;

    const c = makeBot(f);
    const boom = new Error('handler failed');
    c.on(message('text'), () => {
      throw boom;
    });
    c.catch((err) => {
      throw err; // like the default handler, without process.exitCode and console noise
    });
    const { running: runningC } = await launch(c, f);
    const id = f.sendText(8, 'akan hilang');
    await expect(runningC).rejects.toBe(boom);
    await f.waitFor((s) => s.confirmedOffset() === id + 1);
    expect(f.pendingUpdates()).toEqual([]); // confirmed on the way out: lost
  });

  it('webhook: setWebhook with secret, getUpdates 409, delivery with header, webhook reply', async () => {
    const f = await fake();
    const bot = makeBot(f);
    bot.on(message('text'), (ctx) => ctx.reply(`diterima: ${ctx.message.text}`));
    bot.action('ok', (ctx) => ctx.answerCbQuery('Terima kasih')); // answered inside the HTTP response
    const headers: http.IncomingHttpHeaders[] = [];
    const callback = bot.webhookCallback('/tg/hook', { secretToken: 'rahasia_123' });
    const server = http.createServer((req, res) => {
      headers.push(req.headers);
      void callback(req, res);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    cleanups.push(() => new Promise<void>((r) => server.close(() => r())));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    await expect(
      bot.telegram.setWebhook('http://probis.example.test/tg/hook'),
    ).rejects.toMatchObject(
      apiError('Bad Request: bad webhook: An HTTPS URL must be provided for webhook'),
    );
    await bot.telegram.setWebhook('https://probis.example.test/tg/hook', {
      secret_token: 'rahasia_123',
    });
    expect(f.webhookInfo()).toMatchObject({
      url: 'https://probis.example.test/tg/hook',
      secret: 'rahasia_123',
    });
    await expect(bot.telegram.getUpdates(0, 100, 0, undefined)).rejects.toMatchObject({
      code: 409,
      description: expect.stringContaining("can't use getUpdates method while webhook is active"),
    });

    f.sendText(5, 'halo');
    expect((await bot.telegram.getWebhookInfo()).pending_update_count).toBe(1);
    await expect(f.deliverWebhook(undefined, { origin, secretToken: 'salah' })).resolves.toBe(403);
    expect(f.pendingUpdates()).toHaveLength(1); // not accepted, stays queued
    expect((await bot.telegram.getWebhookInfo()).last_error_message).toBe(
      'Wrong response from the webhook: 403 Forbidden',
    );
    expect(await f.flushWebhook({ origin })).toEqual([200]);
    expect(headers.at(-1)!['x-telegram-bot-api-secret-token']).toBe('rahasia_123');
    expect(f.messages(5)[0]!.text).toBe('diterima: halo');
    expect(f.pendingUpdates()).toEqual([]);

    const q = await bot.telegram.sendMessage(
      5,
      'Setuju?',
      Markup.inlineKeyboard([Markup.button.callback('OK', 'ok')]),
    );
    f.pressButton(5, q.message_id, 'ok');
    expect(await f.deliverWebhook(undefined, { origin })).toBe(200);
    expect(f.callbackAnswers()).toEqual([
      expect.objectContaining({ data: 'ok', text: 'Terima kasih' }),
    ]);
    expect(f.calls('answerCallbackQuery')[0]!.via).toBe('webhook-reply');
    await expect(f.deliverWebhook({ update_id: 1, message: {} })).rejects.toThrow(
      /refusing to POST/,
    );

    await bot.telegram.deleteWebhook();
    expect(await bot.telegram.getUpdates(0, 100, 0, undefined)).toEqual([]);
  });

  it('other update kinds, group chats, separate bots per token, waitFor timeout message', async () => {
    const f = await fake();
    f.sendText(11, 'pertama');
    const userMsgId = (f.pendingUpdates()[0]!.message as { message_id: number }).message_id;
    f.sendEdited(11, userMsgId, 'pertama (diperbaiki)');
    f.sendPhotoFromUser(11, { caption: 'bagan' });
    f.sendSticker(11);
    f.sendVoice(11);
    f.sendLocation(11);
    f.sendGroupText(-100200, 11, '/start@probis_test_bot');
    f.queueRaw({ my_chat_member: { chat: { id: 11, type: 'private' } } });
    const kinds = f.pendingUpdates().map((u) => Object.keys(u).find((k) => k !== 'update_id'));
    expect(kinds).toEqual([
      'message',
      'edited_message',
      'message',
      'message',
      'message',
      'message',
      'message',
      'my_chat_member',
    ]);
    expect(f.pendingUpdates()[6]!.message).toMatchObject({
      chat: { id: -100200, type: 'group' },
      from: { id: 11, language_code: 'id' },
      entities: [{ type: 'bot_command', length: 22 }],
    });

    const other = f.bot('8000000002:OtherToken');
    const tg2 = makeBot(f, other.token).telegram;
    expect(await tg2.getMe()).toMatchObject({ id: 8000000002, is_bot: true });
    expect(await tg2.getUpdates(0, 100, 0, undefined)).toEqual([]); // its own queue
    await tg2.sendChatAction(11, 'typing').catch(() => undefined); // chat 11 unknown to bot 2
    expect(other.calls('sendChatAction')[0]!.status).toBe(400);
    await makeBot(f).telegram.sendChatAction(11, 'typing');
    expect(f.chatActions(11)).toHaveLength(1);

    await expect(
      f.waitFor((s) => s.messages(11).length > 0, { timeoutMs: 50, chatId: 11 }),
    ).rejects.toThrow(/timed out after 50 ms\nchat 11:\n {2}user: pertama/);
  });
});
