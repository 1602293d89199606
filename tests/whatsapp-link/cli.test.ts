// `probis whatsapp ...` and `probis invite --whatsapp` as an operator runs them, and the
// WhatsApp settings checked at start.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePairingNumber } from '../../bot/commands/whatsapp.js';
import { loadConfig } from '../../bot/config.js';
import { openDatabase } from '../../db/client.js';
import { markWhatsAppConnected, useDatabaseAuthState } from '../../db/index.js';
import { ROOT, probis } from '../support/cli.js';
import { migratedPgliteDir } from '../support/db.js';

describe('probis whatsapp', () => {
  it('--help lists linking, status, unlinking and the WhatsApp invitation', async () => {
    const r = await probis(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('probis whatsapp link [--pairing-code 6281234567890]');
    expect(r.stdout).toContain('probis whatsapp status');
    expect(r.stdout).toContain('probis whatsapp unlink');
    expect(r.stdout).toContain('[--whatsapp]');
    expect(r.stdout).toContain('WHATSAPP_ENABLED');
    expect(r.stdout).toContain('WHATSAPP_SESSION');
  });

  it('status before linking: not linked, how to link, nobody using it', async () => {
    const r = await probis(['whatsapp', 'status'], {
      env: { PROBIS_DATA_DIR: await migratedPgliteDir() },
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Sesi / session: default');
    expect(r.stdout).toContain(
      'Belum tertaut. Tautkan nomor WhatsApp Probis: probis whatsapp link',
    );
    expect(r.stdout).toContain('Dipakai oleh / in use by: - (tidak ada proses / no process)');
  });

  it.each(['+62 812', 'enam dua', '62812345678901234'])(
    'refuses the pairing number %s with an example, before opening the database',
    async (number) => {
      const dir = path.join(os.tmpdir(), `probis-never-${process.pid}-${number.length}`);
      const r = await probis(['whatsapp', 'link', '--pairing-code', number], {
        env: { PROBIS_DATA_DIR: dir },
      });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`Nomor "${number}" tidak valid untuk kode penautan`);
      expect(r.stderr).toContain('probis whatsapp link --pairing-code 6281234567890');
      expect(r.stderr).toContain('/ invalid number for a pairing code');
      expect(fs.existsSync(dir)).toBe(false);
    },
  );

  it.each([
    ['0812-3456-7890', '6281234567890'],
    ['+62 812 3456 7890', '6281234567890'],
    ['6281234567890', '6281234567890'],
  ])('reads the pairing number %s as %s, as staff write it', (input, digits) => {
    expect(parsePairingNumber(input)).toBe(digits);
  });

  it('refuses an unknown subcommand', async () => {
    const r = await probis(['whatsapp', 'scan'], {
      env: { PROBIS_DATA_DIR: await migratedPgliteDir() },
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Pakai "probis whatsapp link"');
  });

  it('names a bad WHATSAPP_ENABLED value at start without printing it', async () => {
    const r = await probis(['whatsapp', 'status'], { env: { WHATSAPP_ENABLED: 'ya-dong' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Konfigurasi tidak valid / invalid configuration');
    expect(r.stderr).toContain('WHATSAPP_ENABLED: must be 1 (on) or 0 (off)');
    expect(r.stderr).not.toContain('ya-dong');
  });

  it('invite --whatsapp: the code to send until a number is linked, then a wa.me link', async () => {
    const dir = await migratedPgliteDir();
    const env = { PROBIS_DATA_DIR: dir };
    const imported = await probis(
      ['org', 'import', path.join(ROOT, 'tests/fixtures/org/setda.csv')],
      {
        env,
      },
    );
    expect(imported.code).toBe(0);

    const before = await probis(['invite', '--person', 'budi', '--whatsapp'], { env });
    expect(before.code).toBe(0);
    const token = /probis revoke (\S+)/.exec(before.stdout)?.[1];
    expect(token).toBeTruthy();
    expect(before.stdout).toContain(`Kirim pesan "kode ${token}" ke nomor WhatsApp Probis.`);
    expect(before.stdout).toContain(
      `Send the message "kode ${token}" to Probis's WhatsApp number.`,
    );
    expect(before.stdout).toContain('Nomor WhatsApp Probis belum tertaut: probis whatsapp link');
    expect(before.stdout).not.toContain('t.me/');

    const h = await openDatabase({ dataDir: dir });
    try {
      await (await useDatabaseAuthState(h.db, 'default')).saveCreds();
      await markWhatsAppConnected(h.db, { session: 'default', ownNumber: '6281100002222' });
    } finally {
      await h.close();
    }
    const after = await probis(['invite', '--person', 'budi', '--whatsapp'], { env });
    expect(after.code).toBe(0);
    const token2 = /probis revoke (\S+)/.exec(after.stdout)?.[1];
    const link = `https://wa.me/6281100002222?text=kode%20${token2}`;
    expect(after.stdout.split('\n').filter((l) => l === link)).toHaveLength(1);
    expect(after.stdout).toContain(`atau kirim "kode ${token2}" ke +6281100002222`);
    expect(after.stdout).toContain(`or send "kode ${token2}" to +6281100002222`);
    expect(after.stdout).not.toContain('belum tertaut');

    const status = await probis(['whatsapp', 'status'], { env });
    expect(status.stdout).toMatch(/Tertaut \/ linked: \+6281100002222 \(\d{4}-\d\d-\d\d /);
  });
});

describe('WhatsApp configuration', () => {
  it.each([
    [{}, undefined, 'default'],
    [{ WHATSAPP_ENABLED: '1' }, true, 'default'],
    [{ WHATSAPP_ENABLED: '0', WHATSAPP_SESSION: 'kantor-2' }, false, 'kantor-2'],
    [{ WHATSAPP_ENABLED: '' }, undefined, 'default'],
  ])('%j -> enabled %s, session %s', (env, enabled, session) => {
    expect(loadConfig(env).whatsapp).toEqual({ enabled, session });
  });

  it.each([
    [{ WHATSAPP_ENABLED: 'true' }, 'WHATSAPP_ENABLED: must be 1 (on) or 0 (off)'],
    [{ WHATSAPP_SESSION: 'ada spasi' }, 'WHATSAPP_SESSION: 1-64 characters'],
  ])('refuses %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });
});
