// The draft map of a process as chat pictures: what it is drawn from (loaded from storage), and
// the pictures themselves, as the render job stores them (db/repositories/artifacts.ts).
import type { Organisation, Process } from '../core/model/index.js';
import type { Db } from '../db/index.js';
import { loadOrganisation, loadProcess, processOrganisation } from '../db/index.js';

export type MapPictures = { code: string; name: string; pages: Uint8Array[]; svg: string };

/** A process with a flow and its organisation; null when there is nothing to draw. */
export async function loadMapSource(
  db: Db,
  processId: string,
): Promise<{ process: Process; org: Organisation } | null> {
  const orgId = await processOrganisation(db, { processId });
  const process = orgId ? await loadProcess(db, { processId, organisationId: orgId }) : null;
  const org = orgId ? await loadOrganisation(db, orgId) : null;
  if (!process?.flow || !org) return null;
  return { process, org };
}

/** Stored parts of a map (the SVG, then the PNG pages) as pictures of `process`. */
export function picturesFromParts(
  process: { code: string; name: string },
  parts: Uint8Array[],
): MapPictures {
  const [svg, ...pages] = parts;
  return {
    code: process.code,
    name: process.name,
    pages,
    svg: new TextDecoder().decode(svg ?? new Uint8Array()),
  };
}
