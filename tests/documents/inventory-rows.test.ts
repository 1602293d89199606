// The inventory's rows as the workbook and the annex list them: every process in code order, its
// level in the tree, its owner, status, version, steps, and the handoffs someone inside answers.
import { describe, expect, it } from 'vitest';
import { inventoryRows, inventorySummary, processLevels } from '../../core/documents/inventory.js';
import { emptyProcess, type Process } from '../../core/model/index.js';
import { setda, suratMasuk } from '../coordination/fixtures-org.js';

const bare = (id: string, code: string, parentId: string | null): Process =>
  emptyProcess({
    id,
    code,
    name: `Proses ${code}`,
    category: 'inti',
    parentId,
    ownerUnitId: 'ren',
  });

describe('the process inventory', () => {
  it('lists processes in code order with their level: the top is Level 0', () => {
    const rows = inventoryRows({
      organisation: setda,
      processes: [
        bare('c', '10', null),
        bare('b', '02.01', 'a'),
        bare('d', '02.01.03', 'b'),
        bare('a', '02', null),
        // Its parent is not among the processes: a top process, as the Level-0 map draws it.
        bare('e', '03.01', 'gone'),
      ],
      reviews: [],
    });
    expect(rows.map((r) => [r.code, r.level])).toEqual([
      ['02', 0],
      ['02.01', 1],
      ['02.01.03', 2],
      ['03.01', 0],
      ['10', 0],
    ]);
    expect(rows[0]).toMatchObject({
      name: 'Proses 02',
      categoryLabel: 'Proses Inti',
      ownerUnit: 'Bagian Perencanaan',
      statusLabel: 'Draf',
      version: 0,
      steps: 0,
    });
  });

  it('stops at a cycle of parents rather than looping', () => {
    const levels = processLevels([
      { id: 'x', parentId: 'y' },
      { id: 'y', parentId: 'x' },
    ]);
    expect([...levels.values()].sort()).toEqual([0, 1]);
  });

  it('counts steps, and the handoffs agreed, open and disputed; an outside party’s are not counted', () => {
    const agreed: Process = {
      ...suratMasuk('validated'),
      handoffConfirmations: [
        {
          key: 'edge:e2',
          state: 'confirmed',
          byPersonId: 'sari',
          at: '2026-11-21T03:00:00.000Z',
          note: null,
          fromUnitId: 'umum',
          toUnitId: 'keu',
          counterpartProcessId: null,
          counterpartName: null,
          settlement: null,
          settledByPersonId: null,
          settledAt: null,
        },
      ],
    };
    const disputed: Process = {
      ...agreed,
      handoffConfirmations: [{ ...agreed.handoffConfirmations[0]!, state: 'disputed' }],
    };
    const row = (p: Process) =>
      inventoryRows({ organisation: setda, processes: [p], reviews: [] })[0]!;
    // The letter from the Pemohon has nobody inside to answer it; the note to Keuangan is an
    // edge of the map and an output of the process: two handoffs Keuangan answers.
    expect(row(suratMasuk()).handoffs).toEqual({ agreed: 0, open: 2, disputed: 0 });
    expect(row(agreed)).toMatchObject({
      steps: 3,
      status: 'validated',
      statusLabel: 'Divalidasi',
      handoffs: { agreed: 1, open: 1, disputed: 0 },
    });
    expect(row(disputed).handoffs).toEqual({ agreed: 0, open: 1, disputed: 1 });
  });

  it('keeps when the current version was last reviewed', () => {
    const p = suratMasuk('approved');
    const [row] = inventoryRows({
      organisation: setda,
      processes: [p],
      reviews: [
        {
          processId: p.id,
          kind: 'approved',
          version: 2,
          byPersonId: 'heru',
          at: '2026-11-20T01:00:00.000Z',
          comment: null,
        },
        {
          processId: p.id,
          kind: 'approved',
          version: 3,
          byPersonId: 'heru',
          at: '2026-11-24T02:00:00.000Z',
          comment: null,
        },
      ],
    });
    expect(row!.lastReviewAt).toBe('2026-11-24T02:00:00.000Z');
  });

  it('sums per category and status', () => {
    const rows = inventoryRows({
      organisation: setda,
      processes: [suratMasuk('validated'), bare('a', '02', null), bare('b', '03', null)],
      reviews: [],
    });
    expect(inventorySummary(rows)).toEqual([
      {
        category: 'inti',
        byStatus: { draft: 2, submitted: 0, approved: 0, validated: 0, ratified: 0 },
        total: 2,
      },
      {
        category: 'pendukung',
        byStatus: { draft: 0, submitted: 0, approved: 0, validated: 1, ratified: 0 },
        total: 1,
      },
      {
        category: 'manajemen',
        byStatus: { draft: 0, submitted: 0, approved: 0, validated: 0, ratified: 0 },
        total: 0,
      },
    ]);
  });
});
