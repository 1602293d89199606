// probis export --format bpmn|svg|png and probis map --level0|--relation, as a user runs them on
// the Renja example: the files they say they wrote exist and hold the process's map.
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { BpmnModdle } from 'bpmn-moddle';
import { beforeAll, describe, expect, it } from 'vitest';
import { ExchangeDocument, isStep } from '../../core/model/index.js';
import { ROOT, probis } from '../support/cli.js';
import { migratedPgliteDir } from '../support/db.js';
import { PNG_SIGNATURE, pngSize } from '../renderers/png.js';
import { groups } from '../renderers/svg.js';

const RENJA_FILE = path.join(ROOT, 'tests/fixtures/renja-setda.json');
const renja = ExchangeDocument.parse(JSON.parse(readFileSync(RENJA_FILE, 'utf8')));
const renjaFlow = renja.processes.find((p) => p.code === '03.01')!.flow!;
const renjaSteps = renjaFlow.nodes.filter(isStep).map((n) => n.name);
const byKind = (kind: string) =>
  renjaFlow.nodes.flatMap((n) => (n.kind === kind && isStep(n) ? [n.name] : []));

/** The paths a command says it wrote ("N berkas ditulis / N file(s) written:" then one a line). */
function written(stdout: string): string[] {
  const [head, ...lines] = stdout.trim().split('\n');
  expect(head).toMatch(/^\d+ berkas ditulis \/ \d+ file\(s\) written:$/);
  return lines.map((l) => l.trim());
}

const isPng = (bytes: Uint8Array) =>
  PNG_SIGNATURE.every((b, i) => bytes[i] === b) && pngSize(bytes).width > 300;

let env: Record<string, string>;
let out: string;
beforeAll(async () => {
  env = { PROBIS_DATA_DIR: await migratedPgliteDir() };
  out = await mkdtemp(path.join(os.tmpdir(), 'probis-export-'));
  expect((await probis(['import', RENJA_FILE], { env })).code).toBe(0);
}, 120_000);

