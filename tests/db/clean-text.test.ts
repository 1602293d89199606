import { describe, expect, it } from 'vitest';
import { cleanJson, cleanText } from '../../db/clean-text.js';

describe('cleanText', () => {
  it.each([
    ['plain', 'Penyusunan Renja', 'Penyusunan Renja'],
    ['NUL', 'a\u0000b', 'ab'],
    ['C0 controls and DEL', '\u0001a\u0008\u000b\u000c\u001b[31m\u007f', 'a[31m'],
    ['keeps newline and tab', 'baris 1\n\tbaris 2', 'baris 1\n\tbaris 2'],
    ['drops carriage return', 'a\r\nb', 'a\nb'],
    ['lone high surrogate', 'x\uD83D', 'x\uFFFD'],
    ['lone low surrogate', '\uDE00x', '\uFFFDx'],
    ['reversed pair', '\uDE00\uD83D', '\uFFFD\uFFFD'],
    ['keeps a valid pair', 'ok \uD83D\uDE00', 'ok 😀'],
    ['keeps non-ASCII', 'Kabupaten – “Contoh” é', 'Kabupaten – “Contoh” é'],
  ])('%s', (_name, input, expected) => {
    expect(cleanText(input)).toBe(expected);
  });
});

describe('cleanJson', () => {
  it('cleans strings and keys deeply and drops what JSON cannot hold', () => {
    const input = {
      'a\u0000': ['x\uD800', 1, true, null, { deep: 'y\u0000' }, undefined],
      when: new Date('2025-01-02T03:04:05.000Z'),
      gone: undefined,
      inf: Infinity,
    };
    expect(cleanJson(input)).toEqual({
      a: ['x\uFFFD', 1, true, null, { deep: 'y' }, null],
      when: '2025-01-02T03:04:05.000Z',
      inf: null,
    });
    expect(input['a\u0000'][0]).toBe('x\uD800'); // a copy: the input is untouched
  });
});
