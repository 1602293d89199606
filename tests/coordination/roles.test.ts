// Who may do what on the coordinator's desk. One table: every action, the people allowed; every
// other person is refused, with a reason that says who may.
import { describe, expect, it } from 'vitest';
import { mayDo } from '../../core/coordination/roles.js';
import type { DeskAction } from '../../core/coordination/roles.js';
import type { Person } from '../../core/model/index.js';
import { org, personOf } from './fixtures.js';

const outsider: Person = { ...personOf('oki'), id: 'zaki', name: 'Zaki' };
const actors: Record<string, Person | null> = {
  nobody: null,
  outsider,
  ...Object.fromEntries(org.people.map((p) => [p.id, p])),
};

// rina: staff of Umum; tono: staff of Subbag TU (under Umum); budi: head of Umum; sari: staff of
// Keuangan; dewi: head of Keuangan; lina: staff of Organisasi; oki: coordinator; adi: admin.
const table: Array<[DeskAction, string[]]> = [
  [{ kind: 'see-organisation' }, ['oki', 'adi']],
  [{ kind: 'validate' }, ['oki', 'adi']],
  [{ kind: 'run-campaign' }, ['oki', 'adi']],
  [{ kind: 'settle-handoff' }, ['oki', 'adi']],
  [{ kind: 'see-unit', unitId: 'umum' }, ['rina', 'budi', 'oki', 'adi']],
  [{ kind: 'see-unit', unitId: 'tu' }, ['budi', 'tono', 'oki', 'adi']],
  [{ kind: 'see-unit', unitId: 'keu' }, ['sari', 'dewi', 'oki', 'adi']],
  [{ kind: 'approve', unitId: 'umum' }, ['budi', 'oki', 'adi']],
  [{ kind: 'approve', unitId: 'tu' }, ['budi', 'oki', 'adi']],
  [{ kind: 'approve', unitId: 'keu' }, ['dewi', 'oki', 'adi']],
  [{ kind: 'remind', unitId: 'umum' }, ['budi', 'oki', 'adi']],
  [{ kind: 'remind', unitId: 'tu' }, ['budi', 'oki', 'adi']],
  [{ kind: 'remind', unitId: 'keu' }, ['dewi', 'oki', 'adi']],
  [{ kind: 'answer-handoff', unitId: 'umum' }, ['rina', 'budi', 'oki', 'adi']],
  [{ kind: 'answer-handoff', unitId: 'tu' }, ['budi', 'tono', 'oki', 'adi']],
  [{ kind: 'answer-handoff', unitId: 'keu' }, ['sari', 'dewi', 'oki', 'adi']],
];

describe('mayDo', () => {
  it.each(table)('%j is allowed to exactly %j', (action, allowed) => {
    const verdicts = Object.entries(actors).map(([name, p]) => [name, mayDo(org, p, action).ok]);
    expect(verdicts).toEqual(Object.keys(actors).map((name) => [name, allowed.includes(name)]));
  });

  it('tells a clerk that only the head of the unit or a coordinator approves', () => {
    expect(mayDo(org, personOf('rina'), { kind: 'approve', unitId: 'umum' })).toEqual({
      ok: false,
      reason: {
        id: 'Hanya kepala unit Bagian Umum atau koordinator yang dapat menyetujui proses ini.',
        en: 'Only the head of Bagian Umum or a coordinator may approve this process.',
      },
    });
  });

  it("tells the head of another unit who may see a unit's processes", () => {
    expect(mayDo(org, personOf('dewi'), { kind: 'see-unit', unitId: 'umum' })).toEqual({
      ok: false,
      reason: {
        id: 'Hanya pegawai Bagian Umum, kepala unitnya, atau koordinator yang dapat melihat proses unit ini.',
        en: "Only the staff of Bagian Umum, its head or a coordinator may see this unit's processes.",
      },
    });
  });

  it('tells a unit head that the whole organisation is for coordinators', () => {
    const r = mayDo(org, personOf('budi'), { kind: 'see-organisation' });
    expect(r).toEqual({
      ok: false,
      reason: {
        id: 'Hanya koordinator yang dapat melihat progres seluruh organisasi.',
        en: 'Only a coordinator may see the whole organisation.',
      },
    });
  });

  it("refuses a coordinator of another organisation, and anyone who isn't registered", () => {
    const r = mayDo(org, outsider, { kind: 'see-organisation' });
    expect(r.ok ? null : r.reason.id).toBe(
      'Anda tidak terdaftar di organisasi ini, jadi tidak dapat melihat progres seluruh organisasi.',
    );
    const n = mayDo(org, null, { kind: 'answer-handoff', unitId: 'umum' });
    expect(n.ok ? null : n.reason.en).toBe(
      "You are not registered in this organisation, so you cannot answer this unit's handoffs.",
    );
  });

  it('refuses a unit that does not exist, even to its would-be head', () => {
    const r = mayDo(org, personOf('budi'), { kind: 'approve', unitId: 'hilang' });
    expect(r.ok ? null : r.reason.id).toBe(
      'Unit tidak ditemukan, jadi tidak dapat menyetujui proses ini.',
    );
  });
});
