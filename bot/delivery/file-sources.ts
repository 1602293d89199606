// The files a chat is sent, made from a process when they are sent: what each is made from, the
// content key it is stored under (the same process gives the same key, so a file asked by many
// is made once), its name and how it is made. Channels never make them: a job does (render-file).
import type { Outbound } from '../../core/interview/index.js';
import type { Db } from '../../db/index.js';
import { bilingual } from '../../core/language/bilingual.js';
import { renderKey } from '../../renderers/cache.js';
import type { Renderer } from '../../renderers/index.js';
import { loadMapSource } from '../map-pictures.js';

/** A file as a chat receives it. */
export type ChatFile = { name: string; bytes: Uint8Array };

/** What a file message asks for. */
export type FileRequest = Pick<Extract<Outbound, { kind: 'file' }>, 'what' | 'processId'>;

export type FileSource = {
  /** The content key the file is stored under (one part). */
  key: string;
  /** The file's name as the person sees it: "peta-03.01.bpmn". */
  name: string;
  make(renderer: Renderer): Promise<Uint8Array>;
};

/** What the file is made from, or null when there is nothing to make it of (no flow). */
export async function loadFileSource(db: Db, req: FileRequest): Promise<FileSource | null> {
  const source = await loadMapSource(db, req.processId);
  if (!source) return null;
  const { process, org } = source;
  return {
    // The whole process and the names of the units: a file is cheap to make again when
    // anything else about the process changed.
    key: renderKey(`file:${req.what}`, { process, org: org.name, units: org.units }),
    name: fileName(process.code, req.what),
    make: async (r) => new TextEncoder().encode(await r.bpmnXml(process, org)),
  };
}

/** "peta-03.01.bpmn": the process's code, safe in a file name on every platform. */
export function fileName(code: string, what: FileRequest['what']): string {
  return `peta-${code.replace(/[^0-9A-Za-z.-]/g, '_')}.${what}`;
}

/** Said instead of a file that cannot be made or sent (after the file message's caption). */
export const FILE_UNAVAILABLE = bilingual(
  'Berkas ini belum dapat dibuat atau dikirim. Coba lagi nanti dengan /bpmn.',
  'This file could not be made or sent. Try /bpmn again later.',
);
