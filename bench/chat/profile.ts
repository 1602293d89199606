// Reads a V8 .cpuprofile (node --cpu-prof) and lists where the time went: self time by function,
// self time by package or project folder, and inclusive time of the project's own functions.
// Also runnable: `npx tsx bench/chat/profile.ts FILE.cpuprofile [N]`.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

type Node = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
};
type Profile = {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
};

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function where(url: string): string {
  if (!url) return '(native/vm)';
  const p = url.replace(/^file:\/\//, '');
  const nm = p.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = p.slice(nm + 'node_modules/'.length).split('/');
    return `npm:${rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]}`;
  }
  if (p.startsWith(ROOT)) return p.slice(ROOT.length).split('/').slice(0, -1).join('/') || '.';
  if (p.startsWith('node:')) return 'node:internal';
  return p;
}
function key(n: Node): string {
  const c = n.callFrame;
  const file = c.url ? c.url.replace(/^file:\/\//, '').replace(ROOT, '') : '';
  return `${c.functionName || '(anonymous)'} ${file ? `${file}:${c.lineNumber + 1}` : ''}`.trim();
}
const ms = (us: number) => (us / 1000).toFixed(0).padStart(7);

export function topFrames(file: string, n = 25): string[] {
  const prof = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(prof.nodes.map((x) => [x.id, x]));
  const parent = new Map<number, number>();
  for (const x of prof.nodes) for (const c of x.children ?? []) parent.set(c, x.id);
  const self = new Map<string, number>();
  const group = new Map<string, number>();
  const incl = new Map<string, number>();
  let total = 0;
  let idle = 0;
  prof.samples.forEach((id, i) => {
    const dt = prof.timeDeltas[i] ?? 0;
    const node = byId.get(id)!;
    const name = node.callFrame.functionName;
    total += dt;
    if (name === '(idle)' || name === '(program)' || name === '(garbage collector)') {
      if (name === '(idle)') idle += dt;
      else group.set(name, (group.get(name) ?? 0) + dt);
      self.set(name, (self.get(name) ?? 0) + dt);
      return;
    }
    self.set(key(node), (self.get(key(node)) ?? 0) + dt);
    group.set(where(node.callFrame.url), (group.get(where(node.callFrame.url)) ?? 0) + dt);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const x = byId.get(cur)!;
      const u = x.callFrame.url;
      if (!u.includes(ROOT) || u.includes('node_modules')) continue;
      const k = key(x);
      if (seen.has(k)) continue;
      seen.add(k);
      incl.set(k, (incl.get(k) ?? 0) + dt);
    }
  });
  const busy = total - idle;
  const pct = (v: number) => `${((100 * v) / busy).toFixed(1).padStart(5)}%`;
  const top = (m: Map<string, number>, k: number) =>
    [...m]
      .filter(([name]) => name !== '(idle)')
      .sort((a, b) => b[1] - a[1])
      .slice(0, k);
  return [
    `profile: ${(total / 1e6).toFixed(1)} s sampled, ${(busy / 1e6).toFixed(1)} s busy (main thread of the bot)`,
    'self time by package / project folder:',
    ...top(group, 15).map(([k, v]) => `  ${ms(v)} ms ${pct(v)}  ${k}`),
    'self time by function:',
    ...top(self, n).map(([k, v]) => `  ${ms(v)} ms ${pct(v)}  ${k}`),
    "inclusive time of the project's functions:",
    ...top(incl, n).map(([k, v]) => `  ${ms(v)} ms ${pct(v)}  ${k}`),
  ];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === fs.realpathSync(process.argv[1])) {
  console.log(topFrames(process.argv[2]!, Number(process.argv[3] ?? 30)).join('\n'));
}
