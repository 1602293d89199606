// Simulated people on the driver's side of the fake Bot API. The fake keeps each chat's bot
// messages; the bench wraps (on its own instance, not in the fake's source) the fake's private
// `botMessage`, which every sendMessage/sendPhoto/sendDocument goes through, to see each bot
// message the moment it is stored: a person's reply is complete when the chat has received as
// many messages as the input is known to produce (or when a predicate says so).
import type { BotMessage, FakeTelegram } from '../../tests/support/fake-telegram.js';
import type { Step } from './world.js';

export class Observer {
  private readonly sims = new Map<number, Sim>();
  /** Bot messages to chats that nobody was waiting for (a sign the expected counts are wrong). */
  unexpected = 0;

  constructor(readonly fake: FakeTelegram) {
    const target = fake as unknown as { botMessage: (...a: unknown[]) => BotMessage };
    const original = target.botMessage;
    target.botMessage = (...a: unknown[]) => {
      const m = original.apply(fake, a);
      this.sims.get(m.chat_id)?.onMessage(m);
      return m;
    };
  }

  add(sim: Sim): Sim {
    this.sims.set(sim.chatId, sim);
    sim.observer = this;
    return sim;
  }

  /** Frees the fake's per-call log and delivery log between phases (they grow with every call). */
  trimFakeLogs(): void {
    const f = this.fake as unknown as { log: unknown[]; deliveryLog: unknown[] };
    f.log.length = 0;
    f.deliveryLog.length = 0;
  }
}

export class Sim {
  observer!: Observer;
  private received = 0;
  private target = 0;
  private waiting: {
    t0: number;
    resolve: (ms: number) => void;
    done?: (m: BotMessage) => boolean;
  } | null = null;
  private lastButtons: BotMessage | null = null;
  /** Index of the next input: the warm part first, then the cycle for ever. */
  next = 0;
  /** When the current wait started, for the watchdog. */
  since = 0;

  constructor(
    readonly chatId: number,
    readonly warm: Step[],
    readonly cycle: Step[],
  ) {}

  get busy(): boolean {
    return this.waiting !== null;
  }
  get warmedUp(): boolean {
    return this.next >= this.warm.length;
  }

  onMessage(m: BotMessage): void {
    this.received++;
    if (m.buttons.length) this.lastButtons = m;
    const w = this.waiting;
    if (!w) {
      this.observer.unexpected++;
      return;
    }
    if (w.done ? w.done(m) : this.received >= this.target) {
      this.waiting = null;
      w.resolve(performance.now() - w.t0);
    }
  }

  nextStep(): Step {
    const s =
      this.next < this.warm.length
        ? this.warm[this.next]
        : this.cycle[(this.next - this.warm.length) % this.cycle.length];
    if (!s) throw new Error(`chat ${this.chatId} has nothing more to say`);
    this.next++;
    return s;
  }

  /** Sends the next input; resolves with the latency (ms) from queueing to its last reply message. */
  say(step: Step = this.nextStep(), done?: (m: BotMessage) => boolean): Promise<number> {
    if (this.waiting) throw new Error(`chat ${this.chatId} is still waiting`);
    const fake = this.observer.fake;
    this.target += step.expect;
    return new Promise<number>((resolve) => {
      let queue: () => unknown;
      if (step.kind === 'press') {
        const q = this.lastButtons;
        const b =
          q?.buttons.find((x) => x.text === step.value) ??
          q?.buttons.find((x) => x.text.startsWith(step.value));
        if (!q || !b?.callback_data)
          throw new Error(
            `chat ${this.chatId}: no button "${step.value}" in: ${q?.buttons.map((x) => x.text).join(' | ')}`,
          );
        queue = () => fake.pressButton(this.chatId, q.message_id, b.callback_data!);
      } else queue = () => fake.sendText(this.chatId, step.value);
      const t0 = performance.now();
      this.since = t0;
      this.waiting = { t0, resolve, ...(done ? { done } : {}) };
      queue();
    });
  }
}

/** Fails loudly when a chat waits too long for its reply (a wrong expected count, a lost update). */
export function watchdog(sims: Sim[], fake: FakeTelegram, limitMs: number): () => void {
  const timer = setInterval(() => {
    const now = performance.now();
    const stuck = sims.find((s) => s.busy && now - s.since > limitMs);
    if (stuck) {
      process.stderr.write(
        `chat ${stuck.chatId} waited ${limitMs} ms for a reply:\n${fake.transcript(stuck.chatId).slice(-12).join('\n')}\n`,
      );
      process.exit(2);
    }
  }, 1000);
  timer.unref();
  return () => clearInterval(timer);
}

export function percentile(xs: number[], p: number): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}
