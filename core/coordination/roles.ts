// One access policy for every coordination action, so that chat, command line and jobs refuse the
// same things with the same words. Deny by default: an action not granted below is refused.
import type { Bilingual } from '../language/bilingual.js';
import { unitAncestry, unitById } from '../model/index.js';
import type { Organisation, Person, Unit } from '../model/index.js';

export type DeskAction =
  | { kind: 'see-organisation' }
  | { kind: 'see-unit'; unitId: string }
  | { kind: 'approve'; unitId: string }
  | { kind: 'validate' }
  | { kind: 'run-campaign' }
  | { kind: 'remind'; unitId: string }
  | { kind: 'settle-handoff' }
  /** Take the organisation's documents: the process inventory, the decree's annex. */
  | { kind: 'organisation-documents' }
  | { kind: 'answer-handoff'; unitId: string };

export type Permission = { ok: true } | { ok: false; reason: Bilingual };

const OK: Permission = { ok: true };

/** What each action is, in the words of a refusal ("… yang dapat menyetujui proses ini."). */
const VERB: Record<DeskAction['kind'], Bilingual> = {
  'see-organisation': {
    id: 'melihat progres seluruh organisasi',
    en: 'see the whole organisation',
  },
  'see-unit': { id: 'melihat proses unit ini', en: "see this unit's processes" },
  approve: { id: 'menyetujui proses ini', en: 'approve this process' },
  validate: { id: 'memvalidasi proses', en: 'validate processes' },
  'run-campaign': { id: 'mengelola kampanye pemetaan', en: 'run a mapping campaign' },
  remind: { id: 'mengirim pengingat ke unit ini', en: 'send reminders to this unit' },
  'settle-handoff': {
    id: 'memutuskan serah terima yang dibantah',
    en: 'settle a disputed handoff',
  },
  'answer-handoff': { id: 'menjawab serah terima unit ini', en: "answer this unit's handoffs" },
  'organisation-documents': {
    id: 'mengunduh dokumen seluruh organisasi (daftar proses, lampiran keputusan)',
    en: "download the organisation's documents (process inventory, decree annex)",
  },
};

/** Who may act on a unit besides coordinators: its head always, its own staff for some actions. */
const STAFF_MAY: ReadonlySet<DeskAction['kind']> = new Set(['see-unit', 'answer-handoff']);
const HEAD_MAY: ReadonlySet<DeskAction['kind']> = new Set([
  'see-unit',
  'approve',
  'remind',
  'answer-handoff',
]);

export function mayDo(org: Organisation, person: Person | null, action: DeskAction): Permission {
  if (!person || !org.people.some((p) => p.id === person.id && p.unitId === person.unitId))
    return refuse(
      {
        id: 'Anda tidak terdaftar di organisasi ini',
        en: 'You are not registered in this organisation',
      },
      action,
    );
  if (person.roles.includes('coordinator') || person.roles.includes('admin')) return OK;
  if (!('unitId' in action)) return { ok: false, reason: onlyCoordinator(action) };

  const unit = unitById(org, action.unitId);
  if (!unit) return refuse({ id: 'Unit tidak ditemukan', en: 'Unit not found' }, action);
  const isHead = person.roles.includes('unit_head');
  if (
    isHead &&
    HEAD_MAY.has(action.kind) &&
    unitAncestry(org, unit.id).some((u) => u.id === person.unitId)
  )
    return OK;
  if (STAFF_MAY.has(action.kind) && person.unitId === unit.id) return OK;
  return { ok: false, reason: onlyFor(unit, action) };
}

function onlyCoordinator(action: DeskAction): Bilingual {
  const v = VERB[action.kind];
  return {
    id: `Hanya koordinator yang dapat ${v.id}.`,
    en: `Only a coordinator may ${v.en}.`,
  };
}

function onlyFor(unit: Unit, action: DeskAction): Bilingual {
  const v = VERB[action.kind];
  if (STAFF_MAY.has(action.kind))
    return {
      id: `Hanya pegawai ${unit.name}, kepala unitnya, atau koordinator yang dapat ${v.id}.`,
      en: `Only the staff of ${unit.name}, its head or a coordinator may ${v.en}.`,
    };
  return {
    id: `Hanya kepala unit ${unit.name} atau koordinator yang dapat ${v.id}.`,
    en: `Only the head of ${unit.name} or a coordinator may ${v.en}.`,
  };
}

function refuse(why: Bilingual, action: DeskAction): Permission {
  const v = VERB[action.kind];
  return {
    ok: false,
    reason: { id: `${why.id}, jadi tidak dapat ${v.id}.`, en: `${why.en}, so you cannot ${v.en}.` },
  };
}
