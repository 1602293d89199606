// A map Telegram will not take never stalls the chat. The clerk's draft map and the review
// question behind it are sent through the real Telegram sender to the local fake Bot API; the
// outbox runs on a clock the test moves, so retries are counted, never waited for.
//  - photos failing with 500: three tries (1 s and 2 s apart), then the map as files, then the
//    question;
//  - a photo Telegram refuses (400 PHOTO_INVALID_DIMENSIONS): the files at once;
//  - photos and files failing: the text summary, then the question;
//  - the person blocked the bot (403): nothing else is tried.
import { Telegraf } from 'telegraf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Outbound } from '../../core/interview/index.js';
import { OutboxSender, backoffMs } from '../../bot/delivery/outbox-sender.js';
import { PHOTO_ATTEMPTS } from '../../bot/delivery/forms.js';
import { silentLogger } from '../../bot/log.js';
import { loadMapSource } from '../../bot/map-pictures.js';
import { Pacer } from '../../bot/delivery/pacer.js';
import { TelegramSender } from '../../bot/telegram/sender.js';
import { storeArtifact, undeliveredOutboxForChat } from '../../db/index.js';
import { outbox } from '../../db/schema.js';
import { type DbKind, type TestApp, openTestApp, seedRenja } from '../support/app.js';
import { SKIP_POSTGRES } from '../support/db.js';
import { type FakeTelegram, startFakeTelegram } from '../support/fake-telegram.js';
import { seedReview } from '../support/review.js';

const QUESTION: Outbound = {
  kind: 'question',
  questionId: 'review.confirm',
  rev: 7,
  text: 'Apakah peta ini sudah benar?',
  choices: [{ id: 'confirm', label: 'Sudah benar' }],
  optional: false,
};

/** A PNG header 12000 px wide: Telegram refuses it as a photo (width + height > 10000). */
function tooWidePng(): Uint8Array {
  const b = new Uint8Array(33);
  b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], 0);
  b.set(new TextEncoder().encode('IHDR'), 12);
  new DataView(b.buffer).setUint32(16, 12000);
  new DataView(b.buffer).setUint32(20, 400);
  return b;
}

/** A PNG header of a phone-sized page (800 x 1000), as a render stores it. */
function pagePng(): Uint8Array {
  const b = tooWidePng();
  new DataView(b.buffer).setUint32(16, 800);
  new DataView(b.buffer).setUint32(20, 1000);
  return b;
}

