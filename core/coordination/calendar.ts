// The organisation's calendar: Indonesian government days run on Asia/Jakarta time (UTC+7, no
// daylight saving), so "today", "2 days ago" and a deadline are counted there, never in UTC.
import type { Language } from '../model/index.js';

const JAKARTA_OFFSET_MS = 7 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;

/** The Asia/Jakarta calendar date (YYYY-MM-DD) of an ISO instant. */
export function jakartaDate(iso: string): string {
  return new Date(Date.parse(iso) + JAKARTA_OFFSET_MS).toISOString().slice(0, 10);
}

/** The Asia/Jakarta wall clock of an ISO instant: "2026-11-03 10:15" (WIB). */
export function jakartaDateTime(iso: string): string {
  return new Date(Date.parse(iso) + JAKARTA_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** Whole calendar days from date `a` to date `b` (both YYYY-MM-DD); negative when b is earlier. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

/** Calendar days (Asia/Jakarta) since an instant, as seen at `now`. */
export function daysSince(iso: string, now: string): number {
  return daysBetween(jakartaDate(iso), jakartaDate(now));
}

const MONTHS: Record<Language, string[]> = {
  id: ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};

/** "31 Jan 2027"; without the year when `withYear` is false ("2 Des"). */
export function shortDate(date: string, lang: Language, withYear = true): string {
  const [y, m, d] = date.split('-').map(Number);
  const day = `${d} ${MONTHS[lang][(m ?? 1) - 1]}`;
  return withYear ? `${day} ${y}` : day;
}

/** "hari ini", "kemarin", "3 hari lalu" (and English). */
export function daysAgo(days: number, lang: Language): string {
  if (lang === 'en') return days <= 0 ? 'today' : days === 1 ? 'yesterday' : `${days} days ago`;
  return days <= 0 ? 'hari ini' : days === 1 ? 'kemarin' : `${days} hari lalu`;
}

/** "12 hari lagi", "hari ini", "lewat 3 hari" (and English). */
export function daysLeft(days: number, lang: Language): string {
  if (lang === 'en')
    return days === 0
      ? 'today'
      : days > 0
        ? `${days} day${days === 1 ? '' : 's'} left`
        : `${-days} day${days === -1 ? '' : 's'} overdue`;
  return days === 0 ? 'hari ini' : days > 0 ? `${days} hari lagi` : `lewat ${-days} hari`;
}
