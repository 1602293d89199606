// The interview in a real Telegram chat: the bot polls a local fake of the Bot API over HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listProcesses, loadInterview } from '../../db/index.js';
import { SKIP_POSTGRES } from '../support/db.js';
import { type TelegramHarness, telegramHarness } from '../support/telegram.js';
import { renjaTranscript, renjaWorld } from '../support/renja.js';
import { canonical } from '../support/scenario.js';
import type { DbKind } from '../support/app.js';

async function renjaStored(h: TelegramHarness) {
  const all = await listProcesses(h.t.app.database.db, { organisationId: 'kab-contoh' });
  return all.find((p) => p.code === '03.01');
}

for (const kind of ['pglite', 'postgres'] as DbKind[]) {
  describe.skipIf(kind === 'postgres' && SKIP_POSTGRES)(`Telegram on ${kind}`, () => {
    let h: TelegramHarness;
    beforeAll(async () => {
      h = await telegramHarness(kind);
    });
    afterAll(async () => h?.close());

    it('sets the command menu in Indonesian and English', () => {
      expect((h.fake.commands('id') ?? []).map((c) => c.command)).toContain('kembali');
      expect((h.fake.commands('en') ?? []).find((c) => c.command === 'kembali')?.description).toBe(
        'Back to the previous question',
      );
    });

    it('tells someone who is not invited how to get access, and nothing else', async () => {
      const stranger = h.user(666);
      await stranger.say('halo');
      expect(stranger.texts()).toHaveLength(1);
      expect(stranger.last()).toContain('belum terdaftar di Probis');
      await stranger.start('bukan-token-yang-ada');
      expect(stranger.last()).toContain('tidak dikenal');
      expect(await loadInterview(h.t.app.database.db, 'telegram:666')).toBeNull();
    });

    it('holds the whole Renja interview by buttons and text, ending in the model and a photo of the map', async () => {
      const rina = h.user(1001);
      await rina.start(await h.invite('rina'));
      expect(rina.texts().join('\n')).toContain('Selamat datang di Probis, Rina');
      expect(h.fake.lastQuestion(1001)?.buttons.map((b) => b.text)).toEqual([
        'Proses baru',
        'Peta unit saya',
      ]);
      await rina.tell(renjaTranscript());
      const photos = h.fake.messages(1001).filter((m) => m.kind === 'photo');
      expect(photos.length).toBeGreaterThan(0);
      expect(photos[0]!.caption).toContain('Draf peta: 03.01 Penyusunan Rencana Kerja');
      expect(h.fake.chatActions(1001).map((a) => a.action)).toContain('upload_photo');
      const q = h.fake.lastQuestion(1001)!;
      expect(q.text).toBe('Apakah peta ini sudah benar?');
      await rina.press('Sudah benar');
      expect(rina.texts().join('\n')).toContain(
        'Terima kasih. Proses "Penyusunan Rencana Kerja" dikirim',
      );
      const stored = await renjaStored(h);
      expect(stored?.status).toBe('submitted');
      expect(canonical(stored!)).toEqual(canonical(renjaWorld().expected));
      // An answered question's buttons are closed, showing the choice made.
      const answered = h.fake.messages(1001).find((m) => m.text?.includes('✓ Sudah benar'));
      expect(answered?.buttons ?? []).toHaveLength(0);
    });

    it('an invitation works once; the second person with it is told so', async () => {
      const token = await h.invite('budi');
      const budi = h.user(2002);
      await budi.start(token);
      expect(budi.texts().join('\n')).toContain('Selamat datang di Probis, Budi');
      const other = h.user(2003);
      await other.start(token);
      expect(other.last()).toContain('sudah dipakai');
    });
  });
}
