// The SOP follow-up: what an SOP AP needs that the map does not hold (its number and dates, who
// ratifies it, qualification, equipment, warnings, records), asked of the process owner in a few
// skippable questions the first time /sop is sent, and changed one at a time with /sop ubah.
// Every answer is saved at once (an effect in the answer's transaction); at the end the SOP file
// is sent and the interview returns to the question it was at.
import { jakartaDate } from '../../coordination/calendar.js';
import { bilingual as msg, type Bilingual } from '../../language/bilingual.js';
import { emptySopDetails, type SopDetails } from '../../sop/details.js';
import {
  SOP_FIELDS,
  type SopChange,
  type SopField,
  parseSopField,
  sopDetailsLines,
  sopField,
  sopFieldValue,
} from '../../sop/fields.js';
import { returnFromDetour } from '../pipeline.js';
import type { QuestionId } from '../question-ids.js';
import type { Effect, Outbound } from '../types.js';
import type { View } from '../view.js';
import { isCoordinator } from './invite.js';
import { type Applied, type Question, valueOf } from './question.js';

/** The question of each field. */
const QUESTION_OF: Record<keyof SopChange, QuestionId> = {
  nomor: 'sop.nomor',
  tanggalPembuatan: 'sop.pembuatan',
  tanggalRevisi: 'sop.revisi',
  tanggalEfektif: 'sop.efektif',
  disahkanOleh: 'sop.pengesah',
  dasarHukum: 'sop.dasar_hukum',
  kualifikasi: 'sop.kualifikasi',
  peralatan: 'sop.peralatan',
  peringatan: 'sop.peringatan',
  pencatatan: 'sop.pencatatan',
};

/** Asked in this order the first time; the dates made and revised only through /sop ubah. */
const FOLLOW_UP: readonly QuestionId[] = Object.entries(QUESTION_OF)
  .filter(([key]) => key !== 'tanggalPembuatan' && key !== 'tanggalRevisi')
  .map(([, id]) => id);

/** A process the SOP can be made of, as the interview knows it. */
export type SopTarget = {
  id: string;
  code: string;
  name: string;
  ownerUnitId: string | null;
  hasSteps: boolean;
};

/** The current draft, or the stored process with `code`. */
export function sopTarget(v: View, code: string | null): SopTarget | null {
  const d = code ? v.state.drafts.find((x) => x.code === code) : v.draft();
  if (d)
    return {
      id: d.id,
      code: d.code,
      name: d.name,
      ownerUnitId: d.ownerUnitId,
      hasSteps: !!d.flow?.nodes.some((n) => n.kind === 'activity' || n.kind === 'decision'),
    };
  const s = code ? v.ctx.processes.find((p) => p.code === code) : undefined;
  return s
    ? { id: s.id, code: s.code, name: s.name, ownerUnitId: s.ownerUnitId, hasSteps: s.hasFlow }
    : null;
}

/** People of the process's owner unit and coordinators give the details; others get the file. */
export function mayChangeSop(v: View, t: SopTarget): boolean {
  const me = v.person();
  if (!me) return false;
  return isCoordinator(v) || (!!t.ownerUnitId && me.unitId === t.ownerUnitId);
}

/** The stored details of the process (empty when never given or not loaded). */
export function storedSop(v: View, pid: string): SopDetails | null {
  const s = v.ctx.sop;
  return s && s.processId === pid ? s.details : null;
}

function current(v: View): SopDetails {
  const pid = v.cursor.pid!;
  return storedSop(v, pid) ?? emptySopDetails(pid);
}

function label(v: View): string {
  const t = targetById(v, v.cursor.pid!);
  return `${t.code} ${t.name}`;
}

