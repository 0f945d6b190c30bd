import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { downloadFile } from '../../../../src/channels/telegram/download.js';

/** A file server on loopback: /ok (4 KB), /big (declared 2 MB), /stream (2 MB, no length), /slow (never answers), anything else 404. */
let server: http.Server;
let base: string;
const body = Buffer.alloc(4096, 7);
beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (req.url === '/ok') return res.end(body);
    if (req.url === '/big') {
      res.writeHead(200, { 'content-length': String(2 * 1024 * 1024) });
      return res.end(Buffer.alloc(2 * 1024 * 1024));
    }
    if (req.url === '/stream') {
      res.writeHead(200);
      for (let i = 0; i < 32; i++) res.write(Buffer.alloc(64 * 1024));
      return res.end();
    }
    if (req.url === '/slow') return; // no answer
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

const opts = { maxBytes: 1024 * 1024, timeoutMs: 2000 };

test('a file comes back whole, and again over the same kept-open connection', async () => {
  expect(await downloadFile(`${base}/ok`, opts)).toEqual(body);
  expect(await downloadFile(`${base}/ok`, opts)).toEqual(body);
});

test('a file the server does not have, one larger than allowed (said or counted), and a server that does not answer: each refused with the reason', async () => {
  await expect(downloadFile(`${base}/missing`, opts)).rejects.toThrow('file download failed: 404');
  await expect(downloadFile(`${base}/big`, opts)).rejects.toThrow('file too large to download');
  await expect(downloadFile(`${base}/stream`, opts)).rejects.toThrow('file too large to download');
  await expect(downloadFile(`${base}/slow`, { ...opts, timeoutMs: 200 })).rejects.toThrow('timed out after 200 ms');
  await expect(downloadFile('ftp://example.com/x', opts)).rejects.toThrow('unsupported protocol');
  // the server still answers afterwards
  expect(await downloadFile(`${base}/ok`, opts)).toEqual(body);
});
