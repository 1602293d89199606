// probis map --level0 | --relation [--process CODE] [--unit NAMA] [--out DIR]: the organisation's
// maps drawn from what is stored, written as PNG pages and one SVG each. --level0: the Level-0 map,
// or with --process the tree below that process (as /pohon). --relation: the Peta Relasi of every
// process with a flow, of one process (--process), or of one unit's processes (--unit).
// Unlike probis level0/tree/ledger it does not run a chat command as a person: like probis export,
// it is for whoever holds the data folder.
import { findUnitByName } from '../../core/coordination/unit-detail.js';
import { bilingual as b } from '../../core/language/bilingual.js';
import type { Db } from '../../db/index.js';
import type { PictureResult, Renderer } from '../../renderers/index.js';
import {
  type Stored,
  loadStored,
  processByCode,
  safeName,
  withFlow,
  writePicture,
  writtenText,
} from './drawings.js';
import { UserError } from './exchange.js';

export type MapRun = {
  level0?: boolean | undefined;
  relation?: boolean | undefined;
  process?: string | undefined;
  unit?: string | undefined;
  org?: string | undefined;
  out?: string | undefined;
  /** Where files go when --out is not given (the data folder's maps/). */
  defaultDir: string;
};

const USAGE = b(
  'Pilih satu peta: probis map --level0 (Peta Proses Level 0; --process 03: pohon di bawah 03) atau probis map --relation (Peta Relasi antarproses; --process 03.01 atau --unit "Bagian Umum")',
  'choose one map: --level0 or --relation.',
);

type Drawing = { base: string; draw: (r: Renderer) => Promise<PictureResult> };

/** Exactly one of --level0 and --relation; checked before the database is opened. */
export function checkMapChoice(o: Pick<MapRun, 'level0' | 'relation'>): void {
  if (!!o.level0 === !!o.relation) throw new UserError(USAGE);
}

export async function runMap(
  db: Db,
  renderer: Renderer,
  o: MapRun,
  write: (s: string) => void,
): Promise<void> {
  checkMapChoice(o);
  const stored = await loadStored(db, o.org);
  const drawing = o.level0 ? level0(stored, o) : relation(stored, o);
  const picture = await drawing.draw(renderer);
  const files = await writePicture(o.out ?? o.defaultDir, drawing.base, picture);
  write(writtenText(files) + '\n');
}

function level0(stored: Stored, o: MapRun): Drawing {
  const { org, processes } = stored;
  if (o.unit)
    throw new UserError(
      b(
        `--unit dipakai dengan --relation. Peta Level 0 mencakup seluruh instansi; pohon satu proses: probis map --level0 --process 03`,
        '--unit goes with --relation; Level 0 covers the whole organisation.',
      ),
    );
  if (!processes.length)
    throw new UserError(
      b(
        `${org.name} belum punya proses. Usulan Level 0 dari inventaris unit: probis level0 --propose`,
        'no process yet.',
      ),
    );
  if (o.process) {
    const p = processByCode(stored, o.process, (c) => `probis map --level0 --process ${c}`);
    return {
      base: `pohon-${safeName(p.code)}`,
      draw: (r) => r.level0Png(processes, org, { treeOf: p.id }),
    };
  }
  return { base: `level0-${safeName(org.id)}`, draw: (r) => r.level0Png(processes, org) };
}

function relation(stored: Stored, o: MapRun): Drawing {
  const { org, processes } = stored;
  const drawn = withFlow(processes);
  const codes = drawn.map((p) => p.code);
  const noFlow = (what: string) =>
    new UserError(
      b(
        `${what} belum punya alur langkah; Peta Relasi digambar dari alur. ${codes.length ? `Yang sudah: ${codes.join(', ')}. Contoh: probis map --relation --process ${codes[0]}` : 'Petakan dulu lewat obrolan (probis chat).'}`,
        `${what}: no flow yet; the relation map is drawn from flows.`,
      ),
    );
  if (o.process && o.unit)
    throw new UserError(
      b(
        'Pilih salah satu: --process KODE (satu proses) atau --unit NAMA (proses-proses satu unit)',
        'use either --process or --unit.',
      ),
    );
  if (o.process) {
    const p = processByCode(
      stored,
      o.process,
      (c) => `probis map --relation --process ${c}`,
      drawn,
    );
    if (!p.flow) throw noFlow(`Proses ${p.code} "${p.name}"`);
    return { base: `relasi-${safeName(p.code)}`, draw: (r) => r.relationPng(p, org) };
  }
  if (o.unit) {
    const units = findUnitByName(org, o.unit);
    const example = org.units.find((u) => processes.some((p) => p.ownerUnitId === u.id))?.name;
    if (units.length !== 1)
      throw new UserError(
        b(
          units.length
            ? `Ada beberapa unit yang cocok dengan "${o.unit}": ${units.map((u) => u.name).join('; ')}. Tulis lebih lengkap.`
            : `Unit "${o.unit}" tidak ditemukan.${example ? ` Contoh: probis map --relation --unit "${example}"` : ''}`,
          units.length ? 'several units match; write it in full.' : `no unit "${o.unit}".`,
        ),
      );
    const unit = units[0]!;
    const owned = drawn.filter((p) => p.ownerUnitId === unit.id);
    if (!owned.length) throw noFlow(`Proses-proses ${unit.name}`);
    return { base: `relasi-${safeName(unit.id)}`, draw: (r) => r.relationPng(owned, org) };
  }
  if (!drawn.length) throw noFlow(`Proses-proses ${org.name}`);
  return { base: `relasi-proses-${safeName(org.id)}`, draw: (r) => r.relationPng(drawn, org) };
}
