// probis invite / probis revoke: invitation links that bind a Telegram account to a person once.
import { type Db, createInvitation, loadOrganisation, revokeInvitation } from '../../db/index.js';
import { type Bilingual, bilingual as b, textFor } from '../../core/language/bilingual.js';
import { whatsappRedeem } from '../conversation/invitation-text.js';
import { UserError, resolveOrganisationId } from './exchange.js';

export async function runInvite(
  db: Db,
  o: {
    person: string;
    org?: string;
    days: number;
    botUsername: string | null;
    /** The WhatsApp form (a wa.me link with the code typed in) instead of Telegram's. */
    whatsapp?: { ownNumber: string | null };
    now?: Date;
  },
  write: (s: string) => void,
): Promise<void> {
  const orgId = await resolveOrganisationId(db, o.org);
  const org = await loadOrganisation(db, orgId);
  const person = org?.people.find((p) => p.id === o.person);
  if (!person)
    throw new UserError(
      b(`Tidak ada pegawai dengan id "${o.person}" di ${orgId}`, `no person "${o.person}".`),
    );
  if (!Number.isInteger(o.days) || o.days < 1 || o.days > 90)
    throw new UserError(b('--days antara 1 dan 90', 'between 1 and 90.'));
  const now = o.now ?? new Date();
  const { token, expiresAt } = await createInvitation(db, {
    organisationId: orgId,
    personId: person.id,
    createdBy: { system: 'cli' },
    expiresAt: new Date(now.getTime() + o.days * 86_400_000),
  });
  write(
    `Undangan untuk ${person.name} (${person.position}), berlaku sampai ${expiresAt.toISOString().slice(0, 16).replace('T', ' ')} UTC:`,
  );
  if (o.whatsapp) {
    // Indonesian lines, then the English ones that differ (the link is the same in both).
    const how = whatsappRedeem(token, o.whatsapp.ownNumber);
    const lines = how.id.split('\n');
    for (const l of how.en.split('\n')) if (!lines.includes(l)) lines.push(l);
    for (const l of lines) write(l);
    if (!o.whatsapp.ownNumber)
      write(
        `(${textFor(
          b(
            'Nomor WhatsApp Probis belum tertaut: probis whatsapp link',
            "Probis's WhatsApp number is not linked yet: probis whatsapp link",
          ),
          'both-inline',
        )})`,
      );
    write(`Pencabutan / revoke: probis revoke ${token}`);
    return;
  }
  const link = `https://t.me/${o.botUsername ?? '<nama_bot>'}?start=${token}`;
  write(link);
  if (!o.botUsername)
    write(
      `(${textFor(
        b(
          'Ganti <nama_bot> dengan nama pengguna bot Anda',
          "replace <nama_bot> with your bot's username.",
        ),
        'both-inline',
      )})`,
    );
  write(`Pencabutan / revoke: probis revoke ${token}`);
}

export async function runRevoke(
  db: Db,
  token: string,
  write: (s: string) => void,
): Promise<boolean> {
  const r = await revokeInvitation(db, { token, actor: { system: 'cli' }, now: new Date() });
  const text: Record<typeof r, Bilingual> = {
    revoked: b('Undangan dicabut', 'invitation revoked.'),
    used: b('Undangan sudah dipakai; akun yang terhubung tetap terhubung', 'already used.'),
    'already-revoked': b('Undangan sudah dicabut sebelumnya', 'already revoked.'),
    unknown: b('Undangan tidak dikenal', 'unknown invitation.'),
  };
  write(textFor(text[r], 'both-inline'));
  return r === 'revoked' || r === 'already-revoked';
}
