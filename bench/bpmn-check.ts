// BPMN export check: `npx tsx bench/bpmn-check.ts [--out DIR]`.
// For every export the tests hold (tests/renderers/bpmn-exports.ts): the median time of
// toBpmnXml (Graphviz layout included), bpmnlint recommended reports, whether the edges read back
// unchanged, the gateways added, and the diagram's size. With --out, writes each .bpmn file and a
// PNG sketch of its diagram (shapes, lanes, flows and label boxes as the file places them), to
// look at the layout without a modeller.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BpmnModdle, type ModdleElement } from 'bpmn-moddle';
import { toBpmnXml } from '../renderers/bpmn/export.js';
import { fromBpmn } from '../renderers/bpmn/import.js';
import { wrapPx } from '../renderers/bpmn/text.js';
import { xmlEscape } from '../renderers/dot/escape.js';
import { graphvizWasm } from '../renderers/layout.js';
import { svgToPng } from '../renderers/raster.js';
import { everyExport } from '../tests/renderers/bpmn-exports.js';
import { lintReports } from '../tests/renderers/bpmn-lint.js';

const outAt = process.argv.indexOf('--out');
const OUT = outAt > 0 ? process.argv[outAt + 1] : undefined;

type Bounds = { x: number; y: number; width: number; height: number };
type Di = ModdleElement & {
  bounds?: Bounds;
  waypoint?: { x: number; y: number }[];
  label?: { bounds?: Bounds };
  bpmnElement: ModdleElement;
};

/** A plain SVG sketch of the diagram interchange of a BPMN file. */
async function sketch(xml: string): Promise<string> {
  const { rootElement } = await new BpmnModdle().fromXML(xml);
  const plane = (rootElement as unknown as { diagrams: { plane: { planeElement: Di[] } }[] })
    .diagrams[0]!.plane;
  const out: string[] = [];
  let w = 0;
  let h = 0;
  const text = (x: number, y: number, lines: string[], size: number) =>
    lines.forEach((l, i) =>
      out.push(
        `<text x="${x}" y="${y + size * 1.2 * (i + 1)}" font-size="${size}" font-family="DejaVu Sans Condensed">${xmlEscape(l)}</text>`,
      ),
    );
  for (const el of plane.planeElement) {
    const t = el.bpmnElement.$type;
    const name = el.bpmnElement.name ?? '';
    const b = el.bounds;
    if (b) {
      w = Math.max(w, b.x + b.width + 20);
      h = Math.max(h, b.y + b.height + 20);
      const [cx, cy] = [b.x + b.width / 2, b.y + b.height / 2];
      if (t.endsWith('Gateway'))
        out.push(
          `<polygon points="${cx},${b.y} ${b.x + b.width},${cy} ${cx},${b.y + b.height} ${b.x},${cy}" fill="#fff6dc" stroke="#333"/>`,
          t === 'bpmn:ExclusiveGateway'
            ? `<path d="M${cx - 7},${cy - 7}L${cx + 7},${cy + 7}M${cx + 7},${cy - 7}L${cx - 7},${cy + 7}" stroke="#333" stroke-width="3"/>`
            : `<path d="M${cx},${cy - 10}V${cy + 10}M${cx - 10},${cy}H${cx + 10}" stroke="#333" stroke-width="3"/>`,
        );
      else if (t.endsWith('Event'))
        out.push(
          `<circle cx="${cx}" cy="${cy}" r="${b.width / 2}" fill="#fff" stroke="#333" stroke-width="${t === 'bpmn:EndEvent' ? 4 : 1.5}"/>`,
        );
      else if (t === 'bpmn:Task') {
        out.push(
          `<rect x="${b.x}" y="${b.y}" width="${b.width}" height="${b.height}" rx="10" fill="#fff" stroke="#333"/>`,
        );
        text(b.x + 5, b.y + 3, wrapPx(name, b.width - 10, 12), 12);
      } else {
        out.push(
          `<rect x="${b.x}" y="${b.y}" width="${b.width}" height="${b.height}" fill="none" stroke="#999"/>`,
          `<line x1="${b.x}" y1="${b.y + 30}" x2="${b.x + b.width}" y2="${b.y + 30}" stroke="#999"/>`,
        );
        text(b.x + 5, b.y + 2, wrapPx(name, b.width - 10, 12).slice(0, 2), 12);
      }
    }
    if (el.waypoint) {
      const pts = el.waypoint.map((p) => `${p.x},${p.y}`).join(' ');
      out.push(`<polyline points="${pts}" fill="none" stroke="#333" marker-end="url(#arrow)"/>`);
    }
    const lb = el.label?.bounds;
    if (lb) {
      out.push(
        `<rect x="${lb.x}" y="${lb.y}" width="${lb.width}" height="${lb.height}" fill="#e8f1fb"/>`,
      );
      text(lb.x, lb.y - 1, wrapPx(name, lb.width, 11), 11);
    }
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}pt" height="${h}pt" viewBox="0 0 ${w} ${h}">` +
    '<defs><marker id="arrow" markerWidth="10" markerHeight="8" refX="10" refY="4" orient="auto" markerUnits="userSpaceOnUse"><path d="M0,0L10,4L0,8z" fill="#333"/></marker></defs>' +
    `<rect width="100%" height="100%" fill="#fff"/>${out.join('')}</svg>`
  );
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

async function main() {
  const engine = graphvizWasm();
  if (OUT) mkdirSync(OUT, { recursive: true });
  console.log('| export | steps | ms | lint reports | edges back | merges | splits | size px |');
  console.log('|---|---:|---:|---:|---|---:|---:|---|');
  for (const c of everyExport()) {
    const times: number[] = [];
    let xml = '';
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      xml = await toBpmnXml(c.process, c.org, engine);
      times.push(performance.now() - t0);
    }
    const reports = await lintReports(xml);
    const back = await fromBpmn(xml);
    const same = JSON.stringify(back.flow.edges) === JSON.stringify(c.process.flow!.edges);
    const steps = c.process.flow!.nodes.filter(
      (n) => n.kind === 'activity' || n.kind === 'decision',
    ).length;
    const pool =
      /bpmnElement="Participant_1"[^>]*>\s*<dc:Bounds [^>]*width="([\d.]+)" height="([\d.]+)"/.exec(
        xml,
      );
    console.log(
      `| ${c.name} | ${steps} | ${median(times).toFixed(0)} | ${reports.length} | ${same ? 'same' : 'DIFFERENT'} | ${xml.match(/<bpmn:exclusiveGateway id="Merge_/g)?.length ?? 0} | ${xml.match(/<bpmn:parallelGateway id="Split_/g)?.length ?? 0} | ${pool ? `${pool[1]}x${pool[2]}` : '?'} |`,
    );
    for (const r of reports) console.log(`  ${r}`);
    if (OUT) {
      const slug = c.name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
      writeFileSync(join(OUT, `${slug}.bpmn`), xml);
      writeFileSync(join(OUT, `${slug}.png`), svgToPng(await sketch(xml)));
    }
  }
}

void main();
