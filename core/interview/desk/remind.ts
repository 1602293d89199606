// /ingatkan UNIT: a reminder now to the unit's people who joined and have something left, never
// more than one a day per person (the key of the delivered input names the day).
import { onDemandReminders } from '../../coordination/reminders.js';
import { jakartaDate } from '../../coordination/calendar.js';
import type { Applied } from '../questions/question.js';
import { msg } from '../questions/question.js';
import type { Effect } from '../types.js';
import type { View } from '../view.js';
import { refusal, seat } from './access.js';
import { peopleOf } from './people.js';
import { pickUnit } from './views.js';

/** The key of a person's reminder on a day: one a day, whoever sends it (a job or a coordinator). */
export function reminderKey(personId: string, nowIso: string): string {
  return `reminder:${personId}:${jakartaDate(nowIso)}`;
}

export function remindNow(v: View, unit: string | null): Applied {
  const st = seat(v);
  if ('refuse' in st) return st;
  let unitIds: string[];
  if (unit) {
    const u = pickUnit(st, unit, '/ingatkan Bagian Umum');
    if (typeof u !== 'string') return { refuse: u };
    unitIds = [u];
  } else {
    const c = st.desk.campaigns[0];
    if (!c)
      return {
        refuse: msg(
          'Sebutkan unitnya, misalnya: /ingatkan Bagian Umum',
          'Name the unit, e.g. /ingatkan Bagian Umum',
        ),
      };
    unitIds = c.unitIds;
  }
  for (const unitId of unitIds) {
    const no = refusal(st, { kind: 'remind', unitId });
    if (no) return { refuse: no };
  }
  const due = onDemandReminders(st.desk, unitIds, v.env.now);
  const dueIds = new Set(due.map((d) => d.personId));
  const people = [
    ...new Map(
      unitIds.flatMap((u) => peopleOf(st.org, u, st.me.id)).map((p) => [p.id, p]),
    ).values(),
  ];
  const activity = new Map(st.desk.activity.map((a) => [a.personId, a]));
  const today = jakartaDate(v.env.now);
  const notJoined = people.filter((p) => !activity.get(p.id)?.joined);
  const already = people.filter(
    (p) =>
      !dueIds.has(p.id) &&
      activity.get(p.id)?.joined &&
      activity.get(p.id)?.lastRemindedAt &&
      jakartaDate(activity.get(p.id)!.lastRemindedAt!) === today,
  );
  const effects: Effect[] = due.map((d) => ({
    kind: 'deliver',
    organisationId: st.org.id,
    personId: d.personId,
    key: reminderKey(d.personId, v.env.now),
    input: { kind: 'reminder-due', at: v.env.now, left: d.left },
  }));
  const name = (id: string) => st.org.people.find((p) => p.id === id)?.name ?? id;
  const lines = [
    msg(
      `Pengingat dikirim kepada ${due.length} orang${due.length ? `: ${due.map((d) => name(d.personId)).join(', ')}` : ''}.`,
      `Reminder sent to ${due.length} people${due.length ? `: ${due.map((d) => name(d.personId)).join(', ')}` : ''}.`,
    ),
  ];
  if (already.length)
    lines.push(
      msg(
        `Sudah diingatkan hari ini (satu sehari): ${already.map((p) => p.name).join(', ')}.`,
        `Already reminded today (one a day): ${already.map((p) => p.name).join(', ')}.`,
      ),
    );
  if (notJoined.length)
    lines.push(
      msg(
        `Belum bergabung, tidak bisa diingatkan: ${notJoined.map((p) => p.name).join(', ')}. Undang dengan /undang.`,
        `Not joined, cannot be reminded: ${notJoined.map((p) => p.name).join(', ')}. Invite them with /undang.`,
      ),
    );
  return { effects, notes: lines };
}
