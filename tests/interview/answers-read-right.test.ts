// Issue 21: what the clerk types is read as meant. A text is a button only when it is the
// button; long remarks are kept whole; units, positions and process names land where they
// belong; a list keeps no numbering and survives Telegram's split; every refusal shows an example.
import { describe, expect, it } from 'vitest';
import { parseChoiceReply, parseStepNo, parseYesNo } from '../../core/interview/answers/choice.js';
import { parseDuration } from '../../core/interview/answers/duration.js';
import {
  parseList,
  parseName,
  parseText,
  refuseBareNumber,
} from '../../core/interview/answers/text.js';
import type { StepNode } from '../../core/model/process.js';
import { type Chat, newChat } from '../support/scenario.js';
import { renjaWorld } from '../support/renja.js';

/** Answers each question by its id until `target` is asked: the order of questions may change. */
function until(chat: Chat, target: string, answers: Record<string, string>): void {
  for (let i = 0; i < 40 && chat.question().questionId !== target; i++) {
    const id = chat.question().questionId;
    const a = answers[id];
    if (a === undefined) throw new Error(`no answer for ${id} on the way to ${target}`);
    chat.say(a);
  }
  expect(chat.question().questionId).toBe(target);
}

const TO_FIRST_STEP: Record<string, string> = {
  menu: 'Proses baru',
  'inventory.list': 'Pelayanan Rekomendasi',
  'process.category': 'Inti',
  'process.parent': '/lewati',
  'process.supplier': 'Bappeda',
  'process.input': 'Surat permohonan',
  'process.supplier_more': 'tidak',
  'process.output': 'Rekomendasi',
  'process.customer': 'Bappeda',
  'process.customer_more': 'tidak',
  'process.legal_basis': '/lewati',
  'activity.name': 'Menerima surat permohonan',
};

/** Rina at the first step's performer, in an organisation that also has a Kecamatan. */
function atPerformerUnit(): Chat {
  const { organisation, processes } = renjaWorld();
  organisation.units.push(
    { id: 'kec', name: 'Kecamatan Depok', kind: 'opd', parentId: null, shortName: null },
    { id: 'kec-pem', name: 'Seksi Pemerintahan', kind: 'seksi', parentId: 'kec', shortName: null },
  );
  const rina = newChat(organisation, 'rina', processes);
  until(rina, 'step.performer', TO_FIRST_STEP);
  rina.press('Unit/pihak lain');
  expect(rina.question().questionId).toBe('step.performer_unit');
  return rina;
}

function firstStep(chat: Chat): StepNode {
  const n = chat.state.drafts[0]!.flow!.nodes.find((x) => x.kind === 'activity');
  return n as StepNode;
}

describe('a typed text is a button only when it is the button (7)', () => {
  it('a word of a group\'s label typed at "part of a larger group?" is a new group, not that group', () => {
    const { organisation, processes } = renjaWorld();
    const rina = newChat(organisation, 'rina', processes);
    until(rina, 'process.parent', { ...TO_FIRST_STEP, 'process.category': 'Manajemen' });
    expect(rina.question().choices.map((c) => c.label)).toContain(
      '03 Perencanaan dan Penganggaran',
    );
    rina.say('Perencanaan');
    const d = rina.state.drafts[0]!;
    expect(d.code.startsWith('03.')).toBe(false);
    expect(rina.world.processes.some((p) => p.id === d.parentId && p.code !== '03')).toBe(true);
  });

  it('the whole label, in any case, still picks the button', () => {
    const { organisation, processes } = renjaWorld();
    const rina = newChat(organisation, 'rina', processes);
    until(rina, 'process.parent', { ...TO_FIRST_STEP, 'process.category': 'Manajemen' });
    rina.say('03 perencanaan DAN penganggaran');
    expect(rina.state.drafts[0]!.code).toBe('03.01');
  });
});

