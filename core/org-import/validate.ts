// Drafts (from CSV or YAML) to an Organisation, or every problem found, each with its line.
// Nothing is imported when anything is wrong: a half-imported organisation is worse than none.
import type { Bilingual } from '../language/bilingual.js';
import { nameKey } from '../language/text.js';
import { Organisation } from '../model/index.js';
import type { Language, Person, Role, Unit, UnitKind } from '../model/index.js';
import type { Drafts, Field, ImportError, ImportResult } from './types.js';

const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

const KINDS: Record<string, UnitKind> = {
  opd: 'opd',
  sekretariat: 'sekretariat',
  bagian: 'bagian',
  bidang: 'bidang',
  subbagian: 'subbagian',
  sub_bagian: 'subbagian',
  subbag: 'subbagian',
  seksi: 'seksi',
  upt: 'upt',
  unit: 'unit',
  public: 'public',
  publik: 'public',
  agency: 'agency',
  instansi: 'agency',
  lembaga: 'agency',
  system: 'system',
  sistem: 'system',
};
const ROLES: Record<string, Role> = {
  respondent: 'respondent',
  responden: 'respondent',
  unit_head: 'unit_head',
  kepala_unit: 'unit_head',
  kepala: 'unit_head',
  pimpinan: 'unit_head',
  coordinator: 'coordinator',
  koordinator: 'coordinator',
  admin: 'admin',
};
const LANGUAGES: Record<string, Language> = {
  id: 'id',
  indonesia: 'id',
  bahasa_indonesia: 'id',
  en: 'en',
  english: 'en',
  inggris: 'en',
};

const KIND_HELP =
  'opd, sekretariat, bagian, bidang, subbagian, seksi, upt, unit; pihak luar: public (Pemohon, Masyarakat), agency (instansi lain, mis. ATR/BPN), system (mis. OSS)';
const KIND_HELP_EN =
  'opd, sekretariat, bagian, bidang, subbagian, seksi, upt, unit; outside parties: public (Pemohon, Masyarakat), agency (another body, e.g. ATR/BPN), system (e.g. OSS)';

