// Real procedures, as clerks of a kabupaten would tell them: each a transcript (the `probis
// replay` format) and the exact process it must end in, in one exchange document
// (tests/fixtures/procedures/kab-sukamaju.json) holding the organisation, the Level-0 groups and
// the expected processes. Shared by the interview tests and `bench/interview.ts`.
import { readFileSync } from 'node:fs';
import { type TranscriptLine, parseTranscript } from '../../bot/commands/replay.js';
import {
  ExchangeDocument,
  type Organisation,
  type Process,
  isStep,
} from '../../core/model/index.js';
import { RENJA_TRANSCRIPT_FILE, renjaWorld } from './renja.js';
import type { Chat } from './scenario.js';

export const PROCEDURES_DOCUMENT = new URL(
  '../fixtures/procedures/kab-sukamaju.json',
  import.meta.url,
);

export type Procedure = {
  /** The transcript file under tests/fixtures/procedures/, without `.txt`. */
  slug: string;
  /** The clerk who tells it (a person of the organisation). */
  clerk: string;
  /** The code of the expected process in the document. */
  code: string;
  /**
   * Where the interview cannot yet give what the clerk means: the expected process is patched to
   * what the interview gives, with the reason. When the interview is fixed the test fails on the
   * patch, and the gap is taken out.
   */
  gaps?: readonly FlowGap[];
};

export type FlowGap = { why: string; patch: (expected: Process) => Process };

/** The procedures of the fixture, with what each one exercises. */
export const PROCEDURES: readonly Procedure[] = [
  // A permit at a kecamatan (PATEN): an outside applicant, a rejection end and a deferral end,
  // a step with two outputs.
  { slug: 'izin-usaha-mikro', clerk: 'dewi', code: '01.01' },
  // A payment: joint performers ("Verifikator Keuangan / PPK-SKPD", "... bersama ..."), a handoff
  // to BPKAD, a step with two outputs.
  { slug: 'pembayaran-ls', clerk: 'andi', code: '02.01' },
  // Annual leave: a joint check, an approval with three exits (setuju, tolak, ditangguhkan).
  { slug: 'cuti-tahunan', clerk: 'rudi', code: '03.01' },
  // Incoming letters: two branches that skip ahead to steps not yet described, by name and by
  // number.
  {
    slug: 'surat-masuk',
    clerk: 'yanti',
    code: '04.01',
  },
];

export function proceduresDocument(): ExchangeDocument {
  return ExchangeDocument.parse(JSON.parse(readFileSync(PROCEDURES_DOCUMENT, 'utf8')));
}

export function transcriptFile(p: Procedure): URL {
  return new URL(`../fixtures/procedures/${p.slug}.txt`, import.meta.url);
}

export function procedureTranscript(p: Procedure): TranscriptLine[] {
  return parseTranscript(readFileSync(transcriptFile(p), 'utf8'));
}

/**
 * What the clerk starts from (the organisation and the Level-0 groups, no flows) and the
 * process the interview must end in.
 */
export function procedureWorld(p: Procedure): {
  organisation: Organisation;
  processes: Process[];
  expected: Process;
} {
  const doc = proceduresDocument();
  const expected = doc.processes.find((x) => x.code === p.code);
  if (!expected) throw new Error(`no process ${p.code} in ${PROCEDURES_DOCUMENT.pathname}`);
  return {
    organisation: doc.organisation,
    processes: doc.processes.filter((x) => !x.flow),
    expected,
  };
}

/** The expected process with the interview's known gaps (see `Procedure.gaps`) applied. */
export function asTheInterviewGivesIt(p: Procedure, expected: Process): Process {
  return (p.gaps ?? []).reduce((x, g) => g.patch(x), expected);
}

/** Replays a transcript into a chat: presses by their label, everything else as a message. */
export function tell(chat: Chat, lines: TranscriptLine[]): void {
  for (const l of lines) {
    try {
      if (l.kind === 'press') chat.press(l.value);
      else chat.say(l.value);
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      throw new Error(`transcript line ${l.line} "${l.value}": ${why}`);
    }
  }
}

export type Told = {
  name: string;
  clerk: string;
  lines: TranscriptLine[];
  world: { organisation: Organisation; processes: Process[]; expected: Process };
};

/** Renja first, then every procedure: what the bench and the per-step measure replay. */
export function allTranscripts(): Told[] {
  const renja = renjaWorld();
  return [
    {
      name: renja.expected.name,
      clerk: 'rina',
      lines: parseTranscript(readFileSync(RENJA_TRANSCRIPT_FILE, 'utf8')),
      world: renja,
    },
    ...PROCEDURES.map((p) => {
      const world = procedureWorld(p);
      world.expected = asTheInterviewGivesIt(p, world.expected);
      return { name: world.expected.name, clerk: p.clerk, lines: procedureTranscript(p), world };
    }),
  ];
}

/** Steps of a process: activities and decisions (the numbered SOP rows). */
export function stepsOf(p: Process): number {
  return p.flow?.nodes.filter(isStep).length ?? 0;
}

/**
 * What the clerk sent: every message and every button press of the transcript, the process
 * questions (name, category, SIPOC) and the review included. A pasted list is one message.
 */
export function clerkMessages(lines: TranscriptLine[]): number {
  return lines.length;
}

/**
 * A process with its ids replaced by their order of appearance, edges sorted: two processes that
 * say the same thing compare equal whatever ids the interview drew. Unlike `canonical` of
 * scenario.ts, end nodes are told apart, by outcome and label (a process here has several ends,
 * one per outcome, and which exit reaches which end is the point); their order, which is only the
 * order the clerk happened to reach them in, does not count.
 */
export function canonicalProcess(p: Process): unknown {
  const ids = new Map<string, string>();
  const nodes = p.flow?.nodes ?? [];
  nodes.forEach((n, i) =>
    ids.set(
      n.id,
      n.kind === 'start'
        ? 'start'
        : n.kind === 'end'
          ? `end:${n.outcome}:${n.label ?? ''}`
          : `s${i}`,
    ),
  );
  const edges = (p.flow?.edges ?? [])
    .map((e) => ({ ...e, id: '', from: ids.get(e.from) ?? e.from, to: ids.get(e.to) ?? e.to }))
    .sort((a, b) => `${a.from}>${a.to}>${a.label}`.localeCompare(`${b.from}>${b.to}>${b.label}`));
  const renamed = nodes.map((n) => ({ ...n, id: ids.get(n.id)! }));
  return {
    code: p.code,
    name: p.name,
    category: p.category,
    ownerUnitId: p.ownerUnitId,
    legalBasis: p.legalBasis,
    sipoc: {
      inputs: p.sipoc.inputs.map((i) => ({ name: i.name, party: i.party })),
      outputs: p.sipoc.outputs.map((o) => ({ name: o.name, party: o.party })),
    },
    nodes: [
      ...renamed.filter((n) => n.kind !== 'end'),
      ...renamed.filter((n) => n.kind === 'end').sort((a, b) => a.id.localeCompare(b.id)),
    ],
    edges,
  };
}
