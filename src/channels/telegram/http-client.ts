import http from 'node:http';
import https from 'node:https';
import type { Readable } from 'node:stream';
import { readBodyUpTo } from '../../media/photo-source.js';

/** What grammY hands its `fetch` (src: grammy/out/core/client.js): a JSON string or a multipart stream, and its kept-open agent. */
interface BotApiRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Readable;
  signal?: AbortSignal;
  agent?: http.Agent;
}

/** Where an origin (`http://host:port`) is reached, read once per origin instead of a URL object per call. */
interface Target {
  request: typeof http.request;
  protocol: string;
  hostname: string;
  port: string;
}
const targets = new Map<string, Target>();

/** The target and path of an absolute URL (grammY's are `<api root>/bot<token>/<method>`). */
function targetOf(url: string): { target: Target; path: string } {
  const slash = url.indexOf('/', url.indexOf('//') + 2);
  const origin = slash < 0 ? url : url.slice(0, slash);
  let target = targets.get(origin);
  if (!target) {
    const u = new URL(origin);
    target = {
      request: u.protocol === 'https:' ? https.request : http.request,
      protocol: u.protocol,
      hostname: u.hostname.startsWith('[') ? u.hostname.slice(1, -1) : u.hostname, // an IPv6 address without its brackets
      port: u.port,
    };
    if (targets.size >= 16) targets.clear(); // one API root in practice; never a growing list
    targets.set(origin, target);
  }
  return { target, path: slash < 0 ? '/' : url.slice(slash) };
}

/**
 * The Bot API's `fetch` for grammY (its `client.fetch` option), on Node's own HTTP client: grammY
 * reads only the JSON of the answer, so no web `Response`, `Headers` or body classes are made per
 * call. In the benchmark node-fetch was the largest part of the bot's CPU after GC. Behaves as
 * grammY expects of fetch: rejects on a network error, an aborted signal (its timeout) or a body
 * that is not JSON (grammY turns each into an HttpError); any status resolves (Telegram answers
 * 4xx and 429 with JSON saying why). A JSON body goes with its length; a file upload is streamed.
 */
export function botApiFetch(url: string, init: BotApiRequest = {}): Promise<{ json(): Promise<unknown> }> {
  return new Promise((resolve, reject) => {
    const { target, path } = targetOf(url);
    const headers = { ...init.headers };
    if (typeof init.body === 'string') headers['content-length'] = String(Buffer.byteLength(init.body));
    // The signal is followed here, not handed to Node (whose own handling adds a stream watcher per call).
    const { signal } = init;
    const settle = () => signal?.removeEventListener('abort', onAbort);
    const options = {
      protocol: target.protocol,
      hostname: target.hostname,
      port: target.port,
      path,
      method: init.method ?? 'GET',
      headers,
      agent: init.agent,
    };
    const req = target.request(options, (res) => {
      readBodyUpTo(res, Number.POSITIVE_INFINITY).then((body) => {
        settle();
        const text = body!.toString('utf8');
        resolve({ json: async () => JSON.parse(text) as unknown });
      }, fail);
    });
    function fail(err: Error) {
      settle();
      reject(err);
    }
    function onAbort() {
      req.destroy(new Error('request aborted'));
    }
    req.on('error', fail);
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    if (typeof init.body === 'string') req.end(init.body);
    else if (init.body) init.body.pipe(req);
    else req.end();
  });
}

/** `botApiFetch` as grammY's `client.fetch` option types it. */
export const grammyFetch = botApiFetch as unknown as typeof fetch;
