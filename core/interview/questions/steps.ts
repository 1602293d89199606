// Describing steps: the step line (name, performer, waktu), kelengkapan, output, what next, and
// the waktu of all steps at once. See pipeline.ts for the order.
import { rewriteStep } from '../../language/indonesian.js';
import {
  appendNode,
  connect,
  orderExits,
  stepByNo,
  stepNo,
  updateStep,
} from '../../model/flow-edit.js';
import type { Duration, Performer, StepNode } from '../../model/process.js';
import { isStep } from '../../model/process.js';
import { parseDuration, formatDuration } from '../answers/duration.js';
import { foldForMatch } from '../answers/choice.js';
import { parseList } from '../answers/text.js';
import { ask, editDraft, ensureFlow, localId } from '../ops.js';
import { closeChain, continueStep } from '../pipeline.js';
import { resolvePerformers, splitStepLine } from '../step-line.js';
import { T } from '../texts.js';
import type { Bilingual } from '../../language/bilingual.js';
import type { View } from '../view.js';
import {
  connectToEnd,
  endChoices,
  endingWords,
  isEndChoice,
  END_CHOICES,
  parseEnding,
} from './ends.js';
import { type Applied, type Question, msg, valueOf } from './question.js';

const MAX_PASTE = 200;

/**
 * One step as the clerk gave it: its name, who performs it (as typed), how long it takes, and
 * any other column the line named.
 */
export type StepSpec = {
  name: string;
  performer: string | null;
  waktu: Duration | null;
  kelengkapan?: string[];
  outputs?: string[];
  document?: string;
  keterangan?: string;
};

/** Reads typed step lines: "Memeriksa berkas - Petugas loket - 30 menit", names in active voice. */
export function stepSpecs(v: View, lines: string[]): StepSpec[] {
  return lines.map((raw) => {
    const line = splitStepLine(raw, v);
    const decision = line.name.trim().endsWith('?');
    // "tanda tangan Camat": the verb is the step, Camat its performer (unless the line names one).
    const rewrite = decision ? null : rewriteStep(line.name);
    const name = decision ? tidyDecision(line.name) : rewrite!.name;
    const { performerText, name: _, ...rest } = line;
    return { ...rest, name, performer: performerText ?? rewrite?.performerHint ?? null };
  });
}

/** "rancangan disetujui?" -> "Rancangan disetujui?" (one question mark, capital first letter). */
export function tidyDecision(name: string): string {
  const s = name.trim().replace(/\?+$/, '').trim();
  return `${s.charAt(0).toUpperCase()}${s.slice(1)}?`;
}

/** A step name must say what is done: a bare number or symbol is not one. */
function badStepName(name: string): Bilingual | null {
  if (/^[\d\s.,:;()/-]+$/.test(name))
    return msg(
      `"${name}" belum berupa kegiatan. Tulis kegiatannya dengan kata kerja, misalnya "Memeriksa kelengkapan berkas".`,
      `"${name}" is not an activity. Write it with a verb, e.g. "Memeriksa kelengkapan berkas".`,
    );
  return null;
}

