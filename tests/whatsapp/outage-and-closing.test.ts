// What a storage outage and a flapping connection leave behind on WhatsApp: a chat's messages held
// by the outage are applied before the ones that came after, and a connection that opens and
// closes again and again costs a waiting reply no attempt (it goes out on the next open).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadInterview, pendingOutboxForChat } from '../../db/index.js';
import { startWhatsAppChannel } from '../../bot/whatsapp/channel.js';
import { Pacer } from '../../bot/delivery/pacer.js';
import { SKIP_POSTGRES } from '../support/db.js';
import { type DbKind, addStaff, staff } from '../support/app.js';
import {
  type WhatsAppHarness,
  type WhatsAppPerson,
  storageThatFails,
  until,
  whatsappHarness,
} from '../support/fake-whatsapp.js';

const ASK_NAME = 'Sebutkan proses atau layanan';

for (const kind of ['pglite', 'postgres'] as DbKind[]) {
  describe.skipIf(kind === 'postgres' && SKIP_POSTGRES)(`outage and closing, on ${kind}`, () => {
    let h: WhatsAppHarness;
    let n = 0;
    /** While true, the conversation's storage fails as a dropped database connection does. */
    let storageDown = false;
    /** The waits of work held by the outage: each resolves when the test says. */
    const held: (() => void)[] = [];
    const service = storageThatFails(
      () => h,
      () => storageDown,
    );
    beforeAll(async () => {
      h = await whatsappHarness(kind, {
        service,
        heldWait: () => new Promise<void>((r) => held.push(r)),
      });
    });
    afterAll(async () => h?.close());

    async function joined(): Promise<{ p: WhatsAppPerson; id: string }> {
      const id = `oc-${kind}-${++n}`;
      await addStaff(h.t.app, staff(id, `Staf ${n}`, `Pengadministrasi ${n}`));
      const p = h.number(`62815${kind === 'pglite' ? 1 : 2}00${String(n).padStart(5, '0')}`);
      await p.say(`kode ${await h.invite(id)}`);
      return { p, id };
    }

    it('a message held by an outage is applied before the one that came after it', async () => {
      const { p, id } = await joined();
      storageDown = true;
      h.fake.text(p.jid, 'Proses baru');
      await until(() => Promise.resolve(held.length === 1), 'the first message held');
      storageDown = false;
      // Storage is back, and the next message arrives before the held one is tried again.
      h.fake.text(p.jid, 'Pengelolaan Arsip');
      held.shift()!();
      await p.settled();
      const state = (await loadInterview(h.t.app.database.db, `person:${id}`))?.state as {
        drafts: { name: string }[];
      };
      expect(state.drafts.map((d) => d.name)).toEqual(['Pengelolaan Arsip']);
      const texts = p.texts();
      expect(texts.findIndex((t) => t.includes(ASK_NAME))).toBeLessThan(
        texts.findIndex((t) => t.includes('Pengelolaan Arsip')),
      );
    });

    it('ten opens and closes cost a waiting reply no attempt; it goes out on the next open', async () => {
      const { p } = await joined();
      const db = h.t.app.database.db;
      // The outbox's clock, ahead of the database's: what is queued now is due at once.
      let clock = Date.now() + 60_000;
      const open = async () => {
        h.channel = await startWhatsAppChannel(h.t.app, h.fake.socket, {
          pacer: new Pacer(0, 0),
          retryEveryMs: 20,
          sleep: () => Promise.resolve(),
          service,
          now: () => new Date(clock),
        });
        await h.channel.settled();
      };
      await h.channel.stop();
      await open();
      // The connection drops as the reply goes out: it waits in the outbox for a retry.
      h.fake.failNext(
        Object.assign(new Error('Connection Closed'), {
          isBoom: true,
          output: { statusCode: 428 },
        }),
      );
      const before = p.sent().length;
      h.fake.text(p.jid, 'Proses baru');
      await h.channel.settled();
      const [waiting] = await pendingOutboxForChat(db, p.chatKey);
      expect(waiting?.attempts).toBe(1);
      const t0 = clock;
      for (let i = 1; i <= 10; i++) {
        // Each time the connection closes, the reply's retry is due.
        clock = t0 + 10_000 * i;
        await h.channel.stop();
        clock = t0;
        await open();
      }
      const [still] = await pendingOutboxForChat(db, p.chatKey);
      expect(still?.id).toBe(waiting!.id);
      expect(still?.attempts).toBe(waiting!.attempts);
      expect(p.sent()).toHaveLength(before);
      await h.channel.stop();
      clock = t0 + 200_000;
      await open();
      await p.settled();
      expect(p.texts().slice(before).join('\n')).toContain(ASK_NAME);
    });
  });
}
