// The probis command as a user runs it: help, organisation import, export and import, replay,
// the first run on a fresh machine, and a data folder already in use.
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExchangeDocument } from '../../core/model/index.js';
import { formatDocument } from '../../bot/commands/exchange.js';
import { migratedPgliteDir } from '../support/db.js';
import { ROOT, probis } from '../support/cli.js';
import { renjaWorld } from '../support/renja.js';
import { canonical } from '../support/scenario.js';

const fixture = (name: string) => path.join(ROOT, 'tests/fixtures', name);

describe('probis', () => {
  it('--help lists the commands in Indonesian and English', async () => {
    const r = await probis(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('probis org import FILE');
    expect(r.stdout).toContain('probis replay FILE');
  });

  it('refuses an unknown command with a pointer to --help', async () => {
    const r = await probis(['terbang'], { env: { PROBIS_DATA_DIR: await migratedPgliteDir() } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Perintah "terbang" tidak dikenal');
  });

  it('names a bad environment variable without printing its value', async () => {
    const r = await probis(['org', 'show'], {
      env: { TELEGRAM_BOT_TOKEN: 'secret-but-malformed' },
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('TELEGRAM_BOT_TOKEN');
    expect(r.stderr).not.toContain('secret-but-malformed');
  });

  it('imports an organisation from CSV and shows its tree; a bad file imports nothing', async () => {
    const env = { PROBIS_DATA_DIR: await migratedPgliteDir() };
    const dir = await mkdtemp(path.join(os.tmpdir(), 'probis-cli-'));
    const bad = path.join(dir, 'bad.csv');
    await writeFile(
      bad,
      'type;id;name;kind;parent\nunit;setda;Sekretariat Daerah;sekretariat;\nunit;bag-x;Bagian X;bagian;tidak-ada\n',
    );
    const refused = await probis(['org', 'import', bad], { env });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('Tidak ada yang diimpor');
    expect(refused.stdout).toMatch(/baris 3/);
    const none = await probis(['org', 'show'], { env });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('Belum ada instansi');

    const ok = await probis(['org', 'import', fixture('org/setda.csv')], { env });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('Diimpor');
    const shown = await probis(['org', 'show'], { env });
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('Sekretariat Daerah');
  });

  it('imports the Renja example as JSON and exports it identically', async () => {
    const env = { PROBIS_DATA_DIR: await migratedPgliteDir() };
    const imported = await probis(['import', fixture('renja-setda.json')], { env });
    expect(imported.code).toBe(0);
    const exported = await probis(['export', '--format', 'json'], { env });
    expect(exported.code).toBe(0);
    const expected = formatDocument(
      ExchangeDocument.parse(JSON.parse(readFileSync(fixture('renja-setda.json'), 'utf8'))),
    );
    expect(exported.stdout).toBe(expected);
    // Importing the same file again changes nothing.
    expect((await probis(['import', fixture('renja-setda.json')], { env })).code).toBe(0);
    expect((await probis(['export'], { env })).stdout).toBe(expected);
  });

  it('replays a transcript: prints the conversation and exports the resulting process', async () => {
    const out = path.join(await mkdtemp(path.join(os.tmpdir(), 'probis-replay-')), 'out.json');
    const r = await probis([
      'replay',
      fixture('renja-transcript.txt'),
      '--world',
      fixture('renja-start.json'),
      '--person',
      'rina',
      '--out',
      out,
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('> Penyusunan Rencana Kerja');
    expect(r.stdout).toContain('Apakah peta ini sudah benar?');
    const doc = ExchangeDocument.parse(JSON.parse(await readFile(out, 'utf8')));
    const renja = doc.processes.find((p) => p.code === '03.01')!;
    expect(canonical(renja)).toEqual(canonical(renjaWorld().expected));
  });

  it('on a fresh machine with no organisation, the terminal chat sets one up and asks for the first process', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'probis-fresh-'));
    const input =
      [
        'Pemerintah Kabupaten Contoh',
        'Rina',
        'Bagian Perencanaan dan Keuangan',
        'Kasubbag Perencanaan',
        '1',
        'Penyusunan Renja',
      ].join('\n') + '\n';
    const r = await probis(['start'], {
      env: { PROBIS_DATA_DIR: dataDir },
      input,
      timeoutMs: 120_000,
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Belum ada instansi yang terdaftar');
    expect(r.stdout).toContain('Terima kasih, Rina. Anda terdaftar.');
    expect(r.stdout).toContain('Termasuk jenis apa "Penyusunan Renja"?');
    expect(r.stdout).toMatch(/1\) Inti/);
    const shown = await probis(['org', 'show'], { env: { PROBIS_DATA_DIR: dataDir } });
    expect(shown.stdout).toContain('Bagian Perencanaan dan Keuangan');
  }, 180_000);
});
