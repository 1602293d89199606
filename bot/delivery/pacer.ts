// The pace a channel sends at, so that a platform's limits (or its spam heuristics) are kept.
/**
 * Spaces a channel's sends: at most one per `perChatMs` to a chat and one per `globalMs` overall.
 * The defaults are Telegram's published limits (about one a second per chat, thirty a second
 * overall); WhatsApp passes slower ones.
 */
export class Pacer {
  private readonly nextPerChat = new Map<string, number>();
  private nextGlobal = 0;

  constructor(
    private readonly perChatMs = 1000,
    private readonly globalMs = 1000 / 30,
    private readonly clock: () => number = () => Date.now(),
  ) {}

  /** Milliseconds to wait before sending to `chat`; reserves the slot. */
  reserve(chat: string): number {
    const now = this.clock();
    const at = Math.max(now, this.nextPerChat.get(chat) ?? 0, this.nextGlobal);
    this.nextPerChat.set(chat, at + this.perChatMs);
    this.nextGlobal = at + this.globalMs;
    if (this.nextPerChat.size > 10_000)
      for (const [k, t] of this.nextPerChat) if (t < now) this.nextPerChat.delete(k);
    return at - now;
  }
}
