// Handoffs both units agree on. The answering unit (B) is asked in its own chat whether it receives
// (or gives) what another unit's process says, under what name and in which of its processes; a
// "no" goes to the coordinator with both sides' words (disputes.ts settles it).
import { answeringUnit, handoffsToAnswer } from '../../coordination/answering-unit.js';
import { handoffs } from '../../model/handoffs.js';
import { type HandoffConfirmation, numberedSteps, type Process } from '../../model/process.js';
import { ask } from '../ops.js';
import { type Applied, type Question, msg, valueOf } from '../questions/question.js';
import type { Effect } from '../types.js';
import type { View } from '../view.js';
import { refusal, seat } from './access.js';
import { type Ref, current, next, unitName, where } from './handoff-refs.js';
import { clerksOf, coordinators, peopleOf, who } from './people.js';

/** Starts answering the handoffs this person's unit must answer (/serahterima, or when asked). */
export function startAnswering(v: View, only?: Pick<Ref, 'processId'>): Applied {
  const st = seat(v);
  if ('refuse' in st) return st;
  const no = refusal(st, { kind: 'answer-handoff', unitId: st.me.unitId });
  if (no) return { refuse: no };
  const open = handoffsToAnswer(st.desk, st.me.unitId)
    .map(({ process, handoff }) => ({ processId: process.id, key: handoff.key }))
    // Asked about one process: its handoffs first, the unit's others after.
    .sort(
      (a, b) => Number(b.processId === only?.processId) - Number(a.processId === only?.processId),
    );
  if (!open.length)
    return {
      notes: [
        msg(
          'Tidak ada serah terima yang menunggu jawaban unit Anda.',
          'No handoff is waiting for your unit to answer.',
        ),
      ],
    };
  v.state.work.returnTo.push({ ...v.cursor });
  v.state.work.desk = { ...v.state.work.desk, handoffs: open, answer: undefined };
  ask(v, { q: 'answer.handoff' });
  return {};
}

/** Steps of the answering unit in the other unit's map: the lane it is asked to confirm. */
function laneText(v: View, p: Process, unitId: string): string {
  if (!p.flow) return '';
  const mine = numberedSteps(p.flow).filter((s) => s.node.performer?.unitId === unitId);
  if (!mine.length) return '';
  const lines = mine.map(
    (s) =>
      `${s.no}. ${s.node.name}${s.node.performer?.position ? ` (${s.node.performer.position})` : ''}`,
  );
  return (
    v.t(msg('\nLangkah unit Anda di peta ini:\n', "\nYour unit's steps in this map:\n")) +
    lines.join('\n')
  );
}

export const answerHandoff: Question = {
  id: 'answer.handoff',
  answer: 'choice',
  text(v) {
    const c = current(v, 'handoffs');
    if (!c)
      return msg(
        'Serah terima ini sudah tidak ada di peta pengirimnya.',
        "This handoff is no longer in the sender's map.",
      );
    const { p, h } = c;
    const owner = unitName(v, p.ownerUnitId);
    const what = h.what ? `"${h.what}"` : v.t(msg('pekerjaan', 'the work'));
    const left = v.state.work.desk?.handoffs?.length ?? 1;
    const count = left > 1 ? v.t(msg(` (${left} menunggu)`, ` (${left} waiting)`)) : '';
    const gives = h.kind === 'input';
    const w = where(v, p, h);
    const lane = laneText(v, p, v.person()?.unitId ?? '');
    return msg(
      `Serah terima${count}: proses ${p.code} "${p.name}" milik ${owner} menyebut unit Anda ${gives ? 'mengirim' : 'menerima'} ${what}${gives ? ` kepada ${owner}` : ''}${w.id}.${lane}${lane ? '\n' : ' '}Benarkah?`,
      `Handoff${count}: process ${p.code} "${p.name}" of ${owner} says your unit ${gives ? 'sends' : 'receives'} ${what}${gives ? ` to ${owner}` : ''}${w.en}.${lane}${lane ? '\n' : ' '}Is that right?`,
    );
  },
  help: msg(
    '"Ya": unit Anda menerimanya (lalu pilih proses Anda yang memakainya). "Ya, nama lain": Anda mengenalnya dengan nama lain. "Tidak": bukan unit Anda, atau datang dari pihak lain (koordinator akan menengahi). "Koreksi langkah": usulkan perbaikan langkah unit Anda di peta itu.',
    '"Yes": your unit receives it (then pick the process of yours that takes it). "Yes, another name": you know it by another name. "No": not your unit, or it comes from someone else (the coordinator settles it). "Correct a step": propose a correction of your unit\'s steps in that map.',
  ),
  choices: () => [
    { id: 'yes', label: msg('Ya, benar', 'Yes') },
    { id: 'renamed', label: msg('Ya, dengan nama lain', 'Yes, under another name') },
    { id: 'no', label: msg('Tidak', 'No') },
    { id: 'correct', label: msg('Koreksi langkah', 'Correct a step') },
    { id: 'later', label: msg('Nanti saja', 'Later') },
  ],
  apply(v, a) {
    const c = valueOf(a, 'choice');
    if (!current(v, 'handoffs')) {
      next(v, 'handoffs', 'answer.handoff');
      return {};
    }
    if (c === 'later') {
      next(v, 'handoffs', 'answer.handoff');
      return {};
    }
    if (c === 'yes' || c === 'renamed') {
      v.state.work.desk = {
        ...v.state.work.desk,
        answer: { answer: c === 'yes' ? 'confirmed' : 'renamed' },
      };
      ask(v, { q: c === 'yes' ? 'answer.process' : 'answer.name' });
      return {};
    }
    ask(v, { q: c === 'no' ? 'answer.reason' : 'answer.correction' });
    return {};
  },
};

