// Correcting a decision's exits: where each leads, its name, adding and removing one.
import { describe, expect, it } from 'vitest';
import { numberedSteps, outgoing } from '../../core/model/index.js';
import type { Chat } from '../support/scenario.js';
import { renjaAtReview } from './edit-world.js';

/** Step 6 of the Renja process is the decision "Rancangan disetujui?" (ya → 7, tidak → 4). */
function exits(chat: Chat): [string | null, number | string][] {
  const flow = chat.state.drafts[0]!.flow!;
  const steps = numberedSteps(flow);
  return outgoing(flow, steps[5]!.node.id).map((e) => {
    const step = steps.find((s) => s.node.id === e.to);
    const end = flow.nodes.find((n) => n.id === e.to);
    return [e.label, step ? step.no : end?.kind === 'end' ? `end:${end.outcome}` : '?'];
  });
}

function atExits(): Chat {
  const rina = renjaAtReview();
  rina.say('/ubah 6');
  rina.press('Cabang');
  expect(rina.question().questionId).toBe('edit.exits');
  return rina;
}

describe('/ubah: the exits of a decision', () => {
  it('lists each exit with where it leads', () => {
    const rina = atExits();
    expect(rina.question().text).toContain(
      'Cabang langkah 6 "Rancangan disetujui?":\n1. ya → langkah 7 "Menandatangani Renja"\n2. tidak → langkah 4 "Merekap dan menyusun rancangan Renja"',
    );
    expect(rina.question().choices.map((c) => c.label)).toEqual([
      'ya → 7',
      'tidak → 4',
      'Tambah cabang',
      'Kembali ke menu ubah',
    ]);
  });

  it('sends one exit elsewhere, saying where it led and where it leads now', () => {
    const rina = atExits();
    rina.press('tidak → 4');
    rina.press('Ganti tujuan');
    expect(rina.question().text).toContain(
      'Sekarang: langkah 4 "Merekap dan menyusun rancangan Renja".',
    );
    // "tidak" most likely ends rejected: that end comes first.
    expect(rina.question().choices[0]!.label).toBe('Berakhir: ditolak');
    rina.say('5');
    expect(rina.lastText()).toContain(
      'Cabang "tidak" dari langkah 6 sekarang ke langkah 5 "Membahas rancangan Renja".',
    );
    expect(rina.question().questionId).toBe('edit.exits');
    expect(exits(rina)).toEqual([
      ['ya', 7],
      ['tidak', 5],
    ]);
  });

  it('renames an exit, refusing a name another exit has', () => {
    const rina = atExits();
    rina.press('ya → 7');
    rina.press('Ganti nama cabang');
    expect(rina.question().text).toContain('Sekarang: "ya".');
    rina.say('Tidak');
    expect(rina.lastText()).toContain('Cabang "tidak" sudah ada');
    rina.say('Disetujui');
    expect(rina.lastText()).toContain('Cabang "ya" dari langkah 6 sekarang bernama "disetujui".');
    expect(exits(rina)).toEqual([
      ['disetujui', 7],
      ['tidak', 4],
    ]);
  });

  it('adds an exit to an end, and removes one while at least two remain', () => {
    const rina = atExits();
    rina.press('Tambah cabang');
    rina.press('Berakhir: ditolak');
    expect(rina.question().questionId).toBe('edit.exit_label');
    rina.say('ditolak');
    expect(rina.lastText()).toContain('Cabang baru "ditolak" dari langkah 6 ke Berakhir: ditolak.');
    expect(exits(rina)).toEqual([
      ['ya', 7],
      ['tidak', 4],
      ['ditolak', 'end:ditolak'],
    ]);
    rina.press('tidak → 4');
    rina.press('Hapus cabang');
    expect(rina.lastText()).toContain('Cabang "tidak" dari langkah 6 dihapus.');
    expect(exits(rina)).toEqual([
      ['ya', 7],
      ['ditolak', 'end:ditolak'],
    ]);
    rina.press('ya → 7');
    rina.press('Hapus cabang');
    expect(rina.lastText()).toContain('Keputusan perlu paling sedikit dua cabang');
    expect(exits(rina)).toHaveLength(2);
  });

  it('retargets an exit to an end and drops the end nothing reaches any more', () => {
    const rina = atExits();
    rina.press('tidak → 4');
    rina.press('Ganti tujuan');
    rina.press('Berakhir: ditunda');
    const ends = () =>
      rina.state.drafts[0]!.flow!.nodes.flatMap((n) => (n.kind === 'end' ? [n.outcome] : []));
    expect(ends()).toEqual(['selesai', 'ditunda']);
    rina.press('tidak → Berakhir: ditunda');
    rina.press('Ganti tujuan');
    rina.say('4');
    expect(ends()).toEqual(['selesai']);
  });

  it('goes back to the edit menu, then to the review, without sending the map again', () => {
    const rina = atExits();
    rina.press('Kembali ke menu ubah');
    expect(rina.question().questionId).toBe('edit.menu');
    rina.press('Selesai mengubah');
    expect(rina.question().questionId).toBe('review.confirm');
    expect(rina.said.at(-1)!.some((o) => o.kind === 'map')).toBe(false);
  });
});
