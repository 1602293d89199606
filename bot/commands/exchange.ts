// probis export / probis import: the documented JSON exchange format (docs/export.schema.json).
import { readFile, writeFile } from 'node:fs/promises';
import { type Bilingual, bilingual as b, textFor } from '../../core/language/bilingual.js';
import { EXCHANGE_FORMAT, ExchangeDocument } from '../../core/model/index.js';
import {
  type Db,
  listOrganisations,
  listProcesses,
  loadOrganisation,
  saveOrganisation,
  saveProcess,
  loadProcess,
  importProcessNotes,
  importReviewEvents,
  listProcessNotes,
  listReviewEvents,
} from '../../db/index.js';

/** A failure the person at the command line can fix; printed without a stack trace. */
export class UserError extends Error {
  constructor(message: Bilingual | string) {
    super(typeof message === 'string' ? message : textFor(message, 'both-inline'));
  }
}

export async function resolveOrganisationId(db: Db, wanted: string | undefined): Promise<string> {
  const all = await listOrganisations(db);
  if (wanted) {
    if (!all.some((o) => o.id === wanted))
      throw new UserError(b(`Instansi "${wanted}" tidak ada`, `no organisation "${wanted}".`));
    return wanted;
  }
  if (all.length === 1) return all[0]!.id;
  if (!all.length)
    throw new UserError(
      b(
        'Belum ada instansi. Jalankan "probis org import FILE" dulu',
        'no organisation yet: run "probis org import FILE" first.',
      ),
    );
  throw new UserError(
    b(
      `Ada ${all.length} instansi; sebutkan dengan --org (${all.map((o) => o.id).join(', ')})`,
      'several organisations: name one with --org.',
    ),
  );
}

export async function exportDocument(db: Db, organisationId: string): Promise<ExchangeDocument> {
  const organisation = await loadOrganisation(db, organisationId);
  if (!organisation) throw new UserError(`Instansi "${organisationId}" tidak ada.`);
  const [processes, reviewEvents, notes] = await Promise.all([
    listProcesses(db, { organisationId }),
    listReviewEvents(db, { organisationId }),
    listProcessNotes(db, { organisationId }),
  ]);
  return { format: EXCHANGE_FORMAT, organisation, processes, reviewEvents, notes };
}

/**
 * Stable, readable JSON: two exports of the same model are byte-identical. An empty review
 * history and empty notes are left out, so an organisation without them exports as before.
 */
export function formatDocument(doc: ExchangeDocument): string {
  const { reviewEvents, notes, ...rest } = doc;
  return (
    JSON.stringify(
      {
        ...rest,
        ...(reviewEvents.length ? { reviewEvents } : {}),
        ...(notes.length ? { notes } : {}),
      },
      null,
      2,
    ) + '\n'
  );
}

export async function runExport(
  db: Db,
  o: { org?: string; out?: string; format: string },
  write: (s: string) => void,
): Promise<void> {
  if (o.format !== 'json')
    throw new UserError(
      b(
        `Format "${o.format}" belum didukung; pakai --format json`,
        'only --format json is supported.',
      ),
    );
  const doc = await exportDocument(db, await resolveOrganisationId(db, o.org));
  const text = formatDocument(doc);
  if (o.out) await writeFile(o.out, text);
  else write(text);
}

export function parseDocument(text: string, fileName: string): ExchangeDocument {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new UserError(
      b(`${fileName}: bukan JSON yang sah`, `not valid JSON (${(e as Error).message})`),
    );
  }
  const r = ExchangeDocument.safeParse(json);
  if (!r.success) {
    const issues = r.error.issues.slice(0, 10).map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new UserError(
      b(
        `${fileName}: tidak sesuai format ${EXCHANGE_FORMAT}`,
        `does not match the format:\n${issues.join('\n')}`,
      ),
    );
  }
  return r.data;
}

/**
 * Imports a document: the organisation, then every process, parents first, then the review
 * history and the notes. A process already stored is replaced when the file carries the stored
 * version (or the same content); otherwise the import stops with the conflict, as a second writer
 * would. Review events and notes already stored are kept as they are (they are append-only).
 */
export async function runImport(
  db: Db,
  file: string,
): Promise<{ organisationId: string; processes: number }> {
  const doc = parseDocument(await readFile(file, 'utf8'), file);
  return db.transaction(async (tx) => {
    await saveOrganisation(tx, doc.organisation, { system: 'import' });
    const byDepth = [...doc.processes].sort(
      (a, b) => a.code.split('.').length - b.code.split('.').length,
    );
    for (const p of byDepth) {
      const stored = await loadProcess(tx, { processId: p.id });
      if (
        stored &&
        JSON.stringify({ ...stored, version: 0 }) === JSON.stringify({ ...p, version: 0 })
      )
        continue;
      const expectedVersion = stored ? stored.version : 0;
      const r = await saveProcess(tx, {
        organisationId: doc.organisation.id,
        process: { ...p, version: expectedVersion },
        expectedVersion,
        actor: { system: 'import' },
        // A new process keeps its exported version: review events name versions.
        initialVersion: p.version,
      });
      if (r.outcome === 'code-taken')
        throw new UserError(
          b(
            `Kode ${r.code} sudah dipakai proses lain`,
            `code ${r.code} is taken by another process.`,
          ),
        );
      if (r.outcome === 'conflict')
        throw new UserError(
          b(`Proses ${p.code} berubah saat impor`, `process ${p.code} changed during the import.`),
        );
    }
    const organisationId = doc.organisation.id;
    await importReviewEvents(tx, { organisationId, events: doc.reviewEvents });
    await importProcessNotes(tx, { organisationId, notes: doc.notes });
    return { organisationId, processes: doc.processes.length };
  });
}
