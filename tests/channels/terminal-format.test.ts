// The terminal channel's converters as tables: the engine's messages to plain lines and to JSON
// lines; a JSON line typed in to the engine's input (or a refusal naming what is expected).
import { describe, expect, it } from 'vitest';
import type { Input, Outbound } from '../../core/interview/index.js';
import { formatForTerminal } from '../../bot/terminal/format.js';
import { parseJsonlLine, toJsonl } from '../../bot/terminal/terminal-chat.js';

type Question = Extract<Outbound, { kind: 'question' }>;
const question: Question = {
  kind: 'question',
  questionId: 'process.category',
  rev: 7,
  text: 'Termasuk jenis apa "Penyusunan Renja"?',
  choices: [
    { id: 'inti', label: 'Inti' },
    { id: 'pendukung', label: 'Pendukung' },
    { id: 'manajemen', label: 'Manajemen' },
  ],
  optional: true,
};
const lettered: Question = { ...question, numbering: 'letters' };
const map: Outbound = {
  kind: 'map',
  processId: 'p1',
  caption: 'Peta 03.01 Penyusunan Renja',
  outline: '1. Menerima surat edaran',
};

describe('terminal outbound: plain lines', () => {
  it.each([
    [
      'a text as it is',
      { kind: 'text', text: 'Saya catat 1 proses.' },
      undefined,
      'Saya catat 1 proses.',
    ],
    [
      'choices numbered',
      question,
      undefined,
      'Termasuk jenis apa "Penyusunan Renja"?\n  1) Inti\n  2) Pendukung\n  3) Manajemen',
    ],
    [
      'choices lettered where a number names a step',
      lettered,
      undefined,
      'Termasuk jenis apa "Penyusunan Renja"?\n  a) Inti\n  b) Pendukung\n  c) Manajemen',
    ],
    [
      'a map: caption and outline',
      map,
      undefined,
      'Peta 03.01 Penyusunan Renja\n1. Menerima surat edaran',
    ],
    [
      'a map saved to a file',
      map,
      'data/maps/03.01.png',
      'Peta 03.01 Penyusunan Renja\n1. Menerima surat edaran\n(gambar peta: data/maps/03.01.png)',
    ],
  ] as [string, Outbound, string | undefined, string][])('%s', (_name, m, file, expected) => {
    expect(formatForTerminal(m, file)).toBe(expected);
  });
});

describe('terminal outbound: JSON lines', () => {
  it.each([
    ['a text', { kind: 'text', text: 'Baik.' }, null, { type: 'text', text: 'Baik.' }],
    [
      'a question: its id, revision, choices by id and label',
      lettered,
      null,
      {
        type: 'question',
        questionId: 'process.category',
        rev: 7,
        text: question.text,
        choices: question.choices,
        optional: true,
      },
    ],
    [
      'a map with its file',
      map,
      'm.png',
      { type: 'map', processId: 'p1', caption: map.caption, outline: map.outline, file: 'm.png' },
    ],
  ] as [string, Outbound, string | null, unknown][])('%s', (_name, m, file, expected) => {
    expect(toJsonl(m, file)).toEqual(expected);
  });
});

describe('terminal inbound: a JSON line to the engine', () => {
  const choice = (optionId: string): Input => ({
    kind: 'choice',
    questionId: 'process.category',
    optionId,
    rev: 7,
  });
  it.each([
    [
      'typed text',
      '{"text": "Penyusunan Renja"}',
      question,
      { kind: 'text', text: 'Penyusunan Renja' },
    ],
    ['a choice by id', '{"choice": "manajemen"}', question, choice('manajemen')],
    ['a choice by label', '{"choice": "Pendukung"}', question, choice('pendukung')],
    [
      'a choice by a unique start of its label',
      '{"choice": "Manaj"}',
      question,
      choice('manajemen'),
    ],
    [
      'a start shared by two labels',
      '{"choice": "P"}',
      { ...question, choices: [...question.choices, { id: 'p2', label: 'Pengawasan' }] },
      'error',
    ],
    ['a choice with no question asked', '{"choice": "Inti"}', null, 'error'],
    ['a choice the question does not have', '{"choice": "Lainnya"}', question, 'error'],
    ['not JSON', 'Penyusunan Renja', question, 'error'],
    ['an unknown shape', '{"text": "a", "extra": 1}', question, 'error'],
  ] as [string, string, Question | null, Input | 'error'][])('%s', (_name, line, q, expected) => {
    const got = parseJsonlLine(line, q);
    if (expected === 'error') expect(got).toMatchObject({ error: expect.any(String) });
    else expect(got).toEqual(expected);
  });
});
