// Who may talk to the bot on a messaging platform: only people bound to an organisation, through
// an invitation link. Runs inside the update's transaction, before the interview.
import type { Msg } from '../../core/interview/index.js';
import {
  type Db,
  type PersonMatch,
  findPersonByChannel,
  redeemInvitation,
} from '../../db/index.js';

export type AccessResult =
  /** `bound`: the person behind the account (looked up here, so the context need not again). */
  | { allowed: true; welcome: Msg | null; bound: PersonMatch | null }
  | { allowed: false; reply: Msg };

const m = (id: string, en: string): Msg => ({ id, en });

const NOT_INVITED = m(
  'Maaf, akun ini belum terdaftar di Probis. Mintalah tautan undangan kepada koordinator peta proses bisnis di instansi Anda (biasanya Bagian Organisasi), lalu buka tautan itu di Telegram.',
  'Sorry, this account is not registered with Probis. Ask the business-process coordinator of your organisation (usually Bagian Organisasi) for an invitation link, then open it in Telegram.',
);

const REDEEM_REPLY: Record<
  'expired' | 'used' | 'revoked' | 'unknown' | 'telegram-in-use' | 'malformed',
  Msg
> = {
  expired: m(
    'Tautan undangan ini sudah kedaluwarsa. Mintalah tautan baru kepada koordinator.',
    'This invitation link has expired. Ask the coordinator for a new one.',
  ),
  used: m(
    'Tautan undangan ini sudah dipakai. Setiap tautan hanya berlaku sekali; mintalah tautan baru kepada koordinator.',
    'This invitation link has been used. Each link works once; ask the coordinator for a new one.',
  ),
  revoked: m(
    'Tautan undangan ini sudah dibatalkan. Mintalah tautan baru kepada koordinator.',
    'This invitation link was revoked. Ask the coordinator for a new one.',
  ),
  unknown: m(
    'Tautan undangan ini tidak dikenal. Periksa kembali tautannya atau minta yang baru kepada koordinator.',
    'This invitation link is not known. Check the link or ask the coordinator for a new one.',
  ),
  malformed: m(
    'Tautan undangan ini tidak sah. Periksa kembali tautannya atau minta yang baru kepada koordinator.',
    'This invitation link is not valid. Check the link or ask the coordinator for a new one.',
  ),
  'telegram-in-use': m(
    'Akun Telegram ini sudah terhubung dengan orang lain di Probis. Hubungi koordinator.',
    'This Telegram account is already linked to someone else in Probis. Contact the coordinator.',
  ),
};

export async function telegramAccess(
  tx: Db,
  p: {
    telegramId: string;
    start?: { token: string | null; malformed: boolean };
    now: Date;
    /** The account's person as the caller read it in this transaction (undefined: read here). */
    found?: PersonMatch | null;
  },
): Promise<AccessResult> {
  const bound =
    p.found !== undefined
      ? p.found
      : (await findPersonByChannel(tx, { telegramId: p.telegramId }))[0];
  if (bound) {
    // Already bound: a second invitation (of anyone, of any organisation) changes nothing.
    if (p.start?.token || p.start?.malformed)
      return {
        allowed: true,
        bound,
        welcome: m(
          `Akun ini sudah terhubung sebagai ${bound.person.name}. Tautan undangan tidak dipakai.`,
          `This account is already linked as ${bound.person.name}. The invitation link was not used.`,
        ),
      };
    return { allowed: true, welcome: null, bound };
  }
  if (p.start?.malformed) return { allowed: false, reply: REDEEM_REPLY.malformed };
  if (!p.start?.token) return { allowed: false, reply: NOT_INVITED };
  const r = await redeemInvitation(tx, {
    token: p.start.token,
    telegramId: p.telegramId,
    now: p.now,
  });
  if (r.outcome !== 'ok') return { allowed: false, reply: REDEEM_REPLY[r.outcome] };
  return {
    allowed: true,
    bound: { organisationId: r.organisationId, person: r.person },
    welcome: m(
      `Selamat datang di Probis, ${r.person.name}. Akun Telegram ini kini terhubung dengan data Anda (${r.person.position}).`,
      `Welcome to Probis, ${r.person.name}. This Telegram account is now linked to your record (${r.person.position}).`,
    ),
  };
}