/** Adds steps named by the person, wired in where `work.attach` says; several are chained. */
export function addSteps(v: View, specs: StepSpec[]): { first: string; notes: Bilingual[] } {
  const pid = v.cursor.pid!;
  ensureFlow(v, pid);
  const w = v.state.work;
  const notes: Bilingual[] = [];
  const attach = w.attach ?? defaultAttach(v);
  w.attach = undefined;
  const ids: string[] = [];
  editDraft(
    v,
    (p) => {
      let flow = p.flow!;
      let prev: string | null = null;
      for (const [i, spec] of specs.entries()) {
        const kind = spec.name.trim().endsWith('?') ? 'decision' : 'activity';
        const performers: Performer[] =
          (spec.performer ? resolvePerformers(v, spec.performer) : null) ??
          (i === 0 && w.preset ? [{ unitId: w.preset.unitId, position: w.preset.position }] : []);
        const id = localId(v, kind === 'decision' ? 'd' : 'a');
        const node: StepNode = {
          kind,
          id,
          name: spec.name,
          performer: performers[0] ?? null,
          coPerformers: performers.slice(1),
          kelengkapan: spec.kelengkapan ?? [],
          waktu: spec.waktu,
          outputs: kind === 'activity' ? (spec.outputs ?? []) : [],
          keterangan: spec.keterangan ?? null,
        };
        flow = appendNode(flow, node);
        flow = prev
          ? connect(flow, (x) => localId(v, x), prev, id, { document: spec.document ?? null })
          : connect(flow, (x) => localId(v, x), attach.from, id, {
              label: attach.label,
              document: attach.document ?? spec.document ?? null,
            });
        if (!prev && 'order' in attach && attach.order)
          flow = orderExits(flow, attach.from, attach.order);
        // An exit that pointed at this step's number before it existed ("ke langkah 9").
        const no = flow.nodes.filter((n) => isStep(n) && !n.placeholder).length;
        for (const f of (w.forward ?? []).filter((f) => f.no === no)) {
          flow = connect(flow, (x) => localId(v, x), f.from, id, {
            label: f.label,
            document: f.document ?? null,
          });
          notes.push(
            msg(
              `Langkah ${no} tersambung dari langkah ${stepNo(flow, f.from) ?? '?'}${f.label ? ` (${f.label})` : ''}.`,
              `Step ${no} is joined from step ${stepNo(flow, f.from) ?? '?'}${f.label ? ` (${f.label})` : ''}.`,
            ),
          );
        }
        if (w.forward) w.forward = w.forward.filter((f) => f.no !== no);
        prev = id;
        ids.push(id);
      }
      return { ...p, flow };
    },
    pid,
  );
  w.preset = undefined;
  if (specs.length > 1) w.pasted.unshift(...ids.slice(1));
  return { first: ids[0]!, notes };
}

/** With nothing to attach to: after the start (first step) or after the last step. */
function defaultAttach(v: View) {
  const flow = v.draft()!.flow!;
  const steps = flow.nodes.filter((n) => n.kind === 'activity' || n.kind === 'decision');
  const from = steps.length
    ? steps[steps.length - 1]!.id
    : flow.nodes.find((n) => n.kind === 'start')!.id;
  return { from, label: null, document: null };
}

/**
 * Step lines typed in one message: one step is added at once; several are said back ("Saya catat
 * 3 langkah: ... Betul?") with their names as they will be written, and added on "ya".
 */
export function takeStepLines(v: View, lines: string[]): Applied {
  if (lines.length > MAX_PASTE)
    return {
      refuse: msg(
        `Paling banyak ${MAX_PASTE} langkah dalam satu pesan. Kirim sebagian dulu, misalnya 20 langkah pertama.`,
        `At most ${MAX_PASTE} steps in one message. Send part of them first, e.g. the first 20 steps.`,
      ),
    };
  // One rule for every message: one step per line; ";" and commas stay in the name.
  const specs = stepSpecs(v, lines);
  for (const s of specs) {
    const bad = badStepName(s.name);
    if (bad) return { refuse: bad };
  }
  // The step named earlier ("ke Mengarsipkan surat") is reached: it is filled, not made twice.
  const named = specs.length === 1 ? placeholderNamed(v, specs[0]!.name) : undefined;
  if (named) return fillPlaceholder(v, named, specs[0]!);
  if (specs.length > 1) {
    v.state.work.split = lines;
    ask(v, { q: 'steps.confirm_split', pid: v.cursor.pid });
    return {};
  }
  const { first, notes } = addSteps(v, specs);
  const line = splitStepLine(lines[0]!, v);
  const raw = line.name;
  if (specs[0]!.name !== raw.trim() && !raw.trim().endsWith('?'))
    notes.unshift(T.nameSuggested(specs[0]!.name));
  const performer = v.node(first)?.performer;
  if (!line.performerText && specs[0]!.performer && performer)
    notes.push(
      msg(
        `Pelaksana: ${v.performerLabel(performer)} (dari kalimat Anda; ubah dengan /ubah ${v.stepNo(first)}).`,
        `Performer: ${v.performerLabel(performer)} (from your sentence; change it with /ubah ${v.stepNo(first)}).`,
      ),
    );
  return { notes: continueStep(v, first, 'created', notes) };
}

