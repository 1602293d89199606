// What the chat benchmark measures (bench/chat.ts) and prints (bench/chat/table.ts).

export type Kind = 'pglite' | 'postgres';
export type Variant = 'probis' | 'design' | 'store' | 'echo';

export type Window = {
  msgs: number;
  seconds: number;
  cpuUsPerMsg: number;
  /** The kernel's share of cpuUsPerMsg (system time: socket writes and reads, wake-ups). */
  sysUsPerMsg: number;
  pgUsPerMsg: number;
  driverCpuPct: number;
  botCpuPct: number;
};

export type Closed = Window & { chats: number; p50: number; p99: number; rate: number };
export type Open = Window & {
  p50: number;
  p99: number;
  n: number;
  backlog: number;
  renders?: number[];
  renderBusy?: number;
  /** The driver's own event-loop delay p99 in the window: what it adds to every latency. */
  driverLagP99: number;
  /** The bot's event-loop delay in the window, p99 and max (ms). */
  botLagP99: number;
  botLagMax: number;
};

export type Result = {
  closed: Closed[];
  open: Open;
  render?: Open;
  rss: number;
  rssBefore: number;
  rssNote: string;
  /** RSS of the bot's render processes at the end (alive up to 30 s after the last picture). */
  childrenRss: number;
  /** V8 heap in use and memory outside it (Buffers, WASM), at the end. */
  heapUsed: number;
  external: number;
  unexpected: number;
  profile?: string;
};
