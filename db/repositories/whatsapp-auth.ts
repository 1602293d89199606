// Baileys' authentication state in the database instead of loose files: the credentials and the
// signal keys of a session, so a restart or another machine reconnects without a new scan.
// Values are JSON written with Baileys' BufferJSON (Buffers survive the round trip); an
// app-state-sync-key is read back as its protobuf object, as Baileys' own file store does.
// Baileys is loaded when a state is opened, not when db/ is imported.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type {
  AuthenticationCreds,
  AuthenticationState,
  SignalDataSet,
  SignalDataTypeMap,
} from '@whiskeysockets/baileys';
import type { Db } from '../client.js';
import { whatsappAuth } from '../schema.js';
import { clearWhatsAppAuth } from './whatsapp-sessions.js';

export type DatabaseAuthState = {
  state: AuthenticationState;
  /** Writes the credentials as they are now (call on Baileys' 'creds.update'). */
  saveCreds(): Promise<void>;
  /** Deletes the credentials and every key of the session (after a log-out). */
  clear(): Promise<void>;
};

const CREDS = { type: 'creds', id: 'creds' } as const;

/**
 * The authentication state of `session`: the stored credentials, or new ones (initAuthCreds)
 * when the session was never linked. keys.set writes all of one call in one transaction; writes
 * (key sets and credential saves) are applied in the order they are made.
 */
export async function useDatabaseAuthState(db: Db, session: string): Promise<DatabaseAuthState> {
  const { BufferJSON, initAuthCreds, proto } = await import('@whiskeysockets/baileys');
  const encode = (v: unknown) => JSON.stringify(v, BufferJSON.replacer);
  const decode = (s: string): unknown => JSON.parse(s, BufferJSON.reviver) as unknown;

  const stored = await storedCreds(db, session);
  const creds = stored ? (decode(stored.value) as AuthenticationCreds) : initAuthCreds();

  // One queue for every write: a later save never lands before an earlier one.
  let writes: Promise<unknown> = Promise.resolve();
  const queued = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = writes.then(fn, fn);
    writes = next.catch(() => {});
    return next;
  };

  /** The rows of these keys of one type of the session. */
  const keysOf = (type: string, ids: string[]) =>
    and(
      eq(whatsappAuth.session, session),
      eq(whatsappAuth.type, type),
      inArray(whatsappAuth.id, ids),
    );

  const upsert = (tx: Db, rows: Array<{ type: string; id: string; value: string }>) =>
    tx
      .insert(whatsappAuth)
      .values(rows.map((r) => ({ session, ...r })))
      .onConflictDoUpdate({
        target: [whatsappAuth.session, whatsappAuth.type, whatsappAuth.id],
        set: { value: sql`excluded.value`, updatedAt: sql`now()` },
      });

  return {
    state: {
      creds,
      keys: {
        async get<T extends keyof SignalDataTypeMap>(type: T, ids: string[]) {
          const out: { [id: string]: SignalDataTypeMap[T] } = {};
          if (ids.length === 0) return out;
          const rows = await db
            .select({ id: whatsappAuth.id, value: whatsappAuth.value })
            .from(whatsappAuth)
            .where(keysOf(type, ids));
          for (const r of rows) {
            let value = decode(r.value);
            if (type === 'app-state-sync-key' && value)
              value = proto.Message.AppStateSyncKeyData.fromObject(value as object);
            out[r.id] = value as SignalDataTypeMap[T];
          }
          return out;
        },
        set(data: SignalDataSet) {
          return queued(() =>
            db.transaction(async (tx) => {
              const rows: Array<{ type: string; id: string; value: string }> = [];
              for (const [type, byId] of Object.entries(data)) {
                const gone: string[] = [];
                for (const [id, value] of Object.entries(byId ?? {})) {
                  if (value === null || value === undefined) gone.push(id);
                  else rows.push({ type, id, value: encode(value) });
                }
                if (gone.length > 0) await tx.delete(whatsappAuth).where(keysOf(type, gone));
              }
              if (rows.length > 0) await upsert(tx, rows);
            }),
          );
        },
      },
    },
    saveCreds() {
      return queued(async () => {
        await upsert(db, [{ ...CREDS, value: encode(creds) }]);
      });
    },
    clear() {
      return queued(() => clearWhatsAppAuth(db, session));
    },
  };
}

/** Whether the session has stored credentials (it was linked, or a link was started). */
export async function hasWhatsAppCreds(db: Db, session: string): Promise<boolean> {
  return (await storedCreds(db, session)) !== undefined;
}

/** The session's credentials row, as stored (BufferJSON text). */
async function storedCreds(db: Db, session: string): Promise<{ value: string } | undefined> {
  const [row] = await db
    .select({ value: whatsappAuth.value })
    .from(whatsappAuth)
    .where(
      and(
        eq(whatsappAuth.session, session),
        eq(whatsappAuth.type, CREDS.type),
        eq(whatsappAuth.id, CREDS.id),
      ),
    );
  return row;
}
