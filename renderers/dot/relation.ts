// Peta relasi: the units and outside parties of one process (or of a whole organisation) and what
// passes between them, from handoffs(). A handoff not yet confirmed by the receiving unit is drawn
// dashed (pending: orange; disputed: red) and the legend says so.
import type { ConfirmationState, Handoff, Organisation, Process } from '../../core/model/index.js';
import { handoffs, isExternalKind, isStep, unitById } from '../../core/model/index.js';
import { cleanText, dotLabel, dotQuote, truncate, xmlEscape } from './escape.js';
import { FONT } from './cross-functional.js';

export const HANDOFF_STYLE: Record<
  ConfirmationState,
  { style: string; color: string; legend: string }
> = {
  confirmed: { style: 'solid', color: '#2f3b45', legend: 'dikonfirmasi unit penerima' },
  pending: { style: 'dashed', color: '#d97706', legend: 'menunggu konfirmasi unit penerima' },
  disputed: { style: 'dashed', color: '#c0262d', legend: 'dipersoalkan unit penerima' },
};

interface RelationEdge {
  from: string;
  to: string;
  state: ConfirmationState;
  what: string[];
}

/** The handoffs that pass between units, merged per (from, to, state), in first-seen order. */
export function relationEdges(processes: Process[], o: { withCode: boolean }): RelationEdge[] {
  const merged = new Map<string, RelationEdge>();
  for (const p of processes) {
    for (const h of handoffs(p) as Handoff[]) {
      const key = `${h.fromUnitId}\u0000${h.toUnitId}\u0000${h.state}`;
      const e = merged.get(key) ?? { from: h.fromUnitId, to: h.toUnitId, state: h.state, what: [] };
      const what = h.what ?? '(belum disebut)';
      const text = o.withCode ? `${p.code}: ${what}` : what;
      if (!e.what.includes(text)) e.what.push(text);
      merged.set(key, e);
    }
  }
  return [...merged.values()];
}

/**
 * Units that take part: the owner, every performer (the co-performers of joint steps too), every
 * SIPOC party that is a unit.
 */
function participants(processes: Process[]): string[] {
  const ids: string[] = [];
  const add = (id: string | null | undefined) => {
    if (id && !ids.includes(id)) ids.push(id);
  };
  for (const p of processes) {
    add(p.ownerUnitId);
    for (const n of p.flow?.nodes ?? [])
      if (isStep(n)) for (const q of [n.performer, ...n.coPerformers]) add(q?.unitId);
    for (const i of [...p.sipoc.inputs, ...p.sipoc.outputs]) add(i.party?.unitId);
  }
  return ids;
}

export function toRelationDot(input: Process | Process[], org: Organisation): string {
  const processes = Array.isArray(input) ? input : [input];
  const many = Array.isArray(input);
  const edges = relationEdges(processes, { withCode: many });
  const units = participants(processes);
  for (const e of edges) for (const id of [e.from, e.to]) if (!units.includes(id)) units.push(id);
  const idOf = new Map(units.map((u, i) => [u, `u${i}`]));
  const title = many
    ? `Peta Relasi ${org.name}`
    : `Peta Relasi ${processes[0]?.code ?? ''} ${processes[0]?.name ?? ''}`;

  const out: string[] = [];
  out.push('digraph peta_relasi {');
  out.push(
    `  graph [rankdir=LR nodesep=0.5 ranksep=1.1 fontname="${FONT}" fontsize=16 labelloc=t label=${dotLabel(title, 70)} pad=0.25 bgcolor="white"]`,
  );
  out.push(`  node [fontname="${FONT}" fontsize=12 margin="0.18,0.08" color="#333333"]`);
  out.push(`  edge [fontname="${FONT}" fontsize=10]`);
  for (const u of units) {
    const unit = unitById(org, u);
    const external = unit ? isExternalKind(unit.kind) : true;
    const attrs = external
      ? 'shape=box style="rounded,filled,dashed" fillcolor="#fff7e6"'
      : 'shape=box style=filled fillcolor="#e8f1fb"';
    out.push(`  ${dotQuote(idOf.get(u)!)} [label=${dotLabel(unit?.name ?? u, 24)} ${attrs}]`);
  }
  for (const e of edges) {
    const s = HANDOFF_STYLE[e.state];
    const shown = e.what.slice(0, 6).map((w) => truncate(cleanText(w), 60));
    if (e.what.length > 6) shown.push(`+${e.what.length - 6} lainnya`);
    out.push(
      `  ${dotQuote(idOf.get(e.from)!)} -> ${dotQuote(idOf.get(e.to)!)} [label=${dotQuote(shown)} style=${s.style} color="${s.color}" fontcolor="${s.color}" penwidth=1.4]`,
    );
  }
  // Legend: one small table, a line per state in its colour and stroke ("——" solid, "- - -"
  // dashed). A sample arrow per state spread the legend over a third of a phone's screen.
  const states: ConfirmationState[] = ['confirmed', 'pending', 'disputed'];
  const rows = states
    .map((st) => {
      const s = HANDOFF_STYLE[st];
      const stroke = s.style === 'solid' ? '———' : '- - -';
      return `<TR><TD ALIGN="LEFT"><FONT COLOR="${s.color}">${stroke}  ${xmlEscape(s.legend)}&#160;&#160;&#160;&#160;</FONT></TD></TR>`;
    })
    .join('');
  out.push(
    `  legend [shape=plaintext fontsize=10 label=<<TABLE BORDER="1" COLOR="#9aa5b1" CELLBORDER="0" CELLSPACING="0" CELLPADDING="3" STYLE="ROUNDED"><TR><TD><B>Keterangan</B></TD></TR>${rows}</TABLE>>]`,
  );
  out.push('}');
  return out.join('\n') + '\n';
}
