// Roles hold in every coordination command: a person of another unit or another organisation who
// asks for what is not theirs gets a clear refusal in Indonesian, and nothing is changed.
import { describe, expect, it } from 'vitest';
import type { Outbound } from '../../core/interview/index.js';
import { DeskChat } from '../support/desk.js';
import { other, setda, suratMasuk } from './fixtures-org.js';

const texts = (out: Outbound[]) =>
  out.map((o) => ('text' in o ? o.text : 'caption' in o ? o.caption : '')).join('\n');

function chatOf(personId: string) {
  const org = personId === 'zaki' ? other : setda;
  const ps = personId === 'zaki' ? [] : [suratMasuk()];
  const c = new DeskChat(org, ps, personId);
  c.send({ kind: 'resume' });
  return c;
}

describe('a person asking for what is not theirs is refused', () => {
  const table: [string, string, RegExp][] = [
    ['ani', '/kampanye', /koordinator/i],
    ['heru', '/kampanye', /koordinator/i],
    ['ani', '/unit Bagian Keuangan', /Bagian Keuangan|unit Anda|koordinator/i],
    ['heru', '/ingatkan Bagian Keuangan', /Bagian Keuangan|koordinator/i],
    ['ani', '/relasi Bagian Keuangan', /Bagian Keuangan|koordinator/i],
    ['ani', '/level0', /koordinator/i],
    ['ani', '/pohon 01', /koordinator/i],
    ['joko', '/setujui 01', /Bagian Umum|koordinator/i],
    ['joko', '/kembalikan 01 Tidak jelas', /Bagian Umum|koordinator/i],
    ['heru', '/validasi 01', /koordinator/i],
    ['ani', '/sengketa', /koordinator/i],
    ['sari', '/versi 01', /Bagian Umum|koordinator/i],
    ['zaki', '/setujui 01', /Tidak ada proses dengan kode 01/],
    ['zaki', '/unit Bagian Keuangan', /tidak ditemukan/i],
    ['zaki', '/versi 01', /Tidak ada proses dengan kode 01/],
  ];
  it.each(table)('%s: %s', (who, command, reason) => {
    const c = chatOf(who);
    const before = structuredClone(c.world);
    const out = c.say(command);
    expect(c.refusals).toBe(1);
    expect(texts(out)).toMatch(reason);
    // The question is asked again and nothing changed.
    expect(out.at(-1)?.kind).toBe('question');
    expect(c.world).toEqual(before);
  });

  it('a clerk sees only their own unit in /progres; another organisation sees none of it', () => {
    const ani = texts(chatOf('ani').say('/progres'));
    expect(ani).toContain('Bagian Umum');
    expect(ani).not.toContain('Bagian Keuangan');
    const zaki = texts(chatOf('zaki').say('/progres'));
    expect(zaki).not.toMatch(/Keuangan|Perencanaan|Tagihan/);
  });

  it('a unit head is not shown another unit’s process to review', () => {
    expect(texts(chatOf('joko').say('/periksa'))).not.toContain('Pengelolaan Surat Tagihan');
    expect(texts(chatOf('heru').say('/periksa'))).toContain('Pengelolaan Surat Tagihan');
  });

  it('only the answering unit is asked about a handoff', () => {
    expect(texts(chatOf('ani').say('/serahterima'))).toContain('Tidak ada serah terima');
    const sari = chatOf('sari');
    sari.say('/serahterima');
    expect(sari.question().questionId).toBe('answer.handoff');
    expect(sari.question().text).toContain('Nota pembayaran');
  });
});
