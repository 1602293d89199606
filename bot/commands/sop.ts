// probis sop --process CODE [--set nomor=... --set pengesah="Sekretaris Daerah; Drs. Budi; 1970..."]:
// the SOP details of a process printed, or changed from a terminal with the chat's parsers. A
// "-" clears a field. Nothing is saved when one --set is wrong.
import { jakartaDate } from '../../core/coordination/calendar.js';
import { bilingual as b } from '../../core/language/bilingual.js';
import { emptySopDetails } from '../../core/sop/details.js';
import {
  SOP_FIELDS,
  type SopChange,
  parseSopField,
  sopDetailsLines,
  sopFieldByName,
} from '../../core/sop/fields.js';
import { type Actor, type Db, changeSopDetails, loadSopDetails } from '../../db/index.js';
import { loadStored, processByCode } from './drawings.js';
import { UserError } from './exchange.js';

export type SopRun = {
  process?: string | undefined;
  org?: string | undefined;
  person?: string | undefined;
  set?: string[] | undefined;
};

const NAMES = SOP_FIELDS.map((f) => f.name).join(', ');

/** The --set values read into one change; a wrong one is refused with an example. */
export function parseSets(sets: string[], current: ReturnType<typeof emptySopDetails>): SopChange {
  let change: SopChange = {};
  for (const set of sets) {
    const eq = set.indexOf('=');
    const field = eq > 0 ? sopFieldByName(set.slice(0, eq)) : undefined;
    if (!field)
      throw new UserError(
        b(
          `"--set ${set}" tidak dikenal. Tulis NAMA=NILAI dengan NAMA salah satu dari: ${NAMES}. Contoh: --set nomor=800/12/SOP/2027`,
          `unknown --set; names: ${NAMES}.`,
        ),
      );
    const value = set.slice(eq + 1).trim();
    if (value === '-') {
      change = { ...change, [field.key]: field.kind === 'list' ? [] : null };
      continue;
    }
    const parsed = parseSopField(field, value, { ...current, ...change });
    if (!parsed.ok)
      throw new UserError(
        b(`--set ${field.name}: ${parsed.reason.id}`, `--set ${field.name}: ${parsed.reason.en}`),
      );
    change = { ...change, ...parsed.change };
  }
  return change;
}

export async function runSop(
  db: Db,
  o: SopRun,
  write: (s: string) => void,
  now = new Date(),
): Promise<void> {
  if (!o.process)
    throw new UserError(
      b(
        'Sebutkan prosesnya. Contoh: probis sop --process 03.01, atau probis sop --process 03.01 --set nomor=800/12/SOP/2027',
        'name the process: probis sop --process CODE.',
      ),
    );
  const stored = await loadStored(db, o.org);
  const process = processByCode(stored, o.process, (code) => `probis sop --process ${code}`);
  let details =
    (await loadSopDetails(db, { processId: process.id })) ?? emptySopDetails(process.id);
  if (o.set?.length) {
    const change = parseSets(o.set, details);
    const actor: Actor = o.person ? { personId: o.person } : { system: 'cli' };
    const r = await changeSopDetails(db, {
      organisationId: stored.org.id,
      processId: process.id,
      change,
      actor,
      today: jakartaDate(now.toISOString()),
    });
    if (r.outcome === 'saved') details = r.details;
  }
  write(
    [
      `SOP ${process.code} ${process.name}`,
      ...sopDetailsLines(details, process.legalBasis, 'id'),
      '',
      `Ubah / change: probis sop --process ${process.code} --set NAMA=NILAI (${NAMES}; "-" mengosongkan / clears)`,
    ].join('\n') + '\n',
  );
}
