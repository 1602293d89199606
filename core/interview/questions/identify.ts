// Who is answering: used when the channel does not already know the person (the terminal, or an
// organisation being set up for the first time). Telegram and WhatsApp bind people by invitation.
import type { Person, Unit } from '../../model/organisation.js';
import { isExternalKind } from '../../model/organisation.js';
import { foldForMatch } from '../answers/choice.js';
import { ask } from '../ops.js';
import type { View } from '../view.js';
import { type Question, msg, valueOf } from './question.js';

export const setupOrgName: Question = {
  id: 'setup.org_name',
  answer: 'text',
  text: () =>
    msg(
      'Selamat datang di Probis. Belum ada instansi yang terdaftar. Apa nama instansi Anda? (contoh: Pemerintah Kabupaten Sleman)',
      'Welcome to Probis. No organisation is registered yet. What is the name of your organisation? (e.g. Pemerintah Kabupaten Sleman)',
    ),
  help: msg(
    'Nama instansi dipakai pada judul peta proses bisnis. Bisa diubah nanti oleh admin.',
    'The organisation name heads the business process map. An admin can change it later.',
  ),
  apply(v, a) {
    const name = valueOf(a, 'text');
    const organisation = { id: v.env.newId(), name, codePrefix: null, units: [], people: [] };
    v.state.organisationId = organisation.id;
    ask(v, { q: 'identify.name' });
    return { effects: [{ kind: 'create-organisation', organisation }] };
  },
};

export const identifyName: Question = {
  id: 'identify.name',
  answer: 'text',
  text: (v) =>
    v.org()
      ? msg(
          `Selamat datang di Probis (${v.org()!.name}). Siapa nama Anda?`,
          `Welcome to Probis (${v.org()!.name}). What is your name?`,
        )
      : msg('Siapa nama Anda?', 'What is your name?'),
  help: msg(
    'Tulis nama lengkap Anda seperti di daftar pegawai.',
    'Write your full name as in the staff list.',
  ),
  apply(v, a) {
    const name = valueOf(a, 'text');
    const known = (v.org()?.people ?? []).filter(
      (p) => foldForMatch(p.name) === foldForMatch(name),
    );
    if (known.length === 1) {
      v.state.personId = known[0]!.id;
      v.state.lang = known[0]!.language;
      ask(v, { q: 'menu' });
      return { notes: [greeting(v, known[0]!)] };
    }
    v.state.work.reg.name = name;
    ask(v, { q: 'identify.unit' });
    return {};
  },
};

function greeting(v: View, p: Person) {
  const unit = v.unitName(p.unitId);
  return msg(
    `Anda terdaftar sebagai ${p.name} (${p.position}), ${unit}.`,
    `You are registered as ${p.name} (${p.position}), ${unit}.`,
  );
}

function internalUnits(v: View): Unit[] {
  return v.units().filter((u) => !isExternalKind(u.kind));
}

export const identifyUnit: Question = {
  id: 'identify.unit',
  answer: 'unit',
  allowNewUnit: true,
  text: (v) =>
    internalUnits(v).length
      ? msg(
          'Di unit mana Anda bekerja? Pilih, atau ketik nama unitnya.',
          'Which unit do you work in? Pick one, or type its name.',
        )
      : msg(
          'Di unit mana Anda bekerja? Ketik nama unitnya (contoh: Bagian Perencanaan dan Keuangan).',
          'Which unit do you work in? Type its name (e.g. Bagian Perencanaan dan Keuangan).',
        ),
  help: msg(
    'Unit adalah bagian, bidang, subbagian, seksi atau UPT tempat Anda bertugas.',
    'A unit is the bagian, bidang, subbagian, seksi or UPT where you work.',
  ),
  choices: (v) =>
    internalUnits(v)
      .slice(0, 10)
      .map((u) => ({ id: u.id, label: u.shortName ?? u.name })),
  apply(v, a) {
    const unit = valueOf(a, 'unit');
    v.state.work.pickedUnit = unit.id;
    ask(v, { q: 'identify.position' });
    return {};
  },
};

