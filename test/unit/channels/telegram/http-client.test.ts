import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { Api, HttpError } from 'grammy';
import { botApiFetch, grammyFetch } from '../../../../src/channels/telegram/http-client.js';

/** A Bot API stand-in on loopback: echoes what it got; /bot<t>/busy answers 429; /bot<t>/html is a proxy's error page; /bot<t>/hang never answers. */
let server: http.Server;
let root: string;
/** resolves when the client gave up a request that got no answer (its connection closed) */
let hangClosed: Promise<void> = Promise.resolve();
beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      if (req.url?.endsWith('/busy')) {
        res.writeHead(429, { 'content-type': 'application/json' });
        return res.end(JSON.stringify({ ok: false, error_code: 429, description: 'Too Many Requests: retry after 3', parameters: { retry_after: 3 } }));
      }
      if (req.url?.endsWith('/html')) return res.writeHead(502).end('<html>Bad Gateway</html>');
      if (req.url?.endsWith('/hang')) {
        hangClosed = new Promise((r) => res.on('close', () => r()));
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          ok: true,
          result: { method: req.method, url: req.url, type: req.headers['content-type'], length: req.headers['content-length'] ?? null, body },
        }),
      );
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  root = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

test('a JSON call goes with its length and comes back as the JSON answered', async () => {
  const body = JSON.stringify({ chat_id: 1, text: 'Halo — 🙏' });
  const res = await botApiFetch(`${root}/botT/sendMessage`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  expect(await res.json()).toEqual({
    ok: true,
    result: { method: 'POST', url: '/botT/sendMessage', type: 'application/json', length: String(Buffer.byteLength(body)), body },
  });
});

test('an IPv6 address in the API root is reached (a local Bot API server on ::1)', async () => {
  const v6 = http.createServer((_req, res) => res.end(JSON.stringify({ ok: true, result: 'v6' })));
  const listening = await new Promise<boolean>((r) => {
    v6.once('error', () => r(false));
    v6.listen(0, '::1', () => r(true));
  });
  if (!listening) return; // no IPv6 loopback on this machine
  try {
    const res = await botApiFetch(`http://[::1]:${(v6.address() as AddressInfo).port}/botT/getMe`, { method: 'POST', body: '{}' });
    expect(await res.json()).toEqual({ ok: true, result: 'v6' });
  } finally {
    v6.closeAllConnections();
    await new Promise((r) => v6.close(r));
  }
});

test('a streamed body (a file upload) arrives whole', async () => {
  const parts = ['--b\r\n', 'x'.repeat(100_000), '\r\n--b--\r\n'];
  const res = await botApiFetch(`${root}/botT/sendPhoto`, {
    method: 'POST',
    headers: { 'content-type': 'multipart/form-data; boundary=b' },
    body: Readable.from(parts),
  });
  expect(((await res.json()) as { result: { body: string } }).result.body).toBe(parts.join(''));
});

test("through grammY: Telegram's refusals are GrammyErrors with their reasons; a page that is not JSON, a timeout and a closed port are HttpErrors", async () => {
  const api = new Api('T', { apiRoot: root, fetch: grammyFetch });
  expect(await api.raw.getMe()).toMatchObject({ url: '/botT/getMe' });
  const busy = new Api('T', { apiRoot: root, fetch: grammyFetch, buildUrl: (r, t) => `${r}/bot${t}/busy` });
  await expect(busy.getMe()).rejects.toMatchObject({ error_code: 429, parameters: { retry_after: 3 } });
  const html = new Api('T', { apiRoot: root, fetch: grammyFetch, buildUrl: (r, t) => `${r}/bot${t}/html` });
  await expect(html.getMe()).rejects.toBeInstanceOf(HttpError);
  const hang = new Api('T', { apiRoot: root, fetch: grammyFetch, timeoutSeconds: 0.2, buildUrl: (r, t) => `${r}/bot${t}/hang` });
  await expect(hang.getMe()).rejects.toBeInstanceOf(HttpError);
  await hangClosed; // the timed-out request was given up, not left open
  const closed = new Api('T', { apiRoot: 'http://127.0.0.1:9', fetch: grammyFetch });
  await expect(closed.getMe()).rejects.toBeInstanceOf(HttpError);
});