describe('units typed during the interview land in the right place (14, 16)', () => {
  it('"Camat" is offered as the position Camat of the Kecamatan, and taken so', () => {
    const rina = atPerformerUnit();
    rina.say('Camat');
    expect(rina.question().questionId).toBe('party.new');
    expect(rina.lastText()).toContain('jabatan');
    rina.press('Jabatan Camat di Kecamatan Depok');
    expect(firstStep(rina).performer).toEqual({ unitId: 'kec', position: 'Camat' });
    expect(rina.world.organisation!.units.some((u) => u.name === 'Camat')).toBe(false);
  });

  it('"Kasi Pemerintahan" is the position of the Seksi Pemerintahan', () => {
    const rina = atPerformerUnit();
    rina.say('Kasi Pemerintahan');
    rina.press('Jabatan Kasi Pemerintahan');
    expect(firstStep(rina).performer).toEqual({
      unitId: 'kec-pem',
      position: 'Kasi Pemerintahan',
    });
  });

  it('a new unit is asked where it sits, offering the top units, and sits there', () => {
    const rina = atPerformerUnit();
    rina.say('Sekretariat Kecamatan');
    const labels = rina.question().choices.map((c) => c.label);
    expect(labels).toContain('Unit baru di bawah Kecamatan Depok');
    expect(labels).toContain('Unit baru di bawah Setda');
    expect(labels.some((l) => l.startsWith('Pihak luar'))).toBe(true);
    rina.press('Unit baru di bawah Kecamatan Depok');
    const unit = rina.world.organisation!.units.find((u) => u.name === 'Sekretariat Kecamatan');
    expect(unit?.parentId).toBe('kec');
    expect(rina.question().questionId).toBe('step.performer_position');
  });

  it('a name with look-alike Cyrillic letters is refused with the Latin example, nothing created', () => {
    const rina = atPerformerUnit();
    const units = rina.world.organisation!.units.length;
    rina.say('\u0412appeda'); // a Cyrillic В
    expect(rina.lastText()).toContain('aksara lain');
    expect(rina.lastText()).toContain('misalnya "Bappeda"');
    expect(rina.question().questionId).toBe('step.performer_unit');
    expect(rina.world.organisation!.units.length).toBe(units);
  });

  it('a misspelt unit offers the nearest existing units first', () => {
    const rina = atPerformerUnit();
    rina.say('Bagian Organsasi');
    expect(rina.question().questionId).toBe('party.new');
    expect(rina.question().choices[0]!.label).toBe('Maksud saya: Bagian Organisasi');
    rina.press('Maksud saya: Bagian Organisasi');
    expect(rina.question().questionId).toBe('step.performer_position');
    expect(rina.world.organisation!.units.some((u) => u.name === 'Bagian Organsasi')).toBe(false);
  });
});

describe('a process name the unit already has (17)', () => {
  it('offers to continue the draft instead of opening a second one', () => {
    const { organisation, processes } = renjaWorld();
    const rina = newChat(organisation, 'rina', processes);
    until(rina, 'process.supplier', TO_FIRST_STEP);
    rina.say('/menu');
    rina.press('Proses baru');
    rina.say('pelayanan rekomendasi');
    expect(rina.question().questionId).toBe('process.duplicate');
    expect(rina.lastText()).toContain('sudah punya proses');
    rina.press('Lanjutkan yang ada');
    expect(rina.state.drafts).toHaveLength(1);
    expect(rina.lastText()).toContain('Melanjutkan "Pelayanan Rekomendasi"');
  });

  it('makes a new one when asked to', () => {
    const { organisation, processes } = renjaWorld();
    const rina = newChat(organisation, 'rina', processes);
    until(rina, 'process.supplier', TO_FIRST_STEP);
    rina.say('/menu');
    rina.press('Proses baru');
    rina.say('Pelayanan Rekomendasi');
    rina.press('Buat baru tetap');
    expect(rina.state.drafts).toHaveLength(2);
    expect(rina.question().questionId).toBe('process.category');
  });
});

