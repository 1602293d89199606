// The draft map of a process as chat pictures: loaded from storage, rendered by the renderer.
import type { Db } from '../db/index.js';
import { loadOrganisation, loadProcess, processOrganisation } from '../db/index.js';
import type { Renderer } from '../renderers/index.js';

export type MapPictures = { code: string; name: string; pages: Uint8Array[]; svg: string };

export async function mapPictures(
  db: Db,
  renderer: Renderer,
  processId: string,
): Promise<MapPictures | null> {
  const orgId = await processOrganisation(db, { processId });
  const process = orgId ? await loadProcess(db, { processId, organisationId: orgId }) : null;
  const org = orgId ? await loadOrganisation(db, orgId) : null;
  if (!process?.flow || !org) return null;
  const r = await renderer.crossFunctionalPng(process, org);
  return { code: process.code, name: process.name, pages: r.pages, svg: r.svg };
}
