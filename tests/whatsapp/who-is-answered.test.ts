// Who Probis answers on WhatsApp, and with what: messages sent while it was offline, a person
// addressed by LID or by number, strangers and group members (never written to unprompted, an
// invitation refused at most once a day), deletions of what was no answer, and a number typed
// right after a question arrived.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTAGE_NOTICE } from '../../bot/conversation/inbound-runner.js';
import { startWhatsAppChannel } from '../../bot/whatsapp/channel.js';
import type { App } from '../../bot/app.js';
import { Pacer } from '../../bot/delivery/pacer.js';
import { WAMessageStubType, proto } from '@whiskeysockets/baileys';
import { SKIP_POSTGRES } from '../support/db.js';
import { type DbKind, addStaff, staff } from '../support/app.js';
import {
  type WhatsAppHarness,
  type WhatsAppPerson,
  droppedConnection,
  storageThatFails,
  until,
  waMessage,
  whatsappHarness,
} from '../support/fake-whatsapp.js';
import { inboxStatus } from '../../db/index.js';

const REVOKE = proto.Message.ProtocolMessage.Type.REVOKE;
const ASK_NAME = 'Sebutkan proses atau layanan';
const STALE = 'sudah tidak berlaku';

for (const kind of ['pglite', 'postgres'] as DbKind[]) {
  describe.skipIf(kind === 'postgres' && SKIP_POSTGRES)(`who is answered, on ${kind}`, () => {
    let h: WhatsAppHarness;
    let n = 0;
    /** While true, the conversation's storage fails as a dropped database connection does. */
    let storageDown = false;
    const digit = kind === 'pglite' ? 1 : 2;
    beforeAll(async () => {
      h = await whatsappHarness(kind, {
        service: storageThatFails(
          () => h,
          () => storageDown,
        ),
      });
    });
    afterAll(async () => h?.close());

    const phone = () => `62814${digit}00${String(++n).padStart(5, '0')}`;
    const lidUser = () => `${digit}7700000${String(++n).padStart(5, '0')}`;

    /** A new member of the organisation, with their invitation. */
    async function member(): Promise<{ id: string; token: string }> {
      const id = `who-${kind}-${++n}`;
      await addStaff(h.t.app, staff(id, `Staf ${n}`, `Pengadministrasi ${n}`));
      return { id, token: await h.invite(id) };
    }

    /** A new member joined from a phone number, at the main menu. */
    async function joined(): Promise<WhatsAppPerson> {
      const { token } = await member();
      const p = h.number(phone());
      await p.say(`kode ${token}`);
      expect(p.texts().join('\n')).toContain('Selamat datang di Probis');
      return p;
    }

    const said = (p: WhatsAppPerson, from: number) => p.texts().slice(from).join('\n');

    it('a message sent while Probis was offline (delivered as append) is answered', async () => {
      const p = await joined();
      const before = p.sent().length;
      h.fake.text(p.jid, 'Proses baru', { type: 'append' });
      await p.settled();
      expect(said(p, before)).toContain(ASK_NAME);
    });

    it('a person who joined by LID is known when WhatsApp addresses them by number', async () => {
      const { token } = await member();
      const lid = lidUser();
      const pn = phone();
      const byLid = h.lid(lid);
      await byLid.say(`kode ${token}`);
      expect(byLid.texts().join('\n')).toContain('Selamat datang di Probis');
      const before = byLid.sent().length;
      h.fake.text(`${pn}@s.whatsapp.net`, 'Proses baru', { remoteJidAlt: `${lid}@lid` });
      await byLid.settled();
      expect(said(byLid, before)).toContain(ASK_NAME);
      expect(h.fake.sentTo(`${pn}@s.whatsapp.net`)).toHaveLength(0);
    });

    it('a person who joined by number is known when WhatsApp addresses them by LID', async () => {
      const p = await joined();
      const lid = lidUser();
      const before = p.sent().length;
      h.fake.text(`${lid}@lid`, 'Proses baru', { remoteJidAlt: p.jid });
      await p.settled();
      expect(said(p, before)).toContain(ASK_NAME);
      expect(h.fake.sentTo(`${lid}@lid`)).toHaveLength(0);
    });

    it('one message addressed once by LID and once by number is applied once', async () => {
      const p = await joined();
      const lid = `${lidUser()}@lid`;
      const before = p.sent().length;
      const id = `3EB0DUP${n}`;
      h.fake.upsert([
        waMessage({ from: lid, remoteJidAlt: p.jid, id, message: { conversation: 'Proses baru' } }),
      ]);
      h.fake.upsert([
        waMessage({ from: p.jid, remoteJidAlt: lid, id, message: { conversation: 'Proses baru' } }),
      ]);
      await p.settled();
      const replies = p.texts().slice(before);
      expect(replies.filter((t) => t.includes(ASK_NAME))).toHaveLength(1);
      // The second copy was no answer to "Sebutkan proses ..." either.
      expect(replies).toHaveLength(1);
    });

    it('a stranger trying invitation codes is refused once a day, then a real code works', async () => {
      const { token } = await member();
      const stranger = h.number(phone());
      await stranger.say('kode salah123');
      expect(stranger.sent()).toHaveLength(1);
      await stranger.say('kode salah456');
      await stranger.say('abcdefghijklmnopqrstuvwxyz012345');
      await stranger.say('/start lagi-salah');
      expect(stranger.sent()).toHaveLength(1);
      await stranger.say(`kode ${token}`);
      expect(stranger.texts().join('\n')).toContain('Selamat datang di Probis');
    });

    it('a long word from a stranger is no invitation code: they are told once how to get one', async () => {
      const stranger = h.number(phone());
      await stranger.say('Pemberitahuanpengajuan');
      await stranger.say('Pemberitahuanpengajuanlagi');
      expect(stranger.texts()).toEqual([expect.stringContaining('belum terdaftar di Probis')]);
    });

    it('deleting a message that was never recorded as an answer gets no "recorded" text', async () => {
      const p = await joined();
      const before = p.sent().length;
      h.fake.upsert([
        waMessage({
          from: p.jid,
          message: {
            protocolMessage: {
              type: REVOKE,
              key: { remoteJid: p.jid, fromMe: false, id: '3EB0NEVERSEEN' },
            },
          },
        }),
      ]);
      await p.settled();
      expect(p.sent()).toHaveLength(before);
    });

    it('during a storage outage only a linked person writing privately is told', async () => {
      const p = await joined();
      const stranger = h.number(phone());
      storageDown = true;
      try {
        h.fake.text(p.jid, 'Proses baru');
        // A stranger's invitation attempt reaches the failing storage too.
        h.fake.text(stranger.jid, 'kode abcdefghijklmnopqrstuvwxyz012345');
        await until(
          () => Promise.resolve(p.texts().includes(OUTAGE_NOTICE)),
          'the outage notice to the member',
        );
      } finally {
        storageDown = false;
      }
      await p.settled();
      await stranger.settled();
      expect(p.texts().filter((t) => t === OUTAGE_NOTICE)).toHaveLength(1);
      expect(p.last()).toContain(ASK_NAME);
      // The stranger hears only the answer to what they sent, once storage is back.
      expect(stranger.texts()).not.toContain(OUTAGE_NOTICE);
      expect(stranger.sent()).toHaveLength(1);
    });

    it('a group member is not written to privately about a storage outage; the hint comes once it is back', async () => {
      const p = await joined();
      const group = '120363000000000077@g.us';
      const stranger = `62899${digit}0000077@s.whatsapp.net`;
      // The database fails while `down`, as a dropped connection does: here the reading of who
      // the sender is, the first thing done with a group message.
      let down = false;
      const db = h.t.app.database.db as unknown as { execute: (...a: unknown[]) => unknown };
      const execute = db.execute;
      const own = Object.getOwnPropertyDescriptor(db, 'execute');
      db.execute = (...args: unknown[]) => {
        if (down) throw droppedConnection();
        return execute.apply(db, args);
      };
      const held: (() => void)[] = [];
      const start = (app: App, heldWait?: () => Promise<void>) =>
        startWhatsAppChannel(app, h.fake.socket, {
          pacer: new Pacer(0, 0),
          retryEveryMs: 20,
          sleep: () => Promise.resolve(),
          ...(heldWait ? { heldWait } : {}),
        });
      try {
        await h.channel.stop();
        h.channel = await start(h.t.app, () => new Promise<void>((r) => held.push(r)));
        const before = p.sent().length;
        down = true;
        try {
          h.fake.upsert([
            waMessage({
              from: group,
              participant: p.jid,
              message: { conversation: 'Proses baru' },
            }),
            waMessage({ from: group, participant: stranger, message: { conversation: 'halo' } }),
          ]);
          // Both are held until storage is back; nobody is written to meanwhile.
          await until(() => Promise.resolve(held.length === 2), 'both group messages held');
          expect(p.sent()).toHaveLength(before);
          expect(h.fake.sentTo(stranger)).toHaveLength(0);
        } finally {
          down = false;
          if (own) Object.defineProperty(db, 'execute', own);
          else Reflect.deleteProperty(db, 'execute');
        }
        held.splice(0).forEach((r) => r());
        await p.settled();
        expect(p.texts().slice(before)).toEqual([
          expect.stringContaining('Probis tidak membaca dan tidak menjawab pesan di grup'),
        ]);
        expect(h.fake.sentTo(stranger)).toHaveLength(0);
        expect(h.fake.sentTo(group)).toHaveLength(0);
      } finally {
        // Whatever happened, the next tests get the channel as it was.
        held.splice(0).forEach((r) => r());
        await h.channel.stop();
        h.channel = await start(h.t.app);
      }
    });

    it('a number typed as soon as a question arrives answers that question, not the one before', async () => {
      const p = await joined();
      await p.pick('Proses baru');
      await p.say('Penyusunan Rencana Kerja');
      expect(p.choices().map((c) => c.label)).toContain('Manajemen');
      const release = h.fake.hold();
      try {
        const before = p.sent().length;
        const pick = p.choices().find((c) => c.label === 'Manajemen')!;
        h.fake.text(p.jid, pick.mark);
        // The next question reached the person; its send is not yet acknowledged.
        await until(
          () => Promise.resolve(p.choices().some((c) => c.label.startsWith('03 '))),
          'the next question',
        );
        expect(p.sent().length).toBeGreaterThan(before);
        const sub = p.choices().find((c) => c.label.startsWith('03 '))!;
        const answer = h.fake.text(p.jid, sub.mark);
        await until(
          async () =>
            (await inboxStatus(h.t.app.database.db, {
              platform: 'whatsapp',
              updateKey: `${p.account}/${answer.key.id}`,
            })) === 'done',
          'the answer applied',
        );
      } finally {
        release();
      }
      await p.settled();
      expect(p.texts().join('\n')).not.toContain(STALE);
      expect(p.choices().some((c) => c.label.startsWith('03 '))).toBe(false);
    });

    it('an undecryptable message is logged once, however often it comes', async () => {
      const lines: { event: string; fields: Record<string, unknown> }[] = [];
      const record =
        (level: string) =>
        (event: string, fields: Record<string, unknown> = {}) =>
          lines.push({ event: `${level}:${event}`, fields });
      const log = {
        debug: record('debug'),
        info: record('info'),
        warn: record('warn'),
        error: record('error'),
      };
      await h.channel.stop();
      h.channel = await startWhatsAppChannel({ ...h.t.app, log }, h.fake.socket, {
        pacer: new Pacer(0, 0),
        retryEveryMs: 20,
        sleep: () => Promise.resolve(),
      });
      const p = await joined();
      const before = p.sent().length;
      const m = waMessage({ from: p.jid, id: '3EB0CIPHER1', stub: WAMessageStubType.CIPHERTEXT });
      h.fake.upsert([m]);
      h.fake.upsert([m]);
      h.fake.upsert([m], 'append');
      await p.settled();
      expect(lines.filter((l) => l.event === 'warn:whatsapp.undecryptable')).toEqual([
        { event: 'warn:whatsapp.undecryptable', fields: { update: `${p.account}/3EB0CIPHER1` } },
      ]);
      expect(p.sent()).toHaveLength(before);
    });
  });
}
