/**
 * The HTTP side of the fake Bot API: routes `/bot<token>/<method>` (GET or POST; JSON, urlencoded
 * or multipart) and `/file/bot<token>/<file_path>`, checks the token (401), the method (404),
 * injected faults, the parameters against the spec (400), then runs the handler. Keeps stats.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseParams, readBody, type ParsedParams } from './body.js';
import type { CallContext, MethodHandler } from './context.js';
import { ApiError } from './errors.js';
import { botMethods } from './methods-bot.js';
import { genericSend, messageMethods } from './methods-messages.js';
import type { SpecIndex } from './spec-index.js';
import { validateCall } from './validate-params.js';

/** A fault to inject: the answer the next calls of a method get instead of running. */
export interface Fault {
  status: number;
  description: string;
  retry_after?: number;
  /** Only calls addressed to this chat fail (other chats' calls pass and do not use up the count). */
  chat_id?: number;
}

/** Counts of calls: per method, per HTTP status, and 429s. */
export interface FakeStats {
  requests: number;
  byMethod: Record<string, number>;
  byStatus: Record<number, number>;
  tooManyRequests: number;
}

/** One call as the fake saw it (normalised params when valid, raw otherwise). */
export interface CallRecord {
  method: string;
  params: Record<string, unknown>;
  status: number;
  description?: string;
  at: number;
}

/** Options of the HTTP layer. */
export interface DispatcherOptions {
  token: string;
  spec: SpecIndex;
  strictParams: boolean;
  maxBodyBytes: number;
  ctx: CallContext;
  onCall: () => void;
}

const HANDLERS: Record<string, MethodHandler> = { ...messageMethods, ...botMethods };

/** Routing, validation, faults and stats; `execute` is also used for webhook replies. */
export class Dispatcher {
  readonly stats: FakeStats = { requests: 0, byMethod: {}, byStatus: {}, tooManyRequests: 0 };
  readonly calls: CallRecord[] = [];
  private readonly faults = new Map<string, { count: number; fault: Fault }>();

  constructor(private readonly opts: DispatcherOptions) {}

  /** The next `count` calls of `method` answer `fault`. */
  failNext(method: string, count: number, fault: Fault): void {
    this.faults.set(method.toLowerCase(), { count, fault });
  }

  /** Runs one call (without HTTP): returns the result or throws ApiError. */
  async execute(methodName: string, input: ParsedParams, signal: AbortSignal): Promise<unknown> {
    const method = this.opts.spec.methods.get(methodName.toLowerCase());
    const name = method?.name ?? methodName;
    this.stats.requests++;
    this.stats.byMethod[name] = (this.stats.byMethod[name] ?? 0) + 1;
    const record: CallRecord = { method: name, params: input.params, status: 200, at: Date.now() };
    try {
      if (!method) throw new ApiError(404, 'Not Found: method not found');
      const fault = this.faults.get(method.name.toLowerCase());
      if (fault && fault.count > 0 && (fault.fault.chat_id === undefined || String(input.params.chat_id) === String(fault.fault.chat_id))) {
        fault.count--;
        throw new ApiError(fault.fault.status, fault.fault.description, fault.fault.retry_after);
      }
      const { params, plain } = validateCall(this.opts.spec, method, input, this.opts.strictParams);
      record.params = params;
      const handler = HANDLERS[method.name] ?? (method.name.startsWith('send') && method.returns[0] === 'Message' ? genericSend(method.name) : undefined);
      if (handler) {
        // sync handlers finish (and are logged in `finally`) before anyone woken by their records runs
        const result = handler(this.opts.ctx, params, plain, signal);
        return result instanceof Promise ? await result : result;
      }
      if (method.returns.length === 1 && method.returns[0] === 'Boolean') return true;
      throw new ApiError(501, `Not Implemented: ${method.name} is not simulated by the fake Bot API`);
    } catch (e) {
      const err = e instanceof ApiError ? e : new ApiError(500, `Internal Server Error: ${(e as Error).message}`);
      record.status = err.status;
      record.description = err.description;
      throw err;
    } finally {
      this.stats.byStatus[record.status] = (this.stats.byStatus[record.status] ?? 0) + 1;
      if (record.status === 429) this.stats.tooManyRequests++;
      this.calls.push(record);
      this.opts.onCall();
    }
  }

  /** The node:http request listener. */
  readonly listener = (req: IncomingMessage, res: ServerResponse): void => {
    void this.handle(req, res).catch((e: unknown) => {
      const err = e instanceof ApiError ? e : new ApiError(500, `Internal Server Error: ${(e as Error).message}`);
      send(res, err.status, err.toJSON());
    });
  };

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const path = url.pathname;
    if (path.startsWith('/file/bot')) return this.download(path.slice('/file/bot'.length), res);
    const m = /^\/bot([^/]+)\/([^/]*)$/.exec(path);
    if (!m) throw new ApiError(404, 'Not Found');
    if (decodeURIComponent(m[1]!) !== this.opts.token) throw new ApiError(401, 'Unauthorized');
    if (req.method !== 'GET' && req.method !== 'POST') throw new ApiError(405, 'Method Not Allowed');
    const body = await readBody(req, this.opts.maxBodyBytes);
    const input = parseParams(req.headers['content-type'], body, url.searchParams);
    const abort = new AbortController();
    res.on('close', () => abort.abort());
    try {
      const result = await this.execute(m[2]!, input, abort.signal);
      send(res, 200, { ok: true, result });
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      send(res, e.status, e.toJSON());
    }
  }

  private download(rest: string, res: ServerResponse): void {
    const slash = rest.indexOf('/');
    if (slash < 0 || decodeURIComponent(rest.slice(0, slash)) !== this.opts.token) throw new ApiError(401, 'Unauthorized');
    const file = this.opts.ctx.state.filesByPath.get(decodeURIComponent(rest.slice(slash + 1)));
    if (!file) throw new ApiError(404, 'Not Found');
    res.writeHead(200, { 'content-type': file.mime_type ?? 'application/octet-stream', 'content-length': file.data.length });
    res.end(file.data);
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent || res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** Listens on 127.0.0.1 (free port unless given); resolves with the server and its base URL. */
export function listen(listener: (req: IncomingMessage, res: ServerResponse) => void, port = 0): Promise<{ server: Server; url: string }> {
  const server = createServer({ keepAliveTimeout: 5000 }, listener);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      const { port: p } = server.address() as AddressInfo;
      resolve({ server, url: `http://127.0.0.1:${p}` });
    });
  });
}
