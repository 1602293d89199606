// The command menu Telegram shows next to the text field, in Indonesian and English.
import type { Telegram } from 'telegraf';

const ID = [
  ['bantuan', 'Bantuan dan daftar perintah'],
  ['status', 'Posisi wawancara'],
  ['ringkasan', 'Ringkasan dan peta proses'],
  ['kembali', 'Kembali ke pertanyaan sebelumnya'],
  ['lewati', 'Lewati pertanyaan ini'],
  ['batal', 'Batalkan pertanyaan ini'],
  ['urungkan', 'Batalkan perubahan terakhir'],
  ['menu', 'Menu utama'],
  ['bahasa', 'Ganti bahasa / change language'],
] as const;

const EN: Record<string, string> = {
  bantuan: 'Help and the list of commands',
  status: 'Where the interview stands',
  ringkasan: 'Summary and process map',
  kembali: 'Back to the previous question',
  lewati: 'Skip this question',
  batal: 'Cancel this question',
  urungkan: 'Undo the last change',
  menu: 'Main menu',
  bahasa: 'Change language / ganti bahasa',
};

export async function setCommandMenu(tg: Telegram): Promise<void> {
  const id = ID.map(([command, description]) => ({ command, description }));
  await tg.setMyCommands(id);
  await tg.setMyCommands(id, { language_code: 'id' });
  await tg.setMyCommands(
    ID.map(([command]) => ({ command, description: EN[command]! })),
    { language_code: 'en' },
  );
}
