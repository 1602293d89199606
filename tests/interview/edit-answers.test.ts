// A correction is answered with what it changed, not with the whole map again; the map comes when
// the review is reached, or when asked for (/peta, /ringkasan).
import { describe, expect, it } from 'vitest';
import { numberedSteps } from '../../core/model/index.js';
import type { Chat } from '../support/scenario.js';
import { renjaAtReview } from './edit-world.js';

/** Every map sent since message `from` (an index into chat.said). */
function mapsSince(chat: Chat, from: number): number {
  return chat.said
    .slice(from)
    .flat()
    .filter((o) => o.kind === 'map').length;
}

function texts(chat: Chat, from: number): string[] {
  return chat.said
    .slice(from)
    .flat()
    .flatMap((o) => (o.kind === 'text' ? [o.text] : []));
}

describe('an edit answers with the change', () => {
  it('shows the current value, says the new one, and goes back without the map', () => {
    const rina = renjaAtReview();
    expect(mapsSince(rina, rina.said.length - 1)).toBe(1);
    const from = rina.said.length;
    rina.say('/ubah 2');
    rina.press('Kelengkapan');
    expect(rina.lastText()).toContain('Sekarang: Disposisi.');
    rina.say('Surat permohonan, KTP');
    expect(rina.lastText()).toContain('Langkah 2: kelengkapan sekarang Surat permohonan, KTP.');
    expect(rina.question().questionId).toBe('edit.menu');
    rina.press('Waktu');
    expect(rina.lastText()).toContain('Sekarang: 1 hari.');
    rina.say('2 hari');
    expect(rina.lastText()).toContain('Langkah 2: waktu sekarang 2 hari.');
    rina.press('Pelaksana');
    expect(rina.lastText()).toContain(
      'Sekarang: Kasubbag Perencanaan — Bag. Perencanaan dan Keuangan.',
    );
    rina.say('/kembali');
    rina.press('Selesai mengubah');
    expect(rina.question().questionId).toBe('review.confirm');
    expect(mapsSince(rina, from)).toBe(0);
    expect(texts(rina, from).join('\n')).not.toMatch(/Perlu diperhatikan|Tidak ditemukan masalah/);
    const step2 = numberedSteps(rina.process('Penyusunan Rencana Kerja').flow!)[1]!.node;
    expect(step2.kelengkapan).toEqual(['Surat permohonan', 'KTP']);
    expect(step2.waktu).toEqual({ value: 2, unit: 'hari' });
  });

  it('keterangan shows what it was and what it is now', () => {
    const rina = renjaAtReview();
    rina.say('/ubah 3');
    rina.press('Keterangan');
    expect(rina.lastText()).toContain('Sekarang: Dilakukan oleh setiap bagian.');
    rina.say('Dilakukan oleh setiap bagian dalam 5 hari');
    expect(rina.lastText()).toContain(
      'Langkah 3: keterangan sekarang Dilakukan oleh setiap bagian dalam 5 hari.',
    );
  });

  it('/hapus, /pindah and /nama at the review say what they did, and send no map', () => {
    const rina = renjaAtReview();
    const from = rina.said.length;
    rina.say('/hapus 8');
    expect(rina.lastText()).toContain('Langkah 8 "Menyampaikan Renja ke Bappeda" dihapus');
    rina.say('/pindah 2 1');
    expect(rina.lastText()).toContain('Langkah 2 dipindahkan; sekarang menjadi langkah 1');
    rina.say('/nama Penyusunan Renja Setda');
    expect(rina.lastText()).toContain('Nama proses diganti menjadi "Penyusunan Renja Setda"');
    expect(rina.question().questionId).toBe('review.confirm');
    expect(mapsSince(rina, from)).toBe(0);
  });

  it('the map comes again only when asked for', () => {
    const rina = renjaAtReview();
    const edit = rina.said.length;
    rina.say('/ubah 1');
    rina.press('Selesai mengubah');
    expect(mapsSince(rina, edit)).toBe(0);
    const from = rina.said.length;
    rina.say('/peta');
    expect(mapsSince(rina, from)).toBe(1);
    expect(rina.lastText()).toContain('1. Menerima surat edaran penyusunan Renja');
  });

  it('an inserted step, once described, is named with its place, without the map', () => {
    const rina = renjaAtReview();
    const from = rina.said.length;
    rina.say('/sisip 2');
    rina.say('Mendisposisikan surat edaran');
    // Whatever the interview asks about the new step, in whatever order: answer briefly.
    for (let i = 0; i < 10 && rina.question().questionId !== 'review.confirm'; i++) {
      if (rina.question().questionId === 'step.performer') rina.press('Saya');
      else if (rina.question().optional) rina.say('/lewati');
      else rina.say('1 jam');
    }
    expect(rina.question().questionId).toBe('review.confirm');
    expect(rina.lastText()).toContain(
      'Langkah 2 "Mendisposisikan surat edaran" disisipkan, sebelum langkah 3 "Meminta usulan program dari setiap bagian".',
    );
    expect(mapsSince(rina, from)).toBe(0);
  });
});

describe('/urungkan says what it undid in words', () => {
  it('an answer of an edit: its part and step', () => {
    const rina = renjaAtReview();
    rina.say('/ubah 3');
    rina.press('Kelengkapan');
    rina.say('Nota dinas');
    rina.say('/urungkan');
    expect(rina.lastText()).toContain('Dibatalkan: jawaban kelengkapan langkah 3.');
    expect(rina.lastText()).not.toContain('step.kelengkapan');
    expect(numberedSteps(rina.state.drafts[0]!.flow!)[2]!.node.kelengkapan).toEqual([
      'Nota dinas',
      'Renstra',
    ]);
  });

  it('a deleted step, by its number and name', () => {
    const rina = renjaAtReview();
    rina.say('/hapus 2');
    rina.say('/urungkan');
    expect(rina.lastText()).toContain(
      'Dibatalkan: penghapusan langkah 2 "Meminta usulan program dari setiap bagian".',
    );
  });

  it('a new next step of an activity', () => {
    const rina = renjaAtReview();
    rina.say('/ubah 2');
    rina.press('Langkah berikutnya');
    rina.say('5');
    rina.say('/urungkan');
    expect(rina.lastText()).toContain('Dibatalkan: jawaban langkah sesudah langkah 2.');
  });
});

describe('/bantuan', () => {
  it('tells /kembali, /urungkan and /batal apart by what each does', () => {
    const rina = renjaAtReview();
    rina.say('/bantuan');
    const help = rina.lastText();
    expect(help).toContain('/kembali — kembali ke pertanyaan sebelumnya untuk menjawab ulang');
    expect(help).toContain('/urungkan — batalkan perubahan terakhir pada peta');
    expect(help).toContain(
      '/batal — tinggalkan yang sedang dikerjakan: keluar dari /ubah atau /sisip, atau kembali ke menu utama',
    );
  });
});
