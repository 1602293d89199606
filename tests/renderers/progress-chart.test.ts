// The coordinator's progress chart as they see it in chat: a bar per unit, its processes by status.
import { afterAll, describe, expect, it } from 'vitest';
import {
  CHART_WIDTH_PT,
  progressChartPages,
  progressChartSvg,
  STATUS_STYLE,
} from '../../renderers/charts/progress-chart.js';
import { RASTER_FONT_FAMILY } from '../../renderers/font-family.js';
import { createRenderer } from '../../renderers/index.js';
import { CHAT_LIMITS } from '../../renderers/raster.js';
import { manyUnits, progressRow, threeUnits } from './coordination-fixtures.js';
import { decodePng, pngSize } from './png.js';
import { unescapeXml } from './svg.js';

const renderer = createRenderer({ workers: 1 });
afterAll(() => renderer.close());

const title = 'Kampanye Pemetaan 2027 · tenggat 31 Jan 2027';

/** The bar segments: the top edge of each (one value per unit row) and its colour. */
function bars(svg: string): { y: number; fill: string }[] {
  return [
    ...svg.matchAll(
      /<path[^>]*aria-roledescription="bar"[^>]*d="M[\d.]+,([\d.]+)[^"]*" fill="([^"]+)"/g,
    ),
  ].map((m) => ({ y: Number(m[1]), fill: m[2]! }));
}

/** Every text the chart shows, multi-line labels joined with a space. */
function texts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([\s\S]*?)<\/text>/g)].map((m) =>
    unescapeXml(
      m[1]!
        .split(/<\/tspan>/)
        .map((t) => t.replace(/<[^>]+>/g, ''))
        .filter(Boolean)
        .join(' '),
    ),
  );
}

describe('the progress chart of a three-unit campaign', () => {
  it('has one stacked bar per unit, a segment per status that has processes', async () => {
    const svg = await progressChartSvg(threeUnits(), { title, lang: 'id' });
    const segments = bars(svg);
    expect(new Set(segments.map((s) => s.y)).size).toBe(3);
    // Umum: 4 validated; Perencanaan: 2 approved + 3 validated; Organisasi: 2 draft + 1 submitted.
    expect(segments.map((s) => s.fill)).toEqual([
      STATUS_STYLE.validated.color,
      STATUS_STYLE.approved.color,
      STATUS_STYLE.validated.color,
      STATUS_STYLE.draft.color,
      STATUS_STYLE.submitted.color,
    ]);
  });

  it('names every unit, the campaign, and the statuses in Indonesian, in review order', async () => {
    const shown = texts(await progressChartSvg(threeUnits(), { title, lang: 'id' }));
    for (const unit of ['Bagian Umum', 'Bagian Perencanaan dan Keuangan', 'Bagian Organisasi'])
      expect(shown).toContain(unit);
    expect(shown.join(' ')).toContain('Kampanye Pemetaan 2027');
    const legend = shown.filter((t) => ['draft', 'dikirim', 'disetujui', 'divalidasi'].includes(t));
    expect(legend).toEqual(['draft', 'dikirim', 'disetujui', 'divalidasi']);
  });

  it('prints the count inside each segment and the total after each bar', async () => {
    const svg = await progressChartSvg(threeUnits(), { title, lang: 'id' });
    const counts = [...svg.matchAll(/aria-label="mid: [^"]*; n: (\d+)"/g)].map((m) => m[1]);
    expect(counts).toEqual(['4', '2', '3', '2', '1']);
    const totals = [...svg.matchAll(/aria-label="total: \d+; row: \d+"[^>]*>(\d+)</g)].map(
      (m) => m[1],
    );
    expect(totals).toEqual(['4', '5', '3']);
  });

  it('draws its text in the face the render processes load, 540 pt wide', async () => {
    const svg = await progressChartSvg(threeUnits(), { title, lang: 'id' });
    const families = new Set([...svg.matchAll(/font-family="([^"]*)"/g)].map((m) => m[1]));
    expect([...families]).toEqual([RASTER_FONT_FAMILY]);
    expect(svg).toMatch(new RegExp(`^<svg[^>]* width="${CHART_WIDTH_PT}pt"`));
  });

  it('says "belum ada proses" for a unit with none, and shows a hostile name as typed', async () => {
    const hostile = 'Bagian <script>alert(1)</script> & "Umum"';
    const svg = await progressChartSvg([progressRow(hostile, { total: 0 })], { title, lang: 'id' });
    expect(svg).not.toContain('<script>');
    const shown = texts(svg);
    expect(shown).toContain('belum ada proses');
    expect(shown.join(' ')).toContain('Bagian <script>alert(1)</script> &');
  });

  it('speaks English when asked', async () => {
    const shown = texts(await progressChartSvg(threeUnits(), { title, lang: 'en' }));
    for (const w of ['submitted', 'approved', 'validated']) expect(shown).toContain(w);
  });
});

describe('the progress chart of a large pemda', () => {
  it('comes in pages of at most 20 units that together show each unit once', async () => {
    const rows = manyUnits(60);
    const pages = await progressChartPages(rows, { title, lang: 'id' });
    expect(pages).toHaveLength(3);
    const perPage = pages.map((p) => new Set(bars(p).map((b) => b.y)).size);
    const withProcesses = rows.filter((r) => r.processes.total > 0).length;
    expect(perPage.reduce((a, b) => a + b, 0)).toBe(withProcesses);
    expect(texts(pages[1]!).join(' ')).toContain('hal. 2 dari 3');
  });
});

describe('the progress chart as a chat photo', () => {
  it('is 1080 px wide, within the photo limits, with dark text pixels beside the bars', async () => {
    const { pages, cached } = await renderer.progressChartPng(threeUnits(), { title, lang: 'id' });
    expect(cached).toBe(false);
    expect(pages).toHaveLength(1);
    const png = pages[0]!;
    const { width, height } = pngSize(png);
    expect(width).toBe(1080);
    expect(width + height).toBeLessThanOrEqual(CHAT_LIMITS.maxSum);
    expect(png.byteLength).toBeLessThanOrEqual(CHAT_LIMITS.maxBytes);
    // The unit names sit in the left third, below the title: the fonts were loaded.
    const px = decodePng(png);
    let dark = 0;
    for (let y = Math.floor(height / 2); y < height; y++)
      for (let x = 0; x < width / 3; x++) if (px.lum(x, y) < 100) dark++;
    expect(dark).toBeGreaterThan(500);
  });

  it('sends 60 units as three photos, each 1080 px wide and within the limits', async () => {
    const { pages } = await renderer.progressChartPng(manyUnits(60), { title, lang: 'id' });
    expect(pages).toHaveLength(3);
    for (const p of pages) {
      const { width, height } = pngSize(p);
      expect(width).toBe(1080);
      expect(height).toBeLessThanOrEqual(2560);
    }
  });

  it('is drawn once for the same counts, and again when a count changes', async () => {
    const rows = threeUnits();
    const first = await renderer.progressChartPng(rows, { title: 'cache', lang: 'id' });
    const again = await renderer.progressChartPng(
      rows.map((r) => ({ ...r, lastActivityAt: '2027-01-20T03:00:00Z' })),
      { title: 'cache', lang: 'id' },
    );
    expect([first.cached, again.cached]).toEqual([false, true]);
    rows[2]!.processes.submitted = 2;
    const changed = await renderer.progressChartPng(rows, { title: 'cache', lang: 'id' });
    expect(changed.cached).toBe(false);
  });
});
