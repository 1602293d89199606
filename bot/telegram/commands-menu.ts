// The command menu Telegram shows next to the text field, in Indonesian and English.
import type { Telegram } from 'telegraf';
import { type Bilingual, bilingual as b, textFor } from '../../core/language/bilingual.js';
import type { Language } from '../../core/model/organisation.js';

const MENU: ReadonlyArray<readonly [command: string, description: Bilingual]> = [
  ['bantuan', b('Bantuan dan daftar perintah', 'Help and the list of commands')],
  ['status', b('Posisi wawancara', 'Where the interview stands')],
  ['ringkasan', b('Ringkasan dan peta proses', 'Summary and process map')],
  [
    'bpmn',
    b('Berkas BPMN proses (Camunda Modeler)', 'The process as a BPMN file (Camunda Modeler)'),
  ],
  [
    'sop',
    b(
      'SOP AP proses (PDF; /sop docx, /sop ubah)',
      'The SOP AP of the process (PDF; /sop docx, /sop ubah)',
    ),
  ],
  ['kembali', b('Kembali ke pertanyaan sebelumnya', 'Back to the previous question')],
  ['lewati', b('Lewati pertanyaan ini', 'Skip this question')],
  ['batal', b('Batalkan pertanyaan ini', 'Cancel this question')],
  ['urungkan', b('Batalkan perubahan terakhir', 'Undo the last change')],
  ['menu', b('Menu utama', 'Main menu')],
  ['bahasa', b('Ganti bahasa / change language', 'Change language / ganti bahasa')],
  // Coordination: a clerk answers handoffs; heads and coordinators review and follow progress.
  [
    'serahterima',
    b('Serah terima yang menunggu jawaban unit Anda', 'Handoffs your unit must answer'),
  ],
  ['progres', b('Kemajuan pemetaan per unit', 'Mapping progress per unit')],
  ['periksa', b('Proses yang menunggu pemeriksaan Anda', 'Processes awaiting your review')],
  [
    'relasi',
    b(
      'Serah terima antarunit (Peta Relasi); /relasi proses: dari alur proses',
      "Handoffs between units (relation map); /relasi proses: from the processes' flows",
    ),
  ],
  ['kampanye', b('Kampanye pemetaan (koordinator)', 'Mapping campaign (coordinator)')],
  ['sengketa', b('Serah terima yang dibantah (koordinator)', 'Disputed handoffs (coordinator)')],
  ['level0', b('Peta Proses Level 0 (koordinator)', 'Level-0 process map (coordinator)')],
  [
    'inventaris',
    b('Daftar Proses Bisnis, XLSX (koordinator)', 'Process inventory, XLSX (coordinator)'),
  ],
  [
    'lampiran',
    b('Lampiran dan rancangan keputusan (koordinator)', 'Decree annex and draft (coordinator)'),
  ],
];

const commandsIn = (lang: Language) =>
  MENU.map(([command, description]) => ({ command, description: textFor(description, lang) }));

export async function setCommandMenu(tg: Telegram): Promise<void> {
  await tg.setMyCommands(commandsIn('id'));
  await tg.setMyCommands(commandsIn('id'), { language_code: 'id' });
  await tg.setMyCommands(commandsIn('en'), { language_code: 'en' });
}
