// CSV: one sheet, one row per organisation, unit or person, told apart by the `type` column.
// See FORMAT.md. Headers may be English or Indonesian; `,`, `;` (Excel in Indonesian locale) and
// tab are accepted as separators.
import { CsvError, parse } from 'csv-parse/sync';
import { normaliseWhitespace, stripInvisible } from '../language/text.js';
import type { Drafts, Field, ImportError } from './types.js';

const COLUMNS = {
  type: ['type', 'tipe', 'baris'],
  id: ['id', 'kode'],
  name: ['name', 'nama'],
  kind: ['kind', 'jenis', 'jenis_unit'],
  parent: ['parent', 'induk'],
  short_name: ['short_name', 'shortname', 'singkatan', 'nama_singkat'],
  code_prefix: ['code_prefix', 'awalan_kode'],
  position: ['position', 'jabatan'],
  unit: ['unit'],
  roles: ['roles', 'role', 'peran'],
  nip: ['nip'],
  telegram: ['telegram', 'telegram_id'],
  whatsapp: ['whatsapp', 'wa', 'no_wa'],
  language: ['language', 'bahasa'],
  note: ['note', 'notes', 'keterangan', 'catatan'],
} as const;
type Column = keyof typeof COLUMNS;

const ALIAS = new Map<string, Column>();
for (const [col, names] of Object.entries(COLUMNS) as Array<[Column, readonly string[]]>) {
  for (const n of names) ALIAS.set(n, col);
}

const ROW_TYPES: Record<string, 'org' | 'unit' | 'person'> = {
  organisation: 'org',
  organization: 'org',
  organisasi: 'org',
  instansi: 'org',
  unit: 'unit',
  person: 'person',
  orang: 'person',
  pegawai: 'person',
  personel: 'person',
};

function headerKey(cell: string): string {
  return cell
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

function cellText(cell: string | undefined): string {
  return normaliseWhitespace(stripInvisible(cell ?? ''));
}

/** The separator used by the header line: the most frequent of `,` `;` and tab outside quotes. */
function detectDelimiter(text: string): string {
  const header = text.split('\n').find((l) => l.trim() !== '') ?? '';
  const counts = new Map<string, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const ch of header) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ',';
  for (const [d, n] of counts) if (n > (counts.get(best) ?? 0)) best = d;
  return best;
}

/**
 * Rows to drafts. `fatal` is set when the rows cannot be understood at all (unreadable CSV, a
 * required column missing); otherwise the errors found here are reported with the validator's.
 */
