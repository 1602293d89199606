// A three-unit campaign, end to end, through the Telegram channel (clerks and a unit head on a
// fake Bot API over HTTP) and the JSON-lines channel (the coordinator at `probis chat --jsonl`):
// the campaign opened, a process submitted and its handoffs asked of the units they concern, one
// confirmed, one disputed and settled, the process returned by its head, corrected, approved and
// validated; the lagging unit reminded once a day (time is the job's input); the progress table,
// the chart, the ledger and the version diff say exactly that.
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverPersonEvents } from '../../bot/jobs/deliver-events.js';
import { sendDueReminders } from '../../bot/jobs/remind.js';
import { silentLogger } from '../../bot/log.js';
import { mapFilesIn } from '../../bot/terminal/map-files.js';
import type { Process } from '../../core/model/index.js';
import {
  listCampaigns,
  listProcesses,
  listReviewEvents,
  recordReview,
  saveProcess,
} from '../../db/index.js';
import { addStaff, staff } from '../support/app.js';
import { SKIP_POSTGRES } from '../support/db.js';
import { JsonlChat } from '../support/jsonl.js';
import { renjaTranscript } from '../support/renja.js';
import {
  type TelegramHarness,
  type TelegramUser,
  telegramHarness,
  until,
} from '../support/telegram.js';

const ORG = 'kab-contoh';

