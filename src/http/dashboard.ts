import type { Queue } from 'bullmq';
import { scrub } from '../logger.js';
import { askForBasicAuth, hasBasicAuth } from './basic-auth.js';
import type { LoginGuard } from './login-guard.js';
import type { Handler } from './server.js';

/** Where the queue dashboard lives. */
export const DASHBOARD_PATH = '/admin/queues';
/** The dashboard's user name (the password is DASHBOARD_PASSWORD). */
export const DASHBOARD_USER = 'admin';

/** Job data and results as the dashboard shows them: phone numbers (WhatsApp JIDs) masked. */
function masked(value: unknown): unknown {
  if (value === undefined || value === null) return value;
  return JSON.parse(scrub(JSON.stringify(value))) as unknown;
}

/**
 * The BullMQ dashboard (bull-board with its Express adapter, mounted on the node:http server) at
 * `/admin/queues`, behind HTTP basic auth (user `admin`, password DASHBOARD_PASSWORD); an address
 * with too many wrong passwords gets 429 until its window ends (login-guard.ts). Read-only:
 * it shows counts, jobs and failure reasons; retries go through /gagal in the admin chat, so a
 * slip of the mouse cannot empty a queue of reports. Loaded on demand (Express is not needed
 * when the dashboard is off).
 */
export async function createQueueDashboard(opts: { queues: Queue[]; password: string; guard: LoginGuard; basePath?: string }): Promise<Handler> {
  const basePath = opts.basePath ?? DASHBOARD_PATH;
  const { createBullBoard } = await import('@bull-board/api');
  const { BullMQAdapter } = await import('@bull-board/api/bullMQAdapter');
  const { ExpressAdapter } = await import('@bull-board/express');
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(basePath);
  const adapters = opts.queues.map((q) => {
    const a = new BullMQAdapter(q, { readOnlyMode: true, allowRetries: false });
    a.setFormatter('data', masked);
    a.setFormatter('returnValue', masked);
    return a;
  });
  createBullBoard({ queues: adapters, serverAdapter, options: { uiConfig: { boardTitle: 'Belanja UMKM' } } });
  const app = serverAdapter.getRouter() as (req: unknown, res: unknown) => void;

  return async (req, res) => {
    const address = req.socket.remoteAddress ?? 'unknown';
    const wait = await opts.guard.blockedFor(address);
    if (wait > 0) {
      res
        .writeHead(429, { 'retry-after': String(Math.ceil(wait / 1000)), 'content-type': 'text/plain; charset=utf-8' })
        .end('too many failed logins from this address; try again later');
      return;
    }
    if (!hasBasicAuth(req, DASHBOARD_USER, opts.password)) {
      // A request without credentials is a browser asking for the prompt, not a wrong guess.
      if (req.headers.authorization) await opts.guard.failed(address);
      return askForBasicAuth(res, 'Belanja UMKM queues');
    }
    // Mounted like Express's app.use(basePath, ...): the adapter sees paths below the base.
    const rest = (req.url ?? '').slice(basePath.length);
    if (rest && !/^[/?]/.test(rest)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    req.url = rest.startsWith('/') ? rest : `/${rest}`;
    return new Promise<void>((resolve) => {
      res.once('finish', resolve);
      res.once('close', resolve);
      app(req, res);
    });
  };
}