export function parseCsv(text: string): { drafts: Drafts; errors: ImportError[]; fatal: boolean } {
  const drafts: Drafts = { orgs: [], units: [], people: [] };
  const errors: ImportError[] = [];
  const normalised = text.replace(/\r\n?/g, '\n');

  let records: Array<{ record: string[]; raw: string }>;
  try {
    records = parse(normalised, {
      delimiter: detectDelimiter(normalised),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      raw: true,
    }) as unknown as Array<{ record: string[]; raw: string }>;
  } catch (err) {
    if (err instanceof CsvError) {
      const line =
        typeof (err as { lines?: unknown }).lines === 'number'
          ? (err as unknown as { lines: number }).lines
          : null;
      errors.push({
        line,
        message: {
          id: `CSV tidak bisa dibaca: ada tanda kutip (") yang tidak ditutup atau salah tempat.`,
          en: `The CSV cannot be read: a quote (") is not closed or is misplaced.`,
        },
      });
      return { drafts, errors, fatal: true };
    }
    throw err;
  }

  // Each record's first line: one plus the line breaks of all records before it.
  let nextLine = 1;
  const rows = records.map(({ record, raw }) => {
    const line = nextLine;
    nextLine += (raw.match(/\n/g) ?? []).length;
    return { line, cells: record.map(cellText) };
  });

  const nonEmpty = rows.filter((r) => r.cells.some((c) => c !== ''));
  const header = nonEmpty[0];
  if (!header) return { drafts, errors, fatal: false }; // the validator reports what is missing

  const columns: Array<Column | null> = [];
  const labels = new Map<Column, string>();
  header.cells.forEach((cell, i) => {
    if (cell === '') {
      columns.push(null);
      return;
    }
    const col = ALIAS.get(headerKey(cell));
    if (!col) {
      errors.push({
        line: header.line,
        message: {
          id: `Kolom "${cell}" tidak dikenal. Kolom yang dipakai: ${Object.keys(COLUMNS).join(', ')}.`,
          en: `Unknown column "${cell}". Known columns: ${Object.keys(COLUMNS).join(', ')}.`,
        },
      });
      columns.push(null);
    } else if (labels.has(col)) {
      errors.push({
        line: header.line,
        message: {
          id: `Kolom "${cell}" muncul dua kali (kolom ${i + 1}).`,
          en: `Column "${cell}" appears twice (column ${i + 1}).`,
        },
      });
      columns.push(null);
    } else {
      labels.set(col, cell);
      columns.push(col);
    }
  });

  const missing = (['type', 'id', 'name'] as const).filter((col) => !labels.has(col));
  for (const col of missing) errors.push(missingColumn(col, header.line));
  if (missing.length > 0) return { drafts, errors, fatal: true }; // rows cannot be read without these

  const present = new Set<'org' | 'unit' | 'person'>();
  for (const row of nonEmpty.slice(1)) {
    const get = (col: Column): Field => {
      const i = columns.indexOf(col);
      return { value: i >= 0 ? (row.cells[i] ?? '') : '', label: labels.get(col) ?? col };
    };
    const typeCell = get('type').value;
    if (typeCell.startsWith('#')) continue; // a row commented out
    const extra = row.cells.slice(header.cells.length).filter((c) => c !== '');
    if (extra.length > 0) {
      errors.push({
        line: row.line,
        message: {
          id: `Baris ini punya ${row.cells.length} kolom, lebih banyak dari judul (${header.cells.length}). Mungkin ada pemisah (, atau ;) di dalam nama: beri tanda kutip pada isi itu.`,
          en: `This row has ${row.cells.length} columns, more than the header (${header.cells.length}). A separator (, or ;) inside a name needs quotes around it.`,
        },
      });
      continue;
    }
    const type = ROW_TYPES[typeCell.toLowerCase()];
    if (!type) {
      errors.push({
        line: row.line,
        message: {
          id: `Isi kolom "${get('type').label}" harus organisation, unit atau person; tertulis "${typeCell}".`,
          en: `Column "${get('type').label}" must be organisation, unit or person; found "${typeCell}".`,
        },
      });
      continue;
    }
    present.add(type);
    if (type === 'org') {
      drafts.orgs.push({
        line: row.line,
        id: get('id'),
        name: get('name'),
        codePrefix: get('code_prefix'),
      });
    } else if (type === 'unit') {
      drafts.units.push({
        line: row.line,
        id: get('id'),
        name: get('name'),
        kind: get('kind'),
        parent: get('parent'),
        shortName: get('short_name'),
      });
    } else {
      const roles = get('roles');
      drafts.people.push({
        line: row.line,
        id: get('id'),
        name: get('name'),
        position: get('position'),
        unit: get('unit'),
        roles: { values: roles.value.split(/[|,;/\s]+/).filter(Boolean), label: roles.label },
        nip: get('nip'),
        telegram: get('telegram'),
        whatsapp: get('whatsapp'),
        language: get('language'),
      });
    }
  }

  let fatal = false;
  const required: Array<[Column, boolean]> = [
    ['kind', present.has('unit')],
    ['position', present.has('person')],
    ['unit', present.has('person')],
  ];
  for (const [col, needed] of required) {
    if (needed && !labels.has(col)) {
      errors.push(missingColumn(col, header.line));
      fatal = true;
    }
  }
  return { drafts, errors, fatal };
}

function missingColumn(col: Column, line: number): ImportError {
  const also = COLUMNS[col].filter((n) => n !== col);
  const alias = also.length ? ` (atau ${also.map((n) => `"${n}"`).join(', ')})` : '';
  const aliasEn = also.length ? ` (or ${also.map((n) => `"${n}"`).join(', ')})` : '';
  return {
    line,
    message: {
      id: `Kolom wajib "${col}"${alias} tidak ada di baris judul.`,
      en: `Required column "${col}"${aliasEn} is missing from the header row.`,
    },
  };
}
