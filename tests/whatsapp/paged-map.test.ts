// A map too long for one page, through the WhatsApp channel: the render job draws its pages, and
// the person receives each page as an image with its page number, then the whole map as one PDF.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STATE_VERSION } from '../../core/interview/index.js';
import { applyInbound, saveOrganisation, saveProcess } from '../../db/index.js';
import { SKIP_POSTGRES } from '../support/db.js';
import { type DbKind, addStaff, staff } from '../support/app.js';
import {
  type Sent,
  type WhatsAppHarness,
  until,
  whatsappHarness,
} from '../support/fake-whatsapp.js';
import { pagedKecamatanProcess } from '../renderers/paged-fixture.js';

for (const kind of ['pglite', 'postgres'] as DbKind[]) {
  describe.skipIf(kind === 'postgres' && SKIP_POSTGRES)(`a paged map on WhatsApp, ${kind}`, () => {
    let h: WhatsAppHarness;
    beforeAll(async () => {
      h = await whatsappHarness(kind);
    });
    afterAll(async () => h?.close());

    let process: ReturnType<typeof pagedKecamatanProcess>['process'];
    let caption: string;
    beforeAll(async () => {
      const db = h.t.app.database.db;
      const world = pagedKecamatanProcess();
      process = world.process;
      caption = `Draf peta: ${process.code} ${process.name}`;
      await saveOrganisation(db, world.org, { system: 'test' });
      await saveProcess(db, {
        organisationId: world.org.id,
        process: { ...process, version: 0 },
        expectedVersion: 0,
        actor: { system: 'test' },
      });
      await addStaff(h.t.app, staff('paged-1', 'Staf Peta', 'Pengadministrasi'));
      await addStaff(h.t.app, staff('paged-2', 'Staf Peta Dua', 'Pengadministrasi'));
    });

    /** A person joined on WhatsApp, and the map queued for their chat as the interview does. */
    async function mapFor(personId: string, digits: string, beforeMap?: () => void) {
      const p = h.number(`${digits}${kind === 'pglite' ? 1 : 2}0000001`);
      await p.say(`kode ${await h.invite(personId)}`);
      await p.settled();
      beforeMap?.();
      const before = p.sent().length;
      await applyInbound(
        h.t.app.database.db,
        { platform: 'whatsapp', updateKey: `test:paged-map:${personId}`, chatKey: p.chatKey },
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
      return { p, got: () => p.sent().slice(before) };
    }

    const imagesIn = (got: Sent[]) =>
      got.map((s) => s.content).filter((c) => 'image' in c) as {
        image: Buffer;
        caption: string;
        mimetype: string;
      }[];
    const documentsIn = (got: Sent[]) =>
      got.map((s) => s.content).filter((c) => 'document' in c) as {
        document: Buffer;
        mimetype: string;
        fileName: string;
      }[];

    it('a 22-step map comes as its page images and one PDF of the whole map', async () => {
      const { p, got: sent } = await mapFor('paged-1', '62816');
      await p.settled();
      const got = sent();
      const images = imagesIn(got);
      const documents = documentsIn(got);
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

    // Protection: outbox.pages_sent. Without it the retry sends the map from page 1 again.
    it('a connection lost after the first page: the retry sends the rest, not page 1 again', async () => {
      const { p, got } = await mapFor('paged-2', '62817', () =>
        h.fake.failAfter(1, {
          isBoom: true,
          output: { statusCode: 428 },
          message: 'Connection Closed',
        }),
      );
      await until(
        () => Promise.resolve(documentsIn(got()).length === 1),
        'the PDF after the retry',
      );
      await p.settled();
      const images = imagesIn(got());
      expect(images.length).toBeGreaterThan(1);
      // Each page once, in order, then the PDF.
      expect(images.map((i) => i.caption)).toEqual([...new Set(images.map((i) => i.caption))]);
      expect(images.map((i) => i.caption.match(/\d+\/\d+/)?.[0])).toEqual(
        images.map((_, i) => `${i + 1}/${images.length}`),
      );
      expect(got().findIndex((s) => 'document' in s.content)).toBe(got().length - 1);
    });
  });
}
