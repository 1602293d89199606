// The main menu and the process inventory of a unit.
import { type Category, type Process, emptyProcess } from '../../model/process.js';
import { suggestProcessName } from '../../language/indonesian.js';
import { ask, nextCode } from '../ops.js';
import { T } from '../texts.js';
import { type Bilingual, textFor } from '../../language/bilingual.js';
import type { View } from '../view.js';
import { firstMissing } from './resume.js';
import { type Applied, type Question, msg, valueOf } from './question.js';
import { foldForMatch } from '../answers/choice.js';
import { MAX_NAME } from '../answers/text.js';

const CATEGORY_LABEL: Record<Category, Bilingual> = {
  inti: msg('Inti', 'Core'),
  pendukung: msg('Pendukung', 'Support'),
  manajemen: msg('Manajemen', 'Management'),
};

/** A new, empty draft process owned by the person's unit. */
function newProcess(v: View, p: Pick<Process, 'id' | 'code' | 'name' | 'category'>): Process {
  return emptyProcess({ ...p, parentId: null, ownerUnitId: v.person()?.unitId ?? null });
}

function orgId(v: View): string {
  const id = v.state.organisationId ?? v.org()?.id;
  if (!id) throw new Error('no organisation');
  return id;
}

function openDrafts(v: View): Process[] {
  return v.state.drafts.filter((d) => d.status === 'draft');
}

export const menu: Question = {
  id: 'menu',
  answer: 'choice',
  text: (v) => {
    const me = v.person();
    return me
      ? msg(
          `Selamat datang, ${me.name}. Proses apa yang ingin Anda petakan?`,
          `Welcome, ${me.name}. Which process would you like to map?`,
        )
      : msg('Proses apa yang ingin Anda petakan?', 'Which process would you like to map?');
  },
  help: msg(
    '"Proses baru": daftar proses unit Anda lalu petakan satu per satu. "Lanjutkan draf": teruskan yang belum selesai. "Peta unit saya": daftar proses unit Anda dan statusnya.',
    '"New process": list your unit\'s processes and map them one by one. "Continue a draft": carry on with an unfinished one. "My unit\'s map": your unit\'s processes and their status.',
  ),
  choices: (v) => [
    { id: 'new', label: msg('Proses baru', 'New process') },
    ...(openDrafts(v).length
      ? [{ id: 'continue', label: msg('Lanjutkan draf', 'Continue a draft') }]
      : []),
    { id: 'unit-map', label: msg('Peta unit saya', "My unit's map") },
  ],
  apply(v, a) {
    const c = valueOf(a, 'choice');
    if (c === 'new') {
      ask(v, { q: 'inventory.list' });
      return {};
    }
    if (c === 'continue') {
      const drafts = openDrafts(v);
      if (drafts.length === 1) return resumeDraft(v, drafts[0]!.id);
      ask(v, { q: 'menu.pick_draft' });
      return {};
    }
    ask(v, { q: 'menu' });
    return { notes: [unitProcessList(v)] };
  },
};

export function resumeDraft(v: View, pid: string): Applied {
  const w = v.state.work;
  w.pasted = [];
  w.branches = [];
  w.attach = undefined;
  w.preset = undefined;
  ask(v, firstMissing(v, pid));
  const d = v.draft(pid)!;
  return { notes: [msg(`Melanjutkan "${d.name}".`, `Continuing "${d.name}".`)] };
}

export const pickDraft: Question = {
  id: 'menu.pick_draft',
  answer: 'choice',
  text: () => msg('Draf mana yang dilanjutkan?', 'Which draft shall we continue?'),
  help: msg('Pilih salah satu draf proses Anda.', 'Pick one of your process drafts.'),
  choices: (v) =>
    openDrafts(v)
      .slice(0, 10)
      .map((d) => ({ id: d.id, label: `${d.code} ${d.name}`.slice(0, 60) })),
  apply: (v, a) => resumeDraft(v, valueOf(a, 'choice')),
};

