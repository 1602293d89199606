// `/unit NAMA`: one unit as its head or the coordinator drills into it: its processes with their
// review state, the handoffs it must answer and its open findings.
import { isExternalKind, numberedSteps, unitById } from '../model/index.js';
import type { Flow, Language, Organisation, Process, ProcessStatus, Unit } from '../model/index.js';
import { checkProcess } from '../rules/index.js';
import { formatWaktu, waktuTotals } from '../sop/waktu.js';
import { answerableHandoffs, compareCodes } from './answering-unit.js';
import { jakartaDate, shortDate } from './calendar.js';
import { fold } from './names.js';
import { STAGE_WORDS, unitStage } from './progress.js';
import { handoffLine, isWithin, reviewable } from './scope.js';
import type { Desk, DeskReview } from './types.js';

/**
 * Units whose name or short name matches what was typed, ignoring case, accents and punctuation:
 * an exact name wins; else every typed word begins a word of the name ("umum", "bag umum").
 */
export function findUnitByName(org: Pick<Organisation, 'units'>, text: string): Unit[] {
  const q = fold(text);
  if (!q) return [];
  const internal = org.units.filter((u) => !isExternalKind(u.kind));
  const names = (u: Unit) => [u.name, u.shortName ?? ''].map(fold).filter(Boolean);
  const exact = internal.filter((u) => names(u).includes(q));
  if (exact.length > 0) return exact;
  const typed = q.split(' ');
  return internal.filter((u) =>
    names(u).some((n) => {
      const words = n.split(' ');
      return typed.every((t) => words.some((w) => w.startsWith(t)));
    }),
  );
}

const STATUS_WORDS: Record<ProcessStatus, Record<Language, string>> = {
  draft: { id: 'draf', en: 'draft' },
  submitted: { id: 'dikirim', en: 'submitted' },
  approved: { id: 'disetujui kepala unit', en: 'approved by unit head' },
  validated: { id: 'divalidasi koordinator', en: 'validated by coordinator' },
  ratified: { id: 'ditetapkan', en: 'ratified' },
};

const REVIEW_WORDS: Record<DeskReview['kind'], Record<Language, string>> = {
  submitted: { id: 'dikirim', en: 'submitted' },
  approved: { id: 'disetujui', en: 'approved' },
  returned: { id: 'dikembalikan', en: 'returned' },
  validated: { id: 'divalidasi', en: 'validated' },
};

const MAX_FINDINGS = 5;

/** The unit (and the units below it) in detail, for a phone. */
export function unitDetailText(desk: Desk, unitId: string, now: string, lang: Language): string {
  const org = desk.organisation;
  const unit = unitById(org, unitId);
  if (!unit) return lang === 'id' ? 'Unit tidak ditemukan.' : 'Unit not found.';
  const inUnit = (id: string | null) => id !== null && isWithin(org, id, unitId);
  const processes = reviewable(desk.processes)
    .filter((p) => inUnit(p.ownerUnitId))
    .sort((a, b) => compareCodes(a.code, b.code));
  const people = new Set(org.people.filter((p) => inUnit(p.unitId)).map((p) => p.id));
  const answered = desk.activity.some((a) => people.has(a.personId) && a.lastAnswerAt !== null);
  const stage = STAGE_WORDS[unitStage(processes, answered)][lang];

  const blocks = [
    `${unit.name}\n${stage} · ${processes.length} ${lang === 'id' ? 'proses' : processes.length === 1 ? 'process' : 'processes'}`,
    ...processes.map((p) => processBlock(desk, p, now, lang)),
  ];

  const toAnswer = answerableHandoffs(desk).filter(
    (h) => h.handoff.state === 'pending' && inUnit(h.answeringUnitId),
  );
  if (toAnswer.length > 0)
    blocks.push(
      [
        lang === 'id'
          ? `Serah terima yang harus dijawab (${toAnswer.length}):`
          : `Handoffs to answer (${toAnswer.length}):`,
        ...toAnswer.map(
          (h, i) =>
            `${i + 1}. ${handoffLine(org, h.handoff.fromUnitId, h.handoff.toUnitId, h.handoff.what ?? '…', h.process.code)}`,
        ),
      ].join('\n'),
    );

  const findings = processes
    .filter((p) => p.flow !== null)
    .flatMap((p) => checkProcess(p, org).map((f) => `${p.code}: ${f.message[lang]}`));
  if (findings.length > 0) {
    const more = findings.length - MAX_FINDINGS;
    blocks.push(
      [
        lang === 'id' ? `Temuan (${findings.length}):` : `Findings (${findings.length}):`,
        ...findings.slice(0, MAX_FINDINGS).map((f, i) => `${i + 1}. ${f}`),
        ...(more > 0 ? [lang === 'id' ? `… dan ${more} lainnya` : `… and ${more} more`] : []),
      ].join('\n'),
    );
  }
  return blocks.join('\n\n');
}

function processBlock(desk: Desk, p: Process, now: string, lang: Language): string {
  const steps = p.flow ? numberedSteps(p.flow).length : 0;
  const shape = p.flow
    ? lang === 'id'
      ? `${steps} langkah`
      : `${steps} step${steps === 1 ? '' : 's'}`
    : lang === 'id'
      ? 'belum dipetakan'
      : 'not mapped yet';
  const lines = [`${p.code} ${p.name}`, `${STATUS_WORDS[p.status][lang]} · ${shape}`];
  const last = desk.reviews.filter((r) => r.processId === p.id).at(-1);
  if (last) lines.push(reviewLine(desk, last, now, lang));
  if (p.flow && steps > 0) lines.push(waktuLine(p.flow, lang));
  return lines.join('\n');
}

/**
 * "waktu 2 hari kerja (jalur utama), terpanjang 3 hari kerja; 1 langkah tanpa waktu": how long the
 * process takes in working time (1 hari = 7,5 jam), the longest path only when it differs.
 */
export function waktuLine(flow: Flow, lang: Language): string {
  const { mainPath, longestPath } = waktuTotals(flow);
  const id = lang === 'id';
  const parts = [
    `${id ? 'waktu' : 'time'} ${formatWaktu(mainPath.minutes, lang)} (${id ? 'jalur utama' : 'main path'})`,
  ];
  if (longestPath.minutes !== mainPath.minutes)
    parts[0] += `, ${id ? 'terpanjang' : 'longest'} ${formatWaktu(longestPath.minutes, lang)}`;
  const missing = Math.max(mainPath.missing, longestPath.missing);
  if (missing > 0)
    parts.push(
      id
        ? `${missing} langkah tanpa waktu`
        : `${missing} step${missing === 1 ? '' : 's'} without time`,
    );
  return parts.join('; ');
}

/** "dikembalikan oleh Kabag Umum, 2 Des: 'Langkah 3 kurang jelas'". */
function reviewLine(desk: Desk, r: DeskReview, now: string, lang: Language): string {
  const who = r.byPersonId
    ? (desk.organisation.people.find((p) => p.id === r.byPersonId)?.position ?? r.byPersonId)
    : null;
  const date = jakartaDate(r.at);
  const when = shortDate(date, lang, date.slice(0, 4) !== jakartaDate(now).slice(0, 4));
  const by = who ? ` ${lang === 'id' ? 'oleh' : 'by'} ${who}` : '';
  const comment = r.comment ? `: '${r.comment}'` : '';
  return `${REVIEW_WORDS[r.kind][lang]}${by}, ${when}${comment}`;
}
