import fs from 'node:fs';
import { expect, it } from 'vitest';
import { ExchangeDocument } from '../../core/model/exchange.js';
import {
  createInvitation,
  findPersonByAccount,
  linkAccount,
  organisationRevision,
  listAudit,
  loadOrganisation,
  newInvitationToken,
  redeemInvitation,
  revokeInvitation,
  saveOrganisation,
  setAccountReachable,
} from '../../db/index.js';
import { runOrgShow } from '../../bot/commands/org.js';
import { forEachDatabase } from '../support/db.js';

const fixture = ExchangeDocument.parse(
  JSON.parse(fs.readFileSync(new URL('../fixtures/renja-setda.json', import.meta.url), 'utf8')),
);
const org = fixture.organisation;
const admin = { personId: 'budi' } as const;
const T0 = new Date('2025-03-01T08:00:00.000Z');
const later = (h: number) => new Date(T0.getTime() + h * 3_600_000);

forEachDatabase('invitations', (getDb) => {
  it('makes tokens that fit a Telegram start payload', () => {
    const t = newInvitationToken();
    expect(t).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(newInvitationToken()).not.toBe(t);
  });

  it('redeems once; the second redeem is used; the person is bound to the account', async () => {
    const { db } = getDb();
    await saveOrganisation(db, org, { system: 'test' });
    const { token } = await createInvitation(db, {
      organisationId: org.id,
      personId: 'rina',
      createdBy: admin,
      expiresAt: later(48),
      now: T0,
    });
    const ok = await redeemInvitation(db, {
      token,
      platform: 'telegram',
      accountId: '777',
      now: later(1),
    });
    expect(ok).toEqual({
      outcome: 'ok',
      organisationId: org.id,
      person: { ...org.people[0], accounts: [{ platform: 'telegram', id: '777' }] },
    });
    expect(
      await redeemInvitation(db, { token, platform: 'telegram', accountId: '777', now: later(2) }),
    ).toEqual({
      outcome: 'used',
    });
    expect(
      await redeemInvitation(db, { token, platform: 'telegram', accountId: '888', now: later(2) }),
    ).toEqual({
      outcome: 'used',
    });
    expect(await findPersonByAccount(db, { platform: 'telegram', accountId: '777' })).toEqual({
      organisationId: org.id,
      person: { ...org.people[0], accounts: [{ platform: 'telegram', id: '777' }] },
      revisions: {
        organisation: await organisationRevision(db, org.id),
        processes: expect.any(Number),
      },
      // Redeemed from the account itself: it counts as written from.
      accountContacted: true,
    });
    const audit = await listAudit(db, { organisationId: org.id, entityType: 'person' });
    expect(audit.map((a) => a.action)).toEqual(['redeem-invitation']);
    expect(JSON.stringify(await listAudit(db, { organisationId: org.id }))).not.toContain(token);
  });

  it('lets exactly one of two concurrent redeems win', async () => {
    const { db } = getDb();
    await saveOrganisation(db, org, { system: 'test' });
    const { token } = await createInvitation(db, {
      organisationId: org.id,
      personId: 'rina',
      createdBy: admin,
      expiresAt: later(48),
    });
    const results = await Promise.all([
      redeemInvitation(db, { token, platform: 'telegram', accountId: '1', now: later(1) }),
      redeemInvitation(db, { token, platform: 'telegram', accountId: '2', now: later(1) }),
    ]);
    expect(results.map((r) => r.outcome).sort()).toEqual(['ok', 'used']);
  });

  it('answers expired, revoked and unknown', async () => {
    const { db } = getDb();
    await saveOrganisation(db, org, { system: 'test' });
    const exp = await createInvitation(db, {
      organisationId: org.id,
      personId: 'rina',
      createdBy: admin,
      expiresAt: later(1),
    });
    expect(
      await redeemInvitation(db, {
        token: exp.token,
        platform: 'telegram',
        accountId: '5',
        now: later(1),
      }),
    ).toEqual({ outcome: 'expired' });
    expect(
      await redeemInvitation(db, {
        token: exp.token,
        platform: 'telegram',
        accountId: '5',
        now: later(5),
      }),
    ).toEqual({ outcome: 'expired' });

    const rev = await createInvitation(db, {
      organisationId: org.id,
      personId: 'budi',
      createdBy: { system: 'cli' },
      expiresAt: later(48),
    });
    expect(await revokeInvitation(db, { token: rev.token, actor: admin, now: later(1) })).toBe(
      'revoked',
    );
    expect(await revokeInvitation(db, { token: rev.token, actor: admin, now: later(1) })).toBe(
      'already-revoked',
    );
    expect(
      await redeemInvitation(db, {
        token: rev.token,
        platform: 'telegram',
        accountId: '5',
        now: later(2),
      }),
    ).toEqual({ outcome: 'revoked' });
    expect(
      await redeemInvitation(db, {
        token: 'no-such-token',
        platform: 'telegram',
        accountId: '5',
        now: later(2),
      }),
    ).toEqual({ outcome: 'unknown' });
    expect(
      await revokeInvitation(db, { token: 'no-such-token', actor: admin, now: later(2) }),
    ).toBe('unknown');

    const used = await createInvitation(db, {
      organisationId: org.id,
      personId: 'budi',
      createdBy: admin,
      expiresAt: later(48),
    });
    await redeemInvitation(db, {
      token: used.token,
      platform: 'telegram',
      accountId: '6',
      now: later(1),
    });
    expect(await revokeInvitation(db, { token: used.token, actor: admin, now: later(2) })).toBe(
      'used',
    );
    expect((await loadOrganisation(db, org.id))?.people.map((p) => p.accounts)).toEqual([
      [],
      [{ platform: 'telegram', id: '6' }],
    ]);
  });

  it('refuses an account that already belongs to someone else, leaving the invitation unused', async () => {
    const { db } = getDb();
    await saveOrganisation(db, org, { system: 'test' });
    expect(
      await linkAccount(db, { personId: 'budi', platform: 'telegram', accountId: '900' }),
    ).toMatchObject({
      outcome: 'linked',
    });
    const { token } = await createInvitation(db, {
      organisationId: org.id,
      personId: 'rina',
      createdBy: admin,
      expiresAt: later(48),
    });
    expect(
      await redeemInvitation(db, { token, platform: 'telegram', accountId: '900', now: later(1) }),
    ).toEqual({
      outcome: 'account-in-use',
      personId: 'budi',
    });
    expect(
      await redeemInvitation(db, { token, platform: 'telegram', accountId: '901', now: later(1) }),
    ).toMatchObject({
      outcome: 'ok',
    });
    expect(
      await linkAccount(db, { personId: 'rina', platform: 'telegram', accountId: '900' }),
    ).toEqual({
      outcome: 'account-in-use',
      personId: 'budi',
    });
    expect(
      await linkAccount(db, { personId: 'nobody', platform: 'telegram', accountId: '902' }),
    ).toEqual({
      outcome: 'unknown-person',
    });
    await expect(
      createInvitation(db, {
        organisationId: 'other-org',
        personId: 'rina',
        createdBy: admin,
        expiresAt: later(1),
      }),
    ).rejects.toThrow(/not in organisation/);
  });

  it('lets one person redeem an invitation on each platform and be found on both', async () => {
    const { db } = getDb();
    await saveOrganisation(db, org, { system: 'test' });
    const invite = () =>
      createInvitation(db, {
        organisationId: org.id,
        personId: 'rina',
        createdBy: admin,
        expiresAt: later(48),
      });
    const tg = await invite();
    const wa = await invite();
    expect(
      await redeemInvitation(db, {
        token: tg.token,
        platform: 'telegram',
        accountId: '777',
        now: later(1),
      }),
    ).toMatchObject({ outcome: 'ok' });
    expect(
      await redeemInvitation(db, {
        token: wa.token,
        platform: 'whatsapp',
        accountId: '6281200000001',
        now: later(2),
      }),
    ).toMatchObject({
      outcome: 'ok',
      person: {
        accounts: [
          { platform: 'telegram', id: '777' },
          { platform: 'whatsapp', id: '6281200000001' },
        ],
      },
    });
    const byTelegram = await findPersonByAccount(db, { platform: 'telegram', accountId: '777' });
    const byWhatsapp = await findPersonByAccount(db, {
      platform: 'whatsapp',
      accountId: '6281200000001',
    });
    expect(byTelegram?.person.id).toBe('rina');
    expect(byWhatsapp?.person.id).toBe('rina');
    // The same number on the same platform is one account in the whole database.
    expect(
      await linkAccount(db, { personId: 'budi', platform: 'whatsapp', accountId: '6281200000001' }),
    ).toEqual({ outcome: 'account-in-use', personId: 'rina' });
  });

  it('refuses an organisation file that gives an account of another organisation', async () => {
    const { db } = getDb();
    await saveOrganisation(db, org, { system: 'test' });
    await linkAccount(db, { personId: 'rina', platform: 'whatsapp', accountId: '6281200000009' });
    const other = {
      id: 'kota-lain',
      name: 'Pemerintah Kota Lain',
      codePrefix: null,
      units: [
        {
          id: 'lain-org',
          name: 'Bagian Organisasi',
          kind: 'bagian' as const,
          parentId: null,
          shortName: null,
        },
      ],
      people: [
        {
          id: 'lain-1',
          name: 'Orang Lain',
          position: 'Analis',
          unitId: 'lain-org',
          roles: ['respondent' as const],
          nip: null,
          accounts: [{ platform: 'whatsapp' as const, id: '6281200000009' }],
          language: 'id' as const,
        },
      ],
    };
    await expect(saveOrganisation(db, other, { system: 'test' })).rejects.toMatchObject({
      entityType: 'account',
      ids: ['whatsapp:6281200000009'],
    });
    expect(await loadOrganisation(db, 'kota-lain')).toBeNull();
    expect(
      (await findPersonByAccount(db, { platform: 'whatsapp', accountId: '6281200000009' }))?.person
        .id,
    ).toBe('rina');
  });

  it('shows the coordinator, in probis org show, who blocked the bot', async () => {
    const { db } = getDb();
    await saveOrganisation(db, org, { system: 'test' });
    await linkAccount(db, { personId: 'rina', platform: 'telegram', accountId: '777' });
    await linkAccount(db, { personId: 'budi', platform: 'telegram', accountId: '888' });
    const show = async () => {
      const lines: string[] = [];
      await runOrgShow(db, org.id, (s) => lines.push(s));
      return lines.join('\n');
    };
    expect(await show()).not.toContain('Tidak terjangkau');
    await setAccountReachable(db, {
      platform: 'telegram',
      accountId: '777',
      reachable: false,
      at: later(3),
    });
    expect(await show()).toContain(
      'Tidak terjangkau, memblokir bot / unreachable, blocked the bot:\n- Rina (Kasubbag Perencanaan): telegram 777, sejak / since 2025-03-01',
    );
    // Back again: no longer listed.
    await setAccountReachable(db, {
      platform: 'telegram',
      accountId: '777',
      reachable: true,
      at: later(4),
    });
    expect(await show()).not.toContain('Tidak terjangkau');
  });
});
