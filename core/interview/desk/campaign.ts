// A coordinator opens a mapping round: its name, its units, its deadline; then the first stage of
// the seeds' exercise, the organisation's Level-0 list (inti / pendukung / manajemen), written by
// the coordinator or proposed by Probis from the units' inventories.
import { level0Text, proposeLevel0 } from '../../coordination/level0-proposal.js';
import { progressRows, progressText } from '../../coordination/progress.js';
import { findUnitByName } from '../../coordination/unit-detail.js';
import { parseDate } from '../../language/dates.js';
import { shortDate } from '../../coordination/calendar.js';
import { isExternalKind } from '../../model/organisation.js';
import { type Category, emptyProcess } from '../../model/process.js';
import { ask } from '../ops.js';
import { returnFromDetour } from '../pipeline.js';
import { type Applied, type Question, msg, valueOf } from '../questions/question.js';
import type { Effect } from '../types.js';
import type { View } from '../view.js';
import { refusal, seat } from './access.js';
import { peopleOf } from './people.js';
import type { Bilingual } from '../../language/bilingual.js';

/** /kampanye: the open campaign's progress, or a new campaign's first question. */
export function startCampaign(v: View): Applied {
  const st = seat(v);
  if ('refuse' in st) return st;
  const no = refusal(st, { kind: 'run-campaign' });
  if (no) return { refuse: no };
  const open = st.desk.campaigns[0];
  if (open) {
    const rows = progressRows(st.desk, open, v.env.now);
    return {
      notes: [
        { id: progressText(rows, open, 'id'), en: progressText(rows, open, 'en') },
        msg(
          'Satu kampanye sudah berjalan. Kemajuan: /progres · Pengingat: /ingatkan · Serah terima: /relasi · Level 0: /level0',
          'A campaign is running. Progress: /progres · Reminders: /ingatkan · Handoffs: /relasi · Level 0: /level0',
        ),
      ],
    };
  }
  v.state.work.returnTo.push({ ...v.cursor });
  v.state.work.desk = { ...v.state.work.desk, campaign: {} };
  ask(v, { q: 'campaign.name' });
  return {};
}

export const campaignName: Question = {
  id: 'campaign.name',
  answer: 'text',
  text: () => msg('Nama kampanye pemetaan ini?', 'Name of this mapping campaign?'),
  help: msg('Misalnya: "Pemetaan Proses Bisnis 2027".', 'E.g. "Pemetaan Proses Bisnis 2027".'),
  apply(v, a) {
    v.state.work.desk = { ...v.state.work.desk, campaign: { name: valueOf(a, 'text') } };
    ask(v, { q: 'campaign.units' });
    return {};
  },
};

/** The units a campaign may take: internal ones, but not a top unit that holds others (Setda). */
function internalUnits(v: View) {
  const units = v.units();
  return units.filter(
    (u) =>
      !isExternalKind(u.kind) && !(u.parentId === null && units.some((c) => c.parentId === u.id)),
  );
}

export const campaignUnits: Question = {
  id: 'campaign.units',
  answer: 'list',
  text: (v) =>
    msg(
      `Unit mana saja yang ikut? Tulis "semua" (${internalUnits(v).length} unit), atau nama unitnya, satu per baris.`,
      `Which units take part? Write "semua" (all ${internalUnits(v).length} units), or the units' names, one per line.`,
    ),
  help: msg(
    'Contoh:\nBagian Umum\nBagian Keuangan\nBagian Perencanaan',
    'Example:\nBagian Umum\nBagian Keuangan\nBagian Perencanaan',
  ),
  apply(v, a): Applied {
    const names = valueOf(a, 'list');
    const org = v.org()!;
    let ids: string[];
    if (names.length === 1 && /^(semua|all)$/i.test(names[0]!.trim()))
      ids = internalUnits(v).map((u) => u.id);
    else {
      ids = [];
      for (const n of names) {
        const found = findUnitByName(org, n).filter((u) => !isExternalKind(u.kind));
        if (found.length !== 1)
          return {
            refuse: msg(
              `"${n}" ${found.length ? 'cocok dengan beberapa unit' : 'tidak ada di daftar unit'}. Tulis nama unit persis, satu per baris, atau "semua".`,
              `"${n}" ${found.length ? 'matches several units' : 'is not a unit'}. Write the units' names, one per line, or "semua".`,
            ),
          };
        if (!ids.includes(found[0]!.id)) ids.push(found[0]!.id);
      }
    }
    if (!ids.length) return { refuse: msg('Belum ada unit.', 'No unit yet.') };
    v.state.work.desk = {
      ...v.state.work.desk,
      campaign: { ...v.state.work.desk?.campaign, unitIds: ids },
    };
    ask(v, { q: 'campaign.deadline' });
    return {};
  },
};

