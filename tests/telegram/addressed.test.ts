// Messages addressed to a person, not to the chat an update came from: a coordinator is told in
// their own chat when a process is submitted; a reminder and another person's action reach the
// clerk on the channel they use; someone who blocked the bot is not messaged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listProcesses, pendingOutboxForChat, setAccountReachable } from '../../db/index.js';
import { SKIP_POSTGRES } from '../support/db.js';
import { type TelegramHarness, telegramHarness, until } from '../support/telegram.js';
import { renjaTranscript } from '../support/renja.js';
import type { DbKind } from '../support/app.js';

for (const kind of ['pglite', 'postgres'] as DbKind[]) {
  describe.skipIf(kind === 'postgres' && SKIP_POSTGRES)(`addressed messages [${kind}]`, () => {
    let h: TelegramHarness;
    beforeAll(async () => {
      h = await telegramHarness(kind);
    });
    afterAll(async () => h?.close());

    it('tells the coordinator, in their own chat, that a process was submitted', async () => {
      const budi = h.user(3001);
      await budi.start(await h.invite('budi'));
      const rina = h.user(3002);
      await rina.start(await h.invite('rina'));
      await rina.tell(renjaTranscript());
      await rina.press('Sudah benar');
      const notice = 'Rina (Kasubbag Perencanaan) mengirim proses 03.01 "Penyusunan Rencana Kerja"';
      await until(
        async () => budi.texts().some((t) => t.includes(notice)),
        "the coordinator's notice",
      );
      // Said to Budi, not to Rina.
      expect(rina.texts().join('\n')).not.toContain(notice);
    });

    it('reminds the clerk of what is left, once per reminder, and says nothing when all is done', async () => {
      const service = h.t.app.service;
      const rina = h.user(3002);
      const before = rina.texts().length;
      // Everything Rina started is submitted: a reminder says nothing.
      const quiet = await service.deliver({
        personId: 'rina',
        input: { kind: 'reminder-due', at: '2026-12-04T08:00:00.000Z' },
        key: 'reminder:rina:2026-12-04',
      });
      expect(quiet).toMatchObject({ outcome: 'applied', outboxIds: [] });
      expect(await pendingOutboxForChat(h.t.app.database.db, 'telegram:3002')).toEqual([]);
      expect(rina.texts().length).toBe(before);

      // Budi returns the process with a comment: Rina is told in her chat, and it is hers again.
      await service.deliver({
        personId: 'rina',
        input: {
          kind: 'process-event',
          event: 'returned',
          processId: (await storedRenjaId(h))!,
          by: 'Budi (Kasubbag Kelembagaan)',
          comment: 'Langkah 3 kurang waktu',
        },
        key: 'returned:renja:1',
      });
      await until(
        async () => rina.texts().some((t) => t.includes('dikembalikan oleh Budi')),
        'the return notice',
      );
      expect(rina.texts().join('\n')).toContain('Catatan: "Langkah 3 kurang waktu"');

      // Now something is left: the reminder says what, in Indonesian first.
      const first = await service.deliver({
        personId: 'rina',
        input: { kind: 'reminder-due', at: '2026-12-05T08:00:00.000Z' },
        key: 'reminder:rina:2026-12-05',
      });
      expect(first).toMatchObject({ outcome: 'applied' });
      // The same reminder again (a job run twice) is applied once.
      const again = await service.deliver({
        personId: 'rina',
        input: { kind: 'reminder-due', at: '2026-12-05T08:00:00.000Z' },
        key: 'reminder:rina:2026-12-05',
      });
      expect(again).toMatchObject({ outcome: 'duplicate' });
      await until(
        async () => rina.texts().some((t) => t.includes('Pengingat: 1 proses belum selesai')),
        'the reminder',
      );
      expect(rina.texts().filter((t) => t.includes('Pengingat:'))).toEqual([
        expect.stringContaining('("Penyusunan Rencana Kerja")'),
      ]);
    });

    it('does not message a person who blocked the bot', async () => {
      await setAccountReachable(h.t.app.database.db, {
        platform: 'telegram',
        accountId: '3002',
        reachable: false,
        at: new Date(),
      });
      expect(
        await h.t.app.service.deliver({
          personId: 'rina',
          input: { kind: 'reminder-due', at: '2026-12-06T08:00:00.000Z' },
          key: 'reminder:rina:2026-12-06',
        }),
      ).toEqual({ outcome: 'unreachable' });
      // Nor a person who never joined.
      expect(
        await h.t.app.service.deliver({
          personId: 'nobody',
          input: { kind: 'reminder-due', at: '2026-12-06T08:00:00.000Z' },
          key: 'reminder:nobody',
        }),
      ).toEqual({ outcome: 'unreachable' });
    });
  });
}

async function storedRenjaId(h: TelegramHarness): Promise<string | undefined> {
  const all = await listProcesses(h.t.app.database.db, { organisationId: 'kab-contoh' });
  return all.find((p) => p.code === '03.01')?.id;
}
