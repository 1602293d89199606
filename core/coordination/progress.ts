// The coordinator's progress table (`/progres`): where each unit stands, computed from the desk.
import { isExternalKind, unitById } from '../model/index.js';
import type { Language, Process, ProcessStatus } from '../model/index.js';
import { checkProcess } from '../rules/index.js';
import { answerableHandoffs } from './answering-unit.js';
import { daysAgo, daysBetween, daysLeft, daysSince, jakartaDate, shortDate } from './calendar.js';
import { PHONE_WIDTH, count, wrap } from './phone-text.js';
import { reviewable, rowOf, unitLabel } from './scope.js';
import type { Campaign, Desk, ProgressRow, UnitStage } from './types.js';
import { truncate } from '../language/text.js';

const RANK: Record<ProcessStatus, number> = {
  draft: 0,
  submitted: 1,
  approved: 2,
  validated: 3,
  ratified: 3,
};
const BY_RANK: UnitStage[] = ['in-progress', 'submitted', 'approved', 'validated'];

/**
 * A unit's stage from the processes it answers for and whether its people ever answered. Nothing
 * done yet (no answer, nothing mapped or reviewed; processes an import or a Level-0 proposal put
 * there do not count) is not-started; otherwise the least advanced process decides.
 */
export function unitStage(
  processes: Pick<Process, 'status' | 'flow'>[],
  answered: boolean,
): UnitStage {
  const untouched = processes.every((p) => p.flow === null && p.status === 'draft');
  if (!answered && untouched) return 'not-started';
  if (processes.length === 0) return 'in-progress';
  return BY_RANK[Math.min(...processes.map((p) => RANK[p.status]))]!;
}

/**
 * One row per unit: the campaign's units in its order, or without a campaign every internal unit
 * that owns a process or has people. A row covers its unit and the units below it that have no
 * row of their own.
 */
export function progressRows(desk: Desk, campaign: Campaign | null, now: string): ProgressRow[] {
  const org = desk.organisation;
  const unitIds = campaign
    ? campaign.unitIds.filter((id) => unitById(org, id))
    : org.units
        .filter((u) => !isExternalKind(u.kind))
        .filter(
          (u) =>
            desk.processes.some((p) => p.ownerUnitId === u.id) ||
            org.people.some((p) => p.unitId === u.id),
        )
        .map((u) => u.id);
  const rowFor = rowOf(org, new Set(unitIds));
  const leaves = new Set(reviewable(desk.processes).map((p) => p.id));
  const open = answerableHandoffs(desk).filter((h) => h.handoff.state !== 'confirmed');
  const today = jakartaDate(now);

  return unitIds.map((unitId): ProgressRow => {
    const owned = desk.processes.filter((p) => rowFor(p.ownerUnitId) === unitId);
    const counted = owned.filter((p) => leaves.has(p.id));
    const people = new Set(org.people.filter((p) => rowFor(p.unitId) === unitId).map((p) => p.id));
    const activity = desk.activity.filter((a) => people.has(a.personId));
    const ownedIds = new Set(owned.map((p) => p.id));
    const times = [
      ...activity.map((a) => a.lastAnswerAt),
      ...desk.reviews.filter((r) => ownedIds.has(r.processId)).map((r) => r.at),
    ].filter((t): t is string => t !== null);
    const last = times.length
      ? times.reduce((a, b) => (Date.parse(a) >= Date.parse(b) ? a : b))
      : null;
    const status = (s: ProcessStatus[]) => counted.filter((p) => s.includes(p.status)).length;
    return {
      unitId,
      unitName: unitLabel(org, unitId),
      stage: unitStage(
        counted,
        activity.some((a) => a.lastAnswerAt !== null),
      ),
      processes: {
        total: counted.length,
        mapped: counted.filter((p) => p.flow !== null).length,
        submitted: status(['submitted']),
        approved: status(['approved']),
        validated: status(['validated', 'ratified']),
      },
      openFindings: owned
        .filter((p) => p.flow !== null)
        .reduce((n, p) => n + checkProcess(p, org).length, 0),
      handoffsOpen: open.filter(
        (h) => rowFor(h.handoff.fromUnitId) === unitId || rowFor(h.handoff.toUnitId) === unitId,
      ).length,
      lastActivityAt: last,
      daysSinceActivity: last === null ? null : daysSince(last, now),
      daysToDeadline: campaign ? daysBetween(today, campaign.deadline) : null,
    };
  });
}

export const STAGE_WORDS: Record<UnitStage, Record<Language, string>> = {
  'not-started': { id: 'belum mulai', en: 'not started' },
  'in-progress': { id: 'sedang mengisi', en: 'filling in' },
  submitted: { id: 'dikirim', en: 'submitted' },
  approved: { id: 'disetujui kepala unit', en: 'approved by unit head' },
  validated: { id: 'divalidasi koordinator', en: 'validated by coordinator' },
};

/** The table for a phone: a summary line, then a short block per unit (lines ≤ 36 characters). */
export function progressText(
  rows: ProgressRow[],
  campaign: Campaign | null,
  lang: Language,
): string {
  const validated = rows.filter((r) => r.stage === 'validated').length;
  const done =
    lang === 'id'
      ? `${validated} dari ${rows.length} unit tervalidasi`
      : `${validated} of ${rows.length} units validated`;
  const days = rows[0]?.daysToDeadline ?? null;
  const head = campaign
    ? [
        lang === 'id' ? `Kampanye ${campaign.name}` : `Campaign ${campaign.name}`,
        `${lang === 'id' ? 'tenggat' : 'deadline'} ${shortDate(campaign.deadline, lang)}` +
          (days === null ? '' : ` (${daysLeft(days, lang)})`),
        done,
      ].join(' · ')
    : [lang === 'id' ? 'Progres pemetaan' : 'Mapping progress', done].join(' · ');
  if (rows.length === 0) return `${head}\n${lang === 'id' ? 'Belum ada unit.' : 'No units yet.'}`;
  return [head, ...rows.map((r) => unitBlock(r, lang))].join('\n\n');
}

function unitBlock(r: ProgressRow, lang: Language): string {
  const p = r.processes;
  const parts = [
    [p.mapped, 'dipetakan', 'mapped'],
    [p.submitted, 'dikirim', 'submitted'],
    [p.approved, 'disetujui', 'approved'],
    [p.validated, 'divalidasi', 'validated'],
  ] as const;
  const detail = parts
    .filter(([n]) => n > 0)
    .map(([n, id, en]) => `${n} ${lang === 'id' ? id : en}`);
  const lines = [
    truncate(r.unitName, PHONE_WIDTH),
    STAGE_WORDS[r.stage][lang],
    p.total === 0
      ? lang === 'id'
        ? 'belum ada proses'
        : 'no processes yet'
      : count(p.total, 'proses', 'process', lang, 'processes') +
        (detail.length ? ` (${detail.join(', ')})` : ''),
  ];
  if (r.openFindings > 0) lines.push(count(r.openFindings, 'temuan', 'finding', lang));
  if (r.handoffsOpen > 0)
    lines.push(
      lang === 'id'
        ? `${r.handoffsOpen} serah terima belum disepakati`
        : `${count(r.handoffsOpen, '', 'handoff', 'en')} not agreed`,
    );
  lines.push(
    r.daysSinceActivity === null
      ? lang === 'id'
        ? 'belum pernah aktif'
        : 'never active'
      : `${lang === 'id' ? 'aktif terakhir' : 'last active'} ${daysAgo(r.daysSinceActivity, lang)}`,
  );
  return lines.flatMap((l) => wrap(l)).join('\n');
}
