// The project's own structure: no import cycles among its TypeScript files, and the layers
// import only downwards (core/ is pure; renderers/ draw a model; db/ stores it; bot/ runs it).
// Each check fails once on a cycle or a layer break added on purpose (see the second describe).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  importCycles,
  importGraph,
  layerViolations,
  relativeImports,
} from '../support/import-graph.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('the project structure', () => {
  const graph = importGraph(ROOT);

  it('reads the imports of the project files', () => {
    // Guards the parser: the graph must see imports, or the checks below pass on nothing.
    expect(graph.size).toBeGreaterThan(100);
    expect(graph.get('bot/cli.ts')).toContain('bot/start.ts'); // a dynamic import
    expect(graph.get('core/interview/engine.ts')).toContain('core/interview/respond.ts');
    expect(graph.get('db/client.ts')).toContain('db/db.ts'); // a type-only re-export
  });

  it('has no import cycles', () => {
    expect(importCycles(graph)).toEqual([]);
  });

  it('imports only downwards: core from nothing, renderers not from bot or db, db not from bot', () => {
    expect(layerViolations(graph)).toEqual([]);
  });
});

describe('the checks themselves', () => {
  const known = new Set(['a/x.ts', 'a/y.ts', 'a/z.ts', 'a/index.ts', 'core/p.ts', 'db/q.ts']);

  it('resolve .js specifiers, folders, type-only, re-exported and dynamic imports', () => {
    const src = [
      "import { a } from './y.js';",
      "import type { B } from './z.js';",
      "export * from './index.js';",
      "const m = await import('../db/q.js');",
      "import fs from 'node:fs';",
      "// import { c } from './not-there.js';",
    ].join('\n');
    expect(relativeImports('a/x.ts', src, known).sort()).toEqual([
      'a/index.ts',
      'a/y.ts',
      'a/z.ts',
      'db/q.ts',
    ]);
  });

  it('find a cycle through three files, and a layer broken', () => {
    const g = new Map([
      ['a/x.ts', ['a/y.ts']],
      ['a/y.ts', ['a/z.ts']],
      ['a/z.ts', ['a/x.ts']],
      ['core/p.ts', ['db/q.ts']],
      ['db/q.ts', []],
    ]);
    expect(importCycles(g)).toEqual([['a/x.ts', 'a/y.ts', 'a/z.ts']]);
    expect(layerViolations(g)).toEqual(['core/p.ts → db/q.ts']);
  });
});
