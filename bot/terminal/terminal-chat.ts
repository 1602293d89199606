// The terminal channel: the same interview as Telegram, in a terminal. Plain mode prints the
// questions with numbered choices; JSON-lines mode (`probis chat --jsonl`) speaks one JSON object
// per line on stdin/stdout so scripts and tests can hold a whole interview.
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { z } from 'zod';
import type { Input, Outbound } from '../../core/interview/index.js';
import type { Db } from '../../db/index.js';
import { InboundRunner, type InboundWork } from '../conversation/inbound-runner.js';
import type { ConversationService } from '../conversation/service.js';
import { type ChannelSender, OutboxSender, type SendOutcome } from '../delivery/outbox-sender.js';
import type { Logger } from '../log.js';
import { formatForTerminal } from './format.js';

/** One inbound JSON line: text typed, or a choice by its id, its label or a unique start of it. */
export const JsonlInbound = z.union([
  z.object({ text: z.string().max(100_000) }).strict(),
  z.object({ choice: z.string().min(1).max(200) }).strict(),
]);

export type JsonlOutbound =
  | { type: 'text'; text: string }
  | {
      type: 'question';
      questionId: string;
      rev: number;
      text: string;
      choices: { id: string; label: string }[];
      optional: boolean;
    }
  | { type: 'map'; processId: string; caption: string; outline: string; file: string | null }
  | { type: 'error'; error: string };

export type MapFiles = (processId: string) => Promise<string | null>;

export type TerminalOptions = {
  db: Db;
  service: ConversationService;
  log: Logger;
  input: Readable;
  output: Writable;
  mode: 'plain' | 'jsonl';
  chatKey?: string;
  personId?: string | null;
  organisationId?: string | null;
  /** Renders a process map to a file and returns its path (none: outline only). */
  mapFiles?: MapFiles;
  /** Waits between retries of a failed line (tests pass a fake). */
  sleep?: (ms: number) => Promise<void>;
};

const NOT_STORED =
  'Maaf, terjadi kesalahan dan jawaban ini belum tersimpan. Silakan coba lagi. / Sorry, something went wrong and this answer was not stored. Please try again.';

class TerminalSender implements ChannelSender {
  readonly platform = 'terminal';
  lastQuestion: Extract<Outbound, { kind: 'question' }> | null = null;

  constructor(
    private readonly out: Writable,
    private readonly mode: 'plain' | 'jsonl',
    private readonly mapFiles: MapFiles | undefined,
  ) {}

  async send(_chatKey: string, m: Outbound): Promise<SendOutcome> {
    if (m.kind === 'question') this.lastQuestion = m;
    const file =
      m.kind === 'map' && this.mapFiles ? await this.mapFiles(m.processId).catch(() => null) : null;
    if (this.mode === 'jsonl') this.out.write(JSON.stringify(toJsonl(m, file)) + '\n');
    else this.out.write(formatForTerminal(m, file ?? undefined) + '\n\n');
    return { ok: true, messageId: null };
  }
}

/** An outbound message as one JSON line of `probis chat --jsonl`. */
export function toJsonl(m: Outbound, file: string | null): JsonlOutbound {
  switch (m.kind) {
    case 'text':
      return { type: 'text', text: m.text };
    case 'question':
      return {
        type: 'question',
        questionId: m.questionId,
        rev: m.rev,
        text: m.text,
        choices: m.choices,
        optional: m.optional,
      };
    case 'map':
      return { type: 'map', processId: m.processId, caption: m.caption, outline: m.outline, file };
  }
}

export async function runTerminalChat(o: TerminalOptions): Promise<void> {
  const chatKey = o.chatKey ?? 'terminal:local';
  const run = randomUUID().slice(0, 8);
  let n = 0;
  const sender = new TerminalSender(o.output, o.mode, o.mapFiles);
  const outbox = new OutboxSender(o.db, sender, o.log);
  const identity = {
    kind: 'local' as const,
    personId: o.personId ?? null,
    organisationId: o.organisationId ?? null,
  };
  const writeError = (text: string) =>
    o.output.write(
      o.mode === 'jsonl'
        ? JSON.stringify({ type: 'error', error: text } satisfies JsonlOutbound) + '\n'
        : text + '\n\n',
    );
  // The same runner as Telegram's: retries, a poisoned line set aside. A line is never delivered
  // again, so an outage is said here when the line fails, not by the runner's notice.
  const runner = new InboundRunner<InboundWork>({
    db: o.db,
    service: o.service,
    log: o.log,
    key: () => chatKey,
    notice: async (_w, notice) => {
      if (notice.kind === 'set-aside') writeError(notice.text);
    },
    onApplied: () => undefined,
    ...(o.sleep ? { sleep: o.sleep } : {}),
  });
  const handle = async (input: Input) => {
    const event = { platform: 'terminal' as const, updateKey: `${run}:${++n}`, chatKey, identity };
    try {
      await runner.run([{ kind: 'event', event: { ...event, input } }]);
    } catch {
      // Logged by the runner; the answer was not stored, the session goes on.
      writeError(NOT_STORED);
    }
    await outbox.drain();
  };

  // Whatever was left unsent by an earlier run goes first, then the current question.
  await outbox.drain();
  await handle({ kind: 'resume' });
  const lines = createInterface({ input: o.input, crlfDelay: Infinity, terminal: false });
  for await (const line of lines) {
    if (o.mode === 'plain') {
      await handle({ kind: 'text', text: line });
      continue;
    }
    if (!line.trim()) continue;
    const input = parseJsonlLine(line, sender.lastQuestion);
    if ('error' in input) {
      o.output.write(
        JSON.stringify({ type: 'error', error: input.error } satisfies JsonlOutbound) + '\n',
      );
      continue;
    }
    await handle(input);
  }
}

export function parseJsonlLine(
  line: string,
  q: Extract<Outbound, { kind: 'question' }> | null,
): Input | { error: string } {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return {
      error:
        'Baris bukan JSON yang sah / the line is not valid JSON: expected {"text": "..."} or {"choice": "..."}',
    };
  }
  const r = JsonlInbound.safeParse(json);
  if (!r.success)
    return {
      error: 'Bentuk tidak dikenal / unknown shape: expected {"text": "..."} or {"choice": "..."}',
    };
  if ('text' in r.data) return { kind: 'text', text: r.data.text };
  const wanted = r.data.choice;
  const prefixed = q?.choices.filter((x) => x.label.startsWith(wanted)) ?? [];
  const c =
    q?.choices.find((x) => x.id === wanted) ??
    q?.choices.find((x) => x.label === wanted) ??
    (prefixed.length === 1 ? prefixed[0] : undefined);
  if (!q || !c)
    return {
      error: `Pilihan "${wanted.slice(0, 60)}" tidak ada pada pertanyaan ini / no such choice on this question`,
    };
  return { kind: 'choice', questionId: q.questionId, optionId: c.id, rev: q.rev };
}
