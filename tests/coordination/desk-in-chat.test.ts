// The coordinator's desk in chat, as people see it (pure engine, in-memory organisation): a head
// approves or returns, a coordinator validates, an answering unit confirms or disputes a handoff
// and the coordinator settles it, a campaign is opened, a unit is reminded.
import { describe, expect, it } from 'vitest';
import { type Effect, type Outbound, questionnaire, step } from '../../core/interview/index.js';
import { DeskChat } from '../support/desk.js';
import { setda, suratMasuk } from './fixtures-org.js';
import type { Process } from '../../core/model/index.js';

const texts = (out: Outbound[]) =>
  out.map((o) => ('text' in o ? o.text : 'caption' in o ? o.caption : '')).join('\n');

function chat(personId: string, processes: Process[] = [suratMasuk()], x = {}) {
  const c = new DeskChat(setda, processes, personId, x);
  c.send({ kind: 'resume' });
  return c;
}

/** The effects one message causes, from a fresh engine step. */
function effectsOf(c: DeskChat, text: string): Effect[] {
  return step(questionnaire, c.state, { kind: 'text', text }, c.ctx(), {
    now: '2026-12-05T02:00:00.000Z',
    newId: () => 'x',
  }).effects;
}

describe('review in chat', () => {
  it('the unit head approves: recorded for the version seen, the clerk and coordinator told', () => {
    const heru = chat('heru');
    const effects = effectsOf(heru, '/setujui 01');
    expect(effects).toContainEqual(
      expect.objectContaining({ kind: 'review', review: 'approved', version: 3, personId: 'heru' }),
    );
    // Before any submission is recorded, the unit's clerks are the ones told.
    expect(effects).toContainEqual(
      expect.objectContaining({
        kind: 'deliver',
        personId: 'ani',
        input: expect.objectContaining({ event: 'approved', processId: 'p-surat' }),
      }),
    );
    expect(effects).toContainEqual(
      expect.objectContaining({
        kind: 'notify',
        personId: 'budi',
        message: expect.objectContaining({ id: expect.stringContaining('/validasi_01') }),
      }),
    );
    expect(texts(heru.say('/setujui_01'))).toContain('disetujui');
  });

  it('returning asks for the comment when none is given, then sends it with the map', () => {
    const heru = chat('heru');
    heru.say('/kembalikan 01');
    expect(heru.question().questionId).toBe('review.return_comment');
    const effects = effectsOf(heru, 'Langkah 2 harus oleh Kasubbag Umum');
    expect(effects).toContainEqual(
      expect.objectContaining({
        kind: 'review',
        review: 'returned',
        comment: 'Langkah 2 harus oleh Kasubbag Umum',
      }),
    );
    expect(effects).toContainEqual(
      expect.objectContaining({
        kind: 'deliver',
        personId: 'ani',
        input: expect.objectContaining({
          event: 'returned',
          comment: 'Langkah 2 harus oleh Kasubbag Umum',
        }),
      }),
    );
    heru.say('Langkah 2 harus oleh Kasubbag Umum');
    expect(heru.question().questionId).toBe('menu');
  });

  it('validation waits for the head’s approval, and locks the version', () => {
    const budi = chat('budi');
    expect(texts(budi.say('/validasi 01'))).toContain('belum disetujui kepala unit');
    const approved = chat('budi', [suratMasuk('approved')]);
    expect(texts(approved.say('/validasi 01'))).toContain('divalidasi dan dikunci');
    expect(texts(chat('budi', [suratMasuk('approved')]).say('/periksa'))).toContain('/validasi_01');
  });
});

