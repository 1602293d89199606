// Who may talk to Probis: one policy per kind of identity, denying by default. A messaging account
// is let in only when it is linked to a person (through an invitation); the terminal, run by
// whoever runs the server, may set up a fresh organisation. Runs inside the update's transaction,
// before the interview.
import type { Bilingual } from '../../core/language/bilingual.js';
import type { AccountPlatform } from '../../core/model/index.js';
import {
  type AccountKey,
  type Db,
  type PersonMatch,
  findPersonByAccount,
  markAccountContacted,
  redeemInvitation,
} from '../../db/index.js';
import type { Identity } from './context.js';

/** An invitation the channel found in the message (a deep-link payload, a code sent as text). */
export type InvitationAttempt = { token: string | null; malformed: boolean };

export type RefusalReason =
  | 'not-linked'
  | 'invitation-expired'
  | 'invitation-used'
  | 'invitation-revoked'
  | 'invitation-unknown'
  | 'invitation-malformed'
  | 'account-in-use';

export type AccessDecision =
  /** `bound`: the person behind the account (looked up here, so the context need not again). */
  | { allowed: true; welcome: Bilingual | null; bound: PersonMatch | null; redeemed: boolean }
  | { allowed: false; reply: Bilingual; reason: RefusalReason };

export type AccessRequest = {
  invitation?: InvitationAttempt;
  now: Date;
  /** The account's person as the caller read it in this transaction (undefined: read here). */
  found?: PersonMatch | null;
};

export type AccessPolicy<I> = (tx: Db, identity: I, r: AccessRequest) => Promise<AccessDecision>;

/**
 * One policy per identity kind. Exhaustive: a new kind of Identity does not compile until it has
 * its policy here (tests/conversation/access-policies.test.ts checks that the compiler says so).
 */
export type AccessPolicies<I extends { kind: string } = Identity> = {
  [K in I['kind']]: AccessPolicy<Extract<I, { kind: K }>>;
};

const m = (id: string, en: string): Bilingual => ({ id, en });

function notLinked(platform: AccountPlatform): Bilingual {
  const how =
    platform === 'telegram'
      ? { id: 'lalu buka tautan itu di Telegram', en: 'then open it in Telegram' }
      : {
          id: 'lalu kirimkan kode undangan itu sebagai pesan di sini',
          en: 'then send the invitation code here as a message',
        };
  return m(
    `Maaf, akun ini belum terdaftar di Probis. Mintalah undangan kepada koordinator peta proses bisnis di instansi Anda (biasanya Bagian Organisasi), ${how.id}.`,
    `Sorry, this account is not registered with Probis. Ask the business-process coordinator of your organisation (usually Bagian Organisasi) for an invitation, ${how.en}.`,
  );
}

const REDEEM_REFUSAL: Record<
  Exclude<RefusalReason, 'not-linked'>,
  (platform: AccountPlatform) => Bilingual
> = {
  'invitation-expired': () =>
    m(
      'Undangan ini sudah kedaluwarsa. Mintalah undangan baru kepada koordinator.',
      'This invitation has expired. Ask the coordinator for a new one.',
    ),
  'invitation-used': () =>
    m(
      'Undangan ini sudah dipakai. Setiap undangan hanya berlaku sekali; mintalah yang baru kepada koordinator.',
      'This invitation has been used. Each invitation works once; ask the coordinator for a new one.',
    ),
  'invitation-revoked': () =>
    m(
      'Undangan ini sudah dibatalkan. Mintalah undangan baru kepada koordinator.',
      'This invitation was revoked. Ask the coordinator for a new one.',
    ),
  'invitation-unknown': () =>
    m(
      'Undangan ini tidak dikenal. Periksa kembali tautan atau kodenya, atau minta yang baru kepada koordinator.',
      'This invitation is not known. Check the link or code, or ask the coordinator for a new one.',
    ),
  'invitation-malformed': () =>
    m(
      'Undangan ini tidak sah. Periksa kembali tautan atau kodenya, atau minta yang baru kepada koordinator.',
      'This invitation is not valid. Check the link or code, or ask the coordinator for a new one.',
    ),
  'account-in-use': (platform) =>
    m(
      `Akun ${platformName(platform)} ini sudah terhubung dengan orang lain di Probis. Hubungi koordinator.`,
      `This ${platformName(platform)} account is already linked to someone else in Probis. Contact the coordinator.`,
    ),
};

