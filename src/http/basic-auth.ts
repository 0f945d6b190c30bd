import { createHash, timingSafeEqual } from 'node:crypto';
import type http from 'node:http';

const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * True when the request carries HTTP basic credentials equal to `user` / `password`. Compared as
 * SHA-256 digests in constant time, so neither the length nor the content leaks through timing.
 */
export function hasBasicAuth(req: http.IncomingMessage, user: string, password: string): boolean {
  const header = req.headers.authorization ?? '';
  const m = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (!m) return false;
  const given = Buffer.from(m[1]!, 'base64').toString('utf8');
  const ok = timingSafeEqual(digest(given), digest(`${user}:${password}`));
  return ok;
}

/** Answers 401 with a basic-auth challenge. */
export function askForBasicAuth(res: http.ServerResponse, realm: string): void {
  res
    .writeHead(401, { 'www-authenticate': `Basic realm="${realm}", charset="UTF-8"`, 'content-type': 'text/plain; charset=utf-8' })
    .end('authentication required');
}
