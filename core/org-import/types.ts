import type { Bilingual } from '../language/bilingual.js';
import type { Organisation } from '../model/index.js';

/** `line` is the 1-based line in the file as a text editor or spreadsheet shows it; null for the file as a whole. */
export type ImportError = { line: number | null; message: Bilingual };

export type ImportResult =
  { ok: true; organisation: Organisation } | { ok: false; errors: ImportError[] };

/** Where a value came from, so that an error can name it as the user wrote it. */
export type Field = { value: string; label: string };

/** One row of either format before validation: raw strings, trimmed; '' when absent. */
export type OrgDraft = { line: number | null; id: Field; name: Field; codePrefix: Field };
export type UnitDraft = {
  line: number | null;
  id: Field;
  name: Field;
  kind: Field;
  parent: Field;
  shortName: Field;
};
export type PersonDraft = {
  line: number | null;
  id: Field;
  name: Field;
  position: Field;
  unit: Field;
  /** Role names as written; empty means the default (respondent). */
  roles: { values: string[]; label: string };
  nip: Field;
  telegram: Field;
  whatsapp: Field;
  language: Field;
};

export type Drafts = { orgs: OrgDraft[]; units: UnitDraft[]; people: PersonDraft[] };
