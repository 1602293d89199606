// A TCP proxy on 127.0.0.1 between the bot and PostgreSQL, to make the database unreachable for
// one bot only (the machine's PostgreSQL serves other test files at the same time): `cut()`
// destroys every open connection and resets new ones at once; `restore()` lets them through again.
import net from 'node:net';

export type TcpProxy = {
  port: number;
  /** Connections accepted and piped through, in all. */
  readonly accepted: number;
  /** Connections refused while cut. */
  readonly refused: number;
  cut(): void;
  restore(): void;
  close(): Promise<void>;
};

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const open = new Set<net.Socket>();
  let isCut = false;
  let accepted = 0;
  let refused = 0;
  const server = net.createServer((client) => {
    if (isCut) {
      refused++;
      client.resetAndDestroy();
      return;
    }
    accepted++;
    const upstream = net.connect(target.port, target.host);
    open.add(client);
    open.add(upstream);
    const end = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as net.AddressInfo;
  return {
    port,
    get accepted() {
      return accepted;
    },
    get refused() {
      return refused;
    },
    cut() {
      isCut = true;
      for (const s of open) s.resetAndDestroy();
      open.clear();
    },
    restore() {
      isCut = false;
    },
    close() {
      for (const s of open) s.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
