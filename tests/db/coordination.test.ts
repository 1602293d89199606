// What the coordinator's features store: campaigns, the receiving unit's answers on handoffs and
// the coordinator's settlements (who and when, audited), and messages queued for a person.
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import type { Campaign } from '../../core/coordination/types.js';
import {
  type Db,
  answerHandoff,
  closeCampaign,
  confirmHandoff,
  createCampaign,
  disputeHandoff,
  lastReminders,
  listAudit,
  listCampaigns,
  loadProcess,
  markPersonEventDelivered,
  addPersonEvent,
  saveOrganisation,
  saveProcess,
  settleHandoff,
  undeliveredPersonEvents,
} from '../../db/index.js';
import { forEachDatabase } from '../support/db.js';
import { renjaDocument } from '../support/scenario.js';

const doc = renjaDocument();
const orgId = doc.organisation.id;
const system = { system: 'test' } as const;
const pid = 'p-03-01';
const at = new Date('2026-11-24T02:00:00.000Z');
const later = new Date('2026-11-25T03:00:00.000Z');

async function seed(db: Db): Promise<void> {
  await saveOrganisation(db, doc.organisation, system);
  for (const p of doc.processes)
    await saveProcess(db, { organisationId: orgId, process: p, expectedVersion: 0, actor: system });
}

const campaign = (over: Partial<Campaign> = {}): Campaign => ({
  id: 'c-2027',
  organisationId: orgId,
  name: 'Pemetaan 2027',
  unitIds: ['bag-perencanaan', 'bag-organisasi'],
  deadline: '2027-01-31',
  remindAfterDays: 3,
  createdByPersonId: 'budi',
  createdAt: at.toISOString(),
  closedAt: null,
  ...over,
});