const STATUS_LABEL: Record<Process['status'], Bilingual> = {
  draft: msg('draf', 'draft'),
  submitted: msg('dikirim', 'submitted'),
  approved: msg('disetujui', 'approved'),
  validated: msg('divalidasi', 'validated'),
  ratified: msg('ditetapkan', 'ratified'),
};

function unitProcessList(v: View): Bilingual {
  const unitId = v.person()?.unitId;
  const stored = v.ctx.processes.filter((p) => p.ownerUnitId === unitId);
  const all = new Map<string, Pick<Process, 'code' | 'name' | 'status'>>();
  for (const p of stored) all.set(p.id, p);
  for (const d of v.state.drafts) all.set(d.id, d);
  const rows = [...all.values()].sort((a, b) => a.code.localeCompare(b.code));
  if (!rows.length)
    return msg(
      'Unit Anda belum punya proses yang tercatat.',
      'Your unit has no recorded processes yet.',
    );
  const line = (lang: 'id' | 'en') =>
    rows.map((p) => `${p.code} ${p.name} — ${textFor(STATUS_LABEL[p.status], lang)}`).join('\n');
  return msg(
    `Proses unit ${v.unitName(unitId)}:\n${line('id')}`,
    `Processes of ${v.unitName(unitId)}:\n${line('en')}`,
  );
}

/** How many processes one inventory message may name (said in the question and the refusal). */
export const MAX_INVENTORY = 30;

type Named = Pick<Process, 'id' | 'code' | 'name' | 'status'>;

/** A draft of this chat with the same name (it can be continued here). */
function draftNamed(v: View, name: string): Named | null {
  const f = foldForMatch(name);
  return v.state.drafts.find((p) => p.status === 'draft' && foldForMatch(p.name) === f) ?? null;
}

/** A stored process of the person's unit with the same name (from another chat, or sent). */
function storedNamed(v: View, name: string): Named | null {
  const unitId = v.person()?.unitId;
  const f = foldForMatch(name);
  return (
    v.ctx.processes.find(
      (p) =>
        p.ownerUnitId === unitId &&
        !v.state.drafts.some((d) => d.id === p.id) &&
        foldForMatch(p.name) === f,
    ) ?? null
  );
}

function addToInventory(v: View, names: string[]): Applied {
  const notes: Bilingual[] = [];
  const ids: string[] = [];
  for (const raw of names) {
    const suggested = suggestProcessName(raw);
    const name = suggested ?? raw;
    if (suggested && suggested !== raw) notes.push(T.processNameSuggested(raw, suggested));
    const id = v.env.newId();
    ids.push(id);
    // Code '00' until the parent is known; category until the person says.
    v.state.drafts.push(newProcess(v, { id, code: '00', name, category: 'inti' }));
  }
  v.state.work.queue.push(...ids);
  notes.unshift(msg(`Saya catat ${ids.length} proses.`, `Noted ${ids.length} process(es).`));
  ask(v, { q: 'process.category', pid: ids[0]! });
  return { notes };
}

