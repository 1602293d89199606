// Each answer type: what it accepts, and what it refuses with a message saying what is expected,
// keeping everything given before.
import { describe, expect, it } from 'vitest';
import { parseChoiceReply, parseStepNo, parseYesNo } from '../../core/interview/answers/choice.js';
import { formatDuration, parseDuration } from '../../core/interview/answers/duration.js';
import { cleanInput, parseList, parseText } from '../../core/interview/answers/text.js';
import { matchUnit } from '../../core/interview/answers/unit.js';
import { type Chat, newChat } from '../support/scenario.js';
import { renjaWorld } from '../support/renja.js';

describe('waktu (duration)', () => {
  it.each([
    ['30 menit', 30, 'menit'],
    ['2 jam', 2, 'jam'],
    ['1 hari', 1, 'hari'],
    ['3 hari kerja', 3, 'hari_kerja'],
    ['3 HK', 3, 'hari_kerja'],
    ['1,5 jam', 1.5, 'jam'],
    ['seminggu', 1, 'minggu'],
    ['dua minggu', 2, 'minggu'],
    ['setengah hari', 0.5, 'hari'],
    ['± 15 menit', 15, 'menit'],
    ['2 hours', 2, 'jam'],
    ['3 working days', 3, 'hari_kerja'],
    ['1 bulan', 1, 'bulan'],
  ])('reads "%s"', (text, value, unit) => {
    expect(parseDuration(text)).toEqual({ ok: true, value: { value, unit } });
  });

  it.each(['2-3 hari', '1 s.d. 2 jam', 'secepatnya', 'lama', '0 menit', '5', 'hari', '99999 hari'])(
    'refuses "%s"',
    (text) => {
      const r = parseDuration(text);
      expect(r.ok).toBe(false);
    },
  );

  it('says what is expected, and asks for one number instead of a range', () => {
    const a = parseDuration('secepatnya');
    const b = parseDuration('2-3 hari');
    expect(!a.ok && a.reason.id).toContain('"30 menit"');
    expect(!b.ok && b.reason.id).toContain('satu angka');
  });

  it('formats in both languages', () => {
    expect(formatDuration({ value: 3, unit: 'hari_kerja' })).toBe('3 hari kerja');
    expect(formatDuration({ value: 1.5, unit: 'jam' })).toBe('1,5 jam');
    expect(formatDuration({ value: 1, unit: 'hari' }, 'en')).toBe('1 day');
  });
});

describe('text and lists', () => {
  it('cleans control, zero-width and bidi characters and lone surrogates, keeps emoji pairs', () => {
    expect(cleanInput('a\u0000b\u200Bc\u202Ed\uD800e😀')).toBe('abcde😀');
  });

  it.each([
    ['', 'kosong'],
    ['   ', 'kosong'],
    ['😀😀😀', 'huruf atau angka'],
    ['x'.repeat(4097), 'terlalu panjang'],
  ])('refuses %j', (text, why) => {
    const r = parseText(text);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason.id).toContain(why);
  });

  it('splits lists by line, by numbering on one line, by semicolon', () => {
    expect(parseList('1. A\n2. B\n- C')).toEqual({ ok: true, value: ['A', 'B', 'C'] });
    expect(parseList('1. Penyusunan Renja 2. Penyusunan RKA')).toEqual({
      ok: true,
      value: ['Penyusunan Renja', 'Penyusunan RKA'],
    });
    expect(parseList('A; B')).toEqual({ ok: true, value: ['A', 'B'] });
  });

  it('names the bad line of a list', () => {
    const r = parseList('Menerima berkas\n😀\nMemeriksa berkas');
    expect(!r.ok && r.reason.id).toMatch(/^Baris 2:/);
  });
});

describe('choices, yes/no, step numbers and units', () => {
  const choices = [
    { id: 'inti', label: 'Inti' },
    { id: 'pendukung', label: 'Pendukung' },
    { id: 'manajemen', label: 'Manajemen' },
  ];
  it('reads a number, a letter or the whole label; a start of a label is not a choice', () => {
    expect(parseChoiceReply('2', choices)).toMatchObject({ ok: true, value: { id: 'pendukung' } });
    expect(parseChoiceReply('manajemen', choices)).toMatchObject({
      ok: true,
      value: { id: 'manajemen' },
    });
    expect(parseChoiceReply(' MANAJEMEN ', choices)).toMatchObject({
      ok: true,
      value: { id: 'manajemen' },
    });
    expect(parseChoiceReply('Mana', choices).ok).toBe(false);
    expect(parseChoiceReply('b', choices, 'letters')).toMatchObject({
      ok: true,
      value: { id: 'pendukung' },
    });
  });
  it('refuses an out-of-range number and an unknown word, saying the range', () => {
    const r = parseChoiceReply('7', choices);
    expect(!r.ok && r.reason.id).toContain('(1-3)');
    expect(parseChoiceReply('lainnya', choices).ok).toBe(false);
  });
  it('reads yes and no in both languages', () => {
    expect(parseYesNo('Iya')).toEqual({ ok: true, value: true });
    expect(parseYesNo('tidak ada')).toEqual({ ok: true, value: false });
    expect(parseYesNo('mungkin').ok).toBe(false);
  });
  it('reads step numbers within range', () => {
    expect(parseStepNo('langkah 4', 8)).toEqual({ ok: true, value: 4 });
    expect(parseStepNo('9', 8).ok).toBe(false);
  });
  it('matches units by name, short name or significant words', () => {
    const units = renjaWorld().organisation.units;
    expect(matchUnit('bappeda', units)).toMatchObject({ kind: 'one', unit: { id: 'bappeda' } });
    expect(matchUnit('Bag. Organisasi', units)).toMatchObject({
      kind: 'one',
      unit: { id: 'bag-organisasi' },
    });
    expect(matchUnit('organisasi', units)).toMatchObject({
      kind: 'one',
      unit: { id: 'bag-organisasi' },
    });
    expect(matchUnit('bagian', units).kind).toBe('none');
    expect(matchUnit('Dinas Kesehatan', units).kind).toBe('none');
  });
});

