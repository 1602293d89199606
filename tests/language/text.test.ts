import { describe, expect, it } from 'vitest';
import {
  nameKey,
  normaliseWhitespace,
  sameName,
  stripInvisible,
  truncate,
} from '../../core/language/text.js';

describe('stripInvisible', () => {
  it.each([
    ['zero-width space and joiners', 'Mem\u200Beriksa\u200C\u200D', 'Memeriksa'],
    ['BOM and word joiner', '\uFEFFRenja\u2060', 'Renja'],
    ['bidi overrides U+202A-202E', '\u202Aa\u202Bb\u202Cc\u202Dd\u202Ee', 'abcde'],
    ['bidi isolates U+2066-2069 and LRM/RLM', '\u2066x\u2067y\u2068z\u2069\u200E\u200F', 'xyz'],
    ['soft hyphen', 'penyu\u00ADsunan', 'penyusunan'],
    ['C0 controls and DEL, newline kept', 'a\u0000b\u0007c\nd\u001Be\u007F', 'abc\nde'],
    ['CR LF and CR become LF, tab a space', 'a\r\nb\rc\td', 'a\nb\nc d'],
    ['letters, accents and emoji untouched', 'Café 👍🏽 ñ', 'Café 👍🏽 ñ'],
  ])('%s', (_what, input, expected) => {
    expect(stripInvisible(input)).toBe(expected);
  });
});

describe('normaliseWhitespace', () => {
  it('collapses spaces, tabs, newlines, NBSP and ideographic space, and trims', () => {
    expect(normaliseWhitespace('  Menerima\t\tsurat\n\n edaran\u00A0dari\u3000Bappeda  ')).toBe(
      'Menerima surat edaran dari Bappeda',
    );
    expect(normaliseWhitespace(' \n ')).toBe('');
  });
});

describe('sameName', () => {
  it.each([
    ['Memeriksa berkas', '  memeriksa   BERKAS ', true],
    ['Memeriksa berkas', 'Memeriksa\u200B berkas', true],
    ['Cafe\u0301', 'Café', true],
    ['Memeriksa berkas', 'Memeriksa berkas masuk', false],
    ['Memeriksaberkas', 'Memeriksa berkas', false],
  ])('%j vs %j -> %s', (a, b, expected) => {
    expect(sameName(a, b)).toBe(expected);
  });

  it('gives the key it compares by', () => {
    expect(nameKey(' Rancangan  RENJA ')).toBe('rancangan renja');
  });
});

describe('truncate', () => {
  it('returns short text unchanged', () => {
    expect(truncate('Renja', 5)).toBe('Renja');
    expect(truncate('', 0)).toBe('');
  });

  it('cuts to max code units including the ellipsis, trimming a trailing space', () => {
    expect(truncate('Menerima surat edaran', 10)).toBe('Menerima…');
    expect(truncate('Menerima surat edaran', 12)).toBe('Menerima su…');
    expect(truncate('abc', 0)).toBe('');
    expect(truncate('abc', 1)).toBe('…');
  });

  it('never splits a surrogate pair, an emoji sequence or a combining mark', () => {
    expect(truncate('ab😀cd', 4)).toBe('ab…'); // 😀 is two code units and would not fit with the ellipsis
    expect(truncate('ab😀cd', 5)).toBe('ab😀…');
    expect(truncate('a👍🏽bcdef', 5)).toBe('a…'); // 👍🏽 is four code units
    expect(truncate('e\u0301e\u0301e\u0301e\u0301', 4)).toBe('e\u0301…');
    for (let max = 1; max < 12; max++) {
      const out = truncate('👨‍👩‍👧 keluarga 😀', max);
      expect(out.length).toBeLessThanOrEqual(max);
      expect(out).not.toMatch(
        /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/,
      );
    }
  });

  it('refuses a negative max', () => {
    expect(() => truncate('abc', -1)).toThrow(RangeError);
  });
});