function placeholderNamed(v: View, name: string): StepNode | undefined {
  const f = foldForMatch(name);
  return v
    .draft()
    ?.flow?.nodes.filter(isStep)
    .find((n) => n.placeholder && foldForMatch(n.name) === f);
}

function fillPlaceholder(v: View, node: StepNode, spec: StepSpec): Applied {
  const w = v.state.work;
  const attach = w.attach ?? defaultAttach(v);
  w.attach = undefined;
  w.later = (w.later ?? []).filter((id) => id !== node.id);
  const performers = spec.performer ? resolvePerformers(v, spec.performer) : null;
  editDraft(v, (p) => {
    let flow = connect(p.flow!, (x) => localId(v, x), attach.from, node.id, {
      label: attach.label,
      document: attach.document ?? spec.document ?? null,
    });
    flow = updateStep(flow, node.id, {
      ...(performers ? { performer: performers[0]!, coPerformers: performers.slice(1) } : {}),
      ...(spec.waktu ? { waktu: spec.waktu } : {}),
      ...(spec.kelengkapan ? { kelengkapan: spec.kelengkapan } : {}),
      ...(spec.outputs ? { outputs: spec.outputs } : {}),
      ...(spec.keterangan ? { keterangan: spec.keterangan } : {}),
    });
    return { ...p, flow };
  });
  return { notes: continueStep(v, node.id, 'created') };
}

export const activityName: Question = {
  id: 'activity.name',
  answer: 'list',
  linesOnly: true,
  maxItems: MAX_PASTE,
  text: (v) => {
    const n = v.stepCount() + 1;
    return n === 1
      ? msg(
          'Langkah 1: apa kegiatan pertama? Tulis dengan kata kerja, misalnya "Menerima berkas permohonan". Boleh ditambah pelaksana dan waktunya: "Menerima berkas permohonan - Petugas loket - 15 menit".\nBila sudah tahu semua langkahnya, kirim sekaligus, satu per baris (keputusan diakhiri tanda tanya, misalnya "Berkas lengkap?").',
          'Step 1: what is the first activity? Use a verb, e.g. "Menerima berkas permohonan". You may add the performer and the time: "Menerima berkas permohonan - Petugas loket - 15 menit".\nIf you know all the steps, send them at once, one per line (decisions end with a question mark, e.g. "Berkas lengkap?").',
        )
      : msg(`Langkah ${n}: apa kegiatannya?`, `Step ${n}: what is the activity?`);
  },
  help: msg(
    'Tulis kegiatan dengan kata kerja aktif tanpa subjek: "Memeriksa kelengkapan berkas", bukan "berkas diperiksa". Pelaksana dan waktu boleh ditulis sesudah tanda "-": "Memeriksa kelengkapan berkas - Petugas loket - 30 menit". Pelaksana bersama: "Kasubbag Umum bersama Bendahara".',
    'Write the activity as an active verb without a subject: "Memeriksa kelengkapan berkas", not "berkas diperiksa". The performer and time may follow a "-": "Memeriksa kelengkapan berkas - Petugas loket - 30 menit". Joint performers: "Kasubbag Umum bersama Bendahara".',
  ),
  apply: (v, a) => takeStepLines(v, valueOf(a, 'list')),
};

