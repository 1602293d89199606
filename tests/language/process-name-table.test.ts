// Process names as people type them, and what the bot proposes (tests/fixtures/phrasings/
// process-names.tsv: "raw <TAB> expected suggestion", empty when the name is fine as it is).
// A name with no suggestion is also one the process-noun rule accepts, and the other way round.
import { describe, expect, it } from 'vitest';
import { isNounPhrase, suggestProcessName } from '../../core/language/indonesian.js';
import { readTable } from './phrasings.js';

const rows = readTable('process-names.tsv').map(([raw = '', expected = '']) => ({
  raw,
  expected: expected === '' ? null : expected,
}));

describe('suggestProcessName on the process-name table', () => {
  it('has at least 30 rows', () => {
    expect(rows.length).toBeGreaterThanOrEqual(30);
  });

  it.each(rows)('$raw -> $expected', ({ raw, expected }) => {
    expect(suggestProcessName(raw)).toBe(expected);
  });

  it.each(rows.filter((r) => r.expected !== null))(
    'the suggestion for $raw is itself accepted: $expected',
    ({ expected }) => {
      expect(isNounPhrase(expected!)).toBe(true);
      expect(suggestProcessName(expected!)).toBeNull();
    },
  );
});
