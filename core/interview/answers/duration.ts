// Waktu: "30 menit", "2 jam", "1 hari", "3 hari kerja", "1,5 jam", "seminggu", "2 hours".
import type { Duration, DurationUnit } from '../../model/process.js';
import { type Parsed, ok, refuse } from './result.js';

const UNIT_WORDS: [RegExp, DurationUnit][] = [
  [/^(menit|mnt|min|minutes?|mins?|m)$/, 'menit'],
  [/^(jam|j|hours?|hrs?|h)$/, 'jam'],
  [/^(hari\s+kerja|hk|working\s+days?|business\s+days?|workdays?)$/, 'hari_kerja'],
  [/^(hari|hr|days?|d)$/, 'hari'],
  [/^(minggu|pekan|mgg|weeks?|w)$/, 'minggu'],
  [/^(bulan|bln|months?)$/, 'bulan'],
];

const NUMBER_WORDS: Record<string, number> = {
  se: 1,
  satu: 1,
  one: 1,
  a: 1,
  an: 1,
  dua: 2,
  two: 2,
  tiga: 3,
  three: 3,
  empat: 4,
  four: 4,
  lima: 5,
  five: 5,
  enam: 6,
  six: 6,
  tujuh: 7,
  seven: 7,
  delapan: 8,
  eight: 8,
  sembilan: 9,
  nine: 9,
  sepuluh: 10,
  ten: 10,
  setengah: 0.5,
  half: 0.5,
};

const EXPECTED = {
  id: 'Tulis lamanya dengan angka dan satuan, misalnya "30 menit", "2 jam", "1 hari" atau "3 hari kerja".',
  en: 'Write the duration as a number and a unit, e.g. "30 minutes", "2 hours", "1 day" or "3 working days".',
};

export function parseDuration(raw: string): Parsed<Duration> {
  let s = raw.toLowerCase().replace(/\s+/g, ' ').trim();
  s = s.replace(
    /^(±|kurang lebih|kira-kira|sekitar|maks(imal)?|paling lama|about|around|max)\s*/,
    '',
  );
  if (/\d\s*(-|–|s\.?d\.?|sampai|hingga|to)\s*\d/.test(s))
    return refuse(
      `Sebutkan satu angka saja (misalnya yang paling lama, "3 hari"), bukan rentang. ${EXPECTED.id}`,
      `Give one number (say the longest, "3 days"), not a range. ${EXPECTED.en}`,
    );
  // "seminggu", "sehari", "sejam", "sebulan"
  const se = /^se(menit|jam|hari|minggu|pekan|bulan)$/.exec(s);
  if (se) s = `1 ${se[1]}`;
  const m = /^(\d+(?:[.,]\d+)?|[a-z]+)\s*([a-z][a-z ]*)$/.exec(s);
  if (!m) return { ok: false, reason: EXPECTED };
  const [, numText, unitText] = m as unknown as [string, string, string];
  const value = /^\d/.test(numText) ? Number(numText.replace(',', '.')) : NUMBER_WORDS[numText];
  const unit = UNIT_WORDS.find(([re]) => re.test(unitText.trim()))?.[1];
  if (value === undefined || !Number.isFinite(value) || !unit)
    return { ok: false, reason: EXPECTED };
  if (value <= 0)
    return refuse(
      `Lamanya harus lebih dari nol. ${EXPECTED.id}`,
      `The duration must be more than zero. ${EXPECTED.en}`,
    );
  if (value > 10_000)
    return refuse(
      `Angkanya terlalu besar. ${EXPECTED.id}`,
      `That number is too large. ${EXPECTED.en}`,
    );
  return ok({ value, unit });
}

/**
 * An answer to "how long?" that gives a reason instead of a duration ("tergantung jadwal rapat",
 * "tidak tentu"): words, no number. Worth keeping as the step's keterangan.
 */
export function isDurationReason(raw: string): boolean {
  const s = raw.toLowerCase().replace(/\s+/g, ' ').trim();
  if (!s || /\d/.test(s) || !/\p{L}/u.test(s)) return false;
  if (parseDuration(s).ok) return false;
  if (
    /^(tergantung|bergantung|tidak tentu|tidak pasti|bervariasi|variatif|relatif|menyesuaikan|sesuai|mengikuti|kondisional|situasional)\b/.test(
      s,
    )
  )
    return true;
  return s.split(' ').filter((w) => /\p{L}{2,}/u.test(w)).length >= 2;
}

const UNIT_LABEL: Record<DurationUnit, { id: string; en: [string, string] }> = {
  menit: { id: 'menit', en: ['minute', 'minutes'] },
  jam: { id: 'jam', en: ['hour', 'hours'] },
  hari: { id: 'hari', en: ['day', 'days'] },
  hari_kerja: { id: 'hari kerja', en: ['working day', 'working days'] },
  minggu: { id: 'minggu', en: ['week', 'weeks'] },
  bulan: { id: 'bulan', en: ['month', 'months'] },
};

export function formatDuration(d: Duration, lang: 'id' | 'en' = 'id'): string {
  const n = String(d.value).replace('.', lang === 'id' ? ',' : '.');
  const l = UNIT_LABEL[d.unit];
  return lang === 'id' ? `${n} ${l.id}` : `${n} ${d.value === 1 ? l.en[0] : l.en[1]}`;
}
