/**
 * A local webhook receiver for the queue tests (Telegram is the fake Bot API in
 * test/support/fake-bot-api): records what reached it, answers as scripted, and can hold a
 * request unanswered ('hang') to simulate a crash of the sender.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** What a scripted answer can be: an HTTP error, a hang, or undefined for success. */
export type Scripted = { status: number; description?: string; retryAfter?: number } | 'hang' | undefined;

async function readAll(req: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

async function listen(server: http.Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function closer(server: http.Server) {
  return () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
}

/** One webhook request. `answered` is true when the receiver acknowledged it with 2xx. */
export interface WebhookHit {
  body: string;
  headers: http.IncomingHttpHeaders;
  status?: number;
  answered: boolean;
}

/** A webhook receiver; `script(n)` decides the answer to the n-th request (default 200). */
export async function startWebhookReceiver(script: (n: number) => Scripted = () => undefined, onRequest?: (hit: WebhookHit) => void) {
  const hits: WebhookHit[] = [];
  const server = http.createServer(async (req, res) => {
    const body = (await readAll(req)).toString('utf8');
    const hit: WebhookHit = { body, headers: req.headers, answered: false };
    hits.push(hit);
    onRequest?.(hit);
    const s = script(hits.length);
    if (s === 'hang') return;
    hit.status = s ? s.status : 200;
    hit.answered = !s;
    res.statusCode = hit.status;
    if (s?.retryAfter !== undefined) res.setHeader('retry-after', String(s.retryAfter));
    res.end(s ? 'error' : 'ok');
  });
  const url = await listen(server);
  return {
    url: `${url}/hooks/umkm`,
    hits,
    /** requests the receiver acknowledged */
    accepted: () => hits.filter((h) => h.answered),
    close: closer(server),
  };
}
export type WebhookReceiver = Awaited<ReturnType<typeof startWebhookReceiver>>;

/** One request to the slow receiver: `cut` when the sender hung up before the answer came. */
export interface SlowHit {
  body: string;
  headers: http.IncomingHttpHeaders;
  /** when it arrived (Date.now() of this process) */
  at: number;
  answered: boolean;
  cut: boolean;
}

/**
 * A webhook receiver that takes `delayMs` to answer 200 (a slow office server), so a worker
 * killed at a random moment is often killed mid-request. A request whose sender is gone when the
 * answer is due is recorded as `cut` (the sender never learned the outcome).
 */
export async function startSlowWebhookReceiver(delayMs: number) {
  const hits: SlowHit[] = [];
  const server = http.createServer(async (req, res) => {
    const at = Date.now();
    const body = (await readAll(req)).toString('utf8');
    const hit: SlowHit = { body, headers: req.headers, at, answered: false, cut: false };
    hits.push(hit);
    let gone = false;
    res.on('close', () => {
      if (!res.writableFinished) gone = true;
    });
    await new Promise((r) => setTimeout(r, delayMs));
    if (gone || req.socket.destroyed) {
      hit.cut = true;
      return;
    }
    res.statusCode = 200;
    res.end('ok');
    hit.answered = true;
  });
  const url = await listen(server);
  return { url: `${url}/hooks/umkm`, hits, close: closer(server) };
}
