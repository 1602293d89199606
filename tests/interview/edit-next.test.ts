// Correcting where a step goes: an activity's next step, picked by number or as an end.
import { describe, expect, it } from 'vitest';
import { numberedSteps, outgoing } from '../../core/model/index.js';
import type { Chat } from '../support/scenario.js';
import { renjaAtReview } from './edit-world.js';

function stepId(chat: Chat, no: number): string {
  const flow = chat.state.drafts[0]!.flow!;
  return numberedSteps(flow).find((s) => s.no === no)!.node.id;
}

function nextOf(chat: Chat, no: number) {
  const flow = chat.process('Penyusunan Rencana Kerja').flow!;
  return outgoing(flow, stepId(chat, no)).map((e) => {
    const to = flow.nodes.find((n) => n.id === e.to)!;
    const step = numberedSteps(flow).find((s) => s.node.id === e.to);
    return {
      to: step ? step.no : to.kind === 'end' ? `end:${to.outcome}` : to.kind,
      document: e.document,
    };
  });
}

describe('/ubah: the next step of an activity', () => {
  it('is offered in the edit menu, with where the step goes now', () => {
    const rina = renjaAtReview();
    rina.say('/ubah 2');
    rina.press('Langkah berikutnya');
    expect(rina.question().questionId).toBe('edit.next');
    expect(rina.question().text).toContain(
      'Sekarang sesudah langkah 2: langkah 3 "Menyusun usulan program bagian".',
    );
    expect(rina.question().choices.map((c) => c.label)).toEqual([
      'Selesai',
      'Berakhir: ditolak',
      'Berakhir: ditunda',
    ]);
  });

  it('goes to a step picked by number, replacing the old arrow; a document stays only across units', () => {
    const rina = renjaAtReview();
    expect(nextOf(rina, 2)).toEqual([{ to: 3, document: 'Nota dinas permintaan usulan' }]);
    rina.say('/ubah 2');
    rina.press('Langkah berikutnya');
    // Step 7 is the Sekretaris Daerah's (Setda): the handoff document goes with the arrow.
    rina.say('7');
    expect(rina.lastText()).toContain(
      'Langkah 2: sesudahnya langkah 7 "Menandatangani Renja" (diserahkan: Nota dinas permintaan usulan).',
    );
    expect(rina.question().questionId).toBe('edit.menu');
    rina.press('Selesai mengubah');
    expect(nextOf(rina, 2)).toEqual([{ to: 7, document: 'Nota dinas permintaan usulan' }]);
    // Step 5 is in the same unit as step 2: nothing is handed over.
    rina.say('/ubah 2');
    rina.press('Langkah berikutnya');
    rina.say('ke langkah 5');
    rina.press('Selesai mengubah');
    expect(nextOf(rina, 2)).toEqual([{ to: 5, document: null }]);
  });

  it('ends the process with the outcome picked; an end nothing reaches any more goes', () => {
    const rina = renjaAtReview();
    rina.say('/ubah 8');
    rina.press('Langkah berikutnya');
    rina.press('Berakhir: ditunda');
    expect(rina.lastText()).toContain('Langkah 8: sesudahnya Berakhir: ditunda.');
    rina.press('Selesai mengubah');
    expect(nextOf(rina, 8)).toEqual([{ to: 'end:ditunda', document: null }]);
    const ends = rina
      .process('Penyusunan Rencana Kerja')
      .flow!.nodes.filter((n) => n.kind === 'end');
    expect(ends.map((n) => n.kind === 'end' && n.outcome)).toEqual(['ditunda']);
  });

  it('takes an ending written in words', () => {
    const rina = renjaAtReview();
    rina.say('/ubah 8');
    rina.press('Langkah berikutnya');
    rina.say('Berakhir: berkas diarsipkan');
    expect(rina.lastText()).toContain('Langkah 8: sesudahnya Berakhir: berkas diarsipkan.');
    const flow = rina.state.drafts[0]!.flow!;
    const end = flow.nodes.find((n) => n.id === outgoing(flow, stepId(rina, 8))[0]!.to);
    expect(end).toMatchObject({ kind: 'end', outcome: 'lain', label: 'berkas diarsipkan' });
  });

  it('refuses what names no other step, with an example, and changes nothing', () => {
    const rina = renjaAtReview();
    rina.say('/ubah 2');
    rina.press('Langkah berikutnya');
    const before = JSON.stringify(rina.state.drafts);
    rina.say('langkah sembilan');
    expect(rina.lastText()).toContain('Ketik nomor langkah yang dituju, misalnya "4"');
    rina.say('99');
    expect(rina.lastText()).toContain('Tidak ada langkah 99. Nomor langkah: 1-8');
    rina.say('2');
    expect(rina.lastText()).toContain('tidak bisa menuju dirinya sendiri');
    expect(rina.refusals).toBe(3);
    expect(JSON.stringify(rina.state.drafts)).toBe(before);
    expect(rina.question().questionId).toBe('edit.next');
  });

  it('is not offered for a decision, whose exits are edited instead', () => {
    const rina = renjaAtReview();
    rina.say('/ubah 6');
    const labels = rina.question().choices.map((c) => c.label);
    expect(labels).toContain('Cabang');
    expect(labels).not.toContain('Langkah berikutnya');
  });
});
