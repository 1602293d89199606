// What changed between two versions of a process, in words a head or coordinator checks before
// approving again ("Langkah 4 dipindah ke Bagian Umum"), and which steps to mark on the map.
// Steps are matched by node id, which stays the same across versions.
import type { Bilingual } from '../language/bilingual.js';
import { numberedSteps, unitById } from '../model/index.js';
import type { Duration, Flow, Organisation, Process, SipocItem, StepNode } from '../model/index.js';

export type VersionDiff = { changes: Bilingual[]; changedNodeIds: string[] };

type Change = { at: number; text: Bilingual };
const b = (id: string, en: string): Bilingual => ({ id, en });
const EMPTY: Flow = { nodes: [], edges: [] };

export function diffVersions(before: Process, after: Process, org: Organisation): VersionDiff {
  const changes: Change[] = [];
  const changed = new Set<string>();
  if (before.name !== after.name)
    changes.push({
      at: -3,
      text: b(
        `Nama proses diganti: ${before.name} → ${after.name}`,
        `Process renamed: ${before.name} → ${after.name}`,
      ),
    });
  for (const t of sipoc(before.sipoc.inputs, after.sipoc.inputs, 'input'))
    changes.push({ at: -2, text: t });

  const bf = before.flow ?? EMPTY;
  const af = after.flow ?? EMPTY;
  const bSteps = numberedSteps(bf);
  const aSteps = numberedSteps(af);
  const bNo = new Map(bSteps.map((s) => [s.node.id, s.no]));
  const aNo = new Map(aSteps.map((s) => [s.node.id, s.no]));
  const bNode = new Map(bSteps.map((s) => [s.node.id, s.node]));
  const moved = movedSteps(aSteps.map((s) => bNo.get(s.node.id)));

  aSteps.forEach(({ no, node }, i) => {
    const old = bNode.get(node.id);
    const out = old
      ? stepChanges(no, old, node, org)
      : [b(`Langkah ${no} baru: ${node.name}`, `Step ${no} new: ${node.name}`)];
    if (old && moved.has(bNo.get(node.id)!)) {
      const was = bNo.get(node.id)!;
      out.unshift(b(`Langkah ${was} sekarang langkah ${no}`, `Step ${was} is now step ${no}`));
    }
    if (old) out.push(...exitChanges(no, node.id, bf, af, bNo, aNo));
    for (const text of out) changes.push({ at: i, text });
    if (out.length > 0) changed.add(node.id);
  });

  // A removed step is said where it stood: after the step that preceded it and survived.
  let lastKept = -0.5;
  for (const { no, node } of bSteps) {
    const idx = aSteps.findIndex((s) => s.node.id === node.id);
    if (idx >= 0) lastKept = idx + 0.5;
    else
      changes.push({
        at: lastKept,
        text: b(`Langkah ${no} dihapus: ${node.name}`, `Step ${no} removed: ${node.name}`),
      });
  }
  for (const t of sipoc(before.sipoc.outputs, after.sipoc.outputs, 'output'))
    changes.push({ at: Number.MAX_SAFE_INTEGER, text: t });

  changes.sort((x, y) => x.at - y.at);
  return { changes: changes.map((c) => c.text), changedNodeIds: [...changed] };
}

/** Before-numbers of steps whose relative order changed: those off a longest kept sequence. */
function movedSteps(beforeNos: (number | undefined)[]): Set<number> {
  const seq = beforeNos.filter((n): n is number => n !== undefined);
  const len = seq.map(() => 1);
  const prev = seq.map(() => -1);
  for (let i = 0; i < seq.length; i++)
    for (let j = 0; j < i; j++)
      if (seq[j]! < seq[i]! && len[j]! + 1 > len[i]!) [len[i], prev[i]] = [len[j]! + 1, j];
  let end = len.indexOf(Math.max(0, ...len));
  const kept = new Set<number>();
  for (; end >= 0; end = prev[end]!) kept.add(seq[end]!);
  return new Set(seq.filter((n) => !kept.has(n)));
}

