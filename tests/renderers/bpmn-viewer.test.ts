// @vitest-environment jsdom
// Every BPMN export (see bpmn-exports.ts) opens in bpmn-js, the viewer inside bpmn.io and Camunda
// Modeler, without a single import warning, and shows every element of the file.
import { beforeAll, describe, expect, it } from 'vitest';
import { toBpmnXml } from '../../renderers/bpmn/export.js';
import { graphvizWasm } from '../../renderers/layout.js';
import { installSvgPolyfills } from './bpmn-dom.js';
import { everyExport } from './bpmn-exports.js';

interface Viewer {
  importXML(xml: string): Promise<{ warnings: { message: string }[] }>;
  get(name: 'elementRegistry'): { getAll(): { id: string; type: string }[] };
  destroy(): void;
}

let ViewerClass: new (o: { container: unknown }) => Viewer;
const doc = () => (globalThis as unknown as { document: Document }).document;
interface Document {
  createElement(tag: string): unknown;
  body: { appendChild(n: unknown): void };
}

beforeAll(async () => {
  installSvgPolyfills();
  // bpmn-js's own typings are CommonJS-shaped and name DOM types this project compiles without:
  // the few calls the test makes are typed above.
  const { default: loaded } = (await import('bpmn-js/lib/Viewer.js')) as unknown as {
    default: typeof ViewerClass;
  };
  ViewerClass = loaded;
});

describe.each(everyExport().map((c) => [c.name, c] as const))('bpmn-js opening %s', (_, c) => {
  it('imports it without warnings and draws every element, flow and lane', async () => {
    const xml = await toBpmnXml(c.process, c.org, graphvizWasm());
    const container = doc().createElement('div');
    doc().body.appendChild(container);
    const viewer = new ViewerClass({ container });
    const { warnings } = await viewer.importXML(xml);
    expect(warnings.map((w) => w.message)).toEqual([]);
    const drawn = new Set(
      viewer
        .get('elementRegistry')
        .getAll()
        .map((e) => e.id),
    );
    const ids = [...xml.matchAll(/<bpmn:[A-Za-z]+ id="([^"]+)"/g)]
      .map((m) => m[1]!)
      .filter((id) => !['Definitions_1', 'Collaboration_1', 'Process_1', 'LaneSet_1'].includes(id));
    expect(ids.filter((id) => !drawn.has(id))).toEqual([]);
    // External labels (events, gateways, named exits) are elements of their own.
    expect([...drawn].filter((id) => id.endsWith('_label')).length).toBeGreaterThan(0);
    viewer.destroy();
  });
});
