// The BPMN file of a process: its map as BPMN 2.0 XML, for Camunda Modeler or bpmn.io.
import type { Db } from '../../../db/index.js';
import { renderKey } from '../../../renderers/cache.js';
import { loadMapSource } from '../../map-pictures.js';
import { type FileRequest, type FileSource, processFileName } from './source.js';

export async function bpmnFile(db: Db, req: FileRequest): Promise<FileSource | null> {
  if (!req.processId) return null;
  const source = await loadMapSource(db, req.processId);
  if (!source) return null;
  const { process, org } = source;
  return {
    // The whole process and the names of the units: a file is cheap to make again when
    // anything else about the process changed.
    key: renderKey('file:bpmn', { process, org: org.name, units: org.units }),
    name: processFileName('peta', process.code, 'bpmn'),
    make: async (r) => new TextEncoder().encode(await r.bpmnXml(process, org)),
  };
}
