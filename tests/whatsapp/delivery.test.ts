// Delivery that holds on WhatsApp: a chat's messages applied in order, answers stored before any
// reply, a failed send retried from the outbox, sends paced per chat and overall, and one notice
// for a storage outage, after which the answers held meanwhile are applied.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadInterview } from '../../db/index.js';
import { SKIP_POSTGRES } from '../support/db.js';
import { type DbKind, addStaff, staff } from '../support/app.js';
import { Pacer } from '../../bot/delivery/pacer.js';
import { OUTAGE_NOTICE } from '../../bot/conversation/inbound-runner.js';
import {
  type WhatsAppHarness,
  type WhatsAppPerson,
  storageThatFails,
  until,
  waMessage,
  whatsappHarness,
} from '../support/fake-whatsapp.js';

type Draft = { name: string };
const draftsOf = async (h: WhatsAppHarness, personId: string) =>
  ((await loadInterview(h.t.app.database.db, `person:${personId}`))?.state as {
    drafts: Draft[];
  }) ?? { drafts: [] };

for (const kind of ['pglite', 'postgres'] as DbKind[]) {
  describe.skipIf(kind === 'postgres' && SKIP_POSTGRES)(`WhatsApp delivery on ${kind}`, () => {
    let h: WhatsAppHarness;
    let now = 1_000_000;
    /** The slots the pacer gave: when each send to each chat may go. */
    const slots: { chat: string; at: number }[] = [];
    class RecordingPacer extends Pacer {
      override reserve(chat: string): number {
        const wait = super.reserve(chat);
        slots.push({ chat, at: now + wait });
        return wait;
      }
    }
    const waits: number[] = [];
    /** While true, the conversation's storage fails as a dropped database connection does. */
    let storageDown = false;
    let n = 0;
    beforeAll(async () => {
      h = await whatsappHarness(kind, {
        pacer: new RecordingPacer(1200, 600, () => now),
        sleep: (ms) => {
          waits.push(ms);
          now += ms;
          return Promise.resolve();
        },
        service: storageThatFails(
          () => h,
          () => storageDown,
        ),
      });
      h.fake.clock = () => now;
    });
    afterAll(async () => h?.close());

    async function joined(): Promise<{ p: WhatsAppPerson; id: string }> {
      const id = `d-${kind}-${++n}`;
      await addStaff(h.t.app, staff(id, `Staf ${n}`, `Pengadministrasi ${n}`));
      const p = h.number(`62813${kind === 'pglite' ? 1 : 2}00${String(n).padStart(5, '0')}`);
      await p.say(`kode ${await h.invite(id)}`);
      return { p, id };
    }

    it("applies one chat's messages of an event in order", async () => {
      const { p, id } = await joined();
      h.fake.upsert(
        ['Proses baru', 'Pengelolaan Arsip'].map((text) =>
          waMessage({ from: p.jid, message: { conversation: text } }),
        ),
      );
      await p.settled();
      expect((await draftsOf(h, id)).drafts.map((d) => d.name)).toEqual(['Pengelolaan Arsip']);
      const name = p.texts().findIndex((t) => t.includes('Sebutkan proses atau layanan'));
      const category = p.texts().findIndex((t) => t.includes('Manajemen'));
      expect(name).toBeGreaterThan(0);
      expect(category).toBeGreaterThan(name);
    });

    it('stores the answer before any reply, and retries a failed send from the outbox', async () => {
      const { p, id } = await joined();
      const before = p.sent().length;
      const revision = (await loadInterview(h.t.app.database.db, `person:${id}`))!.revision;
      h.fake.failNext({ isBoom: true, output: { statusCode: 428 }, message: 'Connection Closed' });
      h.fake.text(p.jid, 'Proses baru');
      // Stored although the reply could not be sent.
      await until(
        async () =>
          ((await loadInterview(h.t.app.database.db, `person:${id}`))?.revision ?? 0) > revision,
        'the answer stored',
      );
      await p.settled();
      const replies = p.texts().slice(before);
      expect(replies).toHaveLength(1);
      expect(replies[0]).toContain('Sebutkan proses atau layanan');
    });

    it('paces sends: 1.2 s apart in a chat, 0.6 s apart overall', async () => {
      const a = await joined();
      const b = await joined();
      const from = h.fake.sent.length;
      const fromSlot = slots.length;
      h.fake.upsert([
        waMessage({ from: a.p.jid, message: { conversation: '/bantuan' } }),
        waMessage({ from: b.p.jid, message: { conversation: '/bantuan' } }),
      ]);
      await a.p.settled();
      await b.p.settled();
      const sends = h.fake.sent.slice(from);
      const given = slots.slice(fromSlot).sort((x, y) => x.at - y.at);
      // Every send took a slot; the slots are 0.6 s apart overall and 1.2 s apart per chat.
      expect(sends.length).toBeGreaterThanOrEqual(4);
      expect(given).toHaveLength(sends.length);
      for (let i = 1; i < given.length; i++)
        expect(given[i]!.at - given[i - 1]!.at).toBeGreaterThanOrEqual(600);
      for (const jid of [a.p.jid, b.p.jid]) {
        const mine = given.filter((s) => s.chat === jid);
        expect(mine.length).toBeGreaterThanOrEqual(2);
        for (let i = 1; i < mine.length; i++)
          expect(mine[i]!.at - mine[i - 1]!.at).toBeGreaterThanOrEqual(1200);
      }
      expect(waits.some((w) => w >= 600)).toBe(true);
    });

    it('tells of a storage outage once, then applies the answers held meanwhile', async () => {
      const { p, id } = await joined();
      const before = p.sent().length;
      storageDown = true;
      h.fake.text(p.jid, 'Proses baru');
      h.fake.text(p.jid, 'Pengelolaan Arsip');
      await until(() => p.texts().includes(OUTAGE_NOTICE), 'the outage notice');
      storageDown = false;
      await p.settled();
      await until(
        async () => (await draftsOf(h, id)).drafts.length === 1,
        'the answers applied after the outage',
      );
      expect(
        p
          .texts()
          .slice(before)
          .filter((t) => t === OUTAGE_NOTICE),
      ).toHaveLength(1);
      expect((await draftsOf(h, id)).drafts.map((d) => d.name)).toEqual(['Pengelolaan Arsip']);
    });
  });
}