export const stepsConfirmSplit: Question = {
  id: 'steps.confirm_split',
  answer: 'yesno',
  text: (v) => {
    const specs = stepSpecs(v, v.state.work.split ?? []);
    const first = v.stepCount() + 1;
    // Bounded to fit one message: the first 30 steps, each cut to a line.
    const lines = specs.slice(0, 30).map((s, i) => {
      const extra = [s.performer, s.waktu ? formatDuration(s.waktu) : null].filter(Boolean);
      const line = `${first + i}. ${s.name}${extra.length ? ` (${extra.join(', ')})` : ''}`;
      return line.length > 100 ? `${line.slice(0, 99)}…` : line;
    });
    if (specs.length > 30) lines.push(`… (+${specs.length - 30})`);
    return msg(
      `Saya catat ${specs.length} langkah:\n${lines.join('\n')}\nBetul?`,
      `I noted ${specs.length} steps:\n${lines.join('\n')}\nCorrect?`,
    );
  },
  help: msg(
    'Satu baris menjadi satu langkah; tanda ";" dan koma tetap bagian dari nama. Jawab "ya" untuk mencatatnya, atau "tidak" untuk menulis ulang.',
    'One line is one step; ";" and commas stay in the name. Answer "yes" to note them, or "no" to write them again.',
  ),
  apply(v, a) {
    const specs = stepSpecs(v, v.state.work.split ?? []);
    v.state.work.split = undefined;
    if (!valueOf(a, 'yesno') || !specs.length) {
      ask(v, { q: 'activity.name', pid: v.cursor.pid });
      return {
        notes: [
          msg(
            'Baik, silakan kirim ulang langkahnya, satu langkah per baris.',
            'Fine, please send the steps again, one step per line.',
          ),
        ],
      };
    }
    const { first, notes } = addSteps(v, specs);
    return { notes: continueStep(v, first, 'created', notes) };
  },
};

export const stepKelengkapan: Question = {
  id: 'step.kelengkapan',
  answer: 'choice',
  optional: () => true,
  text: (v) =>
    msg(
      `Apa kelengkapan yang diperlukan untuk "${v.node()!.name}"? (dokumen/bahan; boleh beberapa, pisahkan dengan koma atau baris baru, misalnya "Surat permohonan, KTP")`,
      `What is needed for "${v.node()!.name}"? (documents/materials; several allowed, separated by commas or new lines, e.g. "Surat permohonan, KTP")`,
    ),
  help: msg(
    'Kelengkapan adalah mutu baku SOP: apa yang harus ada sebelum kegiatan dikerjakan.',
    'Kelengkapan is an SOP quality standard: what must be at hand before the activity.',
  ),
  choices: (v) => {
    const prev = offeredKelengkapan(v);
    return prev.length ? [{ id: 'prev', label: prev.join(', ').slice(0, 60) }] : [];
  },
  free(v, text) {
    return setKelengkapan(v, splitItems(text));
  },
  apply: (v) => setKelengkapan(v, offeredKelengkapan(v)),
  skip: (v) => setKelengkapan(v, []),
};

/** The previous outputs, or for the first step the process's inputs (SIPOC input). */
function offeredKelengkapan(v: View): string[] {
  const prev = previousOutputs(v, v.cursor.nid!);
  if (prev.length) return prev;
  return v.stepNo() === 1 ? (v.draft()?.sipoc.inputs.map((i) => i.name) ?? []) : [];
}

/** Several documents in one answer: separated by new lines, semicolons or commas. */
export function splitItems(text: string): string[] {
  return text
    .split(/\n|;|,/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => s.slice(0, 500));
}

/**
 * The outputs of the step(s) just before `nid`: what it works on. Through a decision, the outputs
 * of the step before the decision ("Berkas lengkap?" passes the berkas on).
 */
export function previousOutputs(v: View, nid: string, depth = 0): string[] {
  const flow = v.draft()?.flow;
  if (!flow || depth > 3) return [];
  for (const e of flow.edges.filter((e) => e.to === nid)) {
    const from = v.node(e.from);
    if (!from) continue;
    if (from.outputs.length) return from.outputs;
    if (from.kind === 'decision') {
      const through = previousOutputs(v, from.id, depth + 1);
      if (through.length) return through;
    }
  }
  return [];
}

function setKelengkapan(v: View, kelengkapan: string[]): Applied {
  const nid = v.cursor.nid!;
  editDraft(v, (p) => ({
    ...p,
    flow: updateStep(p.flow!, nid, { kelengkapan: kelengkapan.map((k) => k.slice(0, 500)) }),
  }));
  return { notes: continueStep(v, nid, 'kelengkapan') };
}

const WAKTU_EXAMPLE = '30 menit, 2 jam, 1 hari kerja, 3 hari kerja';

