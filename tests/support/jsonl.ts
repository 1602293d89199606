// Holds an interview through the JSON-lines terminal channel, in this process, as a script would.
import { PassThrough } from 'node:stream';
import type { App } from '../../bot/app.js';
import { silentLogger } from '../../bot/log.js';
import { type JsonlOutbound, runTerminalChat } from '../../bot/terminal/terminal-chat.js';
import type { TranscriptLine } from '../../bot/commands/replay.js';
import type { MapFiles } from '../../bot/terminal/map-files.js';

export class JsonlChat {
  readonly out: JsonlOutbound[] = [];
  private readonly input = new PassThrough();
  private readonly output = new PassThrough();
  private waiters: (() => void)[] = [];
  readonly done: Promise<void>;

  constructor(
    app: App,
    o: {
      personId?: string;
      chatKey?: string;
      /** Maps rendered by the app's jobs and written by this (none: outlines only). */
      mapFiles?: MapFiles;
    } = {},
  ) {
    let buf = '';
    this.output.on('data', (chunk: Buffer) => {
      buf += chunk.toString('utf8');
      let i;
      while ((i = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, i);
        buf = buf.slice(i + 1);
        if (line.trim()) this.out.push(JSON.parse(line) as JsonlOutbound);
      }
      for (const w of this.waiters.splice(0)) w();
    });
    this.done = runTerminalChat({
      db: app.database.db,
      service: app.service,
      log: silentLogger,
      input: this.input,
      output: this.output,
      mode: 'jsonl',
      personId: o.personId ?? null,
      ...(o.chatKey ? { chatKey: o.chatKey } : {}),
      ...(o.mapFiles ? { maps: app.maps, mapFiles: o.mapFiles } : {}),
    });
  }

  /** Resolves once `count` more outbound lines ending in a question or an error have arrived. */
  private async settled(from: number): Promise<JsonlOutbound[]> {
    for (;;) {
      const fresh = this.out.slice(from);
      if (fresh.some((o) => o.type === 'question' || o.type === 'error')) return fresh;
      await new Promise<void>((r) => this.waiters.push(r));
    }
  }

  async start(): Promise<JsonlOutbound[]> {
    return this.settled(0);
  }

  async send(line: object | string): Promise<JsonlOutbound[]> {
    const from = this.out.length;
    this.input.write((typeof line === 'string' ? line : JSON.stringify(line)) + '\n');
    return this.settled(from);
  }

  say(text: string) {
    return this.send({ text });
  }

  press(label: string) {
    const q = this.question();
    const c =
      q.choices.find((x) => x.label === label) ?? q.choices.find((x) => x.label.startsWith(label));
    if (!c)
      throw new Error(
        `no button "${label}" on ${q.questionId}: ${q.choices.map((x) => x.label).join(' | ')}`,
      );
    return this.send({ choice: c.id });
  }

  async tell(lines: TranscriptLine[]): Promise<void> {
    for (const l of lines) await (l.kind === 'press' ? this.press(l.value) : this.say(l.value));
  }

  question(): Extract<JsonlOutbound, { type: 'question' }> {
    const q = [...this.out].reverse().find((o) => o.type === 'question');
    if (!q || q.type !== 'question') throw new Error('no question yet');
    return q;
  }

  async end(): Promise<void> {
    this.input.end();
    await this.done;
  }
}
