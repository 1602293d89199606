// Child process for tests/db/pglite-folder.test.ts: opens a PGlite data folder.
//   open-data-folder.ts <dataDir>          open, print "opened", close, exit 0
//   open-data-folder.ts <dataDir> hold     open, print "ready <pid>", keep it open until killed
// On DatabaseLockedError prints "locked <message>" and exits 3.
import { DatabaseLockedError, openDatabase } from '../../../db/client.js';

const [dataDir, mode] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: open-data-folder.ts <dataDir> [hold]');

try {
  const h = await openDatabase({ dataDir });
  if (mode === 'hold') {
    process.stdout.write(`ready ${process.pid}\n`);
    setInterval(() => {}, 60_000);
  } else {
    process.stdout.write('opened\n');
    await h.close();
  }
} catch (e) {
  if (e instanceof DatabaseLockedError) {
    process.stdout.write(`locked ${e.message}\n`);
    process.exit(3);
  }
  throw e;
}
