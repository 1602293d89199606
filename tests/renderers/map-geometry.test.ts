// Golden maps: what a clerk sees on a phone and a Bagian Organisasi signs, checked by geometry.
// Every page of the Renja example, the procedures of Kabupaten Sukamaju and a 22-step kecamatan
// service that pages: edges inside the frame and clear of the steps, text readable at a phone's
// width, lanes that say unit and position, one connector pair per edge that crosses a page.
import { afterAll, describe, expect, it } from 'vitest';
import type { Organisation, Process } from '../../core/model/index.js';
import { crossFunctionalSvgs } from '../../renderers/cross-functional-svg.js';
import { crossFunctionalLanes } from '../../renderers/dot/cross-functional.js';
import { createRenderer, graphvizWasm } from '../../renderers/index.js';
import { proceduresDocument } from '../support/procedures.js';
import { renja } from './fixtures.js';
import {
  edgeTextPx,
  edgesOf,
  edgesThroughSymbols,
  labelsOnSymbols,
  laneHeadings,
  outsideFrame,
  stepTextPx,
  symbolBoxes,
} from './geometry.js';
import { pagedKecamatanProcess } from './paged-fixture.js';
import { pngSize } from './png.js';
import { groups } from './svg.js';

const engine = graphvizWasm();
const renderer = createRenderer();
afterAll(() => renderer.close());

const r = renja();
const suka = proceduresDocument();
const kec = pagedKecamatanProcess();
const maps: { name: string; process: Process; org: Organisation }[] = [
  { name: 'Renja', process: r.process, org: r.org },
  ...suka.processes
    .filter((p) => p.flow)
    .map((p) => ({ name: `${p.code} ${p.name}`, process: p, org: suka.organisation })),
  { name: '22 langkah kecamatan', process: kec.process, org: kec.org },
];

describe.each(maps)('the map of $name', async ({ process, org }) => {
  const { all, pages } = await crossFunctionalSvgs(process, org, engine);
  const sheets = pages.length > 1 ? [all, ...pages] : [all];

  it('keeps every edge, arrowhead and label inside the swimlane frame', () => {
    for (const svg of sheets) expect(outsideFrame(svg)).toEqual([]);
  });
  it('routes no edge through a step it does not join, and puts no label on a step', () => {
    for (const svg of sheets) {
      expect(edgesThroughSymbols(svg)).toEqual([]);
      expect(labelsOnSymbols(svg)).toEqual([]);
    }
  });
  it('shows step text at 14 px or more and edge labels at 12 px or more on a phone 1080 px wide', () => {
    for (const svg of pages) {
      expect(stepTextPx(svg)).toBeGreaterThanOrEqual(14);
      expect(edgeTextPx(svg)).toBeGreaterThanOrEqual(12);
    }
  });
  it('heads every lane with its unit on the band and, inside a unit, the position', () => {
    const { lanes } = crossFunctionalLanes(process, org);
    const drawn = laneHeadings(all);
    expect(drawn).toHaveLength(lanes.length);
    drawn.forEach((d, i) => {
      expect(d.band).toBe(lanes[i]!.unitName);
      expect(d.header).toBe(
        lanes[i]!.position ?? (lanes[i]!.positionUnknown ? '(jabatan belum diketahui)' : ''),
      );
    });
  });
  it('keeps the lanes of one unit side by side', () => {
    const units = crossFunctionalLanes(process, org).lanes.map((l) => l.unitId ?? l.key);
    const runs = units.filter((u, i) => u !== units[i - 1]);
    expect(new Set(runs).size).toBe(runs.length);
  });
  it('sends pages a phone shows upright and Telegram takes as photos', async () => {
    const png = await renderer.crossFunctionalPng(process, org);
    for (const page of png.pages) {
      const { width, height } = pngSize(page);
      expect(height).toBeGreaterThan(width * 0.9);
      expect(width + height).toBeLessThanOrEqual(10_000);
      expect(page.byteLength).toBeLessThan(5 * 1024 * 1024);
    }
  });
});

