// The Peta Relasi of the processes in chat, as a coordinator and a clerk see it: "/relasi proses"
// (every process with a flow) and "/relasi 03.01" (one process) ask for a picture that a job draws
// from the stored processes; "/relasi" and "/relasi Bagian Umum" stay the interface ledger. The
// Level-0 picture (/level0) is drawn the same way.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeEach, expect, it, describe } from 'vitest';
import { loadPictureSource } from '../../bot/pictures/sources.js';
import { runImport } from '../../bot/commands/exchange.js';
import { parseDeskCommand } from '../../core/interview/desk/commands.js';
import type { Outbound, PictureRequest } from '../../core/interview/index.js';
import { ExchangeDocument } from '../../core/model/index.js';
import { createRenderer } from '../../renderers/index.js';
import { ROOT } from '../support/cli.js';
import { forEachDatabase } from '../support/db.js';
import { DeskChat } from '../support/desk.js';
import { PNG_SIGNATURE, pngSize } from '../renderers/png.js';
import { groups } from '../renderers/svg.js';
import { setda, suratMasuk } from './fixtures-org.js';

const RENJA_FILE = path.join(ROOT, 'tests/fixtures/renja-setda.json');
const renja = ExchangeDocument.parse(JSON.parse(readFileSync(RENJA_FILE, 'utf8')));

const texts = (out: Outbound[]) =>
  out.map((o) => ('text' in o ? o.text : 'caption' in o ? o.caption : '')).join('\n');
const pictures = (out: Outbound[]) => out.flatMap((o) => (o.kind === 'picture' ? [o] : []));

function chat(personId: string, world: 'setda' | 'renja' = 'setda') {
  const c =
    world === 'setda'
      ? new DeskChat(setda, [suratMasuk()], personId)
      : new DeskChat(renja.organisation, renja.processes, personId);
  c.send({ kind: 'resume' });
  return c;
}

describe('/relasi: the ledger of units, or the relation map of the processes', () => {
  it.each([
    ['/relasi', { name: 'ledger', unit: null }],
    ['/relasi Bagian Umum', { name: 'ledger', unit: 'Bagian Umum' }],
    ['/relasi proses', { name: 'relation', code: null }],
    ['/relasi_proses', { name: 'relation', code: null }],
    ['/relasi Proses 03.01', { name: 'relation', code: '03.01' }],
    ['/relasi 03.01', { name: 'relation', code: '03.01' }],
    ['/relasi_0301', { name: 'relation', code: '03.01' }],
    ['/relasi SETDA.03.01', { name: 'relation', code: 'SETDA.03.01' }],
    ['/relation', { name: 'relation', code: null }],
    ['/relation 03.01', { name: 'relation', code: '03.01' }],
  ])('%s', (text, command) => {
    expect(parseDeskCommand(text)).toEqual(command);
  });
});

