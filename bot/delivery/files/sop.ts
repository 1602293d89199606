// The SOP AP of a process (Permenpan-RB 35/2012): a PDF on A4 or F4, or an editable DOCX, made
// from the process's map, its SOP details and, for Keterkaitan, the organisation's processes.
import { jakartaDate } from '../../../core/coordination/calendar.js';
import { emptySopDetails } from '../../../core/sop/details.js';
import { type Db, listProcesses, loadSopDetails } from '../../../db/index.js';
import { renderKey } from '../../../renderers/cache.js';
import { type SopInput, sopDocx, sopPdf } from '../../../renderers/sop/index.js';
import { loadMapSource } from '../../map-pictures.js';
import { type FileRequest, type FileSource, processFileName } from './source.js';

/** What the SOP of `processId` is made of, as stored now; null when it has no flow. */
export async function loadSopInput(
  db: Db,
  processId: string,
  now = new Date(),
): Promise<SopInput | null> {
  const source = await loadMapSource(db, processId);
  if (!source) return null;
  const { process, org } = source;
  const [processes, details] = await Promise.all([
    listProcesses(db, { organisationId: org.id }),
    loadSopDetails(db, { processId }),
  ]);
  return {
    process,
    org,
    details: details ?? emptySopDetails(processId),
    processes,
    today: jakartaDate(now.toISOString()),
  };
}

/** The SOP file of an input: its key, name and how it is made. */
export function sopFileOf(
  input: SopInput,
  what: 'sop-pdf' | 'sop-docx',
  paper: 'a4' | 'f4',
): FileSource {
  const { process, org, processes, details, today } = input;
  const pdf = what === 'sop-pdf';
  return {
    // Everything the document shows: the process, the units' names, the processes it hands to
    // and receives from (Keterkaitan), the details, the day it is made, and the paper.
    key: renderKey(
      `file:${what}`,
      {
        process,
        org: { name: org.name, codePrefix: org.codePrefix, units: org.units },
        processes,
        details,
        today,
      },
      pdf ? { paper } : {},
    ),
    name: processFileName('sop', process.code, pdf ? 'pdf' : 'docx'),
    make: () => makeSop(input, what, paper),
  };
}

/** The SOP document's bytes: the PDF on `paper`, or the DOCX. */
export function makeSop(
  input: SopInput,
  what: 'sop-pdf' | 'sop-docx',
  paper: 'a4' | 'f4',
): Promise<Uint8Array> {
  return what === 'sop-pdf' ? sopPdf(input, paper) : sopDocx(input);
}

export function sopPdfFile(db: Db, req: FileRequest): Promise<FileSource | null> {
  return sopFile(db, req, 'sop-pdf');
}

export function sopDocxFile(db: Db, req: FileRequest): Promise<FileSource | null> {
  return sopFile(db, req, 'sop-docx');
}

async function sopFile(
  db: Db,
  req: FileRequest,
  what: 'sop-pdf' | 'sop-docx',
): Promise<FileSource | null> {
  if (!req.processId) return null;
  const input = await loadSopInput(db, req.processId);
  return input ? sopFileOf(input, what, req.paper ?? 'a4') : null;
}
