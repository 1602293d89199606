// The SOP follow-up as the interview engine holds it (no storage: the details are kept here as
// the database would, from the effects): asked once of the owner unit, each answer an effect of
// its own that never saves the flow, /sop ubah changing one field, other units getting the file.
import { describe, expect, it } from 'vitest';
import {
  type Effect,
  type Outbound,
  applyEffects,
  questionnaire,
  readState,
  step,
} from '../../core/interview/index.js';
import { emptySopDetails, type SopDetails } from '../../core/sop/details.js';
import { applySopChange, parseSignatory, parseSopField, sopField } from '../../core/sop/fields.js';
import { type Chat, newChat } from '../support/scenario.js';
import { renjaWorld, tellRenja } from '../support/renja.js';

/** Rina at the review of her Renja process, and the SOP details as storage would keep them. */
function atReview() {
  const { organisation, processes } = renjaWorld();
  const chat = newChat(organisation, 'rina', processes);
  tellRenja(chat);
  const pid = chat.process('Penyusunan Rencana Kerja').id;
  return { chat, pid, store: { details: null as SopDetails | null }, effects: [] as Effect[] };
}

type World = ReturnType<typeof atReview>;

/** One message with the SOP context loaded, as the service does; the effects applied. */
function send(w: World, text: string, chat: Chat = w.chat): Outbound[] {
  const ctx = {
    ...chat.ctx(),
    sop: { processId: w.pid, details: w.store.details, legalBasis: ['Permendagri 86/2017'] },
  };
  const r = step(questionnaire, chat.state, { kind: 'text', text }, ctx, {
    now: '2026-12-05T03:00:00.000Z',
    newId: () => 'x',
  });
  chat.world = applyEffects(chat.world, r.effects);
  chat.state = readState(JSON.parse(JSON.stringify(r.state)), questionnaire);
  chat.said.push(r.outbound);
  w.effects.push(...r.effects);
  for (const e of r.effects)
    if (e.kind === 'change-sop-details')
      w.store.details = applySopChange(
        w.store.details ?? emptySopDetails(e.processId),
        e.change,
        e.today,
      );
  return r.outbound;
}

const texts = (out: Outbound[]) => out.flatMap((o) => ('text' in o ? [o.text] : []));
const files = (out: Outbound[]) => out.filter((o) => o.kind === 'file');

