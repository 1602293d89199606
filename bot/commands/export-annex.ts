// probis export --format annex-pdf|decree-docx [--org ID] [--out FILE|DIR] [--paper a4|f4]: the
// decree's annex (lampiran-<org>.pdf) or its draft (rancangan-keputusan-<org>.docx), as the chat's
// /lampiran sends them. The annex streams to the file page by page.
import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { bilingual as b } from '../../core/language/bilingual.js';
import type { Db } from '../../db/index.js';
import type { Renderer } from '../../renderers/index.js';
import { writeAnnexPdf } from '../../renderers/documents/annex-pdf.js';
import { decreeDocx } from '../../renderers/documents/decree-docx.js';
import {
  annexFileName,
  decreeFileName,
  decreeModel,
  loadAnnexModel,
} from '../delivery/files/annex.js';
import { writtenText } from './drawings.js';
import { UserError, resolveOrganisationId } from './exchange.js';

export type AnnexExport = {
  format: 'annex-pdf' | 'decree-docx';
  org?: string | undefined;
  process?: string | undefined;
  out?: string | undefined;
  paper?: string | undefined;
  defaultDir: string;
};

export async function runAnnexExport(
  db: Db,
  renderer: Renderer,
  o: AnnexExport,
  write: (s: string) => void,
): Promise<void> {
  const example = `probis export --format ${o.format} --out ${o.format === 'annex-pdf' ? 'lampiran.pdf' : 'rancangan.docx'}`;
  if (o.process)
    throw new UserError(
      b(
        `Lampiran dan rancangan keputusan memuat seluruh instansi; --process tidak dipakai di sini. Contoh: ${example}`,
        `--format ${o.format} covers the whole organisation; --process is not used.`,
      ),
    );
  const paper = (o.paper ?? 'a4').trim().toLowerCase();
  if (paper !== 'a4' && paper !== 'f4')
    throw new UserError(
      b(
        `Kertas "${o.paper}" tidak dikenal; pilih a4 atau f4. Contoh: ${example} --paper f4`,
        'unknown paper; use a4 or f4.',
      ),
    );
  const id = await resolveOrganisationId(db, o.org);
  const model = await loadAnnexModel(db, id, paper);
  if (!model) throw new UserError(b(`Instansi "${id}" tidak ada`, `no organisation "${id}".`));
  if (!model.mapped.length)
    throw new UserError(
      b(
        `${model.organisation.name} belum punya proses yang divalidasi, jadi belum ada peta untuk lampiran. Validasi dulu di obrolan, misalnya /validasi ${model.rows.find((r) => r.level > 0)?.code ?? '01.02'}`,
        'no process is validated yet: validate one in the chat first (/validasi CODE).',
      ),
    );
  const ending = o.format === 'annex-pdf' ? /\.pdf$/i : /\.docx$/i;
  const name = o.format === 'annex-pdf' ? annexFileName(id) : decreeFileName(id);
  const file = o.out && ending.test(o.out) ? o.out : path.join(o.out ?? o.defaultDir, name);
  await mkdir(path.dirname(file), { recursive: true });
  if (o.format === 'decree-docx') await writeFile(file, await decreeDocx(decreeModel(model)));
  else {
    const out = createWriteStream(file);
    const closed = new Promise<void>((resolve, reject) => {
      out.on('close', resolve);
      out.on('error', reject);
    });
    await writeAnnexPdf(model, renderer, (c) => out.write(c));
    out.end();
    await closed;
  }
  write(writtenText([file]) + '\n');
}