export const inventoryList: Question = {
  id: 'inventory.list',
  answer: 'list',
  maxItems: MAX_INVENTORY,
  text: () =>
    msg(
      `Sebutkan proses atau layanan yang dijalankan unit Anda. Boleh sekaligus, satu per baris (paling banyak ${MAX_INVENTORY}).\nContoh:\n1. Penyusunan Renja\n2. Pengelolaan surat masuk`,
      `Name the processes or services your unit runs. Several at once is fine, one per line (at most ${MAX_INVENTORY}).\nExample:\n1. Penyusunan Renja\n2. Pengelolaan surat masuk`,
    ),
  help: msg(
    'Proses adalah rangkaian kegiatan yang menghasilkan sesuatu, ditulis sebagai kata benda ("Penyusunan ...", "Pengelolaan ...", "Pelayanan ...").',
    'A process is a chain of activities that produces something, named as a noun ("Penyusunan ...", "Pengelolaan ...").',
  ),
  apply(v, a) {
    const names = valueOf(a, 'list');
    const fresh: string[] = [];
    const known: { name: string; p: Named }[] = [];
    const elsewhere: Named[] = [];
    const named = (f: (v: View, n: string) => Named | null, raw: string) =>
      f(v, raw) ?? f(v, suggestProcessName(raw) ?? raw);
    for (const raw of names) {
      const p = named(draftNamed, raw);
      if (p) known.push({ name: raw, p });
      else if (!fresh.some((f) => foldForMatch(f) === foldForMatch(raw))) {
        fresh.push(raw);
        const s = named(storedNamed, raw);
        if (s) elsewhere.push(s);
      }
    }
    // Only names of drafts here: the first is asked about (continue it, or a new one).
    if (!fresh.length) {
      const first = known[0]!;
      v.state.work.duplicate = { name: first.name, existingId: first.p.id };
      ask(v, { q: 'process.duplicate' });
      return {};
    }
    const r = addToInventory(v, fresh);
    if ('refuse' in r) return r;
    const list = (xs: Named[]) => xs.map((p) => `${p.code} ${p.name}`).join('; ');
    if (known.length)
      r.notes = [
        ...(r.notes ?? []),
        msg(
          `Sudah ada sebagai draf Anda, tidak saya buat dua kali: ${list(known.map((k) => k.p))}. Lanjutkan lewat menu "Lanjutkan draf".`,
          `Already your draft, not created twice: ${list(known.map((k) => k.p))}. Continue it from the menu, "Continue a draft".`,
        ),
      ];
    if (elsewhere.length)
      r.notes = [
        ...(r.notes ?? []),
        msg(
          `Catatan: unit Anda sudah punya proses dengan nama yang sama: ${list(elsewhere)}. Bila itu proses yang sama, ketik /menu dan jangan dipetakan dua kali.`,
          `Note: your unit already has a process of the same name: ${list(elsewhere)}. If it is the same process, type /menu rather than map it twice.`,
        ),
      ];
    return r;
  },
};

function duplicateOf(v: View) {
  const d = v.state.work.duplicate;
  if (!d) return null;
  const existing =
    v.state.drafts.find((p) => p.id === d.existingId) ??
    v.ctx.processes.find((p) => p.id === d.existingId);
  return existing ? { ...d, existing } : null;
}

/** The name typed is a process the unit already has: continue that one, or make another. */
export const processDuplicate: Question = {
  id: 'process.duplicate',
  answer: 'choice',
  text: (v) => {
    const d = duplicateOf(v);
    const label = d ? `${d.existing.code} ${d.existing.name}` : '';
    const status = d ? textFor(STATUS_LABEL[d.existing.status], 'id') : '';
    const statusEn = d ? textFor(STATUS_LABEL[d.existing.status], 'en') : '';
    return msg(
      `Unit Anda sudah punya proses "${label}" (${status}). Lanjutkan yang sudah ada, atau buat proses baru dengan nama yang sama?`,
      `Your unit already has the process "${label}" (${statusEn}). Continue that one, or make a new process with the same name?`,
    );
  },
  help: msg(
    'Dua proses dengan nama yang sama membingungkan peta unit. Lanjutkan yang sudah ada bila itu proses yang sama.',
    "Two processes with the same name confuse the unit's map. Continue the existing one if it is the same process.",
  ),
  choices: (v) => {
    const d = duplicateOf(v);
    const resumable =
      !!d && v.state.drafts.some((p) => p.id === d.existing.id && p.status === 'draft');
    return [
      ...(resumable ? [{ id: 'continue', label: msg('Lanjutkan yang ada', 'Continue it') }] : []),
      { id: 'new', label: msg('Buat baru tetap', 'Make a new one anyway') },
      { id: 'menu', label: msg('Kembali ke menu', 'Back to the menu') },
    ];
  },
  apply(v, a) {
    const c = valueOf(a, 'choice');
    const d = duplicateOf(v);
    v.state.work.duplicate = undefined;
    if (c === 'continue' && d) return resumeDraft(v, d.existing.id);
    if (c === 'new' && d) return addToInventory(v, [d.name]);
    ask(v, { q: 'menu' });
    return {};
  },
};

