// The process inventory (Daftar Proses Bisnis): one row per process of the organisation, in code
// order, with what the decree's annex and the inventory workbook list. Pure: computed from the
// organisation, its processes and their review events, as the coordinator's desk loads them.
import { answerableHandoffs, compareCodes } from '../coordination/answering-unit.js';
import type { DeskReview } from '../coordination/types.js';
import { numberedSteps, unitById } from '../model/index.js';
import type { Category, Organisation, Process, ProcessStatus } from '../model/index.js';

export type InventoryRow = {
  processId: string;
  /** The stored code ("03.01"); documents show it with the organisation's prefix. */
  code: string;
  /**
   * 0 for a top process of the organisation (the Level-0 map: no parent, or a parent that is not
   * among the processes), 1 for a process under one, and so on down the tree.
   */
  level: number;
  name: string;
  category: Category;
  /** "Proses Inti", "Proses Pendukung", "Proses Manajemen". */
  categoryLabel: string;
  /** The owner unit's name; null for a process of the whole organisation (a Level-0 process). */
  ownerUnit: string | null;
  status: ProcessStatus;
  /** "Draf", "Diajukan", "Disetujui", "Divalidasi", "Ditetapkan". */
  statusLabel: string;
  /** The flow's version (1 on its first save; 0 while nothing is described). */
  version: number;
  /** Numbered steps of the flow (activities and decisions; placeholders not yet described are not). */
  steps: number;
  /**
   * The handoffs someone in the organisation answers (a handoff to or from an outside party has
   * nobody to answer it, so it is not counted): agreed by the answering unit (or upheld by the
   * coordinator), open (not answered yet), disputed (the answering unit said no).
   */
  handoffs: { agreed: number; open: number; disputed: number };
  /** When the current version was last reviewed (submitted, approved, returned or validated). */
  lastReviewAt: string | null;
};

export const CATEGORY_LABELS: Record<Category, string> = {
  inti: 'Proses Inti',
  pendukung: 'Proses Pendukung',
  manajemen: 'Proses Manajemen',
};

export const STATUS_LABELS: Record<ProcessStatus, string> = {
  draft: 'Draf',
  submitted: 'Diajukan',
  approved: 'Disetujui',
  validated: 'Divalidasi',
  ratified: 'Ditetapkan',
};

export type InventoryInput = {
  organisation: Organisation;
  processes: Process[];
  reviews: DeskReview[];
};

/** Every process of the organisation as a row of the inventory, in code order ("2" before "10"). */
export function inventoryRows(input: InventoryInput): InventoryRow[] {
  const { organisation: org, processes } = input;
  const levelOf = processLevels(processes);
  const counts = new Map<string, InventoryRow['handoffs']>();
  for (const { process, handoff } of answerableHandoffs({ organisation: org, processes })) {
    const c = counts.get(process.id) ?? { agreed: 0, open: 0, disputed: 0 };
    if (handoff.state === 'confirmed') c.agreed++;
    else if (handoff.state === 'disputed') c.disputed++;
    else c.open++;
    counts.set(process.id, c);
  }
  const lastReview = new Map<string, string>();
  const byId = new Map(processes.map((p) => [p.id, p]));
  for (const r of input.reviews)
    if (byId.get(r.processId)?.version === r.version) lastReview.set(r.processId, r.at);

  return [...processes]
    .sort((a, b) => compareCodes(a.code, b.code))
    .map((p) => ({
      processId: p.id,
      code: p.code,
      level: levelOf.get(p.id) ?? 0,
      name: p.name,
      category: p.category,
      categoryLabel: CATEGORY_LABELS[p.category],
      ownerUnit: p.ownerUnitId ? (unitById(org, p.ownerUnitId)?.name ?? p.ownerUnitId) : null,
      status: p.status,
      statusLabel: STATUS_LABELS[p.status],
      version: p.version,
      steps: p.flow ? numberedSteps(p.flow).length : 0,
      handoffs: counts.get(p.id) ?? { agreed: 0, open: 0, disputed: 0 },
      lastReviewAt: lastReview.get(p.id) ?? null,
    }));
}

/**
 * Each process's depth in the tree of parents: 0 at the top. A parent that is not among the
 * processes makes a top process (as the Level-0 map draws it); a cycle stops where it closes.
 */
export function processLevels(processes: Pick<Process, 'id' | 'parentId'>[]): Map<string, number> {
  const parentOf = new Map(processes.map((p) => [p.id, p.parentId]));
  const out = new Map<string, number>();
  const depth = (id: string, seen: Set<string>): number => {
    const known = out.get(id);
    if (known !== undefined) return known;
    const parent = parentOf.get(id) ?? null;
    const d =
      parent === null || !parentOf.has(parent) || seen.has(parent)
        ? 0
        : depth(parent, seen.add(id)) + 1;
    out.set(id, d);
    return d;
  };
  for (const p of processes) depth(p.id, new Set());
  return out;
}

/** The levels the rows hold, lowest first: one sheet (or section) per level. */
export function inventoryLevels(rows: Pick<InventoryRow, 'level'>[]): number[] {
  return [...new Set(rows.map((r) => r.level))].sort((a, b) => a - b);
}

/** Counts per category and status, for the inventory's summary. */
export function inventorySummary(rows: Pick<InventoryRow, 'category' | 'status'>[]): {
  category: Category;
  byStatus: Record<ProcessStatus, number>;
  total: number;
}[] {
  return (Object.keys(CATEGORY_LABELS) as Category[]).map((category) => {
    const mine = rows.filter((r) => r.category === category);
    const byStatus = Object.fromEntries(
      (Object.keys(STATUS_LABELS) as ProcessStatus[]).map((s) => [
        s,
        mine.filter((r) => r.status === s).length,
      ]),
    ) as Record<ProcessStatus, number>;
    return { category, byStatus, total: mine.length };
  });
}
