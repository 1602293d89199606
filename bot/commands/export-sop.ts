// probis export --format sop-pdf|sop-docx [--process CODE] [--paper a4|f4] [--out FILE|DIR]: the
// SOP AP of one process, or of every process with a flow, as sop-<code>.pdf or .docx. Made from
// what is stored, as the chat's file: the map, the SOP details, the processes for Keterkaitan.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { jakartaDate } from '../../core/coordination/calendar.js';
import { bilingual as b } from '../../core/language/bilingual.js';
import { Paper, emptySopDetails } from '../../core/sop/details.js';
import { type Db, listSopDetails } from '../../db/index.js';
import { makeSop } from '../delivery/files/sop.js';
import { processFileName } from '../delivery/files/source.js';
import { loadStored, processByCode, withFlow, writtenText } from './drawings.js';
import { UserError } from './exchange.js';

export type SopExportRun = {
  format: 'sop-pdf' | 'sop-docx';
  org?: string | undefined;
  process?: string | undefined;
  paper?: string | undefined;
  out?: string | undefined;
  defaultDir: string;
};

export function parsePaper(raw: string | undefined): Paper {
  if (raw === undefined) return 'a4';
  const r = Paper.safeParse(raw.trim().toLowerCase());
  if (r.success) return r.data;
  throw new UserError(
    b(
      `Kertas "${raw}" tidak dikenal; pilih a4 atau f4 (folio). Contoh: probis export --format sop-pdf --process 03.01 --paper f4`,
      'unknown paper; use a4 or f4.',
    ),
  );
}

export async function runSopExport(
  db: Db,
  o: SopExportRun,
  write: (s: string) => void,
  now = new Date(),
): Promise<void> {
  const paper = parsePaper(o.paper);
  if (o.format === 'sop-docx' && o.paper !== undefined)
    throw new UserError(
      b(
        'DOCX mengikuti kertas pengguna di Word atau LibreOffice; --paper dipakai untuk sop-pdf. Contoh: probis export --format sop-pdf --process 03.01 --paper f4',
        '--paper is for sop-pdf.',
      ),
    );
  const stored = await loadStored(db, o.org);
  const command = (code: string) => `probis export --format ${o.format} --process ${code}`;
  const drawn = withFlow(stored.processes);
  const chosen = o.process ? [processByCode(stored, o.process, command, drawn)] : drawn;
  const missing = chosen.find((p) => !p.flow);
  if (missing || !chosen.length)
    throw new UserError(
      b(
        missing
          ? `Proses ${missing.code} "${missing.name}" belum punya alur langkah, jadi belum ada SOP-nya.${drawn[0] ? ` Contoh: ${command(drawn[0].code)}` : ''}`
          : `${stored.org.name} belum punya proses dengan alur langkah; petakan dulu lewat obrolan (probis chat)`,
        'no flow yet, so no SOP.',
      ),
    );
  const ending = o.format === 'sop-pdf' ? 'pdf' : 'docx';
  const single = chosen.length === 1 && !!o.process;
  const asFile = !!o.out && single && new RegExp(`\\.${ending}$`, 'i').test(o.out);
  if (o.out && !asFile && /\.(pdf|docx)$/i.test(o.out))
    throw new UserError(
      b(
        single
          ? `--out "${o.out}" tidak cocok dengan format ${o.format}; tulis misalnya --out sop-03.01.${ending}`
          : `Tanpa --process, --out adalah folder (satu berkas per proses), bukan "${o.out}". Contoh: --out hasil/sop`,
        '--out names a folder here, or a file of the right ending.',
      ),
    );
  const dir = asFile ? path.dirname(o.out!) : (o.out ?? o.defaultDir);
  await mkdir(dir, { recursive: true });
  const details = await listSopDetails(db, { organisationId: stored.org.id });
  const today = jakartaDate(now.toISOString());
  const files: string[] = [];
  for (const process of chosen) {
    const input = {
      process,
      org: stored.org,
      details: details.get(process.id) ?? emptySopDetails(process.id),
      processes: stored.processes,
      today,
    };
    const file = asFile ? o.out! : path.join(dir, processFileName('sop', process.code, ending));
    await writeFile(file, await makeSop(input, o.format, paper));
    files.push(file);
  }
  write(writtenText(files) + '\n');
}
