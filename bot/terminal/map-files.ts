// Writes a map's stored pictures (PNG pages and the whole map as SVG), and the files made for a
// chat (a process's BPMN), into the data folder for the terminal channel to point at. Nothing is
// rendered here: the jobs stored them.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ChatFile } from '../delivery/file-sources.js';
import type { MapPictures } from '../map-pictures.js';

export type MapFiles = {
  /** Writes the pictures' files and returns their paths, joined by ", ". */
  (pictures: MapPictures): Promise<string>;
  /** Writes a file made for the chat under its own name and returns its path. */
  file(f: ChatFile): Promise<string>;
};

export function mapFilesIn(dataDir: string): MapFiles {
  const dir = path.resolve(dataDir, 'maps');
  const pictures = async (pics: MapPictures) => {
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
  return Object.assign(pictures, {
    async file(f: ChatFile) {
      await mkdir(dir, { recursive: true });
      // The name is ours (file-sources.ts), but never a path out of the folder.
      const target = path.join(dir, path.basename(f.name).replace(/[^0-9A-Za-z._-]/g, '_'));
      await writeFile(target, f.bytes);
      return target;
    },
  });
}
