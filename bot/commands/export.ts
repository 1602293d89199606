// probis export --format json|bpmn|svg|png [--process CODE] [--org ID] [--out FILE|DIR]: the
// exchange document (json), or a process's map as BPMN XML, as one SVG, or as PNG pages, for one
// process or for every process with a flow. The renderer is the caller's; it closes it.
import { writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { bilingual as b } from '../../core/language/bilingual.js';
import type { Process } from '../../core/model/index.js';
import type { Db } from '../../db/index.js';
import type { Renderer } from '../../renderers/index.js';
import {
  type Stored,
  loadStored,
  processByCode,
  safeName,
  withFlow,
  writePicture,
  writtenText,
} from './drawings.js';
import { UserError, runExport as runJsonExport } from './exchange.js';
import { runAnnexExport } from './export-annex.js';
import { runInventoryExport } from './export-inventory.js';
import { runSopExport } from './export-sop.js';

export const ExportFormat = z.enum([
  'json',
  'bpmn',
  'svg',
  'png',
  'sop-pdf',
  'sop-docx',
  'inventory-xlsx',
  'annex-pdf',
  'decree-docx',
]);
export type ExportFormat = z.infer<typeof ExportFormat>;

/** What one file of a single-file format ends with, when --out names a file rather than a folder. */
const FILE_ENDINGS: Record<'bpmn' | 'svg', RegExp> = { bpmn: /\.(bpmn|xml)$/i, svg: /\.svg$/i };

export type ExportRun = {
  format: string;
  org?: string | undefined;
  process?: string | undefined;
  out?: string | undefined;
  /** a4 (default) or f4: the paper of the SOP, the annex and the decree. */
  paper?: string | undefined;
  /** Where files go when --out is not given (the data folder's exports/). */
  defaultDir: string;
};

/** "json, bpmn, svg atau png": every format, in the reader's word for "or". */
function listed(or: string): string {
  const all = ExportFormat.options;
  return `${all.slice(0, -1).join(', ')} ${or} ${all.at(-1)}`;
}

export function parseExportFormat(raw: string): ExportFormat {
  const r = ExportFormat.safeParse(raw.trim().toLowerCase());
  if (r.success) return r.data;
  throw new UserError(
    b(
      `Format "${raw}" tidak dikenal; pilih ${listed('atau')}. Contoh: probis export --format bpmn --process 01.02`,
      `unknown format; use ${listed('or')}.`,
    ),
  );
}

export async function runExportCommand(
  db: Db,
  renderer: Renderer,
  o: ExportRun,
  write: (s: string) => void,
): Promise<void> {
  const format = parseExportFormat(o.format);
  if (format === 'sop-pdf' || format === 'sop-docx')
    return runSopExport(db, { ...o, format }, write);
  if (format === 'inventory-xlsx') return runInventoryExport(db, o, write);
  if (format === 'annex-pdf' || format === 'decree-docx')
    return runAnnexExport(db, renderer, { ...o, format }, write);
  if (format === 'json') {
    if (o.process)
      throw new UserError(
        b(
          'Format json mengekspor seluruh instansi; --process dipakai untuk bpmn, svg atau png. Contoh: probis export --format bpmn --process 01.02',
          '--format json exports the whole organisation; --process is for bpmn, svg or png.',
        ),
      );
    await runJsonExport(
      db,
      { format, ...(o.org ? { org: o.org } : {}), ...(o.out ? { out: o.out } : {}) },
      write,
    );
    return;
  }
  const stored = await loadStored(db, o.org);
  const command = (code: string) => `probis export --format ${format} --process ${code}`;
  const drawn = withFlow(stored.processes);
  const chosen = o.process ? [processByCode(stored, o.process, command, drawn)] : drawn;
  const codesWithFlow = drawn.map((p) => p.code);
  const noFlow = chosen.find((p) => !p.flow);
  if (noFlow)
    throw new UserError(
      b(
        `Proses ${noFlow.code} "${noFlow.name}" belum punya alur langkah, jadi belum ada peta. ${codesWithFlow.length ? `Yang sudah: ${codesWithFlow.join(', ')}. Contoh: ${command(codesWithFlow[0]!)}` : 'Petakan dulu lewat obrolan (probis chat).'}`,
        `process ${noFlow.code} has no flow yet, so no map.`,
      ),
    );
  if (!chosen.length)
    throw new UserError(
      b(
        `${stored.org.name} belum punya proses dengan alur langkah; petakan dulu lewat obrolan (probis chat)`,
        'no process has a flow yet: map one in the chat first.',
      ),
    );

  const target = outTarget(format, o, chosen.length === 1 && !!o.process);
  const files: string[] = [];
  for (const p of chosen) files.push(...(await exportOne(renderer, stored, p, format, target)));
  write(writtenText(files) + '\n');
}

type Target = { dir: string; file: string | null };

/** A folder, or for one process's BPMN or SVG, a file when --out ends like one. */
function outTarget(format: 'bpmn' | 'svg' | 'png', o: ExportRun, single: boolean): Target {
  if (!o.out) return { dir: o.defaultDir, file: null };
  const endsLikeFile = /\.(png|svg|bpmn|xml|json)$/i.test(o.out);
  if (format !== 'png' && single && FILE_ENDINGS[format].test(o.out))
    return { dir: path.dirname(o.out), file: o.out };
  if (endsLikeFile)
    throw new UserError(
      b(
        format === 'png'
          ? `--out untuk png adalah folder (halaman-halamannya ditulis ke sana), bukan "${o.out}". Contoh: --out hasil/peta`
          : `Tanpa --process, --out adalah folder (satu berkas per proses), bukan "${o.out}". Contoh: --out hasil/peta`,
        '--out names a folder here.',
      ),
    );
  return { dir: o.out, file: null };
}

async function exportOne(
  renderer: Renderer,
  { org }: Stored,
  p: Process,
  format: 'bpmn' | 'svg' | 'png',
  target: Target,
): Promise<string[]> {
  const base = `peta-${safeName(p.code)}`;
  switch (format) {
    case 'bpmn': {
      const f = target.file ?? path.join(target.dir, `${base}.bpmn`);
      await mkdir(path.dirname(f), { recursive: true });
      await writeFile(f, await renderer.bpmnXml(p, org));
      return [f];
    }
    case 'svg': {
      const { svg } = await renderer.crossFunctionalSvg(p, org);
      const f = target.file ?? path.join(target.dir, `${base}.svg`);
      await mkdir(path.dirname(f), { recursive: true });
      await writeFile(f, svg);
      return [f];
    }
    case 'png': {
      const picture = await renderer.crossFunctionalPng(p, org);
      return writePicture(target.dir, base, picture, { svg: false });
    }
  }
}