export const answerName: Question = {
  id: 'answer.name',
  answer: 'text',
  text: () => msg('Dengan nama apa unit Anda mengenalnya?', 'What does your unit call it?'),
  help: msg('Misalnya: "Surat Perintah Membayar".', 'E.g. "Surat Perintah Membayar".'),
  apply(v, a) {
    v.state.work.desk = {
      ...v.state.work.desk,
      answer: { answer: 'renamed', name: valueOf(a, 'text') },
    };
    ask(v, { q: 'answer.process' });
    return {};
  },
};

/** The answering unit's own processes, to say which one takes the handoff. */
function ownProcesses(v: View): Process[] {
  const unitId = v.person()?.unitId;
  return (v.ctx.desk?.processes ?? []).filter((p) => p.ownerUnitId === unitId).slice(0, 8);
}

export const answerProcess: Question = {
  id: 'answer.process',
  answer: 'choice',
  text: () =>
    msg('Proses unit Anda yang mana yang menerimanya?', 'Which process of your unit takes it?'),
  help: msg(
    'Pilih prosesnya. Bila belum dipetakan, pilih "Belum ada prosesnya".',
    'Pick the process. If it is not mapped yet, pick "No process yet".',
  ),
  choices: (v) => [
    ...ownProcesses(v).map((p) => ({ id: p.id, label: `${p.code} ${p.name}` })),
    { id: 'none', label: msg('Belum ada prosesnya', 'No process yet') },
  ],
  apply(v, a) {
    const picked = valueOf(a, 'choice');
    const ans = v.state.work.desk?.answer ?? { answer: 'confirmed' as const };
    return answer(v, ans.answer, {
      counterpartProcessId: picked === 'none' ? null : picked,
      counterpartName: ans.name ?? null,
      note: null,
    });
  },
};

export const answerReason: Question = {
  id: 'answer.reason',
  answer: 'text',
  text: () =>
    msg(
      'Mengapa tidak? Jawaban Anda diteruskan kepada pengirim dan koordinator.',
      'Why not? Your answer goes to the sender and the coordinator.',
    ),
  help: msg(
    'Misalnya: "Kami tidak menerima nota itu; nota itu dari Inspektorat."',
    'E.g. "We do not receive that note; it comes from the Inspectorate."',
  ),
  apply(v, a) {
    return answer(v, 'disputed', {
      counterpartProcessId: null,
      counterpartName: null,
      note: valueOf(a, 'text'),
    });
  },
};

export const answerCorrection: Question = {
  id: 'answer.correction',
  answer: 'text',
  text: () =>
    msg(
      'Tulis koreksinya: langkah nomor berapa, dan apa yang benar. Usulan ini dikirim kepada penyusun peta itu.',
      "Write the correction: which step number, and what is right. It goes to the map's clerk as a proposal.",
    ),
  help: msg(
    'Misalnya: "Langkah 5 kami kerjakan, tapi pelaksananya Kasubbag Keuangan, bukan Kabag."',
    'E.g. "We do step 5, but the performer is the Kasubbag Keuangan, not the Kabag."',
  ),
  apply(v, a) {
    return answer(
      v,
      'confirmed',
      { counterpartProcessId: null, counterpartName: null, note: valueOf(a, 'text') },
      true,
    );
  },
};