export const stepWaktu: Question = {
  id: 'step.waktu',
  answer: 'duration',
  optional: () => true,
  text: (v) => {
    const n = v.node()!;
    const now = n.waktu ? `Sekarang: ${formatDuration(n.waktu)}. ` : '';
    const nowEn = n.waktu ? `Now: ${formatDuration(n.waktu, 'en')}. ` : '';
    return msg(
      `${now}Berapa lama waktu pelaksanaan "${n.name}", dari mulai dikerjakan sampai selesai? (contoh: ${WAKTU_EXAMPLE})`,
      `${nowEn}How long does "${n.name}" take, from start to finish? (e.g. 30 minutes, 2 hours, 1 working day)`,
    );
  },
  help: msg(
    'Waktu adalah mutu baku SOP: lama pelaksanaan yang wajar, biasanya dalam menit, jam atau hari kerja.',
    'Waktu is an SOP quality standard: the usual time it takes, mostly in minutes, hours or working days.',
  ),
  choices: () =>
    ['30 menit', '1 jam', '1 hari kerja', '3 hari kerja'].map((d) => ({ id: d, label: d })),
  apply(v, a) {
    const nid = v.cursor.nid!;
    const waktu = valueOf(a, 'duration');
    editDraft(v, (p) => ({ ...p, flow: updateStep(p.flow!, nid, { waktu }) }));
    return { notes: continueStep(v, nid, 'waktu') };
  },
  skip: (v) => ({ notes: continueStep(v, v.cursor.nid!, 'waktu') }),
};

/** Steps of the draft still without waktu, in SOP order with their numbers. */
export function stepsWithoutWaktu(v: View): { no: number; node: StepNode }[] {
  const flow = v.draft()?.flow;
  if (!flow) return [];
  return flow.nodes
    .filter(isStep)
    .map((node, i) => ({ no: i + 1, node }))
    .filter(({ node }) => !node.waktu && !node.placeholder);
}

/** The waktu of every activity that has none, asked once, answered in one message. */
export const stepWaktuAll: Question = {
  id: 'step.waktu_all',
  answer: 'choice',
  freeLines: true,
  optional: () => true,
  choices: () => [{ id: 'skip', label: msg('Lewati', 'Skip') }],
  free: (v, text) =>
    takeWaktuLines(
      v,
      text
        .split('\n')
        .map((l) => l.replace(/^\s*\d{1,3}[.)]\s+/, '').trim())
        .filter(Boolean),
    ),
  text: (v) => {
    const list = stepsWithoutWaktu(v)
      .map(({ no, node }) => `${no}. ${node.name}`)
      .join('\n');
    return msg(
      `Berapa lama waktu pelaksanaan tiap kegiatan ini? Kirim satu baris per langkah, urut:\n${list}\nContoh jawaban:\n1 hari kerja\n30 menit\nAtau sebut nomornya ("3: 2 jam"), atau "lewati".`,
      `How long does each of these activities take? Send one line per step, in order:\n${list}\nExample answer:\n1 hari kerja\n30 menit\nOr name the number ("3: 2 jam"), or "skip".`,
    );
  },
  help: msg(
    'Waktu adalah mutu baku SOP. Satu baris untuk satu langkah, urut seperti daftar; tulis "-" untuk langkah yang belum tahu waktunya.',
    'Waktu is an SOP quality standard. One line per step, in the order of the list; write "-" for a step whose time you do not know yet.',
  ),
  apply: (v) => stepWaktuAll.skip!(v),
  skip(v) {
    v.state.work.waktuAsked = [...(v.state.work.waktuAsked ?? []), v.cursor.pid!];
    return { notes: closeChain(v) };
  },
};

