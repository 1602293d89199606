// The import graph of the project's own TypeScript files, its cycles and its layer breaks: read
// by tests/structure/import-cycles.test.ts (and usable on any checkout: importGraph(folder)).
import fs from 'node:fs';
import path from 'node:path';

/** Folders of the project's own code; tests/ may import anything and are left out. */
const FOLDERS = ['core', 'db', 'renderers', 'bot', 'bench'];

/** Every .ts file under the folders, as a path relative to the root with '/' separators. */
export function sourceFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = `${dir}/${e.name}`;
      if (e.isDirectory()) walk(rel);
      else if (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) out.push(rel);
    }
  };
  for (const f of FOLDERS) if (fs.existsSync(path.join(root, f))) walk(f);
  for (const e of fs.readdirSync(root))
    if (e.endsWith('.ts') && fs.statSync(path.join(root, e)).isFile()) out.push(e);
  return out.sort();
}

// Static imports and re-exports (type-only ones too) and dynamic import(): a type-only cycle is
// still a cycle for a reader, and a dynamic one still ties the two files together.
const IMPORT =
  /(?:\bimport|\bexport)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)|\bimport\s+['"]([^'"]+)['"]/g;

/** The project files a source imports by relative path, resolved to file names. */
export function relativeImports(file: string, source: string, known: Set<string>): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  const deps = new Set<string>();
  for (const m of code.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2] ?? m[3]!;
    if (!spec.startsWith('.')) continue;
    const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec));
    const ts = target.replace(/\.js$/, '.ts');
    const hit = [ts, `${target}.ts`, `${target}/index.ts`].find((c) => known.has(c));
    if (hit) deps.add(hit);
  }
  return [...deps];
}

/** The import graph of the files under root. */
export function importGraph(root: string): Map<string, string[]> {
  const files = sourceFiles(root);
  const known = new Set(files);
  return new Map(
    files.map((f) => [f, relativeImports(f, fs.readFileSync(path.join(root, f), 'utf8'), known)]),
  );
}

/** Groups of files that import each other, directly or round about (Tarjan's SCCs). */
export function importCycles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next);
    next++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1 || graph.get(v)?.includes(v)) cycles.push(group.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return cycles;
}

/** What each layer must not import: its top folder → folders below it may not reach. */
const FORBIDDEN: Record<string, string[]> = {
  core: ['bot', 'db', 'renderers'],
  renderers: ['bot', 'db'],
  db: ['bot'],
};

/** Imports that go up a layer, as "from → to". */
export function layerViolations(graph: Map<string, string[]>): string[] {
  const top = (f: string) => f.split('/')[0]!;
  const out: string[] = [];
  for (const [from, deps] of graph)
    for (const to of deps) if (FORBIDDEN[top(from)]?.includes(top(to))) out.push(`${from} → ${to}`);
  return out;
}
