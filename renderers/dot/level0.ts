// Peta level 0: the organisation's processes in three bands (Proses Manajemen, Proses Inti,
// Proses Pendukung), and the hierarchy below one process as a tree.
import type { Category, Organisation, Process } from '../../core/model/index.js';
import { dotLabel, dotQuote } from './escape.js';
import { FONT } from './cross-functional.js';

export const BANDS: { category: Category; title: string; fill: string }[] = [
  { category: 'manajemen', title: 'Proses Manajemen', fill: '#eef2fb' },
  { category: 'inti', title: 'Proses Inti', fill: '#eaf6ee' },
  { category: 'pendukung', title: 'Proses Pendukung', fill: '#fbf3e6' },
];

/** The code as printed: with the organisation's prefix when it has one ("SETDA.03.01"). */
export function displayCode(org: Pick<Organisation, 'codePrefix'>, code: string): string {
  return org.codePrefix ? `${org.codePrefix}.${code}` : code;
}

function byCode(a: Process, b: Process): number {
  const pa = a.code.split('.').map(Number);
  const pb = b.code.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

/** Level 0: the top processes (no parent) of each category, a band per category, top to bottom. */
export function toLevel0Dot(processes: Process[], org: Organisation): string {
  const ids = new Set(processes.map((p) => p.id));
  const top = processes.filter((p) => p.parentId === null || !ids.has(p.parentId)).sort(byCode);
  const out: string[] = [];
  out.push('digraph peta_level0 {');
  out.push(
    `  graph [rankdir=TB newrank=true nodesep=0.3 ranksep=0.5 fontname="${FONT}" fontsize=16 labelloc=t label=${dotLabel(`Peta Proses Bisnis Level 0 — ${org.name}`, 80)} pad=0.25 bgcolor="white"]`,
  );
  out.push(
    `  node [fontname="${FONT}" fontsize=12 shape=box style=filled fillcolor="#ffffff" width=2.2 margin="0.15,0.08" color="#333333"]`,
  );
  const firsts: string[] = [];
  BANDS.forEach((band, bi) => {
    const members = top.filter((p) => p.category === band.category);
    out.push(`  subgraph ${dotQuote(`cluster_${band.category}`)} {`);
    out.push(
      `    graph [label=${dotQuote(band.title)} labelloc=t fontsize=14 style=filled fillcolor="${band.fill}" color="#9aa5b1" margin=14]`,
    );
    const nodeIds = members.map((_, i) => `b${bi}p${i}`);
    if (members.length === 0) {
      nodeIds.push(`b${bi}empty`);
      out.push(
        `    ${dotQuote(`b${bi}empty`)} [label="(belum ada proses)" shape=plaintext style="" fontcolor="#666666"]`,
      );
    }
    members.forEach((p, i) => {
      out.push(
        `    ${dotQuote(nodeIds[i]!)} [label=${dotLabel(`${displayCode(org, p.code)} ${p.name}`, 24)}]`,
      );
    });
    if (nodeIds.length > 1)
      out.push(`    { rank=same; ${nodeIds.map(dotQuote).join(' -> ')} [style=invis] }`);
    out.push('  }');
    firsts.push(nodeIds[0]!);
  });
  // Bands stacked in order: an invisible edge from each band to the next (ranks are reliable).
  for (let i = 0; i + 1 < firsts.length; i++)
    out.push(`  ${dotQuote(firsts[i]!)} -> ${dotQuote(firsts[i + 1]!)} [style=invis]`);
  out.push('}');
  return out.join('\n') + '\n';
}

/** The hierarchy below `rootId` (the root included), as a top-down tree in code order. */
export function toProcessTreeDot(processes: Process[], org: Organisation, rootId: string): string {
  const root = processes.find((p) => p.id === rootId);
  if (!root) throw new Error(`Proses ${rootId} tidak ditemukan`);
  const out: string[] = [];
  const idOf = new Map<string, string>();
  const seen = new Set<string>();
  const nodes: Process[] = [];
  const walk = (p: Process) => {
    if (seen.has(p.id)) return; // a cycle in parentId must not loop
    seen.add(p.id);
    idOf.set(p.id, `p${nodes.length}`);
    nodes.push(p);
    processes
      .filter((c) => c.parentId === p.id)
      .sort(byCode)
      .forEach(walk);
  };
  walk(root);
  out.push('digraph hierarki_proses {');
  out.push(
    `  graph [rankdir=TB nodesep=0.3 ranksep=0.45 fontname="${FONT}" fontsize=16 labelloc=t label=${dotLabel(`Hierarki ${displayCode(org, root.code)} ${root.name}`, 80)} pad=0.25 bgcolor="white"]`,
  );
  out.push(
    `  node [fontname="${FONT}" fontsize=12 shape=box style=filled width=2 margin="0.15,0.08" color="#333333"]`,
  );
  out.push(`  edge [color="#555555" arrowhead=none]`);
  for (const p of nodes) {
    const fill = p.flow ? '#ffffff' : '#e8f1fb';
    out.push(
      `  ${dotQuote(idOf.get(p.id)!)} [label=${dotLabel(`${displayCode(org, p.code)} ${p.name}`, 24)} fillcolor="${fill}"]`,
    );
  }
  for (const p of nodes) {
    if (p.id !== root.id && p.parentId && idOf.has(p.parentId))
      out.push(`  ${dotQuote(idOf.get(p.parentId)!)} -> ${dotQuote(idOf.get(p.id)!)}`);
  }
  out.push('}');
  return out.join('\n') + '\n';
}
