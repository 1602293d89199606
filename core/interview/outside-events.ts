// What time and other people's actions mean to one interview: a reminder that is due, or a
// process this person described changed by someone else. Pure: the engine says the message and
// re-asks its question; nothing here reads a clock or sends.
import type { Bilingual } from '../language/bilingual.js';
import type { InterviewState, ProcessEventKind, ProcessSummary } from './types.js';
import { reminderLine } from '../coordination/reminders.js';

/** Drafts and queued processes of this interview that are not submitted yet, in order. */
function unfinished(s: InterviewState): string[] {
  const names = s.drafts.filter((d) => d.status === 'draft').map((d) => d.name);
  for (const id of s.work.queue) {
    const d = s.drafts.find((x) => x.id === id);
    if (d && !names.includes(d.name)) names.push(d.name);
  }
  return names;
}

/**
 * A reminder's text: what is left to do, or null when nothing is (then nothing is said: a
 * reminder never nags about finished work).
 */
export function reminderText(
  s: InterviewState,
  counted?: { processes: number; handoffs: number },
): Bilingual | null {
  const left = unfinished(s);
  // The desk counted what is left for the person's unit: processes and handoffs to answer.
  if (counted && (counted.processes || counted.handoffs)) {
    const line = reminderLine(counted, 'id');
    const en = reminderLine(counted, 'en');
    const cmds = counted.handoffs ? ' /serahterima' : '';
    return {
      id: `Pengingat: ${line}. Silakan lanjutkan dari pertanyaan terakhir di bawah ini${cmds ? `, atau jawab serah terima dengan${cmds}` : ''}.`,
      en: `Reminder: ${en}. Please go on from the last question below${cmds ? `, or answer the handoffs with${cmds}` : ''}.`,
    };
  }
  if (counted) return null;
  if (!left.length) return null;
  const list = left.map((n) => `"${n}"`).join(', ');
  return {
    id: `Pengingat: ${left.length} proses belum selesai (${list}). Silakan lanjutkan dari pertanyaan terakhir di bawah ini.`,
    en: `Reminder: ${left.length} process(es) not finished yet (${list}). Please go on from the last question below.`,
  };
}

/** Words for what another person did to a process. */
export function processEventText(
  e: {
    event: ProcessEventKind;
    by: string;
    comment: string | null;
  },
  name: string,
): Bilingual {
  const said = e.comment ? { id: ` Catatan: "${e.comment}"`, en: ` Note: "${e.comment}"` } : null;
  const w = {
    changed: {
      id: `Proses "${name}" diubah oleh ${e.by}.`,
      en: `Process "${name}" was changed by ${e.by}.`,
    },
    'handoff-asked': {
      id: `${e.by} menyebut unit Anda dalam serah terima proses "${name}". Mohon konfirmasi: /serahterima`,
      en: `${e.by} names your unit in a handoff of process "${name}". Please confirm: /serahterima`,
    },
    'handoff-settled': {
      id: `Koordinator ${e.by} memutuskan sengketa serah terima proses "${name}".`,
      en: `Coordinator ${e.by} settled a handoff dispute of process "${name}".`,
    },
    'correction-proposed': {
      id: `${e.by} mengusulkan koreksi langkah pada proses "${name}". Bila setuju, perbaiki dengan /ubah NOMOR.`,
      en: `${e.by} proposes a correction of steps in process "${name}". If you agree, correct it with /ubah NUMBER.`,
    },
    'handoff-confirmed': {
      id: `${e.by} mengonfirmasi serah terima pada proses "${name}".`,
      en: `${e.by} confirmed a handoff of process "${name}".`,
    },
    'handoff-disputed': {
      id: `${e.by} tidak menyetujui serah terima pada proses "${name}"; koordinator akan menengahi.`,
      en: `${e.by} disputed a handoff of process "${name}"; the coordinator will settle it.`,
    },
    returned: {
      id: `Proses "${name}" dikembalikan oleh ${e.by} untuk diperbaiki.`,
      en: `Process "${name}" was returned by ${e.by} for correction.`,
    },
    approved: {
      id: `Proses "${name}" disetujui oleh ${e.by}.`,
      en: `Process "${name}" was approved by ${e.by}.`,
    },
    validated: {
      id: `Proses "${name}" divalidasi oleh ${e.by}.`,
      en: `Process "${name}" was validated by ${e.by}.`,
    },
  }[e.event];
  return { id: w.id + (said?.id ?? ''), en: w.en + (said?.en ?? '') };
}

/** The name of a process as this interview knows it: its draft, or the organisation's list. */
export function processName(
  s: InterviewState,
  processes: readonly ProcessSummary[],
  id: string,
): string | null {
  return (
    s.drafts.find((d) => d.id === id)?.name ?? processes.find((p) => p.id === id)?.name ?? null
  );
}
