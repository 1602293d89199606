// Cross-functional map to SVG: DOT from ./dot, layout through the adapter, swimlanes drawn in.
import type { Organisation, Process } from '../core/model/index.js';
import {
  buildCrossFunctional,
  pageCount,
  type CrossFunctionalOptions,
} from './dot/cross-functional.js';
import type { LayoutEngine } from './layout.js';
import { drawSwimlanes, laneBoxesFromSvg } from './swimlanes.js';

async function layoutPage(
  process: Process,
  org: Organisation,
  engine: LayoutEngine,
  o: CrossFunctionalOptions & { page: number | 'all' },
): Promise<string> {
  const built = buildCrossFunctional(process, org, o);
  // One layout a page: the lanes are measured in the SVG itself.
  const svg = await engine.layout(built.dot, 'svg');
  return drawSwimlanes(svg, laneBoxesFromSvg(svg, built.lanes), built.bands);
}

/** The whole map as one SVG and, for chat, the pages (a single page when the map is short). */
export async function crossFunctionalSvgs(
  process: Process,
  org: Organisation,
  engine: LayoutEngine,
  o: CrossFunctionalOptions = {},
): Promise<{ all: string; pages: string[] }> {
  const all = await layoutPage(process, org, engine, { ...o, page: 'all' });
  const n = pageCount(process, o.maxStepsPerPage);
  if (n === 1) return { all, pages: [all] };
  const pages: string[] = [];
  for (let p = 1; p <= n; p++)
    pages.push(await layoutPage(process, org, engine, { ...o, page: p }));
  return { all, pages };
}
