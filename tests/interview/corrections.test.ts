// Corrections at any time: back, skip, cancel, edit, insert, delete, move, rename, undo.
import { describe, expect, it } from 'vitest';
import { numberedSteps } from '../../core/model/index.js';
import { type Chat, newChat } from '../support/scenario.js';
import { renjaAtFirstStep, renjaWorld, tellRenja } from '../support/renja.js';

function stepNames(chat: Chat): string[] {
  const d = chat.state.drafts.find((p) => p.name === 'Penyusunan Rencana Kerja')!;
  return d.flow ? numberedSteps(d.flow).map((s) => s.node.name) : [];
}

/** Rina up to the first activity question of the Renja process. */
const atFirstStep = renjaAtFirstStep;

function reviewed(): Chat {
  const { organisation, processes } = renjaWorld();
  const rina = newChat(organisation, 'rina', processes);
  tellRenja(rina);
  expect(rina.question().questionId).toBe('review.confirm');
  return rina;
}

describe('corrections', () => {
  it('/kembali goes back one question and asks it again, keeping earlier answers', () => {
    const rina = atFirstStep();
    rina.say('Menerima surat edaran');
    expect(rina.question().questionId).toBe('step.performer');
    rina.say('/kembali');
    expect(rina.lastText()).toContain('kembali ke pertanyaan sebelumnya');
    expect(rina.question().questionId).toBe('activity.name');
    expect(rina.state.drafts[0]!.sipoc.inputs.map((i) => i.name)).toEqual(['Surat edaran']);
    expect(stepNames(rina)).toEqual([]);
  });

  it('"kembali" as a plain word works too, and an answer that merely contains it does not', () => {
    const rina = atFirstStep();
    rina.say('Mengembalikan berkas');
    expect(stepNames(rina)).toEqual(['Mengembalikan berkas']);
    rina.say('kembali');
    expect(stepNames(rina)).toEqual([]);
  });

  it('/lewati skips an optional question and refuses a required one', () => {
    const rina = atFirstStep();
    rina.say('/lewati');
    expect(rina.lastText()).toContain('wajib dijawab');
    expect(rina.question().questionId).toBe('activity.name');
    rina.say('Menerima surat edaran');
    rina.press('Saya');
    rina.say('/lewati'); // kelengkapan (waktu comes later, for all steps at once)
    expect(rina.question().questionId).toBe('activity.output');
    rina.press('Lewati');
    expect(rina.question().questionId).toBe('activity.next');
  });

  it('/ubah N edits a step and returns to where the person was', () => {
    const rina = reviewed();
    rina.say('/ubah 1');
    expect(rina.question().questionId).toBe('edit.menu');
    rina.press('Nama kegiatan');
    rina.say('Menerima dan mencatat surat edaran');
    rina.press('Waktu');
    rina.say('2 jam');
    rina.press('Selesai mengubah');
    expect(rina.question().questionId).toBe('review.confirm');
    const d = rina.process('Penyusunan Rencana Kerja');
    const first = numberedSteps(d.flow!)[0]!.node;
    expect(first.name).toBe('Menerima dan mencatat surat edaran');
    expect(first.waktu).toEqual({ value: 2, unit: 'jam' });
  });

  it('/batal inside an edit returns to the question before it', () => {
    const rina = reviewed();
    rina.say('ubah 2');
    rina.press('Pelaksana');
    rina.say('/batal');
    expect(rina.question().questionId).toBe('review.confirm');
  });

  it('/batal at a forward question goes to the menu and keeps the draft', () => {
    const rina = atFirstStep();
    rina.say('Menerima surat edaran');
    rina.say('/batal');
    expect(rina.question().questionId).toBe('menu');
    rina.press('Lanjutkan draf');
    expect(rina.lastText()).toContain('Melanjutkan "Penyusunan Rencana Kerja"');
  });

  it('/sisip N inserts a described step before N, joined into the flow', () => {
    const rina = reviewed();
    rina.say('/sisip 2');
    expect(rina.question().questionId).toBe('step.name');
    rina.say('Mendisposisikan surat edaran');
    rina.press('Saya');
    rina.say('/lewati');
    rina.say('1 jam');
    rina.say('Lembar disposisi');
    expect(rina.question().questionId).toBe('review.confirm');
    expect(stepNames(rina).slice(0, 3)).toEqual([
      'Menerima surat edaran penyusunan Renja',
      'Mendisposisikan surat edaran',
      'Meminta usulan program dari setiap bagian',
    ]);
    const d = rina.process('Penyusunan Rencana Kerja');
    const [s1, s2, s3] = numberedSteps(d.flow!).map((s) => s.node.id);
    expect(d.flow!.edges.some((e) => e.from === s1 && e.to === s2)).toBe(true);
    expect(d.flow!.edges.some((e) => e.from === s2 && e.to === s3)).toBe(true);
    expect(d.flow!.edges.some((e) => e.from === s1 && e.to === s3)).toBe(false);
  });

  it('/hapus N deletes a step and joins its neighbours; /urungkan brings it back', () => {
    const rina = reviewed();
    rina.say('/hapus 2');
    expect(rina.lastText()).toContain(
      'Langkah 2 "Meminta usulan program dari setiap bagian" dihapus',
    );
    expect(stepNames(rina)).not.toContain('Meminta usulan program dari setiap bagian');
    const d = rina.state.drafts.find((p) => p.name === 'Penyusunan Rencana Kerja')!;
    const [s1, s2] = numberedSteps(d.flow!).map((s) => s.node.id);
    expect(d.flow!.edges.some((e) => e.from === s1 && e.to === s2)).toBe(true);
    rina.say('/urungkan');
    expect(stepNames(rina)[1]).toBe('Meminta usulan program dari setiap bagian');
    expect(rina.process('Penyusunan Rencana Kerja').flow!.nodes).toHaveLength(
      d.flow!.nodes.length + 1,
    );
  });

  it('/pindah N M moves a step before step M, in the order and in the flow', () => {
    const rina = atFirstStep();
    rina.say('A satu\nMembuat dua\nMembuat tiga');
    expect(rina.question().questionId).toBe('steps.confirm_split');
    rina.say('ya');
    expect(rina.question().questionId).toBe('step.performer');
    rina.say('/pindah 3 1');
    expect(rina.lastText()).toContain('Langkah 3 dipindahkan; sekarang menjadi langkah 1');
    expect(stepNames(rina)).toEqual(['Membuat tiga', 'A satu', 'Membuat dua']);
  });

  it('/nama renames the process, with or without the new name in the command', () => {
    const rina = reviewed();
    rina.say('/nama Penyusunan Renja Setda');
    expect(rina.process('Penyusunan Renja Setda').name).toBe('Penyusunan Renja Setda');
    rina.say('/nama');
    expect(rina.question().questionId).toBe('process.rename');
    rina.say('Penyusunan Rencana Kerja Setda');
    expect(rina.question().questionId).toBe('review.confirm');
    expect(rina.lastText()).toContain(
      'Nama proses diganti menjadi "Penyusunan Rencana Kerja Setda"',
    );
  });

  it('/status, /bantuan and /bahasa answer without losing the question', () => {
    const rina = reviewed();
    rina.say('/status');
    expect(rina.lastText()).toContain(
      'Sedang memetakan: 03.01 Penyusunan Rencana Kerja (8 langkah)',
    );
    rina.say('/bantuan');
    expect(rina.lastText()).toContain('/ubah 3');
    rina.say('/bahasa');
    expect(rina.lastText()).toContain('Language switched to English.');
    expect(rina.question().text).toBe('Is this map right?');
    rina.say('/bahasa');
    expect(rina.question().text).toBe('Apakah peta ini sudah benar?');
    expect(rina.question().questionId).toBe('review.confirm');
  });

  it('a button from an earlier question is answered kindly and not applied', () => {
    const rina = atFirstStep();
    rina.say('Menerima surat edaran');
    const old = rina.question();
    rina.press('Saya');
    const before = JSON.stringify(rina.state.drafts);
    rina.send({
      kind: 'choice',
      questionId: old.questionId,
      optionId: old.choices[0]!.id,
      rev: old.rev,
    });
    expect(rina.lastText()).toContain('sudah tidak berlaku');
    expect(JSON.stringify(rina.state.drafts)).toBe(before);
  });

  it('a pasted list becomes steps in order, completed one by one; a line ending in ? is a decision', () => {
    const rina = atFirstStep();
    rina.say('1. terima berkas\n2. Berkas lengkap?\n3. periksa berkas\n4. tanda tangan surat izin');
    // Said back with the names as they will be written, before anything is kept.
    expect(rina.lastText()).toContain(
      'Saya catat 4 langkah:\n1. Menerima berkas\n2. Berkas lengkap?\n3. Memeriksa berkas\n4. Menandatangani surat izin\nBetul?',
    );
    expect(stepNames(rina)).toEqual([]);
    rina.say('ya');
    expect(stepNames(rina)).toEqual([
      'Menerima berkas',
      'Berkas lengkap?',
      'Memeriksa berkas',
      'Menandatangani surat izin',
    ]);
    rina.press('Saya'); // step 1: performer, kelengkapan, output
    rina.say('/lewati');
    rina.say('Berkas permohonan');
    rina.press('Saya'); // step 2, the decision: its kelengkapan is step 1's output
    expect(rina.question().questionId).toBe('decision.exits');
    rina.press('lengkap/tidak lengkap');
    expect(rina.question().questionId).toBe('decision.exit_target');
    rina.say('1');
    expect(rina.question().questionId).toBe('step.performer');
    const d = rina.state.drafts[0]!;
    const steps = numberedSteps(d.flow!).map((s) => s.node);
    const exits = d.flow!.edges.filter((e) => e.from === steps[1]!.id).map((e) => [e.label, e.to]);
    expect(exits).toEqual([
      ['lengkap', steps[2]!.id],
      ['tidak lengkap', steps[0]!.id],
    ]);
  });
});