/** One line per listed step (or "N: durasi"); "-" leaves a step without waktu. */
function takeWaktuLines(v: View, items: string[]): Applied {
  {
    const pid = v.cursor.pid!;
    const todo = stepsWithoutWaktu(v);
    const byNo = new Map<number, Duration>();
    const reasons = new Map<number, string>();
    const explicit = items.every((i) => /^\s*\d{1,3}\s*[:=]\s*\S/.test(i));
    for (const [i, item] of items.entries()) {
      let no = todo[i]?.no;
      let text = item;
      if (explicit) {
        const m = /^\s*(\d{1,3})\s*[:=]\s*(.+)$/.exec(item)!;
        no = Number(m[1]);
        text = m[2]!;
        if (!todo.some((t) => t.no === no))
          return {
            refuse: msg(
              `Langkah ${no} tidak ada di daftar. Sebut nomor dari daftar, misalnya "${todo[0]?.no ?? 1}: 1 hari kerja".`,
              `Step ${no} is not in the list. Use a number from the list, e.g. "${todo[0]?.no ?? 1}: 1 hari kerja".`,
            ),
          };
      }
      if (/^\s*[-–—]\s*$/.test(text) || no === undefined) continue;
      const d = parseDuration(text);
      if (d.ok) {
        byNo.set(no, d.value);
        continue;
      }
      // "tergantung jadwal rapat": a reason, not a duration; kept as the step's keterangan.
      if (items.length > 1 && /\p{L}{3,}.*\s\p{L}{3,}/u.test(text) && !/\d/.test(text)) {
        reasons.set(no, text.slice(0, 4000));
        continue;
      }
      return {
        refuse: msg(
          `${items.length > 1 ? `Baris ${i + 1}: ` : ''}${d.reason.id} Satu baris per langkah, misalnya "1 hari kerja" atau "30 menit"; "-" bila belum tahu.`,
          `${items.length > 1 ? `Line ${i + 1}: ` : ''}${d.reason.en} One line per step, e.g. "1 hari kerja" or "30 menit"; "-" if unknown.`,
        ),
      };
    }
    if (!explicit && items.length > todo.length)
      return {
        refuse: msg(
          `Ada ${items.length} baris untuk ${todo.length} langkah. Kirim satu baris per langkah, atau sebut nomornya ("${todo[0]?.no ?? 1}: 1 hari kerja").`,
          `There are ${items.length} lines for ${todo.length} steps. Send one line per step, or name the number ("${todo[0]?.no ?? 1}: 1 hari kerja").`,
        ),
      };
    editDraft(v, (p) => {
      let flow = p.flow!;
      for (const { no, node } of todo) {
        const d = byNo.get(no);
        if (d) flow = updateStep(flow, node.id, { waktu: d });
        const why = reasons.get(no);
        if (why)
          flow = updateStep(flow, node.id, {
            keterangan: node.keterangan ? `${node.keterangan}; ${why}` : why,
          });
      }
      return { ...p, flow };
    });
    v.state.work.waktuAsked = [...(v.state.work.waktuAsked ?? []), pid];
    const said = [...byNo.entries()].map(([no, d]) => `${no}: ${formatDuration(d)}`).join(', ');
    const notes = said ? [msg(`Waktu dicatat (${said}).`, `Times noted (${said}).`)] : [];
    for (const [no, why] of reasons)
      notes.push(
        msg(
          `Langkah ${no}: "${why.slice(0, 60)}" saya catat sebagai keterangan; waktunya bisa diisi nanti dengan /ubah ${no}.`,
          `Step ${no}: "${why.slice(0, 60)}" is kept as a remark; its time can be filled in later with /ubah ${no}.`,
        ),
      );
    return { notes: closeChain(v, notes) };
  }
}

export const activityOutput: Question = {
  id: 'activity.output',
  answer: 'text',
  optional: () => true,
  text: (v) =>
    msg(
      `Apa output dari "${v.node()!.name}"? (boleh beberapa, pisahkan dengan koma, misalnya "Surat izin, Tanda terima")`,
      `What is the output of "${v.node()!.name}"? (several allowed, separated by commas, e.g. "Surat izin, Tanda terima")`,
    ),
  help: msg(
    'Output adalah mutu baku SOP: apa yang dihasilkan kegiatan, misalnya "Disposisi". Output ini menjadi kelengkapan langkah berikutnya.',
    'The output is an SOP quality standard: what the activity produces, e.g. "Disposisi". It becomes the kelengkapan of the next step.',
  ),
  apply(v, a) {
    const nid = v.cursor.nid!;
    // "Usulan program - kelengkapan: Nota dinas, Renstra": other columns may ride along.
    const line = splitStepLine(valueOf(a, 'text'));
    const outputs = splitItems(line.name);
    editDraft(v, (p) => ({
      ...p,
      flow: updateStep(p.flow!, nid, {
        outputs,
        ...(line.kelengkapan ? { kelengkapan: line.kelengkapan } : {}),
        ...(line.waktu ? { waktu: line.waktu } : {}),
        ...(line.keterangan ? { keterangan: line.keterangan } : {}),
      }),
    }));
    return { notes: continueStep(v, nid, 'output') };
  },
  skip: (v) => ({ notes: continueStep(v, v.cursor.nid!, 'output') }),
};