describe('refusals in the conversation keep what was given', () => {
  function atWaktu(): Chat {
    const { organisation, processes } = renjaWorld();
    const rina = newChat(organisation, 'rina', processes);
    for (const a of [
      'Proses baru',
      'Penyusunan Renja',
      'Manajemen',
      '1',
      'Bappeda',
      'Surat edaran',
      'tidak',
      'Renja',
      'Bappeda',
      'tidak',
      '/lewati',
      'Menerima surat edaran',
      '1',
      '/lewati',
      'Disposisi',
      'Selesai',
    ])
      rina.say(a);
    expect(rina.question().questionId).toBe('step.waktu_all');
    return rina;
  }

  it('a bad duration is refused with the expected form, the step and its performer kept', () => {
    const rina = atWaktu();
    const before = JSON.stringify(rina.state.drafts);
    rina.say('secepatnya');
    expect(rina.lastText()).toContain('Tulis lamanya dengan angka dan satuan');
    expect(rina.question().questionId).toBe('step.waktu_all');
    expect(JSON.stringify(rina.state.drafts)).toBe(before);
    rina.say('2 jam');
    expect(rina.question().questionId).toBe('review.confirm');
  });

  it('a photo, a sticker or a voice note where text is expected is answered in Indonesian', () => {
    const rina = atWaktu();
    rina.send({ kind: 'unsupported', what: 'photo' });
    expect(rina.lastText()).toContain('hanya bisa membaca pesan teks');
    expect(rina.question().questionId).toBe('step.waktu_all');
  });

  it('an unknown command is named back', () => {
    const rina = atWaktu();
    rina.say('/terbang');
    expect(rina.lastText()).toContain('Perintah "/terbang" tidak dikenal');
  });

  it('a yes/no question refuses other words', () => {
    const { organisation, processes } = renjaWorld();
    const rina = newChat(organisation, 'rina', processes);
    for (const a of ['1', 'Penyusunan Renja', '3', '1', 'Bappeda', 'Surat edaran']) rina.say(a);
    rina.say('mungkin');
    expect(rina.lastText()).toContain('Jawab "ya" atau "tidak"');
  });

  it('an unknown party is asked about, added as an outside party, and used', () => {
    const { organisation, processes } = renjaWorld();
    const rina = newChat(organisation, 'rina', processes);
    for (const a of ['1', 'Pelayanan Izin Usaha', '1', '/lewati']) rina.say(a);
    rina.say('Pemohon');
    expect(rina.question().questionId).toBe('party.new');
    rina.press('Pihak luar: pemohon/masyarakat');
    expect(rina.question().questionId).toBe('process.input');
    expect(rina.world.organisation!.units.find((u) => u.name === 'Pemohon')?.kind).toBe('public');
    rina.say('Berkas permohonan');
    expect(rina.state.drafts[0]!.sipoc.inputs[0]!.party).toMatchObject({ name: 'Pemohon' });
  });
});

describe('first run: no organisation yet', () => {
  it('sets up the organisation, the unit and the person, then shows the menu', () => {
    const chat = newChat(null, null);
    expect(chat.question().questionId).toBe('setup.org_name');
    chat.say('Pemerintah Kabupaten Contoh');
    chat.say('Rina');
    chat.say('Bagian Perencanaan dan Keuangan');
    expect(chat.question().questionId).toBe('identify.position');
    chat.say('Kasubbag Perencanaan');
    expect(chat.question().questionId).toBe('menu');
    const org = chat.world.organisation!;
    expect(org.units.map((u) => [u.name, u.kind])).toEqual([
      ['Bagian Perencanaan dan Keuangan', 'unit'],
    ]);
    expect(org.people[0]).toMatchObject({
      name: 'Rina',
      position: 'Kasubbag Perencanaan',
      roles: ['respondent', 'coordinator', 'admin'],
    });
  });
});
