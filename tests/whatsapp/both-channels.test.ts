// A person who joined on Telegram links WhatsApp with a second invitation and goes on with the
// same draft there: one conversation per person, whichever chat it continues in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountsOfPerson } from '../../db/index.js';
import { SKIP_POSTGRES } from '../support/db.js';
import type { DbKind } from '../support/app.js';
import { type TelegramHarness, telegramHarness } from '../support/telegram.js';
import { type WhatsAppHarness, whatsappOn } from '../support/fake-whatsapp.js';

for (const kind of ['pglite', 'postgres'] as DbKind[]) {
  describe.skipIf(kind === 'postgres' && SKIP_POSTGRES)(`Telegram then WhatsApp on ${kind}`, () => {
    let tg: TelegramHarness;
    let wa: WhatsAppHarness;
    beforeAll(async () => {
      tg = await telegramHarness(kind);
      wa = await whatsappOn(tg.t);
    });
    afterAll(async () => {
      await wa?.close();
      await tg?.close();
    });

    it('continues the draft begun on Telegram after a second invitation on WhatsApp', async () => {
      const onTelegram = tg.user(4401);
      await onTelegram.start(await tg.invite('rina'));
      await onTelegram.press('Proses baru');
      await onTelegram.say('Penyusunan Rencana Kerja');
      expect(onTelegram.last()).toContain('Manajemen');

      const onWhatsApp = wa.number('6281244010001');
      await onWhatsApp.say(`kode ${await tg.invite('rina')}`);
      const said = onWhatsApp.texts().join('\n');
      expect(said).toContain('Selamat datang kembali, Rina');
      expect(said).toContain('draf Anda berlanjut di sini');
      // The question Telegram was at, asked again here, answered by its number.
      expect(onWhatsApp.choices().map((c) => c.label)).toContain('Manajemen');
      await onWhatsApp.pick('Manajemen');
      expect(onWhatsApp.choices().map((c) => c.label)).toContain('03 Perencanaan dan Penganggaran');

      const accounts = await accountsOfPerson(tg.t.app.database.db, { personId: 'rina' });
      expect(accounts.map((a) => a.platform).sort()).toEqual(['telegram', 'whatsapp']);
      // Telegram got nothing of what was said on WhatsApp.
      expect(onTelegram.texts().join('\n')).not.toContain('Selamat datang kembali');
    });
  });
}
