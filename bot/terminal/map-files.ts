// Writes a map's stored pictures into the data folder (PNG pages and the whole map as SVG) for
// the terminal channel to point at. Nothing is rendered here: the render job stored them.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { MapPictures } from '../map-pictures.js';

/** Writes the pictures' files and returns their paths, joined by ", ". */
export type MapFiles = (pictures: MapPictures) => Promise<string>;

export function mapFilesIn(dataDir: string): MapFiles {
  return async (pics) => {
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