export const campaignDeadline: Question = {
  id: 'campaign.deadline',
  answer: 'text',
  text: () => msg('Tenggatnya tanggal berapa?', 'What is the deadline?'),
  help: msg(
    'Contoh: 31 Januari 2027, atau 31/01/2027.',
    'Example: 31 January 2027, or 31/01/2027.',
  ),
  apply(v, a) {
    const d = parseDate(valueOf(a, 'text'));
    if (!d.ok) return { refuse: d.reason };
    if (d.value < v.env.now.slice(0, 10))
      return {
        refuse: msg(
          'Tenggat itu sudah lewat. Tulis tanggal yang akan datang.',
          'That date is past. Write a future date.',
        ),
      };
    const st = seat(v);
    if ('refuse' in st) return st;
    const c = v.state.work.desk?.campaign ?? {};
    const unitIds = c.unitIds ?? [];
    const campaign = {
      id: v.env.newId(),
      organisationId: st.org.id,
      name: c.name ?? 'Kampanye',
      unitIds,
      deadline: d.value,
      remindAfterDays: 3,
      createdByPersonId: st.me.id,
      createdAt: v.env.now,
      closedAt: null,
    };
    const told = new Set<string>();
    const effects: Effect[] = [{ kind: 'create-campaign', campaign }];
    for (const u of unitIds)
      for (const p of peopleOf(st.org, u, st.me.id))
        if (!told.has(p.id)) {
          told.add(p.id);
          effects.push({
            kind: 'notify',
            personId: p.id,
            message: msg(
              `Kampanye "${campaign.name}" dimulai oleh ${st.me.name}. Mohon petakan proses unit Anda paling lambat ${shortDate(d.value, 'id')}. Ketik /menu untuk mulai.`,
              `Campaign "${campaign.name}" was opened by ${st.me.name}. Please map your unit's processes by ${shortDate(d.value, 'id')}. Type /menu to start.`,
            ),
          });
        }
    v.state.work.desk = { ...v.state.work.desk, campaign: undefined };
    ask(v, { q: 'campaign.top_level' });
    return {
      effects,
      notes: [
        msg(
          `Kampanye "${campaign.name}" dibuka untuk ${unitIds.length} unit, tenggat ${shortDate(d.value, 'id')}. ${told.size} orang diberi tahu (yang sudah bergabung).`,
          `Campaign "${campaign.name}" opened for ${unitIds.length} units, deadline ${shortDate(d.value, 'id')}. ${told.size} people told (those who joined).`,
        ),
      ],
    };
  },
};

export const campaignLevel0: Question = {
  id: 'campaign.top_level',
  answer: 'choice',
  text: (v) => {
    const top = (v.ctx.desk?.processes ?? []).filter((p) => p.parentId === null && !p.ownerUnitId);
    return msg(
      `Tahap pertama: daftar proses Level 0 (inti, pendukung, manajemen)${top.length ? `; sudah ada ${top.length}` : ''}. Bagaimana menyusunnya?`,
      `First stage: the Level-0 list (core, support, management)${top.length ? `; ${top.length} exist` : ''}. How shall we compose it?`,
    );
  },
  help: msg(
    '"Usulkan": Probis mengelompokkan proses yang sudah didaftar unit-unit (nama serupa digabung). "Tulis sendiri": satu proses per baris, misalnya "Inti: Pelayanan Perizinan".',
    '"Propose": Probis groups the processes the units listed (similar names merged). "Write it": one process per line, e.g. "Inti: Pelayanan Perizinan".',
  ),
  choices: () => [
    {
      id: 'propose',
      label: msg('Usulkan dari inventaris unit', "Propose from the units' inventories"),
    },
    { id: 'write', label: msg('Tulis sendiri', 'Write it myself') },
    { id: 'later', label: msg('Nanti', 'Later') },
  ],
  apply(v, a) {
    const c = valueOf(a, 'choice');
    if (c === 'write') {
      ask(v, { q: 'campaign.top_list' });
      return {};
    }
    if (c === 'later') {
      returnFromDetour(v);
      return {
        notes: [
          msg(
            'Daftar Level 0 bisa disusun nanti dengan /level0.',
            'The Level-0 list can be composed later with /level0.',
          ),
        ],
      };
    }
    const st = seat(v);
    if ('refuse' in st) return st;
    const proposals = proposeLevel0(st.org, st.desk.processes);
    if (!proposals.length) {
      ask(v, { q: 'campaign.top_list' });
      return {
        notes: [
          msg(
            'Unit-unit belum mendaftar proses; silakan tulis daftarnya.',
            'The units have listed no process yet; please write the list.',
          ),
        ],
      };
    }
    ask(v, { q: 'campaign.top_list' });
    const lines = proposals.map((p) => `${LABEL[p.category]}: ${p.name}`).join('\n');
    return {
      notes: [
        { id: level0Text(proposals, 'id'), en: level0Text(proposals, 'en') },
        msg(
          `Salin, ubah bila perlu, lalu kirim daftar ini:\n${lines}`,
          `Copy, change if needed, and send this list:\n${lines}`,
        ),
      ],
    };
  },
};

