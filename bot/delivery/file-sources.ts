// The files a chat is sent, made when they are sent: what each is made from, the content key it
// is stored under (the same content gives the same key, so a file asked by many is made once),
// its name and how it is made. Channels never make them: a job does (render-file). Each kind of
// file is one module of files/ and one entry of FILE_SOURCES.
import type { FileWhat } from '../../core/interview/index.js';
import type { Db } from '../../db/index.js';
import { type Bilingual, bilingual } from '../../core/language/bilingual.js';
import { annexFile, decreeFile } from './files/annex.js';
import { bpmnFile } from './files/bpmn.js';
import { inventoryFile } from './files/inventory.js';
import { sopDocxFile, sopPdfFile } from './files/sop.js';
import type { FileRequest, FileSource } from './files/source.js';

export type { ChatFile, FileRequest, FileSource } from './files/source.js';
export { processFileName } from './files/source.js';

/** How each kind of file finds what it is made from: null when there is nothing to make it of. */
type SourceLoader = (db: Db, req: FileRequest) => Promise<FileSource | null>;

const FILE_SOURCES: Record<FileWhat, SourceLoader> = {
  bpmn: bpmnFile,
  'sop-pdf': sopPdfFile,
  'sop-docx': sopDocxFile,
  'inventory-xlsx': inventoryFile,
  'annex-pdf': annexFile,
  'decree-docx': decreeFile,
};

/** What the file is made from, or null when there is nothing to make it of (no flow). */
export async function loadFileSource(db: Db, req: FileRequest): Promise<FileSource | null> {
  const load = FILE_SOURCES[req.what];
  return load ? load(db, req) : null;
}

/** The chat command that asks for each file again. */
export const FILE_COMMANDS: Record<FileWhat, string> = {
  bpmn: '/bpmn',
  'sop-pdf': '/sop',
  'sop-docx': '/sop docx',
  'inventory-xlsx': '/inventaris',
  'annex-pdf': '/lampiran',
  'decree-docx': '/lampiran',
};

/** Said instead of a file that cannot be made or sent (after the file message's caption). */
export function fileUnavailable(what: FileWhat | null): Bilingual {
  const again = what ? ` dengan ${FILE_COMMANDS[what]}` : '';
  return bilingual(
    `Berkas ini belum dapat dibuat atau dikirim. Coba lagi nanti${again}.`,
    `This file could not be made or sent. Try ${what ? FILE_COMMANDS[what] : 'it'} again later.`,
  );
}
