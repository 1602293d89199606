// `probis worker`: only jobs (map renders, clean-ups), no channel. Run as many as wanted on one
// PostgreSQL, beside `npm start` with PROBIS_JOBS=off or not; each job is taken by one of them.
import type { App } from '../app.js';

export async function runWorker(app: App): Promise<void> {
  await app.jobs.start({ work: true });
  app.log.info('worker.ready', { pid: process.pid, database: app.database.kind });
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  app.log.info('worker.stopping');
}
