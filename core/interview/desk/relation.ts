// "/relasi proses" and "/relasi 01.02": the Peta Relasi drawn from the processes' flows. Beside
// "/relasi" (the interface ledger: what units say they give and take, matched both ways), this one
// shows each process's own handoffs between units, with the process code and whether the receiving
// unit confirmed them. Read-only.
import type { ConfirmationState, Organisation, Process } from '../../model/index.js';
import { handoffs, unitById } from '../../model/index.js';
import type { Bilingual } from '../../language/bilingual.js';
import type { Outbound } from '../types.js';
import type { View } from '../view.js';
import { type Seat, isBilingual, processByCode, refusal } from './access.js';
import type { Shown } from './views.js';

const STATE_WORDS: Record<ConfirmationState, Bilingual> = {
  confirmed: { id: 'dikonfirmasi', en: 'confirmed' },
  pending: { id: 'menunggu konfirmasi', en: 'awaiting confirmation' },
  disputed: { id: 'dipersoalkan', en: 'disputed' },
};

/** Processes listed in the outline; the picture has them all. */
const OUTLINE_PROCESSES = 20;
/** Handoffs listed per process in the outline. */
const OUTLINE_HANDOFFS = 6;

function codesWithFlow(processes: Process[]): string[] {
  return processes.filter((p) => p.flow).map((p) => p.code);
}

function example(processes: Process[]): string {
  const code = codesWithFlow(processes)[0];
  return code ? `/relasi ${code}` : '/relasi proses';
}

/** The handoffs of each process as lines: what is said while the picture is drawn, or instead of it. */
export function relationOutline(processes: Process[], org: Organisation, v: View): string {
  const name = (id: string) => unitById(org, id)?.name ?? id;
  const lines: string[] = [];
  for (const p of processes.slice(0, OUTLINE_PROCESSES)) {
    const hs = handoffs(p).filter((h) => h.fromUnitId !== h.toUnitId);
    lines.push(
      `${p.code} ${p.name}: ${v.t({ id: `${hs.length} serah terima`, en: `${hs.length} handoff(s)` })}`,
    );
    for (const h of hs.slice(0, OUTLINE_HANDOFFS))
      lines.push(
        `  ${name(h.fromUnitId)} → ${name(h.toUnitId)}: ${h.what ?? '…'} (${v.t(STATE_WORDS[h.state])})`,
      );
    if (hs.length > OUTLINE_HANDOFFS)
      lines.push(
        `  ${v.t({ id: `+${hs.length - OUTLINE_HANDOFFS} lainnya`, en: `+${hs.length - OUTLINE_HANDOFFS} more` })}`,
      );
  }
  if (processes.length > OUTLINE_PROCESSES)
    lines.push(
      v.t({
        id: `+${processes.length - OUTLINE_PROCESSES} proses lainnya (ada di gambar)`,
        en: `+${processes.length - OUTLINE_PROCESSES} more processes (in the picture)`,
      }),
    );
  return lines.join('\n');
}

/**
 * Every process with a flow (`code` null: a coordinator's view of the organisation), or one
 * process (whoever may see its unit).
 */
export function showRelation(v: View, st: Seat, code: string | null): Shown {
  const all = st.desk.processes;
  if (code === null) {
    const no = refusal(st, { kind: 'see-organisation' });
    if (no) return { refuse: no };
    const drawn = all.filter((p) => p.flow);
    if (!drawn.length)
      return {
        refuse: {
          id: 'Belum ada proses yang alurnya sudah dipetakan, jadi Peta Relasi antarproses belum bisa digambar. Serah terima antarunit dari inventaris: /relasi',
          en: 'No process has a mapped flow yet, so the relation map of the processes cannot be drawn. Handoffs between units from the inventories: /relasi',
        },
      };
    return {
      outbound: [
        picture(v, st, null, relationOutline(drawn, st.org, v), {
          id: `Peta Relasi antarproses: ${st.org.name} (${drawn.length} proses)`,
          en: `Relation map of the processes: ${st.org.name} (${drawn.length} processes)`,
        }),
      ],
    };
  }
  const p = processByCode(st, code);
  if (isBilingual(p)) {
    const codes = codesWithFlow(all).slice(0, 8).join(', ');
    return {
      refuse: {
        id: `Tidak ada proses dengan kode ${code}. Contoh: ${example(all)}${codes ? ` (kode yang ada: ${codes})` : ''}`,
        en: `There is no process with code ${code}. Example: ${example(all)}${codes ? ` (codes: ${codes})` : ''}`,
      },
    };
  }
  const no = p.ownerUnitId
    ? refusal(st, { kind: 'see-unit', unitId: p.ownerUnitId })
    : refusal(st, { kind: 'see-organisation' });
  if (no) return { refuse: no };
  if (!p.flow)
    return {
      refuse: {
        id: `Proses ${p.code} "${p.name}" belum punya alur langkah; Peta Relasi digambar dari alur. Contoh: ${example(all)}`,
        en: `Process ${p.code} "${p.name}" has no flow yet; the relation map is drawn from the flow. Example: ${example(all)}`,
      },
    };
  return {
    outbound: [
      picture(v, st, p.id, relationOutline([p], st.org, v), {
        id: `Peta Relasi ${p.code} ${p.name}`,
        en: `Relation map ${p.code} ${p.name}`,
      }),
    ],
  };
}

function picture(
  v: View,
  st: Seat,
  processId: string | null,
  outline: string,
  caption: Bilingual,
): Outbound {
  return {
    kind: 'picture',
    picture: { what: 'relation', organisationId: st.org.id, processId },
    outline,
    caption: v.t(caption).slice(0, 1000),
  };
}
