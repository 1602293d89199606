// The interview on WhatsApp: the channel on a fake socket that emits Baileys' own events. Choices
// come as numbered lines and are answered by their number; the map comes as an image.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listProcesses } from '../../db/index.js';
import { SKIP_POSTGRES } from '../support/db.js';
import type { DbKind } from '../support/app.js';
import { renjaTranscript, renjaWorld } from '../support/renja.js';
import { canonical } from '../support/scenario.js';
import { type WhatsAppHarness, whatsappHarness } from '../support/fake-whatsapp.js';

for (const kind of ['pglite', 'postgres'] as DbKind[]) {
  describe.skipIf(kind === 'postgres' && SKIP_POSTGRES)(`WhatsApp interview on ${kind}`, () => {
    let h: WhatsAppHarness;
    beforeAll(async () => {
      h = await whatsappHarness(kind);
    });
    afterAll(async () => h?.close());

    it('holds the whole Renja interview by numbers and text, ending in the model and an image of the map', async () => {
      const rina = h.number('6281200000001');
      await rina.say(`kode ${await h.invite('rina')}`);
      expect(rina.texts().join('\n')).toContain('Selamat datang di Probis, Rina');
      expect(rina.choices().map((c) => c.label)).toEqual(['Proses baru', 'Peta unit saya']);
      expect(rina.last()).toContain('1. Proses baru\n2. Peta unit saya');
      expect(rina.last()).toContain('Balas dengan nomornya atau tulis pilihannya.');
      await rina.tell(renjaTranscript());

      const images = rina.sent().filter((s) => 'image' in s.content);
      expect(images.length).toBeGreaterThan(0);
      const image = images[0]!.content as { image: Buffer; caption: string; mimetype: string };
      expect(image.caption).toContain('Draf peta: 03.01 Penyusunan Rencana Kerja');
      expect(image.mimetype).toBe('image/png');
      expect([...image.image.subarray(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe(
        'PNG',
      );
      // The map is drawn by a job meanwhile, so the question may come before it.
      expect(rina.choices().map((c) => c.label)).toContain('Sudah benar');
      expect(rina.texts().some((t) => t.startsWith('Apakah peta ini sudah benar?'))).toBe(true);
      await rina.pick('Sudah benar');
      expect(rina.texts().join('\n')).toContain(
        'Terima kasih. Proses "Penyusunan Rencana Kerja" dikirim',
      );
      const all = await listProcesses(h.t.app.database.db, { organisationId: 'kab-contoh' });
      const stored = all.find((p) => p.code === '03.01');
      expect(stored?.status).toBe('submitted');
      expect(canonical(stored!)).toEqual(canonical(renjaWorld().expected));
      // Nothing was sent anywhere else, and every message fits WhatsApp's limit.
      expect(h.fake.sent.every((s) => s.jid === rina.jid)).toBe(true);
      expect(rina.texts().every((t) => t.length <= 4096)).toBe(true);
    });
  });
}