describe('the lanes of the Renja example', () => {
  const { lanes } = crossFunctionalLanes(r.process, r.org);
  it('say unit and position, with the three positions of Bagian Perencanaan side by side', () => {
    expect(lanes.map((l) => [l.unitName, l.position])).toEqual([
      ['Bappeda', null],
      ['Bagian Perencanaan dan Keuangan', 'Kasubbag Perencanaan'],
      ['Bagian Perencanaan dan Keuangan', 'Analis Perencanaan'],
      ['Bagian Perencanaan dan Keuangan', 'Kepala Bagian'],
      ['Bagian Organisasi', 'Kasubbag Kelembagaan'],
      ['Sekretariat Daerah', 'Sekretaris Daerah'],
    ]);
  });
  it('give Bappeda, the supplier and customer, a lane where the process starts and ends', async () => {
    const { laneOf } = crossFunctionalLanes(r.process, r.org);
    const start = r.process.flow!.nodes.find((n) => n.kind === 'start')!;
    const end = r.process.flow!.nodes.find((n) => n.kind === 'end')!;
    expect(laneOf.get(start.id)).toBe('bappeda');
    expect(laneOf.get(end.id)).toBe('bappeda');
    const { all } = await crossFunctionalSvgs(r.process, r.org, engine);
    const labels = edgesOf(all).map((e) => e.label);
    expect(labels).toContain('Surat edaran penyusunan Renja Rancangan RKPD');
  });
});

describe('the permit of Kecamatan Sukamaju', () => {
  const permit = suka.processes.find((p) => p.code === '01.01')!;
  it('starts and ends in the lane of Pemohon, who receives the permit', async () => {
    const { laneOf, lanes } = crossFunctionalLanes(permit, suka.organisation);
    expect(lanes[0]!.unitName).toBe('Pemohon');
    const selesai = permit.flow!.nodes.find((n) => n.kind === 'end' && n.outcome === 'selesai')!;
    expect(laneOf.get(selesai.id)).toBe('pemohon');
    const { all } = await crossFunctionalSvgs(permit, suka.organisation, engine);
    const ends = edgesOf(all).filter((e) => e.head === `n${permit.flow!.nodes.indexOf(selesai)}`);
    expect(ends.map((e) => e.label)).toEqual(['IUMK Tanda terima IUMK']);
  });
  it('does not put the permit on the arrow to a rejection', async () => {
    const { all } = await crossFunctionalSvgs(permit, suka.organisation, engine);
    const rejected = edgesOf(all).filter((e) => e.label.startsWith('tidak'));
    for (const e of rejected) expect(e.label).not.toContain('Izin Usaha Mikro');
  });
});

describe('the pages of a 22-step service', async () => {
  const { process, org } = kec;
  const { pages } = await crossFunctionalSvgs(process, org, engine);
  const texts = (svg: string) =>
    groups(svg, 'node')
      .filter((g) => /^c\d/.test(g.title))
      .map((g) => g.texts.join(' '));

  it('are two, sharing the steps evenly', () => {
    expect(pages).toHaveLength(2);
  });
  it('give each edge that crosses a page its own pair of connectors, naming the step on the other side', () => {
    expect(texts(pages[0]!).sort()).toEqual(
      [
        'dari hal. 2 langkah 18',
        'ke hal. 2 langkah 12',
        'ke hal. 2 langkah 15',
        'ke hal. 2 langkah 15',
      ].sort(),
    );
    expect(texts(pages[1]!).sort()).toEqual(
      [
        'dari hal. 1 langkah 11',
        'dari hal. 1 langkah 3',
        'dari hal. 1 langkah 7',
        'ke hal. 1 langkah 2',
      ].sort(),
    );
  });
  it('label both ends of a crossing edge with its exit', () => {
    const exits = (svg: string) =>
      edgesOf(svg)
        .filter((e) => /^c\d/.test(e.tail) || /^c\d/.test(e.head))
        .map((e) => e.label)
        .filter((l) => l)
        .sort();
    expect(exits(pages[0]!)).toEqual(['tidak Catatan perbaikan', 'tidak lengkap', 'tidak sah']);
    expect(exits(pages[1]!)).toEqual(['tidak Catatan perbaikan', 'tidak lengkap', 'tidak sah']);
  });
  it('draws every connector as a symbol clear of the edges', () => {
    for (const svg of pages) {
      expect([...symbolBoxes(svg).keys()].filter((k) => k.startsWith('c'))).toHaveLength(4);
      expect(edgesThroughSymbols(svg)).toEqual([]);
    }
  });
});