for (const kind of ['pglite', 'postgres'] as DbKind[]) {
  describe.skipIf(kind === 'postgres' && SKIP_POSTGRES)(
    `a map Telegram refuses, on ${kind}`,
    () => {
      let t: TestApp;
      let fake: FakeTelegram;
      let processId: string;
      let chat = 8100;

      beforeAll(async () => {
        fake = await startFakeTelegram({
          perChatLimit: false,
          globalLimit: false,
          requireKnownChat: false,
        });
        t = await openTestApp(kind);
        await seedRenja(t.app);
        processId = await seedReview(t.app.database.db, {
          chatKey: 'telegram:8000',
          activities: 6,
        });
        // The pictures as the render job stores them.
        const source = (await loadMapSource(t.app.database.db, processId))!;
        await t.app.renderer.crossFunctionalPng(source.process, source.org);
      }, 90_000);
      afterAll(async () => {
        await t?.close();
        await fake?.close();
      });

      /**
       * A chat with the draft map queued, then the review question; an outbox on a clock the test
       * moves. `artifactKey`: the map comes with these stored pictures instead of its own.
       */
      async function clerk(o: { artifactKey?: string } = {}) {
        const chatId = ++chat;
        const chatKey = `telegram:${chatId}`;
        const db = t.app.database.db;
        const map: Outbound = {
          kind: 'map',
          processId,
          caption: 'Draf peta: 09.01 Proses Sintetis',
          outline: '1. Langkah satu\n2. Langkah dua',
        };
        await db.insert(outbox).values({
          chatKey,
          platform: 'telegram',
          payload: map,
          artifactKey: o.artifactKey ?? null,
        });
        await db.insert(outbox).values({ chatKey, platform: 'telegram', payload: QUESTION });
        // The rows were queued now: the clock starts a moment after.
        let now = Date.now() + 1000;
        const telegram = new Telegraf(fake.token, { telegram: { apiRoot: fake.apiRoot } }).telegram;
        const sender = new OutboxSender(
          db,
          new TelegramSender({ telegram, pacer: new Pacer(0, 0) }),
          silentLogger,
          { maps: t.app.maps, now: () => new Date(now) },
        );
        return {
          chatId,
          /** Drains until the chat has nothing left to send, moving the clock to each retry. */
          async deliver(): Promise<{ drains: number; waitedMs: number }> {
            let drains = 0;
            const start = now;
            for (;;) {
              await sender.drain();
              drains++;
              const left = await undeliveredOutboxForChat(db, chatKey);
              if (!left.length || drains > 20) break;
              now += backoffMs(left[0]!.attempts);
            }
            sender.close();
            return { drains, waitedMs: now - start };
          },
          /** What the clerk sees, in order: a line per message. */
          seen: () =>
            fake
              .messages(chatId)
              .map((m) =>
                m.kind === 'document'
                  ? `document ${m.document!.fileName}`
                  : m.kind === 'photo'
                    ? 'photo'
                    : m.text!.split('\n')[0]!,
              ),
          calls: (method: string) => fake.calls(method).filter((c) => c.chatId === chatId),
        };
      }

      // Protection: formsFor/afterFailure in OutboxSender.sendInForms. Without them the map is
      // retried as photos with backoff for about an hour (20 attempts) and the question waits.
      it('photos failing with 500: after three tries the map comes as files and the question right after', async () => {
        const c = await clerk();
        fake.failNext({ method: 'sendPhoto', chatId: c.chatId, count: 1000, status: 500 });

        const { drains, waitedMs } = await c.deliver();

        expect(c.seen()).toEqual(['document peta-09.01-1.png', 'Apakah peta ini sudah benar?']);
        expect(c.calls('sendPhoto').map((x) => x.status)).toEqual(Array(PHOTO_ATTEMPTS).fill(500));
        expect(drains).toBe(PHOTO_ATTEMPTS);
        expect(waitedMs, 'the question waited 1 s + 2 s of retries').toBe(3000);
        const doc = fake.messages(c.chatId)[0]!;
        expect(doc.caption).toBe('Draf peta: 09.01 Proses Sintetis');
        expect(doc.document!.mimeType).toBe('image/png');
      });

      // Protection: the 400 classified permanent (not blocked) and afterFailure's 'degrade' for it.
      // Without it the refused photo is given up and the clerk gets no map at all.
      it('a photo Telegram refuses (PHOTO_INVALID_DIMENSIONS): the files at once, then the question', async () => {
        const db = t.app.database.db;
        const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>');
        await storeArtifact(db, { key: 'test:too-wide', parts: [svg, tooWidePng()] });
        const c = await clerk({ artifactKey: 'test:too-wide' });

        const { drains, waitedMs } = await c.deliver();

        expect(c.calls('sendPhoto').map((x) => [x.status, x.description])).toEqual([
          [400, 'Bad Request: PHOTO_INVALID_DIMENSIONS'],
        ]);
        expect(c.seen()).toEqual(['document peta-09.01-1.png', 'Apakah peta ini sudah benar?']);
        expect({ drains, waitedMs }).toEqual({ drains: 1, waitedMs: 0 });
      });

      // Protection: outbox.pages_sent, set from the sender's `sent` on failure. Without it the
      // retry sends the map from its first page again, and the clerk gets page 1 twice.
      it('a map of two pages failing at the second: the retry sends the second page and the SVG, not the first again', async () => {
        const db = t.app.database.db;
        const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>');
        await storeArtifact(db, { key: 'test:two-pages', parts: [svg, pagePng(), pagePng()] });
        const c = await clerk({ artifactKey: 'test:two-pages' });
        fake.failNext({ method: 'sendPhoto', chatId: c.chatId, count: 1, status: 500, after: 1 });

        const { drains } = await c.deliver();

        expect(c.calls('sendPhoto').map((x) => x.status)).toEqual([200, 500, 200]);
        expect(c.seen()).toEqual([
          'photo',
          'photo',
          'document peta-09.01.svg',
          'Apakah peta ini sudah benar?',
        ]);
        expect(drains).toBe(2);
      });

      // Protection: the 'text' form after 'files'. Without it the map is retried for an hour.
      it('photos and files both failing: the text summary, then the question', async () => {
        const c = await clerk();
        fake.failNext({ method: 'sendPhoto', chatId: c.chatId, count: 1000, status: 500 });
        fake.failNext({ method: 'sendDocument', chatId: c.chatId, count: 1000, status: 502 });

        const { drains } = await c.deliver();

        expect(c.seen()).toEqual([
          'Draf peta: 09.01 Proses Sintetis',
          'Apakah peta ini sudah benar?',
        ]);
        expect(fake.messages(c.chatId)[0]!.text).toBe(
          [
            'Draf peta: 09.01 Proses Sintetis',
            '',
            'Gambar tidak dapat dikirim; berikut ringkasannya. / The picture could not be sent; here is its summary.',
            '',
            '1. Langkah satu',
            '2. Langkah dua',
          ].join('\n'),
        );
        expect(c.calls('sendPhoto')).toHaveLength(PHOTO_ATTEMPTS);
        expect(c.calls('sendDocument')).toHaveLength(1);
        expect(drains).toBe(PHOTO_ATTEMPTS);
      });

      // Protection: 'blocked' on the 403 outcome. Without it a blocked chat would be tried with a
      // file and a text for every map.
      it('a person who blocked the bot (403) is not sent the map in another form', async () => {
        const c = await clerk();
        fake.blockBy(c.chatId);

        const { drains } = await c.deliver();

        expect(c.calls('sendPhoto').map((x) => x.status)).toEqual([403]);
        expect(c.calls('sendDocument')).toEqual([]);
        expect(c.calls('sendMessage').map((x) => x.status)).toEqual([403]);
        expect(c.seen()).toEqual([]);
        expect(drains).toBe(1);
      });
    },
  );
}
