// The terminal channel: the same interview as Telegram, in a terminal. Plain mode prints the
// questions with numbered choices; JSON-lines mode (`probis chat --jsonl`) speaks one JSON object
// per line on stdin/stdout so scripts and tests can hold a whole interview.
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { z } from 'zod';
import type { FileWhat, Input, Outbound } from '../../core/interview/index.js';
import { bilingual, textFor } from '../../core/language/bilingual.js';
import { type Db, undeliveredOutboxForChat } from '../../db/index.js';
import { InboundRunner, type InboundWork } from '../conversation/inbound-runner.js';
import type { ConversationService } from '../conversation/service.js';
import type { MapDelivery } from '../delivery/map-delivery.js';
import {
  type ChannelSender,
  OutboxSender,
  type SendExtras,
  type SendOutcome,
} from '../delivery/outbox-sender.js';
import type { Logger } from '../log.js';
import { formatForTerminal } from './format.js';
import type { MapFiles } from './map-files.js';

const NOT_STORED = bilingual(
  'Maaf, terjadi kesalahan dan jawaban ini belum tersimpan. Silakan coba lagi.',
  'Sorry, something went wrong and this answer was not stored. Please try again.',
);
const NOT_JSON = bilingual(
  'Baris bukan JSON yang sah',
  'the line is not valid JSON: expected {"text": "..."} or {"choice": "..."}',
);
const UNKNOWN_SHAPE = bilingual(
  'Bentuk tidak dikenal',
  'unknown shape: expected {"text": "..."} or {"choice": "..."}',
);

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
  /** A coordinator's picture: `what` is progress, ledger, level0, tree or changes. */
  | { type: 'picture'; what: string; caption: string; outline: string; file: string | null }
  /**
   * A file made for the chat: `what` is bpmn (the process as BPMN 2.0 XML), sop-pdf or sop-docx
   * (its SOP AP; `processId` names the process), or of the organisation inventory-xlsx, annex-pdf
   * or decree-docx; `file` is the path it was written to (null when it could not be made, or no
   * folder was given).
   */
  | {
      type: 'file';
      what: FileWhat;
      processId?: string;
      /** sop-pdf: the paper it is on (a4 or f4). */
      paper?: 'a4' | 'f4';
      caption: string;
      file: string | null;
    }
  | { type: 'error'; error: string };

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
  /**
   * Map pictures, rendered by jobs (bot/delivery/map-delivery.ts): a map line comes when its
   * pictures are stored, after the messages behind it. None: maps as outlines only.
   */
  maps?: MapDelivery;
  /** Writes a map's stored pictures to files and returns their paths. */
  mapFiles?: MapFiles;
  /** When the input ends, how long to wait for maps still being rendered (default 120 s). */
  mapWaitMs?: number;
  /** Waits between retries of a failed line (tests pass a fake). */
  sleep?: (ms: number) => Promise<void>;
  /**
   * A command line run once (`probis progress`): no question re-asked at the start, and the
   * main menu's question not printed after the answers.
   */
  oneShot?: boolean;
  /**
   * Plain mode: lines arriving within `pasteJoinMs` of each other are one message (a paste of
   * a list). Default: on for a keyboard (a TTY), off for piped input, where every line is an
   * answer. "<<" then lines then "." is one message either way.
   */
  joinPastes?: boolean;
  /** How close lines must arrive to be one paste (default 30 ms). */
  pasteJoinMs?: number;
};

/** Starts and ends an explicit multi-line message in plain mode. */
const BLOCK_START = '<<';
const BLOCK_END = '.';
const BLOCK_HINT = bilingual(
  'Mode banyak baris: kirim baris-barisnya, lalu satu baris berisi titik (".") untuk mengakhiri.',
  'Multi-line mode: send the lines, then a line with a single dot (".") to end.',
);

/**
 * The messages of plain mode: one per line typed, but a paste (lines arriving together) or a
 * "<<" ... "." block is one message, as a pasted list is in Telegram.
 */
function plainMessages(
  input: Readable,
  joinMs: number | null,
  onBlock: () => void,
): AsyncIterable<string> {
  const rl = createInterface({ input, crlfDelay: Infinity, terminal: false });
  const ready: string[] = [];
  let wake: (() => void) | null = null;
  let closed = false;
  let pending: string[] = [];
  let block: string[] | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const emit = (m: string) => {
    ready.push(m);
    wake?.();
  };
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    if (pending.length) emit(pending.join('\n'));
    pending = [];
  };
  rl.on('line', (line) => {
    if (block) {
      if (line.trim() === BLOCK_END) {
        emit(block.join('\n'));
        block = null;
      } else block.push(line);
      return;
    }
    if (line.trim() === BLOCK_START) {
      flush();
      block = [];
      onBlock();
      return;
    }
    if (joinMs === null) return emit(line);
    pending.push(line);
    clearTimeout(timer);
    timer = setTimeout(flush, joinMs);
  });
  rl.on('close', () => {
    flush();
    if (block?.length) emit(block.join('\n'));
    block = null;
    closed = true;
    wake?.();
  });
  return {
    async *[Symbol.asyncIterator]() {
      for (;;) {
        const m = ready.shift();
        if (m !== undefined) {
          yield m;
          continue;
        }
        if (closed) return;
        await new Promise<void>((r) => (wake = r));
        wake = null;
      }
    },
  };
}

