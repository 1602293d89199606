// What Baileys logs reaches our log without message contents, keys or numbers.
import { expect, it } from 'vitest';
import { createLogger } from '../../bot/log.js';
import { baileysLogger } from '../../bot/whatsapp/logger.js';

it("keeps Baileys' words and an error's name, drops the objects it logs, masks numbers", () => {
  const lines: string[] = [];
  const log = baileysLogger(createLogger('debug', (l) => lines.push(l))).child({
    class: 'baileys',
    jid: '6281234567890@s.whatsapp.net',
  });
  log.trace({ node: { content: 'rahasia' } }, 'recv xml');
  log.debug({ msg: { conversation: 'jawaban pribadi' } }, 'handling message');
  log.info({ message: { conversation: 'jawaban pribadi' } }, 'sent message to 6281234567890');
  log.warn({ err: new Error('stream errored from 6281234567890') }, 'stream errored');
  log.error(new Error('Connection Failure'));
  const text = lines.join('\n');
  expect(text).not.toContain('rahasia');
  expect(text).not.toContain('jawaban pribadi');
  expect(text).not.toContain('6281234567890');
  expect(lines.map((l) => JSON.parse(l) as Record<string, unknown>)).toMatchObject([
    { level: 'debug', event: 'whatsapp.baileys', class: 'baileys', msg: 'sent message to <n>' },
    {
      level: 'warn',
      msg: 'stream errored',
      error: 'Error',
      message: 'stream errored from <n>',
    },
    { level: 'error', error: 'Error', message: 'Connection Failure' },
  ]);
});
