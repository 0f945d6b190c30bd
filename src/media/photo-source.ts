import { lookup as dnsLookup } from 'node:dns/promises';
import { open, realpath } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import https from 'node:https';
import net from 'node:net';
import path from 'node:path';
import { MAX_IMAGE_BYTES } from './media-store.js';

/** The bytes of a photo named in an import file, or why they cannot be had (`reason` is the row error). */
export type PhotoRead = { ok: true; bytes: Buffer } | { ok: false; reason: string };

/** How long a photo URL may take, connection to last byte. */
export const PHOTO_FETCH_TIMEOUT_MS = 10_000;

const MB = `${MAX_IMAGE_BYTES / 1024 / 1024} MB`;

/** Addresses that are not the public internet: loopback, private, link-local, CGNAT, multicast, documentation, reserved. */
const NOT_PUBLIC = new net.BlockList();
for (const [a, p] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  NOT_PUBLIC.addSubnet(a, p, 'ipv4');
for (const [a, p] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96],
  ['100::', 64],
  ['2001:db8::', 32],
  ['2002::', 16],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const)
  NOT_PUBLIC.addSubnet(a, p, 'ipv6');

/** Whether `address` (IPv4 or IPv6, an IPv4-mapped one judged by its IPv4) is a public unicast address. */
export function isPublicAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return isPublicAddress(mapped[1]!);
  const family = net.isIP(address);
  if (family === 4) return !NOT_PUBLIC.check(address, 'ipv4');
  if (family === 6) return !NOT_PUBLIC.check(address, 'ipv6');
  return false;
}

/**
 * A photo path of an import file, read once: the real path (links followed) must lie inside
 * MEDIA_DIR, so a symlink under it that leads out (to /etc/passwd, say) is refused; it must be a
 * regular file of at most MAX_IMAGE_BYTES.
 */
export async function readMediaFile(mediaRoot: string, rel: string): Promise<PhotoRead> {
  let root: string;
  let real: string;
  try {
    root = await realpath(mediaRoot);
    real = await realpath(path.resolve(root, rel));
  } catch {
    return { ok: false, reason: `${rel} is not a file under MEDIA_DIR` };
  }
  if (!real.startsWith(root + path.sep)) return { ok: false, reason: `${rel} leads outside MEDIA_DIR` };
  const fh = await open(real, 'r').catch(() => null);
  if (!fh) return { ok: false, reason: `${rel} is not a file under MEDIA_DIR` };
  try {
    const st = await fh.stat();
    if (!st.isFile()) return { ok: false, reason: `${rel} is not a file under MEDIA_DIR` };
    if (st.size > MAX_IMAGE_BYTES) return { ok: false, reason: `is larger than ${MB}` };
    return { ok: true, bytes: await fh.readFile() };
  } finally {
    await fh.close();
  }
}

/**
 * The body of an HTTP answer, at most `maxBytes` (`Infinity`: no limit): null when it is larger, by
 * its declared length or counted as it arrives (the answer is then dropped, its connection closed).
 * Rejects when the connection breaks.
 */
export function readBodyUpTo(res: IncomingMessage, maxBytes: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const tooLarge = () => {
      res.destroy();
      resolve(null);
    };
    if (Number(res.headers['content-length'] ?? 0) > maxBytes) return tooLarge();
    const parts: Buffer[] = [];
    let size = 0;
    res.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) tooLarge();
      else parts.push(chunk);
    });
    // A body that came in one chunk is that chunk (no copy).
    res.on('end', () => resolve(parts.length === 1 ? parts[0]! : Buffer.concat(parts, size)));
    res.on('error', reject);
  });
}

export interface PhotoFetchOptions {
  /** A host's addresses (default: the system resolver, every address). */
  lookup?: (host: string) => Promise<string[]>;
  /** Whether an address may be fetched (default: isPublicAddress). Tests inject it to reach a local server. */
  isAllowedAddress?: (address: string) => boolean;
  timeoutMs?: number;
  /** Extra trusted certificates (a test server's). */
  ca?: string | Buffer;
}

/**
 * A photo URL of an import file, fetched once: https only, no user name or password, every address
 * of the host public (checked before connecting, and the connection made to the checked address,
 * so a second DNS answer cannot point it elsewhere); no redirects; at most MAX_IMAGE_BYTES;
 * PHOTO_FETCH_TIMEOUT_MS in all.
 */
export async function fetchPhotoUrl(url: string, opts: PhotoFetchOptions = {}): Promise<PhotoRead> {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return { ok: false, reason: 'must be an https URL without a user name or password' };
  }
  if (u.protocol !== 'https:' || u.username || u.password) return { ok: false, reason: 'must be an https URL without a user name or password' };
  const host = u.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = net.isIP(host) ? [host] : await (opts.lookup ?? (async (h) => (await dnsLookup(h, { all: true })).map((a) => a.address)))(host);
  } catch {
    return { ok: false, reason: `could not be downloaded (host ${host} not found)` };
  }
  const allowed = opts.isAllowedAddress ?? isPublicAddress;
  if (!addresses.length || addresses.some((a) => !allowed(a))) return { ok: false, reason: `${host} is not a public address` };
  const address = addresses[0]!;
  const timeoutMs = opts.timeoutMs ?? PHOTO_FETCH_TIMEOUT_MS;

  return new Promise<PhotoRead>((resolve) => {
    const done = (r: PhotoRead) => {
      clearTimeout(timer);
      resolve(r);
    };
    const req = https.get(
      {
        host: address,
        servername: net.isIP(host) ? undefined : host,
        port: u.port || 443,
        path: `${u.pathname}${u.search}`,
        headers: { host: u.host, accept: 'image/*' },
        ...(opts.ca ? { ca: opts.ca } : {}),
        agent: false,
      },
      (res) => {
        const status = res.statusCode ?? 0;
        if (status !== 200) {
          res.resume();
          return done({
            ok: false,
            reason: `could not be downloaded (HTTP ${status}${status >= 300 && status < 400 ? ', a redirect: give the final address' : ''})`,
          });
        }
        readBodyUpTo(res, MAX_IMAGE_BYTES).then(
          (bytes) => done(bytes ? { ok: true, bytes } : { ok: false, reason: `is larger than ${MB}` }),
          () => done({ ok: false, reason: 'could not be downloaded (connection broken)' }),
        );
      },
    );
    const timer = setTimeout(() => {
      req.destroy();
      done({ ok: false, reason: `could not be downloaded (no answer within ${timeoutMs / 1000} s)` });
    }, timeoutMs);
    req.on('error', (e: NodeJS.ErrnoException) => done({ ok: false, reason: `could not be downloaded (${e.code ?? 'error'})` }));
  });
}
