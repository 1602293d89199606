// Dates as people type them in Indonesian chats ("31 Januari 2027", "31/1/2027", "2027-01-31").
// Saying and counting them on the organisation's calendar: core/coordination/calendar.ts.
import type { Bilingual } from './bilingual.js';

const MONTHS: Record<string, number> = {
  jan: 1,
  januari: 1,
  january: 1,
  feb: 2,
  februari: 2,
  pebruari: 2,
  february: 2,
  mar: 3,
  maret: 3,
  march: 3,
  apr: 4,
  april: 4,
  mei: 5,
  may: 5,
  jun: 6,
  juni: 6,
  june: 6,
  jul: 7,
  juli: 7,
  july: 7,
  agu: 8,
  agt: 8,
  agustus: 8,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  okt: 10,
  oktober: 10,
  oct: 10,
  october: 10,
  nov: 11,
  nopember: 11,
  november: 11,
  des: 12,
  desember: 12,
  dec: 12,
  december: 12,
};

const pad = (n: number) => String(n).padStart(2, '0');

function valid(y: number, m: number, d: number): string | null {
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** A calendar date typed in a chat, as YYYY-MM-DD. */
export function parseDate(
  text: string,
): { ok: true; value: string } | { ok: false; reason: Bilingual } {
  const t = text.trim().toLowerCase().replace(/,/g, ' ');
  let r: string | null = null;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) r = valid(+m[1]!, +m[2]!, +m[3]!);
  m ??= /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (!r && m && m[3]!.length === 4 && !t.startsWith(m[3]!)) r = valid(+m[3]!, +m[2]!, +m[1]!);
  const w = /^(\d{1,2})\s+([a-z]+)\.?\s+(\d{4})$/.exec(t);
  if (!r && w && MONTHS[w[2]!]) r = valid(+w[3]!, MONTHS[w[2]!]!, +w[1]!);
  if (r) return { ok: true, value: r };
  return {
    ok: false,
    reason: {
      id: 'Tanggal itu tidak saya kenali. Contoh: 31 Januari 2027, atau 31/01/2027.',
      en: 'I do not recognise that date. Example: 31 January 2027, or 31/01/2027.',
    },
  };
}