export const activityNext: Question = {
  id: 'activity.next',
  answer: 'choice',
  freeLines: true,
  text: (v) => {
    const no = v.stepNo() ?? 0;
    return msg(
      `Langkah ${no + 1}: apa kegiatan sesudah langkah ${no}? Ketik kegiatannya (boleh dengan pelaksana dan waktu: "Memverifikasi berkas - Kasi Pelayanan - 1 hari kerja"), atau pilih di bawah. Bila kembali ke langkah yang sudah ada, ketik nomornya${no > 1 ? `, misalnya ${Math.max(1, no - 1)}` : ''}.`,
      `Step ${no + 1}: what comes after step ${no}? Type the activity (with performer and time if you like: "Memverifikasi berkas - Kasi Pelayanan - 1 hari kerja"), or pick below. To go back to an existing step, type its number${no > 1 ? `, e.g. ${Math.max(1, no - 1)}` : ''}.`,
    );
  },
  help: msg(
    'Ketik kegiatan berikutnya langsung. "Keputusan": pemeriksaan dengan jawaban ya/tidak. "Diserahkan ke unit lain": pekerjaan berpindah unit. "Selesai" atau "Berakhir: ditolak/ditunda": proses berakhir di sini. "ke langkah 9" atau "ke Menerbitkan izin": menuju langkah yang belum ditulis; nanti kita lengkapi.',
    'Type the next activity directly. "Decision": a check with yes/no. "Handed to another unit": the work moves unit. "End" or "Ends: rejected/deferred": the process ends here. "ke langkah 9" or "ke Menerbitkan izin": to a step not written yet; we complete it later.',
  ),
  choices: () => [
    { id: 'next', label: msg('Langkah berikutnya', 'Next step') },
    { id: 'decision', label: msg('Keputusan (ya/tidak)', 'Decision (yes/no)') },
    { id: 'handoff', label: msg('Diserahkan ke unit lain', 'Handed to another unit') },
    ...endChoices(),
  ],
  free(v, text) {
    const nid = v.cursor.nid!;
    const goto = jumpTarget(v, text);
    if (goto) return goto;
    const ending = parseEnding(text);
    if (ending) {
      connectToEnd(v, nid, ending.outcome, ending.label);
      return { notes: closeChain(v, [endedNote(ending.outcome, ending.label)]) };
    }
    const lines = parseList(text, { splitCommas: false, linesOnly: true, max: MAX_PASTE });
    if (!lines.ok) return { refuse: lines.reason };
    v.state.work.attach = { from: nid, label: null, document: null };
    return takeStepLines(v, lines.value);
  },
  apply(v, a) {
    const c = valueOf(a, 'choice');
    const { pid, nid } = v.cursor;
    if (c === 'next') {
      v.state.work.attach = { from: nid!, label: null, document: null };
      ask(v, { q: 'activity.name', pid });
      return {};
    }
    if (c === 'decision') {
      v.state.work.attach = { from: nid!, label: null, document: null };
      ask(v, { q: 'decision.name', pid });
      return {};
    }
    if (c === 'handoff') {
      const outputs = v.node()?.outputs ?? [];
      if (outputs.length) {
        v.state.work.attach = { from: nid!, label: null, document: outputs.join(', ') };
        ask(v, { q: 'handoff.unit', pid, nid });
        return {};
      }
      ask(v, { q: 'handoff.what', pid, nid });
      return {};
    }
    const outcome = isEndChoice(c) ? END_CHOICES[c] : 'selesai';
    connectToEnd(v, nid!, outcome);
    return { notes: closeChain(v, [endedNote(outcome, null)]) };
  },
};

