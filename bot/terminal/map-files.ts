// Writes a process map into the data folder (PNG pages and the whole map as SVG) for the
// terminal channel to point at.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../../db/index.js';
import type { Renderer } from '../../renderers/index.js';
import { mapPictures } from '../map-pictures.js';

export function mapFilesFor(
  db: Db,
  renderer: Renderer,
  dataDir: string,
): (processId: string) => Promise<string | null> {
  return async (processId) => {
    const pics = await mapPictures(db, renderer, processId);
    if (!pics) return null;
    const dir = path.resolve(dataDir, 'maps');
    await mkdir(dir, { recursive: true });
    const base = `${pics.code}`.replace(/[^0-9A-Za-z.-]/g, '_');
    const files: string[] = [];
    for (const [i, png] of pics.pages.entries()) {
      const f = path.join(dir, pics.pages.length > 1 ? `${base}-hal${i + 1}.png` : `${base}.png`);
      await writeFile(f, png);
      files.push(f);
    }
    const svg = path.join(dir, `${base}.svg`);
    await writeFile(svg, pics.svg);
    return [...files, svg].join(', ');
  };
}
