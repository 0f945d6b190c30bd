import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../logger.js';

/** A route handler; it owns the response. */
export type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void> | void;

export interface HttpServerDeps {
  port: number;
  /** HTTP_HOST; loopback (127.0.0.1) when not given */
  host?: string;
  logger: Logger;
  /** exact path -> handler (method checks are the handler's) */
  routes: Map<string, Handler>;
  /** path prefix -> handler, for mounted apps such as the queue dashboard */
  prefixes?: Map<string, Handler>;
}

/** The server could not listen: one line naming the variables to change (main prints it and exits 1). */
export class HttpListenError extends Error {
  constructor(port: number, host: string, cause: NodeJS.ErrnoException) {
    const why =
      cause.code === 'EADDRINUSE'
        ? `port ${port} on ${host} is already in use (another copy running?): set HTTP_PORT to a free port`
        : cause.code === 'EADDRNOTAVAIL'
          ? `${host} is not an address of this machine: set HTTP_HOST to one (127.0.0.1 or 0.0.0.0)`
          : cause.code === 'EACCES'
            ? `port ${port} needs privileges: set HTTP_PORT to 1024 or above`
            : `cannot listen on ${host}:${port} (${cause.code ?? cause.message}): check HTTP_HOST and HTTP_PORT`;
    super(`HTTP server: ${why}`, { cause });
    this.name = 'HttpListenError';
  }
}

/**
 * The one HTTP server of the app (Telegram webhook, /healthz, /metrics, /admin/queues).
 * Unknown paths get 404; a handler that throws gets 500 and a log line, never a crash.
 */
export async function startHttpServer(deps: HttpServerDeps): Promise<{ server: http.Server; port: number; close(): Promise<void> }> {
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let handler = deps.routes.get(url.pathname);
    if (!handler && deps.prefixes) {
      for (const [prefix, h] of deps.prefixes) if (url.pathname.startsWith(prefix)) handler = h;
    }
    if (!handler) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    try {
      await handler(req, res);
    } catch (err) {
      deps.logger.error({ err, path: url.pathname }, 'http handler failed');
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('internal error');
    }
  });
  const host = deps.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => reject(new HttpListenError(deps.port, host, err)));
    server.listen(deps.port, host, resolve);
  });
  const port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
