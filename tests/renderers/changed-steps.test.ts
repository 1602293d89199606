// A new version of a validated process: its map marks the steps that changed since the last one.
import { afterAll, describe, expect, it } from 'vitest';
import { CHANGED_STYLE } from '../../renderers/dot/changed-steps.js';
import { toCrossFunctionalDot } from '../../renderers/dot/cross-functional.js';
import { createRenderer } from '../../renderers/index.js';
import { graphvizWasm } from '../../renderers/layout.js';
import { renja } from './fixtures.js';
import { decodePng } from './png.js';
import { groups } from './svg.js';

const engine = graphvizWasm();
const renderer = createRenderer({ workers: 1 });
afterAll(() => renderer.close());

const { process, org } = renja();
const changed = { changed: ['a4', 'd1'], changedSince: 2 };

describe('changed steps on the cross-functional map', () => {
  it('outlines exactly the changed steps in thick blue, marked "baru/diubah"', async () => {
    const svg = await engine.layout(toCrossFunctionalDot(process, org, changed), 'svg');
    const marked = groups(svg, 'node').filter((n) => n.texts[0] === CHANGED_STYLE.marker);
    expect(marked.map((n) => n.texts.slice(1).join(' '))).toEqual([
      '4. Merekap dan menyusun rancangan Renja',
      '6. Rancangan disetujui?',
    ]);
    for (const n of marked) {
      expect(n.body).toContain(`stroke="${CHANGED_STYLE.color}"`);
      expect(n.body).toContain(`stroke-width="${CHANGED_STYLE.penwidth}"`);
    }
    const others = groups(svg, 'node').filter((n) => /^\d+\. /.test(n.texts[0] ?? ''));
    expect(others.length).toBeGreaterThan(5);
    for (const n of others) expect(n.body).not.toContain(CHANGED_STYLE.color);
  });

  it('says under the title which version they changed since', async () => {
    const svg = await engine.layout(toCrossFunctionalDot(process, org, changed), 'svg');
    expect(svg).toContain('ditandai: berubah sejak versi 2');
    const plain = await engine.layout(toCrossFunctionalDot(process, org), 'svg');
    expect(plain).not.toContain('ditandai');
    expect(plain).not.toContain(CHANGED_STYLE.color);
  });

  it('escapes a changed step’s name like any other label', () => {
    const renamed = {
      ...process,
      flow: {
        ...process.flow!,
        nodes: process.flow!.nodes.map((n) =>
          n.id === 'a4' && n.kind === 'activity' ? { ...n, name: 'Rekap <b>&</b> "x"' } : n,
        ),
      },
    };
    const dot = toCrossFunctionalDot(renamed, org, changed);
    expect(dot.replace(/<BR\/>/g, ' ')).toContain(
      '4. Rekap &lt;b&gt;&amp;&lt;/b&gt; &quot;x&quot;',
    );
    expect(dot).not.toContain('<b>&</b>');
  });

  it('is a different picture, cached apart, whatever the order of the ids', async () => {
    const plainKey = renderer.crossFunctionalPngKey(process, org);
    const key = renderer.crossFunctionalPngKey(process, org, changed);
    expect(key).not.toBe(plainKey);
    expect(
      renderer.crossFunctionalPngKey(process, org, {
        changed: ['d1', 'a4', 'd1'],
        changedSince: 2,
      }),
    ).toBe(key);
    expect(renderer.crossFunctionalPngKey(process, org, { ...changed, changedSince: 3 })).not.toBe(
      key,
    );
  });

  it('shows the blue outline in the photo', async () => {
    const { pages } = await renderer.crossFunctionalPng(process, org, changed);
    const px = decodePng(pages[0]!);
    let blue = 0;
    for (let y = 0; y < px.height; y += 1)
      for (let x = 0; x < px.width; x += 1) {
        const i = (y * px.width + x) * px.channels;
        const [r, g, b] = [px.data[i]!, px.data[i + 1]!, px.data[i + 2]!];
        if (b > 160 && r < 60 && g > 70 && g < 120) blue++;
      }
    expect(blue).toBeGreaterThan(1000);
  });
});
