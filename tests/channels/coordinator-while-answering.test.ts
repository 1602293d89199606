// A coordinator acts on a process while its clerk is answering, through the real conversation
// service on PGlite and on PostgreSQL: a handoff confirmed, a note, an approval, an edit of the
// same flow. Both are kept; no answer is thrown away.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ActivityNode,
  type Process,
  handoffs,
  isStep,
  updateStep,
} from '../../core/model/index.js';
import {
  addProcessNote,
  confirmHandoff,
  listProcessNotes,
  listProcesses,
  listReviewEvents,
  loadProcess,
  recordReview,
  saveProcess,
} from '../../db/index.js';
import { SKIP_POSTGRES } from '../support/db.js';
import { type DbKind, type TestApp, openTestApp, seedRenja } from '../support/app.js';
import { JsonlChat } from '../support/jsonl.js';
import { renjaTranscript } from '../support/renja.js';

const ORG = 'kab-contoh';

for (const kind of ['pglite', 'postgres'] as DbKind[]) {
  describe.skipIf(kind === 'postgres' && SKIP_POSTGRES)(
    `a coordinator while the clerk answers, on ${kind}`,
    () => {
      let t: TestApp;
      beforeAll(async () => {
        t = await openTestApp(kind);
        await seedRenja(t.app);
      });
      afterAll(async () => t?.close());
      const db = () => t.app.database.db;

      /** Rina tells the whole Renja process and stops at the review. */
      async function rinaDescribesRenja(chatKey: string): Promise<{ chat: JsonlChat; p: Process }> {
        const known = new Set(
          (await listProcesses(db(), { organisationId: ORG })).map((x) => x.id),
        );
        const chat = new JsonlChat(t.app, { personId: 'rina', chatKey });
        await chat.start();
        await chat.tell(renjaTranscript());
        expect(chat.question().questionId).toBe('review.confirm');
        // Each test's Rina maps a new process (03.01, 03.02, …) in one shared organisation.
        const p = (await listProcesses(db(), { organisationId: ORG })).find(
          (x) => !known.has(x.id),
        )!;
        return { chat, p };
      }

      const stepNamed = (p: Process, name: string) =>
        p.flow!.nodes.find((n) => isStep(n) && n.name === name) as ActivityNode;

      /** Budi, coordinator, saves an edit of the flow (as a coordinator's tool would). */
      async function budiEdits(p: Process, nodeId: string, patch: Partial<ActivityNode>) {
        const r = await saveProcess(db(), {
          organisationId: ORG,
          process: { ...p, flow: updateStep(p.flow!, nodeId, patch) },
          expectedVersion: p.version,
          actor: { personId: 'budi' },
          scope: 'flow',
        });
        expect(r.outcome).toBe('saved');
      }

      /** Rina gives step 3 a new waktu through the edit menu. */
      async function rinaSetsWaktuOfStep3(chat: JsonlChat, waktu: string) {
        await chat.say('/ubah 3');
        await chat.press('Waktu');
        return chat.say(waktu);
      }

      const texts = (out: { type: string }[]) =>
        out.flatMap((o) => ('text' in o && typeof o.text === 'string' ? [o.text] : []));

      it('keeps a confirmation, a note and an edit of another step, and the clerk’s answer', async () => {
        const { chat, p } = await rinaDescribesRenja(`terminal:${kind}-both`);
        const step3 = stepNamed(p, 'Menyusun usulan program bagian');
        const step8 = stepNamed(p, 'Menyampaikan Renja ke Bappeda');
        const toOrganisasi = handoffs(p).find(
          (h) => h.kind === 'edge' && h.toUnitId === 'bag-organisasi',
        )!;

        // Budi confirms the handoff his unit receives, writes a note, and renames step 8.
        expect(
          await confirmHandoff(db(), {
            organisationId: ORG,
            processId: p.id,
            key: toOrganisasi.key,
            byPersonId: 'budi',
            note: 'Nota dinas kami terima',
          }),
        ).toMatchObject({ outcome: 'recorded' });
        expect(
          await addProcessNote(db(), {
            organisationId: ORG,
            processId: p.id,
            byPersonId: 'budi',
            text: 'Cantumkan nomor surat edaran',
          }),
        ).toMatchObject({ outcome: 'added' });
        await budiEdits((await loadProcess(db(), { processId: p.id }))!, step8.id, {
          name: 'Mengirim Renja ke Bappeda',
        });

        // Rina, who read the process before all that, answers.
        const reply = await rinaSetsWaktuOfStep3(chat, '4 hari');
        expect(texts(reply).join('\n')).toContain(
          'juga diubah oleh Budi sementara Anda menjawab. Perubahan Anda dan perubahannya sudah digabung. Tidak ada yang hilang.',
        );
        expect(chat.question().questionId).toBe('edit.menu');

        const stored = (await loadProcess(db(), { processId: p.id }))!;
        expect(stepNamed(stored, 'Mengirim Renja ke Bappeda')).toBeDefined();
        expect(stored.flow!.nodes.find((n) => n.id === step3.id)).toMatchObject({
          waktu: { value: 4, unit: 'hari' },
        });
        expect(handoffs(stored).find((h) => h.key === toOrganisasi.key)?.state).toBe('confirmed');
        expect((await listProcessNotes(db(), { processId: p.id })).map((n) => n.text)).toEqual([
          'Cantumkan nomor surat edaran',
        ]);

        // Rina submits: the snapshot holds both changes and the confirmation.
        await chat.press('Selesai mengubah');
        await chat.press('Sudah benar');
        await chat.end();
        const submitted = (await listReviewEvents(db(), { processId: p.id })).at(-1)!;
        expect(submitted).toMatchObject({ kind: 'submitted', byPersonId: 'rina' });
        const snap = submitted.snapshot!;
        expect(snap.status).toBe('submitted');
        expect(snap.version).toBe((await loadProcess(db(), { processId: p.id }))!.version);
        expect(stepNamed(snap, 'Mengirim Renja ke Bappeda')).toBeDefined();
        expect(snap.flow!.nodes.find((n) => n.id === step3.id)).toMatchObject({
          waktu: { value: 4, unit: 'hari' },
        });
        expect(handoffs(snap).find((h) => h.key === toOrganisasi.key)?.state).toBe('confirmed');
      });

      it('keeps the clerk’s answer where the coordinator changed the same field, and says so', async () => {
        const { chat, p } = await rinaDescribesRenja(`terminal:${kind}-same`);
        const step3 = stepNamed(p, 'Menyusun usulan program bagian');
        await budiEdits(p, step3.id, { waktu: { value: 2, unit: 'hari' } });

        const reply = await rinaSetsWaktuOfStep3(chat, '4 hari');
        expect(texts(reply).join('\n')).toContain(
          'Anda berdua mengubah bagian yang sama: langkah 3 "Menyusun usulan program bagian" (waktu). Jawaban Anda yang dipakai',
        );
        await chat.end();
        const stored = (await loadProcess(db(), { processId: p.id }))!;
        expect(stored.flow!.nodes.find((n) => n.id === step3.id)).toMatchObject({
          waktu: { value: 4, unit: 'hari' },
        });
        // Budi's value is not lost: the audit log holds the version he saved.
        expect(stored.version).toBe(p.version + 2);
      });

      it('keeps an approval and a confirmation given while the clerk corrects a step: no conflict', async () => {
        const { chat, p } = await rinaDescribesRenja(`terminal:${kind}-approve`);
        const approved = await recordReview(db(), {
          organisationId: ORG,
          processId: p.id,
          kind: 'approved',
          byPersonId: 'budi',
          version: p.version,
        });
        expect(approved).toMatchObject({ outcome: 'recorded', current: true });
        const handoff = handoffs(p).find((h) => h.kind === 'edge' && h.toUnitId === 'setda')!;
        await confirmHandoff(db(), {
          organisationId: ORG,
          processId: p.id,
          key: handoff.key,
          byPersonId: 'budi',
        });

        const reply = await rinaSetsWaktuOfStep3(chat, '4 hari');
        // An approval does not move the flow's version: nothing to merge, nothing to tell.
        expect(texts(reply).join('\n')).not.toContain('juga diubah');
        await chat.end();

        const stored = (await loadProcess(db(), { processId: p.id }))!;
        expect(stored.version).toBe(p.version + 1);
        expect(stepNamed(stored, 'Menyusun usulan program bagian')).toMatchObject({
          waktu: { value: 4, unit: 'hari' },
        });
        // Rina's copy had no confirmation; her save did not take Budi's away.
        expect(handoffs(stored).find((h) => h.key === handoff.key)?.state).toBe('confirmed');
        // The corrected process is a draft again; the approved version is kept whole.
        expect(stored.status).toBe('draft');
        const events = await listReviewEvents(db(), { processId: p.id });
        const approval = events.find((e) => e.kind === 'approved')!;
        expect(approval.version).toBe(p.version);
        expect(approval.snapshot).toEqual({ ...p, status: 'approved' });
      });
    },
  );
}
