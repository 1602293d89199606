// `npx tsx bench/maps.ts`: how the cross-functional maps read on a phone. For the Renja example,
// the procedures of Kabupaten Sukamaju and a 22-step service that pages: lanes, the page's width,
// the size of step text and edge labels on a screen 1080 px wide, and what the golden tests check
// (edges outside the frame, edges through a step, labels on a step: all must be 0).
import { readFileSync } from 'node:fs';
import { ExchangeDocument, type Organisation, type Process } from '../core/model/index.js';
import { crossFunctionalSvgs } from '../renderers/cross-functional-svg.js';
import { buildCrossFunctional } from '../renderers/dot/cross-functional.js';
import { graphvizWasm } from '../renderers/layout.js';
import * as g from '../tests/renderers/geometry.js';
import { pagedKecamatanProcess } from '../tests/renderers/paged-fixture.js';

const engine = graphvizWasm();
const maps: [string, Process, Organisation][] = [];
for (const f of ['renja-setda.json', 'procedures/kab-sukamaju.json']) {
  const doc = ExchangeDocument.parse(
    JSON.parse(readFileSync(new URL(`../tests/fixtures/${f}`, import.meta.url), 'utf8')),
  );
  for (const p of doc.processes.filter((p) => p.flow))
    maps.push([`${p.code} ${p.name}`, p, doc.organisation]);
}
const kec = pagedKecamatanProcess();
maps.push([`${kec.process.code} ${kec.process.name} (22 langkah)`, kec.process, kec.org]);

console.log(
  '| map | page | lanes | width pt | step text px | edge text px | out of frame | through a step | label on a step |',
);
console.log('|---|---|--:|--:|--:|--:|--:|--:|--:|');
for (const [name, process, org] of maps) {
  const { pages } = await crossFunctionalSvgs(process, org, engine);
  for (const [i, svg] of pages.entries()) {
    const lanes = buildCrossFunctional(process, org, { page: i + 1 }).lanes.length;
    console.log(
      `| ${name} | ${i + 1}/${pages.length} | ${lanes} | ${g.svgWidthPt(svg)} | ${g.stepTextPx(svg).toFixed(1)} | ${g.edgeTextPx(svg).toFixed(1)} | ${g.outsideFrame(svg).length} | ${g.edgesThroughSymbols(svg).length} | ${g.labelsOnSymbols(svg).length} |`,
    );
  }
}
