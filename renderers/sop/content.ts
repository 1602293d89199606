// What an SOP AP (Permenpan-RB 35/2012) of one process says, before it is drawn: the identity
// block and the flowchart table (rows, pelaksana columns, mutu baku, the flow between them).
// Pure: process, organisation and SOP details in, texts out; the PDF and the DOCX share it.
import { interfaceLedger } from '../../core/coordination/ledger.js';
import type {
  Duration,
  EndNode,
  Organisation,
  Process,
  StartNode,
} from '../../core/model/index.js';
import { numberedSteps, unitById } from '../../core/model/index.js';
import type { SopDetails } from '../../core/sop/details.js';
import { formatWaktu, waktuTotals } from '../../core/sop/waktu.js';
import { formatNip as groupNip, longDate as longDateIn } from '../../core/sop/fields.js';
import { crossFunctionalLanes, jointLine, type Lane } from '../dot/lanes.js';

/** What every SOP renderer is given. */
export interface SopInput {
  process: Process;
  org: Organisation;
  details: SopDetails;
  /** The organisation's processes, for Keterkaitan. */
  processes: Process[];
  /** YYYY-MM-DD: the day the document is made. */
  today: string;
}

/** A pelaksana column: one lane of the map, in the map's order. */
export interface SopColumn {
  key: string;
  /** The header: the position, else the unit or outside party. */
  header: string;
}

export interface SopRow {
  no: number;
  stepId: string;
  kind: 'activity' | 'decision';
  /** The step's name, and for a joint step "bersama ..." on a second line. */
  kegiatan: string[];
  /** Column keys the symbol is drawn in: the step's own lane first, then its co-performers'. */
  columns: string[];
  kelengkapan: string[];
  waktu: string | null;
  outputs: string[];
  keterangan: string | null;
}

/** A kapsul: the start, or one end with its outcome. */
export interface SopTerminal {
  id: string;
  kind: 'start' | 'end';
  label: string;
  column: string;
}

export interface SopEdge {
  from: string;
  to: string;
  label: string | null;
}

export interface SopContent {
  /** The organisation, then the unit that owns the process. */
  heading: string[];
  title: string;
  /** Nomor SOP, the dates: label and value ("-" when not given). */
  identity: { label: string; value: string }[];
  signatory: { jabatan: string; nama: string; nip: string };
  /** Dasar Hukum, Kualifikasi Pelaksana, Keterkaitan, Peralatan, Peringatan, Pencatatan. */
  lists: { label: string; items: string[] }[];
  columns: SopColumn[];
  rows: SopRow[];
  terminals: SopTerminal[];
  edges: SopEdge[];
  /** Total waktu along the main path, and the longest path when it differs. */
  totals: { main: string; longest: string | null; missing: number };
  footnote: string;
}

export const EMPTY = '-';

/** "2 Januari 2027"; "-" for no date. */
export function longDate(date: string | null): string {
  return date ? longDateIn(date, 'id') : EMPTY;
}

/** "19700101 199003 1 002": a NIP as it is printed under a signature. */
export function formatNip(nip: string | null): string {
  return nip ? groupNip(nip) : EMPTY;
}

const UNIT_WORDS: Record<Duration['unit'], string> = {
  menit: 'menit',
  jam: 'jam',
  hari: 'hari',
  hari_kerja: 'hari kerja',
  minggu: 'minggu',
  bulan: 'bulan',
};

/** "1 hari", "0,5 jam", "3 hari kerja": the waktu of a step as given. */
export function waktuText(d: Duration): string {
  return `${String(d.value).replace('.', ',')} ${UNIT_WORDS[d.unit]}`;
}

/** The convention the totals follow, printed under the table. */
export const WAKTU_FOOTNOTE =
  'Jumlah waktu dihitung dalam waktu kerja: 1 hari = 1 hari kerja = 7,5 jam (37,5 jam kerja seminggu), ' +
  '1 minggu = 5 hari kerja, 1 bulan = 22 hari kerja. Jalur utama mengikuti jawaban yang meneruskan ' +
  'proses sampai selesai; jalur terpanjang tidak mengulang langkah.';

function codeOf(org: Organisation, p: Process): string {
  return org.codePrefix ? `${org.codePrefix}.${p.code}` : p.code;
}

/**
 * Keterkaitan: the SOPs of the processes this one hands to or receives from, as the interface
 * ledger pairs them (an output with the input it answers, or the process an answer named).
 */
function related(input: SopInput): string[] {
  const { process, org, processes } = input;
  const all = processes.some((p) => p.id === process.id) ? processes : [...processes, process];
  const ids = new Set<string>();
  for (const e of interfaceLedger(org, all).entries) {
    if (e.processId === process.id && e.counterpartProcessId) ids.add(e.counterpartProcessId);
    if (e.counterpartProcessId === process.id) ids.add(e.processId);
  }
  ids.delete(process.id);
  return all
    .filter((p) => ids.has(p.id))
    .sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true }))
    .map((p) => `SOP ${codeOf(org, p)} ${p.name}`);
}

