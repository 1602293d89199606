// bpmnlint's recommended rules on a BPMN export: every report, as "rule: message (element)".
import { createRequire } from 'node:module';
import { BpmnModdle } from 'bpmn-moddle';

const require = createRequire(import.meta.url);
// bpmnlint is CommonJS; its NodeResolver finds the bundled rules and configs by package name.
const { Linter } = require('bpmnlint') as {
  Linter: new (o: unknown) => {
    lint(
      root: unknown,
    ): Promise<Record<string, { id?: string; category: string; message: string }[]>>;
  };
};
const NodeResolver = require('bpmnlint/lib/resolver/node-resolver') as new () => unknown;

export async function lintReports(xml: string): Promise<string[]> {
  const { rootElement } = await new BpmnModdle().fromXML(xml);
  const linter = new Linter({
    config: { extends: 'bpmnlint:recommended' },
    resolver: new NodeResolver(),
  });
  const results = await linter.lint(rootElement);
  return Object.entries(results).flatMap(([rule, reports]) =>
    reports.map((r) => `${rule}: ${r.message} (${r.id ?? '?'}, ${r.category})`),
  );
}