/** The file message of the SOP, its caption saying how to get the others and how to edit. */
export function sopFile(
  v: View,
  t: { id: string; code: string; name: string },
  what: 'sop-pdf' | 'sop-docx',
  paper: 'a4' | 'f4',
  editable: boolean,
): Outbound {
  const form = what === 'sop-docx' ? 'DOCX' : `PDF ${paper.toUpperCase()}`;
  const others: Bilingual[] = [
    what === 'sop-docx' || paper === 'f4' ? msg('PDF A4: /sop', 'PDF A4: /sop') : null,
    what !== 'sop-docx'
      ? msg('DOCX (bisa disunting): /sop docx', 'DOCX (editable): /sop docx')
      : null,
    what === 'sop-docx' || paper !== 'f4'
      ? msg('Folio (F4): /sop f4', 'Folio (F4): /sop f4')
      : null,
    editable ? msg('Ubah rincian SOP: /sop ubah', 'Change the SOP details: /sop ubah') : null,
  ].filter((x): x is Bilingual => x !== null);
  const title = msg(
    `SOP AP ${t.code} ${t.name} (${form}).`,
    `SOP AP of ${t.code} ${t.name} (${form}).`,
  );
  return {
    kind: 'file',
    what,
    processId: t.id,
    ...(what === 'sop-pdf' ? { paper } : {}),
    caption: [v.t(title).slice(0, 600), ...others.map((o) => v.t(o))].join('\n'),
  };
}

function changeEffect(v: View, change: SopChange): Effect {
  return {
    kind: 'change-sop-details',
    organisationId: v.state.organisationId ?? v.org()?.id ?? '',
    processId: v.cursor.pid!,
    change,
    personId: v.state.personId ?? '',
    today: jakartaDate(v.env.now),
  };
}

/** After an answer: the next question of the follow-up, or the file and back to where it was. */
function next(v: View, applied: { effects?: Effect[]; notes?: Bilingual[] }): Applied {
  const at = FOLLOW_UP.indexOf(v.cursor.q);
  if (v.cursor.mode !== 'edit' && at >= 0 && at < FOLLOW_UP.length - 1) {
    v.state.cursor = { q: FOLLOW_UP[at + 1]!, pid: v.cursor.pid! };
    return applied;
  }
  return finish(v, applied);
}

function finish(v: View, applied: { effects?: Effect[]; notes?: Bilingual[] }): Applied {
  const t = targetById(v, v.cursor.pid!);
  const asked = v.state.work.sop ?? { what: 'sop-pdf' as const, paper: 'a4' as const };
  const file = sopFile(v, t, asked.what, asked.paper, true);
  // The row is written even when everything was skipped: the follow-up is then not asked again.
  const effects = applied.effects?.length ? applied.effects : [changeEffect(v, {})];
  v.state.work.sop = undefined;
  returnFromDetour(v);
  return {
    effects,
    notes: [
      ...(applied.notes ?? []),
      msg(
        'Rincian SOP tersimpan. Berkasnya segera dikirim.',
        'The SOP details are saved. The file follows.',
      ),
    ],
    outbound: [file],
  };
}

function targetById(v: View, pid: string): SopTarget {
  const d = v.draft(pid);
  const s = v.ctx.processes.find((p) => p.id === pid);
  return {
    id: pid,
    code: d?.code ?? s?.code ?? '',
    name: d?.name ?? s?.name ?? '',
    ownerUnitId: d?.ownerUnitId ?? s?.ownerUnitId ?? null,
    hasSteps: true,
  };
}

function position(v: View): string {
  if (v.cursor.mode === 'edit') return '';
  const at = FOLLOW_UP.indexOf(v.cursor.q);
  return at >= 0 ? `(${at + 1}/${FOLLOW_UP.length}) ` : '';
}

const SKIP_HINT = msg(
  'Ketik "lewati" atau "-" bila belum ada.',
  'Type "lewati" or "-" if there is none yet.',
);