function platformName(p: AccountPlatform): string {
  return p === 'telegram' ? 'Telegram' : 'WhatsApp';
}

const REDEEM_OUTCOME = {
  expired: 'invitation-expired',
  used: 'invitation-used',
  revoked: 'invitation-revoked',
  unknown: 'invitation-unknown',
  'account-in-use': 'account-in-use',
} as const;

function refuse(reason: RefusalReason, platform: AccountPlatform): AccessDecision {
  const reply = reason === 'not-linked' ? notLinked(platform) : REDEEM_REFUSAL[reason](platform);
  return { allowed: false, reason, reply };
}

/**
 * A messaging account: linked -> allowed; an invitation -> redeemed for this account, then
 * allowed; anything else -> refused, and nothing is created.
 */
async function accountAccess(tx: Db, a: AccountKey, r: AccessRequest): Promise<AccessDecision> {
  const bound = r.found !== undefined ? r.found : await findPersonByAccount(tx, a);
  if (bound) {
    // An account imported from an organisation file counts as joined from its first message.
    if (bound.accountContacted === false) await markAccountContacted(tx, { ...a, at: r.now });
    // Already linked: a second invitation (of anyone, of any organisation) changes nothing.
    if (r.invitation?.token || r.invitation?.malformed)
      return {
        allowed: true,
        bound,
        redeemed: false,
        welcome: m(
          `Akun ini sudah terhubung sebagai ${bound.person.name}. Undangan tidak dipakai.`,
          `This account is already linked as ${bound.person.name}. The invitation was not used.`,
        ),
      };
    return { allowed: true, welcome: null, bound, redeemed: false };
  }
  if (r.invitation?.malformed) return refuse('invitation-malformed', a.platform);
  if (!r.invitation?.token) return refuse('not-linked', a.platform);
  const red = await redeemInvitation(tx, { ...a, token: r.invitation.token, now: r.now });
  if (red.outcome !== 'ok') return refuse(REDEEM_OUTCOME[red.outcome], a.platform);
  const other = red.person.accounts.filter((x) => x.platform !== a.platform);
  return {
    allowed: true,
    redeemed: true,
    bound: { organisationId: red.organisationId, person: red.person },
    welcome: other.length
      ? m(
          `Selamat datang kembali, ${red.person.name}. Akun ${platformName(a.platform)} ini kini juga terhubung dengan data Anda (${red.person.position}); draf Anda berlanjut di sini.`,
          `Welcome back, ${red.person.name}. This ${platformName(a.platform)} account is now linked to your record too (${red.person.position}); your draft continues here.`,
        )
      : m(
          `Selamat datang di Probis, ${red.person.name}. Akun ${platformName(a.platform)} ini kini terhubung dengan data Anda (${red.person.position}).`,
          `Welcome to Probis, ${red.person.name}. This ${platformName(a.platform)} account is now linked to your record (${red.person.position}).`,
        ),
  };
}

export const accessPolicies: AccessPolicies = {
  telegram: (tx, id, r) => accountAccess(tx, { platform: 'telegram', accountId: id.accountId }, r),
  whatsapp: (tx, id, r) => accountAccess(tx, { platform: 'whatsapp', accountId: id.accountId }, r),
  // Whoever runs the server: the interview may set up a fresh organisation from here.
  local: () => Promise.resolve({ allowed: true, welcome: null, bound: null, redeemed: false }),
};

/** The policy of the identity's kind decides. */
export function checkAccess(tx: Db, identity: Identity, r: AccessRequest): Promise<AccessDecision> {
  const policy = accessPolicies[identity.kind] as AccessPolicy<Identity>;
  return policy(tx, identity, r);
}