export function endedNote(outcome: Parameters<typeof endingWords>[0], label: string | null) {
  const w = endingWords(outcome, label);
  return msg(`Alur ini berakhir: ${w}.`, `This path ends: ${w}.`);
}

/**
 * "4", "ke langkah 4": back or forward to a step by number; a number not yet described is kept
 * and joined when that step is named. "ke Menerbitkan izin": a step by name, made as a placeholder
 * when it does not exist yet. Null when the text is not a jump.
 */
export function jumpTarget(
  v: View,
  text: string,
  label: string | null = null,
  then: (notes: Bilingual[]) => Bilingual[] = (notes) => closeChain(v, notes),
  ahead = true,
): Applied | null {
  const nid = v.cursor.nid!;
  // "4 - diserahkan: Catatan revisi": the jump may say what is handed over.
  const line = splitStepLine(text, v);
  const document = line.document ?? null;
  const byNo = /^\s*(?:ke\s+)?(?:langkah\s+|no\.?\s*)?(\d{1,4})\s*$/i.exec(line.name);
  if (byNo) {
    const no = Number(byNo[1]);
    const flow = v.draft()!.flow!;
    const target = stepByNo(flow, no);
    if (target) {
      editDraft(v, (p) => ({
        ...p,
        flow: connect(p.flow!, (x) => localId(v, x), nid, target.id, { label, document }),
      }));
      return { notes: then([]) };
    }
    const count = v.stepCount();
    if (no <= count || no > count + 50)
      return {
        refuse: msg(
          `Tidak ada langkah ${no}. Ada ${count} langkah; ketik nomor 1 sampai ${count}, atau nomor langkah yang akan ditulis nanti, misalnya ${count + 2}.`,
          `There is no step ${no}. There are ${count} steps; type 1 to ${count}, or the number of a step still to come, e.g. ${count + 2}.`,
        ),
      };
    v.state.work.forward = [...(v.state.work.forward ?? []), { from: nid, label, no, document }];
    return {
      notes: then([
        msg(
          `Langkah ${no} belum ditulis: saya sambungkan ke sana begitu langkah ${no} disebut.`,
          `Step ${no} is not written yet: I will join it as soon as step ${no} is named.`,
        ),
      ]),
    };
  }
  const byName = /^\s*ke\s+(?:langkah\s+)?["“]?(.+?)["”]?\s*$/is.exec(text);
  if (!byName || /^\d/.test(byName[1]!)) return null;
  const [spec] = stepSpecs(v, [byName[1]!]);
  const name = spec!.name;
  const performers = (spec!.performer ? resolvePerformers(v, spec!.performer) : null) ?? [];
  const flow = v.draft()!.flow!;
  const existing = flow.nodes
    .filter(isStep)
    .find(
      (n) =>
        foldForMatch(n.name) === foldForMatch(name) ||
        foldForMatch(n.name) === foldForMatch(byName[1]!),
    );
  let target = existing?.id;
  editDraft(v, (p) => {
    let f = p.flow!;
    if (!target) {
      target = localId(v, 'a');
      f = appendNode(f, {
        id: target,
        kind: name.endsWith('?') ? 'decision' : 'activity',
        name,
        performer: performers[0] ?? null,
        coPerformers: performers.slice(1),
        kelengkapan: spec!.kelengkapan ?? [],
        waktu: spec!.waktu,
        outputs: spec!.outputs ?? [],
        keterangan: spec!.keterangan ?? null,
        placeholder: true,
      });
      if (ahead) v.state.work.later = [...(v.state.work.later ?? []), target];
    }
    return { ...p, flow: connect(f, (x) => localId(v, x), nid, target, { label }) };
  });
  const notes = existing
    ? []
    : [
        msg(
          `"${name}" saya catat sebagai langkah yang akan dilengkapi nanti.`,
          `"${name}" is noted as a step to complete later.`,
        ),
      ];
  return { notes: then(notes) };
}
