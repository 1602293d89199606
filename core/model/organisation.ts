// The organisation (instansi): a tree of units, outside parties, and the people who answer.
import { z } from 'zod';

export const Id = z.string().min(1).max(64);
export type Id = z.infer<typeof Id>;

/**
 * Internal units form the tree OPD -> Bagian/Bidang -> Subbagian/Seksi, UPT.
 * Outside parties are units too, so that they can be lanes and SIPOC parties:
 * `public` (Pemohon, Masyarakat), `agency` (another OPD or a vertical agency such as ATR/BPN),
 * `system` (a national system such as OSS or SIMBG).
 */
export const InternalUnitKind = z.enum([
  'opd',
  'sekretariat',
  'bagian',
  'bidang',
  'subbagian',
  'seksi',
  'upt',
  'unit',
]);
export const ExternalUnitKind = z.enum(['public', 'agency', 'system']);
export const UnitKind = z.union([InternalUnitKind, ExternalUnitKind]);
export type UnitKind = z.infer<typeof UnitKind>;

export function isExternalKind(kind: UnitKind): boolean {
  return ExternalUnitKind.safeParse(kind).success;
}

export const Unit = z.object({
  id: Id,
  name: z.string().min(1).max(200),
  kind: UnitKind,
  parentId: Id.nullable(),
  /** Short form used in lanes and chat, e.g. "Bag. Perencanaan". */
  shortName: z.string().max(60).nullable().default(null),
});
export type Unit = z.infer<typeof Unit>;

export const Role = z.enum(['respondent', 'unit_head', 'coordinator', 'admin']);
export type Role = z.infer<typeof Role>;

export const Language = z.enum(['id', 'en']);
export type Language = z.infer<typeof Language>;

/**
 * A messaging account a person is reached on. Account ids: a Telegram user id, a WhatsApp number in
 * international form without '+' (e.g. "6281234567890") or a WhatsApp LID.
 */
export const AccountPlatform = z.enum(['telegram', 'whatsapp']);
export type AccountPlatform = z.infer<typeof AccountPlatform>;

export const ChannelAccount = z.object({
  platform: AccountPlatform,
  id: z.string().min(1).max(64),
});
export type ChannelAccount = z.infer<typeof ChannelAccount>;

const PersonFields = z.object({
  id: Id,
  name: z.string().min(1).max(200),
  /** Jabatan, e.g. "Kasubbag Perencanaan". */
  position: z.string().min(1).max(200),
  unitId: Id,
  roles: z.array(Role).default(['respondent']),
  nip: z.string().max(32).nullable().default(null),
  /** The accounts the person uses, at most one per platform. */
  accounts: z.array(ChannelAccount).default([]),
  language: Language.default('id'),
});

/**
 * A person. Exports made before channel accounts carried `telegramId` and `whatsapp` fields: they
 * are still read, as accounts.
 */
export const Person = PersonFields.extend({
  telegramId: z
    .string()
    .max(64)
    .nullable()
    .optional()
    .describe('Deprecated (before channel accounts): read as a telegram account.'),
  whatsapp: z
    .string()
    .max(64)
    .nullable()
    .optional()
    .describe('Deprecated (before channel accounts): read as a whatsapp account.'),
}).transform(({ telegramId, whatsapp, ...p }) => {
  const legacy: ChannelAccount[] = [
    ...(telegramId ? [{ platform: 'telegram' as const, id: telegramId }] : []),
    ...(whatsapp ? [{ platform: 'whatsapp' as const, id: whatsapp }] : []),
  ];
  const accounts = [
    ...p.accounts,
    ...legacy.filter((a) => !p.accounts.some((b) => b.platform === a.platform)),
  ];
  return { ...p, accounts };
});
export type Person = z.output<typeof PersonFields>;

/** The person's account on a platform, if any. */
export function accountOn(person: Pick<Person, 'accounts'>, platform: AccountPlatform) {
  return person.accounts.find((a) => a.platform === platform) ?? null;
}

export const Organisation = z.object({
  id: Id,
  name: z.string().min(1).max(200),
  /** Optional prefix of process codes, e.g. "SETDA" gives "SETDA.03.01". */
  codePrefix: z.string().max(20).nullable().default(null),
  units: z.array(Unit),
  people: z.array(Person),
});
export type Organisation = z.infer<typeof Organisation>;

/** Children of a unit, in the order they were given. */
export function childUnits(org: Pick<Organisation, 'units'>, parentId: string | null): Unit[] {
  return org.units.filter((u) => u.parentId === parentId);
}

export function unitById(org: Pick<Organisation, 'units'>, id: string): Unit | undefined {
  return org.units.find((u) => u.id === id);
}

/** The unit and its ancestors, nearest first. Stops on a cycle rather than looping. */
export function unitAncestry(org: Pick<Organisation, 'units'>, id: string): Unit[] {
  const out: Unit[] = [];
  const seen = new Set<string>();
  let cur = unitById(org, id);
  while (cur && !seen.has(cur.id)) {
    out.push(cur);
    seen.add(cur.id);
    cur = cur.parentId ? unitById(org, cur.parentId) : undefined;
  }
  return out;
}
