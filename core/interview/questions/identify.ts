// Who is answering: used when the channel does not already know the person (the terminal, or an
// organisation being set up for the first time). Telegram and WhatsApp bind people by invitation.
import type { Person, Unit } from '../../model/organisation.js';
import { isExternalKind } from '../../model/organisation.js';
import { foldForMatch } from '../answers/choice.js';
import { ask } from '../ops.js';
import type { View } from '../view.js';
import { type ChoiceDef, type Question, msg, valueOf } from './question.js';
import { nearestUnits, positionOf } from '../answers/unit.js';
import { MAX_NAME } from '../answers/text.js';

export const setupOrgName: Question = {
  id: 'setup.org_name',
  answer: 'text',
  textMax: MAX_NAME,
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
  textMax: MAX_NAME,
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
  textMax: MAX_NAME,
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

/** Units at the top of the organisation (no parent inside it), not outside parties. */
function topUnits(v: View): Unit[] {
  const units = internalUnits(v);
  return units.filter((u) => !u.parentId || !units.some((p) => p.id === u.parentId));
}

/** Existing units nearest to the typed name, offered first ("did you mean ..."). */
function nearUnits(v: View): Unit[] {
  const name = v.state.work.newParty ?? '';
  return nearestUnits(name, v.units(), 3);
}

/** The typed name is a position ("Camat"): the unit it heads, when there is one. */
function positionUnit(v: View) {
  return positionOf(v.state.work.newParty ?? '', v.units());
}

/**
 * A typed name matched no unit: an existing unit after all (the nearest names first), a position
 * of a unit ("Camat" of "Kecamatan ..."), a new unit and where it sits, or an outside party.
 * Then the question that asked goes on with it.
 */
export const partyNew: Question = {
  id: 'party.new',
  answer: 'choice',
  text: (v) => {
    const name = v.state.work.newParty;
    const pos = positionUnit(v);
    if (pos)
      return msg(
        `"${name}" adalah jabatan, bukan unit. Maksud Anda jabatan ${pos.position} di ${pos.unit.name}? Atau pilih yang lain:`,
        `"${name}" is a position, not a unit. Do you mean the position ${pos.position} in ${pos.unit.name}? Or pick another:`,
      );
    return nearUnits(v).length
      ? msg(
          `"${name}" belum ada di daftar. Maksud Anda salah satu unit ini? Bila bukan, apa itu dan di mana letaknya?`,
          `"${name}" is not in the list yet. Do you mean one of these units? If not, what is it and where does it sit?`,
        )
      : msg(
          `"${name}" belum ada di daftar. Termasuk apakah "${name}", dan di mana letaknya?`,
          `"${name}" is not in the list yet. What is it, and where does it sit?`,
        );
  },
  help: msg(
    'Unit di instansi ini menjadi lajur sendiri dan ditempatkan di bawah unit induknya (misalnya Sekretariat Kecamatan di bawah Kecamatan); pihak luar (pemohon, masyarakat, instansi lain, sistem seperti OSS) juga menjadi lajur. Jabatan seperti Camat atau Kasi Pemerintahan bukan unit: pilih jabatannya. Pilih "Ketik ulang" bila salah tulis.',
    'A unit of this organisation gets its own lane and sits under its parent unit (e.g. Sekretariat Kecamatan under the Kecamatan); outside parties (applicants, the public, other agencies, systems such as OSS) get lanes too. Positions such as Camat are not units: pick the position. Pick "Retype" for a typo.',
  ),
  choices: (v) => {
    const out: ChoiceDef[] = [];
    const pos = positionUnit(v);
    if (pos)
      out.push({
        id: `pos:${pos.unit.id}`,
        label: msg(
          `Jabatan ${pos.position} di ${pos.unit.shortName ?? pos.unit.name}`,
          `Position ${pos.position} in ${pos.unit.shortName ?? pos.unit.name}`,
        ),
      });
    for (const u of nearUnits(v))
      if (u.id !== pos?.unit.id)
        out.push({ id: `near:${u.id}`, label: msg(`Maksud saya: ${u.name}`, `I mean: ${u.name}`) });
    const tops = topUnits(v).slice(0, 4);
    for (const t of tops)
      out.push({
        id: `under:${t.id}`,
        label: msg(
          `Unit baru di bawah ${t.shortName ?? t.name}`,
          `New unit under ${t.shortName ?? t.name}`,
        ),
      });
    out.push({
      id: 'unit',
      label: tops.length
        ? msg('Unit baru tingkat teratas', 'New top-level unit')
        : msg('Unit di instansi ini', 'A unit of this organisation'),
    });
    out.push(
      { id: 'agency', label: msg('Pihak luar: instansi/OPD lain', 'Outside: another agency') },
      { id: 'public', label: msg('Pihak luar: pemohon/masyarakat', 'Outside: applicant/public') },
      { id: 'system', label: msg('Pihak luar: sistem/aplikasi', 'Outside: a system/application') },
      { id: 'retype', label: msg('Ketik ulang', 'Retype') },
    );
    return out;
  },
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
    const existing = /^(near|pos):/.test(choice)
      ? v.unit(choice.slice(choice.indexOf(':') + 1))
      : undefined;
    if (existing) {
      ask(v, back);
      return {
        replay: { type: 'unit', value: existing },
        ...(choice.startsWith('pos:') ? { thenPosition: name } : {}),
      };
    }
    const organisationId = v.state.organisationId ?? v.org()?.id;
    if (!organisationId) throw new Error('party.new without organisation');
    const under = choice.startsWith('under:') ? choice.slice(6) : null;
    const internal = choice === 'unit' || under !== null;
    const unit: Unit = {
      id: v.env.newId(),
      name,
      kind: internal ? 'unit' : (choice as 'agency' | 'public' | 'system'),
      parentId: under,
      shortName: null,
    };
    // Known to the rest of this step at once; the caller stores it before the next one.
    v.addedUnits.push(unit);
    ask(v, back);
    const parent = under ? v.unit(under) : undefined;
    return {
      effects: [{ kind: 'add-unit', organisationId, unit }],
      replay: { type: 'unit', value: unit },
      ...(parent
        ? {
            notes: [
              msg(
                `"${name}" dicatat sebagai unit di bawah ${parent.name}.`,
                `"${name}" recorded as a unit under ${parent.name}.`,
              ),
            ],
          }
        : {}),
    };
  },
};