describe('the SOP follow-up', () => {
  it('is asked once, saves each answer apart from the flow, and ends with the PDF and the way back', () => {
    const w = atReview();
    const out = send(w, '/sop');
    expect(texts(out)[0]).toContain('8 pertanyaan singkat');
    expect(w.chat.question().questionId).toBe('sop.nomor');
    send(w, '800/12/SOP/2027');
    expect(w.store.details).toMatchObject({
      nomor: '800/12/SOP/2027',
      tanggalPembuatan: '2026-12-05',
    });
    send(w, '2027-01-02');
    send(w, 'Kepala Bagian Perencanaan');
    expect(w.chat.question().text).toContain(
      'Yang sudah tercatat dari wawancara: Permendagri 86/2017. Ada tambahan?',
    );
    send(w, 'Perda 5/2020');
    for (const a of ['-', 'lewati', '-']) send(w, a);
    const end = send(w, 'Buku agenda\nArsip digital');
    expect(files(end)).toEqual([
      expect.objectContaining({ what: 'sop-pdf', processId: w.pid, paper: 'a4' }),
    ]);
    expect(texts(end)).toContain('Rincian SOP tersimpan. Berkasnya segera dikirim.');
    expect(w.chat.question().questionId).toBe('review.confirm');
    expect(w.store.details).toMatchObject({
      tanggalEfektif: '2027-01-02',
      disahkanOleh: { jabatan: 'Kepala Bagian Perencanaan', nama: null, nip: null },
      dasarHukum: ['Perda 5/2020'],
      kualifikasi: [],
      pencatatan: ['Buku agenda', 'Arsip digital'],
    });
    // Never a flow save: the details are not the map.
    expect(w.effects.filter((e) => e.kind === 'save-process')).toEqual([]);

    // Given once: /sop docx and /sop f4 only send files, the review still waiting.
    expect(files(send(w, '/sop docx'))).toEqual([
      expect.objectContaining({ what: 'sop-docx', processId: w.pid }),
    ]);
    expect(files(send(w, '/sop f4'))[0]).toMatchObject({ what: 'sop-pdf', paper: 'f4' });
    expect(w.chat.question().questionId).toBe('review.confirm');
  });

  it('/sop ubah shows the values numbered and changes the one picked, keeping the others', () => {
    const w = atReview();
    send(w, '/sop');
    send(w, '800/12/SOP/2027');
    for (let i = 0; i < 7; i++) send(w, '-');
    const kept = structuredClone(w.store.details);
    send(w, '/sop ubah');
    expect(w.chat.question().questionId).toBe('sop.edit');
    expect(w.chat.question().text).toContain('1. Nomor SOP: 800/12/SOP/2027');
    expect(w.chat.question().text).toContain('Dasar hukum proses: Permendagri 86/2017');
    send(w, '8');
    expect(w.chat.question().questionId).toBe('sop.peralatan');
    const done = send(w, 'Komputer; Printer; ATK');
    expect(w.store.details).toEqual({ ...kept, peralatan: ['Komputer', 'Printer', 'ATK'] });
    expect(files(done)).toHaveLength(1);
    expect(w.chat.question().questionId).toBe('review.confirm');
    // /batal leaves the menu with nothing changed.
    send(w, '/sop ubah');
    send(w, '/batal');
    expect(w.chat.question().questionId).toBe('review.confirm');
  });

  it('refuses a wrong date with an example, and keeps the jabatan and nama of a wrong NIP', () => {
    const w = atReview();
    send(w, '/sop');
    send(w, '-');
    const bad = send(w, '31 Februari 2027');
    expect(texts(bad)[0]).toBe(
      'Tanggal itu tidak saya kenali. Contoh: 2 Januari 2027 atau 2027-01-02',
    );
    expect(w.chat.question().questionId).toBe('sop.efektif');
    send(w, '1 Maret 2027');
    send(w, 'Sekretaris Daerah; Drs. Budi; 1234');
    expect(w.store.details?.disahkanOleh).toEqual({
      jabatan: 'Sekretaris Daerah',
      nama: 'Drs. Budi',
      nip: null,
    });
    expect(w.chat.question().questionId).toBe('sop.pengesah');
    send(w, '19700101 199003 1 002');
    expect(w.store.details?.disahkanOleh).toEqual({
      jabatan: 'Sekretaris Daerah',
      nama: 'Drs. Budi',
      nip: '197001011990031002',
    });
    expect(w.chat.question().questionId).toBe('sop.dasar_hukum');
  });

  it('gives a person of another unit the file only, and a coordinator may change the details', () => {
    const w = atReview();
    const { organisation } = renjaWorld();
    const sari = newChat(
      {
        ...organisation,
        people: [
          ...organisation.people,
          {
            ...organisation.people[0]!,
            id: 'sari',
            name: 'Sari',
            unitId: 'bag-organisasi',
            roles: ['respondent'],
          },
        ],
      },
      'sari',
      w.chat.world.processes,
    );
    const out = send(w, '/sop ubah 03.01', sari);
    expect(texts(out)[0]).toContain(
      'diisi oleh unit pemilik proses (Bag. Perencanaan dan Keuangan)',
    );
    expect(files(out)[0]!.caption).not.toContain('/sop ubah');
    expect(sari.question().questionId).toBe('menu');
    expect(w.effects.filter((e) => e.kind === 'change-sop-details')).toEqual([]);

    const budi = newChat(organisation, 'budi', w.chat.world.processes);
    send(w, '/sop 03.01', budi);
    expect(budi.question().questionId).toBe('sop.nomor');
  });

  it('explains a wrong /sop word and a process with no steps, with examples', () => {
    const w = atReview();
    expect(texts(send(w, '/sop xlsx'))[0]).toBe(
      '"/sop xlsx" tidak saya kenali. Contoh: /sop, /sop docx, /sop f4, /sop ubah, atau /sop 03.01 untuk proses lain.',
    );
    expect(texts(send(w, '/sop 99.99'))[0]).toBe(
      'Tidak ada proses dengan kode 99.99. Contoh: /sop 03.01',
    );
    expect(texts(send(w, '/sop 03'))[0]).toContain('proses ini belum punya langkah');
  });
});

describe('the SOP field parsers (shared by the chat and probis sop --set)', () => {
  it('read a signatory in one line, the NIP optional and grouped as people write it', () => {
    expect(
      parseSignatory('Sekretaris Daerah; Drs. Budi Santoso; 19700101 199003 1 002', null),
    ).toEqual({
      ok: true,
      change: {
        disahkanOleh: {
          jabatan: 'Sekretaris Daerah',
          nama: 'Drs. Budi Santoso',
          nip: '197001011990031002',
        },
      },
    });
    expect(parseSignatory('Sekretaris Daerah; 19700101.199003.1.002', null)).toMatchObject({
      ok: true,
      change: { disahkanOleh: { nama: null, nip: '197001011990031002' } },
    });
    expect(parseSignatory('19700101 199003 1 002', null).ok).toBe(false);
    expect(parseSignatory('; Budi', null).ok).toBe(false);
    expect(parseSignatory('Sekretaris Daerah; ; 19700101 199003 1 002', null)).toMatchObject({
      ok: true,
      change: { disahkanOleh: { nama: null, nip: '197001011990031002' } },
    });
  });

  it('read dates as typed in Indonesian and lists one per line or separated by ";"', () => {
    const d = emptySopDetails('p');
    expect(parseSopField(sopField('tanggalEfektif'), '2 Januari 2027', d)).toEqual({
      ok: true,
      change: { tanggalEfektif: '2027-01-02' },
    });
    expect(parseSopField(sopField('peralatan'), 'Komputer; Printer', d)).toEqual({
      ok: true,
      change: { peralatan: ['Komputer', 'Printer'] },
    });
    expect(parseSopField(sopField('nomor'), '///', d).ok).toBe(false);
  });
});
