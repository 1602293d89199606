// The numbered summary the chat shows, the text outline of the map, and findings in plain words.
import { outgoing, stepNo } from '../model/flow-edit.js';
import type { Flow, Process, StepNode } from '../model/process.js';
import { numberedSteps } from '../model/process.js';
import { formatDuration } from './answers/duration.js';
import { splitText } from './limits.js';
import type { View } from './view.js';
import { groupFindings } from '../rules/group.js';
import type { Finding } from '../rules/types.js';

const CATEGORY = {
  inti: ['Proses Inti', 'Core process'],
  pendukung: ['Proses Pendukung', 'Support process'],
  manajemen: ['Proses Manajemen', 'Management process'],
} as const;

/** Where a step leads, when that is not simply the next number: "→ 4", "ya → 7, tidak → 4", "→ selesai". */
function nextText(flow: Flow, node: StepNode, no: number, v: View): string {
  const outs = outgoing(flow, node.id);
  const target = (to: string) => {
    const n = flow.nodes.find((x) => x.id === to);
    if (n?.kind === 'end') {
      if (n.label) return n.label;
      if (v.lang === 'en')
        return { selesai: 'end', ditolak: 'rejected', ditunda: 'deferred', lain: 'end' }[n.outcome];
      return n.outcome === 'lain' ? 'selesai' : n.outcome;
    }
    if (n && 'placeholder' in n && n.placeholder) return `"${n.name}"`;
    return String(stepNo(flow, to) ?? '?');
  };
  if (outs.length === 0) return '';
  if (outs.length === 1 && !outs[0]!.label && target(outs[0]!.to) === String(no + 1)) return '';
  return (
    ' ' +
    outs.map((e) => (e.label ? `${e.label} → ${target(e.to)}` : `→ ${target(e.to)}`)).join(', ')
  );
}

export function stepLine(flow: Flow, node: StepNode, no: number, v: View): string {
  const parts = [node.kind === 'decision' ? `${no}. ◇ ${node.name}` : `${no}. ${node.name}`];
  parts.push(`— ${v.performerLabel(node.performer)}`);
  for (const p of node.coPerformers)
    parts.push(`${v.lang === 'en' ? 'with' : 'bersama'} ${v.performerLabel(p)}`);
  if (node.waktu) parts.push(`· ${formatDuration(node.waktu, v.lang)}`);
  if (node.outputs.length) parts.push(`· output: ${node.outputs.join(', ')}`);
  return parts.join(' ') + nextText(flow, node, no, v);
}

export function summaryText(p: Process, v: View): string[] {
  const en = v.lang === 'en';
  const lines = [`${p.code} ${p.name} (${CATEGORY[p.category][en ? 1 : 0]})`];
  if (p.sipoc.inputs.length)
    lines.push(
      `${en ? 'Input' : 'Masukan'}: ` +
        p.sipoc.inputs
          .map((i) => (i.party ? `${i.name} (${en ? 'from' : 'dari'} ${i.party.name})` : i.name))
          .join('; '),
    );
  if (p.sipoc.outputs.length)
    lines.push(
      `${en ? 'Output' : 'Hasil'}: ` +
        p.sipoc.outputs
          .map((o) => (o.party ? `${o.name} (${en ? 'for' : 'untuk'} ${o.party.name})` : o.name))
          .join('; '),
    );
  if (p.legalBasis.length)
    lines.push(`${en ? 'Legal basis' : 'Dasar hukum'}: ${p.legalBasis.join('; ')}`);
  const flow = p.flow;
  if (flow) {
    lines.push('');
    for (const { no, node } of numberedSteps(flow)) lines.push(stepLine(flow, node, no, v));
  }
  return splitText(lines.join('\n'));
}

/** A text picture of the map for channels (and moments) without a rendered image. */
export function mapOutline(p: Process, v: View): string {
  const flow = p.flow;
  if (!flow) return p.name;
  const lanes: string[] = [];
  const lines: string[] = [];
  for (const { no, node } of numberedSteps(flow)) {
    const lane = v.performerLabel(node.performer);
    if (!lanes.includes(lane)) lanes.push(lane);
    const edgesIn = flow.edges.filter((e) => e.to === node.id && e.document);
    for (const e of edgesIn) lines.push(`   ⇢ ${e.document}`);
    lines.push(
      `[${lanes.indexOf(lane) + 1}] ${no}. ${node.kind === 'decision' ? '◇ ' : ''}${node.name}${nextText(flow, node, no, v)}`,
    );
  }
  const legend = lanes.map((l, i) => `[${i + 1}] ${l}`).join('\n');
  return `${v.lang === 'en' ? 'Lanes' : 'Lajur'}:\n${legend}\n\n${lines.join('\n')}`;
}

export type FindingLike = Pick<Finding, 'level' | 'message'> &
  Partial<Pick<Finding, 'ruleId' | 'nodeId' | 'together'>>;

/**
 * The findings as the clerk reads them: errors first, then warnings, each a question the clerk can
 * answer, and gaps of one kind over several steps in one line ("Langkah 2, 3 dan 5 belum punya
 * waktu: berapa lama masing-masing?").
 */
export function findingsText(findings: FindingLike[], v: View): string[] {
  if (!findings.length)
    return [v.lang === 'en' ? 'No problems found.' : 'Tidak ditemukan masalah.'];
  const lines: string[] = [];
  const en = v.lang === 'en';
  const groups = groupFindings(findings);
  const errors = groups.filter((f) => f.level === 'error');
  const warnings = groups.filter((f) => f.level === 'warning');
  if (errors.length) {
    lines.push(en ? `Must be fixed (${errors.length}):` : `Perlu diperbaiki (${errors.length}):`);
    for (const f of errors) lines.push(`• ${v.t(f.message)}`);
  }
  if (warnings.length) {
    lines.push(
      en ? `Worth checking (${warnings.length}):` : `Perlu diperhatikan (${warnings.length}):`,
    );
    for (const f of warnings) lines.push(`• ${v.t(f.message)}`);
  }
  return splitText(lines.join('\n'));
}
