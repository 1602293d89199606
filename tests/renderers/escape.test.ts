import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { Process } from '../../core/model/index.js';
import { cleanText, dotQuote, wrapWords, xmlEscape } from '../../renderers/dot/escape.js';
import { toCrossFunctionalDot } from '../../renderers/dot/cross-functional.js';
import { toRelationDot } from '../../renderers/dot/relation.js';
import { graphvizWasm } from '../../renderers/layout.js';
import { renja } from './fixtures.js';
import { groups } from './svg.js';

const engine = graphvizWasm();

describe('dotQuote, the one escaping function for DOT ids and labels', () => {
  it('escapes the backslash first, then the quote', () => {
    expect(dotQuote('a"b')).toBe('"a\\"b"');
    expect(dotQuote('a\\"b')).toBe('"a\\\\\\"b"');
    expect(dotQuote('trailing\\')).toBe('"trailing\\\\"');
  });
  it('neutralises Graphviz escapes and joins lines with \\n', () => {
    expect(dotQuote('\\N \\G \\E \\T \\H \\L \\n \\l \\r')).toBe(
      '"\\\\N \\\\G \\\\E \\\\T \\\\H \\\\L \\\\n \\\\l \\\\r"',
    );
    expect(dotQuote(['satu', 'dua'])).toBe('"satu\\ndua"');
  });
  it('turns typed line breaks into spaces and drops control characters', () => {
    expect(dotQuote('a\nb\r\nc\td\u0000e\u0007f\u001b')).toBe('"a b c def"');
    expect(cleanText('x\ud800y')).toBe('xy');
  });
  it('wraps long words and long names', () => {
    expect(wrapWords('Menerima surat edaran penyusunan Renja', 24)).toEqual([
      'Menerima surat edaran',
      'penyusunan Renja',
    ]);
    expect(wrapWords('x'.repeat(50), 24)).toEqual(['x'.repeat(24), 'x'.repeat(24), 'xx']);
  });
  it('xmlEscape escapes markup characters', () => {
    expect(xmlEscape(`<a href="x">&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;',
    );
  });
});

const HOSTILE = [
  'P'.repeat(2000),
  'Rapat "penting"] ; x -> y [label="boom',
  'C:\\dokumen\\',
  '\\N\\G\\E\\T\\H\\L ujung \\',
  '} digraph evil { a -> b',
  '<script>alert(1)</script> & <b>tebal</b> &lt;lit&gt;',
  'Berkas 📄 diperiksa 👍',
  'baris satu\nbaris dua\r\ntab\there',
  'kontrol \u0001\u0002\u0008\u000b\u001f\u007f selesai',
];

function hostileProcess() {
  const { process } = renja();
  const flow = structuredClone(process.flow!);
  let i = 0;
  for (const n of flow.nodes)
    if (n.kind === 'activity' || n.kind === 'decision') n.name = HOSTILE[i++ % HOSTILE.length]!;
  for (const e of flow.edges)
    if (e.document) e.document = HOSTILE[i++ % HOSTILE.length]!.slice(0, 300);
  for (const e of flow.edges) if (e.label) e.label = '"ya\\';
  return Process.parse({ ...process, name: '} ] " \\', flow });
}

describe('a hostile name', () => {
  const { org } = renja();
  const evilOrg = {
    ...org,
    units: org.units.map((u, k) => ({ ...u, name: k === 1 ? 'Bagian "X" -> {evil}\\' : u.name })),
  };

  it('cannot add nodes or edges to the cross-functional map', async () => {
    const clean = JSON.parse(
      await engine.layout(toCrossFunctionalDot(renja().process, org), 'json'),
    );
    const evil = JSON.parse(
      await engine.layout(toCrossFunctionalDot(hostileProcess(), evilOrg), 'json'),
    );
    expect(evil.objects.length).toBe(clean.objects.length);
    expect(evil.edges.length).toBe(clean.edges.length);
  });

  it('cannot add nodes or edges to the relation map', async () => {
    const clean = JSON.parse(await engine.layout(toRelationDot(renja().process, org), 'json'));
    const evil = JSON.parse(await engine.layout(toRelationDot(hostileProcess(), evilOrg), 'json'));
    expect(evil.objects.length).toBe(clean.objects.length);
    expect(evil.edges.length).toBe(clean.edges.length);
  });

  it('comes out literally in an SVG that still parses, without injected markup', async () => {
    const svg = await engine.layout(toCrossFunctionalDot(hostileProcess(), evilOrg), 'svg');
    expect(() => new Resvg(svg)).not.toThrow();
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('<b>');
    const texts = [...groups(svg, 'node'), ...groups(svg, 'edge')].map((g) => g.texts.join(' '));
    // Word wrap may cut a long word, so compare without spaces.
    const squeeze = (t: string) => t.replace(/\s+/g, '');
    const shown = (s: string) => texts.some((t) => squeeze(t).includes(squeeze(s)));
    expect(shown('<script>alert(1)</script> & <b>tebal</b> &lt;lit&gt;')).toBe(true);
    expect(shown('Rapat "penting"] ; x -> y [label="boom')).toBe(true);
    expect(shown('\\N\\G\\E\\T\\H\\L ujung \\')).toBe(true);
    expect(shown('C:\\dokumen\\')).toBe(true);
    expect(shown('Berkas 📄 diperiksa 👍')).toBe(true);
    expect(shown('baris satu baris dua tab here')).toBe(true);
    expect(shown('kontrol selesai')).toBe(true);
    // The 2,000-character name is cut to a readable box, not a 2,000-character column.
    const long = texts.find((t) => t.includes('PPPP'));
    expect(long).toBeDefined();
    if (!long) return;
    expect(long.replace(/ /g, '').length).toBeLessThanOrEqual(250);
    expect(long.endsWith('…')).toBe(true);
    // eslint-disable-next-line no-control-regex
    expect(svg).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
  });
});
