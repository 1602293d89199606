// The organisation's interface ledger as a picture: the Peta Relasi drawn from stored data. Units
// are nodes; one edge per (from, to, kind) with how many handoffs it stands for and the first names
// of what passes. Matched handoffs are solid dark, one-sided dashed orange, disputed bold red; an
// output nobody takes and an input nobody supplies point to or come from a small "?" beside the
// unit. Top to bottom, so that it stays narrow enough for a phone.
import type { Ledger, LedgerEntry, LedgerKind } from '../../core/coordination/types.js';
import type { Organisation } from '../../core/model/index.js';
import { isExternalKind, unitById } from '../../core/model/index.js';
import { cleanText, dotLabel, dotQuote, truncate, wrapWords, xmlEscape } from './escape.js';
import { FONT } from './cross-functional.js';

export const LEDGER_KINDS: LedgerKind[] = [
  'matched',
  'one-sided',
  'disputed',
  'orphan-output',
  'input-without-supplier',
];

export const LEDGER_STYLE: Record<
  LedgerKind,
  { style: string; color: string; penwidth: number; sample: string; legend: string }
> = {
  matched: {
    style: 'solid',
    color: '#2f3b45',
    penwidth: 1.6,
    sample: '━━━',
    legend: 'cocok, kedua unit setuju',
  },
  'one-sided': {
    style: 'dashed',
    color: '#d97706',
    penwidth: 1.6,
    sample: '╺ ╺ ╺',
    legend: 'sepihak, belum dijawab unit lain',
  },
  disputed: {
    style: 'bold',
    color: '#c0262d',
    penwidth: 2.6,
    sample: '━━━',
    legend: 'dipersoalkan, perlu diputuskan',
  },
  'orphan-output': {
    style: 'dotted',
    color: '#7b5ea7',
    penwidth: 1.6,
    sample: '· · · ?',
    legend: 'keluaran tanpa penerima',
  },
  'input-without-supplier': {
    style: 'dotted',
    color: '#7b5ea7',
    penwidth: 1.6,
    sample: '? · · ·',
    legend: 'masukan tanpa pemasok',
  },
};

export interface LedgerPictureOptions {
  /** Only the edges that touch this unit (a unit head's or a drill-down's view). */
  unitId?: string;
}

/** Names shown on an edge; the rest is counted. */
const NAMES_SHOWN = 2;
const NAME_WRAP = 20;

interface LedgerEdge {
  kind: LedgerKind;
  from: string | null;
  to: string | null;
  count: number;
  names: string[];
}

/** The entries drawn: all of them, or those touching `unitId`. */
export function ledgerEntriesShown(ledger: Ledger, o: LedgerPictureOptions = {}): LedgerEntry[] {
  const { unitId } = o;
  if (!unitId) return ledger.entries;
  return ledger.entries.filter((e) => e.fromUnitId === unitId || e.toUnitId === unitId);
}

/** The entries merged per (from, to, kind), in first-seen order. */
export function ledgerEdges(entries: LedgerEntry[]): LedgerEdge[] {
  const merged = new Map<string, LedgerEdge>();
  for (const e of entries) {
    const key = JSON.stringify([e.fromUnitId, e.toUnitId, e.kind]);
    const edge = merged.get(key) ?? {
      kind: e.kind,
      from: e.fromUnitId,
      to: e.toUnitId,
      count: 0,
      names: [],
    };
    edge.count++;
    const name = cleanText(e.what) || '(belum disebut)';
    if (!edge.names.includes(name)) edge.names.push(name);
    merged.set(key, edge);
  }
  return [...merged.values()];
}

function edgeLines(e: LedgerEdge): string[] {
  const lines: string[] = [];
  if (e.count > 1) lines.push(`${e.count} serah terima:`);
  for (const name of e.names.slice(0, NAMES_SHOWN))
    lines.push(...wrapWords(truncate(name, 44), NAME_WRAP));
  if (e.names.length > NAMES_SHOWN) lines.push(`+${e.names.length - NAMES_SHOWN} lainnya`);
  return lines;
}

/** How many entries of each kind are drawn, in LEDGER_KINDS order. */
export function ledgerCounts(entries: LedgerEntry[]): Record<LedgerKind, number> {
  const counts = Object.fromEntries(LEDGER_KINDS.map((k) => [k, 0])) as Record<LedgerKind, number>;
  for (const e of entries) counts[e.kind]++;
  return counts;
}