function columnHeader(lane: Lane, lanes: Lane[]): string {
  if (!lane.position)
    return lane.positionUnknown ? `${lane.unitName} (jabatan belum diketahui)` : lane.unitName;
  const shared = lanes.filter((l) => l.position === lane.position).length > 1;
  return shared ? `${lane.position} (${lane.unitName})` : lane.position;
}

const END_WORDS: Record<EndNode['outcome'], string> = {
  selesai: 'Selesai',
  ditolak: 'Ditolak',
  ditunda: 'Ditunda',
  lain: 'Selesai',
};

function terminalLabel(n: StartNode | EndNode): string {
  if (n.label?.trim()) return n.label.trim();
  return n.kind === 'start' ? 'Mulai' : END_WORDS[n.outcome];
}

/** The SOP of a process: identity block and flowchart table. */
export function sopContent(input: SopInput): SopContent {
  const { process, org, details } = input;
  const flow = process.flow ?? { nodes: [], edges: [] };
  const { lanes, laneOf, jointLanesOf } = crossFunctionalLanes(process, org);
  const columns = lanes.map((l) => ({ key: l.key, header: columnHeader(l, lanes) }));
  const steps = numberedSteps(flow);
  const rows: SopRow[] = steps.map(({ no, node }) => {
    const joint = jointLine(org, node);
    return {
      no,
      stepId: node.id,
      kind: node.kind,
      kegiatan: joint ? [node.name, joint] : [node.name],
      columns: [laneOf.get(node.id)!, ...(jointLanesOf.get(node.id) ?? [])],
      kelengkapan: node.kelengkapan,
      waktu: node.waktu ? waktuText(node.waktu) : null,
      outputs: node.outputs,
      keterangan: node.keterangan,
    };
  });
  // SIPOC: the process's inputs are what its first step needs, its outputs what its last gives.
  const first = rows[0];
  if (first && first.kelengkapan.length === 0)
    first.kelengkapan = process.sipoc.inputs.map((i) => i.name);
  const last = rows[rows.length - 1];
  if (last && last.outputs.length === 0) last.outputs = process.sipoc.outputs.map((o) => o.name);

  const terminals: SopTerminal[] = flow.nodes
    .filter((n): n is StartNode | EndNode => n.kind === 'start' || n.kind === 'end')
    .map((n) => ({
      id: n.id,
      kind: n.kind,
      label: terminalLabel(n),
      column: laneOf.get(n.id) ?? columns[0]?.key ?? '',
    }));
  const drawn = new Set([...rows.map((r) => r.stepId), ...terminals.map((t) => t.id)]);
  const edges = flow.edges
    .filter((e) => drawn.has(e.from) && drawn.has(e.to))
    .map((e) => ({ from: e.from, to: e.to, label: e.label }));

  const t = waktuTotals(flow);
  const owner = process.ownerUnitId ? unitById(org, process.ownerUnitId) : undefined;
  const or = (items: string[]) => (items.length > 0 ? items : [EMPTY]);
  const signer = details.disahkanOleh;
  return {
    heading: [org.name, ...(owner ? [owner.name] : [])],
    title: process.name,
    identity: [
      { label: 'Nomor SOP', value: details.nomor ?? EMPTY },
      { label: 'Tanggal Pembuatan', value: longDate(details.tanggalPembuatan) },
      { label: 'Tanggal Revisi', value: longDate(details.tanggalRevisi) },
      { label: 'Tanggal Efektif', value: longDate(details.tanggalEfektif) },
    ],
    signatory: {
      jabatan: signer?.jabatan ?? EMPTY,
      nama: signer?.nama ?? EMPTY,
      nip: formatNip(signer?.nip ?? null),
    },
    lists: [
      { label: 'Dasar Hukum', items: or([...process.legalBasis, ...details.dasarHukum]) },
      { label: 'Kualifikasi Pelaksana', items: or(details.kualifikasi) },
      { label: 'Keterkaitan', items: or(related(input)) },
      { label: 'Peralatan/Perlengkapan', items: or(details.peralatan) },
      { label: 'Peringatan', items: or(details.peringatan) },
      { label: 'Pencatatan dan Pendataan', items: or(details.pencatatan) },
    ],
    columns,
    rows,
    terminals,
    edges,
    totals: {
      main: formatWaktu(t.mainPath.minutes, 'id'),
      longest:
        t.longestPath.minutes !== t.mainPath.minutes
          ? formatWaktu(t.longestPath.minutes, 'id')
          : null,
      missing: t.mainPath.missing,
    },
    footnote: WAKTU_FOOTNOTE,
  };
}
