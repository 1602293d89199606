// The Renja example told as Rina would tell it: shared by interview, channel and bench tests.
import { type Chat, renjaDocument } from './scenario.js';

export function renjaWorld() {
  const doc = renjaDocument();
  const group = doc.processes.find((p) => p.code === '03')!;
  return { organisation: doc.organisation, processes: [group], expected: doc.processes.find((p) => p.code === '03.01')! };
}

/** The whole Renja interview, by button presses and text, as Rina would answer. */
export function tellRenja(chat: Chat): void {
  chat.press('Proses baru');
  chat.say('Penyusunan Rencana Kerja');
  chat.press('Manajemen');
  chat.press('03 Perencanaan dan Penganggaran');
  chat.say('bappeda');
  chat.say('Surat edaran penyusunan Renja\nRancangan RKPD');
  chat.press('Tidak');
  chat.say('Renja Setda (ditetapkan)');
  chat.say('Bappeda');
  chat.press('Tidak');
  chat.say('Permendagri 86/2017');
  // 1
  chat.say('terima surat edaran penyusunan Renja');
  chat.press('Saya');
  chat.say('Surat edaran Bappeda');
  chat.say('1 hari');
  chat.say('Disposisi');
  chat.press('Langkah berikutnya');
  // 2
  chat.say('Meminta usulan program dari setiap bagian');
  chat.press('Saya');
  chat.press('Disposisi');
  chat.press('1 hari');
  chat.say('Nota dinas permintaan usulan');
  chat.press('Diserahkan ke unit lain');
  chat.press('Nota dinas permintaan usulan');
  chat.say('Bagian Organisasi');
  chat.say('Kasubbag Kelembagaan');
  // 3
  chat.say('Menyusun usulan program bagian');
  chat.say('Nota dinas, Renstra');
  chat.say('5 hari');
  chat.say('Usulan program');
  chat.press('Diserahkan ke unit lain');
  chat.press('Usulan program');
  chat.say('Bagian Perencanaan dan Keuangan');
  chat.say('Analis Perencanaan');
  // 4
  chat.say('Merekap dan menyusun rancangan Renja');
  chat.say('Usulan program semua bagian');
  chat.say('3 hari');
  chat.say('Rancangan Renja');
  chat.press('Langkah berikutnya');
  // 5
  chat.say('Membahas rancangan Renja');
  chat.press('Jabatan lain di unit saya');
  chat.say('Kepala Bagian');
  chat.press('Rancangan Renja');
  chat.say('1 hari');
  chat.say('Berita acara pembahasan');
  chat.press('Keputusan');
  // 6: the decision, with its loop back to 4
  chat.say('Rancangan disetujui?');
  chat.press('Unit/pihak lain');
  chat.say('Sekretariat Daerah');
  chat.say('Sekretaris Daerah');
  chat.say('Rancangan Renja');
  chat.say('Rancangan Renja, Berita acara pembahasan');
  chat.say('2 hari');
  chat.press('ya/tidak');
  chat.press('Langkah baru');
  chat.say('4');
  chat.say('Catatan revisi');
  // 7: the "ya" branch
  chat.say('Menandatangani Renja');
  chat.press('Sekretaris Daerah');
  chat.say('Rancangan Renja final');
  chat.say('1 hari');
  chat.say('Renja ditandatangani');
  chat.press('Diserahkan ke unit lain');
  chat.press('Renja ditandatangani');
  chat.say('Bagian Perencanaan dan Keuangan');
  chat.press('Saya');
  // 8
  chat.say('Menyampaikan Renja ke Bappeda');
  chat.press('Renja ditandatangani');
  chat.say('1 hari');
  chat.say('Surat pengantar');
  chat.press('Selesai');
  // a remark on step 3, then confirm
  chat.say('/ubah 3');
  chat.press('Keterangan');
  chat.say('Dilakukan oleh setiap bagian');
  chat.press('Selesai mengubah');
}