function fieldQuestion(field: SopField, ask: Bilingual, help: Bilingual): Question {
  const isList = field.kind === 'list';
  return {
    id: QUESTION_OF[field.key],
    answer: isList ? 'list' : 'text',
    ...(isList ? { textMax: 500, maxItems: 30 } : {}),
    optional: () => true,
    text: (v) => {
      const now = sopFieldValue(field, current(v), v.lang);
      const extra = field.key === 'dasarHukum' ? legalBasisLine(v) : msg('', '');
      const edit =
        v.cursor.mode === 'edit'
          ? msg(
              `Sekarang: ${now}. Kirim yang baru (menggantikan).`,
              `Now: ${now}. Send the new value (it replaces it).`,
            )
          : msg('', '');
      const list = isList
        ? msg(
            ' Boleh beberapa, satu per baris atau dipisah ";".',
            ' Several are fine, one per line or separated by ";".',
          )
        : msg('', '');
      return msg(
        `${position(v)}SOP ${label(v)} — ${ask.id}${extra.id} Contoh: ${field.example}.${list.id} ${edit.id || SKIP_HINT.id}`,
        `${position(v)}SOP ${label(v)} — ${ask.en}${extra.en} Example: ${field.example}.${list.en} ${edit.en || SKIP_HINT.en}`,
      );
    },
    help,
    apply(v, a) {
      if (isList)
        return next(v, { effects: [changeEffect(v, { [field.key]: valueOf(a, 'list') })] });
      const parsed = parseSopField(field, valueOf(a, 'text'), current(v));
      if (parsed.ok) return next(v, { effects: [changeEffect(v, parsed.change)] });
      if (!parsed.keep) return { refuse: parsed.reason };
      // Right in part (a signatory whose NIP is wrong): that part is kept, the question stays.
      const kept = keptText(v, parsed.keep);
      return {
        effects: [changeEffect(v, parsed.keep)],
        notes: [parsed.reason, msg(`Yang sudah saya simpan: ${kept}.`, `Kept so far: ${kept}.`)],
      };
    },
    skip: (v) =>
      v.cursor.mode === 'edit'
        ? finish(v, { notes: [msg('Tidak diubah.', 'Not changed.')] })
        : next(v, {}),
  };
}

function keptText(v: View, change: SopChange): string {
  const d = { ...current(v), ...change };
  return Object.keys(change)
    .map((k) => sopFieldValue(sopField(k as keyof SopChange), d, v.lang))
    .join('; ');
}

function legalBasisLine(v: View): Bilingual {
  const own =
    v.ctx.sop && v.ctx.sop.processId === v.cursor.pid
      ? v.ctx.sop.legalBasis
      : (v.draft()?.legalBasis ?? []);
  return own.length
    ? msg(
        ` Yang sudah tercatat dari wawancara: ${own.join('; ')}. Ada tambahan?`,
        ` Already recorded in the interview: ${own.join('; ')}. Anything to add?`,
      )
    : msg('', '');
}

export const sopNomor = fieldQuestion(
  sopField('nomor'),
  msg('Berapa Nomor SOP-nya?', 'What is the SOP number?'),
  msg(
    'Nomor SOP dari bagian hukum atau organisasi, bila sudah ada.',
    'The SOP number given by the legal or organisation section, if any.',
  ),
);
export const sopEfektif = fieldQuestion(
  sopField('tanggalEfektif'),
  msg('Mulai berlaku tanggal berapa (tanggal efektif)?', 'From which date does it take effect?'),
  msg(
    'Tanggal SOP mulai berlaku. Tanggal pembuatan diisi otomatis hari ini; ubah dengan /sop ubah.',
    'The date the SOP takes effect. The date made is today; change it with /sop ubah.',
  ),
);
export const sopPengesah = fieldQuestion(
  sopField('disahkanOleh'),
  msg(
    'Siapa yang mengesahkan? Tulis jabatan; nama; NIP (nama dan NIP boleh kosong).',
    'Who ratifies it? Write position; name; NIP (name and NIP may be left out).',
  ),
  msg(
    'Pejabat yang menandatangani SOP, biasanya kepala perangkat daerah atau Sekretaris Daerah. NIP 18 angka.',
    'The official who signs the SOP, usually the head of the agency or the Regional Secretary. A NIP has 18 digits.',
  ),
);
export const sopDasarHukum = fieldQuestion(
  sopField('dasarHukum'),
  msg('Apa dasar hukumnya?', 'What is its legal basis?'),
  msg(
    'Peraturan yang mendasari SOP ini, di samping yang tercatat di wawancara.',
    'Regulations behind this SOP, besides those recorded in the interview.',
  ),
);
export const sopKualifikasi = fieldQuestion(
  sopField('kualifikasi'),
  msg('Apa kualifikasi pelaksananya?', 'What qualification do its performers need?'),
  msg(
    'Pendidikan, pelatihan atau keterampilan yang dibutuhkan pelaksana.',
    'Education, training or skills the performers need.',
  ),
);
export const sopPeralatan = fieldQuestion(
  sopField('peralatan'),
  msg('Peralatan atau perlengkapan apa yang dipakai?', 'What equipment is used?'),
  msg(
    'Alat dan perlengkapan yang dipakai menjalankan prosedur ini.',
    'The tools and supplies used to carry out this procedure.',
  ),
);
export const sopPeringatan = fieldQuestion(
  sopField('peringatan'),
  msg(
    'Apa peringatannya (akibat bila prosedur tidak dijalankan)?',
    'What is the warning (what happens if it is not followed)?',
  ),
  msg(
    'Peringatan menjelaskan kemungkinan yang terjadi bila prosedur tidak dilaksanakan.',
    'The warning says what may happen if the procedure is not carried out.',
  ),
);
export const sopPencatatan = fieldQuestion(
  sopField('pencatatan'),
  msg('Apa yang dicatat dan didata?', 'What is recorded and kept?'),
  msg(
    'Catatan dan data yang disimpan dari prosedur ini (buku agenda, arsip).',
    'Records and data kept from this procedure (logbook, archive).',
  ),
);
export const sopPembuatan = fieldQuestion(
  sopField('tanggalPembuatan'),
  msg('Tanggal pembuatan SOP?', 'Date the SOP was made?'),
  msg('Tanggal SOP dibuat.', 'The date the SOP was made.'),
);
export const sopRevisi = fieldQuestion(
  sopField('tanggalRevisi'),
  msg('Tanggal revisi SOP?', 'Date the SOP was revised?'),
  msg('Tanggal perubahan terakhir SOP.', 'The date of the last revision.'),
);