forEachDatabase('coordination storage', (getDb) => {
  it('stores a campaign as given, lists the open ones newest first, and closes one', async () => {
    const { db } = getDb();
    await seed(db);
    expect(await createCampaign(db, campaign(), { personId: 'budi' })).toEqual({
      outcome: 'created',
      campaign: campaign(),
    });
    const second = campaign({ id: 'c-rev', name: 'Revisi', createdAt: later.toISOString() });
    await createCampaign(db, second, { personId: 'budi' });
    expect(await createCampaign(db, campaign(), { personId: 'budi' })).toEqual({
      outcome: 'id-taken',
      id: 'c-2027',
    });
    expect((await listCampaigns(db, { organisationId: orgId })).map((c) => c.id)).toEqual([
      'c-rev',
      'c-2027',
    ]);

    const closed = await closeCampaign(db, {
      id: 'c-2027',
      at: later,
      actor: { personId: 'budi' },
    });
    expect(closed).toEqual({
      outcome: 'closed',
      campaign: campaign({ closedAt: later.toISOString() }),
    });
    expect(await closeCampaign(db, { id: 'c-2027', actor: { personId: 'budi' } })).toMatchObject({
      outcome: 'already-closed',
    });
    expect(
      await closeCampaign(db, { id: 'c-rev', organisationId: 'other', actor: system }),
    ).toEqual({ outcome: 'not-found' });
    expect(
      (await listCampaigns(db, { organisationId: orgId, open: true })).map((c) => c.id),
    ).toEqual(['c-rev']);
    expect(
      (await listCampaigns(db, { organisationId: orgId, open: false })).map((c) => c.id),
    ).toEqual(['c-2027']);
    const audit = await listAudit(db, { organisationId: orgId, entityType: 'campaign' });
    expect(audit.map((a) => [a.entityId, a.action])).toEqual([
      ['c-2027', 'create'],
      ['c-rev', 'create'],
      ['c-2027', 'close'],
    ]);
  });

  it('keeps the receiving unit’s process and its own name for what is handed over', async () => {
    const { db } = getDb();
    await seed(db);
    const r = await answerHandoff(db, {
      organisationId: orgId,
      processId: pid,
      key: 'edge:e2',
      byPersonId: 'budi',
      answer: 'renamed',
      counterpartName: 'Nota dinas rancangan Renja',
      counterpartProcessId: 'p-03',
      at,
    });
    expect(r).toMatchObject({
      outcome: 'recorded',
      confirmation: {
        state: 'confirmed',
        counterpartName: 'Nota dinas rancangan Renja',
        counterpartProcessId: 'p-03',
        byPersonId: 'budi',
        at: at.toISOString(),
      },
    });
    const [stored] = (await loadProcess(db, { processId: pid }))!.handoffConfirmations;
    expect(stored).toMatchObject({
      key: 'edge:e2',
      counterpartName: 'Nota dinas rancangan Renja',
      counterpartProcessId: 'p-03',
      settlement: null,
    });

    const answer = (a: Parameters<typeof answerHandoff>[1]) => answerHandoff(db, a);
    const base = { organisationId: orgId, processId: pid, key: 'edge:e2', byPersonId: 'budi' };
    expect(await answer({ ...base, answer: 'renamed', counterpartName: '  ' })).toEqual({
      outcome: 'name-required',
    });
    expect(await answer({ ...base, answer: 'confirmed', counterpartProcessId: 'nope' })).toEqual({
      outcome: 'no-such-counterpart',
      counterpartProcessId: 'nope',
    });
  });

  it('settles a dispute with who and when: upheld confirms it, a correction keeps it disputed', async () => {
    const { db } = getDb();
    await seed(db);
    const base = { organisationId: orgId, processId: pid, byPersonId: 'budi' };
    expect(await settleHandoff(db, { ...base, key: 'edge:e2', settlement: 'upheld' })).toEqual({
      outcome: 'not-disputed',
      state: 'pending',
    });

    await disputeHandoff(db, { ...base, key: 'edge:e2', note: 'Kami tidak menerima', at });
    await answerHandoff(db, { ...base, key: 'input:in-1', answer: 'disputed', at });
    const upheld = await settleHandoff(db, {
      ...base,
      key: 'edge:e2',
      settlement: 'upheld',
      note: 'Sesuai Perbup 12/2025',
      at: later,
    });
    expect(upheld).toMatchObject({
      outcome: 'recorded',
      confirmation: {
        state: 'confirmed',
        note: 'Kami tidak menerima',
        settlement: 'upheld',
        settledByPersonId: 'budi',
        settledAt: later.toISOString(),
      },
      handoff: { key: 'edge:e2', state: 'confirmed' },
    });
    const corrects = await settleHandoff(db, {
      ...base,
      key: 'input:in-1',
      settlement: 'sender-corrects',
      at: later,
    });
    expect(corrects).toMatchObject({
      outcome: 'recorded',
      confirmation: { state: 'disputed', settlement: 'sender-corrects' },
    });
    expect(
      await settleHandoff(db, { ...base, key: 'edge:e2', settlement: 'sender-corrects' }),
    ).toEqual({ outcome: 'not-disputed', state: 'confirmed' });
    expect(await settleHandoff(db, { ...base, key: 'edge:e0', settlement: 'upheld' })).toEqual({
      outcome: 'no-such-handoff',
      key: 'edge:e0',
    });

    const loaded = (await loadProcess(db, { processId: pid }))!;
    expect(loaded.version).toBe(1);
    expect(
      loaded.handoffConfirmations.map((c) => [c.key, c.state, c.settlement, c.settledAt]),
    ).toEqual([
      ['edge:e2', 'confirmed', 'upheld', later.toISOString()],
      ['input:in-1', 'disputed', 'sender-corrects', later.toISOString()],
    ]);

    const audit = await listAudit(db, {
      organisationId: orgId,
      entityType: 'handoff-confirmation',
    });
    expect(audit.map((a) => a.action)).toEqual(['dispute', 'dispute', 'settle', 'settle']);
    expect(audit[2]).toMatchObject({
      actor: { personId: 'budi' },
      before: { key: 'edge:e2', state: 'disputed', settlement: null },
      after: { state: 'confirmed', settlement: 'upheld', settlementNote: 'Sesuai Perbup 12/2025' },
    });

    // The unit answering again is a new word: the old settlement goes with the old answer.
    await confirmHandoff(db, { ...base, key: 'input:in-1' });
    const [, again] = (await loadProcess(db, { processId: pid }))!.handoffConfirmations;
    expect(again).toMatchObject({ state: 'confirmed', settlement: null, settledAt: null });
  });

  it('queues a reminder once per key, delivers it once, and knows who was last reminded', async () => {
    const { db } = getDb();
    await seed(db);
    const reminder = (day: string, on: Date) =>
      addPersonEvent(db, {
        key: `reminder:rina:${day}`,
        organisationId: orgId,
        personId: 'rina',
        input: { kind: 'reminder-due', at: on.toISOString() },
        at: on,
      });
    expect(await reminder('2026-11-24', at)).toBe(true);
    expect(await reminder('2026-11-24', at)).toBe(false);
    expect(
      await addPersonEvent(db, {
        key: 'handoff:p-03-01:edge:e2:disputed',
        organisationId: orgId,
        personId: 'rina',
        input: {
          kind: 'process-event',
          event: 'handoff-disputed',
          processId: pid,
          by: 'Budi (Kepala Bagian Organisasi)',
          comment: 'Kami tidak menerima',
        },
        at,
      }),
    ).toBe(true);
    expect(await reminder('2026-11-25', later)).toBe(true);

    const queued = await undeliveredPersonEvents(db, { limit: 10 });
    expect(queued.map((e) => e.key)).toEqual([
      'reminder:rina:2026-11-24',
      'handoff:p-03-01:edge:e2:disputed',
      'reminder:rina:2026-11-25',
    ]);
    expect(queued[1]!.input).toMatchObject({ kind: 'process-event', event: 'handoff-disputed' });
    expect(await markPersonEventDelivered(db, { id: queued[0]!.id, outcome: 'delivered' })).toBe(
      true,
    );
    expect(await markPersonEventDelivered(db, { id: queued[0]!.id, outcome: 'refused' })).toBe(
      false,
    );
    expect((await undeliveredPersonEvents(db, { limit: 1 })).map((e) => e.key)).toEqual([
      'handoff:p-03-01:edge:e2:disputed',
    ]);
    // Delivered is final, whatever speaks SQL.
    await expect(
      db.execute(sql`update person_events set delivered_at = null, outcome = null`),
    ).rejects.toThrow();

    expect(await lastReminders(db, { organisationId: orgId })).toEqual(new Map([['rina', later]]));
  });
});
