// The interface ledger as a picture: what a coordinator sees of "synchronisation between units".
import { afterAll, describe, expect, it } from 'vitest';
import { LEDGER_STYLE, toLedgerDot } from '../../renderers/dot/ledger.js';
import { createRenderer } from '../../renderers/index.js';
import { graphvizWasm } from '../../renderers/layout.js';
import { ledgerEntry, ledgerOf, ledgerOrg, tenUnitLedger } from './coordination-fixtures.js';
import { decodePng, pngSize } from './png.js';
import { groups } from './svg.js';

const engine = graphvizWasm();
const renderer = createRenderer({ workers: 1 });
afterAll(() => renderer.close());

const org = ledgerOrg();
const layout = async (dot: string) => engine.layout(dot, 'svg');
const edgeWith = (svg: string, text: string) => {
  const found = groups(svg, 'edge').filter((e) => e.texts.join(' ').includes(text));
  expect(found, text).toHaveLength(1);
  return found[0]!;
};
const nodeTexts = (svg: string) => groups(svg, 'node').map((n) => n.texts.join(' '));

describe('the ledger picture', () => {
  it('draws each kind in its own style', async () => {
    const svg = await layout(toLedgerDot(tenUnitLedger(), org));
    const matched = edgeWith(svg, 'Rancangan Perbup');
    expect(matched.body).toContain(`stroke="${LEDGER_STYLE.matched.color}"`);
    expect(matched.body).not.toContain('stroke-dasharray');
    const oneSided = edgeWith(svg, 'Jadwal kegiatan');
    expect(oneSided.body).toContain(`stroke="${LEDGER_STYLE['one-sided'].color}"`);
    expect(oneSided.body).toContain('stroke-dasharray="5,2"');
    const disputed = edgeWith(svg, 'Usulan program');
    expect(disputed.body).toContain(`stroke="${LEDGER_STYLE.disputed.color}"`);
    expect(disputed.body).toMatch(/stroke-width="2\.6"/);
    const orphan = edgeWith(svg, 'Data harga bahan');
    expect(orphan.body).toContain('stroke-dasharray="1,5"');
    expect(orphan.title).toMatch(/^u\d+->q_out_u\d+$/);
    const noSupplier = edgeWith(svg, 'Undangan acara');
    expect(noSupplier.title).toMatch(/^q_in_u\d+->u\d+$/);
    expect(nodeTexts(svg).filter((t) => t === '?')).toHaveLength(4);
  });

  it('merges handoffs between the same units of the same kind, with the count and first names', async () => {
    const svg = await layout(toLedgerDot(tenUnitLedger(), org));
    const kesra = edgeWith(svg, 'Usulan dana hibah');
    expect(kesra.texts).toEqual([
      '3 serah terima:',
      'Usulan dana hibah',
      'Proposal bantuan',
      'sosial',
      '+1 lainnya',
    ]);
    expect(edgeWith(svg, 'Daftar kebutuhan ATK').texts[0]).toBe('2 serah terima:');
  });

  it('counts every kind in the legend', async () => {
    const dot = toLedgerDot(tenUnitLedger(), org);
    for (const line of [
      'cocok, kedua unit setuju: 8',
      'sepihak, belum dijawab unit lain: 5',
      'dipersoalkan, perlu diputuskan: 2',
      'keluaran tanpa penerima: 2',
      'masukan tanpa pemasok: 2',
    ])
      expect(dot).toContain(line);
  });

  it('shows only what touches one unit when asked, that unit outlined', async () => {
    const svg = await layout(toLedgerDot(tenUnitLedger(), org, { unitId: 'renkeu' }));
    const units = groups(svg, 'node').filter((n) => n.title !== 'legend');
    expect(units.map((n) => n.texts.join(' ')).sort()).toEqual([
      'Bagian Kesejahteraan Rakyat',
      'Bagian Organisasi',
      'Bagian Perencanaan dan Keuangan',
      'Bagian Umum',
      'Sekretariat Daerah',
    ]);
    expect(groups(svg, 'edge')).toHaveLength(4);
    const focus = groups(svg, 'node').find((n) => n.texts.join(' ').includes('Perencanaan'))!;
    expect(focus.body).toContain('stroke-width="2.5"');
  });

  it('shows hostile names as typed without adding nodes or edges', async () => {
    const evil = 'Bagian \\"] ; x -> y [label=\\N';
    const hostileOrg = ledgerOrg([{ id: 'evil', name: evil }]);
    const ledger = ledgerOf([
      ledgerEntry('one-sided', 'evil', 'umum', 'Surat "rahasia" \\ <b>&amp;</b>\\'),
      ledgerEntry('orphan-output', 'evil', null, '"]; z [label="pwned'),
    ]);
    const dot = toLedgerDot(ledger, hostileOrg);
    const svg = await layout(dot);
    const nodes = nodeTexts(svg);
    expect(nodes).toContain('Bagian \\"] ; x -> y [label=\\N');
    expect(nodes.some((t) => t.includes('pwned'))).toBe(false);
    expect(groups(svg, 'node')).toHaveLength(4); // two units, one "?", the legend
    expect(groups(svg, 'edge')).toHaveLength(2);
    expect(edgeWith(svg, 'rahasia').texts.join(' ')).toBe('Surat "rahasia" \\ <b>&amp;</b>\\');
    expect(edgeWith(svg, 'pwned').texts.join(' ')).toBe('"]; z [label="pwned');
  });

  it('says so when there is nothing between units yet', async () => {
    const svg = await layout(toLedgerDot(ledgerOf([]), org));
    expect(nodeTexts(svg)).toContain('Belum ada serah terima antarunit.');
  });
});

describe('the ledger as a chat photo', () => {
  it('fills a phone screen with dark text and stays within the photo limits', async () => {
    const { pages, cached } = await renderer.ledgerPng(tenUnitLedger(), org);
    expect(cached).toBe(false);
    expect(pages).toHaveLength(1);
    const { width, height } = pngSize(pages[0]!);
    expect(width).toBeGreaterThanOrEqual(1080);
    expect(width + height).toBeLessThanOrEqual(10_000);
    const px = decodePng(pages[0]!);
    let dark = 0;
    for (let y = 0; y < height; y += 2)
      for (let x = 0; x < width; x += 2) if (px.lum(x, y) < 90) dark++;
    expect(dark).toBeGreaterThan(2000);
  });

  it('is drawn again only when what it shows changes', async () => {
    const ledger = tenUnitLedger();
    await renderer.ledgerPng(ledger, org, { unitId: 'hukum' });
    // An entry far from Bagian Hukum does not touch its picture.
    ledger.entries.push(ledgerEntry('matched', 'kesra', 'umum', 'Laporan kegiatan'));
    expect((await renderer.ledgerPng(ledger, org, { unitId: 'hukum' })).cached).toBe(true);
    ledger.entries.push(ledgerEntry('disputed', 'hukum', 'umum', 'Telaahan hukum'));
    expect((await renderer.ledgerPng(ledger, org, { unitId: 'hukum' })).cached).toBe(false);
  });
});
