// Delivery that holds: duplicates, bursts, many chats at once, a restart, 429s and webhooks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listProcesses, loadInterview } from '../../db/index.js';
import { addStaff, staff } from '../support/app.js';
import { type TelegramHarness, telegramHarness, until } from '../support/telegram.js';
import { renjaTranscript, renjaWorld } from '../support/renja.js';
import { canonical } from '../support/scenario.js';

/** A short interview: a process of three pasted steps, confirmed. */
function shortInterview(name: string) {
  return [
    { press: 'Proses baru' },
    { say: name },
    { press: 'Inti' },
    { press: 'Lewati' },
    { say: 'Bappeda' },
    { say: 'Surat permohonan' },
    { press: 'Tidak' },
    { say: 'Surat balasan' },
    { say: 'Bappeda' },
    { press: 'Tidak' },
    { press: 'Lewati' },
    { say: 'Menerima surat\nMemeriksa surat\nMengirim surat balasan' },
    { say: 'ya' }, // "Saya catat 3 langkah: ... Betul?"
    ...[1, 2, 3].flatMap(() => [{ press: 'Saya' }, { press: 'Lewati' }, { press: 'Lewati' }]),
    { press: 'Selesai' },
    { say: '1 jam\n1 jam\n1 jam' }, // the waktu of all steps
    { press: 'Sudah benar' },
  ] as ({ press: string } | { say: string })[];
}

describe('Telegram delivery', () => {
  let h: TelegramHarness;
  beforeAll(async () => {
    h = await telegramHarness('postgres');
  });
  afterAll(async () => h?.close());

  it('applies an update delivered twice only once', async () => {
    const rina = h.user(3001);
    await rina.start(await h.invite('rina'));
    const update = h.fake.sendText(3001, 'Proses baru');
    await rina.settled(update);
    const before = await loadInterview(h.t.app.database.db, 'telegram:3001');
    const sentBefore = h.fake.messages(3001).length;
    const raw = {
      update_id: update,
      message: {
        message_id: 999,
        date: 0,
        chat: { id: 3001, type: 'private' },
        from: { id: 3001, is_bot: false, first_name: 'R' },
        text: 'Proses baru',
      },
    };
    await rina.settled(h.fake.queueRaw(raw));
    const after = await loadInterview(h.t.app.database.db, 'telegram:3001');
    expect(after?.revision).toBe(before?.revision);
    expect(h.fake.messages(3001)).toHaveLength(sentBefore);
  });

  it('processes a burst of answers from one chat in order', async () => {
    await addStaff(h.t.app, staff('sari', 'Sari', 'Analis Kebijakan'));
    const user = h.user(3002);
    await user.start(await h.invite('sari'));
    await user.say('1');
    // Typed answers only (no buttons), sent at once without waiting for replies.
    const ids = [
      'Pengelolaan Arsip',
      '1',
      '/lewati',
      'Bappeda',
      'Surat',
      'tidak',
      'Arsip',
      'Bappeda',
      'tidak',
      '/lewati',
    ].map((t) => h.fake.sendText(3002, t));
    await user.settled(ids.at(-1)!);
    const state = (await loadInterview(h.t.app.database.db, 'telegram:3002'))!.state as {
      cursor: { q: string };
      drafts: { name: string; sipoc: { inputs: { name: string }[] } }[];
    };
    expect(state.cursor.q).toBe('activity.name');
    expect(state.drafts[0]!.name).toBe('Pengelolaan Arsip');
    expect(state.drafts[0]!.sipoc.inputs.map((i) => i.name)).toEqual(['Surat']);
  });

  it('50 chats interviewing at once all finish with correct models', async () => {
    const db = h.t.app.database.db;
    const people = Array.from({ length: 50 }, (_, i) =>
      staff(`staf-${i}`, `Staf ${i}`, `Pengadministrasi ${i}`),
    );
    await addStaff(h.t.app, ...people);
    await Promise.all(
      people.map(async (p, i) => {
        const u = h.user(5000 + i);
        await u.start(await h.invite(p.id));
        for (const a of shortInterview(`Pelayanan Surat ${i}`))
          await ('press' in a ? u.press(a.press) : u.say(a.say));
      }),
    );
    const stored = await listProcesses(db, { organisationId: 'kab-contoh' });
    for (let i = 0; i < 50; i++) {
      const p = stored.find((x) => x.name === `Pelayanan Surat ${i}`);
      expect(p?.status, `chat ${i}`).toBe('submitted');
      expect(
        p!
          .flow!.nodes.filter((n) => n.kind === 'activity')
          .map((n) => n.kind === 'activity' && n.performer?.position),
      ).toEqual(Array(3).fill(`Pengadministrasi ${i}`));
    }
    // Codes are unique although the chats chose them at the same moment.
    const codes = stored.map((p) => p.code);
    expect(new Set(codes).size).toBe(codes.length);
  }, 180_000);

  it('resumes an interview after the bot is restarted mid-interview', async () => {
    const db = h.t.app.database.db;
    await addStaff(h.t.app, staff('rina2', 'Rina Dua', 'Kasubbag Perencanaan', 'bag-perencanaan'));
    const u = h.user(3003);
    await u.start(await h.invite('rina2'));
    const lines = renjaTranscript();
    // The Renja process exists already (from other tests on this database): name it apart.
    lines[1] = { ...lines[1]!, value: 'Penyusunan Rencana Kerja Kedua' };
    await u.tell(lines.slice(0, 16));
    await h.restart();
    await u.tell(lines.slice(16));
    await u.press('Sudah benar');
    const p = (await listProcesses(db, { organisationId: 'kab-contoh' })).find(
      (x) => x.name === 'Penyusunan Rencana Kerja Kedua',
    )!;
    expect(p.status).toBe('submitted');
    const expected = {
      ...(canonical(renjaWorld().expected) as object),
      name: 'Penyusunan Rencana Kerja Kedua',
    };
    expect({ ...(canonical(p) as object), code: '03.01' }).toEqual(expected);
  });
});

