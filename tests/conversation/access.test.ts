// Who may talk to Probis, on every kind of identity: a stranger is refused and nothing is created;
// one person links Telegram and WhatsApp with two invitations and continues one draft on both.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Outbound } from '../../core/interview/index.js';
import type { InboundEvent } from '../../bot/conversation/service.js';
import { addressOf } from '../../bot/conversation/notify.js';
import {
  createInvitation,
  listAudit,
  linkAccount,
  listOrganisations,
  loadInterview,
  pendingOutboxForChat,
} from '../../db/index.js';
import { resetDatabase } from '../support/db.js';
import { type DbKind, type TestApp, openTestApp, seedRenja } from '../support/app.js';

const kinds: DbKind[] =
  process.env.PROBIS_TEST_SKIP_POSTGRES === '1' ? ['pglite'] : ['pglite', 'postgres'];

for (const kind of kinds)
  describe(`access on every identity kind [${kind}]`, () => {
    let t: TestApp;
    let n = 0;
    beforeAll(async () => {
      t = await openTestApp(kind);
    });
    afterAll(() => t?.close());
    beforeEach(() => resetDatabase(t.app.database.db));

    const db = () => t.app.database.db;
    const inviteRina = async () =>
      (
        await createInvitation(db(), {
          organisationId: 'kab-contoh',
          personId: 'rina',
          createdBy: { personId: 'budi' },
          expiresAt: new Date(Date.now() + 86_400_000),
        })
      ).token;

    /** One message from a remote account; returns what it was told (and marks it read). */
    async function say(
      platform: 'telegram' | 'whatsapp',
      accountId: string,
      input: InboundEvent['input'],
      invitation?: string,
    ): Promise<string[]> {
      const chatKey = `${platform}:${accountId}`;
      await t.app.service.handle({
        platform,
        updateKey: `u${++n}`,
        chatKey,
        identity: { kind: platform, accountId },
        input,
        ...(invitation !== undefined
          ? { invitation: { token: invitation, malformed: false } }
          : {}),
      });
      const rows = await pendingOutboxForChat(db(), chatKey);
      // Only what came since the last look: nothing is sent in this test.
      const fresh = rows.slice(seen.get(chatKey) ?? 0);
      seen.set(chatKey, rows.length);
      return fresh.map((r) => textOf(r.payload as Outbound));
    }
    const seen = new Map<string, number>();
    beforeEach(() => seen.clear());

    const textOf = (m: Outbound): string =>
      m.kind === 'question'
        ? `${m.text}\n${m.choices.map((c) => `[${c.label}]`).join(' ')}`
        : m.kind === 'map' || m.kind === 'picture' || m.kind === 'file'
          ? m.caption
          : m.kind === 'invitation'
            ? `[invitation] ${m.personName}`
            : m.text;

    it('refuses a stranger on Telegram and on WhatsApp, creating nothing', async () => {
      for (const platform of ['telegram', 'whatsapp'] as const) {
        const told = await say(platform, '1001', { kind: 'text', text: 'Halo, saya mau daftar' });
        expect(told.join('\n')).toContain('belum terdaftar di Probis');
        expect(told.join('\n')).toContain('Mintalah undangan');
        // No organisation set-up, no interview, no person: on a fresh database too.
        expect(await listOrganisations(db())).toEqual([]);
        expect(await loadInterview(db(), `${platform}:1001`)).toBeNull();
      }
      // A made-up invitation is refused as well, and that attempt is audited (ids, no text).
      const told = await say('whatsapp', '1002', { kind: 'resume' }, 'tebak-tebakan');
      expect(told.join('\n')).toContain('Undangan ini tidak dikenal');
      const audit = await listAudit(db(), { organisationId: null, entityType: 'account' });
      expect(audit.map((a) => [a.entityId, a.action, a.after])).toEqual([
        ['whatsapp:1002', 'access-refused', { reason: 'invitation-unknown', update: `u${n}` }],
      ]);
      expect(await listOrganisations(db())).toEqual([]);
    });

    it('lets the terminal set up a fresh organisation', async () => {
      await t.app.service.handle({
        platform: 'terminal',
        updateKey: 'local-1',
        chatKey: 'terminal:local',
        identity: { kind: 'local', personId: null, organisationId: null },
        input: { kind: 'resume' },
      });
      const [first] = await pendingOutboxForChat(db(), 'terminal:local');
      expect(textOf(first!.payload as Outbound)).toContain('nama instansi');
    });

    it('refuses an invitation reused on another account, and audits the attempt', async () => {
      await seedRenja(t.app);
      const token = await inviteRina();
      expect((await say('telegram', '777', { kind: 'resume' }, token)).join('\n')).toContain(
        'Selamat datang di Probis, Rina',
      );
      const other = await say('whatsapp', '6281299990000', { kind: 'resume' }, token);
      expect(other.join('\n')).toContain('Undangan ini sudah dipakai');
      const audit = await listAudit(db(), { organisationId: null, entityType: 'account' });
      expect(audit.map((a) => [a.entityId, (a.after as { reason: string }).reason])).toEqual([
        ['whatsapp:6281299990000', 'invitation-used'],
      ]);
      expect(await loadInterview(db(), 'whatsapp:6281299990000')).toBeNull();
    });

    it('continues one draft across Telegram and WhatsApp', async () => {
      await seedRenja(t.app);
      const [tgToken, waToken] = [await inviteRina(), await inviteRina()];

      await say('telegram', '777', { kind: 'resume' }, tgToken);
      await say('telegram', '777', { kind: 'text', text: 'Proses baru' });
      const asked = await say('telegram', '777', { kind: 'text', text: 'Pengelolaan Surat Masuk' });
      expect(asked.join('\n')).toContain('Termasuk jenis apa "Pengelolaan Surat Masuk"?');

      // The same person on WhatsApp: welcomed back, and asked the same question again.
      const onWa = await say('whatsapp', '6281200000001', { kind: 'resume' }, waToken);
      expect(onWa.join('\n')).toContain('Selamat datang kembali, Rina');
      expect(onWa.join('\n')).toContain('Termasuk jenis apa "Pengelolaan Surat Masuk"?');
      const next = await say('whatsapp', '6281200000001', { kind: 'text', text: 'Pendukung' });
      expect(next.join('\n')).not.toContain('Termasuk jenis apa');

      // Back on Telegram, the answer given on WhatsApp is there: one conversation.
      const back = await say('telegram', '777', { kind: 'resume' });
      expect(back.join('\n')).toContain(next.at(-1)!.split('\n')[0]!);
      const fromTelegram = await loadInterview(db(), 'telegram:777');
      const fromWhatsapp = await loadInterview(db(), 'whatsapp:6281200000001');
      expect(fromTelegram?.chatKey).toBe('person:rina');
      expect(fromWhatsapp).toEqual(fromTelegram);
      const drafts = (fromTelegram!.state as { drafts: { name: string; category: string }[] })
        .drafts;
      expect(drafts.map((d) => [d.name, d.category])).toEqual([
        ['Pengelolaan Surat Masuk', 'pendukung'],
      ]);
    });

    it('audits a forged button of a linked person, under their organisation', async () => {
      await seedRenja(t.app);
      const token = await inviteRina();
      await say('telegram', '777', { kind: 'resume' }, token);
      // A late tap on an old question is innocent and not audited; data that is not ours is.
      await say('telegram', '777', { kind: 'button', rev: 99, index: 0 });
      await say('telegram', '777', { kind: 'button', rev: -1, index: -1 });
      const audit = await listAudit(db(), { organisationId: 'kab-contoh', entityType: 'account' });
      expect(audit.map((a) => [a.entityId, (a.after as { reason: string }).reason])).toEqual([
        ['telegram:777', 'forged-button'],
      ]);
    });

    it('addresses a notice to the account the person wrote from last, not the one linked last', async () => {
      await seedRenja(t.app);
      await say('telegram', '777', { kind: 'resume' }, await inviteRina());
      await say('telegram', '777', { kind: 'text', text: 'Proses baru' });
      // A WhatsApp number linked later (an organisation file): Telegram is still where she is.
      await linkAccount(db(), {
        personId: 'rina',
        platform: 'whatsapp',
        accountId: '6281200000001',
      });
      expect((await addressOf(db(), 'rina'))?.chatKey).toBe('telegram:777');
      // Once she writes on WhatsApp, that is where she is.
      await say('whatsapp', '6281200000001', { kind: 'resume' });
      expect((await addressOf(db(), 'rina'))?.chatKey).toBe('whatsapp:6281200000001');
    });

    it('never writes first to a WhatsApp number only imported from an organisation file', async () => {
      await seedRenja(t.app);
      // Her number came with the organisation file: she never wrote to Probis from it.
      await linkAccount(db(), {
        personId: 'rina',
        platform: 'whatsapp',
        accountId: '6281200000002',
      });
      expect(await addressOf(db(), 'rina')).toBeNull();
      // Her first message (no invitation needed: the number is hers) makes her reachable there.
      const told = await say('whatsapp', '6281200000002', { kind: 'resume' });
      expect(told.join('\n')).toContain('Rina');
      expect((await addressOf(db(), 'rina'))?.chatKey).toBe('whatsapp:6281200000002');
    });

    it('counts a WhatsApp invitation redeemed on the number as her first message', async () => {
      await seedRenja(t.app);
      await say('whatsapp', '6281200000003', { kind: 'resume' }, await inviteRina());
      expect((await addressOf(db(), 'rina'))?.chatKey).toBe('whatsapp:6281200000003');
    });
  });
