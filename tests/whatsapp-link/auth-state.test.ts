// The WhatsApp login (Baileys' credentials and signal keys) lives in the database and survives a
// restart of the process on PGlite and on PostgreSQL: a generated state, saved, the database
// closed and opened again, read back equal, Buffers intact. Nothing connects to WhatsApp.
import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { Curve, initAuthCreds, proto, type SignalDataSet } from '@whiskeysockets/baileys';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../db/client.js';
import {
  getWhatsAppSession,
  hasWhatsAppCreds,
  markWhatsAppConnected,
  useDatabaseAuthState,
} from '../../db/index.js';
import { createPostgresDatabase, migratedPgliteDir, SKIP_POSTGRES } from '../support/db.js';

/** Opens the same database again and again, as a restarted process would. */
type Reopenable = { open(): Promise<DatabaseHandle>; dispose(): Promise<void> };

const kinds: Array<[string, () => Promise<Reopenable>, boolean]> = [
  [
    'pglite',
    async () => {
      const dir = await migratedPgliteDir();
      return {
        open: () => openDatabase({ dataDir: dir }),
        dispose: async () => fs.rmSync(dir, { recursive: true, force: true }),
      };
    },
    false,
  ],
  [
    'postgres',
    async () => {
      const created = await createPostgresDatabase();
      return {
        open: () => openDatabase({ databaseUrl: created.url, dataDir: '' }),
        dispose: created.drop,
      };
    },
    SKIP_POSTGRES,
  ],
];

function generatedKeys(): SignalDataSet {
  const appStateKey = proto.Message.AppStateSyncKeyData.fromObject({
    keyData: randomBytes(32),
    fingerprint: { rawId: 7, currentIndex: 2, deviceIndexes: [0, 3] },
    timestamp: 1_790_000_000,
  });
  return {
    'pre-key': { '1': Curve.generateKeyPair(), '2': Curve.generateKeyPair() },
    session: { '6281234567890.0': randomBytes(120) },
    'sender-key': { '120363@g.us::6281234567890::0': randomBytes(64) },
    'sender-key-memory': { '120363@g.us': { '6281234567890:0@s.whatsapp.net': true } },
    'app-state-sync-key': { AAAAABcA: appStateKey },
    'app-state-sync-version': {
      regular_high: {
        version: 4,
        hash: randomBytes(128),
        indexValueMap: { 'aW5kZXg=': { valueMac: randomBytes(32) } },
      },
    },
    'lid-mapping': {
      '6281234567890': '123456789012345',
      '123456789012345_reverse': '6281234567890',
    },
    'device-list': { '6281234567890': ['0', '3'] },
    tctoken: {
      '6281234567890@s.whatsapp.net': { token: randomBytes(24), timestamp: '1790000000' },
    },
    'identity-key': { '6281234567890.0': randomBytes(33) },
  };
}

