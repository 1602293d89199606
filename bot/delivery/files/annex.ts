// The decree's annex (Lampiran, PDF) and the decree's draft (DOCX) of an organisation:
// "lampiran-<organisation>.pdf" and "rancangan-keputusan-<organisation>.docx".
import { compareCodes } from '../../../core/coordination/answering-unit.js';
import { evidenceEvents, ratificationEvidence } from '../../../core/documents/evidence.js';
import { inventoryRows } from '../../../core/documents/inventory.js';
import type { Process } from '../../../core/model/index.js';
import { type Db, loadDocumentSources } from '../../../db/index.js';
import { renderKey } from '../../../renderers/cache.js';
import {
  type AnnexModel,
  type AnnexPaper,
  annexPdf,
} from '../../../renderers/documents/annex-pdf.js';
import { type DecreeModel, decreeDocx } from '../../../renderers/documents/decree-docx.js';
import type { FileRequest, FileSource } from './source.js';

const safe = (id: string) => id.replace(/[^0-9A-Za-z.-]/g, '_');
export const annexFileName = (orgId: string) => `lampiran-${safe(orgId)}.pdf`;
export const decreeFileName = (orgId: string) => `rancangan-keputusan-${safe(orgId)}.docx`;

/** A process the annex maps: validated (or already ratified), with a flow. */
export const isMapped = (p: Process) =>
  p.flow !== null && (p.status === 'validated' || p.status === 'ratified');

/** What the annex shows, as stored now; null when there is no such organisation. */
export async function loadAnnexModel(
  db: Db,
  organisationId: string,
  paper: AnnexPaper = 'a4',
): Promise<AnnexModel | null> {
  const sources = await loadDocumentSources(db, organisationId);
  if (!sources) return null;
  const mapped = sources.processes.filter(isMapped).sort((a, b) => compareCodes(a.code, b.code));
  const evidence = evidenceEvents(ratificationEvidence({ ...sources, processes: mapped }));
  return {
    organisation: sources.organisation,
    processes: sources.processes,
    rows: inventoryRows(sources),
    mapped,
    evidence,
    paper,
  };
}

export function decreeModel(a: AnnexModel): DecreeModel {
  return {
    organisationName: a.organisation.name,
    processCount: a.rows.length,
    mappedCount: a.mapped.length,
    level0Count: a.rows.filter((r) => r.level === 0).length,
    paper: a.paper ?? 'a4',
  };
}

/** The file source of the annex: null when nothing is validated yet (there is no map to ratify). */
export async function annexFile(db: Db, req: FileRequest): Promise<FileSource | null> {
  if (!req.organisationId) return null;
  const model = await loadAnnexModel(db, req.organisationId, req.paper ?? 'a4');
  if (!model?.mapped.length) return null;
  return {
    key: renderKey('file:annex-pdf', {
      org: model.organisation,
      processes: model.processes,
      rows: model.rows,
      evidence: model.evidence,
      paper: model.paper,
    }),
    name: annexFileName(req.organisationId),
    make: (r) => annexPdf(model, r),
  };
}

export async function decreeFile(db: Db, req: FileRequest): Promise<FileSource | null> {
  if (!req.organisationId) return null;
  const model = await loadAnnexModel(db, req.organisationId, req.paper ?? 'a4');
  if (!model?.mapped.length) return null;
  const decree = decreeModel(model);
  return {
    key: renderKey('file:decree-docx', decree),
    name: decreeFileName(req.organisationId),
    make: () => decreeDocx(decree),
  };
}