describe('buttons known by position', () => {
  it('apply the choice shown at that position, and refuse a stale revision', () => {
    const rina = atFirstStep();
    rina.say('Menerima surat edaran');
    const q = rina.question();
    rina.send({ kind: 'button', rev: q.rev, index: 0 });
    expect(rina.question().questionId).toBe('step.kelengkapan');
    rina.send({ kind: 'button', rev: q.rev, index: 0 });
    expect(rina.lastText()).toContain('sudah tidak berlaku');
    rina.send({ kind: 'button', rev: rina.question().rev, index: 99 });
    expect(rina.lastText()).toContain('sudah tidak berlaku');
  });

  it('an edited message is not reread, and the person is told how to change an answer', () => {
    const rina = atFirstStep();
    rina.send({ kind: 'unsupported', what: 'edited' });
    expect(rina.lastText()).toContain('/kembali');
    expect(rina.question().questionId).toBe('activity.name');
  });
});

describe('/undang: a coordinator invites from the chat', () => {
  it('creates an invitation with a deep link for the picked person', () => {
    const { organisation, processes } = renjaWorld();
    const budi = newChat(organisation, 'budi', processes);
    budi.telegramBot = 'probis_test_bot';
    budi.say('/undang');
    expect(budi.question().questionId).toBe('invite.person');
    budi.press('Rina');
    expect(budi.lastText()).toMatch(
      /Undangan untuk Rina \(Kasubbag Perencanaan\), berlaku sampai 2026-11-30, sekali pakai:\nhttps:\/\/t\.me\/probis_test_bot\?start=[A-Za-z0-9_-]+/,
    );
    expect(budi.question().questionId).toBe('menu');
  });

  it('is refused to someone who is not a coordinator', () => {
    const { organisation, processes } = renjaWorld();
    const rina = newChat(organisation, 'rina', processes);
    rina.say('/undang');
    expect(rina.lastText()).toContain('hanya untuk koordinator');
    expect(rina.question().questionId).toBe('menu');
  });
});

describe('saving drafts as processes', () => {
  it('saves at milestones, not on every answer of a description, and loses nothing on /batal', () => {
    const rina = atFirstStep();
    const stored = () => rina.world.processes.find((p) => p.name === 'Penyusunan Rencana Kerja')!;
    const savedVersion = stored().version;
    rina.say('Menerima surat edaran');
    rina.press('Saya');
    rina.say('Surat edaran');
    expect(stored().version).toBe(savedVersion);
    rina.say('/batal');
    expect(rina.question().questionId).toBe('menu');
    const steps = numberedSteps(stored().flow!).map((s) => s.node);
    expect(steps.map((n) => [n.name, n.kelengkapan])).toEqual([
      ['Menerima surat edaran', ['Surat edaran']],
    ]);
  });
});