class TerminalSender implements ChannelSender {
  readonly platform = 'terminal';
  lastQuestion: Extract<Outbound, { kind: 'question' }> | null = null;

  constructor(
    private readonly out: Writable,
    private readonly mode: 'plain' | 'jsonl',
    private readonly mapFiles: MapFiles | undefined,
    private readonly oneShot = false,
  ) {}

  async send(
    _chatKey: string,
    m: Outbound,
    _attempt: number,
    extras?: SendExtras,
  ): Promise<SendOutcome> {
    if (m.kind === 'question') this.lastQuestion = m;
    if (this.oneShot && m.kind === 'question' && m.questionId === 'menu')
      return { ok: true, messageId: null };
    const file = await this.write(m, extras).catch(() => null);
    if (this.mode === 'jsonl') this.out.write(JSON.stringify(toJsonl(m, file)) + '\n');
    else this.out.write(formatForTerminal(m, file ?? undefined) + '\n\n');
    return { ok: true, messageId: null };
  }

  /** Writes a message's stored pictures or file, unless it is sent as text; their paths. */
  private async write(m: Outbound, extras: SendExtras | undefined): Promise<string | null> {
    if (!this.mapFiles || extras?.form === 'text') return null;
    if ((m.kind === 'map' || m.kind === 'picture') && extras?.pictures)
      return this.mapFiles(extras.pictures);
    if (m.kind === 'file' && extras?.file) return this.mapFiles.file(extras.file);
    return null;
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
    case 'picture':
      return {
        type: 'picture',
        what: m.picture.what,
        caption: m.caption,
        outline: m.outline,
        file,
      };
    case 'file':
      return {
        type: 'file',
        what: m.what,
        ...(m.processId ? { processId: m.processId } : {}),
        ...(m.paper ? { paper: m.paper } : {}),
        caption: m.caption,
        file,
      };
    // The protocol stays as documented: an invitation is a text line.
    case 'invitation':
      return { type: 'text', text: formatForTerminal(m) };
  }
}

export async function runTerminalChat(o: TerminalOptions): Promise<void> {
  const chatKey = o.chatKey ?? 'terminal:local';
  const run = randomUUID().slice(0, 8);
  let n = 0;
  const sender = new TerminalSender(o.output, o.mode, o.mapFiles, !!o.oneShot);
  const outbox = new OutboxSender(o.db, sender, o.log, o.maps ? { maps: o.maps } : {});
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
      writeError(textFor(NOT_STORED, 'both-inline'));
    }
    await outbox.drain();
  };

  // Whatever was left unsent by an earlier run goes first, then the current question.
  await outbox.drain();
  if (!o.oneShot) await handle({ kind: 'resume' });
  if (o.mode === 'plain') {
    const joinPastes = o.joinPastes ?? (o.input as { isTTY?: boolean }).isTTY === true;
    const messages = plainMessages(o.input, joinPastes ? (o.pasteJoinMs ?? 30) : null, () =>
      o.output.write(textFor(BLOCK_HINT, 'both-inline') + '\n\n'),
    );
    for await (const text of messages) await handle({ kind: 'text', text });
    await waitForMaps(o, chatKey, outbox);
    outbox.close();
    return;
  }
  const lines = createInterface({ input: o.input, crlfDelay: Infinity, terminal: false });
  for await (const line of lines) {
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
  await waitForMaps(o, chatKey, outbox);
  outbox.close();
}

/**
 * The input ended: maps still being rendered for this chat are written before the chat ends
 * (a script piping its answers gets every map line), up to `mapWaitMs`.
 */
async function waitForMaps(o: TerminalOptions, chatKey: string, outbox: OutboxSender) {
  const maps = o.maps;
  if (!maps) return;
  const deadline = Date.now() + (o.mapWaitMs ?? 120_000);
  for (;;) {
    await outbox.drain();
    if (!(await undeliveredOutboxForChat(o.db, chatKey)).length || Date.now() > deadline) return;
    // Put back by a job of this process (told at once), or of a worker elsewhere (looked at
    // every second).
    await new Promise<void>((resolve) => {
      const done = () => {
        off();
        clearTimeout(timer);
        resolve();
      };
      const off = maps.onRequeued(done);
      const timer = setTimeout(done, 1000);
    });
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
    return { error: textFor(NOT_JSON, 'both-inline') };
  }
  const r = JsonlInbound.safeParse(json);
  if (!r.success) return { error: textFor(UNKNOWN_SHAPE, 'both-inline') };
  if ('text' in r.data) return { kind: 'text', text: r.data.text };
  const wanted = r.data.choice;
  const prefixed = q?.choices.filter((x) => x.label.startsWith(wanted)) ?? [];
  const c =
    q?.choices.find((x) => x.id === wanted) ??
    q?.choices.find((x) => x.label === wanted) ??
    (prefixed.length === 1 ? prefixed[0] : undefined);
  if (!q || !c)
    return {
      error: textFor(
        bilingual(
          `Pilihan "${wanted.slice(0, 60)}" tidak ada pada pertanyaan ini`,
          'no such choice on this question',
        ),
        'both-inline',
      ),
    };
  return { kind: 'choice', questionId: q.questionId, optionId: c.id, rev: q.rev };
}
