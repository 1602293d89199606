// The coordinator's progress chart: one horizontal stacked bar per unit, its processes by review
// status. vega-lite compiles the spec, vega draws it to SVG headless (no canvas); the SVG is sized
// in points like Graphviz's, so raster.ts rasterises it like the maps: 540 pt at 2 px/pt is a
// phone's 1080 px. Long campaigns are split into pages of `perPage` units, all on one scale.
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { ProgressRow } from '../../core/coordination/types.js';
import { cleanText, truncate, wrapWords } from '../dot/escape.js';
import { RASTER_FONT_FAMILY } from '../font-family.js';
import { textWidth, useRasterFontMetrics } from './text-width.js';

export type ChartLanguage = 'id' | 'en';

export interface ProgressChartOptions {
  /** The first line: the campaign and its deadline, as the caller words it. */
  title: string;
  lang: ChartLanguage;
}

/** Width of the chart in points; at the raster scale below it is 1080 px. */
export const CHART_WIDTH_PT = 540;
/** Pixels per point when rasterising a chart: 2, so the picture is a phone's 1080 px wide. */
export const CHART_RASTER_SCALE = 2;
/** Units per page: ~1.5k px high at 1080 px wide, one screen and a scroll on a phone. */
export const DEFAULT_UNITS_PER_PAGE = 20;

export type ProgressStatus = 'draft' | 'submitted' | 'approved' | 'validated';
export const PROGRESS_STATUSES: ProgressStatus[] = ['draft', 'submitted', 'approved', 'validated'];

export const STATUS_STYLE: Record<
  ProgressStatus,
  { id: string; en: string; color: string; text: string }
> = {
  draft: { id: 'draft', en: 'draft', color: '#c3cad2', text: '#1f2933' },
  submitted: { id: 'dikirim', en: 'submitted', color: '#f0a830', text: '#1f2933' },
  approved: { id: 'disetujui', en: 'approved', color: '#3b7dd8', text: '#ffffff' },
  validated: { id: 'divalidasi', en: 'validated', color: '#23915a', text: '#ffffff' },
};

const WORDS = {
  id: {
    subtitle: 'Proses tiap unit menurut status',
    page: (i: number, n: number) => `hal. ${i} dari ${n}`,
    axis: 'jumlah proses',
    none: 'belum ada proses',
  },
  en: {
    subtitle: 'Processes of each unit by status',
    page: (i: number, n: number) => `page ${i} of ${n}`,
    axis: 'processes',
    none: 'no processes yet',
  },
} as const;

const FONT_LABEL = 12;
const FONT_COUNT = 12;
const LINE_HEIGHT = 14;
/** Unit names: at most two lines of this many points (a third of the width). */
const LABEL_WIDTH_PT = 170;

/** The four exclusive counts of a unit: every process not yet submitted is a draft. */
export function statusCounts(row: ProgressRow): Record<ProgressStatus, number> {
  const p = row.processes;
  const sent = p.submitted + p.approved + p.validated;
  return {
    draft: Math.max(0, p.total - sent),
    submitted: p.submitted,
    approved: p.approved,
    validated: p.validated,
  };
}

/** Word-wrapped lines of `text` that fit `widthPt` at `fontSize` in the raster face. */
export function wrapToWidth(
  text: string,
  fontSize: number,
  widthPt: number,
  bold = false,
): string[] {
  const clean = cleanText(text) || '?';
  const fits = (s: string) => textWidth(s, fontSize, bold) <= widthPt;
  let chars = Math.max(8, Math.ceil(widthPt / (0.4 * fontSize)));
  let lines = wrapWords(clean, chars);
  while (chars > 8 && !lines.every(fits)) lines = wrapWords(clean, --chars);
  return lines;
}

/** A unit's name in at most two lines that fit LABEL_WIDTH_PT, the second cut with an ellipsis. */
export function unitLabelLines(name: string): string[] {
  const fits = (s: string) => textWidth(s, FONT_LABEL) <= LABEL_WIDTH_PT;
  const lines = wrapToWidth(name, FONT_LABEL, LABEL_WIDTH_PT);
  if (lines.length <= 2) return lines;
  let second = lines.slice(1).join(' ');
  while (!fits(`${second}…`) && second.length > 1) second = truncate(second, second.length - 1);
  return [lines[0]!, second.endsWith('…') ? second : `${second.trimEnd()}…`];
}

interface Segment {
  row: number;
  status: string;
  n: number;
  x0: number;
  x1: number;
  mid: number;
  ink: string;
  showCount: boolean;
}

