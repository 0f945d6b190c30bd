import http from 'node:http';
import https from 'node:https';
import type { Readable } from 'node:stream';

/** What grammY hands its `fetch` (src: grammy/out/core/client.js): a JSON string or a multipart stream, and its kept-open agent. */
interface BotApiRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Readable;
  signal?: AbortSignal;
  agent?: http.Agent;
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
    const u = new URL(url);
    const request = u.protocol === 'https:' ? https.request : http.request;
    const headers = { ...init.headers };
    if (typeof init.body === 'string') headers['content-length'] = String(Buffer.byteLength(init.body));
    // The signal is followed here, not handed to Node (whose own handling adds a stream watcher per call).
    const { signal } = init;
    const settle = () => signal?.removeEventListener('abort', onAbort);
    const options = {
      protocol: u.protocol,
      hostname: u.hostname.startsWith('[') ? u.hostname.slice(1, -1) : u.hostname, // an IPv6 address without its brackets
      port: u.port,
      path: u.pathname + u.search,
      method: init.method ?? 'GET',
      headers,
      agent: init.agent,
    };
    const req = request(options, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        settle();
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ json: async () => JSON.parse(text) as unknown });
      });
      res.on('error', fail);
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
