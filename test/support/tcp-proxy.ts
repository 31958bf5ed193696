import { createConnection, createServer, type Server, type Socket } from 'node:net';

type ProxyState = 'open' | 'cut' | 'frozen';

/**
 * A TCP proxy between the service and PostgreSQL that a test controls, to play an outage without
 * touching the shared server: `cut()` drops every connection and refuses new ones, `freeze()`
 * keeps connections open but passes nothing (a hung server or network), `restore()` serves again.
 */
export class TcpProxy {
  private state: ProxyState = 'open';
  private readonly pairs = new Set<[Socket, Socket]>();

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async start(targetHost: string, targetPort: number): Promise<TcpProxy> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const proxy = new TcpProxy(server, (server.address() as { port: number }).port);
    server.on('connection', (client: Socket) => proxy.accept(client, targetHost, targetPort));
    return proxy;
  }

  /** `url` with its host and port replaced by the proxy's. */
  route(url: string): string {
    const routed = new URL(url);
    routed.hostname = '127.0.0.1';
    routed.port = String(this.port);
    return routed.toString();
  }

  cut(): void {
    this.state = 'cut';
    for (const [client, upstream] of this.pairs) {
      client.destroy();
      upstream.destroy();
    }
    this.pairs.clear();
  }

  freeze(): void {
    this.state = 'frozen';
    for (const pair of this.pairs) stall(pair);
  }

  restore(): void {
    this.state = 'open';
    // Connections held through a freeze carry half-sent protocol state: start them afresh.
    this.cut();
    this.state = 'open';
  }

  async close(): Promise<void> {
    this.cut();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private accept(client: Socket, targetHost: string, targetPort: number): void {
    if (this.state === 'cut') {
      client.destroy();
      return;
    }
    const upstream = createConnection(targetPort, targetHost);
    const pair: [Socket, Socket] = [client, upstream];
    this.pairs.add(pair);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      this.pairs.delete(pair);
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    client.pipe(upstream);
    upstream.pipe(client);
    if (this.state === 'frozen') stall(pair);
  }
}

/** Nothing passes either way, and nothing is closed. */
function stall([client, upstream]: [Socket, Socket]): void {
  client.unpipe(upstream);
  upstream.unpipe(client);
  client.pause();
  upstream.pause();
}