describe('handoffs both units agree on', () => {
  it('the receiving unit sees its lane and confirms, naming its own process', () => {
    const keuProcess: Process = {
      ...suratMasuk('draft'),
      id: 'p-bayar',
      code: '02',
      name: 'Pembayaran Tagihan',
      ownerUnitId: 'keu',
      flow: null,
      sipoc: { inputs: [], outputs: [] },
    };
    const sari = chat('sari', [suratMasuk(), keuProcess]);
    sari.say('/serahterima');
    const q = sari.question();
    expect(q.text).toContain('"Nota pembayaran"');
    expect(q.text).toContain('Langkah unit Anda di peta ini:\n3. Membayar tagihan (Bendahara)');
    sari.press('Ya, benar');
    expect(sari.question().questionId).toBe('answer.process');
    const effects = step(
      questionnaire,
      sari.state,
      {
        kind: 'choice',
        questionId: 'answer.process',
        optionId: 'p-bayar',
        rev: sari.question().rev,
      },
      sari.ctx(),
      { now: '2026-12-05T02:00:00.000Z', newId: () => 'x' },
    ).effects;
    expect(effects[0]).toMatchObject({
      kind: 'answer-handoff',
      answer: 'confirmed',
      counterpartProcessId: 'p-bayar',
      personId: 'sari',
    });
  });

  it('a "no" goes to the sender and the coordinator with both sides’ words', () => {
    const sari = chat('sari');
    sari.say('/serahterima');
    sari.press('Tidak');
    expect(sari.question().questionId).toBe('answer.reason');
    const effects = effectsOf(sari, 'Nota itu kami terima dari Bagian Perencanaan');
    expect(effects).toContainEqual(
      expect.objectContaining({
        kind: 'answer-handoff',
        answer: 'disputed',
        note: 'Nota itu kami terima dari Bagian Perencanaan',
      }),
    );
    const toBudi = effects.find((e) => e.kind === 'notify' && e.personId === 'budi');
    expect(toBudi && 'message' in toBudi && toBudi.message.id).toMatch(
      /Pengelolaan Surat Tagihan.*Bagian Umum.*Nota itu kami terima dari Bagian Perencanaan.*\/sengketa/s,
    );
  });

  it('the coordinator settles a dispute, recorded with who, both units told', () => {
    const disputed = suratMasuk();
    // The edge a2 -> a3 (Umum to Keuangan), disputed by Sari.
    disputed.handoffConfirmations = [
      {
        key: 'edge:e2',
        state: 'disputed',
        byPersonId: 'sari',
        at: '2026-12-04T03:00:00.000Z',
        note: 'Bukan kami',
        fromUnitId: 'umum',
        toUnitId: 'keu',
        counterpartProcessId: null,
        counterpartName: null,
        settlement: null,
        settledByPersonId: null,
        settledAt: null,
      },
    ];
    const budi = chat('budi', [disputed]);
    budi.say('/sengketa');
    const q = budi.question();
    expect(q.questionId).toBe('dispute.settle');
    expect(q.text).toContain('Sari (Bendahara)');
    expect(q.text).toContain('"Bukan kami"');
    const effects = step(
      questionnaire,
      budi.state,
      { kind: 'choice', questionId: 'dispute.settle', optionId: 'upheld', rev: q.rev },
      budi.ctx(),
      { now: '2026-12-05T02:00:00.000Z', newId: () => 'x' },
    ).effects;
    expect(effects[0]).toMatchObject({
      kind: 'settle-handoff',
      settlement: 'upheld',
      personId: 'budi',
      key: 'edge:e2',
    });
    expect(
      effects
        .filter((e) => e.kind === 'deliver')
        .map((e) => 'personId' in e && e.personId)
        .sort(),
    ).toEqual(['ani', 'sari']);
  });
});

describe('a campaign opened in chat', () => {
  it('asks name, units and deadline, refusing a bad date with an example, then Level 0', () => {
    const budi = chat('budi', []);
    budi.say('/kampanye');
    expect(budi.question().questionId).toBe('campaign.name');
    budi.say('Pemetaan Proses Bisnis 2027');
    budi.say('Bagian Umum; Bagian Keuangan; Bagian Perencanaan');
    expect(budi.question().questionId).toBe('campaign.deadline');
    expect(texts(budi.say('akhir bulan'))).toContain('Contoh: 31 Januari 2027');
    const effects = effectsOf(budi, '31 Januari 2027');
    const created = effects.find((e) => e.kind === 'create-campaign');
    expect(created).toMatchObject({
      campaign: {
        name: 'Pemetaan Proses Bisnis 2027',
        unitIds: ['umum', 'keu', 'ren'],
        deadline: '2027-01-31',
      },
    });
    expect(effects.filter((e) => e.kind === 'notify').length).toBe(5);
    budi.say('31 Januari 2027');
    expect(budi.question().questionId).toBe('campaign.top_level');
    budi.press('Tulis sendiri');
    const list = effectsOf(budi, 'Inti: Pelayanan Perizinan; Pendukung: Pengelolaan Keuangan');
    expect(
      list.map(
        (e) => e.kind === 'save-process' && [e.process.code, e.process.name, e.process.category],
      ),
    ).toEqual([
      ['01', 'Pelayanan Perizinan', 'inti'],
      ['02', 'Pengelolaan Keuangan', 'pendukung'],
    ]);
  });
});

describe('reminders on demand', () => {
  it('reminds the unit’s joined people with something left, one a day, and says who was not', () => {
    const perencanaan: Process = {
      ...suratMasuk('draft'),
      id: 'p-ren',
      code: '03',
      name: 'Penyusunan Renja',
      ownerUnitId: 'ren',
      flow: null,
      sipoc: { inputs: [], outputs: [] },
    };
    const budi = chat('budi', [perencanaan]);
    const effects = effectsOf(budi, '/ingatkan Bagian Perencanaan');
    expect(effects).toEqual([
      expect.objectContaining({
        kind: 'deliver',
        personId: 'dedi',
        key: 'reminder:dedi:2026-12-05',
        input: expect.objectContaining({
          kind: 'reminder-due',
          left: { processes: 1, handoffs: 0 },
        }),
      }),
    ]);
    expect(texts(budi.say('/ingatkan Bagian Perencanaan'))).toContain(
      'Pengingat dikirim kepada 1 orang: Dedi',
    );
  });
});
