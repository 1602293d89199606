// The process inventory (Daftar Proses Bisnis) of an organisation as an XLSX workbook, with the
// ratification evidence as its last sheet: "daftar-proses-<organisation>.xlsx".
import { ratificationEvidence, evidenceEvents } from '../../../core/documents/evidence.js';
import { inventoryRows } from '../../../core/documents/inventory.js';
import { type Db, loadDocumentSources } from '../../../db/index.js';
import { renderKey } from '../../../renderers/cache.js';
import type { FileRequest, FileSource } from './source.js';
import {
  inventoryXlsx,
  type InventoryWorkbook,
} from '../../../renderers/documents/inventory-xlsx.js';

/** "daftar-proses-kab-contoh.xlsx": the organisation's id, safe in a file name everywhere. */
export function inventoryFileName(organisationId: string): string {
  return `daftar-proses-${organisationId.replace(/[^0-9A-Za-z.-]/g, '_')}.xlsx`;
}

/** What the workbook shows, as stored now; null when there is no such organisation. */
export async function loadInventoryWorkbook(
  db: Db,
  organisationId: string,
): Promise<InventoryWorkbook | null> {
  const sources = await loadDocumentSources(db, organisationId);
  if (!sources) return null;
  const rows = inventoryRows(sources);
  const evidence = evidenceEvents(ratificationEvidence(sources));
  const times = evidence.map((e) => e.at).filter((t): t is string => t !== null);
  const dataAt = times.length
    ? times.reduce((a, b) => (Date.parse(a) >= Date.parse(b) ? a : b))
    : null;
  const { name, codePrefix } = sources.organisation;
  return { organisation: { name, codePrefix }, rows, evidence, dataAt };
}

/** The file source of an organisation's inventory (see file-sources.ts). */
export async function inventoryFile(db: Db, req: FileRequest): Promise<FileSource | null> {
  if (!req.organisationId) return null;
  const workbook = await loadInventoryWorkbook(db, req.organisationId);
  if (!workbook) return null;
  return {
    // Exactly what the workbook shows: the same rows and events give the same file.
    key: renderKey('file:inventory-xlsx', workbook),
    name: inventoryFileName(req.organisationId),
    make: () => inventoryXlsx(workbook),
  };
}