describe('the relation map of the processes in chat', () => {
  it('a coordinator asks for every process: a picture, with the handoffs said in words meanwhile', () => {
    const budi = chat('budi');
    const out = budi.say('/relasi proses');
    expect(budi.refusals).toBe(0);
    const [pic, ...more] = pictures(out);
    expect(more).toHaveLength(0);
    expect(pic!.picture).toEqual({ what: 'relation', organisationId: 'kab-uji', processId: null });
    expect(pic!.caption).toBe(
      'Peta Relasi antarproses: Sekretariat Daerah Kabupaten Uji (1 proses)',
    );
    expect(pic!.outline).toContain('01 Pengelolaan Surat Tagihan');
    expect(pic!.outline).toContain(
      'Bagian Umum → Bagian Keuangan: Nota pembayaran (menunggu konfirmasi)',
    );
    // The question is asked again after the picture.
    expect(out.at(-1)?.kind).toBe('question');
  });

  it('one process by its code, also in the tappable form', () => {
    const budi = chat('budi');
    const [pic] = pictures(budi.say('/relasi_01'));
    expect(pic!.picture).toEqual({
      what: 'relation',
      organisationId: 'kab-uji',
      processId: 'p-surat',
    });
    expect(pic!.caption).toBe('Peta Relasi 01 Pengelolaan Surat Tagihan');
  });

  it('a clerk is refused the whole organisation, in Indonesian, and asked the question again', () => {
    const ani = chat('ani');
    const out = ani.say('/relasi proses');
    expect(ani.refusals).toBe(1);
    expect(pictures(out)).toHaveLength(0);
    expect(texts(out)).toContain('Hanya koordinator yang dapat');
    expect(out.at(-1)?.kind).toBe('question');
  });

  it("a clerk sees their own unit's process, not another unit's", () => {
    expect(pictures(chat('ani').say('/relasi 01'))).toHaveLength(1);
    const sari = chat('sari');
    const out = sari.say('/relasi 01');
    expect(sari.refusals).toBe(1);
    expect(texts(out)).toContain(
      'Hanya pegawai Bagian Umum, kepala unitnya, atau koordinator yang dapat melihat proses unit ini.',
    );
  });

  it('a wrong code is answered with an example and the codes that exist', () => {
    const budi = chat('budi');
    expect(texts(budi.say('/relasi 99'))).toContain(
      'Tidak ada proses dengan kode 99. Contoh: /relasi 01 (kode yang ada: 01)',
    );
  });

  it('a process without a flow has no relation map yet: the answer names one that has', () => {
    const budi = chat('budi', 'renja');
    expect(texts(budi.say('/relasi 03'))).toContain(
      'Proses 03 "Perencanaan dan Penganggaran" belum punya alur langkah; Peta Relasi digambar dari alur. Contoh: /relasi 03.01',
    );
  });

  it('/bantuan names both Peta Relasi commands', () => {
    const help = texts(chat('budi').say('/bantuan'));
    expect(help).toContain('/relasi — serah terima antarunit');
    expect(help).toContain('/relasi proses — Peta Relasi antarproses');
  });
});

forEachDatabase('the coordinator’s pictures drawn from the stored processes', (getDb) => {
  const renderer = createRenderer({ workers: 1 });
  afterAll(() => renderer.close());
  beforeEach(async () => {
    await runImport(getDb().db, RENJA_FILE);
  });

  /** What Budi's command asks for, drawn as the render job draws it. */
  async function drawn(command: string) {
    const [pic] = pictures(chat('budi', 'renja').say(command));
    expect(pic, command).toBeDefined();
    const source = await loadPictureSource(getDb().db, pic!.picture);
    expect(source, command).not.toBeNull();
    return { source: source!, result: await source!.render(renderer) };
  }

  const isPng = (page: Uint8Array) =>
    PNG_SIGNATURE.every((byte, i) => page[i] === byte) && pngSize(page).width > 300;

  it('/relasi proses: every unit Renja passes through, the handoffs labelled with the code', async () => {
    const { source, result } = await drawn('/relasi proses');
    expect(source.fileName).toBe('relasi-proses-kab-contoh');
    expect(result.pages.length).toBeGreaterThanOrEqual(1);
    expect(result.pages.every(isPng)).toBe(true);
    const nodes = groups(result.svg, 'node').map((n) => n.texts.join(' '));
    for (const unit of ['Bagian Organisasi', 'Sekretariat Daerah', 'Bappeda'])
      expect(nodes.some((t) => t.includes(unit))).toBe(true);
    const edges = groups(result.svg, 'edge').map((e) => e.texts.join(' '));
    expect(edges.some((t) => t.includes('03.01: Nota dinas permintaan usulan'))).toBe(true);
  });

  it('/relasi 03.01: the process’s own Peta Relasi', async () => {
    const { source, result } = await drawn('/relasi 03.01');
    expect(source.fileName).toBe('relasi-03.01');
    expect(result.pages.every(isPng)).toBe(true);
    expect(result.svg).toContain('Peta Relasi 03.01 Penyusunan Rencana Kerja');
  });

  it('/level0 draws the Level-0 map with the organisation’s top process', async () => {
    const { result } = await drawn('/level0');
    expect(result.pages.every(isPng)).toBe(true);
    const nodes = groups(result.svg, 'node').map((n) => n.texts.join(' '));
    expect(nodes).toContain('03 Perencanaan dan Penganggaran');
  });

  it('a request for a process that lost its flow draws nothing (the outline stands)', async () => {
    const request: PictureRequest = {
      what: 'relation',
      organisationId: 'kab-contoh',
      processId: 'p-03',
    };
    expect(await loadPictureSource(getDb().db, request)).toBeNull();
  });
});
