// The registry and runner: preset, overrides, crash containment, and the Renja fixture.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ExchangeDocument } from '../../core/model/index.js';
import { checkProcess, recommended, rules } from '../../core/rules/index.js';
import type { Rule } from '../../core/rules/index.js';
import { cleanSpec, map, org } from './builders.js';

describe('the registry', () => {
  it('has unique kebab-case ids, each rule in a file of its own name', () => {
    const ids = rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(() =>
        readFileSync(new URL(`../../core/rules/${id}.ts`, import.meta.url)),
      ).not.toThrow();
    }
  });

  it('lists every rule the quality checklist asks for, at its level', () => {
    expect(recommended).toEqual({
      'dangling-edge': 'error',
      'start-and-end': 'error',
      'unreachable-step': 'error',
      'dead-end-step': 'error',
      'decision-exits': 'error',
      'step-performer': 'error',
      'performer-position': 'warning',
      'duplicate-step-name': 'error',
      'input-supplier': 'warning',
      'output-customer': 'warning',
      'step-waktu': 'warning',
      'step-output': 'warning',
      'activity-verb': 'warning',
      'process-noun': 'warning',
      'unconfirmed-handoff': 'warning',
    });
  });
});

describe('checkProcess', () => {
  const noWaktu = map(cleanSpec, { steps: { a1: { waktu: null } } });

  it('applies the preset level, and an override of it', () => {
    expect(checkProcess(noWaktu, org).map((f) => [f.ruleId, f.level])).toEqual([
      ['step-waktu', 'warning'],
    ]);
    expect(
      checkProcess(noWaktu, org, { rules: { 'step-waktu': 'error' } }).map((f) => [
        f.ruleId,
        f.level,
      ]),
    ).toEqual([['step-waktu', 'error']]);
  });

  it('skips a rule turned off', () => {
    expect(checkProcess(noWaktu, org, { rules: { 'step-waktu': 'off' } })).toEqual([]);
  });

  it('turns a rule that throws into a rule-crashed finding and runs the others', () => {
    const broken: Rule = {
      id: 'always-throws',
      level: 'warning',
      description: 'test rule',
      check(_ctx, report) {
        report({ nodeId: 'a1', message: { id: 'sebagian', en: 'partial' } });
        throw new Error('boom');
      },
    };
    const waktu = rules.find((r) => r.id === 'step-waktu');
    if (!waktu) throw new Error('step-waktu missing');
    expect(checkProcess(noWaktu, org, { registry: [broken, waktu] })).toEqual([
      {
        ruleId: 'rule-crashed',
        level: 'error',
        nodeId: null,
        message: {
          id: 'Pemeriksaan "always-throws" gagal berjalan (boom). Laporkan ke admin; pemeriksaan lain tetap dijalankan.',
          en: 'Rule "always-throws" crashed (boom). Please report it; the other rules still ran.',
        },
      },
      expect.objectContaining({ ruleId: 'step-waktu', nodeId: 'a1' }),
    ]);
  });

  it('survives a process whose performer refers to nothing and whose edges dangle', () => {
    const messy = map('a1 -> d1', {
      steps: { a1: { performer: null, name: 'x' } },
      rawEdges: [{ id: 'e', from: 'nowhere', to: 'nothing' }],
    });
    const found = checkProcess(messy, org);
    expect(found.filter((f) => f.ruleId === 'rule-crashed')).toEqual([]);
    expect(found.map((f) => f.ruleId)).toEqual([
      'dangling-edge',
      'start-and-end',
      'start-and-end',
      'decision-exits',
      'step-performer',
      'activity-verb',
    ]);
  });
});

describe('the Renja Setda fixture', () => {
  const doc = ExchangeDocument.parse(
    JSON.parse(readFileSync(new URL('../fixtures/renja-setda.json', import.meta.url), 'utf8')),
  );
  const findings = doc.processes.flatMap((p) =>
    checkProcess(p, doc.organisation).map((f) => ({ process: p.id, ...f })),
  );

  it('has no errors', () => {
    expect(findings.filter((f) => f.level === 'error')).toEqual([]);
  });

  it('warns only about the handoffs nobody has confirmed yet', () => {
    expect(findings.map((f) => [f.process, f.ruleId, f.nodeId])).toEqual([
      ['p-03-01', 'unconfirmed-handoff', 'in-1'],
      ['p-03-01', 'unconfirmed-handoff', 'in-2'],
      ['p-03-01', 'unconfirmed-handoff', 'a3'],
      ['p-03-01', 'unconfirmed-handoff', 'a4'],
      ['p-03-01', 'unconfirmed-handoff', 'd1'],
      ['p-03-01', 'unconfirmed-handoff', 'a4'],
      ['p-03-01', 'unconfirmed-handoff', 'a7'],
      ['p-03-01', 'unconfirmed-handoff', 'out-1'],
    ]);
    expect(findings[2]?.message.id).toBe(
      'Serah terima "Nota dinas permintaan usulan" dari Bag. Perencanaan dan Keuangan (langkah 2 "Meminta usulan program dari setiap bagian") ke Bag. Organisasi (langkah 3 "Menyusun usulan program bagian") belum dikonfirmasi oleh Bag. Organisasi.',
    );
  });
});
