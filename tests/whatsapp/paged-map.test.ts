// A map too long for one page, through the WhatsApp channel: the render job draws its pages, and
// the person receives each page as an image with its page number, then the whole map as one PDF.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STATE_VERSION } from '../../core/interview/index.js';
import { applyInbound, saveOrganisation, saveProcess } from '../../db/index.js';
import { SKIP_POSTGRES } from '../support/db.js';
import { type DbKind, addStaff, staff } from '../support/app.js';
import { type WhatsAppHarness, whatsappHarness } from '../support/fake-whatsapp.js';
import { pagedKecamatanProcess } from '../renderers/paged-fixture.js';

for (const kind of ['pglite', 'postgres'] as DbKind[]) {
  describe.skipIf(kind === 'postgres' && SKIP_POSTGRES)(`a paged map on WhatsApp, ${kind}`, () => {
    let h: WhatsAppHarness;
    beforeAll(async () => {
      h = await whatsappHarness(kind);
    });
    afterAll(async () => h?.close());

    it('a 22-step map comes as its page images and one PDF of the whole map', async () => {
      const db = h.t.app.database.db;
      const { process, org } = pagedKecamatanProcess();
      await saveOrganisation(db, org, { system: 'test' });
      await saveProcess(db, {
        organisationId: org.id,
        process: { ...process, version: 0 },
        expectedVersion: 0,
        actor: { system: 'test' },
      });
      await addStaff(h.t.app, staff('paged-1', 'Staf Peta', 'Pengadministrasi'));
      const p = h.number(`62816${kind === 'pglite' ? 1 : 2}0000001`);
      await p.say(`kode ${await h.invite('paged-1')}`);
      const before = p.sent().length;
      const caption = `Draf peta: ${process.code} ${process.name}`;
      // The map as the interview queues it for the chat.
      await applyInbound(
        db,
        { platform: 'whatsapp', updateKey: 'test:paged-map', chatKey: p.chatKey },
        () => ({
          state: undefined,
          stateVersion: STATE_VERSION,
          personId: null,
          outbound: [
            {
              platform: 'whatsapp',
              payload: { kind: 'map', processId: process.id, outline: 'garis besar', caption },
            },
          ],
        }),
      );
      await p.settled();
      const got = p.sent().slice(before);
      const images = got.map((s) => s.content).filter((c) => 'image' in c) as {
        image: Buffer;
        caption: string;
        mimetype: string;
      }[];
      const documents = got.map((s) => s.content).filter((c) => 'document' in c) as {
        document: Buffer;
        mimetype: string;
        fileName: string;
      }[];
      expect(images.length).toBeGreaterThan(1);
      expect(images.every((i) => i.mimetype === 'image/png')).toBe(true);
      expect(images.every((i) => i.caption.startsWith(caption))).toBe(true);
      expect(new Set(images.map((i) => i.caption)).size).toBe(images.length);
      expect(documents).toHaveLength(1);
      expect(documents[0]!.mimetype).toBe('application/pdf');
      expect(documents[0]!.document.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      // The PDF holds every page, and comes after them.
      const pdf = documents[0]!.document.toString('latin1');
      expect(pdf.match(/\/Type \/Page\b/g)).toHaveLength(images.length);
      expect(got.findIndex((s) => 'document' in s.content)).toBe(got.length - 1);
    });
  });
}
