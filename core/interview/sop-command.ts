// /sop [kode] [docx|f4|ubah]: the SOP AP of the current draft (or of the process with that code).
// The owner unit's people (and coordinators) are asked the follow-up the first time and may
// change the details with /sop ubah; everyone else gets the file only.
import { bilingual as msg } from '../language/bilingual.js';
import type { Command } from './commands.js';
import type { Questionnaire } from './questionnaire.js';
import { mayChangeSop, sopFile, sopTarget, startSop, storedSop } from './questions/sop.js';
import { apply, prompt, refused, text } from './respond.js';
import type { Context, Env, InterviewState, StepResult } from './types.js';
import { View } from './view.js';

export function sopCommand(
  q: Questionnaire,
  s: InterviewState,
  ctx: Context,
  env: Env,
  c: Extract<Command, { name: 'sop' }>,
): StepResult {
  const v = new View(s, ctx, env);
  if (c.bad)
    return refused(
      q,
      v,
      'invalid-answer',
      msg(
        `"/sop ${c.bad}" tidak saya kenali. Contoh: /sop, /sop docx, /sop f4, /sop ubah, atau /sop 03.01 untuk proses lain.`,
        `I do not know "/sop ${c.bad}". Examples: /sop, /sop docx, /sop f4, /sop ubah, or /sop 03.01 for another process.`,
      ),
    );
  const t = sopTarget(v, c.code);
  if (!t)
    return refused(
      q,
      v,
      'invalid-answer',
      c.code
        ? msg(
            `Tidak ada proses dengan kode ${c.code}. Contoh: /sop 03.01`,
            `There is no process with code ${c.code}. Example: /sop 03.01`,
          )
        : msg(
            'SOP dibuat dari proses yang sedang dipetakan. Kirim /sop saat memetakan, atau sebut kodenya, misalnya /sop 03.01.',
            'The SOP is made of the process being mapped. Send /sop while mapping, or name its code, e.g. /sop 03.01.',
          ),
    );
  if (!t.hasSteps)
    return refused(
      q,
      v,
      'invalid-answer',
      msg(
        'SOP dibuat dari langkah-langkah proses, dan proses ini belum punya langkah. Tulis langkahnya dulu, misalnya "Menerima berkas permohonan", lalu kirim /sop lagi.',
        'The SOP is made of the process\'s steps, and this process has none yet. Write its steps first, e.g. "Menerima berkas permohonan", then send /sop again.',
      ),
    );
  const may = mayChangeSop(v, t);
  const given = storedSop(v, t.id) !== null;
  const asked = { what: c.what, paper: c.paper };
  const busy = s.cursor.q.startsWith('sop.');
  if (may && !busy && (c.action === 'edit' || !given))
    return apply(q, s, ctx, env, (w) => startSop(w, t, asked, c.action === 'edit'));
  const notes = [];
  if (!may && (c.action === 'edit' || !given))
    notes.push(
      msg(
        `Rincian SOP (nomor, pengesah, peralatan, dan lainnya) diisi oleh unit pemilik proses (${v.unitName(t.ownerUnitId)}) atau koordinator. Anda tetap menerima berkasnya${given ? '' : '; rincian yang belum diisi bertanda "-"'}.`,
        `The SOP details (number, signatory, equipment and the rest) are given by the process's owner unit (${v.unitName(t.ownerUnitId)}) or a coordinator. You still receive the file${given ? '' : '; details not yet given show "-"'}.`,
      ),
    );
  return {
    state: s,
    outbound: [
      ...notes.map((n) => text(v.t(n))),
      sopFile(v, t, c.what, c.paper, may),
      ...prompt(q, v, false),
    ],
    effects: [],
  };
}
