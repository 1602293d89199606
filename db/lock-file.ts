// An exclusive lock file for a PGlite data folder. PGlite is one connection in one process:
// two processes on one folder corrupt it, so the second must fail fast with a clear message.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const LOCK_FILE_NAME = 'probis.lock';

export class DatabaseLockedError extends Error {
  readonly code = 'DATABASE_LOCKED';
  constructor(
    readonly dataDir: string,
    readonly pid: number | null,
  ) {
    const who = pid === null ? 'PID tidak diketahui / unknown PID' : `PID ${pid}`;
    super(
      `Folder data ${dataDir} sedang dipakai oleh proses Probis lain (${who}); hentikan proses itu atau pakai folder lain. ` +
        `/ Another Probis process (${who}) is using the data folder ${dataDir}; stop it or use another folder.`,
    );
    this.name = 'DatabaseLockedError';
  }
}

type LockContent = { pid: number; hostname: string; startedAt: string };

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(lockPath: string): LockContent | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(lockPath, 'utf8')) as Partial<LockContent>;
    return typeof parsed.pid === 'number' ? (parsed as LockContent) : null;
  } catch {
    return null;
  }
}

/**
 * Takes `dataDir/probis.lock` (created with O_EXCL). A lock left by a dead process on this host
 * is taken over; a lock held by a live process, this one included, throws DatabaseLockedError.
 * Returns the release function, which removes the file only while it is still ours.
 */
export function acquireDataDirLock(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, LOCK_FILE_NAME);
  const mine: LockContent = {
    pid: process.pid,
    hostname: os.hostname(),
    startedAt: new Date().toISOString(),
  };

  for (let attempt = 0; attempt < 2; attempt++) {
    let fd: number;
    try {
      fd = fs.openSync(lockPath, 'wx');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const held = readLock(lockPath);
      if (held === null) {
        // Unreadable: either being written this very moment by another opener, or left torn
        // by a crash. A young file is treated as held, an old one as stale.
        const st = fs.statSync(lockPath, { throwIfNoEntry: false });
        if (st && Date.now() - st.mtimeMs < 10_000) throw new DatabaseLockedError(dataDir, null);
      } else if (held.hostname !== mine.hostname || isAlive(held.pid)) {
        // A lock from another host (a shared folder) cannot be checked: treat it as held.
        throw new DatabaseLockedError(dataDir, held.pid);
      }
      if (attempt === 1) throw new DatabaseLockedError(dataDir, held?.pid ?? null);
      // Stale: its process is gone. Move it aside atomically and check that what was moved is
      // the stale lock just read, not a fresh one another starter took in the meantime.
      const aside = `${lockPath}.stale-${process.pid}-${Date.now()}`;
      try {
        fs.renameSync(lockPath, aside);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue;
        throw err;
      }
      const moved = readLock(aside);
      if (held && moved && (moved.pid !== held.pid || moved.startedAt !== held.startedAt)) {
        try {
          fs.linkSync(aside, lockPath); // put the live lock back
        } catch {
          /* someone else holds the name now; their lock stands */
        }
        fs.rmSync(aside, { force: true });
        throw new DatabaseLockedError(dataDir, moved.pid);
      }
      fs.rmSync(aside, { force: true });
      continue;
    }
    try {
      fs.writeSync(fd, JSON.stringify(mine));
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    return () => {
      const held = readLock(lockPath);
      if (held && held.pid === mine.pid && held.startedAt === mine.startedAt)
        fs.rmSync(lockPath, { force: true });
    };
  }
  /* c8 ignore next */
  throw new DatabaseLockedError(dataDir, null);
}