/** The vega-lite spec of one page of the chart (`page` 1-based, of `pages`). */
export function progressChartSpec(
  rows: ProgressRow[],
  o: ProgressChartOptions & { page?: number; pages?: number; maxTotal?: number },
): TopLevelSpec {
  const words = WORDS[o.lang];
  const maxTotal = Math.max(1, o.maxTotal ?? 0, ...rows.map((r) => r.processes.total));
  const labels = rows.map((r) => unitLabelLines(r.unitName));
  const twoLines = labels.some((l) => l.length > 1);
  // A segment narrower than its count leaves the count out; the total at the bar's end remains.
  const plotWidth = CHART_WIDTH_PT - LABEL_WIDTH_PT - 60;
  // Room right of the longest bar for its total, which vega's autosize does not reserve.
  const totalRoom = textWidth(`${maxTotal}`, FONT_COUNT) + 10;
  const domainMax = maxTotal / (1 - totalRoom / plotWidth);
  const segments: Segment[] = [];
  rows.forEach((r, row) => {
    const counts = statusCounts(r);
    let x = 0;
    for (const s of PROGRESS_STATUSES) {
      const n = counts[s];
      if (n === 0) continue;
      const room = (n / domainMax) * plotWidth;
      segments.push({
        row,
        status: STATUS_STYLE[s][o.lang],
        n,
        x0: x,
        x1: x + n,
        mid: x + n / 2,
        ink: STATUS_STYLE[s].text,
        showCount: room >= textWidth(String(n), FONT_COUNT, true) + 6,
      });
      x += n;
    }
  });
  const totals = rows.map((r, row) => ({ row, total: r.processes.total }));
  const page = o.pages && o.pages > 1 ? ` · ${words.page(o.page ?? 1, o.pages)}` : '';
  const y = {
    field: 'row',
    type: 'ordinal' as const,
    title: null,
    scale: { domain: rows.map((_, i) => i) },
    axis: {
      labelExpr: 'unitLabels[datum.value]',
      labelLimit: 0,
      labelPadding: 8,
      labelLineHeight: LINE_HEIGHT,
      // vega sets a multi-line label's first line on the band's middle: lift two lines by half.
      labelOffset: {
        condition: { test: 'length(unitLabels[datum.value]) > 1', value: -LINE_HEIGHT / 2 },
        value: 0,
      },
      ticks: false,
      domain: false,
    },
  };
  const x = { type: 'quantitative' as const, scale: { domain: [0, domainMax], nice: false } };

  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: CHART_WIDTH_PT,
    height: { step: twoLines ? 38 : 28 },
    autosize: { type: 'fit-x', contains: 'padding' },
    padding: { left: 12, right: 16, top: 12, bottom: 12 },
    background: 'white',
    title: {
      text: wrapToWidth(o.title, 16, CHART_WIDTH_PT - 30, true).slice(0, 3),
      subtitle: `${words.subtitle}${page}`,
      anchor: 'start',
      fontSize: 16,
      subtitleFontSize: 13,
      subtitleColor: '#52606d',
      offset: 10,
    },
    params: [{ name: 'unitLabels', value: labels }],
    config: {
      font: RASTER_FONT_FAMILY,
      view: { stroke: null },
      axis: { labelFontSize: FONT_LABEL, titleFontSize: 12, labelColor: '#1f2933' },
      legend: { labelFontSize: 13, symbolSize: 180 },
    },
    layer: [
      {
        data: { values: segments },
        mark: { type: 'bar', height: { band: 0.72 } },
        encoding: {
          y,
          x: {
            ...x,
            field: 'x0',
            title: words.axis,
            axis: {
              orient: 'top',
              format: 'd',
              tickMinStep: 1,
              labelFontSize: 12,
              gridColor: '#e4e7eb',
            },
          },
          x2: { field: 'x1' },
          color: {
            field: 'status',
            type: 'nominal',
            title: null,
            scale: {
              domain: PROGRESS_STATUSES.map((s) => STATUS_STYLE[s][o.lang]),
              range: PROGRESS_STATUSES.map((s) => STATUS_STYLE[s].color),
            },
            legend: { orient: 'top', direction: 'horizontal', symbolType: 'square' },
          },
        },
      },
      {
        data: { values: segments.filter((s) => s.showCount) },
        mark: { type: 'text', fontSize: FONT_COUNT, fontWeight: 'bold' },
        encoding: {
          y,
          x: { ...x, field: 'mid' },
          text: { field: 'n', type: 'quantitative' },
          color: { field: 'ink', type: 'nominal', scale: null },
        },
      },
      {
        data: { values: totals },
        mark: { type: 'text', align: 'left', dx: 5, fontSize: FONT_COUNT, color: '#52606d' },
        encoding: {
          y,
          x: { ...x, field: 'total' },
          text: {
            condition: { test: 'datum.total === 0', value: words.none },
            field: 'total',
            type: 'quantitative',
          },
        },
      },
    ],
  } as TopLevelSpec;
}

/** vega's SVG sized in points (its user units), as raster.ts expects from Graphviz. */
function inPoints(svg: string): string {
  return svg.replace(
    /^<svg([^>]*?) width="([\d.]+)" height="([\d.]+)"/,
    (_m, attrs: string, w: string, h: string) => `<svg${attrs} width="${w}pt" height="${h}pt"`,
  );
}

const QUIET = {
  level() {
    return QUIET;
  },
  error(...args: readonly unknown[]) {
    throw new Error(args.map(String).join(' '));
  },
  warn: () => QUIET,
  info: () => QUIET,
  debug: () => QUIET,
};

async function drawSpec(spec: TopLevelSpec): Promise<string> {
  useRasterFontMetrics();
  // vega-lite warns that a fit-x chart keeps its stepped height: that is the intent.
  const { spec: compiled } = compile(spec, { logger: QUIET });
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  try {
    return inPoints(await view.toSVG());
  } finally {
    view.finalize();
  }
}

/** The whole chart, every unit, as one SVG (the download). */
export async function progressChartSvg(
  rows: ProgressRow[],
  o: ProgressChartOptions,
): Promise<string> {
  return drawSpec(progressChartSpec(rows, o));
}

/** The chart in pages of at most `perPage` units for chat, every page on the same scale. */
export async function progressChartPages(
  rows: ProgressRow[],
  o: ProgressChartOptions & { perPage?: number },
): Promise<string[]> {
  const per = Math.max(1, o.perPage ?? DEFAULT_UNITS_PER_PAGE);
  const pages = Math.max(1, Math.ceil(rows.length / per));
  const maxTotal = Math.max(1, ...rows.map((r) => r.processes.total));
  const out: string[] = [];
  for (let i = 0; i < pages; i++)
    out.push(
      await drawSpec(
        progressChartSpec(rows.slice(i * per, (i + 1) * per), {
          ...o,
          page: i + 1,
          pages,
          maxTotal,
        }),
      ),
    );
  return out;
}
