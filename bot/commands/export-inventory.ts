// probis export --format inventory-xlsx [--org ID] [--out FILE|DIR]: the organisation's process
// inventory (Daftar Proses Bisnis) with the ratification evidence, as the chat's /inventaris sends
// it: daftar-proses-<org>.xlsx.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { bilingual as b } from '../../core/language/bilingual.js';
import type { Db } from '../../db/index.js';
import { inventoryFileName, loadInventoryWorkbook } from '../delivery/files/inventory.js';
import { inventoryXlsx } from '../../renderers/documents/inventory-xlsx.js';
import { writtenText } from './drawings.js';
import { UserError, resolveOrganisationId } from './exchange.js';

export type InventoryExport = {
  org?: string | undefined;
  process?: string | undefined;
  out?: string | undefined;
  /** Where the file goes when --out is not given (the data folder's exports/). */
  defaultDir: string;
};

export async function runInventoryExport(
  db: Db,
  o: InventoryExport,
  write: (s: string) => void,
): Promise<void> {
  if (o.process)
    throw new UserError(
      b(
        'Daftar proses memuat seluruh instansi; --process tidak dipakai di sini. Contoh: probis export --format inventory-xlsx --out daftar-proses.xlsx',
        '--format inventory-xlsx lists the whole organisation; --process is not used.',
      ),
    );
  const id = await resolveOrganisationId(db, o.org);
  const workbook = await loadInventoryWorkbook(db, id);
  if (!workbook) throw new UserError(b(`Instansi "${id}" tidak ada`, `no organisation "${id}".`));
  if (!workbook.rows.length)
    throw new UserError(
      b(
        `${workbook.organisation.name} belum punya proses untuk didaftar; susun dulu lewat obrolan (probis chat, /level0 atau /kampanye)`,
        'the organisation has no process yet: list them in the chat first.',
      ),
    );
  const file =
    o.out && /\.xlsx$/i.test(o.out)
      ? o.out
      : path.join(o.out ?? o.defaultDir, inventoryFileName(id));
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, await inventoryXlsx(workbook));
  write(writtenText([file]) + '\n');
}
