import { describe, expect, it } from 'vitest';
import { Process } from '../../core/model/index.js';
import { HANDOFF_STYLE, toRelationDot } from '../../renderers/dot/relation.js';
import { toLevel0Dot, toProcessTreeDot } from '../../renderers/dot/level0.js';
import { graphvizWasm } from '../../renderers/layout.js';
import { renja } from './fixtures.js';
import { groups } from './svg.js';

const engine = graphvizWasm();
const { process, org, doc } = renja();

describe('the relation map', () => {
  it('shows the units and what passes between them, unconfirmed handoffs dashed and explained', async () => {
    const confirmed = Process.parse({
      ...process,
      handoffConfirmations: [
        { key: 'edge:e2', state: 'confirmed' },
        { key: 'edge:e3', state: 'disputed' },
      ],
    });
    const svg = await engine.layout(toRelationDot(confirmed, org), 'svg');
    const nodes = groups(svg, 'node').map((n) => n.texts.join(' '));
    for (const name of [
      'Bagian Perencanaan dan Keuangan',
      'Bagian Organisasi',
      'Sekretariat Daerah',
      'Bappeda',
    ])
      expect(nodes).toContain(name);
    const edges = groups(svg, 'edge').filter((e) => e.texts.length > 0 && !/^lg/.test(e.title));
    const byText = (t: string) => edges.find((e) => e.texts.join(' ').includes(t))!;
    expect(byText('Nota dinas permintaan usulan').body).not.toContain('stroke-dasharray');
    expect(byText('Nota dinas permintaan usulan').body).toContain(HANDOFF_STYLE.confirmed.color);
    expect(byText('Usulan program').body).toContain('stroke-dasharray');
    expect(byText('Usulan program').body).toContain(HANDOFF_STYLE.disputed.color);
    expect(byText('Rancangan Renja').body).toContain('stroke-dasharray');
    expect(byText('Rancangan Renja').body).toContain(HANDOFF_STYLE.pending.color);
    expect(byText('Surat edaran penyusunan Renja').body).toContain(HANDOFF_STYLE.pending.color);
    // The legend is one table node: a line per state, its stroke drawn in text before the words.
    const legend = groups(svg, 'node')
      .flatMap((n) => n.texts)
      .join('\n');
    for (const s of Object.values(HANDOFF_STYLE)) expect(legend).toContain(s.legend);
  });

  it('covers a whole organisation, prefixing what passes with the process code', () => {
    const dot = toRelationDot(doc.processes, org);
    expect(dot).toContain('03.01: Nota dinas permintaan usulan');
  });
});

describe('the level-0 map', () => {
  const more = [
    ...doc.processes,
    Process.parse({ id: 'p-01', code: '01', name: 'Pelayanan Perizinan', category: 'inti' }),
    Process.parse({
      id: 'p-05',
      code: '05',
      name: 'Pengelolaan Kepegawaian',
      category: 'pendukung',
    }),
    Process.parse({
      id: 'p-03-02',
      code: '03.02',
      name: 'Penyusunan RKA',
      category: 'manajemen',
      parentId: 'p-03',
    }),
  ];

  it('puts the top processes with their codes in three bands, Manajemen above Inti above Pendukung', async () => {
    const svg = await engine.layout(toLevel0Dot(more, { ...org, codePrefix: 'SETDA' }), 'svg');
    const clusters = groups(svg, 'cluster');
    const y = (title: string) =>
      Number(
        /<text[^>]* y="([-\d.]+)"/.exec(
          clusters.find((c) => c.texts.join(' ') === title)!.body,
        )![1],
      );
    expect(y('Proses Manajemen')).toBeLessThan(y('Proses Inti'));
    expect(y('Proses Inti')).toBeLessThan(y('Proses Pendukung'));
    const nodes = groups(svg, 'node').map((n) => n.texts.join(' '));
    expect(nodes).toEqual(
      expect.arrayContaining([
        'SETDA.03 Perencanaan dan Penganggaran',
        'SETDA.01 Pelayanan Perizinan',
        'SETDA.05 Pengelolaan Kepegawaian',
      ]),
    );
    expect(nodes.some((n) => n.includes('03.01'))).toBe(false); // sub-processes are not level 0
  });

  it('draws the hierarchy below a chosen process as a tree in code order', async () => {
    const json = JSON.parse(await engine.layout(toProcessTreeDot(more, org, 'p-03'), 'json'));
    const labels = json.objects.map((o: { label: string }) => o.label.replace(/\\n/g, ' '));
    expect(labels).toEqual([
      '03 Perencanaan dan Penganggaran',
      '03.01 Penyusunan Rencana Kerja',
      '03.02 Penyusunan RKA',
    ]);
    expect(json.edges).toHaveLength(2);
  });
});
