// A step as a clerk types it in one line: "Memeriksa berkas - Petugas loket - 30 menit".
// The name comes first; after " - " (or an en/em dash) may come who performs it (one or several:
// "Kasubbag Umum bersama Bendahara", "Verifikator / Kepala Seksi") and how long it takes, and any
// other column of the SOP row by its name: "kelengkapan: Surat permohonan, KTP", "output: Surat
// izin, Tanda terima", "diserahkan: Berkas permohonan", "keterangan: ...". A whole row in one line.
import type { Duration, Performer } from '../model/process.js';
import { parseDuration } from './answers/duration.js';
import type { Parsed } from './answers/result.js';
import { foldForMatch } from './answers/choice.js';
import type { View } from './view.js';

export type StepLine = {
  name: string;
  /** The performer part as typed, when the line carries one. */
  performerText: string | null;
  waktu: Duration | null;
  /** Columns named in the line ("kelengkapan: ..."), when given. */
  kelengkapan?: string[];
  outputs?: string[];
  /** What is handed over along the edge into this step. */
  document?: string;
  keterangan?: string;
};

const FIELD =
  /^(kelengkapan|output|outputs|hasil|keluaran|diserahkan|dokumen|keterangan|ket|waktu|pelaksana)\s*:\s*(.+)$/i;

function items(text: string): string[] {
  return text
    .split(/\s*[;,]\s*/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => s.slice(0, 500));
}

const SEPARATOR = /\s+[-–—]\s+/;

/**
 * Words that open a position (jabatan) or an outside party: a part after " - " that starts with
 * one of them, or names a known position or unit, is the performer; any other part stays in the
 * name ("Menerima berkas - KTP dan KK" keeps its dash).
 */
const POSITION_HEAD =
  /^(saya|kepala|kasi|kasie|kasubbag|kasubag|kasubbid|kabag|kabid|kadis|kaban|sekretaris|sekcam|sekdes|sekda|camat|lurah|kades|bupati|wali ?kota|gubernur|staf|staff|petugas|pelaksana|pengadministrasi|pengelola|pengolah|analis|verifikator|operator|bendahara|ppk|pptk|pa|kpa|ppkd|admin|arsiparis|pranata|penata|pengawas|inspektur|auditor|pemohon|masyarakat|pelapor|pengadu|wajib pajak|tim|panitia|loket|front ?office|back ?office|frontliner|resepsionis|sekretariat|bagian|bidang|subbagian|seksi|dinas|badan|upt|kantor)\b/i;

export function splitStepLine(raw: string, v?: View): StepLine {
  const parts = raw.split(SEPARATOR);
  if (parts.length === 1) return { name: raw.trim(), performerText: null, waktu: null };
  const keep: string[] = [parts[0]!];
  let performerText: string | null = null;
  let waktu: Duration | null = null;
  const line: Partial<StepLine> = {};
  for (const part of parts.slice(1)) {
    const p = part.trim();
    const field = FIELD.exec(p);
    if (field) {
      const [, key, value] = field as unknown as [string, string, string];
      const k = key.toLowerCase();
      if (k === 'kelengkapan') line.kelengkapan = items(value);
      else if (['output', 'outputs', 'hasil', 'keluaran'].includes(k)) line.outputs = items(value);
      else if (k === 'diserahkan' || k === 'dokumen') line.document = value.trim().slice(0, 300);
      else if (k === 'keterangan' || k === 'ket') line.keterangan = value.trim().slice(0, 4000);
      else if (k === 'pelaksana') performerText = value.trim();
      else {
        const d = parseDuration(value);
        if (d.ok) waktu = d.value;
        else keep.push(p);
      }
      continue;
    }
    const d: Parsed<Duration> | null = waktu ? null : parseDuration(p);
    if (d?.ok) waktu = d.value;
    else if (!performerText && looksLikePerformer(p, v)) performerText = p;
    else keep.push(p);
  }
  return { ...line, name: keep.join(' - ').trim(), performerText, waktu };
}

function looksLikePerformer(text: string, v?: View): boolean {
  if (POSITION_HEAD.test(text.trim())) return true;
  if (!v) return false;
  return splitPerformers(text).every((t) => resolveOne(v, t) !== null);
}

/** "A bersama B", "A dan B", "A / B", "A, B": the names of a joint step's performers. */
export function splitPerformers(text: string): string[] {
  // Separators inside parentheses belong to a unit's name: "Analis (Bagian Perencanaan dan Keuangan)".
  const hidden: string[] = [];
  const masked = text.replace(/\([^)]*\)/g, (m) => `\u0000${hidden.push(m) - 1}\u0000`);
  return masked
    .split(/\s+(?:bersama(?:\s+dengan)?|beserta|dibantu|dan|&)\s+|\s*\/\s*|\s*,\s*|\s*\+\s*/i)
    .map((s) => s.replace(/\u0000(\d+)\u0000/g, (_, i: string) => hidden[Number(i)]!).trim())
    .filter(Boolean);
}

/**
 * The performers a typed text names. Each name is matched against "saya", the positions known in
 * the organisation (people registered, steps described) and the units and outside parties; a
 * position not known yet is taken as a position in the clerk's own unit. Null when a name cannot
 * be placed (no clerk's unit to put it in).
 */
export function resolvePerformers(v: View, text: string): Performer[] | null {
  // A name that is one known performer as a whole ("Kepala Bagian Perencanaan dan Keuangan").
  const whole = resolveOne(v, text);
  if (whole) return [whole];
  const out: Performer[] = [];
  for (const name of splitPerformers(text)) {
    const p = resolveOne(v, name) ?? ownUnitPosition(v, name);
    if (!p) return null;
    if (!out.some((o) => o.unitId === p.unitId && o.position === p.position)) out.push(p);
  }
  return out.length ? out : null;
}

function ownUnitPosition(v: View, name: string): Performer | null {
  const me = v.person();
  return me ? { unitId: me.unitId, position: tidyPosition(name) } : null;
}

function tidyPosition(name: string): string {
  const s = name.trim().replace(/\s+/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** One name: me, a known position ("Kasubbag Umum", "Kasi Pelayanan (Kecamatan)"), or a unit. */
function resolveOne(v: View, name: string): Performer | null {
  const f = foldForMatch(name);
  if (!f) return null;
  const me = v.person();
  if (me && (f === 'saya' || f === foldForMatch(me.position)))
    return { unitId: me.unitId, position: me.position };
  // "Jabatan di Unit" / "Jabatan (Unit)": a position in a named unit.
  const inUnit = /^(.+?)\s*(?:\(([^)]+)\)|\s+(?:di|pada)\s+(.+))$/i.exec(name.trim());
  if (inUnit) {
    const unit = unitNamed(v, (inUnit[2] ?? inUnit[3])!);
    if (unit) return { unitId: unit, position: tidyPosition(inUnit[1]!) };
  }
  const units = v.units();
  // A known position, in the clerk's unit first.
  const order = me ? [me.unitId, ...units.map((u) => u.id).filter((id) => id !== me.unitId)] : [];
  for (const unitId of me ? order : units.map((u) => u.id)) {
    const pos = v.knownPositions(unitId).find((p) => foldForMatch(p) === f);
    if (pos) return { unitId, position: pos };
  }
  const unit = unitNamed(v, name);
  if (unit) return { unitId: unit, position: null };
  return null;
}

function unitNamed(v: View, name: string): string | null {
  const f = foldForMatch(name);
  const u = v
    .units()
    .find((u) => foldForMatch(u.name) === f || (u.shortName && foldForMatch(u.shortName) === f));
  return u?.id ?? null;
}
