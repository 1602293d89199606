// A whole interview through `probis chat --jsonl`'s channel, on PGlite and on PostgreSQL:
// the Renja example ends in exactly the fixture's model, stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listProcesses } from '../../db/index.js';
import { SKIP_POSTGRES } from '../support/db.js';
import { type DbKind, type TestApp, openTestApp, seedRenja } from '../support/app.js';
import { JsonlChat } from '../support/jsonl.js';
import { renjaTranscript, renjaWorld } from '../support/renja.js';
import { canonical } from '../support/scenario.js';

for (const kind of ['pglite', 'postgres'] as DbKind[]) {
  describe.skipIf(kind === 'postgres' && SKIP_POSTGRES)(`the JSON-lines channel on ${kind}`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await openTestApp(kind);
      await seedRenja(t.app);
    });
    afterAll(async () => t?.close());

    it('holds the Renja interview to the end, and the stored model is the example', async () => {
      const chat = new JsonlChat(t.app, { personId: 'rina', chatKey: `terminal:${kind}-renja` });
      const first = await chat.start();
      expect(first.at(-1)).toMatchObject({ type: 'question', questionId: 'menu' });
      await chat.tell(renjaTranscript());
      expect(chat.question().questionId).toBe('review.confirm');
      expect(chat.out.some((o) => o.type === 'map')).toBe(true);
      await chat.press('Sudah benar');
      await chat.end();
      const stored = await listProcesses(t.app.database.db, { organisationId: 'kab-contoh' });
      const renja = stored.find((p) => p.code === '03.01')!;
      expect(renja.status).toBe('submitted');
      expect(canonical(renja)).toEqual(canonical(renjaWorld().expected));
    });

    it('answers bad lines with an error line and goes on', async () => {
      const chat = new JsonlChat(t.app, { personId: 'rina', chatKey: `terminal:${kind}-bad` });
      await chat.start();
      expect((await chat.send('not json')).at(-1)).toMatchObject({ type: 'error' });
      expect((await chat.send({ what: 1 })).at(-1)).toMatchObject({ type: 'error' });
      expect((await chat.send({ choice: 'nope' })).at(-1)).toMatchObject({ type: 'error' });
      const r = await chat.say('/status');
      expect(r.at(-1)).toMatchObject({ type: 'question', questionId: 'menu' });
      await chat.end();
    });
  });
}
