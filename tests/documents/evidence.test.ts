// The ratification evidence: who described each process, who answered each of its handoffs (and
// who settled a dispute), who submitted, approved, returned and validated each version, and when.
// First from the desk's data as core receives it, then from a database (PGlite and PostgreSQL),
// where the audit log is read grouped: every save counted, the first and the last kept.
import { describe, expect, it } from 'vitest';
import type { DeskReview } from '../../core/coordination/types.js';
import {
  type AuditLike,
  evidenceEvents,
  ratificationEvidence,
} from '../../core/documents/evidence.js';
import type { HandoffConfirmation, Process } from '../../core/model/index.js';
import {
  answerHandoff,
  loadDocumentSources,
  recordReview,
  saveOrganisation,
  saveProcess,
  settleHandoff,
} from '../../db/index.js';
import { setda, suratMasuk } from '../coordination/fixtures-org.js';
import { forEachDatabase } from '../support/db.js';

const ANI = 'Ani (Pengadministrasi Umum, Bagian Umum)';
const HERU = 'Heru (Kepala Bagian Umum, Bagian Umum)';
const SARI = 'Sari (Bendahara, Bagian Keuangan)';
const BUDI = 'Budi (Kasubbag Kelembagaan, Bagian Organisasi)';

const save = (
  at: string,
  personId: string,
  action: 'create' | 'update',
  flowChanged: boolean,
): AuditLike => ({
  at,
  actor: { personId },
  entityType: 'process',
  entityId: 'p-surat',
  action,
  flowChanged,
});

const review = (
  kind: DeskReview['kind'],
  version: number,
  byPersonId: string | null,
  at: string,
  comment: string | null = null,
): DeskReview => ({ processId: 'p-surat', kind, version, byPersonId, at, comment });

function confirmation(
  key: string,
  state: HandoffConfirmation['state'],
  at: string,
  more: Partial<HandoffConfirmation> = {},
): HandoffConfirmation {
  return {
    key,
    state,
    byPersonId: 'sari',
    at,
    note: null,
    fromUnitId: 'umum',
    toUnitId: 'keu',
    counterpartProcessId: null,
    counterpartName: null,
    settlement: null,
    settledByPersonId: null,
    settledAt: null,
    ...more,
  };
}

