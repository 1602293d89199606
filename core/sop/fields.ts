// The fields of the SOP identity block as a person gives them, in chat (the follow-up, /sop ubah)
// or at the terminal (probis sop --set): one parser per field, so both read an answer alike.
import { parseDate } from '../language/dates.js';
import { type Bilingual, bilingual as msg } from '../language/bilingual.js';
import { shortDate } from '../coordination/calendar.js';
import type { Language } from '../model/organisation.js';
import { parseList } from '../interview/answers/text.js';
import { Nip, type Signatory, SopDetails } from './details.js';

/** What one answer changes: the fields given, each replacing what was stored. */
export type SopChange = Partial<Omit<SopDetails, 'processId'>>;

type Kind = 'text' | 'date' | 'signatory' | 'list';

export type SopField = {
  /** The key of the details ("disahkanOleh"). */
  key: keyof SopChange;
  /** Its name at the terminal (`probis sop --set pengesah=...`). */
  name: string;
  kind: Kind;
  label: Bilingual;
  /** A right answer, said with a refusal and in the question. */
  example: string;
};

/** In the order of the SOP's identity block (and of the numbered list of /sop ubah). */
export const SOP_FIELDS: readonly SopField[] = [
  {
    key: 'nomor',
    name: 'nomor',
    kind: 'text',
    label: msg('Nomor SOP', 'SOP number'),
    example: '800/12/SOP/2027',
  },
  {
    key: 'tanggalPembuatan',
    name: 'pembuatan',
    kind: 'date',
    label: msg('Tanggal pembuatan', 'Date made'),
    example: '2 Januari 2027',
  },
  {
    key: 'tanggalRevisi',
    name: 'revisi',
    kind: 'date',
    label: msg('Tanggal revisi', 'Date revised'),
    example: '2 Januari 2027',
  },
  {
    key: 'tanggalEfektif',
    name: 'efektif',
    kind: 'date',
    label: msg('Tanggal efektif', 'Effective date'),
    example: '2 Januari 2027',
  },
  {
    key: 'disahkanOleh',
    name: 'pengesah',
    kind: 'signatory',
    label: msg('Disahkan oleh', 'Ratified by'),
    example: 'Sekretaris Daerah; Drs. Budi Santoso; 19700101 199003 1 002',
  },
  {
    key: 'dasarHukum',
    name: 'dasarhukum',
    kind: 'list',
    label: msg('Dasar hukum (tambahan)', 'Legal basis (added)'),
    example: 'Permendagri 86/2017; Perda 5/2020',
  },
  {
    key: 'kualifikasi',
    name: 'kualifikasi',
    kind: 'list',
    label: msg('Kualifikasi pelaksana', 'Performer qualification'),
    example: 'S1 Ekonomi; Menguasai komputer',
  },
  {
    key: 'peralatan',
    name: 'peralatan',
    kind: 'list',
    label: msg('Peralatan/perlengkapan', 'Equipment'),
    example: 'Komputer; Printer; ATK',
  },
  {
    key: 'peringatan',
    name: 'peringatan',
    kind: 'list',
    label: msg('Peringatan', 'Warning'),
    example: 'Jika berkas tidak lengkap, permohonan dikembalikan',
  },
  {
    key: 'pencatatan',
    name: 'pencatatan',
    kind: 'list',
    label: msg('Pencatatan dan pendataan', 'Records kept'),
    example: 'Buku agenda surat masuk; Arsip digital',
  },
];

export function sopField(key: keyof SopChange): SopField {
  return SOP_FIELDS.find((f) => f.key === key)!;
}

export function sopFieldByName(name: string): SopField | undefined {
  const n = name
    .trim()
    .toLowerCase()
    .replace(/[-_\s]/g, '');
  return SOP_FIELDS.find((f) => f.name === n || f.key.toLowerCase() === n);
}

/**
 * An answer read into a change, or refused with a reason and an example. `keep`: what of a
 * refused answer is right and is kept all the same (a signatory's jabatan and nama when only the
 * NIP is wrong).
 */
export type FieldParsed =
  { ok: true; change: SopChange } | { ok: false; reason: Bilingual; keep?: SopChange };

const ITEM_MAX = 500;
const LIST_MAX = 30;

/** Reads one field's answer; `current` is what is stored (a bare NIP completes its signatory). */
export function parseSopField(field: SopField, raw: string, current: SopDetails): FieldParsed {
  const text = raw.replace(/\s+/g, ' ').trim();
  switch (field.kind) {
    case 'text': {
      if (!/[\p{L}\p{N}]/u.test(text) || text.length > 100)
        return refuseWith(
          field,
          msg(
            'Nomor SOP perlu berisi huruf atau angka, paling banyak 100 karakter.',
            'The SOP number needs letters or digits, at most 100 characters.',
          ),
        );
      return { ok: true, change: { [field.key]: text } };
    }
    case 'date': {
      const d = parseDate(text);
      if (!d.ok)
        return refuseWith(
          field,
          msg('Tanggal itu tidak saya kenali.', 'I do not recognise that date.'),
          `${field.example} atau 2027-01-02`,
        );
      return { ok: true, change: { [field.key]: d.value } };
    }
    case 'list': {
      const p = parseList(raw, { splitCommas: false, itemMax: ITEM_MAX, max: LIST_MAX });
      if (!p.ok) return { ok: false, reason: p.reason };
      return { ok: true, change: { [field.key]: p.value } };
    }
    case 'signatory':
      return parseSignatory(raw, current.disahkanOleh);
  }
}

