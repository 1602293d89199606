// Every outbound message of whole interviews fits what Telegram and WhatsApp accept.
import { describe, expect, it } from 'vitest';
import { LIMITS, type Outbound, splitText } from '../../core/interview/index.js';
import { newChat } from '../support/scenario.js';
import { renjaWorld, tellRenja } from '../support/renja.js';

const WHATSAPP_TEXT_MAX = 65_536;

function checkAll(said: Outbound[][]) {
  let n = 0;
  for (const turn of said)
    for (const o of turn) {
      n++;
      if (o.kind === 'text') {
        expect(o.text.length).toBeLessThanOrEqual(LIMITS.textMax);
        expect(o.text.length).toBeLessThanOrEqual(WHATSAPP_TEXT_MAX);
        expect(o.text.trim()).not.toBe('');
      }
      if (o.kind === 'question') {
        expect(o.text.length).toBeLessThanOrEqual(LIMITS.textMax);
        expect(o.choices.length).toBeLessThanOrEqual(LIMITS.choicesMax);
        for (const c of o.choices) {
          expect(c.label.length).toBeGreaterThan(0);
          expect(c.label.length).toBeLessThanOrEqual(LIMITS.choiceLabelMax);
        }
        // Telegram buttons carry "<rev>:<choice index>": always within 64 bytes.
        expect(Buffer.byteLength(`${o.rev}:${o.choices.length}`)).toBeLessThanOrEqual(
          LIMITS.callbackDataMax,
        );
      }
      if (o.kind === 'map') expect(o.caption.length).toBeLessThanOrEqual(LIMITS.captionMax);
    }
  return n;
}

describe('platform limits', () => {
  it('hold for every message of the Renja interview', () => {
    const { organisation, processes } = renjaWorld();
    const rina = newChat(organisation, 'rina', processes);
    tellRenja(rina);
    rina.say('/bantuan');
    rina.press('Sudah benar');
    expect(checkAll(rina.said)).toBeGreaterThan(40);
  });

  it('hold with the most steps one message may carry (200) and 200-character names', () => {
    const { organisation, processes } = renjaWorld();
    const rina = newChat(organisation, 'rina', processes);
    rina.say('Proses baru');
    rina.say('P'.repeat(200));
    for (const a of [
      '1',
      '/lewati',
      'Bappeda',
      'Surat',
      'tidak',
      'Hasil',
      'Bappeda',
      'tidak',
      '/lewati',
    ])
      rina.say(a);
    const lines = Array.from(
      { length: 200 },
      (_, i) => `Memeriksa berkas nomor ${i + 1} ${'x'.repeat(170)}`,
    );
    rina.say(lines.join('\n'));
    expect(rina.question().questionId).toBe('steps.confirm_split');
    rina.say('ya');
    rina.say('/ringkasan');
    const pieces = rina.said.at(-1)!.filter((o) => o.kind === 'text');
    expect(pieces.length).toBeGreaterThan(8);
    checkAll(rina.said);
  });

  it('splitText cuts at line ends and never splits a surrogate pair', () => {
    const text = Array.from({ length: 300 }, (_, i) => `${i} ${'😀'.repeat(10)} baris`).join('\n');
    const parts = splitText(text, 200);
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(200);
      expect(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/.test(p)).toBe(false);
    }
    expect(parts.join('\n')).toBe(text);
    const long = '😀'.repeat(300);
    const cut = splitText(long, 101);
    expect(cut.join('')).toBe(long);
    for (const p of cut) expect(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/.test(p)).toBe(false);
  });
});
