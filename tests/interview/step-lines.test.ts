// What a clerk can say about steps in fewer messages, and what the product keeps of it:
// step lines with performer, waktu and other SOP columns; joint performers; several outputs; how
// a path ends; steps pointed to before they exist; the waktu of all steps in one message.
import { describe, expect, it } from 'vitest';
import { numberedSteps, type EndNode, type Process } from '../../core/model/index.js';
import { renjaAtFirstStep } from '../support/renja.js';
import { type Chat } from '../support/scenario.js';

const atFirstStep = renjaAtFirstStep;

const draft = (c: Chat): Process => c.state.drafts[0]!;
const steps = (c: Chat) => (draft(c).flow ? numberedSteps(draft(c).flow!).map((s) => s.node) : []);
const ends = (c: Chat) => draft(c).flow!.nodes.filter((n): n is EndNode => n.kind === 'end');
const choiceLabels = (c: Chat) => c.question().choices.map((x) => x.label);

describe('a step line', () => {
  it('carries the performer and the waktu: no question for either', () => {
    const rina = atFirstStep();
    rina.say('terima surat edaran - Saya - 1 hari');
    expect(rina.question().questionId).toBe('step.kelengkapan');
    const [s1] = steps(rina);
    expect(s1).toMatchObject({
      name: 'Menerima surat edaran',
      performer: { unitId: 'bag-perencanaan', position: 'Kasubbag Perencanaan' },
      waktu: { value: 1, unit: 'hari' },
    });
  });

  it('may carry a whole SOP row: no further question about that step', () => {
    const rina = atFirstStep();
    rina.say(
      'Menyusun usulan - Kasubbag Kelembagaan (Bagian Organisasi) - 5 hari kerja - kelengkapan: Nota dinas, Renstra - output: Usulan program, Daftar kegiatan - keterangan: oleh setiap bagian',
    );
    expect(rina.question().questionId).toBe('activity.next');
    expect(steps(rina)[0]).toMatchObject({
      performer: { unitId: 'bag-organisasi', position: 'Kasubbag Kelembagaan' },
      kelengkapan: ['Nota dinas', 'Renstra'],
      waktu: { value: 5, unit: 'hari_kerja' },
      outputs: ['Usulan program', 'Daftar kegiatan'],
      keterangan: 'oleh setiap bagian',
    });
  });

  it('keeps a dash that does not name a performer or a time in the name', () => {
    const rina = atFirstStep();
    rina.say('Menerima berkas - KTP asli');
    expect(steps(rina)[0]!.name).toBe('Menerima berkas - KTP asli');
    expect(rina.question().questionId).toBe('step.performer');
  });

  it('names joint performers: the first is the lane, the others are kept', () => {
    const rina = atFirstStep();
    rina.say('Memeriksa SPJ - Kasubbag Perencanaan bersama Bendahara - 1 hari');
    expect(steps(rina)[0]).toMatchObject({
      performer: { unitId: 'bag-perencanaan', position: 'Kasubbag Perencanaan' },
      coPerformers: [{ unitId: 'bag-perencanaan', position: 'Bendahara' }],
    });
    const other = atFirstStep();
    other.say('Memverifikasi usulan');
    other.say('Verifikator / Kasubbag Kelembagaan');
    expect(steps(other)[0]).toMatchObject({
      performer: { unitId: 'bag-perencanaan', position: 'Verifikator' },
      coPerformers: [{ unitId: 'bag-organisasi', position: 'Kasubbag Kelembagaan' }],
    });
  });

  it('a performer named in the sentence goes to the performer, not the name', () => {
    const rina = atFirstStep();
    rina.say('tanda tangan Kasubbag Perencanaan');
    expect(steps(rina)[0]).toMatchObject({
      name: 'Menandatangani',
      performer: { unitId: 'bag-perencanaan', position: 'Kasubbag Perencanaan' },
    });
    expect(rina.lastText()).toContain('Pelaksana: Kasubbag Perencanaan');
    expect(rina.question().questionId).toBe('step.kelengkapan');
  });

  it('a bare number is not an activity: refused with an example, nothing kept', () => {
    const rina = atFirstStep();
    rina.say('3');
    expect(rina.lastText()).toContain('misalnya "Memeriksa kelengkapan berkas"');
    expect(steps(rina)).toEqual([]);
    expect(rina.question().questionId).toBe('activity.name');
  });
});

