// The Renja example of the domain brief, told by Rina on her phone, ends in exactly that model.
import { describe, expect, it } from 'vitest';
import { renjaWorld, tellRenja } from '../support/renja.js';
import { canonical, newChat } from '../support/scenario.js';

describe('the Renja interview', () => {
  it('ends in exactly the model of the domain example, submitted', () => {
    const { organisation, processes, expected } = renjaWorld();
    const rina = newChat(organisation, 'rina', processes);
    expect(rina.question().questionId).toBe('menu');
    tellRenja(rina);
    expect(rina.question().questionId).toBe('review.confirm');
    rina.press('Sudah benar');
    expect(rina.lastText()).toContain('Terima kasih');
    const stored = rina.process('Penyusunan Rencana Kerja');
    expect(stored.status).toBe('submitted');
    expect(canonical(stored)).toEqual(canonical(expected));
    expect(rina.refusals).toBe(0);
  });

  it('shows a numbered summary, the map and the findings before asking for confirmation', () => {
    const { organisation, processes } = renjaWorld();
    const rina = newChat(organisation, 'rina', processes);
    tellRenja(rina);
    rina.say('/ringkasan');
    const text = rina.lastText();
    expect(text).toContain(
      '1. Menerima surat edaran penyusunan Renja — Kasubbag Perencanaan — Bag. Perencanaan dan Keuangan',
    );
    expect(text).toContain('6. ◇ Rancangan disetujui? — Sekretaris Daerah — Setda');
    expect(text).toContain('ya → 7, tidak → 4');
    expect(rina.said.at(-1)!.some((o) => o.kind === 'map')).toBe(true);
    expect(text).toMatch(/Perlu diperhatikan/);
  });
});
