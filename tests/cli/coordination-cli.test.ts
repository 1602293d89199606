// The coordinator's commands on the command line: the chat commands of the same name, run once as
// a named person, with pictures written to files; refused like in the chat.
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migratedPgliteDir } from '../support/db.js';
import { ROOT, probis } from '../support/cli.js';

describe('probis coordination commands', () => {
  it('opens a campaign, shows progress with its chart, refuses a clerk, runs due reminders', async () => {
    const env = { PROBIS_DATA_DIR: await migratedPgliteDir() };
    const out = await mkdtemp(path.join(os.tmpdir(), 'probis-desk-'));
    expect(
      (await probis(['org', 'import', path.join(ROOT, 'tests/fixtures/org/setda.csv')], { env }))
        .code,
    ).toBe(0);

    // Two coordinators: the command must say who runs it.
    const who = await probis(['progress'], { env });
    expect(who.code).toBe(2);
    expect(who.stderr).toContain('--person');

    const opened = await probis(
      [
        'campaign',
        'open',
        '--name',
        'Pemetaan 2027',
        '--units',
        'Bagian Perencanaan dan Keuangan; Bagian Organisasi',
        '--deadline',
        '2027-01-31',
        '--person',
        'budi',
      ],
      { env },
    );
    expect(opened.code).toBe(0);
    expect(opened.stdout).toContain(
      'Kampanye "Pemetaan 2027" dibuka untuk 2 unit, tenggat 31 Jan 2027',
    );

    const progress = await probis(['progress', '--person', 'budi', '--out', out], {
      env,
      timeoutMs: 120_000,
    });
    expect(progress.code).toBe(0);
    expect(progress.stdout).toContain('Kampanye Pemetaan 2027');
    expect(progress.stdout).toContain('belum mulai');
    const file = /\(gambar: ([^,)]+\.png)/.exec(progress.stdout)?.[1];
    expect(file && existsSync(file)).toBe(true);

    const refused = await probis(['level0', '--person', 'rina'], { env });
    expect(refused.stdout).toMatch(/koordinator/i);

    const due = await probis(['remind'], { env });
    expect(due.code).toBe(0);
    expect(due.stdout).toContain('due reminders sent: 0');

    const help = await probis(['--help']);
    for (const c of ['probis campaign open', 'probis progress', 'probis ledger', 'probis approve'])
      expect(help.stdout).toContain(c);
  }, 240_000);
});