const LABEL: Record<Category, string> = {
  inti: 'Inti',
  pendukung: 'Pendukung',
  manajemen: 'Manajemen',
};
const CATEGORY_WORDS: Record<string, Category> = {
  inti: 'inti',
  utama: 'inti',
  core: 'inti',
  pendukung: 'pendukung',
  support: 'pendukung',
  manajemen: 'manajemen',
  lainnya: 'manajemen',
  management: 'manajemen',
};

/** "Inti: Pelayanan Perizinan" -> the category and the name, or why not. */
function parseLine(line: string): { category: Category; name: string } | Bilingual {
  const m = /^\s*([A-Za-z]+)\s*[:\-–]\s*(.+)$/.exec(line);
  const category = m ? CATEGORY_WORDS[m[1]!.toLowerCase()] : undefined;
  if (!m || !category)
    return {
      id: `Baris "${line}" tidak saya pahami. Tulis kategori lalu nama, misalnya "Inti: Pelayanan Perizinan" atau "Pendukung: Pengelolaan Kepegawaian".`,
      en: `I do not understand "${line}". Write the category then the name, e.g. "Inti: Pelayanan Perizinan".`,
    };
  return { category, name: m[2]!.trim() };
}

export const campaignLevel0List: Question = {
  id: 'campaign.top_list',
  answer: 'list',
  text: () =>
    msg(
      'Kirim daftar proses Level 0, satu per baris: kategori, titik dua, nama.',
      'Send the Level-0 list, one per line: category, colon, name.',
    ),
  help: msg(
    'Contoh:\nInti: Pelayanan Perizinan\nPendukung: Pengelolaan Keuangan\nManajemen: Perencanaan dan Evaluasi',
    'Example:\nInti: Pelayanan Perizinan\nPendukung: Pengelolaan Keuangan\nManajemen: Perencanaan dan Evaluasi',
  ),
  apply(v, a) {
    const st = seat(v);
    if ('refuse' in st) return st;
    const parsed = valueOf(a, 'list').map(parseLine);
    const bad = parsed.find((x): x is Bilingual => 'id' in x && 'en' in x);
    if (bad) return { refuse: bad };
    const items = parsed as { category: Category; name: string }[];
    const existing = new Set(
      st.desk.processes.filter((p) => p.parentId === null).map((p) => p.name.toLowerCase()),
    );
    const used = new Set(
      st.desk.processes.filter((p) => p.parentId === null).map((p) => Number(p.code)),
    );
    let code = 1;
    const effects: Effect[] = [];
    for (const it of items) {
      if (existing.has(it.name.toLowerCase())) continue;
      while (used.has(code)) code++;
      used.add(code);
      // A Level-0 process belongs to the organisation, not to a unit: units map their parts below.
      const process = emptyProcess({
        id: v.env.newId(),
        code: String(code).padStart(2, '0'),
        name: it.name,
        category: it.category,
        parentId: null,
        ownerUnitId: null,
      });
      effects.push({ kind: 'save-process', organisationId: st.org.id, process });
    }
    returnFromDetour(v);
    return {
      effects,
      notes: [
        msg(
          `${effects.length} proses Level 0 ditambahkan. Unit-unit memetakan bagiannya di bawahnya (pilih induk saat menambah proses). Peta Level 0: /level0`,
          `${effects.length} Level-0 processes added. Units map their parts under them (pick the parent when adding a process). Level-0 map: /level0`,
        ),
      ],
    };
  },
};
