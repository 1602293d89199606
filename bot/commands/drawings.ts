// What probis export and probis map share: the organisation and its processes as stored, a
// process picked by its code (a wrong code answered with the codes that exist), and pictures
// written to files whose paths are printed.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { bilingual as b } from '../../core/language/bilingual.js';
import type { Organisation, Process } from '../../core/model/index.js';
import { type Db, listProcesses, loadOrganisation } from '../../db/index.js';
import type { PictureResult } from '../../renderers/index.js';
import { UserError, resolveOrganisationId } from './exchange.js';

export type Stored = { org: Organisation; processes: Process[] };

export async function loadStored(db: Db, wantedOrg: string | undefined): Promise<Stored> {
  const id = await resolveOrganisationId(db, wantedOrg);
  const org = await loadOrganisation(db, id);
  if (!org) throw new UserError(b(`Instansi "${id}" tidak ada`, `no organisation "${id}".`));
  const processes = await listProcesses(db, { organisationId: id });
  return { org, processes };
}

/** Codes in their natural order: 03, 03.01, 03.02, 10. */
export function byCode(a: Process, z: Process): number {
  const pa = a.code.split('.').map(Number);
  const pz = z.code.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pz.length); i++) {
    const d = (pa[i] ?? -1) - (pz[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

export function withFlow(processes: Process[]): Process[] {
  return processes.filter((p) => p.flow).sort(byCode);
}

/**
 * The process with this code ("03.01", or with the organisation's prefix "SETDA.03.01"). A wrong
 * code is answered with the codes that exist, as an example of a right command.
 */
export function processByCode(
  stored: Stored,
  code: string,
  command: (code: string) => string,
  /** The processes a right answer would name (those with a flow, for a map); default: all. */
  examples: Process[] = stored.processes,
): Process {
  const prefix = stored.org.codePrefix ? `${stored.org.codePrefix}.` : null;
  const bare =
    prefix && code.toUpperCase().startsWith(prefix.toUpperCase())
      ? code.slice(prefix.length)
      : code;
  const found = stored.processes.find((p) => p.code === bare);
  if (found) return found;
  const codes = [...stored.processes].sort(byCode).map((p) => `${p.code} ${p.name}`);
  if (!codes.length)
    throw new UserError(
      b(
        `Tidak ada proses dengan kode ${code}: ${stored.org.name} belum punya proses`,
        `no process ${code}: the organisation has no process yet.`,
      ),
    );
  const first = [...(examples.length ? examples : stored.processes)].sort(byCode)[0]!.code;
  throw new UserError(
    b(
      `Tidak ada proses dengan kode ${code}. Contoh: ${command(first)}. Kode yang ada:\n  ${codes.slice(0, 30).join('\n  ')}${codes.length > 30 ? `\n  +${codes.length - 30} lainnya` : ''}`,
      `no process with code ${code}; the codes are listed above.`,
    ),
  );
}

/** A file name part from a code or id: "03.01" stays, anything else becomes "_". */
export function safeName(s: string): string {
  return s.replace(/[^0-9A-Za-z.-]/g, '_');
}

/**
 * Writes a picture as PNG pages (`base-1.png`, `base-2.png`, …: numbered even when there is one,
 * so a script finds page 1 under one name) and the whole of it as `base.svg`. Returns the paths,
 * pages first.
 */
export async function writePicture(
  dir: string,
  base: string,
  picture: Pick<PictureResult, 'pages' | 'svg'>,
  o: { svg?: boolean; png?: boolean } = {},
): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const files: string[] = [];
  if (o.png ?? true)
    for (const [i, page] of picture.pages.entries()) {
      const f = path.join(dir, `${base}-${i + 1}.png`);
      await writeFile(f, page);
      files.push(f);
    }
  if (o.svg ?? true) {
    const f = path.join(dir, `${base}.svg`);
    await writeFile(f, picture.svg);
    files.push(f);
  }
  return files;
}

/** "3 berkas ditulis / 3 files written:" and one path a line. */
export function writtenText(files: string[]): string {
  return [
    `${files.length} berkas ditulis / ${files.length} file(s) written:`,
    ...files.map((f) => `  ${f}`),
  ].join('\n');
}
