// Bad input, through the Telegram channel: each gets a clear answer in Indonesian, nothing stored
// is lost, and the export is unchanged where nothing should change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportDocument, formatDocument } from '../../bot/commands/exchange.js';
import {
  createInvitation,
  inboxStatus,
  loadInterview,
  revokeInvitation,
  saveOrganisation,
} from '../../db/index.js';
import type { InterviewState } from '../../core/interview/index.js';
import type { Organisation } from '../../core/model/index.js';
import { addStaff, staff } from '../support/app.js';
import {
  type TelegramHarness,
  type TelegramUser,
  telegramHarness,
  until,
} from '../support/telegram.js';

async function state(h: TelegramHarness, chatId: number): Promise<InterviewState> {
  return (await loadInterview(h.t.app.database.db, `telegram:${chatId}`))!.state as InterviewState;
}

async function exported(h: TelegramHarness): Promise<string> {
  return formatDocument(await exportDocument(h.t.app.database.db, 'kab-contoh'));
}

/** Rina, bound, at the first step question of a new process. */
async function atFirstStep(
  h: TelegramHarness,
  chatId: number,
  personId: string,
): Promise<TelegramUser> {
  const u = h.user(chatId);
  await u.start(await h.invite(personId));
  for (const a of [
    '1',
    `Pengelolaan Surat ${chatId}`,
    '1',
    '/lewati',
    'Bappeda',
    'Surat',
    'tidak',
    'Balasan',
    'Bappeda',
    'tidak',
    '/lewati',
  ])
    await u.say(a);
  expect((await state(h, chatId)).cursor.q).toBe('activity.name');
  return u;
}

