// Bot variant 1, "probis": the real application, as `npm start` runs it with a token, pointed at
// the driver's fake Bot API (TELEGRAM_API_ROOT), with pacing off (the fake has no rate limits).
import { openApp } from '../../bot/app.js';
import { startTelegram } from '../../bot/telegram/run.js';
import { serveDriver } from './child.js';

const app = await openApp(process.env);
const rt = await startTelegram(app, { pollTimeoutSec: 1, pacing: { perChatMs: 0, globalMs: 0 } });
serveDriver(async () => {
  await rt.stop();
  await app.close();
});
