import { readFileSync } from 'node:fs';
import { ExchangeDocument, type Organisation, type Process } from '../../core/model/index.js';

export function renja(): { doc: ExchangeDocument; process: Process; org: Organisation } {
  const doc = ExchangeDocument.parse(
    JSON.parse(readFileSync(new URL('../fixtures/renja-setda.json', import.meta.url), 'utf8')),
  );
  const process = doc.processes.find((p) => p.id === 'p-03-01')!;
  return { doc, process, org: doc.organisation };
}
