// Which processes and people belong to a unit on the desk, shared by progress and reminders.
import { unitAncestry, unitById } from '../model/index.js';
import type { Organisation, Process } from '../model/index.js';

/**
 * The processes a unit answers for in a review: those that no other process groups (a grouping
 * process is never submitted; its children are).
 */
export function reviewable(processes: Process[]): Process[] {
  const parents = new Set(processes.map((p) => p.parentId).filter((id) => id !== null));
  return processes.filter((p) => !parents.has(p.id));
}

/** True when `unitId` is `rootId` or below it. */
export function isWithin(
  org: Pick<Organisation, 'units'>,
  unitId: string,
  rootId: string,
): boolean {
  return unitAncestry(org, unitId).some((u) => u.id === rootId);
}

/**
 * The row unit each unit reports under: itself when it has a row, else its nearest ancestor with
 * one; null when none does. So a campaign of "Bagian Umum" counts its Subbagian's work too.
 */
export function rowOf(
  org: Pick<Organisation, 'units'>,
  rowUnitIds: ReadonlySet<string>,
): (unitId: string | null) => string | null {
  const cache = new Map<string, string | null>();
  return (unitId) => {
    if (unitId === null) return null;
    if (!cache.has(unitId))
      cache.set(unitId, unitAncestry(org, unitId).find((u) => rowUnitIds.has(u.id))?.id ?? null);
    return cache.get(unitId)!;
  };
}

/** How chat names a unit: its short name, else its name, else the id as given. */
export function unitLabel(org: Pick<Organisation, 'units'>, unitId: string | null): string {
  if (unitId === null) return '?';
  const u = unitById(org, unitId);
  return u ? (u.shortName ?? u.name) : unitId;
}

/** One handoff on one line: "Bag. Umum → Bag. Keuangan: Nota pembayaran (01.02)". */
export function handoffLine(
  org: Pick<Organisation, 'units'>,
  fromUnitId: string | null,
  toUnitId: string | null,
  what: string,
  code: string | null,
): string {
  const ends = `${fromUnitId === null ? '?' : unitLabel(org, fromUnitId)} → ${toUnitId === null ? '?' : unitLabel(org, toUnitId)}`;
  return `${ends}: ${what}${code ? ` (${code})` : ''}`;
}