describe('Telegram under its own limits', () => {
  let h: TelegramHarness;
  beforeAll(async () => {
    h = await telegramHarness('pglite', {
      fakeLimits: true,
      pacing: { perChatMs: 1000, globalMs: 1000 / 30 },
    });
  });
  afterAll(async () => h?.close());

  it('on 429 sends nothing before retry_after, and everything arrives', async () => {
    const rina = h.user(4001);
    // 3 s: longer than the first backoff (1 s) and the chat's pacing (1 s), so only a sender
    // that reads retry_after waits this long; one that backs off instead is caught by the fake.
    h.fake.failNext({ method: 'sendMessage', chatId: 4001, count: 1, status: 429, retryAfter: 3 });
    await rina.start(await h.invite('rina'));
    expect(rina.texts().join('\n')).toContain('Selamat datang di Probis, Rina');
    expect(h.fake.lastQuestion(4001)?.text).toContain('Proses apa yang ingin Anda petakan?');
    expect(h.fake.violations()).toEqual([]);
    const sends = h.fake.calls('sendMessage').filter((c) => c.chatId === 4001);
    expect(sends.map((c) => c.status)).toEqual([429, ...Array(sends.length - 1).fill(200)]);
    expect(sends[1]!.at - sends[0]!.at).toBeGreaterThanOrEqual(3000);
  });

  it("paces one chat at about a message a second, within Telegram's limits", async () => {
    const rina = h.user(4001);
    await rina.say('/bantuan');
    await rina.say('/status');
    expect(h.fake.violations()).toEqual([]);
    const sends = h.fake.calls('sendMessage').filter((c) => c.chatId === 4001 && c.status === 200);
    for (let i = 1; i < sends.length; i++)
      expect(sends[i]!.at - sends[i - 1]!.at).toBeGreaterThanOrEqual(900);
  }, 60_000);
});

describe('Telegram webhook', () => {
  it('accepts updates with the secret, refuses them without', async () => {
    const { startFakeTelegram } = await import('../support/fake-telegram.js');
    const { openTestApp, seedRenja } = await import('../support/app.js');
    const { startTelegram } = await import('../../bot/telegram/run.js');
    const { createInvitation } = await import('../../db/index.js');
    const fake = await startFakeTelegram({ perChatLimit: false, globalLimit: false });
    const secret = 'rahasia-webhook-0123456789';
    const t = await openTestApp('pglite', {
      TELEGRAM_BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.apiRoot,
      TELEGRAM_WEBHOOK_URL: 'https://probis.example.go.id/telegram/webhook',
      TELEGRAM_WEBHOOK_SECRET: secret,
    });
    await seedRenja(t.app);
    const rt = await startTelegram(t.app, {
      port: 0,
      retryEveryMs: 50,
      pacing: { perChatMs: 0, globalMs: 0 },
    });
    try {
      expect(fake.webhookInfo().url).toBe('https://probis.example.go.id/telegram/webhook');
      const origin = `http://127.0.0.1:${rt.port}`;
      const { token } = await createInvitation(t.app.database.db, {
        organisationId: 'kab-contoh',
        personId: 'rina',
        createdBy: { system: 'test' },
        expiresAt: new Date(Date.now() + 3_600_000),
      });
      const forged = fake.sendText(7001, `/start ${token}`);
      expect(await fake.deliverWebhook(forged, { origin, secretToken: 'salah' })).toBe(401);
      expect(await fake.deliverWebhook(forged, { origin })).toBe(200);
      await until(async () => fake.lastQuestion(7001), 'the menu in the webhook chat');
      expect(
        fake
          .messages(7001)
          .map((m) => m.text)
          .join('\n'),
      ).toContain('Selamat datang di Probis, Rina');
    } finally {
      await rt.stop();
      await t.close();
      await fake.close();
    }
  });
});