for (const kind of ['pglite', 'postgres'] as const)
  describe.skipIf(kind === 'postgres' && SKIP_POSTGRES)(
    `a three-unit campaign through Telegram and JSON lines, on ${kind}`,
    () => {
      let h: TelegramHarness;
      let budi: JsonlChat;
      let rina: TelegramUser, hendra: TelegramUser, wati: TelegramUser, tono: TelegramUser;
      let mapDir: string;
      const db = () => h.t.app.database.db;
      const jobCtx = () => ({
        db: db(),
        log: silentLogger,
        deliver: (p: Parameters<typeof h.t.app.service.deliver>[0]) => h.t.app.service.deliver(p),
      });
      /** Waits until the chat has a message matching `re`, and returns it. */
      const seen = (u: TelegramUser, re: RegExp) =>
        until(() => u.texts().find((t) => re.test(t)), `chat ${u.chatId}: ${re}`);
      const renja = async () =>
        (await listProcesses(db(), { organisationId: ORG })).find(
          (x) => x.name === 'Penyusunan Rencana Kerja',
        )!;
      const budiSays = async (text: string) => {
        const out = await budi.say(text);
        return out
          .map((o) => ('text' in o ? o.text : 'caption' in o ? `${o.caption}` : ''))
          .join('\n');
      };

      beforeAll(async () => {
        h = await telegramHarness(kind);
        await addStaff(
          h.t.app,
          {
            ...staff(
              'hendra',
              'Hendra',
              'Kepala Bagian Perencanaan dan Keuangan',
              'bag-perencanaan',
            ),
            roles: ['unit_head'],
          },
          staff('wati', 'Wati', 'Analis Kelembagaan', 'bag-organisasi'),
          staff('tono', 'Tono', 'Perencana Bappeda', 'bappeda'),
        );
        // Bagian Organisasi's own process, already described by Wati and submitted.
        const kelembagaan: Process = {
          id: 'p-kelembagaan',
          code: '03.02',
          name: 'Penataan Kelembagaan',
          category: 'manajemen',
          parentId: (await listProcesses(db(), { organisationId: ORG })).find(
            (p) => p.code === '03',
          )!.id,
          ownerUnitId: 'bag-organisasi',
          sipoc: { inputs: [], outputs: [] },
          legalBasis: [],
          status: 'draft',
          version: 0,
          flow: {
            nodes: [
              { kind: 'start', id: 's', label: null },
              {
                kind: 'activity',
                id: 'a1',
                name: 'Menyusun usulan program bagian',
                performer: { unitId: 'bag-organisasi', position: 'Analis Kelembagaan' },
                coPerformers: [],
                kelengkapan: [],
                waktu: { value: 2, unit: 'hari' },
                outputs: ['Usulan program'],
                keterangan: null,
              },
              { kind: 'end', id: 'e', label: null, outcome: 'selesai' },
            ],
            edges: [
              { id: 'e1', from: 's', to: 'a1', label: null, document: null },
              { id: 'e2', from: 'a1', to: 'e', label: null, document: null },
            ],
          },
          handoffConfirmations: [],
        };
        await saveProcess(db(), {
          organisationId: ORG,
          process: kelembagaan,
          expectedVersion: 0,
          actor: { personId: 'wati' },
        });
        await recordReview(db(), {
          organisationId: ORG,
          processId: 'p-kelembagaan',
          kind: 'submitted',
          byPersonId: 'wati',
        });
        // Bappeda has listed a process and not mapped it: the lagging unit.
        await saveProcess(db(), {
          organisationId: ORG,
          process: {
            ...kelembagaan,
            id: 'p-rkpd',
            code: '04',
            name: 'Penyusunan RKPD',
            parentId: null,
            ownerUnitId: 'bappeda',
            flow: null,
          },
          expectedVersion: 0,
          actor: { personId: 'tono' },
        });
        const users: Record<string, number> = { rina: 101, hendra: 102, wati: 103, tono: 104 };
        for (const [id, chat] of Object.entries(users))
          await h.user(chat).start(await h.invite(id));
        [rina, hendra, wati, tono] = [101, 102, 103, 104].map((c) => h.user(c)) as [
          TelegramUser,
          TelegramUser,
          TelegramUser,
          TelegramUser,
        ];
        mapDir = await mkdtemp(path.join(tmpdir(), 'probis-campaign-'));
        budi = new JsonlChat(h.t.app, {
          personId: 'budi',
          chatKey: 'terminal:budi',
          mapFiles: mapFilesIn(mapDir),
        });
        await budi.start();
      }, 120_000);
      afterAll(async () => {
        await budi?.end();
        // PROBIS_WALKTHROUGH=DIR keeps what everyone saw, for the README's walk-through.
        const dir = kind === 'pglite' ? process.env.PROBIS_WALKTHROUGH : undefined;
        if (dir && h) await keepWalkthrough(dir);
        await h?.close();
      });

      async function keepWalkthrough(dir: string) {
        const { mkdir, writeFile, copyFile } = await import('node:fs/promises');
        await mkdir(dir, { recursive: true });
        for (const [name, u] of Object.entries({ rina, hendra, wati, tono })) {
          await writeFile(
            path.join(dir, `${name}.txt`),
            h.fake.transcript(u.chatId).join('\n') + '\n',
          );
          for (const m of h.fake.messages(u.chatId).filter((x) => x.kind === 'photo' && x.photo))
            await writeFile(path.join(dir, `${name}-${m.message_id}.png`), m.photo!);
        }
        await writeFile(
          path.join(dir, 'budi.jsonl'),
          budi.out.map((o) => JSON.stringify(o)).join('\n') + '\n',
        );
        for (const o of budi.out)
          if (o.type === 'picture' && o.file)
            for (const f of o.file.split(', '))
              await copyFile(f, path.join(dir, `budi-${o.what}-${path.basename(f)}`));
      }

      it('the coordinator opens the campaign; its units are told', async () => {
        await budiSays('/kampanye');
        await budiSays('Pemetaan Proses Bisnis 2027');
        await budiSays('Bagian Perencanaan dan Keuangan; Bagian Organisasi; Bappeda');
        const opened = await budiSays('31 Januari 2027');
        expect(opened).toContain(
          'Kampanye "Pemetaan Proses Bisnis 2027" dibuka untuk 3 unit, tenggat 31 Jan 2027',
        );
        await budi.press('Nanti');
        const [c] = await listCampaigns(db(), { organisationId: ORG, open: true });
        expect(c).toMatchObject({
          unitIds: ['bag-perencanaan', 'bag-organisasi', 'bappeda'],
          deadline: '2027-01-31',
        });
        for (const u of [rina, hendra, wati, tono])
          await seen(u, /Kampanye "Pemetaan Proses Bisnis 2027" dimulai/);
      });

      it('Rina submits Renja; the units its handoffs concern are asked in their own chats', async () => {
        await rina.say('/menu');
        await rina.tell(renjaTranscript());
        await rina.press('Sudah benar');
        await seen(rina, /dikirim untuk diperiksa/);
        // Wati (Bagian Organisasi) was idle: the question comes at once, with her unit's lane.
        const asked = await seen(wati, /Serah terima.*Penyusunan Rencana Kerja/s);
        expect(asked).toContain('Langkah unit Anda di peta ini:');
        expect(asked).toContain('Menyusun usulan program bagian');
        await seen(tono, /Serah terima.*Surat edaran penyusunan Renja/s);
        await seen(hendra, /mengirim proses .*Penyusunan Rencana Kerja/);
      });

      it('Wati confirms for Bagian Organisasi, naming her process; Rina hears of it', async () => {
        await wati.press('Ya, benar');
        await wati.press('03.02 Penataan Kelembagaan');
        await seen(wati, /Tercatat: serah terima dikonfirmasi/);
        // Her unit is named in a second handoff of the same map (the work coming back): answered too.
        while (/Serah terima/.test(h.fake.lastQuestion(wati.chatId)?.text ?? '')) {
          await wati.press('Ya, benar');
          await wati.press('03.02 Penataan Kelembagaan');
        }
        await seen(rina, /Wati \(Analis Kelembagaan\) mengonfirmasi serah terima/);
      });

      it('Tono says no: Rina and the coordinator have both sides; the coordinator settles it', async () => {
        expect(h.fake.lastQuestion(tono.chatId)?.text).toContain('Surat edaran penyusunan Renja');
        await tono.press('Tidak');
        await tono.say('Surat edaran itu dari Bappeda Provinsi, bukan dari kami');
        await seen(tono, /unit Anda tidak menyetujui serah terima ini/);
        // The rest of his handoffs: the Renja Setda Bappeda receives.
        while (/Serah terima/.test(h.fake.lastQuestion(tono.chatId)?.text ?? '')) {
          await tono.press('Ya, benar');
          await tono.press('Belum ada prosesnya');
        }
        await seen(rina, /Tono \(Perencana Bappeda\) tidak menyetujui serah terima/);
        await budiSays('/sengketa');
        const q = budi.question();
        expect(q.questionId).toBe('dispute.settle');
        expect(q.text).toContain('Surat edaran penyusunan Renja');
        expect(q.text).toContain('Tono (Perencana Bappeda');
        expect(q.text).toContain('"Surat edaran itu dari Bappeda Provinsi, bukan dari kami"');
        await budi.press('Tetap berlaku');
        await seen(rina, /Koordinator Budi .* memutuskan sengketa/);
        await seen(tono, /Koordinator Budi .* memutuskan sengketa/);
        const p = await renja();
        const settled = p.handoffConfirmations.find((c) => c.settlement);
        expect(settled).toMatchObject({
          state: 'confirmed',
          settlement: 'upheld',
          settledByPersonId: 'budi',
        });
      });

      it('Hendra returns it with a comment; Rina gets the comment and the map, corrects, resubmits', async () => {
        const { code } = await renja();
        await hendra.say('/periksa');
        const queue = await seen(hendra, /Menunggu pemeriksaan Anda/);
        expect(queue).toContain(
          `${code} Penyusunan Rencana Kerja — menunggu persetujuan kepala unit`,
        );
        await hendra.say(
          `/kembalikan ${code} Langkah 4 tidak mungkin selesai dalam 3 hari; tulis 5 hari`,
        );
        await seen(hendra, /dikembalikan kepada penyusunnya/);
        await seen(
          rina,
          /dikembalikan oleh Hendra .* Catatan: "Langkah 4 tidak mungkin selesai dalam 3 hari; tulis 5 hari"/,
        );
        await until(
          () =>
            h.fake
              .messages(rina.chatId)
              .find((m) => m.kind === 'photo' && /Peta yang dikembalikan/.test(m.caption ?? '')),
          'the returned map as a photo',
        );
        const returnedAt = rina.texts().length;
        await rina.say('/menu');
        await rina.press('Lanjutkan draf');
        await rina.say('/ubah 4');
        await rina.press('Waktu');
        await rina.say('5 hari');
        await rina.press('Selesai mengubah');
        // Her copy of the process holds Bappeda's and Wati's answers: no stale "not confirmed".
        const review = rina.texts().slice(returnedAt).join('\n');
        expect(review).toContain('Apakah peta ini sudah benar?');
        expect(review).not.toMatch(/Renja Setda \(ditetapkan\)" dari .* belum dikonfirmasi/);
        expect(review).not.toMatch(/ke Bag\. Organisasi .* belum dikonfirmasi/);
        await rina.press('Sudah benar');
        await until(
          async () => (await renja()).status === 'submitted',
          'the corrected Renja submitted',
        );
      });

      it('Hendra approves, the coordinator validates; the version diff says what was corrected', async () => {
        const { code } = await renja();
        await hendra.say(`/setujui ${code}`);
        await seen(rina, /disetujui oleh Hendra/);
        const diff = await budiSays(`/versi ${code}`);
        expect(diff).toMatch(/sejak versi \d+ \(dikirim\)/);
        expect(diff).toContain('• Waktu langkah 4: 3 hari → 5 hari');
        // The map with the changed step marked, drawn by a job and written to a file.
        const picture = await until(
          () => budi.out.find((o) => o.type === 'picture' && o.what === 'changes' && o.file),
          'the map with its changes marked',
        );
        expect(picture.type === 'picture' && existsSync(picture.file!.split(', ')[0]!)).toBe(true);
        expect(await budiSays(`/validasi ${code}`)).toContain('divalidasi dan dikunci');
        await seen(rina, /divalidasi oleh Budi/);
        // Bagian Organisasi has no head in Probis: the coordinator approves and validates.
        await budiSays('/setujui 03.02');
        await budiSays('/validasi 03.02');
        const events = await listReviewEvents(db(), { processId: (await renja()).id });
        expect(events.map((e) => [e.kind, e.byPersonId])).toEqual([
          ['submitted', 'rina'],
          ['returned', 'hendra'],
          ['submitted', 'rina'],
          ['approved', 'hendra'],
          ['validated', 'budi'],
        ]);
      });

      it('the lagging unit is reminded once a day, saying what is left; the others are not', async () => {
        // Days counted from the next 09:00 WIB (02:00 UTC), so "the same day" never crosses a WIB
        // midnight whatever the hour the test runs at.
        const nine = new Date();
        nine.setUTCHours(2, 0, 0, 0);
        if (nine.getTime() < Date.now()) nine.setUTCDate(nine.getUTCDate() + 1);
        const day = (d: number, hour: number) =>
          new Date(nine.getTime() + d * 86_400_000 + hour * 3_600_000);
        // Four quiet days later (the campaign reminds after 3), at 09:00 and again at 15:00.
        expect(await sendDueReminders(jobCtx(), day(4, 0))).toBe(1);
        expect(await sendDueReminders(jobCtx(), day(4, 6))).toBe(0);
        await seen(tono, /Pengingat: 1 proses belum selesai/);
        // The next day: once more.
        expect(await sendDueReminders(jobCtx(), day(5, 0))).toBe(1);
        await until(
          () => tono.texts().filter((t) => t.startsWith('Pengingat')).length === 2,
          'a second reminder the next day',
        );
        for (const u of [rina, hendra, wati])
          expect(u.texts().some((t) => t.startsWith('Pengingat'))).toBe(false);
        expect(await deliverPersonEvents(jobCtx())).toBe(0);
      });

      it('the progress table, the chart and the ledger say how the campaign stands', async () => {
        const table = await budiSays('/progres');
        expect(table).toMatch(/Pemetaan Proses Bisnis 2027/);
        expect(table).toMatch(/2 dari 3 unit/);
        expect(table).toMatch(/Perencanaan dan Keuangan\ndivalidasi koordinator/);
        expect(table).toMatch(/Organisasi\ndivalidasi koordinator/);
        expect(table).toMatch(/Bappeda\nsedang mengisi\n1 proses\n/);
        const chart = await until(
          () => budi.out.find((o) => o.type === 'picture' && o.what === 'progress' && o.file),
          'the progress chart',
        );
        expect(chart.type === 'picture' && existsSync(chart.file!.split(', ')[0]!)).toBe(true);
        const ledger = await budiSays('/relasi');
        expect(ledger).toMatch(/Serah terima: \d+ sepakat/);
        await until(
          () => budi.out.find((o) => o.type === 'picture' && o.what === 'ledger' && o.file),
          'the ledger picture',
        );
        // The unit head sees his unit only.
        await hendra.say('/progres');
        const his = await seen(hendra, /Perencanaan dan Keuangan\n/);
        expect(his).not.toContain('Bappeda');
      });
    },
  );