export const identifyPosition: Question = {
  id: 'identify.position',
  answer: 'text',
  text: () =>
    msg(
      'Apa jabatan Anda? (contoh: Kasubbag Perencanaan, Analis Kebijakan)',
      'What is your position? (e.g. Kasubbag Perencanaan)',
    ),
  help: msg(
    'Jabatan dipakai sebagai pelaksana kegiatan pada peta.',
    'The position is used as the performer of activities on the map.',
  ),
  apply(v, a) {
    const position = valueOf(a, 'text');
    const org = v.org();
    const organisationId = v.state.organisationId ?? org?.id;
    const unitId = v.state.work.pickedUnit;
    if (!organisationId || !unitId)
      throw new Error('identify.position without organisation or unit');
    const first = (org?.people.length ?? 0) === 0;
    const person: Person = {
      id: v.env.newId(),
      name: v.state.work.reg.name ?? '?',
      position,
      unitId,
      // The first person of a new organisation sets it up: coordinator and admin too.
      roles: first ? ['respondent', 'coordinator', 'admin'] : ['respondent'],
      nip: null,
      accounts: [],
      language: v.state.lang,
    };
    v.state.personId = person.id;
    v.state.work.reg = {};
    v.state.work.pickedUnit = undefined;
    ask(v, { q: 'menu' });
    return {
      effects: [{ kind: 'register-person', organisationId, person }],
      notes: [
        msg(
          `Terima kasih, ${person.name}. Anda terdaftar.`,
          `Thank you, ${person.name}. You are registered.`,
        ),
      ],
    };
  },
};

/** A typed name matched no unit: what is it? Then the question that asked goes on with it. */
export const partyNew: Question = {
  id: 'party.new',
  answer: 'choice',
  text: (v) =>
    msg(
      `"${v.state.work.newParty}" belum ada di daftar. Apa itu?`,
      `"${v.state.work.newParty}" is not in the list yet. What is it?`,
    ),
  help: msg(
    'Unit di instansi ini menjadi lajur sendiri; pihak luar (pemohon, masyarakat, instansi lain, sistem seperti OSS) juga. Pilih "Ketik ulang" bila salah tulis.',
    'A unit of this organisation gets its own lane; so do outside parties (applicants, the public, other agencies, systems such as OSS). Pick "Retype" for a typo.',
  ),
  choices: () => [
    { id: 'unit', label: msg('Unit di instansi ini', 'A unit of this organisation') },
    { id: 'agency', label: msg('Instansi/OPD lain', 'Another agency') },
    { id: 'public', label: msg('Pemohon/masyarakat', 'Applicant/public') },
    { id: 'system', label: msg('Sistem/aplikasi', 'A system/application') },
    { id: 'retype', label: msg('Ketik ulang', 'Retype') },
  ],
  apply(v, a) {
    const choice = valueOf(a, 'choice');
    const back = v.state.work.returnTo.pop();
    const name = v.state.work.newParty;
    v.state.work.newParty = undefined;
    if (!back || !name) throw new Error('party.new without a question to return to');
    if (choice === 'retype') {
      ask(v, back);
      return {};
    }
    const organisationId = v.state.organisationId ?? v.org()?.id;
    if (!organisationId) throw new Error('party.new without organisation');
    const unit: Unit = {
      id: v.env.newId(),
      name,
      kind: choice === 'unit' ? 'unit' : (choice as 'agency' | 'public' | 'system'),
      parentId: choice === 'unit' ? topUnitOf(v) : null,
      shortName: null,
    };
    // Known to the rest of this step at once; the caller stores it before the next one.
    v.addedUnits.push(unit);
    ask(v, back);
    return {
      effects: [{ kind: 'add-unit', organisationId, unit }],
      replay: { type: 'unit', value: unit },
    };
  },
};

function topUnitOf(v: View): string | null {
  const me = v.person();
  if (!me) return null;
  let u = v.unit(me.unitId);
  const seen = new Set<string>();
  while (u?.parentId && !seen.has(u.id)) {
    seen.add(u.id);
    u = v.unit(u.parentId);
  }
  return u?.id ?? null;
}
