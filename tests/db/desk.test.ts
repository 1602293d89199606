// The coordinator's desk: one read of everything progress, reminders and the ledger are computed
// from. Who last answered (from any of their chats), who was last reminded, who joined.
import { expect, it } from 'vitest';
import type { Campaign } from '../../core/coordination/types.js';
import {
  type Db,
  addPersonEvent,
  applyInbound,
  closeCampaign,
  createCampaign,
  disputeHandoff,
  linkAccount,
  loadDesk,
  recordReview,
  saveInterview,
  saveOrganisation,
  saveProcess,
  setAccountReachable,
  settleHandoff,
} from '../../db/index.js';
import { forEachDatabase } from '../support/db.js';
import { renjaDocument } from '../support/scenario.js';

const doc = renjaDocument();
const orgId = doc.organisation.id;
const system = { system: 'test' } as const;
const day = (d: number, h = 2) => new Date(Date.UTC(2026, 10, d, h));

async function seed(db: Db): Promise<void> {
  await saveOrganisation(db, doc.organisation, system);
  for (const p of doc.processes)
    await saveProcess(db, { organisationId: orgId, process: p, expectedVersion: 0, actor: system });
}

/** One inbound message in a chat, as the channels apply it (the terminal names its person). */
let update = 0;
function writes(db: Db, chatKey: string, now: Date, account?: string, personId?: string) {
  const [platform] = chatKey.split(':');
  return applyInbound(
    db,
    {
      platform: platform!,
      updateKey: String(++update),
      chatKey,
      now,
      ...(account ? { of: { account: { platform: platform!, accountId: account } } } : {}),
    },
    () => ({ state: {}, stateVersion: 1, personId: personId ?? null, outbound: [] }),
  );
}

const campaign = (id: string, createdAt: Date): Campaign => ({
  id,
  organisationId: orgId,
  name: `Pemetaan ${id}`,
  unitIds: ['bag-perencanaan'],
  deadline: '2027-01-31',
  remindAfterDays: 3,
  createdByPersonId: 'budi',
  createdAt: createdAt.toISOString(),
  closedAt: null,
});

forEachDatabase('coordinator desk', (getDb) => {
  it('says who answered last from any of their chats, who was reminded, and who joined', async () => {
    const { db } = getDb();
    await seed(db);
    // Rina: Telegram, and the terminal under her name; her last answer is the terminal's.
    await linkAccount(db, { platform: 'telegram', accountId: '100', personId: 'rina' });
    await writes(db, 'telegram:100', day(20), '100');
    await writes(db, 'telegram:100', day(21), '100');
    await saveInterview(db, {
      chatKey: 'terminal:rina',
      personId: 'rina',
      state: {},
      stateVersion: 1,
    });
    await writes(db, 'terminal:rina', day(22), undefined, 'rina');
    // Someone not linked to anyone writes later: nobody's answer.
    await writes(db, 'telegram:999', day(23));
    // Budi's WhatsApp number came with an organisation file and he never wrote from it: that is
    // not joining either (a reminder there would be a cold message).
    await linkAccount(db, { platform: 'whatsapp', accountId: '6281300000001', personId: 'budi' });
    // Budi linked an account and blocked the bot; he never wrote, and was reminded twice.
    await linkAccount(db, { platform: 'telegram', accountId: '200', personId: 'budi' });
    await setAccountReachable(db, {
      platform: 'telegram',
      accountId: '200',
      reachable: false,
      at: day(21),
    });
    for (const d of [21, 22])
      await addPersonEvent(db, {
        key: `reminder:budi:2026-11-${d}`,
        organisationId: orgId,
        personId: 'budi',
        input: { kind: 'reminder-due', at: day(d).toISOString() },
        at: day(d),
      });
    await addPersonEvent(db, {
      key: 'review:p-03-01:1:returned',
      organisationId: orgId,
      personId: 'budi',
      input: {
        kind: 'process-event',
        event: 'returned',
        processId: 'p-03-01',
        by: 'Rina',
        comment: null,
      },
      at: day(23),
    });

    const desk = (await loadDesk(db, orgId))!;
    expect(desk.activity).toEqual([
      {
        personId: 'rina',
        lastAnswerAt: day(22).toISOString(),
        lastRemindedAt: null,
        joined: true,
      },
      {
        personId: 'budi',
        lastAnswerAt: null,
        lastRemindedAt: day(22).toISOString(),
        joined: false,
      },
    ]);
    expect(await loadDesk(db, 'nope')).toBeNull();
  });

  it('holds the organisation, its processes with their answers, reviews and open campaigns', async () => {
    const { db } = getDb();
    await seed(db);
    const base = { organisationId: orgId, processId: 'p-03-01', byPersonId: 'budi' };
    await disputeHandoff(db, { ...base, key: 'edge:e2', note: 'Bukan kami', at: day(20) });
    await settleHandoff(db, { ...base, key: 'edge:e2', settlement: 'upheld', at: day(21) });
    await recordReview(db, { ...base, kind: 'submitted', byPersonId: 'rina', at: day(20) });
    await recordReview(db, { ...base, kind: 'returned', comment: 'Langkah 3?', at: day(21) });
    await createCampaign(db, campaign('old', day(1)), { personId: 'budi' });
    await createCampaign(db, campaign('open', day(2)), { personId: 'budi' });
    await createCampaign(db, campaign('newer', day(3)), { personId: 'budi' });
    await closeCampaign(db, { id: 'old', actor: { personId: 'budi' } });

    const desk = (await loadDesk(db, orgId))!;
    expect(desk.organisation).toEqual(doc.organisation);
    expect(desk.processes.map((p) => p.code)).toEqual(['03', '03.01']);
    expect(desk.processes[1]!.handoffConfirmations).toMatchObject([
      { key: 'edge:e2', state: 'confirmed', settlement: 'upheld', settledByPersonId: 'budi' },
    ]);
    expect(desk.reviews).toEqual([
      {
        processId: 'p-03-01',
        kind: 'submitted',
        version: 1,
        byPersonId: 'rina',
        at: day(20).toISOString(),
        comment: null,
      },
      {
        processId: 'p-03-01',
        kind: 'returned',
        version: 1,
        byPersonId: 'budi',
        at: day(21).toISOString(),
        comment: 'Langkah 3?',
      },
    ]);
    expect(desk.campaigns.map((c) => c.id)).toEqual(['newer', 'open']);
  });
});
