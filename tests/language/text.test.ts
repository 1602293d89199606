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
    ['C0 controls and DEL, newline kept', 'a\u0000b\u0007c\nd\u0008e\u007F', 'abc\nde'],
    ['CR LF and CR become LF, tab a space', 'a\r\nb\rc\td', 'a\nb\nc d'],
    ['letters, accents and emoji untouched', 'Café 👍🏽 ñ', 'Café 👍🏽 ñ'],
  ])('%s', (_what, input, expected) => {
    expect(stripInvisible(input)).toBe(expected);
  });

  // A zero-width joiner is part of an emoji between two pictographs; anywhere else it is noise.
  it.each([
    ['technologist (woman + ZWJ + laptop)', 'Staf 👩\u200D💻 siap', 'Staf 👩\u200D💻 siap'],
    ['family of three', '👨\u200D👩\u200D👧 keluarga', '👨\u200D👩\u200D👧 keluarga'],
    ['rainbow flag (variation selector before ZWJ)', '🏳\uFE0F\u200D🌈', '🏳\uFE0F\u200D🌈'],
    ['skin tone before ZWJ', 'Oke 👩🏽\u200D💻', 'Oke 👩🏽\u200D💻'],
    ['gender sign after ZWJ', '🏃\u200D♀\uFE0F lari', '🏃\u200D♀\uFE0F lari'],
    [
      'subdivision flag keeps its tags',
      '🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}',
      '🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}',
    ],
    ['ZWJ between letters', 'Mem\u200Deriksa', 'Memeriksa'],
    ['ZWJ after an emoji, before a letter', '👍\u200Dsiap', '👍siap'],
    ['ZWJ before an emoji, after a letter', 'oke\u200D👍', 'oke👍'],
    ['ZWJ at the ends', '\u200DRenja\u200D', 'Renja'],
    ['ZWJ between an emoji and a space', '👍\u200D 👍', '👍 👍'],
    ['tag characters without a flag', 'a\u{E0067}b', 'ab'],
  ])('ZWJ: %s', (_what, input, expected) => {
    expect(stripInvisible(input)).toBe(expected);
  });

  // Terminal control sequences go whole, not just their ESC byte.
  it.each([
    ['CSI colour', '\u001B[31mMerah\u001B[0m', 'Merah'],
    ['CSI with several parameters', '\u001B[1;32;40mHijau', 'Hijau'],
    ['CSI cursor movement and erase', 'a\u001B[2Kb\u001B[10;5Hc\u001B[?25ld', 'abcd'],
    ['CSI as the C1 byte', 'a\u009B31mb', 'ab'],
    ['OSC window title ended by BEL', '\u001B]0;judul\u0007Surat', 'Surat'],
    [
      'OSC hyperlink ended by ST',
      '\u001B]8;;https://x.id\u001B\\tautan\u001B]8;;\u001B\\',
      'tautan',
    ],
    ['unterminated OSC swallows the rest', 'Surat\u001B]0;judul', 'Surat'],
    ['DCS ended by ST', 'a\u001BPq#0\u001B\\b', 'ab'],
    ['two-byte ESC sequences', 'a\u001B7b\u001B8c\u001BMd', 'abcd'],
    ['charset designation (ESC ( B)', '\u001B(BTeks', 'Teks'],
    ['a lone ESC at the end', 'Teks\u001B', 'Teks'],
    ['brackets without ESC are text', '[31m] dan ]0;', '[31m] dan ]0;'],
    [
      'Indonesian text around a sequence keeps its spaces',
      'Surat \u001B[1mmasuk\u001B[22m hari ini',
      'Surat masuk hari ini',
    ],
  ])('escape: %s', (_what, input, expected) => {
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