/** /sop ubah: the details numbered; one is picked and changed, the others kept. */
export const sopEdit: Question = {
  id: 'sop.edit',
  answer: 'choice',
  text: (v) => {
    const d = current(v);
    const own = v.ctx.sop && v.ctx.sop.processId === v.cursor.pid ? v.ctx.sop.legalBasis : [];
    const lines = sopDetailsLines(d, own, v.lang).join('\n');
    return msg(
      `Rincian SOP ${label(v)}:\n${lines}\n\nNomor berapa yang diubah? (/batal bila tidak ada)`,
      `SOP details of ${label(v)}:\n${lines}\n\nWhich number to change? (/batal if none)`,
    );
  },
  help: msg(
    'Pilih nomor rincian yang akan diubah, misalnya 1 untuk Nomor SOP. Yang lain tetap.',
    'Pick the number of the detail to change, e.g. 1 for the SOP number. The others are kept.',
  ),
  choices: () => SOP_FIELDS.map((f) => ({ id: f.key, label: f.label })),
  apply(v, a) {
    const key = valueOf(a, 'choice') as keyof SopChange;
    v.state.cursor = { q: QUESTION_OF[key], pid: v.cursor.pid!, mode: 'edit' };
    return {};
  },
};

/** Starts the follow-up (or, with `edit`, the menu of /sop ubah) for process `t`. */
export function startSop(
  v: View,
  t: SopTarget,
  asked: { what: 'sop-pdf' | 'sop-docx'; paper: 'a4' | 'f4' },
  edit: boolean,
): Applied {
  v.state.work.returnTo.push({ ...v.cursor });
  v.state.work.sop = asked;
  v.state.cursor = edit ? { q: 'sop.edit', pid: t.id } : { q: 'sop.nomor', pid: t.id };
  if (edit) return {};
  return {
    notes: [
      msg(
        `Untuk SOP AP proses ${t.code} "${t.name}" saya perlu beberapa keterangan yang tidak ada di peta (${FOLLOW_UP.length} pertanyaan singkat; semua boleh dilewati dan diubah nanti dengan /sop ubah).`,
        `For the SOP AP of process ${t.code} "${t.name}" I need a few details the map does not hold (${FOLLOW_UP.length} short questions; each may be skipped and changed later with /sop ubah).`,
      ),
    ],
  };
}