export const processCategory: Question = {
  id: 'process.category',
  answer: 'choice',
  text: (v) =>
    msg(
      `Termasuk jenis apa "${v.draft()!.name}"?\nInti: menghasilkan layanan atau keluaran utama. Pendukung: kepegawaian, keuangan, umum/aset. Manajemen: perencanaan, penganggaran, evaluasi.`,
      `What kind of process is "${v.draft()!.name}"?\nCore: produces the main services or outputs. Support: staffing, finance, general affairs. Management: planning, budgeting, evaluation.`,
    ),
  help: msg(
    'Inti: menghasilkan keluaran utama/layanan publik. Pendukung: kepegawaian, keuangan, umum/aset. Manajemen: perencanaan, penganggaran, evaluasi, pengarahan.',
    'Core: produces the main outputs/public services. Support: staffing, finance, general affairs. Management: planning, budgeting, evaluation, direction.',
  ),
  choices: () =>
    (['inti', 'pendukung', 'manajemen'] as const).map((c) => ({ id: c, label: CATEGORY_LABEL[c] })),
  apply(v, a) {
    const category = valueOf(a, 'choice') as Category;
    const p = v.draft()!;
    p.category = category;
    ask(v, { q: 'process.parent', pid: p.id });
    return {};
  },
};

/** Grouping processes (no flow) of the same category that a new process can sit under. */
function parentCandidates(v: View) {
  const cat = v.draft()!.category;
  const stored = v.ctx.processes.filter((p) => p.category === cat && !p.hasFlow);
  const seen = new Set<string>();
  return stored
    .filter((p) => !seen.has(p.id) && seen.add(p.id))
    .sort((a, b) => a.code.localeCompare(b.code));
}

export const processParent: Question = {
  id: 'process.parent',
  answer: 'choice',
  optional: () => true,
  textMax: MAX_NAME,
  text: (v) =>
    msg(
      `Apakah "${v.draft()!.name}" bagian dari kelompok proses yang lebih besar? Pilih, ketik nama kelompok baru, atau lewati bila tidak ada.`,
      `Is "${v.draft()!.name}" part of a larger process group? Pick one, type a new group name, or skip if none.`,
    ),
  help: msg(
    'Peta proses bisnis berjenjang: level 0 (kelompok besar) lalu sub-proses. Contoh: "Perencanaan dan Penganggaran" > "Penyusunan Renja".',
    'Process maps are tiered: level 0 (large groups), then sub-processes. E.g. "Perencanaan dan Penganggaran" > "Penyusunan Renja".',
  ),
  choices: (v) =>
    parentCandidates(v)
      .slice(0, 9)
      .map((p) => ({ id: p.id, label: `${p.code} ${p.name}`.slice(0, 60) })),
  free(v, text) {
    // A new group at the top level, with the category of the process.
    const group = newProcess(v, {
      id: v.env.newId(),
      code: nextCode(v, null),
      name: suggestProcessName(text) ?? text,
      category: v.draft()!.category,
    });
    // Stored at once (it has no flow to interview about); the next step sees it in the context.
    const placed = placeUnder(v, group.id, group.code);
    if (!('refuse' in placed))
      placed.effects = [{ kind: 'save-process', organisationId: orgId(v), process: group }];
    return placed;
  },
  apply(v, a) {
    const id = valueOf(a, 'choice');
    const parent = parentCandidates(v).find((p) => p.id === id)!;
    return placeUnder(v, parent.id, parent.code);
  },
  skip: (v) => placeUnder(v, null, null),
};

function placeUnder(v: View, parentId: string | null, parentCode: string | null): Applied {
  const p = v.draft()!;
  p.parentId = parentId;
  p.code = '00';
  p.code = nextCode(v, parentCode);
  const queue = v.state.work.queue;
  const next = queue[queue.indexOf(p.id) + 1];
  if (next && v.draft(next)?.code === '00') ask(v, { q: 'process.category', pid: next });
  else ask(v, { q: 'process.supplier', pid: queue[0] ?? p.id });
  return {
    notes: [msg(`Kode proses: ${p.code}.`, `Process code: ${p.code}.`)],
  };
}
