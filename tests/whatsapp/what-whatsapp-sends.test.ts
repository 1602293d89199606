// What WhatsApp sends besides plain text, one test per kind, through the channel on a fake socket
// that emits Baileys' own events built from its proto types. Each test says what the person sees.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WAMessageStubType, proto } from '@whiskeysockets/baileys';
import { accountsOfPerson, inboxStatus, loadInterview, pruneChatLog } from '../../db/index.js';
import { SKIP_POSTGRES } from '../support/db.js';
import { type DbKind, addStaff, staff } from '../support/app.js';
import {
  type WhatsAppHarness,
  type WhatsAppPerson,
  waMessage,
  whatsappHarness,
} from '../support/fake-whatsapp.js';

const REVOKE = proto.Message.ProtocolMessage.Type.REVOKE;
const MESSAGE_EDIT = proto.Message.ProtocolMessage.Type.MESSAGE_EDIT;

for (const kind of ['pglite', 'postgres'] as DbKind[]) {
  describe.skipIf(kind === 'postgres' && SKIP_POSTGRES)(`what WhatsApp sends, on ${kind}`, () => {
    let h: WhatsAppHarness;
    let n = 0;
    beforeAll(async () => {
      h = await whatsappHarness(kind);
    });
    afterAll(async () => h?.close());

    /** A new person of the organisation, joined on WhatsApp, at the main menu. */
    async function joined(): Promise<WhatsAppPerson> {
      const id = `wa-${kind}-${++n}`;
      await addStaff(h.t.app, staff(id, `Staf ${n}`, `Pengadministrasi ${n}`));
      const p = h.number(`62812${kind === 'pglite' ? 1 : 2}000${String(n).padStart(4, '0')}`);
      await p.say(`kode ${await h.invite(id)}`);
      expect(p.texts().join('\n')).toContain('Selamat datang di Probis');
      return p;
    }
    const revision = async (p: WhatsAppPerson) =>
      (await loadInterview(h.t.app.database.db, `person:wa-${kind}-${n}`))?.revision ??
      (await loadInterview(h.t.app.database.db, p.chatKey))?.revision;

    it('extended text and ephemeral or view-once envelopes are read as text', async () => {
      const p = await joined();
      await p.send({ extendedTextMessage: { text: 'Proses baru' } });
      expect(p.last()).toContain('Sebutkan proses atau layanan');
      await p.send({
        ephemeralMessage: { message: { extendedTextMessage: { text: 'Pengelolaan Arsip' } } },
      });
      expect(p.texts().join('\n')).toContain('Pengelolaan Arsip');
      const before = p.texts().length;
      await p.send({ viewOnceMessageV2: { message: { conversation: '/kembali' } } });
      expect(p.texts().slice(before).join('\n')).toContain('kembali ke pertanyaan sebelumnya');
    });

    it('a group message is never answered in the group nor stored; a member who joined gets one private hint', async () => {
      const p = await joined();
      const group = '120363000000000001@g.us';
      const inGroup = () =>
        h.fake.upsert([
          waMessage({ from: group, participant: p.jid, message: { conversation: 'Proses baru' } }),
        ]);
      const before = await revision(p);
      const sentBefore = p.sent().length;
      inGroup();
      await p.settled();
      inGroup();
      await p.settled();
      expect(h.fake.sentTo(group)).toHaveLength(0);
      expect(await revision(p)).toBe(before);
      expect(p.texts().slice(sentBefore)).toEqual([
        expect.stringContaining('Probis tidak membaca dan tidak menjawab pesan di grup'),
      ]);
      // A stranger in the group is not written to at all: a cold message gets a number banned.
      h.fake.upsert([
        waMessage({
          from: group,
          participant: '6289900000001@s.whatsapp.net',
          message: { conversation: 'halo' },
        }),
      ]);
      await h.channel.settled();
      expect(h.fake.sentTo('6289900000001@s.whatsapp.net')).toHaveLength(0);
    });

    it('status updates and broadcasts are ignored', async () => {
      const p = await joined();
      const sent = h.fake.sent.length;
      h.fake.upsert([
        waMessage({ from: 'status@broadcast', participant: p.jid, message: { conversation: 'x' } }),
        waMessage({
          from: '1234567@broadcast',
          participant: p.jid,
          message: { conversation: 'y' },
        }),
      ]);
      await p.settled();
      expect(h.fake.sent.length).toBe(sent);
    });

    it("the bot's own messages are never answered", async () => {
      const p = await joined();
      const sent = h.fake.sent.length;
      h.fake.upsert([waMessage({ from: p.jid, fromMe: true, message: { conversation: '1' } })]);
      await p.settled();
      expect(h.fake.sent.length).toBe(sent);
    });

    it('a message received twice is applied once', async () => {
      const p = await joined();
      const m = waMessage({ from: p.jid, message: { conversation: 'Proses baru' } });
      h.fake.upsert([m]);
      await p.settled();
      const before = await revision(p);
      const sent = p.sent().length;
      h.fake.upsert([m]);
      await p.settled();
      expect(await revision(p)).toBe(before);
      expect(p.sent()).toHaveLength(sent);
    });

    it('a deleted message: the answer stays, and /ubah is offered once', async () => {
      const p = await joined();
      const answer = await p.say('Proses baru');
      const before = await revision(p);
      const sent = p.sent().length;
      const revoke = waMessage({
        from: p.jid,
        message: { protocolMessage: { type: REVOKE, key: { ...answer.key } } },
      });
      h.fake.upsert([revoke]);
      // Baileys reports it again as an update of the deleted message.
      h.fake.update([
        {
          key: { ...answer.key },
          update: { message: null, messageStubType: WAMessageStubType.REVOKE },
        },
      ]);
      await p.settled();
      expect(await revision(p)).toBe(before);
      const said = p.texts().slice(sent);
      expect(said).toHaveLength(1);
      expect(said[0]).toContain('tetap tersimpan');
      expect(said[0]).toContain('/ubah');
    });

    it('an edited message is no new answer; /ubah is offered', async () => {
      const p = await joined();
      const answer = await p.say('Proses baru');
      const before = await revision(p);
      const sent = p.sent().length;
      h.fake.upsert([
        waMessage({
          from: p.jid,
          message: {
            editedMessage: {
              message: {
                protocolMessage: {
                  type: MESSAGE_EDIT,
                  key: { ...answer.key },
                  editedMessage: { conversation: 'Peta unit saya' },
                },
              },
            },
          },
        }),
      ]);
      h.fake.update([
        {
          key: { ...answer.key },
          update: { message: { editedMessage: { message: { conversation: 'Peta unit saya' } } } },
        },
      ]);
      await p.settled();
      expect(await revision(p)).toBe(before);
      const said = p.texts().slice(sent);
      expect(said).toHaveLength(1);
      expect(said[0]).toContain('/ubah');
    });

    it('a reaction is no answer', async () => {
      const p = await joined();
      const answer = await p.say('Proses baru');
      const before = await revision(p);
      const sent = p.sent().length;
      await p.send({ reactionMessage: { key: { ...answer.key }, text: '👍' } });
      expect(await revision(p)).toBe(before);
      expect(p.sent()).toHaveLength(sent);
    });

    it('history (appended messages older than a week) is no live answer', async () => {
      const p = await joined();
      const before = await revision(p);
      const sent = p.sent().length;
      h.fake.upsert(
        [
          waMessage({
            from: p.jid,
            message: { conversation: 'Proses baru' },
            at: Math.floor(Date.now() / 1000) - 8 * 86400,
          }),
        ],
        'append',
      );
      await p.settled();
      expect(await revision(p)).toBe(before);
      expect(p.sent()).toHaveLength(sent);
    });

    it('an undecryptable message gives no empty answer, and the readable one with its id goes through', async () => {
      const p = await joined();
      const before = await revision(p);
      const sent = p.sent().length;
      const stub = waMessage({ from: p.jid, stub: WAMessageStubType.CIPHERTEXT });
      h.fake.upsert([stub]);
      h.fake.upsert([stub]);
      await p.settled();
      expect(await revision(p)).toBe(before);
      expect(p.sent()).toHaveLength(sent);
      expect(
        await inboxStatus(h.t.app.database.db, {
          platform: 'whatsapp',
          updateKey: `${p.account}/${stub.key.id}`,
        }),
      ).toBeNull();
      // WhatsApp retries the decryption: the same message, readable now.
      h.fake.upsert([
        waMessage({ from: p.jid, id: stub.key.id!, message: { conversation: 'Proses baru' } }),
      ]);
      await p.settled();
      expect(p.last()).toContain('Sebutkan proses atau layanan');
    });

    it('images with captions, voice notes, stickers, documents, locations and contacts: told what is expected, the question kept', async () => {
      const p = await joined();
      await p.say('Proses baru');
      const question = p.last();
      const before = await revision(p);
      for (const message of [
        { imageMessage: { caption: 'Pengelolaan Arsip', mimetype: 'image/jpeg' } },
        { audioMessage: { ptt: true, seconds: 3 } },
        { stickerMessage: { mimetype: 'image/webp' } },
        {
          documentWithCaptionMessage: {
            message: { documentMessage: { fileName: 'a.pdf', caption: 'x' } },
          },
        },
        { locationMessage: { degreesLatitude: -6.2, degreesLongitude: 106.8 } },
        { contactMessage: { displayName: 'Budi', vcard: 'BEGIN:VCARD' } },
        { viewOnceMessage: { message: { videoMessage: { caption: 'x' } } } },
      ]) {
        const sent = p.sent().length;
        await p.send(message);
        const said = p.texts().slice(sent);
        expect(said.join('\n'), JSON.stringify(message)).toContain('hanya bisa membaca pesan teks');
        expect(said.at(-1)).toBe(question);
      }
      const state = (await loadInterview(h.t.app.database.db, `person:wa-${kind}-${n}`))!;
      expect(JSON.stringify(state.state)).not.toContain('Pengelolaan Arsip');
      expect(state.revision).toBeGreaterThanOrEqual(before!);
    });

    it('a sender named by a LID is bound by an invitation code, never taken for a number', async () => {
      await addStaff(h.t.app, staff(`lid-${kind}`, 'Lina', 'Analis'));
      const lina = h.lid(kind === 'pglite' ? '201000000000001' : '201000000000002');
      await lina.say(await h.invite(`lid-${kind}`));
      expect(lina.texts().join('\n')).toContain('Selamat datang di Probis, Lina');
      const accounts = await accountsOfPerson(h.t.app.database.db, { personId: `lid-${kind}` });
      expect(accounts.map((a) => a.accountId)).toEqual([lina.account]);
      expect(lina.account).toMatch(/@lid$/);
      await lina.pick('Proses baru');
      expect(lina.last()).toContain('Sebutkan proses atau layanan');
    });

    it('an unknown number is told once how to get an invitation, and nothing else, ever', async () => {
      const stranger = h.number(kind === 'pglite' ? '6287700000001' : '6287700000002');
      await stranger.say('halo');
      await stranger.say('Proses baru');
      await stranger.send({ imageMessage: { caption: 'x' } });
      expect(stranger.texts()).toHaveLength(1);
      expect(stranger.last()).toContain('belum terdaftar di Probis');
      expect(stranger.last()).toContain('kode KODE');
      // Not again after a restart (another process, a reconnect).
      await h.restart();
      await stranger.say('halo lagi');
      expect(stranger.texts()).toHaveLength(1);
      expect(await loadInterview(h.t.app.database.db, stranger.chatKey)).toBeNull();
      // Nor weeks later, once the daily clean-up has dropped the inbox's old keys.
      await pruneChatLog(h.t.app.database.db, { before: new Date(Date.now() + 60_000) });
      await stranger.say('halo, masih ada?');
      expect(stranger.texts()).toHaveLength(1);
      // A code it sends is still read.
      await stranger.say('kode bukan-kode-yang-ada');
      expect(stranger.last()).toContain('tidak dikenal');
    });
  });
}
