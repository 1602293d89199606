// Reminders: who to remind, and what to tell them is left. Never more than one a day per person
// (Asia/Jakarta calendar), only to people who joined, and only when something is left to do.
import type { Language } from '../model/index.js';
import { handoffsToAnswer } from './answering-unit.js';
import { daysSince, jakartaDate } from './calendar.js';
import { isWithin, reviewable } from './scope.js';
import type { Campaign, Desk, PersonActivity } from './types.js';

export type Left = { processes: number; handoffs: number };
export type DueReminder = { personId: string; left: Left };

/**
 * What a person's unit still owes: its processes still in draft (returned ones included; a
 * submitted one waits for the head, not for them) and the handoffs the unit must answer.
 */
export function whatIsLeft(desk: Desk, personId: string): Left {
  const person = desk.organisation.people.find((p) => p.id === personId);
  if (!person) return { processes: 0, handoffs: 0 };
  const drafts = reviewable(desk.processes).filter(
    (p) => p.ownerUnitId === person.unitId && p.status === 'draft',
  );
  return { processes: drafts.length, handoffs: handoffsToAnswer(desk, person.unitId).length };
}

/** "2 proses belum selesai, 3 serah terima menunggu konfirmasi Anda"; a zero part is left out. */
export function reminderLine(left: Left, lang: Language): string {
  const parts: string[] = [];
  if (left.processes > 0)
    parts.push(
      lang === 'id'
        ? `${left.processes} proses belum selesai`
        : `${left.processes} process${left.processes === 1 ? '' : 'es'} not finished`,
    );
  if (left.handoffs > 0)
    parts.push(
      lang === 'id'
        ? `${left.handoffs} serah terima menunggu konfirmasi Anda`
        : `${left.handoffs} handoff${left.handoffs === 1 ? '' : 's'} awaiting your confirmation`,
    );
  if (parts.length === 0) return lang === 'id' ? 'Tidak ada yang tersisa.' : 'Nothing is left.';
  return parts.join(', ');
}

/**
 * The campaign's reminders due at `now`: people of its units (or below) who joined, were not
 * reminded today, have not answered for remindAfterDays calendar days (or never did), and have
 * something left. A closed campaign reminds nobody.
 */
export function dueReminders(desk: Desk, campaign: Campaign, now: string): DueReminder[] {
  if (campaign.closedAt !== null) return [];
  return remindable(desk, campaign.unitIds, now, (a) =>
    a.lastAnswerAt === null ? true : daysSince(a.lastAnswerAt, now) >= campaign.remindAfterDays,
  );
}

/** `/ingatkan UNIT`: the same without the inactivity condition, still at most once a day. */
export function onDemandReminders(desk: Desk, unitIds: string[], now: string): DueReminder[] {
  return remindable(desk, unitIds, now, () => true);
}

function remindable(
  desk: Desk,
  unitIds: string[],
  now: string,
  inactive: (a: PersonActivity) => boolean,
): DueReminder[] {
  const org = desk.organisation;
  const today = jakartaDate(now);
  const activity = new Map(desk.activity.map((a) => [a.personId, a]));
  const out: DueReminder[] = [];
  for (const person of org.people) {
    if (!unitIds.some((u) => isWithin(org, person.unitId, u))) continue;
    const a = activity.get(person.id);
    if (!a || !a.joined) continue;
    if (a.lastRemindedAt !== null && jakartaDate(a.lastRemindedAt) === today) continue;
    if (!inactive(a)) continue;
    const left = whatIsLeft(desk, person.id);
    if (left.processes + left.handoffs > 0) out.push({ personId: person.id, left });
  }
  return out;
}
