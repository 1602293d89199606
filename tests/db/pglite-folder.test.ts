// The PGlite data folder: data survives a restart, and a second opener fails fast.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ExchangeDocument } from '../../core/model/exchange.js';
import {
  applyInbound,
  DatabaseLockedError,
  listProcesses,
  loadInterview,
  loadOrganisation,
  openDatabase,
  saveOrganisation,
  saveProcess,
} from '../../db/index.js';
import { migratedPgliteDir, tempDataDir } from '../support/db.js';

const fixture = ExchangeDocument.parse(
  JSON.parse(fs.readFileSync(new URL('../fixtures/renja-setda.json', import.meta.url), 'utf8')),
);
const CHILD = fileURLToPath(new URL('./support/open-data-folder.ts', import.meta.url));
const childArgs = (dir: string, ...rest: string[]) => ['--import', 'tsx', CHILD, dir, ...rest];

const dirs: string[] = [];
const newDir = () => {
  const d = tempDataDir('folder');
  dirs.push(d);
  return d;
};
/** A folder with a migrated cluster already in it (copied: creating one takes seconds). */
const migratedDir = async () => {
  const d = await migratedPgliteDir();
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('PGlite data folder', () => {
  it('keeps everything across close and reopen', async () => {
    const dir = newDir();
    let t0 = performance.now();
    const first = await openDatabase({ dataDir: dir });
    const createMs = performance.now() - t0;
    await saveOrganisation(first.db, fixture.organisation, { system: 'test' });
    for (const p of fixture.processes) {
      await saveProcess(first.db, {
        organisationId: fixture.organisation.id,
        process: p,
        expectedVersion: 0,
        actor: { system: 'test' },
      });
    }
    await applyInbound(
      first.db,
      { platform: 'terminal', updateKey: '1', chatKey: 'terminal:local' },
      () => ({
        state: { answered: ['Penyusunan Renja'] },
        stateVersion: 1,
        personId: 'rina',
        outbound: [],
      }),
    );
    await first.close();
    expect(fs.existsSync(path.join(dir, 'probis.lock'))).toBe(false);

    t0 = performance.now();
    const second = await openDatabase({ dataDir: dir });
    const reopenMs = performance.now() - t0;
    try {
      expect(await loadOrganisation(second.db, fixture.organisation.id)).toEqual(
        fixture.organisation,
      );
      expect(await listProcesses(second.db, { organisationId: fixture.organisation.id })).toEqual(
        fixture.processes,
      );
      expect(await loadInterview(second.db, 'terminal:local')).toMatchObject({
        personId: 'rina',
        state: { answered: ['Penyusunan Renja'] },
        revision: 1,
      });
    } finally {
      await second.close();
    }
    console.info(
      `PGlite create+migrate ${createMs.toFixed(0)} ms, reopen+migrate check ${reopenMs.toFixed(0)} ms`,
    );
  });

  it('refuses a second open in the same process, and allows it after close', async () => {
    const dir = await migratedDir();
    const first = await openDatabase({ dataDir: dir });
    try {
      const t0 = performance.now();
      const err = await openDatabase({ dataDir: dir }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(performance.now() - t0).toBeLessThan(500); // fails before PGlite loads
      expect(err).toBeInstanceOf(DatabaseLockedError);
      expect(err).toMatchObject({ pid: process.pid, dataDir: dir, code: 'DATABASE_LOCKED' });
      const msg = (err as Error).message;
      expect(msg).toContain('sedang dipakai oleh proses Probis lain');
      expect(msg).toContain('Another Probis process');
      expect(msg).toContain(String(process.pid));
      expect(msg).toContain(dir);
    } finally {
      await first.close();
    }
    const again = await openDatabase({ dataDir: dir });
    await again.close();
  });

  it('makes a child process fail fast while this process holds the folder', async () => {
    const dir = await migratedDir();
    const h = await openDatabase({ dataDir: dir });
    try {
      const r = spawnSync(process.execPath, childArgs(dir), { encoding: 'utf8', timeout: 30_000 });
      expect(r.status, r.stderr).toBe(3);
      expect(r.stdout).toContain(`locked Folder data ${dir}`);
      expect(r.stdout).toContain(`PID ${process.pid}`);
    } finally {
      await h.close();
    }
    const r = spawnSync(process.execPath, childArgs(dir), { encoding: 'utf8', timeout: 60_000 });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('opened');
  });

  it('is refused while a child holds the folder, and takes over the lock once the child is killed', async () => {
    const dir = await migratedDir();
    const seed = await openDatabase({ dataDir: dir });
    await saveOrganisation(seed.db, fixture.organisation, { system: 'test' });
    await seed.close();

    const child = spawn(process.execPath, childArgs(dir, 'hold'), {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    try {
      const line = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (b: Buffer) => {
          out += b.toString();
          if (out.includes('\n')) resolve(out.trim());
        });
        child.once('exit', (code) => reject(new Error(`child exited ${code} before ready`)));
      });
      expect(line).toBe(`ready ${child.pid}`);
      await expect(openDatabase({ dataDir: dir })).rejects.toMatchObject({
        name: 'DatabaseLockedError',
        pid: child.pid,
      });
    } finally {
      child.kill('SIGKILL');
      await exited;
    }
    // The lock file is still there, but its process is dead: stale, taken over.
    expect(fs.existsSync(path.join(dir, 'probis.lock'))).toBe(true);
    const h = await openDatabase({ dataDir: dir });
    try {
      expect(await loadOrganisation(h.db, fixture.organisation.id)).toEqual(fixture.organisation);
    } finally {
      await h.close();
    }
  });

  it('takes over a lock file left by a dead process, refuses one of a live process', async () => {
    const dir = await migratedDir();
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    });
    const deadPid = Number(dead.stdout);
    const lock = path.join(dir, 'probis.lock');
    const hostname = (await import('node:os')).hostname();
    fs.writeFileSync(
      lock,
      JSON.stringify({ pid: deadPid, hostname, startedAt: '2020-01-01T00:00:00.000Z' }),
    );
    const h = await openDatabase({ dataDir: dir, migrate: false });
    expect(JSON.parse(fs.readFileSync(lock, 'utf8'))).toMatchObject({ pid: process.pid });
    await h.close();

    // A live process (pid 1 always exists) holds it: refused.
    fs.writeFileSync(
      lock,
      JSON.stringify({ pid: 1, hostname, startedAt: '2020-01-01T00:00:00.000Z' }),
    );
    await expect(openDatabase({ dataDir: dir, migrate: false })).rejects.toMatchObject({ pid: 1 });
    // Our close never removes somebody else's lock.
    expect(fs.existsSync(lock)).toBe(true);
  });
});
