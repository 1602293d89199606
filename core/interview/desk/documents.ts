// The organisation's documents a coordinator takes from the chat: the process inventory
// (/inventaris), an XLSX workbook made by a job when it is sent.
import { inventoryLevels, inventoryRows } from '../../documents/inventory.js';
import type { Bilingual } from '../../language/bilingual.js';
import type { View } from '../view.js';
import { type Seat, refusal } from './access.js';
import type { Shown } from './views.js';

export function showInventory(v: View, st: Seat): Shown {
  const no = refusal(st, { kind: 'organisation-documents' });
  if (no) return { refuse: withCoordinators(no, st) };
  const rows = inventoryRows(st.desk);
  if (!rows.length)
    return {
      refuse: {
        id: 'Belum ada proses untuk didaftar. Susun dulu daftar Level 0 dengan /level0 atau buka kampanye dengan /kampanye.',
        en: 'No process to list yet. Compose the Level-0 list with /level0 or open a campaign with /kampanye.',
      },
    };
  const levels = inventoryLevels(rows);
  const span = levels.length > 1 ? `Level ${levels[0]}–${levels.at(-1)}` : `Level ${levels[0]}`;
  return {
    outbound: [
      {
        kind: 'file',
        what: 'inventory-xlsx',
        organisationId: st.org.id,
        caption: v
          .t({
            id: `Daftar Proses Bisnis ${st.org.name}: ${rows.length} proses (${span}), satu lembar per level, dengan ringkasan dan bukti pengesahan (siapa menguraikan, menyepakati, menyetujui, memvalidasi, dan kapan).`,
            en: `Process inventory of ${st.org.name}: ${rows.length} processes (${span}), one sheet per level, with a summary and the ratification evidence (who described, agreed, approved, validated, and when).`,
          })
          .slice(0, 1000),
      },
    ],
  };
}

/** The refusal, and who the person can ask: the organisation's coordinators by name. */
function withCoordinators(no: Bilingual, st: Seat): Bilingual {
  const names = st.org.people
    .filter((p) => p.roles.includes('coordinator'))
    .map((p) => `${p.name} (${p.position})`)
    .slice(0, 3);
  if (!names.length) return no;
  return {
    id: `${no.id} Silakan minta kepada ${names.join(', ')}.`,
    en: `${no.en} Please ask ${names.join(', ')}.`,
  };
}
