import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request held at the proxy until `release()`; `seen` resolves when it arrives. */
export interface Gate {
  seen: Promise<void>;
  release(): void;
}

/**
 * A plain HTTP proxy in front of the fake Bot API that can hold chosen calls (e.g. the report's
 * sendPhoto) so they are in flight at a chosen moment, such as when a process gets SIGTERM.
 * A client that goes away aborts its upstream call (so an aborted long poll ends at the fake too).
 */
export async function startGatedProxy(target: string) {
  const upstream = new URL(target);
  const gates: { match: (method: string, body: Buffer) => boolean; arrived: () => void; opened: Promise<void> }[] = [];

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const method = /\/bot[^/]+\/([^/?]+)/.exec(req.url ?? '')?.[1] ?? '';
      const i = gates.findIndex((g) => g.match(method, body));
      const gate = i >= 0 ? gates.splice(i, 1)[0] : undefined;
      gate?.arrived();
      void (gate?.opened ?? Promise.resolve()).then(() => {
        if (res.destroyed) return;
        const up = http.request(
          { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host } },
          (r) => {
            res.writeHead(r.statusCode ?? 502, r.headers);
            r.pipe(res);
          },
        );
        up.on('error', () => res.destroy());
        res.on('close', () => {
          if (!res.writableFinished) up.destroy();
        });
        up.end(body);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    /** Holds the next call of `method` whose body contains `needle`, until released. */
    hold(method: string, needle: string): Gate {
      let arrived!: () => void;
      let release!: () => void;
      const seen = new Promise<void>((r) => (arrived = r));
      const opened = new Promise<void>((r) => (release = r));
      gates.push({ match: (m, body) => m === method && body.includes(needle), arrived, opened });
      return { seen, release };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
