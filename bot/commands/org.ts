// probis org import FILE / probis org show: setting up an organisation from a CSV or YAML list.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { formatOrganisationTree, parseOrganisationFile } from '../../core/org-import/index.js';
import {
  type Db,
  loadOrganisation,
  saveOrganisation,
  unreachableAccounts,
} from '../../db/index.js';
import { bilingual as b, textFor } from '../../core/language/bilingual.js';
import { UserError, resolveOrganisationId } from './exchange.js';

export async function runOrgImport(
  db: Db,
  file: string,
  write: (s: string) => void,
): Promise<boolean> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch {
    throw new UserError(b(`Berkas "${file}" tidak bisa dibaca`, `cannot read "${file}".`));
  }
  const r = parseOrganisationFile({ fileName: basename(file), bytes });
  if (!r.ok) {
    write(
      textFor(
        b(
          `Tidak ada yang diimpor: ${r.errors.length} kesalahan`,
          `nothing imported: ${r.errors.length} error(s).`,
        ),
        'both-inline',
      ),
    );
    for (const e of r.errors)
      write(`${e.line === null ? '-' : `baris ${e.line}`}: ${textFor(e.message, 'both-inline')}`);
    return false;
  }
  // A file rarely knows the accounts people linked through invitations: keep those of the
  // platforms the file does not name for that person.
  const stored = await loadOrganisation(db, r.organisation.id);
  const people = r.organisation.people.map((p) => {
    const before = stored?.people.find((x) => x.id === p.id)?.accounts ?? [];
    const named = new Set(p.accounts.map((a) => a.platform));
    return { ...p, accounts: [...p.accounts, ...before.filter((a) => !named.has(a.platform))] };
  });
  const org = await saveOrganisation(db, { ...r.organisation, people }, { system: 'org-import' });
  write(
    `Diimpor / imported: ${org.name} — ${org.units.length} unit, ${org.people.length} orang/people.`,
  );
  return true;
}

export async function runOrgShow(
  db: Db,
  orgId: string | undefined,
  write: (s: string) => void,
): Promise<void> {
  const id = await resolveOrganisationId(db, orgId);
  const org = await loadOrganisation(db, id);
  if (!org) throw new UserError(`Instansi "${id}" tidak ada.`);
  write(formatOrganisationTree(org));
  // People no message reaches any more: they blocked the bot on that channel.
  const blocked = await unreachableAccounts(db, { organisationId: id });
  if (blocked.length) {
    write('');
    write('Tidak terjangkau, memblokir bot / unreachable, blocked the bot:');
    for (const b of blocked)
      write(
        `- ${b.name} (${b.position}): ${b.platform} ${b.accountId}, sejak / since ${b.since.toISOString().slice(0, 10)}`,
      );
  }
}
