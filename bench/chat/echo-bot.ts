// Bot variant 2, the echo floor: a bare telegraf bot (its own long polling) that answers each text
// with the same text. No database.
import { Telegraf } from 'telegraf';
import { message } from 'telegraf/filters';
import { launchFloorBot, required } from './child.js';

const bot = new Telegraf(required('TELEGRAM_BOT_TOKEN'), {
  telegram: { apiRoot: required('TELEGRAM_API_ROOT') },
});
bot.on(message('text'), (ctx) => ctx.reply(ctx.message.text));
launchFloorBot('echo-bot', bot);