describe('the evidence of a process', () => {
  const process: Process = {
    ...suratMasuk('validated'),
    handoffConfirmations: [
      confirmation('edge:e2', 'confirmed', '2026-11-21T03:00:00.000Z'),
      confirmation('output:o1', 'confirmed', '2026-11-21T04:00:00.000Z', {
        note: 'Nota kami catat di buku kas',
        settlement: 'upheld',
        settledByPersonId: 'budi',
        settledAt: '2026-11-22T01:00:00.000Z',
      }),
    ],
  };
  const audit: AuditLike[] = [
    save('2026-11-20T01:00:00.000Z', 'ani', 'create', false),
    save('2026-11-20T02:00:00.000Z', 'ani', 'update', true),
    save('2026-11-20T05:00:00.000Z', 'heru', 'update', false),
    { ...save('2026-11-20T06:00:00.000Z', 'ani', 'update', true), count: 4 },
    // Neither is a person's description of the process.
    { ...save('2026-11-19T01:00:00.000Z', 'x', 'create', true), actor: { system: 'import' } },
    {
      ...save('2026-11-21T03:00:00.000Z', 'sari', 'update', false),
      entityType: 'handoff-confirmation',
    },
  ];
  const reviews = [
    review('submitted', 3, 'ani', '2026-11-23T01:00:00.000Z'),
    review('returned', 3, 'heru', '2026-11-23T02:00:00.000Z', 'Langkah 2 oleh Kasubbag'),
    review('approved', 4, 'heru', '2026-11-24T02:00:00.000Z'),
    review('validated', 4, 'gone', '2026-11-25T02:00:00.000Z'),
  ];
  const [e] = ratificationEvidence({ organisation: setda, processes: [process], reviews, audit });

  it('names who described it, first and last, every save counted and those that changed the steps', () => {
    expect(e!.describedBy).toEqual([
      {
        personId: 'ani',
        label: ANI,
        first: '2026-11-20T01:00:00.000Z',
        last: '2026-11-20T06:00:00.000Z',
        saves: 6,
        flowSaves: 5,
      },
      {
        personId: 'heru',
        label: HERU,
        first: '2026-11-20T05:00:00.000Z',
        last: '2026-11-20T05:00:00.000Z',
        saves: 1,
        flowSaves: 0,
      },
    ]);
  });

  it('names who answered each handoff someone inside answers, and who settled the dispute', () => {
    // The letter from the Pemohon (an outside party) has nobody to answer it: not listed.
    expect(e!.handoffs).toEqual([
      {
        key: 'edge:e2',
        what: 'Nota pembayaran',
        fromUnit: 'Bagian Umum',
        toUnit: 'Bagian Keuangan',
        answeringUnit: 'Bagian Keuangan',
        state: 'confirmed',
        answer: {
          state: 'confirmed',
          by: { personId: 'sari', label: SARI },
          at: '2026-11-21T03:00:00.000Z',
          note: null,
        },
        settlement: null,
      },
      {
        key: 'output:o1',
        what: 'Nota pembayaran',
        fromUnit: 'Bagian Umum',
        toUnit: 'Bagian Keuangan',
        answeringUnit: 'Bagian Keuangan',
        state: 'confirmed',
        // Upheld: the unit said no, the coordinator let the handoff stand.
        answer: {
          state: 'disputed',
          by: { personId: 'sari', label: SARI },
          at: '2026-11-21T04:00:00.000Z',
          note: 'Nota kami catat di buku kas',
        },
        settlement: {
          kind: 'upheld',
          by: { personId: 'budi', label: BUDI },
          at: '2026-11-22T01:00:00.000Z',
        },
      },
    ]);
  });

  it('lists every review of every version; someone no longer in the organisation by their id', () => {
    expect(e!.reviews.map((r) => [r.kind, r.version, r.by?.label, r.at, r.comment])).toEqual([
      ['submitted', 3, ANI, '2026-11-23T01:00:00.000Z', null],
      ['returned', 3, HERU, '2026-11-23T02:00:00.000Z', 'Langkah 2 oleh Kasubbag'],
      ['approved', 4, HERU, '2026-11-24T02:00:00.000Z', null],
      ['validated', 4, 'gone', '2026-11-25T02:00:00.000Z', null],
    ]);
  });

  it('reads as one line per event, in Indonesian', () => {
    expect(evidenceEvents([e!]).map((x) => [x.what, x.who, x.at, x.note])).toEqual([
      [
        'Menguraikan proses: simpanan pertama (6 simpanan, 5 mengubah alur langkah)',
        ANI,
        '2026-11-20T01:00:00.000Z',
        null,
      ],
      ['Menguraikan proses: simpanan terakhir', ANI, '2026-11-20T06:00:00.000Z', null],
      ['Menguraikan proses: simpanan pertama (1 simpanan)', HERU, '2026-11-20T05:00:00.000Z', null],
      [
        'Menyepakati serah terima Bagian Umum → Bagian Keuangan: Nota pembayaran',
        SARI,
        '2026-11-21T03:00:00.000Z',
        null,
      ],
      [
        'Membantah serah terima Bagian Umum → Bagian Keuangan: Nota pembayaran',
        SARI,
        '2026-11-21T04:00:00.000Z',
        'Nota kami catat di buku kas',
      ],
      [
        'Memutuskan sengketa: serah terima tetap berlaku (serah terima Bagian Umum → Bagian Keuangan: Nota pembayaran)',
        BUDI,
        '2026-11-22T01:00:00.000Z',
        null,
      ],
      ['Mengajukan versi 3', ANI, '2026-11-23T01:00:00.000Z', null],
      ['Mengembalikan versi 3', HERU, '2026-11-23T02:00:00.000Z', 'Langkah 2 oleh Kasubbag'],
      ['Menyetujui versi 4', HERU, '2026-11-24T02:00:00.000Z', null],
      ['Memvalidasi versi 4', 'gone', '2026-11-25T02:00:00.000Z', null],
    ]);
  });

  it('says a handoff nobody answered yet, with nobody and no time', () => {
    const [open] = ratificationEvidence({
      organisation: setda,
      processes: [suratMasuk()],
      reviews: [],
      audit: [],
    });
    expect(evidenceEvents([open!]).map((x) => [x.what, x.who, x.at])).toEqual([
      [
        'Belum dijawab Bagian Keuangan: serah terima Bagian Umum → Bagian Keuangan: Nota pembayaran',
        '-',
        null,
      ],
      [
        'Belum dijawab Bagian Keuangan: serah terima Bagian Umum → Bagian Keuangan: Nota pembayaran',
        '-',
        null,
      ],
    ]);
  });
});

