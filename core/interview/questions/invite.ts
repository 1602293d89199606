// A coordinator invites people of the organisation from the chat: /undang, then pick the person.
import type { Person } from '../../model/organisation.js';
import { foldForMatch } from '../answers/choice.js';
import { returnFromDetour } from '../pipeline.js';
import type { Bilingual } from '../../language/bilingual.js';
import type { View } from '../view.js';
import { type Applied, type Question, msg, valueOf } from './question.js';

export const INVITATION_DAYS = 7;

export function isCoordinator(v: View): boolean {
  const roles = v.person()?.roles ?? [];
  return roles.includes('coordinator') || roles.includes('admin');
}

/** People not yet linked to a chat account: the ones worth inviting, in list order. */
function invitable(v: View): Person[] {
  return (v.org()?.people ?? []).filter((p) => !p.telegramId && p.id !== v.person()?.id);
}

export const invitePerson: Question = {
  id: 'invite.person',
  answer: 'choice',
  text: () =>
    msg(
      'Siapa yang diundang? Pilih, atau ketik namanya. (Undangan berlaku 7 hari dan hanya sekali pakai.)',
      'Whom to invite? Pick, or type the name. (An invitation is valid for 7 days and works once.)',
    ),
  help: msg(
    'Orang yang diundang harus sudah ada di daftar pegawai instansi (probis org import). Kirimkan tautannya kepada orang itu saja.',
    "The person must already be in the organisation's staff list (probis org import). Send the link to that person only.",
  ),
  choices: (v) =>
    invitable(v)
      .slice(0, 10)
      .map((p) => ({ id: p.id, label: `${p.name} (${p.position})` })),
  free(v, text) {
    const found = (v.org()?.people ?? []).filter((p) =>
      foldForMatch(p.name).includes(foldForMatch(text)),
    );
    if (found.length === 1) return invite(v, found[0]!);
    if (found.length > 1)
      return {
        refuse: msg(
          `Ada ${found.length} orang yang cocok; tulis nama lengkapnya.`,
          `${found.length} people match; write the full name.`,
        ),
      };
    return {
      refuse: msg('Nama itu tidak ada di daftar pegawai.', 'That name is not in the staff list.'),
    };
  },
  apply(v, a) {
    const p = (v.org()?.people ?? []).find((x) => x.id === valueOf(a, 'choice'))!;
    return invite(v, p);
  },
};

function invite(v: View, p: Person): Applied {
  const organisationId = v.org()!.id;
  const token = v.env
    .newId()
    .replace(/[^A-Za-z0-9_-]/g, '')
    .slice(0, 64);
  const expiresAt = new Date(Date.parse(v.env.now) + INVITATION_DAYS * 86_400_000).toISOString();
  const bot = v.ctx.telegramBot;
  const link = bot ? `https://t.me/${bot}?start=${token}` : null;
  const note: Bilingual = link
    ? msg(
        `Undangan untuk ${p.name} (${p.position}), berlaku sampai ${expiresAt.slice(0, 10)}:\n${link}\nKirimkan tautan ini kepada ${p.name} saja.`,
        `Invitation for ${p.name} (${p.position}), valid until ${expiresAt.slice(0, 10)}:\n${link}\nSend this link to ${p.name} only.`,
      )
    : msg(
        `Undangan untuk ${p.name} dibuat (kode ${token}), berlaku sampai ${expiresAt.slice(0, 10)}. Tautan Telegram tersedia setelah bot Telegram dijalankan.`,
        `Invitation for ${p.name} created (code ${token}), valid until ${expiresAt.slice(0, 10)}. The Telegram link is available once the Telegram bot runs.`,
      );
  returnFromDetour(v);
  return {
    effects: [
      {
        kind: 'create-invitation',
        organisationId,
        personId: p.id,
        token,
        expiresAt,
        createdBy: v.state.personId ?? 'system',
      },
    ],
    notes: [note],
  };
}