describe('list answers (18)', () => {
  it('strip any list numbering: "2.b", "a)", "1.", "-", "•"', () => {
    const { organisation, processes } = renjaWorld();
    const rina = newChat(organisation, 'rina', processes);
    rina.say('Proses baru');
    rina.say(
      '2.b Penyusunan Renja\na) Pengelolaan Arsip\n1.2. Pengelolaan Surat Masuk\n• Pengelolaan Aset',
    );
    expect(rina.state.drafts.map((d) => d.name)).toEqual([
      'Penyusunan Renja',
      'Pengelolaan Arsip',
      'Pengelolaan Surat Masuk',
      'Pengelolaan Aset',
    ]);
  });

  it('state one limit per question: the inventory says 30 and refuses with 30', () => {
    const { organisation, processes } = renjaWorld();
    const rina = newChat(organisation, 'rina', processes);
    rina.say('Proses baru');
    expect(rina.question().text).toContain('paling banyak 30');
    rina.say(Array.from({ length: 201 }, (_, i) => `Pengelolaan Urusan ${i + 1}`).join('\n'));
    expect(rina.lastText()).toContain('paling banyak 30');
    expect(rina.lastText()).not.toContain('200');
    expect(rina.state.drafts).toHaveLength(0);
  });

  it('join the two halves of a paste Telegram split over 4,096 characters', () => {
    const { organisation, processes } = renjaWorld();
    const rina = newChat(organisation, 'rina', processes);
    rina.say('Proses baru');
    const names = Array.from({ length: 30 }, (_, i) =>
      `Pengelolaan Urusan Nomor ${i + 1} ${'dan kegiatan terkait '.repeat(6)}`.trim(),
    );
    const first = names.slice(0, 26).join('\n');
    expect(first.length).toBeGreaterThan(3900);
    expect(first.length).toBeLessThanOrEqual(4096);
    rina.say(first);
    expect(rina.lastText()).toContain('menunggu lanjutannya');
    expect(rina.question().questionId).toBe('inventory.list');
    expect(rina.refusals).toBe(0);
    rina.say(names.slice(26).join('\n'));
    expect(rina.lastText()).toContain('Saya catat 30 proses');
    expect(rina.state.drafts).toHaveLength(30);
    expect(rina.state.work.heldPaste).toBeUndefined();
  });

  it('a long list that was whole is taken with "selesai"', () => {
    const { organisation, processes } = renjaWorld();
    const rina = newChat(organisation, 'rina', processes);
    rina.say('Proses baru');
    const names = Array.from({ length: 26 }, (_, i) =>
      `Pengelolaan Urusan Nomor ${i + 1} ${'dan kegiatan terkait '.repeat(6)}`.trim(),
    );
    rina.say(names.join('\n'));
    rina.say('selesai');
    expect(rina.state.drafts).toHaveLength(26);
  });
});

describe('durations (19)', () => {
  function atWaktu(): Chat {
    const { organisation, processes } = renjaWorld();
    const rina = newChat(organisation, 'rina', processes);
    until(rina, 'step.performer', TO_FIRST_STEP);
    rina.press('Saya');
    // The waktu question of one step: through /ubah (the interview asks all steps' waktu at once).
    rina.say('/lewati');
    rina.say('/ubah 1');
    rina.press('Waktu');
    expect(rina.question().questionId).toBe('step.waktu');
    return rina;
  }

  it('a reason instead of a duration is kept as the keterangan, and the interview goes on', () => {
    const rina = atWaktu();
    rina.say('tergantung jadwal rapat');
    expect(rina.refusals).toBe(0);
    expect(firstStep(rina).keterangan).toBe('tergantung jadwal rapat');
    expect(firstStep(rina).waktu).toBeNull();
    expect(rina.lastText()).toContain('sebagai keterangan');
    expect(rina.question().questionId).not.toBe('step.waktu');
  });

  it('a decimal comma is echoed as stored', () => {
    const rina = atWaktu();
    rina.say('1,5 hari');
    expect(firstStep(rina).waktu).toEqual({ value: 1.5, unit: 'hari' });
    expect(rina.lastText()).toContain('Waktu: 1,5 hari');
  });
});

