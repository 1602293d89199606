// `probis start` (and `npm start`): Telegram when a bot token is configured, otherwise the
// interview in this terminal.
import type { App } from './app.js';
import { mapFilesIn } from './terminal/map-files.js';
import { runTerminalChat } from './terminal/terminal-chat.js';

export async function runStart(app: App): Promise<void> {
  if (app.config.telegram) {
    const { runTelegram } = await import('./telegram/run.js');
    await runTelegram(app);
    return;
  }
  app.log.info('terminal.start');
  await app.jobs.start({ work: app.config.jobs === 'on' });
  process.stdout.write(
    'Probis — ketik jawaban lalu Enter; /bantuan untuk perintah; Ctrl+D untuk keluar.\n\n',
  );
  await runTerminalChat({
    db: app.database.db,
    service: app.service,
    log: app.log,
    input: process.stdin,
    output: process.stdout,
    mode: 'plain',
    maps: app.maps,
    mapFiles: mapFilesIn(app.config.dataDir),
  });
}