function refuseWith(field: SopField, why: Bilingual, example = field.example): FieldParsed {
  return {
    ok: false,
    reason: msg(`${why.id} Contoh: ${example}`, `${why.en} Example: ${example}`),
  };
}

const NIP_LIKE = /^[\d\s.-]+$/;

/**
 * "Sekretaris Daerah; Drs. Budi Santoso; 19700101 199003 1 002": jabatan required, nama and NIP
 * optional. A bare NIP completes the signatory already given. A wrong NIP is refused, the
 * jabatan and nama kept.
 */
export function parseSignatory(raw: string, current: Signatory | null): FieldParsed {
  // Positions count ("Sekda; ; 1970..." has no nama); only empty parts at the end are dropped.
  const parts = raw.split(/[;\n]/).map((p) => p.replace(/\s+/g, ' ').trim());
  while (parts.length && !parts.at(-1)) parts.pop();
  const example = sopField('disahkanOleh').example;
  const badNip = (keep?: SopChange): FieldParsed => ({
    ok: false,
    reason: msg(
      `NIP terdiri dari 18 angka, misalnya 19700101 199003 1 002. Kirim NIP-nya saja untuk melengkapi, atau lengkap: ${example}`,
      `A NIP has 18 digits, e.g. 19700101 199003 1 002. Send the NIP alone to complete it, or all of it: ${example}`,
    ),
    ...(keep ? { keep } : {}),
  });
  if (parts.length === 1 && NIP_LIKE.test(parts[0]!) && /\d/.test(parts[0]!)) {
    if (!current)
      return refuseWith(
        sopField('disahkanOleh'),
        msg(
          'Tulis jabatannya dulu, lalu nama dan NIP.',
          'Write the position first, then name and NIP.',
        ),
      );
    const nip = Nip.safeParse(parts[0]);
    if (!nip.success) return badNip();
    return { ok: true, change: { disahkanOleh: { ...current, nip: nip.data } } };
  }
  const [jabatan, second, third] = parts;
  if (!jabatan || !/\p{L}/u.test(jabatan) || parts.length > 3 || jabatan.length > 200)
    return refuseWith(
      sopField('disahkanOleh'),
      msg(
        'Tulis jabatan; nama; NIP, dipisah titik koma (nama dan NIP boleh kosong).',
        'Write position; name; NIP, separated by semicolons (name and NIP may be left out).',
      ),
    );
  // "Sekretaris Daerah; 19700101 199003 1 002": the second part is the NIP.
  const secondIsNip = second !== undefined && third === undefined && NIP_LIKE.test(second);
  const nama = secondIsNip || !second ? null : second.slice(0, 200);
  const nipText = secondIsNip ? second : third || undefined;
  const kept: Signatory = { jabatan, nama, nip: null };
  if (nipText === undefined) return { ok: true, change: { disahkanOleh: kept } };
  const nip = Nip.safeParse(nipText);
  if (!nip.success) return badNip({ disahkanOleh: kept });
  return { ok: true, change: { disahkanOleh: { ...kept, nip: nip.data } } };
}

/** The details with a change applied; Tanggal pembuatan defaults to the day they are first given. */
export function applySopChange(details: SopDetails, change: SopChange, today: string): SopDetails {
  const next = SopDetails.parse({ ...details, ...change });
  return next.tanggalPembuatan ? next : { ...next, tanggalPembuatan: today };
}

/** "19700101 199003 1 002": the 18 digits grouped as written on Indonesian documents. */
export function formatNip(nip: string): string {
  return `${nip.slice(0, 8)} ${nip.slice(8, 14)} ${nip.slice(14, 15)} ${nip.slice(15)}`;
}

const LONG_MONTHS: Record<Language, string[]> = {
  id: [
    'Januari',
    'Februari',
    'Maret',
    'April',
    'Mei',
    'Juni',
    'Juli',
    'Agustus',
    'September',
    'Oktober',
    'November',
    'Desember',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};

/** "2 Januari 2027". */
export function longDate(date: string, lang: Language): string {
  const [y, m, d] = date.split('-').map(Number);
  const month = LONG_MONTHS[lang][(m ?? 0) - 1];
  return month ? `${d} ${month} ${y}` : shortDate(date, lang);
}

/** One field's value as said back: "-" when not given. */
export function sopFieldValue(field: SopField, details: SopDetails, lang: Language): string {
  const value = details[field.key];
  if (value === null || value === undefined) return '-';
  switch (field.kind) {
    case 'text':
      return String(value);
    case 'date':
      return longDate(String(value), lang);
    case 'list':
      return (value as string[]).length ? (value as string[]).join('; ') : '-';
    case 'signatory': {
      const s = value as Signatory;
      return [s.jabatan, s.nama, s.nip ? `NIP ${formatNip(s.nip)}` : null]
        .filter(Boolean)
        .join(', ');
    }
  }
}

/**
 * The details numbered as /sop ubah and `probis sop` show them, with the process's own legal
 * basis (from the interview or an import) before the list.
 */
export function sopDetailsLines(
  details: SopDetails,
  legalBasis: readonly string[],
  lang: Language,
): string[] {
  const lines = SOP_FIELDS.map(
    (f, i) =>
      `${i + 1}. ${lang === 'en' ? f.label.en : f.label.id}: ${sopFieldValue(f, details, lang)}`,
  );
  if (legalBasis.length)
    lines.push(
      `${lang === 'en' ? 'Legal basis of the process' : 'Dasar hukum proses'}: ${legalBasis.join('; ')}`,
    );
  return lines;
}
