// A word too long for its SOP column breaks where an Indonesian reader expects it: between
// syllables, never leaving one letter alone on a line.
import { describe, expect, it } from 'vitest';
import { breakAt } from '../../renderers/sop/measure.js';

/** Where `word` breaks when at most `max` letters fit before the hyphen. */
const split = (word: string, max: number) => {
  const n = breakAt(word, (head) => head.length <= max);
  return `${word.slice(0, n)}-${word.slice(n)}`;
};

describe('breaking a long word in an SOP cell', () => {
  it.each([
    ['pembahasan', 9, 'pembaha-san'],
    ['ditandatangani', 10, 'ditandata-ngani'],
    ['Perencanaan', 10, 'Perenca-naan'],
    ['Kelembagaan', 10, 'Kelemba-gaan'],
    ['Rancangan', 6, 'Ranca-ngan'],
    ['pengangkatan', 6, 'pe-ngangkatan'],
  ])('%s in %i letters -> %s', (word, max, expected) => {
    expect(split(word, max)).toBe(expected);
  });

  it('cuts a word with no syllable boundary where it must (a code, a number)', () => {
    expect(split('800/12/SOP/2027', 6)).toBe('800/12-/SOP/2027');
  });
});
