// YAML: the unit tree written as a tree, people under their unit. See FORMAT.md.
// Parsed with the failsafe schema so every value stays text: a NIP or a WhatsApp number such as
// 081234567890 must not become a number and lose digits.
import { LineCounter, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { Node, YAMLMap } from 'yaml';
import type { Bilingual } from '../language/bilingual.js';
import { normaliseWhitespace, stripInvisible } from '../language/text.js';
import type { Drafts, Field, ImportError, PersonDraft, UnitDraft } from './types.js';

const TOP_KEYS = ['organisation', 'units'];
const ORG_KEYS = ['id', 'name', 'codePrefix'];
const UNIT_KEYS = ['id', 'name', 'kind', 'shortName', 'units', 'people'];
const PERSON_KEYS = ['id', 'name', 'position', 'roles', 'nip', 'telegram', 'whatsapp', 'language'];

/** `fatal` is set when the text is not YAML or not shaped like the format at all. */
export function parseYaml(text: string): { drafts: Drafts; errors: ImportError[]; fatal: boolean } {
  const drafts: Drafts = { orgs: [], units: [], people: [] };
  const errors: ImportError[] = [];
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { schema: 'failsafe', lineCounter, uniqueKeys: true });
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      const reason = e.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? e.code;
      const line = e.linePos?.[0].line ?? null;
      if (e.code === 'DUPLICATE_KEY') {
        errors.push({
          line,
          message: {
            id: 'YAML tidak bisa dibaca: kunci yang sama muncul dua kali di satu bagian.',
            en: 'The YAML cannot be read: the same key appears twice in one section.',
          },
        });
      } else if (e.code === 'TAB_AS_INDENT') {
        errors.push({
          line,
          message: {
            id: 'YAML tidak bisa dibaca: indentasi memakai tab; gunakan spasi.',
            en: 'The YAML cannot be read: indentation uses tabs; use spaces.',
          },
        });
      } else {
        errors.push({
          line,
          message: {
            id: `YAML tidak bisa dibaca (${reason}). Periksa indentasi dan tanda titik dua di sekitar baris ini.`,
            en: `The YAML cannot be read (${reason}). Check the indentation and the colons around this line.`,
          },
        });
      }
    }
    return { drafts, errors, fatal: true };
  }

  const lineOf = (node: unknown): number | null => {
    const range = (node as Node | null | undefined)?.range;
    return range ? lineCounter.linePos(range[0]).line : null;
  };
  const fail = (node: unknown, id: string, en: string) =>
    errors.push({ line: lineOf(node), message: { id, en } });

  const checkKeys = (map: YAMLMap, allowed: string[], where: Bilingual) => {
    for (const pair of map.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (!allowed.includes(key)) {
        fail(
          pair.key,
          `Kunci "${key}" tidak dikenal di ${where.id}; yang dipakai: ${allowed.join(', ')}.`,
          `Unknown key "${key}" in ${where.en}; known keys: ${allowed.join(', ')}.`,
        );
      }
    }
  };

  const text1 = (map: YAMLMap, key: string): Field => {
    const node = map.get(key, true) as unknown;
    if (node === undefined || node === null) return { value: '', label: key };
    if (isScalar(node))
      return { value: normaliseWhitespace(stripInvisible(String(node.value ?? ''))), label: key };
    fail(
      node,
      `"${key}" harus berisi teks, bukan daftar atau tabel.`,
      `"${key}" must be text, not a list or a mapping.`,
    );
    return { value: '', label: key };
  };

  const root = doc.contents;
  if (!isMap(root)) {
    fail(
      root,
      'Berkas YAML harus berisi "organisation:" dan "units:".',
      'The YAML file must contain "organisation:" and "units:".',
    );
    return { drafts, errors, fatal: true };
  }
  checkKeys(root, TOP_KEYS, { id: 'tingkat teratas', en: 'the top level' });

  const org = root.get('organisation', true) as unknown;
  if (isMap(org)) {
    checkKeys(org, ORG_KEYS, { id: '"organisation"', en: '"organisation"' });
    drafts.orgs.push({
      line: lineOf(org),
      id: text1(org, 'id'),
      name: text1(org, 'name'),
      codePrefix: text1(org, 'codePrefix'),
    });
  } else if (org !== undefined) {
    fail(
      org,
      '"organisation" harus berisi id dan name.',
      '"organisation" must contain id and name.',
    );
  }

  const walkUnits = (seqNode: unknown, parent: string) => {
    if (seqNode === undefined || seqNode === null) return;
    if (!isSeq(seqNode)) {
      fail(
        seqNode,
        '"units" harus berupa daftar (baris diawali "- ").',
        '"units" must be a list (lines starting with "- ").',
      );
      return;
    }
    for (const item of seqNode.items) {
      if (!isMap(item)) {
        fail(
          item,
          'Setiap unit harus berisi id, name dan kind.',
          'Each unit must contain id, name and kind.',
        );
        continue;
      }
      checkKeys(item, UNIT_KEYS, { id: 'unit', en: 'a unit' });
      const unit: UnitDraft = {
        line: lineOf(item),
        id: text1(item, 'id'),
        name: text1(item, 'name'),
        kind: text1(item, 'kind'),
        parent: { value: parent, label: 'parent' },
        shortName: text1(item, 'shortName'),
      };
      drafts.units.push(unit);
      walkPeople(item.get('people', true) as unknown, unit.id.value);
      walkUnits(item.get('units', true) as unknown, unit.id.value);
    }
  };

  const walkPeople = (seqNode: unknown, unitId: string) => {
    if (seqNode === undefined || seqNode === null) return;
    if (!isSeq(seqNode)) {
      fail(
        seqNode,
        '"people" harus berupa daftar (baris diawali "- ").',
        '"people" must be a list (lines starting with "- ").',
      );
      return;
    }
    for (const item of seqNode.items) {
      if (!isMap(item)) {
        fail(
          item,
          'Setiap orang harus berisi id, name dan position.',
          'Each person must contain id, name and position.',
        );
        continue;
      }
      checkKeys(item, PERSON_KEYS, { id: 'orang', en: 'a person' });
      const rolesNode = item.get('roles', true) as unknown;
      let roles: string[] = [];
      if (isSeq(rolesNode))
        roles = rolesNode.items
          .map((r) => (isScalar(r) ? String(r.value ?? '').trim() : ''))
          .filter(Boolean);
      else if (isScalar(rolesNode))
        roles = String(rolesNode.value ?? '')
          .split(/[|,;/\s]+/)
          .filter(Boolean);
      const person: PersonDraft = {
        line: lineOf(item),
        id: text1(item, 'id'),
        name: text1(item, 'name'),
        position: text1(item, 'position'),
        unit: { value: unitId, label: 'unit' },
        roles: { values: roles, label: 'roles' },
        nip: text1(item, 'nip'),
        telegram: text1(item, 'telegram'),
        whatsapp: text1(item, 'whatsapp'),
        language: text1(item, 'language'),
      };
      drafts.people.push(person);
    }
  };

  walkUnits(root.get('units', true) as unknown, '');
  return { drafts, errors, fatal: false };
}