describe('the next step', () => {
  it('is typed at "what next"; its kelengkapan is the previous output, and the clerk is told', () => {
    const rina = atFirstStep();
    rina.say('Menerima surat edaran - Saya - 1 hari');
    rina.say('Surat edaran');
    rina.say('Disposisi');
    expect(rina.question().questionId).toBe('activity.next');
    rina.say('Meminta usulan - Saya');
    expect(rina.lastText()).toContain('Kelengkapan langkah 2: Disposisi (output langkah 1).');
    expect(rina.question().questionId).toBe('activity.output');
    expect(steps(rina)[1]!.kelengkapan).toEqual(['Disposisi']);
  });

  it('keeps several outputs as a list, and the output answer may correct the kelengkapan', () => {
    const rina = atFirstStep();
    rina.say('Menerima surat edaran - Saya');
    rina.say('Surat edaran');
    rina.say('Disposisi, Lembar kendali');
    rina.say('Meminta usulan - Saya');
    rina.say('Nota dinas - kelengkapan: Disposisi, Renstra');
    const [s1, s2] = steps(rina);
    expect(s1!.outputs).toEqual(['Disposisi', 'Lembar kendali']);
    expect(s2).toMatchObject({ kelengkapan: ['Disposisi', 'Renstra'], outputs: ['Nota dinas'] });
  });

  it('in another unit takes the previous output as the handoff document, and says so', () => {
    const rina = atFirstStep();
    rina.say('Meminta usulan - Saya - kelengkapan: Surat edaran - output: Nota dinas');
    rina.say('Menyusun usulan - Kasubbag Kelembagaan (Bagian Organisasi)');
    expect(rina.lastText()).toContain('Yang diserahkan ke Bag. Organisasi: Nota dinas.');
    const e = draft(rina).flow!.edges.find((x) => x.to === steps(rina)[1]!.id)!;
    expect(e.document).toBe('Nota dinas');
  });

  it('"Belum tahu jabatannya" keeps the unit and leaves the position open', () => {
    const rina = atFirstStep();
    rina.say('Menyusun usulan');
    rina.press('Belum tahu jabatannya');
    expect(rina.question().questionId).toBe('step.performer_unit');
    rina.say('Bagian Organisasi');
    rina.press('Belum tahu');
    expect(steps(rina)[0]!.performer).toEqual({ unitId: 'bag-organisasi', position: null });
  });
});

describe('how a path ends', () => {
  it('each outcome is its own end; the clerk may use own words', () => {
    const rina = atFirstStep();
    rina.say('Menerima berkas - Saya - kelengkapan: Surat - output: Berkas');
    rina.say('Berkas lengkap? - Saya');
    rina.say('lengkap / tidak lengkap / ditunda');
    rina.say('Memproses berkas - Saya - output: Surat balasan');
    // "tidak lengkap" suggests a rejection: offered first.
    expect(choiceLabels(rina)[1]).toBe('Berakhir: ditolak');
    rina.press('Berakhir: ditolak');
    rina.say('Berakhir: menunggu rapat pimpinan');
    expect(rina.lastText()).toContain('Alur ini berakhir: menunggu rapat pimpinan.');
    rina.press('Selesai');
    expect(ends(rina).map((e) => [e.outcome, e.label])).toEqual([
      ['ditolak', null],
      ['ditunda', 'menunggu rapat pimpinan'],
      ['selesai', null],
    ]);
    const d = steps(rina)[1]!;
    const exits = draft(rina).flow!.edges.filter((e) => e.from === d.id);
    expect(exits.map((e) => e.label)).toEqual(['lengkap', 'tidak lengkap', 'ditunda']);
  });
});

describe('a step pointed to before it exists', () => {
  it('by number: joined when that step is named', () => {
    const rina = atFirstStep();
    rina.say('Menerima surat - Saya - kelengkapan: Surat - output: Surat');
    rina.say('Surat penting? - Saya');
    rina.press('ya/tidak');
    rina.say('Mendisposisikan surat - Saya - output: Disposisi');
    rina.say('ke langkah 5');
    expect(rina.lastText()).toContain('Langkah 5 belum ditulis');
    rina.say('Menindaklanjuti disposisi - Saya - output: Tindak lanjut');
    rina.say('Mengarsipkan surat - Saya - output: Arsip');
    expect(rina.lastText()).toContain('Langkah 5 tersambung dari langkah 2 (tidak).');
    const s = steps(rina);
    expect(s[4]!.name).toBe('Mengarsipkan surat');
    const into5 = draft(rina).flow!.edges.filter((e) => e.to === s[4]!.id);
    expect(into5.map((e) => [e.from, e.label])).toEqual([
      [s[3]!.id, null],
      [s[1]!.id, 'tidak'],
    ]);
  });

  it('by name: a placeholder, described when the chain ends, in its place in the order', () => {
    const rina = atFirstStep();
    rina.say('Menerima surat - Saya - kelengkapan: Surat - output: Surat');
    rina.say('Surat penting? - Saya');
    rina.press('ya/tidak');
    rina.say('ke Mengarsipkan surat');
    expect(rina.lastText()).toContain('"Mengarsipkan surat" saya catat sebagai langkah');
    // the "tidak" exit, then the named step
    rina.say('Mendisposisikan surat - Saya - output: Disposisi');
    rina.say('ke Mengarsipkan surat');
    expect(rina.lastText()).toContain('Sekarang kita lengkapi "Mengarsipkan surat"');
    expect(rina.question().questionId).toBe('step.performer');
    rina.press('Saya');
    rina.say('Arsip');
    rina.press('Selesai');
    expect(steps(rina).map((s) => s.name)).toEqual([
      'Menerima surat',
      'Surat penting?',
      'Mendisposisikan surat',
      'Mengarsipkan surat',
    ]);
    expect(steps(rina).some((s) => s.placeholder)).toBe(false);
    const archive = steps(rina)[3]!;
    expect(draft(rina).flow!.edges.filter((e) => e.to === archive.id)).toHaveLength(2);
  });
});