describe('probis export', () => {
  it('--format bpmn --process 03.01 writes BPMN XML that reads back with every activity as a task, the decision as a gateway', async () => {
    const r = await probis(
      ['export', '--format', 'bpmn', '--process', '03.01', '--out', path.join(out, 'bpmn')],
      { env },
    );
    expect(r.code).toBe(0);
    const files = written(r.stdout);
    expect(files).toEqual([path.join(out, 'bpmn', 'peta-03.01.bpmn')]);
    const { rootElement } = await new BpmnModdle().fromXML(await readFile(files[0]!, 'utf8'));
    type Element = { $type: string; name?: string };
    const elements = (
      rootElement as unknown as { rootElements: { flowElements?: Element[] }[] }
    ).rootElements.flatMap((e) => e.flowElements ?? []);
    const named = (type: RegExp) =>
      elements
        .filter((e) => type.test(e.$type))
        .map((e) => e.name)
        .sort();
    expect(named(/Task$/)).toEqual(byKind('activity').sort());
    // The decision is a named gateway; the unnamed one merges the loop back into step 4.
    expect(named(/ExclusiveGateway$/).filter((n) => n)).toEqual(byKind('decision').sort());
    expect(named(/ExclusiveGateway$/).filter((n) => !n)).toHaveLength(1);
  });

  it('--out FILE.bpmn names the file itself', async () => {
    const file = path.join(out, 'renja.bpmn');
    const r = await probis(['export', '--format', 'bpmn', '--process', '03.01', '--out', file], {
      env,
    });
    expect(r.code).toBe(0);
    expect(written(r.stdout)).toEqual([file]);
    expect(readFileSync(file, 'utf8')).toContain('<bpmn:definitions');
  });

  it('--format svg writes the whole map as one SVG with the step names', async () => {
    const r = await probis(
      ['export', '--format', 'svg', '--process', '03.01', '--out', path.join(out, 'svg')],
      { env },
    );
    expect(r.code).toBe(0);
    const [file] = written(r.stdout);
    expect(file).toBe(path.join(out, 'svg', 'peta-03.01.svg'));
    const svg = await readFile(file!, 'utf8');
    expect(svg).toMatch(/^<\?xml|^<svg/);
    const nodes = groups(svg, 'node').map((n) => n.texts.join(' '));
    for (const step of renjaSteps)
      expect(
        nodes.some((t) => t.includes(step)),
        step,
      ).toBe(true);
  });

  it('--format png without --process writes the pages of every process with a flow', async () => {
    const dir = path.join(out, 'png');
    const r = await probis(['export', '--format', 'png', '--out', dir], {
      env,
      timeoutMs: 120_000,
    });
    expect(r.code).toBe(0);
    const files = written(r.stdout);
    // Renja (03.01) has a flow; its parent 03 has none and is left out.
    expect(files[0]).toBe(path.join(dir, 'peta-03.01-1.png'));
    expect(files.every((f) => /peta-03\.01-\d+\.png$/.test(f))).toBe(true);
    expect((await readdir(dir)).sort()).toEqual(files.map((f) => path.basename(f)).sort());
    for (const f of files) expect(isPng(readFileSync(f)), f).toBe(true);
  });

  it('an unknown format is refused with the formats there are and an example', async () => {
    const r = await probis(['export', '--format', 'pdf'], { env });
    expect(r.code).toBe(2);
    // Every format there is, whichever documents have joined the four maps.
    expect(r.stderr).toMatch(
      /Format "pdf" tidak dikenal; pilih json, bpmn, svg, png(, [a-z-]+)* atau [a-z-]+\. Contoh: probis export --format bpmn --process 01\.02/,
    );
  });

  it('an unknown code is refused with the codes that exist', async () => {
    const r = await probis(['export', '--format', 'bpmn', '--process', '07.01'], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'Tidak ada proses dengan kode 07.01. Contoh: probis export --format bpmn --process 03.01.',
    );
    expect(r.stderr).toContain('03.01 Penyusunan Rencana Kerja');
  });

  it('a process without a flow has no map: the answer names one that has', async () => {
    const r = await probis(['export', '--format', 'svg', '--process', '03'], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Proses 03 "Perencanaan dan Penganggaran" belum punya alur langkah');
    expect(r.stderr).toContain('Contoh: probis export --format svg --process 03.01');
  });
});

describe('probis map', () => {
  it('--level0 writes the Level-0 map as PNG and SVG', async () => {
    const dir = path.join(out, 'level0');
    const r = await probis(['map', '--level0', '--out', dir], { env });
    expect(r.code).toBe(0);
    expect(written(r.stdout)).toEqual([
      path.join(dir, 'level0-kab-contoh-1.png'),
      path.join(dir, 'level0-kab-contoh.svg'),
    ]);
    expect(isPng(readFileSync(path.join(dir, 'level0-kab-contoh-1.png')))).toBe(true);
    const svg = readFileSync(path.join(dir, 'level0-kab-contoh.svg'), 'utf8');
    expect(groups(svg, 'node').map((n) => n.texts.join(' '))).toContain(
      '03 Perencanaan dan Penganggaran',
    );
  });

  it('--level0 --process 03 writes the tree below 03', async () => {
    const dir = path.join(out, 'tree');
    const r = await probis(['map', '--level0', '--process', '03', '--out', dir], { env });
    expect(r.code).toBe(0);
    const [png, svg] = written(r.stdout);
    expect(png).toBe(path.join(dir, 'pohon-03-1.png'));
    const nodes = groups(readFileSync(svg!, 'utf8'), 'node').map((n) => n.texts.join(' '));
    expect(nodes).toEqual(['03 Perencanaan dan Penganggaran', '03.01 Penyusunan Rencana Kerja']);
  });

  it('--relation writes the Peta Relasi drawn from the processes’ flows', async () => {
    const dir = path.join(out, 'relation');
    const r = await probis(['map', '--relation', '--out', dir], { env });
    expect(r.code).toBe(0);
    const files = written(r.stdout);
    expect(files).toEqual([
      path.join(dir, 'relasi-proses-kab-contoh-1.png'),
      path.join(dir, 'relasi-proses-kab-contoh.svg'),
    ]);
    expect(isPng(readFileSync(files[0]!))).toBe(true);
    const svg = readFileSync(files[1]!, 'utf8');
    const edges = groups(svg, 'edge').map((e) => e.texts.join(' '));
    expect(edges.some((t) => t.includes('03.01: Usulan program'))).toBe(true);
  });

  it('--relation --unit names a unit; an unknown one is refused with an example', async () => {
    const dir = path.join(out, 'unit');
    const ok = await probis(['map', '--relation', '--unit', 'Perencanaan', '--out', dir], { env });
    expect(ok.code).toBe(0);
    expect(written(ok.stdout)[0]).toBe(path.join(dir, 'relasi-bag-perencanaan-1.png'));
    const no = await probis(['map', '--relation', '--unit', 'Bagian Kebun'], { env });
    expect(no.code).toBe(2);
    expect(no.stderr).toContain(
      'Unit "Bagian Kebun" tidak ditemukan. Contoh: probis map --relation --unit "Bagian Perencanaan dan Keuangan"',
    );
  });

  it('asks which map when given neither or both', async () => {
    for (const args of [['map'], ['map', '--level0', '--relation']]) {
      const r = await probis(args, { env });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('Pilih satu peta: probis map --level0');
    }
    expect(existsSync(path.join(env.PROBIS_DATA_DIR!, 'maps'))).toBe(false);
  });

  it('--help names export’s formats and the map command, Indonesian first', async () => {
    const help = (await probis(['--help'])).stdout;
    expect(help).toContain(
      'probis export [--format json|bpmn|svg|png|sop-pdf|sop-docx|inventory-xlsx|annex-pdf|decree-docx]',
    );
    expect(help).toContain('[--process KODE] [--org ID] [--paper a4|f4] [--out FILE|DIR]');
    expect(help).toContain('probis map --level0 [--process KODE] | --relation');
    expect(help.indexOf('gambar PNG dan SVG')).toBeLessThan(help.indexOf('PNG pages and SVG'));
  });
});
