// The terminal reads a pasted list as one message, as Telegram does: a paste's lines arrive
// together and are joined; "<<" ... "." is one message in any terminal. Piped lines stay answers.
import { PassThrough, Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../bot/log.js';
import { runTerminalChat } from '../../bot/terminal/terminal-chat.js';
import { type TestApp, openTestApp, seedRenja } from '../support/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp('pglite');
  await seedRenja(t.app);
});
afterAll(async () => t?.close());

function terminal(chatKey: string, input: Readable, joinPastes?: boolean) {
  const output = new PassThrough();
  let said = '';
  output.on('data', (c: Buffer) => (said += c.toString('utf8')));
  const done = runTerminalChat({
    db: t.app.database.db,
    service: t.app.service,
    log: silentLogger,
    input,
    output,
    mode: 'plain',
    personId: 'rina',
    chatKey,
    ...(joinPastes === undefined ? {} : { joinPastes }),
  });
  const until = async (text: string) => {
    for (let i = 0; i < 500 && !said.includes(text); i++)
      await new Promise((r) => setTimeout(r, 10));
    expect(said).toContain(text);
  };
  return { done, until, said: () => said };
}

describe('a paste in the terminal', () => {
  it('is one message: a pasted list of processes is noted whole, nothing refused', async () => {
    const input = new PassThrough();
    const chat = terminal('terminal:paste', input, true);
    await chat.until('Proses apa yang ingin Anda petakan');
    input.write('Proses baru\n');
    await chat.until('Sebutkan proses');
    // The clerk pastes three lines: they arrive at once.
    input.write('1. Penyusunan Renja\n2. Pengelolaan Surat Masuk\n3. Pengelolaan Arsip\n');
    await chat.until('Saya catat 3 proses');
    expect(chat.said()).not.toContain('Pilih salah satu');
    input.end();
    await chat.done;
  });

  it('"<<" ... "." is one message even when lines are piped one by one', async () => {
    const chat = terminal(
      'terminal:block',
      Readable.from(['Proses baru\n', '<<\n', 'Penyusunan Renja\n', 'Pengelolaan Arsip\n', '.\n']),
    );
    await chat.done;
    expect(chat.said()).toContain('Mode banyak baris');
    expect(chat.said()).toContain('Saya catat 2 proses');
  });

  it('piped lines stay one answer each (a script of answers)', async () => {
    const chat = terminal(
      'terminal:piped',
      Readable.from(['Proses baru\nPenyusunan Renja\nManajemen\n']),
    );
    await chat.done;
    expect(chat.said()).toContain('Saya catat 1 proses');
    expect(chat.said()).toContain('bagian dari kelompok proses');
  });
});
