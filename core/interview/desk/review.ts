// Review by chat: a unit head approves or returns a submitted process, a coordinator validates an
// approved one (or returns it). Each is recorded with who and when (the `review` effect) and the
// clerk hears of it in their own chat, with the comment and the map on a return.
import { ask } from '../ops.js';
import { returnFromDetour } from '../pipeline.js';
import type { Applied, Question } from '../questions/question.js';
import { msg, valueOf } from '../questions/question.js';
import type { Effect } from '../types.js';
import type { View } from '../view.js';
import type { Process } from '../../model/process.js';
import { type Seat, isBilingual, processByCode, refusal, seat } from './access.js';
import { tappable } from './commands.js';
import { clerksOf, coordinators, headsOf, who } from './people.js';

type Kind = 'approve' | 'return' | 'validate';

/** Whether this person may take this review step on this process now, or why not. */
function check(st: Seat, p: Process, kind: Kind): Applied | null {
  const unitId = p.ownerUnitId ?? '';
  if (kind === 'validate') {
    const no = refusal(st, { kind: 'validate' });
    if (no) return { refuse: no };
    if (p.status !== 'approved')
      return {
        refuse: msg(
          `Proses ${p.code} belum disetujui kepala unitnya (status: ${p.status}); validasi menyusul persetujuan.`,
          `Process ${p.code} is not approved by its unit head yet (status: ${p.status}); validation follows approval.`,
        ),
      };
    return null;
  }
  const asHead = refusal(st, { kind: 'approve', unitId });
  const asCoordinator = refusal(st, { kind: 'validate' });
  if (kind === 'approve') {
    if (asHead) return { refuse: asHead };
    if (p.status !== 'submitted')
      return {
        refuse: msg(
          `Proses ${p.code} tidak sedang menunggu persetujuan (status: ${p.status}).`,
          `Process ${p.code} is not awaiting approval (status: ${p.status}).`,
        ),
      };
    return null;
  }
  // Returning: the head a submitted process, the coordinator a submitted or approved one.
  if (asHead && asCoordinator) return { refuse: asHead };
  const may = p.status === 'submitted' || (p.status === 'approved' && !asCoordinator);
  if (!may)
    return {
      refuse: msg(
        `Proses ${p.code} tidak sedang diperiksa (status: ${p.status}); tidak ada yang dikembalikan.`,
        `Process ${p.code} is not under review (status: ${p.status}); there is nothing to return.`,
      ),
    };
  return null;
}

/** /setujui KODE, /validasi KODE, /kembalikan KODE [komentar]. */
export function startReview(
  v: View,
  kind: Kind,
  code: string | null,
  comment: string | null,
): Applied {
  const st = seat(v);
  if ('refuse' in st) return st;
  const p = processByCode(st, code);
  if (isBilingual(p)) return { refuse: p };
  const no = check(st, p, kind);
  if (no) return no;
  if (kind === 'return' && !comment) {
    v.state.work.returnTo.push({ ...v.cursor });
    v.state.work.desk = { ...v.state.work.desk, review: { processId: p.id, version: p.version } };
    ask(v, { q: 'review.return_comment', pid: p.id });
    return {};
  }
  return record(v, st, p, kind, comment);
}

function record(v: View, st: Seat, p: Process, kind: Kind, comment: string | null): Applied {
  const review = kind === 'approve' ? 'approved' : kind === 'validate' ? 'validated' : 'returned';
  const by = who(st.me);
  const effects: Effect[] = [
    {
      kind: 'review',
      organisationId: st.org.id,
      processId: p.id,
      review,
      version: p.version,
      personId: st.me.id,
      comment,
    },
    ...clerksOf(st.desk, p.id, st.me.id).map((c): Effect => ({
      kind: 'deliver',
      organisationId: st.org.id,
      personId: c.id,
      key: `review:${p.id}:${p.version}:${review}:${v.env.newId()}`,
      input: { kind: 'process-event', event: review, processId: p.id, by, comment },
    })),
  ];
  // Who acts next hears of it: the coordinators after an approval, the heads after a validation.
  if (review === 'approved')
    for (const c of coordinators(st.org, st.me.id))
      effects.push({
        kind: 'notify',
        personId: c.id,
        message: msg(
          `${by} menyetujui proses ${p.code} "${p.name}". Siap divalidasi: ${tappable('validasi', p.code)} (perubahan: ${tappable('versi', p.code)})`,
          `${by} approved process ${p.code} "${p.name}". Ready for validation: ${tappable('validasi', p.code)}`,
        ),
      });
  if (review === 'validated' && p.ownerUnitId)
    for (const h of headsOf(st.org, p.ownerUnitId, st.me.id))
      effects.push({
        kind: 'notify',
        personId: h.id,
        message: msg(
          `${by} memvalidasi proses ${p.code} "${p.name}".`,
          `${by} validated process ${p.code} "${p.name}".`,
        ),
      });
  const done = {
    approved: msg(
      `Proses ${p.code} "${p.name}" (versi ${p.version}) disetujui. Penyusunnya dan koordinator diberi tahu.`,
      `Process ${p.code} "${p.name}" (version ${p.version}) approved. Its clerk and the coordinators are told.`,
    ),
    validated: msg(
      `Proses ${p.code} "${p.name}" (versi ${p.version}) divalidasi dan dikunci: perubahan berikutnya menjadi versi baru.`,
      `Process ${p.code} "${p.name}" (version ${p.version}) validated and locked: a later change opens a new version.`,
    ),
    returned: msg(
      `Proses ${p.code} "${p.name}" dikembalikan kepada penyusunnya dengan catatan Anda.`,
      `Process ${p.code} "${p.name}" was returned to its clerk with your comment.`,
    ),
  }[review];
  return { effects, notes: [done] };
}

export const reviewReturnComment: Question = {
  id: 'review.return_comment',
  answer: 'text',
  text: (v) =>
    msg(
      `Apa yang perlu diperbaiki pada proses ${v.ctx.desk?.processes.find((p) => p.id === v.cursor.pid)?.code ?? ''}? Catatan ini dikirim kepada penyusunnya bersama petanya.`,
      'What needs correcting? The comment goes to the clerk with the map.',
    ),
  help: msg(
    'Tulis catatan singkat, misalnya: "Langkah 3 kurang jelas; pelaksana langkah 5 seharusnya Kasubbag Keuangan." Ketik /batal untuk tidak jadi.',
    'Write a short comment, e.g. "Step 3 is unclear; step 5 should be done by the Kasubbag Keuangan." Type /batal to cancel.',
  ),
  apply(v, a) {
    const st = seat(v);
    if ('refuse' in st) return st;
    const target = v.state.work.desk?.review;
    const p = st.desk.processes.find((x) => x.id === target?.processId);
    v.state.work.desk = { ...v.state.work.desk, review: undefined };
    returnFromDetour(v);
    if (!p)
      return { notes: [msg('Proses itu sudah tidak ada.', 'That process no longer exists.')] };
    const no = check(st, p, 'return');
    if (no) return no;
    return record(v, st, { ...p, version: target!.version }, 'return', valueOf(a, 'text'));
  },
};
