// Words the interview says that do not belong to one question. Indonesian first, English second.
import { type Bilingual, bilingual } from '../language/bilingual.js';

const m = bilingual;

export const T = {
  skipped: m('Dilewati.', 'Skipped.'),
  required: m(
    'Pertanyaan ini wajib dijawab, tidak bisa dilewati.',
    'This question is required and cannot be skipped.',
  ),
  staleButton: m(
    'Tombol itu dari pertanyaan sebelumnya dan sudah tidak berlaku. Ini pertanyaan yang sedang berjalan:',
    'That button belongs to an earlier question and no longer applies. This is the current question:',
  ),
  unsupported: m(
    'Maaf, saya hanya bisa membaca pesan teks. Silakan ketik jawabannya.',
    'Sorry, I can only read text messages. Please type your answer.',
  ),
  edited: m(
    'Pesan yang diedit tidak saya baca ulang. Untuk mengganti jawaban terakhir, ketik /kembali lalu kirim jawaban baru; untuk mengubah sebuah langkah, ketik /ubah NOMOR (mis. /ubah 3).',
    'I do not reread edited messages. To change the last answer, type /kembali and send the new answer; to change a step, type /ubah NUMBER (e.g. /ubah 3).',
  ),
  unknownCommand: (c: string) =>
    m(
      `Perintah "${c}" tidak dikenal. Ketik /bantuan untuk daftar perintah.`,
      `Unknown command "${c}". Type /bantuan for the list of commands.`,
    ),
  nothingToUndo: m('Tidak ada yang bisa dikembalikan.', 'There is nothing to go back to.'),
  wentBack: m(
    'Baik, kembali ke pertanyaan sebelumnya.',
    'All right, back to the previous question.',
  ),
  /** `what` in words ("jawaban kelengkapan langkah 3"), never a question id. */
  undone: (what: Bilingual) => m(`Dibatalkan: ${what.id}.`, `Undone: ${what.en}.`),
  cancelled: m('Dibatalkan. Draf Anda tetap tersimpan.', 'Cancelled. Your draft is kept.'),
  noProcess: m('Belum ada proses yang sedang dipetakan.', 'No process is being mapped yet.'),
  noSteps: m('Proses ini belum punya langkah.', 'This process has no steps yet.'),
  stepDeleted: (no: number, name: string) =>
    m(
      `Langkah ${no} "${name}" dihapus. Ketik /urungkan untuk membatalkan.`,
      `Step ${no} "${name}" deleted. Type /urungkan to undo.`,
    ),
  stepMoved: (from: number, to: number) =>
    m(
      `Langkah ${from} dipindahkan; sekarang menjadi langkah ${to}.`,
      `Step ${from} moved; it is now step ${to}.`,
    ),
  renamed: (name: string) =>
    m(`Nama proses diganti menjadi "${name}".`, `Process renamed to "${name}".`),
  nameSuggested: (name: string) =>
    m(
      `Saya tulis: "${name}". (Kegiatan ditulis dengan kata kerja aktif; ketik /kembali bila ingin menulis ulang.)`,
      `I wrote: "${name}". (Activities are written as active verbs; type /kembali to write it again.)`,
    ),
  processNameSuggested: (from: string, to: string) =>
    m(
      `"${from}" saya tulis sebagai "${to}" (nama proses berupa kata benda).`,
      `"${from}" written as "${to}" (process names are nouns).`,
    ),
  languageSet: m('Bahasa diganti ke Bahasa Indonesia.', 'Language switched to English.'),
  help: m(
    [
      'Perintah yang bisa dipakai kapan saja:',
      '/kembali — kembali ke pertanyaan sebelumnya untuk menjawab ulang (jawaban terakhir ikut dibatalkan)',
      '/urungkan — batalkan perubahan terakhir pada peta (misalnya langkah yang terhapus) dan kembali ke tempat perubahan itu',
      '/batal — tinggalkan yang sedang dikerjakan: keluar dari /ubah atau /sisip, atau kembali ke menu utama; draf tetap tersimpan',
      '/lewati — lewati pertanyaan yang tidak wajib',
      '/ubah 3 — ubah langkah nomor 3',
      '/sisip 3 — sisipkan langkah baru sebelum langkah 3',
      '/hapus 4 — hapus langkah nomor 4',
      '/pindah 5 2 — pindahkan langkah 5 ke sebelum langkah 2',
      '/nama Nama Baru — ganti nama proses',
      '/ringkasan atau /peta — lihat ringkasan dan peta',
      '/bpmn — berkas BPMN proses (untuk Camunda Modeler / bpmn.io)',
      '/sop — SOP AP proses (PDF A4) · /sop docx · /sop f4 (folio) · /sop ubah — ubah rincian SOP',
      '/status — posisi wawancara',
      '/menu — menu utama',
      '/bahasa — ganti bahasa (Indonesia/English)',
      'Perintah juga bisa ditulis tanpa garis miring, misalnya "ubah 3".',
      '',
      'Koordinasi (dengan garis miring):',
      '/serahterima — jawab serah terima dari unit lain',
      '/progres — kemajuan per unit · /unit NAMA — satu unit',
      '/periksa — proses yang menunggu persetujuan Anda',
      '/setujui 01.02 · /kembalikan 01.02 catatan · /validasi 01.02',
      '/versi 01.02 — perubahan sejak versi disetujui',
      '/relasi — serah terima antarunit · /relasi Bagian Umum — satu unit',
      '/relasi proses — Peta Relasi antarproses dari alur semua proses (koordinator) · /relasi 01.02 — satu proses',
      '/level0 — Peta Proses Level 0 · /pohon 01 — pohon proses di bawah 01',
      '/inventaris — Daftar Proses Bisnis (XLSX) dengan bukti pengesahan (koordinator)',
      '/lampiran — lampiran keputusan (PDF) dan rancangan keputusan (DOCX) (koordinator)',
      '/kampanye · /ingatkan NAMA UNIT · /sengketa — untuk koordinator',
    ].join('\n'),
    [
      'Commands you can use at any time:',
      '/kembali — back to the previous question to answer it again (the last answer is dropped)',
      '/urungkan — undo the last change to the map (e.g. a deleted step) and go back to where it was made',
      '/batal — leave what you are doing: out of /ubah or /sisip, or back to the main menu; the draft is kept',
      '/lewati — skip a question that is not required',
      '/ubah 3 — edit step 3',
      '/sisip 3 — insert a new step before step 3',
      '/hapus 4 — delete step 4',
      '/pindah 5 2 — move step 5 to before step 2',
      '/nama New Name — rename the process',
      '/ringkasan or /peta — show the summary and the map',
      '/bpmn — the process as a BPMN file (for Camunda Modeler / bpmn.io)',
      '/sop — the SOP AP of the process (PDF A4) · /sop docx · /sop f4 (folio) · /sop ubah — change the SOP details',
      '/status — where the interview stands',
      '/menu — main menu',
      '/bahasa — switch language (Indonesia/English)',
      'Commands also work without the slash, e.g. "ubah 3".',
      '',
      'Coordination (with the slash):',
      '/serahterima — answer handoffs from other units',
      '/progres — progress per unit · /unit NAME — one unit',
      '/periksa — processes awaiting your approval',
      '/setujui 01.02 · /kembalikan 01.02 comment · /validasi 01.02',
      '/versi 01.02 — changes since the approved version',
      '/relasi — handoffs between units · /relasi General Affairs — one unit',
      "/relasi proses — relation map of all processes' flows (coordinator) · /relasi 01.02 — one process",
      '/level0 — Level-0 process map · /pohon 01 — the process tree below 01',
      '/inventaris — the process inventory (XLSX) with the ratification evidence (coordinator)',
      '/lampiran — the decree annex (PDF) and the draft decree (DOCX) (coordinator)',
      '/kampanye · /ingatkan UNIT NAME · /sengketa — for coordinators',
    ].join('\n'),
  ),
  /** Under the draft map's title in the review: where the BPMN file is. */
  bpmnOffer: m(
    'Berkas BPMN (untuk Camunda Modeler / bpmn.io): /bpmn · SOP AP: /sop',
    'BPMN file (for Camunda Modeler / bpmn.io): /bpmn · SOP AP: /sop',
  ),
  /** The caption of a process's BPMN file. */
  bpmnCaption: (code: string, name: string) =>
    m(
      `Berkas BPMN peta ${code} ${name}: buka di Camunda Modeler atau bpmn.io untuk melihat dan menyunting alurnya.`,
      `BPMN file of map ${code} ${name}: open it in Camunda Modeler or bpmn.io to view and edit its flow.`,
    ),
  bpmnNeedsSteps: m(
    'Berkas BPMN dibuat dari langkah-langkah proses, dan proses ini belum punya langkah. Tulis langkahnya dulu, misalnya "Menerima berkas permohonan", lalu kirim /bpmn lagi.',
    'The BPMN file is made from the process\'s steps, and this process has none yet. Write its steps first, e.g. "Menerima berkas permohonan", then send /bpmn again.',
  ),
  needProcess: m(
    'Perintah ini dipakai saat memetakan sebuah proses.',
    'This command is used while mapping a process.',
  ),
  submitted: (name: string) =>
    m(
      `Terima kasih. Proses "${name}" dikirim untuk diperiksa koordinator. Unit penerima serah terima akan diminta mengonfirmasi. SOP AP proses ini: /sop.`,
      `Thank you. Process "${name}" was submitted for the coordinator's review. Receiving units will be asked to confirm the handoffs. The SOP AP of this process: /sop.`,
    ),
  /** To a coordinator or the unit's head: a process was submitted to them. */
  submittedNotice: (who: string, code: string, name: string) =>
    m(
      `${who} mengirim proses ${code} "${name}" untuk diperiksa.`,
      `${who} submitted process ${code} "${name}" for review.`,
    ),
  blockedByErrors: (n: number) =>
    m(
      `Masih ada ${n} masalah yang perlu diperbaiki sebelum dikirim (lihat daftar di atas). Silakan gunakan /ubah, /sisip atau /hapus.`,
      `There are still ${n} problems to fix before submitting (see the list above). Use /ubah, /sisip or /hapus.`,
    ),
  branchNext: (label: string, no: number) =>
    m(`Sekarang cabang "${label}" dari langkah ${no}.`, `Now the "${label}" branch of step ${no}.`),
  status: (lines: string[]) => m(lines.join('\n'), lines.join('\n')),
  skip: m('Lewati', 'Skip'),
} as const;
