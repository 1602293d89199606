// The rewriter on real step phrasings in the style of published SOPs (perizinan, cuti, surat
// masuk/keluar, SPJ, pengaduan, kependudukan): one row per phrase of
// tests/fixtures/phrasings/steps.tsv, "raw <TAB> expected name <TAB> expected performer".
import { describe, expect, it } from 'vitest';
import { rewriteStep } from '../../core/language/indonesian.js';
import { readTable } from './phrasings.js';

const rows = readTable('steps.tsv').map(([raw = '', name = '', performer = '']) => ({
  raw,
  name,
  performer: performer === '' ? null : performer,
}));

describe('rewriteStep on the phrasing table', () => {
  it('has at least 200 rows', () => {
    expect(rows.length).toBeGreaterThanOrEqual(200);
  });

  it.each(rows)('$raw -> $name ($performer)', ({ raw, name, performer }) => {
    const r = rewriteStep(raw);
    expect({ name: r.name, performerHint: r.performerHint }).toEqual({
      name,
      performerHint: performer,
    });
    expect(r.changed).toBe(name !== raw || performer !== null);
  });
});
