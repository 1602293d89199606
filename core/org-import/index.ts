// Import of the organisation (units, outside parties, people) from a file a Bagian Organisasi
// clerk fills in. Pure: bytes in, an Organisation or every problem with its line out.
// The formats are documented in FORMAT.md.
import { parseCsv } from './csv.js';
import { decodeText } from './decode.js';
import type { ImportResult } from './types.js';
import { sortByLine, validate } from './validate.js';
import { parseYaml } from './yaml.js';

export type { ImportError, ImportResult } from './types.js';
export { formatOrganisationTree } from './tree.js';
export { normaliseTelegram, normaliseWhatsapp } from './validate.js';

export function parseOrganisationFile(input: {
  fileName: string;
  bytes: Uint8Array;
}): ImportResult {
  const ext = /\.([A-Za-z0-9]+)$/.exec(input.fileName.trim())?.[1]?.toLowerCase() ?? '';
  const format =
    ext === 'csv' || ext === 'tsv' || ext === 'txt'
      ? 'csv'
      : ext === 'yaml' || ext === 'yml'
        ? 'yaml'
        : null;
  if (format === null) {
    return {
      ok: false,
      errors: [
        {
          line: null,
          message: {
            id: `Jenis berkas "${input.fileName}" tidak dikenal: kirim berkas .csv (dari Excel: Simpan Sebagai → CSV UTF-8) atau .yaml.`,
            en: `Unknown file type "${input.fileName}": send a .csv file (from Excel: Save As → CSV UTF-8) or a .yaml file.`,
          },
        },
      ],
    };
  }
  const decoded = decodeText(input.bytes);
  if (!decoded.ok) return { ok: false, errors: [decoded.error] };
  if (decoded.text.replace(/[\s,;]/g, '') === '') {
    return {
      ok: false,
      errors: [{ line: null, message: { id: 'Berkas kosong.', en: 'The file is empty.' } }],
    };
  }
  const parsed = format === 'csv' ? parseCsv(decoded.text) : parseYaml(decoded.text);
  if (parsed.fatal) return { ok: false, errors: parsed.errors };
  const result = validate(parsed.drafts);
  if (parsed.errors.length === 0) return result;
  return { ok: false, errors: sortByLine([...parsed.errors, ...(result.ok ? [] : result.errors)]) };
}