function stepChanges(no: number, old: StepNode, now: StepNode, org: Organisation): Bilingual[] {
  const out: Bilingual[] = [];
  if (old.name !== now.name)
    out.push(
      b(
        `Langkah ${no} diganti namanya: ${old.name} → ${now.name}`,
        `Step ${no} renamed: ${old.name} → ${now.name}`,
      ),
    );
  const ou = old.performer?.unitId ?? null;
  const nu = now.performer?.unitId ?? null;
  const op = old.performer?.position ?? '-';
  const np = now.performer?.position ?? '-';
  if (ou !== nu) {
    const unit = nu ? (unitById(org, nu)?.name ?? nu) : null;
    const pos = now.performer?.position ? ` (${now.performer.position})` : '';
    out.push(
      unit
        ? b(`Langkah ${no} dipindah ke ${unit}${pos}`, `Step ${no} moved to ${unit}${pos}`)
        : b(`Pelaksana langkah ${no} dihapus`, `Performer of step ${no} removed`),
    );
  } else if (op !== np)
    out.push(b(`Pelaksana langkah ${no}: ${op} → ${np}`, `Performer of step ${no}: ${op} → ${np}`));
  const ow = duration(old.waktu);
  const nw = duration(now.waktu);
  if (ow !== nw)
    out.push(b(`Waktu langkah ${no}: ${ow} → ${nw}`, `Time of step ${no}: ${ow} → ${nw}`));
  const oo = old.outputs.join(', ') || '-';
  const no2 = now.outputs.join(', ') || '-';
  if (oo !== no2)
    out.push(b(`Output langkah ${no}: ${oo} → ${no2}`, `Output of step ${no}: ${oo} → ${no2}`));
  for (const k of now.kelengkapan.filter((k) => !old.kelengkapan.includes(k)))
    out.push(
      b(`Kelengkapan langkah ${no} ditambah: ${k}`, `Requirement added to step ${no}: ${k}`),
    );
  for (const k of old.kelengkapan.filter((k) => !now.kelengkapan.includes(k)))
    out.push(
      b(`Kelengkapan langkah ${no} dikurangi: ${k}`, `Requirement removed from step ${no}: ${k}`),
    );
  return out;
}

/** A decision's exits compared by label: added, removed, or leading elsewhere. */
function exitChanges(
  no: number,
  id: string,
  bf: Flow,
  af: Flow,
  bNo: Map<string, number>,
  aNo: Map<string, number>,
): Bilingual[] {
  const isDecision = (f: Flow) => f.nodes.some((n) => n.id === id && n.kind === 'decision');
  if (!isDecision(bf) && !isDecision(af)) return [];
  const exits = (f: Flow, nos: Map<string, number>) =>
    new Map(f.edges.filter((e) => e.from === id).map((e) => [e.label ?? '', target(f, e.to, nos)]));
  const was = exits(bf, bNo);
  const now = exits(af, aNo);
  const out: Bilingual[] = [];
  for (const [label, to] of now) {
    const old = was.get(label);
    if (old === undefined)
      out.push(
        b(
          `Langkah ${no}: jalur "${label}" baru ke ${to.id}`,
          `Step ${no}: new exit "${label}" to ${to.en}`,
        ),
      );
    else if (old.id !== to.id)
      out.push(
        b(
          `Langkah ${no}: jalur "${label}" sekarang ke ${to.id} (sebelumnya ${old.id})`,
          `Step ${no}: exit "${label}" now leads to ${to.en} (was ${old.en})`,
        ),
      );
  }
  for (const label of was.keys())
    if (!now.has(label))
      out.push(b(`Langkah ${no}: jalur "${label}" dihapus`, `Step ${no}: exit "${label}" removed`));
  return out;
}

function target(f: Flow, id: string, nos: Map<string, number>): Bilingual {
  const n = f.nodes.find((x) => x.id === id);
  if (n?.kind === 'end') return b('selesai', 'the end');
  if (n?.kind === 'start') return b('mulai', 'the start');
  const no = nos.get(id);
  return no ? b(`langkah ${no}`, `step ${no}`) : b(id, id);
}

function duration(d: Duration | null): string {
  return d ? `${d.value} ${d.unit.replace('_', ' ')}` : '-';
}

function sipoc(before: SipocItem[], after: SipocItem[], kind: 'input' | 'output'): Bilingual[] {
  const party = kind === 'input' ? b('Pemasok', 'Supplier') : b('Penerima', 'Receiver');
  const dir = kind === 'input' ? b('dari', 'from') : b('ke', 'to');
  const name = kind === 'input' ? b('Input', 'Input') : b('Output', 'Output');
  const old = new Map(before.map((i) => [i.id, i]));
  const out: Bilingual[] = [];
  for (const i of after) {
    const was = old.get(i.id);
    const p = i.party?.name ?? '-';
    if (!was) {
      const from = i.party ? (l: 'id' | 'en') => ` (${dir[l]} ${p})` : () => '';
      out.push(b(`${name.id} baru: ${i.name}${from('id')}`, `New ${kind}: ${i.name}${from('en')}`));
      continue;
    }
    if (was.name !== i.name)
      out.push(
        b(
          `${name.id} diganti namanya: ${was.name} → ${i.name}`,
          `${name.en} renamed: ${was.name} → ${i.name}`,
        ),
      );
    const wp = was.party?.name ?? '-';
    if (wp !== p || (was.party?.unitId ?? null) !== (i.party?.unitId ?? null))
      out.push(
        b(
          `${party.id} ${kind} ${i.name}: ${wp} → ${p}`,
          `${party.en} of ${kind} ${i.name}: ${wp} → ${p}`,
        ),
      );
  }
  const kept = new Set(after.map((i) => i.id));
  for (const i of before)
    if (!kept.has(i.id))
      out.push(b(`${name.id} dihapus: ${i.name}`, `${name.en} removed: ${i.name}`));
  return out;
}
