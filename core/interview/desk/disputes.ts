// Disputed handoffs: the coordinator sees both units' words and decides, recorded with who and
// when; both units hear of it, and the clerk's copy of the process holds the decision.
import { answeringUnit, disputedHandoffs } from '../../coordination/answering-unit.js';
import { jakartaDate, shortDate } from '../../coordination/calendar.js';
import { confirmationOf } from '../../model/handoffs.js';
import type { HandoffConfirmation } from '../../model/process.js';
import { ask } from '../ops.js';
import { type Applied, type Question, msg, valueOf } from '../questions/question.js';
import type { Effect } from '../types.js';
import type { View } from '../view.js';
import { refusal, seat } from './access.js';
import { current, next, unitName, where } from './handoff-refs.js';
import { clerksOf, who } from './people.js';

/** /sengketa: the coordinator settles disputed handoffs one by one. */
export function startSettling(v: View): Applied {
  const st = seat(v);
  if ('refuse' in st) return st;
  const no = refusal(st, { kind: 'settle-handoff' });
  if (no) return { refuse: no };
  const open = disputedHandoffs(st.desk).map(({ process, handoff }) => ({
    processId: process.id,
    key: handoff.key,
  }));
  if (!open.length)
    return { notes: [msg('Tidak ada serah terima yang dibantah.', 'No handoff is disputed.')] };
  v.state.work.returnTo.push({ ...v.cursor });
  v.state.work.desk = { ...v.state.work.desk, disputes: open };
  ask(v, { q: 'dispute.settle' });
  return {};
}

export const disputeSettle: Question = {
  id: 'dispute.settle',
  answer: 'choice',
  text(v) {
    const c = current(v, 'disputes');
    if (!c) return msg('Sengketa ini sudah selesai.', 'This dispute is over.');
    const { p, h } = c;
    const conf = confirmationOf(p, h);
    const answerer = v.org()?.people.find((x) => x.id === conf?.byPersonId);
    const to = answeringUnit(p, h, v.org()!) ?? h.toUnitId;
    const at = conf?.at ? shortDate(jakartaDate(conf.at), v.lang) : '';
    return msg(
      `Sengketa: proses ${p.code} "${p.name}" milik ${unitName(v, p.ownerUnitId)} menyebut "${h.what ?? ''}" ${h.kind === 'input' ? 'dari' : 'ke'} ${unitName(v, to)}${where(v, p, h).id}.\n${unitName(v, to)} menjawab (${who(answerer)}, ${at}): "${conf?.note ?? ''}".\nApa keputusan Anda?`,
      `Dispute: process ${p.code} "${p.name}" of ${unitName(v, p.ownerUnitId)} names "${h.what ?? ''}" ${h.kind === 'input' ? 'from' : 'to'} ${unitName(v, to)}${where(v, p, h).en}.\n${unitName(v, to)} answered (${who(answerer)}, ${at}): "${conf?.note ?? ''}".\nWhat do you decide?`,
    );
  },
  help: msg(
    '"Tetap berlaku": serah terima benar seperti digambar pengirim. "Pengirim memperbaiki": pengirim harus mengubah petanya. Keputusan dicatat dengan nama Anda dan waktunya.',
    '"Stands": the handoff is right as the sender drew it. "Sender corrects": the sender must change its map. The decision is recorded with your name and the time.',
  ),
  choices: () => [
    { id: 'upheld', label: msg('Tetap berlaku', 'It stands') },
    { id: 'sender-corrects', label: msg('Pengirim memperbaiki', 'Sender corrects') },
    { id: 'later', label: msg('Nanti saja', 'Later') },
  ],
  apply(v, a) {
    const choice = valueOf(a, 'choice');
    const st = seat(v);
    if ('refuse' in st) return st;
    const c = current(v, 'disputes');
    if (!c || choice === 'later') {
      next(v, 'disputes', 'dispute.settle');
      return {};
    }
    const { p, h } = c;
    const settlement = choice === 'upheld' ? 'upheld' : 'sender-corrects';
    const by = who(st.me);
    const words =
      settlement === 'upheld'
        ? `serah terima "${h.what ?? ''}" tetap berlaku`
        : `pengirim memperbaiki serah terima "${h.what ?? ''}"`;
    const conf = confirmationOf(p, h);
    const confirmation: HandoffConfirmation | undefined = conf && {
      ...conf,
      state: settlement === 'upheld' ? 'confirmed' : 'disputed',
      settlement,
      settledByPersonId: st.me.id,
      settledAt: v.env.now,
    };
    const told = new Set<string>([...clerksOf(st.desk, p.id, st.me.id).map((x) => x.id)]);
    if (conf?.byPersonId && conf.byPersonId !== st.me.id) told.add(conf.byPersonId);
    const effects: Effect[] = [
      {
        kind: 'settle-handoff',
        organisationId: st.org.id,
        processId: p.id,
        key: h.key,
        personId: st.me.id,
        settlement,
        note: null,
      },
      ...[...told].map((personId): Effect => ({
        kind: 'deliver',
        organisationId: st.org.id,
        personId,
        key: `settle:${p.id}:${h.key}:${v.env.newId()}`,
        input: {
          kind: 'process-event',
          event: 'handoff-settled',
          processId: p.id,
          by,
          comment: words,
          ...(confirmation ? { confirmation } : {}),
        },
      })),
    ];
    next(v, 'disputes', 'dispute.settle');
    return {
      effects,
      notes: [
        msg(
          `Keputusan dicatat: ${words}. Kedua unit diberi tahu.`,
          `Decision recorded. Both units are told.`,
        ),
      ],
    };
  },
};
