// The Renja world over Telegram with the people who file its documents: Hana heads Rina's Bagian
// (she approves), Tono is a clerk of Bagian Organisasi (he may not take the organisation's files).
import type { DbKind } from './app.js';
import { addStaff, staff } from './app.js';
import { type TelegramHarness, telegramHarness } from './telegram.js';

export async function documentsHarness(kind: DbKind): Promise<TelegramHarness> {
  const h = await telegramHarness(kind);
  await addStaff(
    h.t.app,
    {
      ...staff('hana', 'Hana', 'Kepala Bagian Perencanaan dan Keuangan', 'bag-perencanaan'),
      roles: ['respondent', 'unit_head'],
    },
    staff('tono', 'Tono', 'Staf Kelembagaan', 'bag-organisasi'),
  );
  return h;
}