function answer(
  v: View,
  kind: 'confirmed' | 'renamed' | 'disputed',
  o: { counterpartProcessId: string | null; counterpartName: string | null; note: string | null },
  correction = false,
): Applied {
  const st = seat(v);
  if ('refuse' in st) return st;
  const c = current(v, 'handoffs');
  if (!c) {
    next(v, 'handoffs', 'answer.handoff');
    return {
      notes: [
        msg(
          'Serah terima ini sudah tidak ada di peta pengirimnya.',
          "This handoff is no longer in the sender's map.",
        ),
      ],
    };
  }
  const { p, h } = c;
  const by = who(st.me);
  const what = h.what ?? '';
  const effects: Effect[] = [
    {
      kind: 'answer-handoff',
      organisationId: st.org.id,
      processId: p.id,
      key: h.key,
      personId: st.me.id,
      answer: kind,
      ...o,
    },
  ];
  const event =
    kind === 'disputed'
      ? 'handoff-disputed'
      : correction
        ? 'correction-proposed'
        : 'handoff-confirmed';
  const comment = kind === 'renamed' ? `${what} = "${o.counterpartName}"` : o.note;
  const confirmation: HandoffConfirmation = {
    key: h.key,
    state: kind === 'disputed' ? 'disputed' : 'confirmed',
    byPersonId: st.me.id,
    at: v.env.now,
    note: o.note,
    fromUnitId: h.fromUnitId,
    toUnitId: h.toUnitId,
    counterpartProcessId: o.counterpartProcessId,
    counterpartName: o.counterpartName,
    settlement: null,
    settledByPersonId: null,
    settledAt: null,
  };
  for (const clerk of clerksOf(st.desk, p.id, st.me.id))
    effects.push({
      kind: 'deliver',
      organisationId: st.org.id,
      personId: clerk.id,
      key: `handoff:${p.id}:${h.key}:${v.env.newId()}`,
      input: { kind: 'process-event', event, processId: p.id, by, comment, confirmation },
    });
  if (kind === 'disputed')
    for (const co of coordinators(st.org, st.me.id))
      effects.push({
        kind: 'notify',
        personId: co.id,
        message: msg(
          `Serah terima dibantah: proses ${p.code} "${p.name}" (${unitName(v, p.ownerUnitId)}) menyebut "${what}" ${h.kind === 'input' ? 'dari' : 'ke'} ${v.unitName(st.me.unitId)}. ${by} menjawab: "${o.note}". Putuskan dengan /sengketa.`,
          `Handoff disputed: process ${p.code} "${p.name}" (${unitName(v, p.ownerUnitId)}) names "${what}" ${h.kind === 'input' ? 'from' : 'to'} ${v.unitName(st.me.unitId)}. ${by} answered: "${o.note}". Settle it with /sengketa.`,
        ),
      });
  next(v, 'handoffs', 'answer.handoff');
  const said =
    kind === 'disputed'
      ? msg(
          'Tercatat: unit Anda tidak menyetujui serah terima ini. Pengirim dan koordinator diberi tahu.',
          'Recorded: your unit disputes this handoff. The sender and the coordinator are told.',
        )
      : correction
        ? msg(
            'Tercatat. Usulan koreksi dikirim kepada penyusun peta itu.',
            "Recorded. The correction was sent to the map's clerk.",
          )
        : msg('Tercatat: serah terima dikonfirmasi.', 'Recorded: handoff confirmed.');
  return { effects, notes: [said] };
}

/** The people of the units that must answer a process's handoffs, asked when it is submitted. */
export function askAnsweringUnits(v: View, p: Process): Effect[] {
  const org = v.org();
  if (!org || !v.state.organisationId) return [];
  const effects: Effect[] = [];
  const asked = new Set<string>();
  for (const h of handoffs(p)) {
    if (h.state === 'confirmed') continue;
    const unitId = answeringUnit(p, h, org);
    if (!unitId) continue;
    for (const person of peopleOf(org, unitId, v.state.personId)) {
      if (asked.has(person.id)) continue;
      asked.add(person.id);
      effects.push({
        kind: 'deliver',
        organisationId: org.id,
        personId: person.id,
        key: `ask:${p.id}:${p.version}:${person.id}`,
        input: {
          kind: 'process-event',
          event: 'handoff-asked',
          processId: p.id,
          by: who(v.person()),
          comment: null,
        },
      });
    }
  }
  return effects;
}