function key(value: string): string {
  return value
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

export function validate(drafts: Drafts): ImportResult {
  const errors: ImportError[] = [];
  const err = (line: number | null, id: string, en: string) =>
    errors.push({ line, message: { id, en } });

  const required = (line: number | null, f: Field, max: number): string | null => {
    if (!f.value) {
      err(line, `Kolom "${f.label}" wajib diisi.`, `"${f.label}" is required.`);
      return null;
    }
    if (f.value.length > max) {
      err(
        line,
        `Isi "${f.label}" terlalu panjang (${f.value.length} huruf; paling banyak ${max}).`,
        `"${f.label}" is too long (${f.value.length} characters; at most ${max}).`,
      );
      return null;
    }
    return f.value;
  };
  const optional = (line: number | null, f: Field, max: number): string | null =>
    f.value ? required(line, f, max) : null;
  const id = (line: number | null, f: Field): string | null => {
    const v = required(line, f, 64);
    if (v !== null && !ID.test(v)) {
      err(
        line,
        `"${f.label}" "${v}" hanya boleh berisi huruf, angka, titik, garis bawah dan tanda hubung, tanpa spasi (mis. bag-organisasi).`,
        `"${f.label}" "${v}" may only contain letters, digits, dots, underscores and hyphens, no spaces (e.g. bag-organisasi).`,
      );
      return null;
    }
    return v;
  };

  // Organisation -------------------------------------------------------------------------------
  const [orgDraft, ...extraOrgs] = drafts.orgs;
  if (!orgDraft) {
    err(
      null,
      'Data instansi belum ada: tambahkan satu baris type "organisation" (CSV) atau bagian "organisation:" (YAML) berisi id dan nama.',
      'The organisation itself is missing: add one row of type "organisation" (CSV) or an "organisation:" section (YAML) with id and name.',
    );
  }
  for (const extra of extraOrgs) {
    err(
      extra.line,
      `Hanya boleh ada satu baris organisasi; yang pertama ada di baris ${orgDraft?.line ?? '?'}.`,
      `Only one organisation row is allowed; the first is on line ${orgDraft?.line ?? '?'}.`,
    );
  }
  const orgId = orgDraft ? id(orgDraft.line, orgDraft.id) : null;
  const orgName = orgDraft ? required(orgDraft.line, orgDraft.name, 200) : null;
  const codePrefix = orgDraft ? optional(orgDraft.line, orgDraft.codePrefix, 20) : null;

  // Units --------------------------------------------------------------------------------------
  if (drafts.units.length === 0) {
    err(null, 'Belum ada unit satu pun.', 'There are no units.');
  }
  const allUnitIds = new Set(drafts.units.map((u) => u.id.value).filter(Boolean));
  const unitLine = new Map<string, number | null>();
  const units: Array<Unit & { line: number | null }> = [];
  for (const d of drafts.units) {
    const uid = id(d.line, d.id);
    const name = required(d.line, d.name, 200);
    let kind: UnitKind | null = null;
    if (!d.kind.value)
      err(
        d.line,
        `Kolom "${d.kind.label}" wajib diisi: ${KIND_HELP}.`,
        `"${d.kind.label}" is required: ${KIND_HELP_EN}.`,
      );
    else {
      kind = KINDS[key(d.kind.value)] ?? null;
      if (!kind)
        err(
          d.line,
          `Jenis unit "${d.kind.value}" tidak dikenal; pilih salah satu: ${KIND_HELP}.`,
          `Unknown unit kind "${d.kind.value}"; choose one of: ${KIND_HELP_EN}.`,
        );
    }
    const shortName = optional(d.line, d.shortName, 60);
    const parentId = d.parent.value || null;
    if (parentId !== null && !allUnitIds.has(parentId)) {
      err(
        d.line,
        `Induk "${parentId}" tidak ada di daftar unit.`,
        `Parent "${parentId}" is not in the list of units.`,
      );
    }
    if (uid !== null && unitLine.has(uid)) {
      err(
        d.line,
        `ID unit "${uid}" sudah dipakai di baris ${unitLine.get(uid) ?? '?'}.`,
        `Unit id "${uid}" is already used on line ${unitLine.get(uid) ?? '?'}.`,
      );
      continue;
    }
    if (uid !== null) unitLine.set(uid, d.line);
    if (uid !== null && name !== null && kind !== null)
      units.push({ id: uid, name, kind, parentId, shortName, line: d.line });
  }

  // Parent cycles: every unit on a cycle is reported, with the cycle as seen from it.
  const parentOf = new Map<string, string | null>();
  for (const d of drafts.units) {
    if (d.id.value && !parentOf.has(d.id.value)) parentOf.set(d.id.value, d.parent.value || null);
  }
  for (const d of drafts.units) {
    const start = d.id.value;
    if (!start || unitLine.get(start) !== d.line) continue;
    const path = [start];
    let cur = parentOf.get(start) ?? null;
    while (cur !== null && cur !== start && !path.includes(cur) && path.length <= parentOf.size) {
      path.push(cur);
      cur = parentOf.get(cur) ?? null;
    }
    if (cur === start) {
      const cycle = [...path, start].join(' → ');
      err(
        d.line,
        `Induk unit membentuk lingkaran: ${cycle}.`,
        `The parents of units form a cycle: ${cycle}.`,
      );
    }
  }

  // The same name twice under the same parent.
  const nameLine = new Map<string, number | null>();
  for (const u of units) {
    const k = `${u.parentId ?? ''}\u0000${nameKey(u.name)}`;
    if (nameLine.has(k)) {
      const where = u.parentId ? `di bawah "${u.parentId}"` : 'di tingkat teratas';
      const whereEn = u.parentId ? `under "${u.parentId}"` : 'at the top level';
      err(
        u.line,
        `Nama unit "${u.name}" sudah ada ${where} (baris ${nameLine.get(k) ?? '?'}).`,
        `Unit name "${u.name}" already exists ${whereEn} (line ${nameLine.get(k) ?? '?'}).`,
      );
    } else nameLine.set(k, u.line);
  }

  // People -------------------------------------------------------------------------------------
  const people: Person[] = [];
  const personLine = new Map<string, number | null>();
  const telegramLine = new Map<string, number | null>();
  const whatsappLine = new Map<string, number | null>();
  for (const d of drafts.people) {
    const before = errors.length;
    const pid = id(d.line, d.id);
    const name = required(d.line, d.name, 200);
    const position = required(d.line, d.position, 200);
    const unitId = required(d.line, d.unit, 64);
    if (unitId !== null && !allUnitIds.has(unitId)) {
      err(
        d.line,
        `Unit "${unitId}" tidak ada di daftar unit.`,
        `Unit "${unitId}" is not in the list of units.`,
      );
    }
    if (pid !== null && personLine.has(pid)) {
      err(
        d.line,
        `ID orang "${pid}" sudah dipakai di baris ${personLine.get(pid) ?? '?'}.`,
        `Person id "${pid}" is already used on line ${personLine.get(pid) ?? '?'}.`,
      );
    } else if (pid !== null) personLine.set(pid, d.line);

    const roles: Role[] = [];
    for (const r of d.roles.values) {
      const role = ROLES[key(r)];
      if (!role)
        err(
          d.line,
          `Peran "${r}" tidak dikenal; pilih: respondent, unit_head, coordinator, admin.`,
          `Unknown role "${r}"; choose: respondent, unit_head, coordinator, admin.`,
        );
      else if (!roles.includes(role)) roles.push(role);
    }

    let nip: string | null = null;
    if (d.nip.value) {
      nip = d.nip.value.replace(/\s+/g, '');
      if (!/^\d{18}$/.test(nip)) {
        err(
          d.line,
          `NIP "${d.nip.value}" harus 18 angka.`,
          `NIP "${d.nip.value}" must be 18 digits.`,
        );
      }
    }

    const telegram = d.telegram.value ? normaliseTelegram(d.telegram.value) : null;
    if (d.telegram.value && telegram === null) {
      err(
        d.line,
        `Telegram "${d.telegram.value}" tidak sah: tulis ID angka (mis. 123456789) atau nama pengguna (mis. @rina_setda).`,
        `Telegram "${d.telegram.value}" is not valid: write the numeric id (e.g. 123456789) or the username (e.g. @rina_setda).`,
      );
    } else if (telegram !== null) {
      const k = telegram.toLowerCase();
      if (telegramLine.has(k)) {
        err(
          d.line,
          `Telegram "${d.telegram.value}" sudah dipakai orang di baris ${telegramLine.get(k) ?? '?'}.`,
          `Telegram "${d.telegram.value}" is already used by the person on line ${telegramLine.get(k) ?? '?'}.`,
        );
      } else telegramLine.set(k, d.line);
    }

    const whatsapp = d.whatsapp.value ? normaliseWhatsapp(d.whatsapp.value) : null;
    if (d.whatsapp.value && whatsapp === null) {
      err(
        d.line,
        `Nomor WhatsApp "${d.whatsapp.value}" tidak sah: tulis mis. 081234567890 atau +62 812-3456-7890.`,
        `WhatsApp number "${d.whatsapp.value}" is not valid: write e.g. 081234567890 or +62 812-3456-7890.`,
      );
    } else if (whatsapp !== null) {
      if (whatsappLine.has(whatsapp)) {
        err(
          d.line,
          `Nomor WhatsApp "${d.whatsapp.value}" sudah dipakai orang di baris ${whatsappLine.get(whatsapp) ?? '?'}.`,
          `WhatsApp number "${d.whatsapp.value}" is already used by the person on line ${whatsappLine.get(whatsapp) ?? '?'}.`,
        );
      } else whatsappLine.set(whatsapp, d.line);
    }

    let language: Language = 'id';
    if (d.language.value) {
      const l = LANGUAGES[key(d.language.value)];
      if (!l)
        err(
          d.line,
          `Bahasa "${d.language.value}" tidak dikenal; pilih id atau en.`,
          `Unknown language "${d.language.value}"; choose id or en.`,
        );
      else language = l;
    }

    if (
      errors.length === before &&
      pid !== null &&
      name !== null &&
      position !== null &&
      unitId !== null
    ) {
      people.push({
        id: pid,
        name,
        position,
        unitId,
        roles: roles.length ? roles : ['respondent'],
        nip,
        accounts: [
          ...(telegram ? [{ platform: 'telegram' as const, id: telegram }] : []),
          ...(whatsapp ? [{ platform: 'whatsapp' as const, id: whatsapp }] : []),
        ],
        language,
      });
    }
  }

  if (errors.length > 0 || orgId === null || orgName === null)
    return { ok: false, errors: sortByLine(errors) };

  // A last guard: the model's own schema. A failure here is a bug in this validator.
  const parsed = Organisation.safeParse({
    id: orgId,
    name: orgName,
    codePrefix,
    units: units.map(({ line: _l, ...u }) => u),
    people,
  });
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((i) => ({
        line: null,
        message: schemaMessage(i.path.join('.'), i.message),
      })),
    };
  }
  return { ok: true, organisation: parsed.data };
}

function schemaMessage(path: string, reason: string): Bilingual {
  return { id: `Data tidak sah di ${path}: ${reason}.`, en: `Invalid data at ${path}: ${reason}.` };
}

/** Errors in file order (whole-file errors first), stable within a line. */
export function sortByLine(errors: ImportError[]): ImportError[] {
  return errors
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (a.e.line ?? 0) - (b.e.line ?? 0) || a.i - b.i)
    .map(({ e }) => e);
}

/** A numeric Telegram id, or a username as "@name" (5–32 letters, digits, underscores). */
export function normaliseTelegram(value: string): string | null {
  const v = value.trim();
  if (/^\d{5,15}$/.test(v)) return v;
  const m = /^@?([A-Za-z][A-Za-z0-9_]{4,31})$/.exec(v);
  return m ? `@${m[1]}` : null;
}

/** An Indonesian or international number in the model's form: digits, country code, no '+'. */
export function normaliseWhatsapp(value: string): string | null {
  let v = value.replace(/[\s\-.()]/g, '');
  if (v.startsWith('+')) v = v.slice(1);
  else if (v.startsWith('0')) v = '62' + v.slice(1);
  return /^\d{9,15}$/.test(v) ? v : null;
}
