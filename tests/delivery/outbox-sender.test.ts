// The outbox sender against a real database: replies of several chats sent in each chat's order,
// each message once, and marked sent even when the database fails for a moment while marking.
import { eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import type { Outbound } from '../../core/interview/index.js';
import type { Organisation } from '../../core/model/index.js';
import { type ChannelSender, OutboxSender } from '../../bot/delivery/outbox-sender.js';
import { silentLogger } from '../../bot/log.js';
import {
  applyInbound,
  linkAccount,
  pendingOutboxForChat,
  saveOrganisation,
  setAccountReachable,
} from '../../db/index.js';
import { outbox as outboxTable } from '../../db/schema.js';
import { rowsOf } from '../../db/raw-rows.js';
import { forEachDatabase } from '../support/db.js';

/** A platform that accepts everything and remembers what each chat was sent, in order. */
function recordingSender(): ChannelSender & { sent: Map<string, string[]> } {
  const sent = new Map<string, string[]>();
  let id = 0;
  return {
    platform: 'telegram',
    sent,
    async send(chatKey: string, message: Outbound) {
      sent.set(chatKey, [
        ...(sent.get(chatKey) ?? []),
        message.kind === 'text' ? message.text : '',
      ]);
      return { ok: true, messageId: String(++id) };
    },
  };
}

forEachDatabase('outbox sender', (getDb) => {
  const reply = (chatKey: string, texts: string[]) =>
    applyInbound(getDb().db, { platform: 'telegram', updateKey: chatKey, chatKey }, () => ({
      state: {},
      stateVersion: 1,
      personId: null,
      outbound: texts.map((text) => ({
        platform: 'telegram',
        payload: { kind: 'text', text } satisfies Outbound,
      })),
    }));

  /** Each chat was sent exactly these texts, in this order, and nothing of it is left pending. */
  async function expectDelivered(
    platform: ReturnType<typeof recordingSender>,
    byChat: Record<string, string[]>,
  ) {
    for (const [chatKey, texts] of Object.entries(byChat)) {
      expect(platform.sent.get(chatKey)).toEqual(texts);
      expect(await pendingOutboxForChat(getDb().db, chatKey)).toEqual([]);
    }
  }

  it('sends each chat its messages in order, once, and marks them sent', async () => {
    const { db } = getDb();
    await reply('telegram:1', ['Terima kasih.', 'Apa nama proses berikutnya?']);
    await reply('telegram:2', ['Baik.', 'Siapa pelaksananya?', 'Berapa lama?']);
    const platform = recordingSender();
    const outbox = new OutboxSender(db, platform, silentLogger);

    expect(await outbox.drain()).toBe(5);
    await expectDelivered(platform, {
      'telegram:1': ['Terima kasih.', 'Apa nama proses berikutnya?'],
      'telegram:2': ['Baik.', 'Siapa pelaksananya?', 'Berapa lama?'],
    });
  });

  // Protection: OutboxSender.markAll makes a failed mark statement again when the failure is
  // transient. Without it the delivered messages stay pending under their lease (to be sent a
  // second time a minute later) and the chats' next messages are never claimed: drain ends with
  // messages unsent and rows pending.
  it('marks again when the database fails for a moment: nothing is sent twice or left behind', async () => {
    const { db } = getDb();
    await reply('telegram:1', ['Terima kasih.', 'Apa nama proses berikutnya?']);
    await reply('telegram:2', ['Baik.', 'Siapa pelaksananya?']);
    // The first mark statement fails as a serialization failure would; a sequence, since the
    // failing statement's own changes are rolled back.
    for (const statement of [
      `create sequence probis_test_mark_faults`,
      `create function probis_test_fail_mark() returns trigger language plpgsql as $$
       begin
         if new.status = 'sent' and old.status = 'pending'
            and nextval('probis_test_mark_faults') = 1 then
           raise exception 'injected mark fault' using errcode = '40001';
         end if;
         return new;
       end $$`,
      `create trigger probis_test_fail_mark before update on outbox
         for each row execute function probis_test_fail_mark()`,
    ])
      await db.execute(sql.raw(statement));
    try {
      const platform = recordingSender();
      const outbox = new OutboxSender(db, platform, silentLogger);
      expect(await outbox.drain()).toBe(4);
      await expectDelivered(platform, {
        'telegram:1': ['Terima kasih.', 'Apa nama proses berikutnya?'],
        'telegram:2': ['Baik.', 'Siapa pelaksananya?'],
      });
      // The fault did happen: the trigger ran again after it.
      const [seq] = rowsOf<{ n: number }>(
        await db.execute(sql.raw(`select last_value::int as n from probis_test_mark_faults`)),
      );
      expect(seq!.n).toBeGreaterThan(1);
    } finally {
      for (const statement of [
        `drop trigger probis_test_fail_mark on outbox`,
        `drop function probis_test_fail_mark()`,
        `drop sequence probis_test_mark_faults`,
      ])
        await db.execute(sql.raw(statement));
    }
  });

  // Protection: OutboxSender.sendOne parses each payload with core's Outbound schema and sets an
  // unreadable one aside (marked failed, logged by id). Without the parse the platform is handed
  // whatever JSON is stored; without the mark the chat's queue stops behind the row for good.
  it('sets a stored message that is not a message aside, by id, and sends the chat the rest', async () => {
    const { db } = getDb();
    await applyInbound(
      db,
      { platform: 'telegram', updateKey: 'bad', chatKey: 'telegram:1' },
      () => ({
        state: {},
        stateVersion: 1,
        personId: null,
        outbound: [
          { platform: 'telegram', payload: { kind: 'text', text: 'Pertama.' } },
          { platform: 'telegram', payload: { kind: 'text', body: 'Rahasia pegawai.' } },
          { platform: 'telegram', payload: { kind: 'text', text: 'Ketiga.' } },
        ],
      }),
    );
    await reply('telegram:2', ['Baik.']);
    const logged: { event: string; fields: Record<string, unknown> }[] = [];
    const log = {
      ...silentLogger,
      error: (event: string, fields: Record<string, unknown> = {}) =>
        logged.push({ event, fields }),
    };
    const platform = recordingSender();

    expect(await new OutboxSender(db, platform, log).drain()).toBe(3);

    await expectDelivered(platform, {
      'telegram:1': ['Pertama.', 'Ketiga.'],
      'telegram:2': ['Baik.'],
    });
    const rows = rowsOf<{ id: string; status: string; last_error: string | null }>(
      await db.execute(
        sql.raw(
          `select id::text, status, last_error from outbox where chat_key = 'telegram:1' order by id`,
        ),
      ),
    );
    expect(rows.map((r) => r.status)).toEqual(['sent', 'failed', 'sent']);
    expect(rows[1]!.last_error).toBe('unreadable payload: text invalid_type');
    expect(logged).toEqual([
      {
        event: 'outbox.unreadable',
        fields: { id: Number(rows[1]!.id), chat: 'telegram:1', error: rows[1]!.last_error },
      },
    ]);
    expect(JSON.stringify(logged)).not.toContain('Rahasia');
  });

  // Protection: a claimed message of an unreachable account's chat is given up by OutboxSender
  // without calling the platform. Without it the platform is asked to send both reminders (and
  // Telegram would refuse each with 403).
  it("gives up an unreachable account's messages unsent; other chats, and the account once back, are sent", async () => {
    const { db } = getDb();
    await saveOrganisation(db, organisationWith('budi'), { system: 'test' });
    await linkAccount(db, { platform: 'telegram', accountId: '2', personId: 'budi' });
    const reachable = (yes: boolean) =>
      setAccountReachable(db, {
        platform: 'telegram',
        accountId: '2',
        reachable: yes,
        at: new Date(),
      });
    await reachable(false);
    await reply('telegram:1', ['Baik.']);
    await reply('telegram:2', ['Pengingat 1', 'Pengingat 2']);
    const platform = recordingSender();
    const outbox = new OutboxSender(db, platform, silentLogger);

    expect(await outbox.drain()).toBe(1);
    expect(platform.sent.get('telegram:1')).toEqual(['Baik.']);
    expect(platform.sent.get('telegram:2')).toBeUndefined();
    const statuses = await db
      .select({ status: outboxTable.status })
      .from(outboxTable)
      .where(eq(outboxTable.chatKey, 'telegram:2'));
    expect(statuses.map((r) => r.status)).toEqual(['failed', 'failed']);

    await reachable(true);
    await applyInbound(
      db,
      { platform: 'telegram', updateKey: 'back', chatKey: 'telegram:2' },
      () => ({
        state: undefined,
        stateVersion: 1,
        personId: null,
        outbound: [
          { platform: 'telegram', payload: { kind: 'text', text: 'Selamat datang kembali.' } },
        ],
      }),
    );
    expect(await outbox.drain()).toBe(1);
    expect(platform.sent.get('telegram:2')).toEqual(['Selamat datang kembali.']);
  });
});

/** An organisation of one unit and one person, for the person's channel account. */
function organisationWith(personId: string): Organisation {
  return {
    id: 'kab-uji',
    name: 'Pemerintah Kabupaten Uji',
    codePrefix: null,
    units: [{ id: 'bag-uji', name: 'Bagian Uji', kind: 'bagian', parentId: null, shortName: null }],
    people: [
      {
        id: personId,
        name: 'Budi',
        position: 'Analis',
        unitId: 'bag-uji',
        roles: ['respondent'],
        nip: null,
        accounts: [],
        language: 'id',
      },
    ],
  };
}