forEachDatabase('the evidence as stored', (getDb) => {
  it('counts every save of each person from the audit log, and reads answers and reviews', async () => {
    const db = getDb().db;
    await saveOrganisation(db, setda, { system: 'test' });
    const draft = { ...suratMasuk('draft'), version: 0 };
    // Ani names the process (no steps yet), then saves its steps three times; Heru renames it.
    let r = await saveProcess(db, {
      organisationId: setda.id,
      process: { ...draft, flow: null },
      expectedVersion: 0,
      actor: { personId: 'ani' },
    });
    for (let i = 0; i < 3; i++) {
      const flow = structuredClone(draft.flow!);
      flow.nodes[1] = { ...flow.nodes[1]!, name: `Menerima surat tagihan ${i}` } as never;
      r = await saveProcess(db, {
        organisationId: setda.id,
        process: { ...draft, flow },
        expectedVersion: r.outcome === 'saved' ? r.process.version : -1,
        actor: { personId: 'ani' },
      });
    }
    expect(r.outcome).toBe('saved');
    const saved = r.outcome === 'saved' ? r.process : draft;
    r = await saveProcess(db, {
      organisationId: setda.id,
      process: { ...saved, name: 'Pengelolaan Surat Tagihan Masuk' },
      expectedVersion: saved.version,
      actor: { personId: 'heru' },
    });
    expect(r.outcome).toBe('saved');
    const version = r.outcome === 'saved' ? r.process.version : 0;
    const sariAnswer = await answerHandoff(db, {
      organisationId: setda.id,
      processId: 'p-surat',
      key: 'output:o1',
      answer: 'disputed',
      byPersonId: 'sari',
      note: 'Bukan kami',
    });
    expect(sariAnswer.outcome).toBe('recorded');
    const settled = await settleHandoff(db, {
      organisationId: setda.id,
      processId: 'p-surat',
      key: 'output:o1',
      settlement: 'upheld',
      byPersonId: 'budi',
    });
    expect(settled.outcome).toBe('recorded');
    const submitted = await recordReview(db, {
      organisationId: setda.id,
      processId: 'p-surat',
      kind: 'submitted',
      version,
      byPersonId: 'ani',
    });
    expect(submitted).toMatchObject({ outcome: 'recorded' });

    const sources = await loadDocumentSources(db, setda.id);
    const [e] = ratificationEvidence(sources!);
    expect(e!.describedBy.map((d) => [d.label, d.saves, d.flowSaves])).toEqual([
      [ANI, 4, 3],
      [HERU, 1, 0],
    ]);
    const ani = e!.describedBy[0]!;
    expect(Date.parse(ani.first)).toBeLessThan(Date.parse(ani.last));
    expect(e!.handoffs.find((h) => h.key === 'output:o1')).toMatchObject({
      state: 'confirmed',
      answer: { state: 'disputed', by: { label: SARI }, note: 'Bukan kami' },
      settlement: { kind: 'upheld', by: { label: BUDI } },
    });
    expect(e!.reviews.map((x) => [x.kind, x.version, x.by?.label])).toEqual([
      ['submitted', version, ANI],
    ]);
    expect(await loadDocumentSources(db, 'no-such-organisation')).toBeNull();
  });
});