describe('bad input through Telegram', () => {
  let h: TelegramHarness;
  let people = 0;
  /** A fresh person of the organisation for each test, so tests do not share a chat. */
  async function person(): Promise<string> {
    const id = `p${++people}`;
    await addStaff(h.t.app, staff(id, `Pegawai ${people}`, 'Kasubbag Umum'));
    return id;
  }
  beforeAll(async () => {
    h = await telegramHarness('pglite');
  });
  afterAll(async () => h?.close());

  it('refuses a 4,096-character answer, an emoji-only one and an ambiguous duration, keeping what was given', async () => {
    const u = await atFirstStep(h, 100, await person());
    const before = JSON.stringify((await state(h, 100)).drafts);
    await u.say('M'.repeat(4096));
    expect(u.texts().join('\n')).toContain('terlalu panjang');
    await u.say('😀🙏😀');
    expect(u.last()).toContain('Langkah 1: apa kegiatan pertama?');
    expect(u.texts().at(-2)).toContain('huruf atau angka');
    expect(JSON.stringify((await state(h, 100)).drafts)).toBe(before);
    await u.say('Menerima surat');
    await u.press('Saya');
    await u.press('Lewati'); // kelengkapan
    await u.say('Surat'); // output
    await u.press('Selesai');
    expect((await state(h, 100)).cursor.q).toBe('step.waktu_all');
    await u.say('2-3 hari');
    expect(u.texts().at(-2)).toContain('satu angka');
    await u.say('3 hari');
    expect((await state(h, 100)).cursor.q).toBe('review.confirm');
  });

  it('cleans control characters, NUL bytes, lone surrogates, bidi overrides and zero-width characters from an answer', async () => {
    const u = await atFirstStep(h, 101, await person());
    await u.say('Mene\u0000rima\u200B su\u202Erat\uD800 masuk\u0007');
    const s = await state(h, 101);
    const names = s.drafts[0]!.flow!.nodes.filter((n) => n.kind === 'activity').map(
      (n) => (n as { name: string }).name,
    );
    expect(names).toEqual(['Menerima surat masuk']);
  });

  // The interview cleans answers (above), but echoes a mistyped command back as typed: here only
  // the database layer's cleaning (db/clean-text.ts) keeps the reply storable. Without it the
  // outbox row is refused (NUL and lone surrogates are not valid jsonb) and the update is set
  // aside after its retries.
  it('cleans a NUL byte and a lone surrogate from what is stored when a reply echoes them', async () => {
    const u = h.user(111);
    await u.start(await h.invite(await person()));
    const update = h.fake.sendText(111, '/ter\u0000bang\uD800');
    await u.settled(update);
    expect(u.texts().join('\n')).toContain('Perintah "/terbang\uFFFD" tidak dikenal');
    expect(u.texts().join('\n')).not.toContain('tidak dapat diproses');
    expect(
      await inboxStatus(h.t.app.database.db, { platform: 'telegram', updateKey: String(update) }),
    ).toBe('done');
  });

  it('keeps SQL, DOT, HTML, XML and Markdown fragments literal in the model, the map, the export and the BPMN', async () => {
    const u = await atFirstStep(h, 102, await person());
    const hostile = [
      `Menolak '); DROP TABLE processes;--`,
      'Memeriksa "x"]; evil -> pwned [label="\\N',
      'Mencetak <script>alert(1)</script> & <b>',
      'Menulis ]]><![CDATA[ **tebal** _miring_ [tautan](http://x) `kode`',
    ];
    await u.say(hostile.join('\n'));
    await u.say('ya'); // "Saya catat 4 langkah: ... Betul?"
    await u.press('Saya');
    await u.press('Lewati'); // kelengkapan of the first step
    await u.press('Lewati'); // output
    for (let i = 1; i < hostile.length; i++) {
      await u.press('Saya');
      await u.press('Lewati'); // output (kelengkapan: none before)
      if ((await state(h, 102)).cursor.q === 'activity.output') await u.press('Lewati');
    }
    await u.press('Selesai');
    await u.press('Lewati'); // the waktu of all steps
    // The review: the summary and the map went out; Telegram got plain text (no parse mode).
    const photos = h.fake.messages(102).filter((m) => m.kind === 'photo');
    expect(photos.length).toBeGreaterThan(0);
    expect(h.fake.calls('sendMessage').every((c) => c.params.parse_mode === undefined)).toBe(true);
    expect(u.texts().join('\n')).toContain('<script>alert(1)</script>');
    const s = await state(h, 102);
    const names = s.drafts[0]!.flow!.nodes.filter((n) => n.kind === 'activity').map(
      (n) => (n as { name: string }).name,
    );
    expect(names).toEqual(hostile);
    const doc = JSON.parse(await exported(h));
    const stored = doc.processes.find((p: { name: string }) => p.name === 'Pengelolaan Surat 102');
    expect(
      stored.flow.nodes
        .filter((n: { kind: string }) => n.kind === 'activity')
        .map((n: { name: string }) => n.name),
    ).toEqual(hostile);
    const { fromBpmn } = await import('../../renderers/index.js');
    const xml = await h.t.app.renderer.bpmnXml(stored, doc.organisation as Organisation);
    const back = await fromBpmn(xml);
    expect(
      back.flow.nodes.filter((n) => n.kind === 'activity').map((n) => (n as { name: string }).name),
    ).toEqual(hostile);
  });

  it('accepts 200 activities pasted at once, said back before they are kept', async () => {
    const u = await atFirstStep(h, 103, await person());
    const lines = Array.from({ length: 200 }, (_, i) => `Memeriksa ${i + 1}`);
    await u.say(lines.join('\n'));
    expect(u.texts().join('\n')).toContain('Saya catat 200 langkah:');
    await u.say('ya');
    const s = await state(h, 103);
    expect(s.drafts[0]!.flow!.nodes.filter((n) => n.kind === 'activity')).toHaveLength(200);
    expect(s.cursor.q).toBe('step.performer');
  });

  it('names an unknown command, and answers a photo, a sticker, a voice note and a location in Indonesian', async () => {
    const u = await atFirstStep(h, 104, await person());
    const before = await exported(h);
    await u.say('/terbang');
    expect(u.texts().at(-2)).toContain('Perintah "/terbang" tidak dikenal');
    for (const send of [
      () => h.fake.sendPhotoFromUser(104),
      () => h.fake.sendSticker(104),
      () => h.fake.sendVoice(104),
      () => h.fake.sendLocation(104, -7.8, 110.4),
    ]) {
      await u.settled(send());
      expect(u.texts().at(-2)).toContain('hanya bisa membaca pesan teks');
      expect(u.last()).toContain('Langkah 1: apa kegiatan pertama?');
    }
    expect(await exported(h)).toBe(before);
  });

  it('does not reread an edited message', async () => {
    const u = await atFirstStep(h, 105, await person());
    const edit = h.fake.queueRaw({
      update_id: undefined as never,
      edited_message: {
        message_id: 1,
        date: 0,
        edit_date: 1,
        chat: { id: 105, type: 'private' },
        from: { id: 105, is_bot: false, first_name: 'P' },
        text: 'Menerima berkas',
      },
    });
    await u.settled(edit);
    expect(u.texts().at(-2)).toContain('Pesan yang diedit tidak saya baca ulang');
    expect((await state(h, 105)).drafts[0]!.flow).toBeNull();
  });

  it('refuses an old button and callback data forged to point elsewhere, applying nothing', async () => {
    const u = await atFirstStep(h, 106, await person());
    await u.say('Menerima surat');
    const old = h.fake.lastQuestion(106)!;
    const oldData = old.buttons[0]!.callback_data!;
    await u.press('Saya');
    const before = JSON.stringify((await state(h, 106)).drafts);
    await u.settled(h.fake.pressButton(106, old.message_id, oldData, { force: true }));
    expect(u.texts().at(-2)).toContain('sudah tidak berlaku');
    const current = h.fake.lastQuestion(106)!;
    for (const forged of ['999999:0', '0:0', 'x'.repeat(64), '1:99'])
      await u.settled(h.fake.pressButton(106, current.message_id, forged, { force: true }));
    expect(JSON.stringify((await state(h, 106)).drafts)).toBe(before);
  });

  it('answers /start with a malformed, expired, reused or revoked token, and an already linked account', async () => {
    const db = h.t.app.database.db;
    const a = h.user(107);
    await a.start('bad token!');
    expect(a.last()).toContain('tidak sah');
    await a.start('@@@');
    expect(a.last()).toContain('tidak sah');
    await a.start('TokenYangTidakPernahDibuat0123');
    expect(a.last()).toContain('tidak dikenal');
    const pid = await person();
    const expired = await createInvitation(db, {
      organisationId: 'kab-contoh',
      personId: pid,
      createdBy: { system: 'test' },
      expiresAt: new Date(Date.now() - 1000),
      now: new Date(Date.now() - 3_600_000),
    });
    await a.start(expired.token);
    expect(a.last()).toContain('kedaluwarsa');
    const revoked = await h.invite(pid);
    await revokeInvitation(db, { token: revoked, actor: { system: 'test' }, now: new Date() });
    await a.start(revoked);
    expect(a.last()).toContain('dibatalkan');
    const good = await h.invite(pid);
    await a.start(good);
    expect(a.texts().join('\n')).toContain(`Selamat datang di Probis, Pegawai ${people}`);
    const b = h.user(108);
    await b.start(good);
    expect(b.last()).toContain('sudah dipakai');
    // Already linked: a further invitation (even of another person) binds nothing.
    await a.start(await h.invite(await person()));
    expect(a.texts().join('\n')).toContain('Akun ini sudah terhubung sebagai');
  });

  it('answers a command addressed to it in a group with a pointer to the private chat', async () => {
    h.fake.sendGroupText(-500, 109, `/start@${h.fake.username}`);
    const [reply] = await until(
      async () => (h.fake.messages(-500).length ? h.fake.messages(-500) : null),
      'a reply in the group',
    );
    expect(reply!.text).toContain('Probis hanya melayani percakapan pribadi');
    expect(await loadInterview(h.t.app.database.db, 'telegram:-500')).toBeNull();
  });

  it("shows a person only their own organisation's processes", async () => {
    const db = h.t.app.database.db;
    const other: Organisation = {
      id: 'kota-lain',
      name: 'Pemerintah Kota Lain',
      codePrefix: null,
      units: [
        {
          id: 'lain-org',
          name: 'Bagian Organisasi Kota',
          kind: 'bagian',
          parentId: null,
          shortName: null,
        },
      ],
      people: [
        {
          id: 'lain-1',
          name: 'Orang Lain',
          position: 'Analis',
          unitId: 'lain-org',
          roles: ['respondent'],
          nip: null,
          accounts: [],
          language: 'id',
        },
      ],
    };
    await saveOrganisation(db, other, { system: 'test' });
    const { token } = await createInvitation(db, {
      organisationId: 'kota-lain',
      personId: 'lain-1',
      createdBy: { system: 'test' },
      expiresAt: new Date(Date.now() + 3_600_000),
    });
    const u = h.user(110);
    await u.start(token);
    await u.press('Peta unit saya');
    const all = u.texts().join('\n');
    expect(all).toContain('Unit Anda belum punya proses yang tercatat');
    expect(all).not.toContain('Penyusunan');
    expect(all).not.toContain('Perencanaan dan Penganggaran');
  });
});
