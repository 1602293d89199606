// Stores a generated organisation (generate.ts): the model through the repositories, the chat
// activity (inbox rows, accounts, reminders) in batches straight into their tables.
import type { Db } from '../../db/index.js';
import { createCampaign, recordReview, saveOrganisation, saveProcess } from '../../db/index.js';
import { channelAccounts, inbox, personEvents } from '../../db/schema.js';
import type { Generated } from './generate.js';

const system = { system: 'bench' } as const;

async function inChunks<T>(xs: T[], size: number, fn: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < xs.length; i += size) await fn(xs.slice(i, i + size));
}

export async function storeGenerated(db: Db, g: Generated): Promise<void> {
  const orgId = g.organisation.id;
  await saveOrganisation(db, g.organisation, system);
  const groups = g.processes.filter((p) => p.flow === null);
  const leaves = g.processes.filter((p) => p.flow !== null);
  const save = (process: Generated['processes'][number]) =>
    saveProcess(db, { organisationId: orgId, process, expectedVersion: 0, actor: system }).then(
      (r) => {
        if (r.outcome !== 'saved') throw new Error(`${process.id}: ${r.outcome}`);
      },
    );
  for (const p of groups) await save(p);
  // Parents exist: the leaves several at a time (PGlite runs them one after another anyway).
  await inChunks(leaves, 8, (chunk) => Promise.all(chunk.map(save)));
  for (const r of g.reviews) {
    const done = await recordReview(db, { organisationId: orgId, ...r });
    if (done.outcome !== 'recorded') throw new Error(`review of ${r.processId}: ${done.outcome}`);
  }
  for (const c of g.campaigns) await createCampaign(db, c, system);
  if (g.accounts.length)
    await db.insert(channelAccounts).values(
      g.accounts.map((a) => ({
        platform: a.platform,
        accountId: a.accountId,
        personId: a.personId,
        organisationId: orgId,
        unreachableSince: a.unreachable ? new Date('2026-11-20T00:00:00Z') : null,
      })),
    );
  let key = 0;
  await inChunks(g.messages, 2000, (chunk) =>
    db.insert(inbox).values(
      chunk.map((m) => ({
        platform: 'telegram',
        updateKey: `bench-${++key}`,
        chatKey: m.chatKey,
        receivedAt: m.at,
        status: 'done',
      })),
    ),
  );
  await inChunks(g.reminders, 2000, (chunk) =>
    db.insert(personEvents).values(
      chunk.map((r) => ({
        key: `reminder:${r.personId}:${r.at.toISOString().slice(0, 10)}`,
        organisationId: orgId,
        personId: r.personId,
        input: { kind: 'reminder-due', at: r.at.toISOString() },
        createdAt: r.at,
      })),
    ),
  );
}