describe('a placeholder reached by typing its name', () => {
  it('is filled, not made twice, and numbered only once described', () => {
    const rina = atFirstStep();
    rina.say('Menerima surat - Saya - kelengkapan: Surat - output: Surat');
    rina.say('Surat penting? - Saya');
    rina.press('ya/tidak');
    rina.say('ke Mengarsipkan surat');
    // Named, not yet described: it has no number, so the next step is step 3.
    expect(steps(rina)).toHaveLength(2);
    rina.say('Mendisposisikan surat - Saya - output: Disposisi');
    expect(rina.lastText()).toContain('Langkah 4: apa kegiatan sesudah langkah 3?');
    rina.say('Mengarsipkan surat - Saya - 10 menit');
    expect(steps(rina).map((s) => s.name)).toEqual([
      'Menerima surat',
      'Surat penting?',
      'Mendisposisikan surat',
      'Mengarsipkan surat',
    ]);
    expect(steps(rina)[3]!.waktu).toEqual({ value: 10, unit: 'menit' });
  });
});

describe('several steps in one message', () => {
  it('are said back with their names as written, and kept on "ya"', () => {
    const rina = atFirstStep();
    rina.say('terima berkas\nperiksa berkas');
    expect(rina.question().questionId).toBe('steps.confirm_split');
    expect(rina.lastText()).toContain(
      'Saya catat 2 langkah:\n1. Menerima berkas\n2. Memeriksa berkas\nBetul?',
    );
    rina.say('tidak');
    expect(steps(rina)).toEqual([]);
    expect(rina.question().questionId).toBe('activity.name');
    // One rule: only new lines make steps; ";" and commas stay in the name.
    rina.say('Menerima berkas; surat, dan lampiran');
    expect(steps(rina).map((s) => s.name)).toEqual(['Menerima berkas; surat, dan lampiran']);
  });
});

describe('the waktu of all steps', () => {
  function atWaktuList(): Chat {
    const rina = atFirstStep();
    rina.say('Menerima surat - Saya - kelengkapan: Surat - output: Surat');
    rina.say('Memeriksa surat - Saya - output: Catatan');
    rina.say('Rapat lengkap? - Saya');
    rina.press('ya/tidak');
    rina.press('Selesai');
    rina.press('Berakhir: ditolak');
    expect(rina.question().questionId).toBe('step.waktu_all');
    return rina;
  }

  it('is asked once, one line per step, decisions included', () => {
    const rina = atWaktuList();
    expect(rina.lastText()).toContain('1. Menerima surat\n2. Memeriksa surat\n3. Rapat lengkap?');
    rina.say('15 menit\n1,5 hari kerja\n-');
    expect(rina.lastText()).toContain('Waktu dicatat (1: 15 menit, 2: 1,5 hari kerja).');
    expect(steps(rina).map((s) => s.waktu)).toEqual([
      { value: 15, unit: 'menit' },
      { value: 1.5, unit: 'hari_kerja' },
      null,
    ]);
    expect(rina.question().questionId).toBe('review.confirm');
  });

  it('by number, and a reason instead of a time is kept as keterangan', () => {
    const rina = atWaktuList();
    rina.say('2: 1 hari\n3: tergantung jadwal rapat');
    expect(rina.lastText()).toContain('"tergantung jadwal rapat" saya catat sebagai keterangan');
    expect(steps(rina)[2]).toMatchObject({ waktu: null, keterangan: 'tergantung jadwal rapat' });
    expect(steps(rina)[1]!.waktu).toEqual({ value: 1, unit: 'hari' });
  });

  it('a wrong line is refused with an example and nothing is lost', () => {
    const rina = atWaktuList();
    rina.say('15 menit\nsecepatnya\n1 jam');
    expect(rina.lastText()).toContain('Baris 2');
    expect(rina.lastText()).toContain('misalnya "1 hari kerja"');
    expect(steps(rina).every((s) => s.waktu === null)).toBe(true);
    expect(rina.question().questionId).toBe('step.waktu_all');
  });
});
