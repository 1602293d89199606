// The desk's common preconditions: a person of an organisation with the desk loaded, and the one
// access policy (core/coordination/roles.ts) asked for each action.
import { mayDo, type DeskAction } from '../../coordination/roles.js';
import type { Desk } from '../../coordination/types.js';
import type { Organisation, Person } from '../../model/organisation.js';
import type { Process } from '../../model/process.js';
import type { Bilingual } from '../../language/bilingual.js';
import type { View } from '../view.js';

export type Seat = { desk: Desk; org: Organisation; me: Person };

/** The desk, the organisation and the person, or why the desk cannot be used. */
export function seat(v: View): Seat | { refuse: Bilingual } {
  const me = v.person();
  const org = v.org();
  const desk = v.ctx.desk;
  if (!me || !org || !desk)
    return {
      refuse: {
        id: 'Perintah ini untuk pegawai yang sudah terdaftar di instansi. Gunakan tautan undangan dari koordinator.',
        en: "This command is for the organisation's registered staff. Use the invitation link from your coordinator.",
      },
    };
  return { desk, org, me };
}

/** The refusal of the access policy, or null when allowed. */
export function refusal(st: Seat, action: DeskAction): Bilingual | null {
  const r = mayDo(st.org, st.me, action);
  return r.ok ? null : r.reason;
}

/** The process with this code ("01.02", with or without the organisation's prefix). */
export function processByCode(st: Seat, code: string | null): Process | Bilingual {
  const example = {
    id: 'Sebutkan kode prosesnya, misalnya: /setujui 01.02 (kode ada di /periksa atau /unit).',
    en: 'Name the process code, e.g. /setujui 01.02 (codes are in /periksa or /unit).',
  };
  if (!code) return example;
  const prefix = st.org.codePrefix ? `${st.org.codePrefix}.` : null;
  const bare =
    prefix && code.toUpperCase().startsWith(prefix.toUpperCase())
      ? code.slice(prefix.length)
      : code;
  const p = st.desk.processes.find((x) => x.code === bare);
  return (
    p ?? {
      id: `Tidak ada proses dengan kode ${code}. ${example.id}`,
      en: `There is no process with code ${code}. ${example.en}`,
    }
  );
}

export function isBilingual(x: unknown): x is Bilingual {
  return typeof x === 'object' && x !== null && 'id' in x && 'en' in x && !('code' in x);
}
