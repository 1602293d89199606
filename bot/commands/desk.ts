// The coordinator's commands on the command line (probis progress, ledger, level0, review,
// remind, campaign, diff): each is the chat command of the same name, run once as the person
// named, through the same conversation service, access policy and jobs. Pictures are drawn by the
// jobs of this process and written to files.
import { Readable } from 'node:stream';
import { bilingual as b } from '../../core/language/bilingual.js';
import { loadOrganisation, listOrganisations } from '../../db/index.js';
import type { App } from '../app.js';
import { mapFilesIn } from '../terminal/map-files.js';
import { runTerminalChat } from '../terminal/terminal-chat.js';
import { UserError } from './exchange.js';
import { deliverPersonEvents } from '../jobs/deliver-events.js';

export type DeskRun = {
  /** Chat lines to send in order ("/progres"; a dialog's answers after its command). */
  lines: string[];
  person?: string | undefined;
  org?: string | undefined;
  /** Where pictures go (default: the data folder's maps/). */
  outDir?: string | undefined;
};

/** The person the command runs as: named, or the organisation's only coordinator. */
async function actingPerson(app: App, o: DeskRun): Promise<{ personId: string; orgId: string }> {
  const orgs = await listOrganisations(app.database.db);
  const orgId = o.org ?? (orgs.length === 1 ? orgs[0]!.id : null);
  if (!orgId)
    throw new UserError(
      b(
        'Sebutkan instansinya: --org ID (lihat probis org show)',
        'name the organisation: --org ID',
      ),
    );
  const org = await loadOrganisation(app.database.db, orgId);
  if (!org) throw new UserError(b(`Instansi ${orgId} tidak ada`, `no organisation ${orgId}`));
  if (o.person) {
    if (!org.people.some((p) => p.id === o.person))
      throw new UserError(b(`Pegawai ${o.person} tidak ada di ${orgId}`, `no person ${o.person}`));
    return { personId: o.person, orgId };
  }
  const coordinators = org.people.filter((p) => p.roles.includes('coordinator'));
  if (coordinators.length !== 1)
    throw new UserError(
      b(
        'Sebutkan siapa yang menjalankan: --person ID (koordinator atau kepala unit)',
        'name who runs it: --person ID',
      ),
    );
  return { personId: coordinators[0]!.id, orgId };
}

export async function runDesk(app: App, o: DeskRun, output: NodeJS.WritableStream): Promise<void> {
  const { personId, orgId } = await actingPerson(app, o);
  await app.jobs.start({ work: true });
  await runTerminalChat({
    db: app.database.db,
    service: app.service,
    log: app.log,
    input: Readable.from(o.lines.map((l) => `${l}\n`)),
    output: output as never,
    mode: 'plain',
    chatKey: `terminal:cli:${personId}`,
    personId,
    organisationId: orgId,
    maps: app.maps,
    mapFiles: mapFilesIn(o.outDir ?? app.config.dataDir),
    oneShot: true,
  });
  // What the command told other people (a return to its clerk) goes out before the process ends.
  await deliverPersonEvents({
    db: app.database.db,
    log: app.log,
    deliver: (p) => app.service.deliver(p),
  });
}