describe('long remarks kept whole, names limited (20)', () => {
  it('a keterangan of 1,200 characters is stored whole', () => {
    const { organisation, processes } = renjaWorld();
    const rina = newChat(organisation, 'rina', processes);
    until(rina, 'step.performer', TO_FIRST_STEP);
    rina.press('Saya');
    rina.say('/ubah 1');
    rina.press('Keterangan');
    const remark = `Dikerjakan bila surat lengkap. ${'Rincian tambahan. '.repeat(65)}`.trim();
    expect(remark.length).toBeGreaterThan(1000);
    rina.say(remark);
    expect(firstStep(rina).keterangan).toBe(remark);
  });

  it('a legal basis with its full title (over 200 characters) is kept whole', () => {
    const { organisation, processes } = renjaWorld();
    const rina = newChat(organisation, 'rina', processes);
    until(rina, 'process.legal_basis', TO_FIRST_STEP);
    const title =
      `Peraturan Menteri Dalam Negeri Nomor 86 Tahun 2017 tentang ${'Tata Cara Perencanaan, Pengendalian dan Evaluasi Pembangunan Daerah, '.repeat(3)}`.trim();
    expect(title.length).toBeGreaterThan(200);
    rina.say(title);
    expect(rina.state.drafts[0]!.legalBasis).toEqual([title]);
  });

  it('a process name over 200 characters is refused with an example', () => {
    const { organisation, processes } = renjaWorld();
    const rina = newChat(organisation, 'rina', processes);
    rina.say('Proses baru');
    rina.say(`Pengelolaan ${'x'.repeat(200)}`);
    expect(rina.lastText()).toContain('paling banyak 200');
    expect(rina.lastText()).toContain('misalnya');
    expect(rina.state.drafts).toHaveLength(0);
  });
});

describe('a bare number where a step name is expected (15)', () => {
  it('is refused with a verb example; a name with a number is not', () => {
    const r = refuseBareNumber('3');
    expect(r && !r.ok && r.reason.id).toContain('Tulis kegiatannya dengan kata kerja, misalnya');
    expect(refuseBareNumber(' 12. ')).not.toBeNull();
    expect(refuseBareNumber('Menerima 3 berkas')).toBeNull();
    expect(parseName('3').ok).toBe(false);
    expect(parseName('Menerima berkas')).toEqual({ ok: true, value: 'Menerima berkas' });
  });
});

describe('every refusal gives an example of a right answer (22)', () => {
  const choices = [
    { id: 'inti', label: 'Inti' },
    { id: 'pendukung', label: 'Pendukung' },
  ];
  const reasons = [
    parseChoiceReply('lainnya', choices),
    parseChoiceReply('', choices),
    parseYesNo('mungkin'),
    parseStepNo('9', 3),
    parseStepNo('1', 0),
    parseDuration('secepatnya'),
    parseDuration('0 menit'),
    parseDuration('99999 hari'),
    parseText(''),
    parseText('😀'),
    parseText('x'.repeat(5000)),
    parseList(''),
    parseList('A\nB\nC', { max: 2 }),
  ];
  it.each(reasons.map((r, i) => [i, r] as const))('refusal %i says "misalnya"', (_i, r) => {
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason.id).toContain('misalnya');
    expect(!r.ok && r.reason.en).toMatch(/e\.g\./);
  });

  it('a choice refused in the conversation shows a number and a whole label as examples', () => {
    const { organisation, processes } = renjaWorld();
    const rina = newChat(organisation, 'rina', processes);
    rina.say('Proses baru');
    rina.say('Penyusunan Renja');
    rina.say('lainnya');
    expect(rina.question().questionId).toBe('process.category');
    expect(rina.lastText()).toContain('misalnya "1" atau "Inti"');
  });
});
