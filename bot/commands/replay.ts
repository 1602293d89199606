// probis replay FILE: runs a transcript of answers through the interview, prints the
// conversation, and exports the resulting processes as JSON. No database: the world is in memory.
//
// Transcript format (UTF-8 text):
//   # a comment
//   Penyusunan Rencana Kerja        one message per line
//   [Manajemen]                     presses the button with that label (or its start)
//   Menerima berkas                 a line starting with "| " continues the previous message
//   | Memeriksa berkas              on a new line (to paste several steps at once)
import { readFile } from 'node:fs/promises';
import { bilingual as b } from '../../core/language/bilingual.js';
import {
  type Input,
  type InterviewState,
  type Outbound,
  applyEffects,
  contextOf,
  initialState,
  questionnaire,
  step,
} from '../../core/interview/index.js';
import type { World } from '../../core/interview/apply-effects.js';
import { EXCHANGE_FORMAT, type ExchangeDocument } from '../../core/model/index.js';
import { formatForTerminal } from '../terminal/format.js';
import { UserError, parseDocument } from './exchange.js';

export type TranscriptLine = { line: number; kind: 'text' | 'press'; value: string };

export function parseTranscript(text: string): TranscriptLine[] {
  const out: TranscriptLine[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (!raw.trim() || raw.trimStart().startsWith('#')) return;
    if (raw.startsWith('| ')) {
      const prev = out[out.length - 1];
      if (!prev || prev.kind !== 'text')
        throw new UserError(
          b(
            `baris ${i + 1}: "| " melanjutkan pesan sebelumnya, tapi tidak ada`,
            `line ${i + 1}: nothing to continue`,
          ),
        );
      prev.value += `\n${raw.slice(2)}`;
      return;
    }
    const press = /^\[(.+)\]\s*$/.exec(raw.trim());
    out.push(
      press
        ? { line: i + 1, kind: 'press', value: press[1]! }
        : { line: i + 1, kind: 'text', value: raw },
    );
  });
  return out;
}

export type ReplayResult = {
  conversation: string[];
  document: ExchangeDocument | null;
  world: World;
};

export function replay(
  lines: TranscriptLine[],
  start: World,
  personId: string | null,
): ReplayResult {
  let world = structuredClone(start);
  let ids = 0;
  const env = () => ({ now: new Date(0).toISOString(), newId: () => `r${++ids}` });
  const ctx = () => contextOf(world, personId);
  let state: InterviewState = initialState(questionnaire, ctx());
  const conversation: string[] = [];
  const seen: { question: Extract<Outbound, { kind: 'question' }> | null } = { question: null };
  const run = (input: Input) => {
    const r = step(questionnaire, state, input, ctx(), env());
    world = applyEffects(world, r.effects);
    state = r.state;
    for (const o of r.outbound) {
      if (o.kind === 'question') seen.question = o;
      conversation.push(formatForTerminal(o));
    }
  };
  run({ kind: 'resume' });
  for (const l of lines) {
    if (l.kind === 'text') {
      conversation.push(`> ${l.value.replace(/\n/g, '\n> ')}`);
      run({ kind: 'text', text: l.value });
      continue;
    }
    const q = seen.question;
    const c =
      q?.choices.find((x) => x.label === l.value) ??
      q?.choices.find((x) => x.label.startsWith(l.value));
    if (!q || !c)
      throw new UserError(
        b(
          `baris ${l.line}: tidak ada tombol "${l.value}"`,
          `line ${l.line}: no button "${l.value}"`,
        ),
      );
    conversation.push(`> [${c.label}]`);
    run({ kind: 'choice', questionId: q.questionId, optionId: c.id, rev: q.rev });
  }
  const document = world.organisation
    ? {
        format: EXCHANGE_FORMAT,
        organisation: world.organisation,
        processes: world.processes,
        reviewEvents: [],
        notes: [],
      }
    : null;
  return { conversation, document, world };
}

export async function runReplay(o: {
  file: string;
  world?: string;
  person?: string;
}): Promise<ReplayResult> {
  const lines = parseTranscript(await readFile(o.file, 'utf8'));
  const start: World = { organisation: null, processes: [] };
  if (o.world) {
    const doc = parseDocument(await readFile(o.world, 'utf8'), o.world);
    start.organisation = doc.organisation;
    start.processes = doc.processes;
  }
  return replay(lines, start, o.person ?? null);
}