for (const [kind, make, skip] of kinds) {
  describe.skipIf(skip)(`WhatsApp login in the database [${kind}]`, () => {
    let db: Reopenable | undefined;
    afterAll(async () => db?.dispose());

    it('survives a restart: credentials and every kind of key read back equal, Buffers intact', async () => {
      db = await make();
      const keys = generatedKeys();
      const first = await db.open();
      const creds = initAuthCreds();
      try {
        expect(await hasWhatsAppCreds(first.db, 'default')).toBe(false);
        const auth = await useDatabaseAuthState(first.db, 'default');
        // A new session starts with fresh credentials, not someone else's.
        expect(auth.state.creds.registered).toBe(false);
        Object.assign(auth.state.creds, creds, {
          me: { id: '6281234567890:12@s.whatsapp.net', name: 'Probis' },
          registered: true,
        });
        await auth.saveCreds();
        await auth.state.keys.set(keys);
        // A used pre-key is deleted by setting it to null.
        await auth.state.keys.set({ 'pre-key': { '1': null } });
        await markWhatsAppConnected(first.db, { session: 'default', ownNumber: '6281234567890' });
      } finally {
        await first.close();
      }

      const second = await db.open();
      try {
        expect(await hasWhatsAppCreds(second.db, 'default')).toBe(true);
        const auth = await useDatabaseAuthState(second.db, 'default');
        const c = auth.state.creds;
        expect(c.me).toEqual({ id: '6281234567890:12@s.whatsapp.net', name: 'Probis' });
        expect(c.registered).toBe(true);
        expect(Buffer.isBuffer(c.noiseKey.private)).toBe(true);
        expect(Buffer.from(c.noiseKey.private)).toEqual(Buffer.from(creds.noiseKey.private));
        expect(Buffer.from(c.signedIdentityKey.public)).toEqual(
          Buffer.from(creds.signedIdentityKey.public),
        );
        expect(Buffer.from(c.signedPreKey.signature)).toEqual(
          Buffer.from(creds.signedPreKey.signature),
        );
        expect(c.registrationId).toBe(creds.registrationId);
        expect(c.advSecretKey).toBe(creds.advSecretKey);

        const k = auth.state.keys;
        const preKeys = await k.get('pre-key', ['1', '2']);
        expect(Object.keys(preKeys)).toEqual(['2']);
        expect(Buffer.isBuffer(preKeys['2']?.private)).toBe(true);
        expect(preKeys['2']).toEqual(keys['pre-key']?.['2']);
        for (const type of [
          'session',
          'sender-key',
          'sender-key-memory',
          'app-state-sync-version',
          'lid-mapping',
          'device-list',
          'tctoken',
          'identity-key',
        ] as const) {
          const expected = keys[type] as Record<string, unknown>;
          const got = await k.get(type, Object.keys(expected));
          expect(got, type).toEqual(expected);
        }
        const sessionValue = (await k.get('session', ['6281234567890.0']))['6281234567890.0'];
        expect(Buffer.isBuffer(sessionValue)).toBe(true);

        // The app-state key comes back as Baileys' protobuf object, as its file store gives it.
        const appKey = (await k.get('app-state-sync-key', ['AAAAABcA'])).AAAAABcA;
        expect(appKey).toBeInstanceOf(proto.Message.AppStateSyncKeyData);
        const original = keys['app-state-sync-key']?.AAAAABcA;
        expect(Buffer.from(appKey!.keyData!)).toEqual(Buffer.from(original!.keyData!));
        expect(appKey!.fingerprint?.deviceIndexes).toEqual([0, 3]);
        expect(Number(appKey!.timestamp)).toBe(1_790_000_000);

        // Missing ids are simply absent.
        expect(await k.get('session', ['nobody.0'])).toEqual({});

        const row = await getWhatsAppSession(second.db, 'default');
        expect(row?.ownNumber).toBe('6281234567890');
        expect(row?.linkedAt).toBeInstanceOf(Date);

        // clear() forgets the login and the number: the next start needs a new link.
        await auth.clear();
        expect(await hasWhatsAppCreds(second.db, 'default')).toBe(false);
        expect(await k.get('identity-key', ['6281234567890.0'])).toEqual({});
        expect((await getWhatsAppSession(second.db, 'default'))?.ownNumber).toBeNull();
      } finally {
        await second.close();
      }
    });

    it('keeps sessions apart', async () => {
      const h = await db!.open();
      try {
        const a = await useDatabaseAuthState(h.db, 'a');
        const b = await useDatabaseAuthState(h.db, 'b');
        await a.state.keys.set({ session: { x: Buffer.from('for a') } });
        await b.state.keys.set({ session: { x: Buffer.from('for b') } });
        await b.clear();
        expect(await a.state.keys.get('session', ['x'])).toEqual({ x: Buffer.from('for a') });
        expect(await b.state.keys.get('session', ['x'])).toEqual({});
      } finally {
        await h.close();
      }
    });
  });
}
