// Loads the coordination desk for a step that needs it (core's deskNeeds): the organisation's
// processes, reviews, campaigns and activity, and for /versi the approved version compared with.
import type { DeskNeed } from '../../core/interview/index.js';
import type { Desk } from '../../core/coordination/types.js';
import { type Db, listReviewEvents, loadDesk } from '../../db/index.js';

export async function loadDeskFor(
  tx: Db,
  organisationId: string,
  need: DeskNeed,
): Promise<Desk | undefined> {
  const desk = await loadDesk(tx, organisationId);
  if (!desk) return undefined;
  const p = need.baselineCode
    ? desk.processes.find((x) => x.code === need.baselineCode)
    : undefined;
  if (p) {
    const baseline = await loadBaseline(tx, p.id, p.version);
    if (baseline) desk.baseline = baseline;
  }
  return desk;
}

/**
 * The version /versi compares with (Desk['baseline']): the last approved or validated version
 * before the current one, else the last submitted one before it; its snapshot (a validated
 * version's is the one kept when it was approved or submitted).
 */
export async function loadBaseline(
  tx: Db,
  processId: string,
  currentVersion: number,
): Promise<Desk['baseline'] | null> {
  const events = (await listReviewEvents(tx, { processId })).filter(
    (e) => e.version < currentVersion,
  );
  const reviewed =
    events.filter((e) => e.kind === 'approved' || e.kind === 'validated').at(-1) ??
    events.filter((e) => e.kind === 'submitted').at(-1);
  if (!reviewed) return null;
  const snap = events
    .filter((e) => e.version === reviewed.version && e.snapshot)
    .sort((a, b) => Number(a.kind === 'approved') - Number(b.kind === 'approved'))
    .at(-1);
  if (!snap?.snapshot) return null;
  const kind = reviewed.kind === 'returned' ? 'submitted' : reviewed.kind;
  return { processId, version: reviewed.version, kind, process: snap.snapshot };
}
