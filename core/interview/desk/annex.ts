// The decree's annex a coordinator takes from the chat (/lampiran): the Lampiran PDF (Level 0, the
// Daftar Proses Bisnis, the Peta Relasi, every validated process's map and the Bukti Pengesahan)
// and the decree's draft (DOCX), both made by a job while the chat goes on.
import type { View } from '../view.js';
import { refusal } from './access.js';
import type { Seat } from './access.js';
import type { Shown } from './views.js';

export function showAnnex(v: View, st: Seat): Shown {
  const no = refusal(st, { kind: 'organisation-documents' });
  if (no) return { refuse: no };
  const processes = st.desk.processes;
  const mapped = processes.filter(
    (p) => p.flow !== null && (p.status === 'validated' || p.status === 'ratified'),
  );
  if (!mapped.length) {
    const ready = processes
      .filter((p) => p.flow !== null && (p.status === 'approved' || p.status === 'submitted'))
      .map((p) => p.code)
      .slice(0, 5);
    const example = ready[0] ?? '01.02';
    const waiting = ready.length ? ` Yang siap ditelaah: ${ready.join(', ')}.` : '';
    return {
      refuse: {
        id: `Belum ada proses yang divalidasi, jadi belum ada peta untuk lampiran keputusan. Validasi dulu prosesnya, misalnya /validasi ${example}.${waiting}`,
        en: `No process is validated yet, so the decree has no map to annex. Validate one first, e.g. /validasi ${example}.`,
      },
    };
  }
  const caption = (id: string, en: string) => v.t({ id, en }).slice(0, 1000);
  return {
    outbound: [
      {
        kind: 'text',
        text: v.t({
          id: `Lampiran keputusan ${st.org.name} sedang disiapkan (${mapped.length} peta proses yang divalidasi); berkasnya menyusul. Sementara itu Anda dapat melanjutkan percakapan.`,
          en: `The decree annex of ${st.org.name} is being prepared (${mapped.length} validated process maps); the files follow. You can go on chatting meanwhile.`,
        }),
      },
      {
        kind: 'file',
        what: 'annex-pdf',
        organisationId: st.org.id,
        caption: caption(
          `Lampiran Keputusan Sekretaris Daerah tentang Peta Proses Bisnis ${st.org.name}: Level 0, Daftar Proses Bisnis, Peta Relasi, ${mapped.length} peta lintas fungsi dan Bukti Pengesahan (PDF).`,
          `Annex of the decree on the business process map of ${st.org.name}: Level 0, inventory, relation map, ${mapped.length} cross-functional maps and ratification evidence (PDF).`,
        ),
      },
      {
        kind: 'file',
        what: 'decree-docx',
        organisationId: st.org.id,
        caption: caption(
          'Rancangan Keputusan Sekretaris Daerah (DOCX) untuk dilengkapi Bagian Hukum: bagian bertanda "...." diisi di sana.',
          'Draft of the decree (DOCX) for the legal section to finish: the parts marked "...." are theirs to fill.',
        ),
      },
    ],
  };
}