/** The legend as one HTML-like table: a sample line and "what: count" per kind, in its colour. */
function legendLabel(counts: Record<LedgerKind, number>): string {
  const row = (k: LedgerKind) => {
    const s = LEDGER_STYLE[k];
    return (
      `<TR><TD ALIGN="LEFT"><FONT COLOR="${s.color}">${xmlEscape(s.sample)}</FONT></TD>` +
      `<TD ALIGN="LEFT"><FONT COLOR="${s.color}">${xmlEscape(`${s.legend}: ${counts[k]}`)}</FONT></TD></TR>`
    );
  };
  return (
    '<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="2" CELLPADDING="1">' +
    '<TR><TD ALIGN="LEFT" COLSPAN="2"><B>Keterangan (jumlah serah terima)</B></TD></TR>' +
    LEDGER_KINDS.map(row).join('') +
    '</TABLE>>'
  );
}

export function toLedgerDot(
  ledger: Ledger,
  org: Organisation,
  o: LedgerPictureOptions = {},
): string {
  const entries = ledgerEntriesShown(ledger, o);
  const edges = ledgerEdges(entries);
  const units: string[] = [];
  const addUnit = (id: string | null) => {
    if (id !== null && !units.includes(id)) units.push(id);
  };
  addUnit(o.unitId ?? null);
  for (const e of edges) {
    addUnit(e.from);
    addUnit(e.to);
  }
  // Generated DOT ids: nothing a person typed ever becomes an id.
  const idOf = new Map(units.map((u, i) => [u, `u${i}`]));
  const focus = o.unitId ? unitById(org, o.unitId) : undefined;
  const title = [
    ...wrapWords(
      truncate(cleanText(`Peta Relasi ${focus?.name ?? o.unitId ?? org.name}`), 120),
      44,
    ),
    ...wrapWords(
      truncate(
        cleanText(o.unitId ? `serah terima antarunit, ${org.name}` : 'serah terima antarunit'),
        120,
      ),
      52,
    ),
  ];

  const out: string[] = [];
  out.push('digraph peta_relasi_antarmuka {');
  out.push(
    `  graph [rankdir=TB newrank=true nodesep=0.3 ranksep=0.55 fontname="${FONT}" fontsize=16 labelloc=t label=${dotQuote(title)} pad=0.25 bgcolor="white"]`,
  );
  out.push(
    `  node [fontname="${FONT}" fontsize=14 shape=box style=filled fillcolor="#e8f1fb" margin="0.15,0.08" color="#333333"]`,
  );
  out.push(`  edge [fontname="${FONT}" fontsize=12 arrowsize=0.8]`);
  for (const u of units) {
    const unit = unitById(org, u);
    const external = unit ? isExternalKind(unit.kind) : false;
    const attrs = [
      external ? 'style="rounded,filled,dashed" fillcolor="#fff7e6"' : '',
      u === o.unitId ? 'penwidth=2.5 fillcolor="#cfe2f7"' : '',
    ].filter(Boolean);
    out.push(
      `  ${dotQuote(idOf.get(u)!)} [label=${dotLabel(unit?.name ?? u, 18, 90)}${attrs.length ? ' ' + attrs.join(' ') : ''}]`,
    );
  }
  const unknown = (side: 'in' | 'out', unit: string) => {
    const id = `q_${side}_${idOf.get(unit)}`;
    out.push(
      `  ${dotQuote(id)} [label="?" shape=circle width=0.32 height=0.32 fixedsize=true style=filled fillcolor="#f1ecf8" color="#7b5ea7" fontcolor="#7b5ea7" fontsize=14]`,
    );
    return id;
  };
  for (const e of edges) {
    const s = LEDGER_STYLE[e.kind];
    const from = e.from === null ? unknown('in', e.to!) : idOf.get(e.from)!;
    const to = e.to === null ? unknown('out', e.from!) : idOf.get(e.to)!;
    out.push(
      `  ${dotQuote(from)} -> ${dotQuote(to)} [label=${dotQuote(edgeLines(e))} style=${s.style} color="${s.color}" fontcolor="${s.color}" penwidth=${s.penwidth}]`,
    );
  }
  if (edges.length === 0)
    out.push(
      `  ${dotQuote('none')} [label="Belum ada serah terima antarunit." shape=plaintext style="" fontcolor="#52606d"]`,
    );
  out.push(
    `  ${dotQuote('legend')} [label=${legendLabel(ledgerCounts(entries))} shape=box style="rounded" color="#9aa5b1" fontsize=12 margin="0.12,0.06"]`,
  );
  out.push(`  { rank=sink; ${dotQuote('legend')} }`);
  out.push('}');
  return out.join('\n') + '\n';
}
