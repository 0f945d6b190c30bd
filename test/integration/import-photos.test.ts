import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Redis } from 'ioredis';
import sharp from 'sharp';
import { importCsv } from '../../src/import/runner.js';
import { createMediaStore } from '../../src/media/media-store.js';
import { fetchPhotoUrl, isPublicAddress } from '../../src/media/photo-source.js';
import { createStore, type Store } from '../../src/store/index.js';
import { createKeys } from '../../src/store/keys.js';
import { cleanPrefix, openRedis, uniquePrefix } from '../support/redis.js';

/**
 * Product photos from a CSV (issue 14): every photo is read once at import (a path whose real
 * location is inside MEDIA_DIR; an https URL of a public address, size-capped, with a timeout),
 * checked to be an image, cleaned of EXIF/GPS and stored by hash under products/; the product keeps
 * only the stored path. No test reaches the internet: URL refusals happen before any connection,
 * and the one download goes to a local TLS server the test admits by injecting the address check.
 */
const UMKM = `id,name,owner_name,owner_phone,category,kecamatan,kelurahan,address
U1,Dapur Bu Sari,Sari,0899-0000-1001,kuliner,beji,kemiri muka,Jl. Kukusan Raya No. 3
`;
const HEADER = 'sku,umkm_id,name,price,unit,description,photo,available\n';
const row = (sku: string, photo: string) => `${sku},U1,Nasi Box ${sku},25000,box,Enak,${photo},ya\n`;

let redis: Redis;
let prefix: string;
let store: Store;
let root: string;
let mediaDir: string;
let media: { store: ReturnType<typeof createMediaStore> };
let gpsJpeg: Buffer;

beforeAll(async () => {
  redis = openRedis();
  root = mkdtempSync(path.join(tmpdir(), 'umkm-photos-'));
  mediaDir = path.join(root, 'media');
  mkdirSync(path.join(mediaDir, 'import'), { recursive: true });
  gpsJpeg = await sharp({ create: { width: 320, height: 240, channels: 3, background: '#3366aa' } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'KameraRahasia', Model: 'HP UMKM' },
      IFD3: { GPSLatitudeRef: 'S', GPSLatitude: '6/1 24/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '106/1 49/1 0/1' },
    })
    .toBuffer();
  writeFileSync(path.join(mediaDir, 'import', 'nasi.jpg'), gpsJpeg);
  writeFileSync(path.join(mediaDir, 'import', 'catatan.jpg'), 'bukan gambar, hanya teks\n');
  // outside MEDIA_DIR: a real image, and links under MEDIA_DIR that lead to it and to /etc/passwd
  writeFileSync(path.join(root, 'outside.jpg'), gpsJpeg);
  symlinkSync(path.join(root, 'outside.jpg'), path.join(mediaDir, 'import', 'link-out.jpg'));
  symlinkSync('/etc/passwd', path.join(mediaDir, 'import', 'passwd.jpg'));
  symlinkSync(path.join(mediaDir, 'import', 'nasi.jpg'), path.join(mediaDir, 'import', 'link-in.jpg'));
  media = { store: createMediaStore(mediaDir) };
});
beforeEach(async () => {
  prefix = uniquePrefix('photos');
  store = createStore(redis, { keys: createKeys(prefix) });
  expect(await importCsv(store, 'umkm', UMKM)).toMatchObject({ ok: true });
});
afterEach(async () => {
  await cleanPrefix(redis, prefix);
});
afterAll(async () => {
  rmSync(root, { recursive: true, force: true });
  await redis.quit();
});

test('a photo under MEDIA_DIR is stored once, cleaned of EXIF/GPS, by hash; the product keeps the stored path', async () => {
  const csv = HEADER + row('P1', 'import/nasi.jpg') + row('P2', 'import/nasi.jpg') + row('P3', 'import/link-in.jpg');
  expect(await importCsv(store, 'products', csv, { media })).toEqual({ ok: true, added: 3, updated: 0, unchanged: 0 });
  const photos = (await store.catalogue.productsBySkus(['P1', 'P2', 'P3'])).map((p) => p!.photo);
  expect(new Set(photos).size).toBe(1);
  const stored = photos[0]!;
  expect(stored).toMatch(/^products\/[0-9a-f]{64}\.jpg$/);
  const bytes = readFileSync(path.join(mediaDir, stored));
  const meta = await sharp(bytes).metadata();
  expect(meta).toMatchObject({ format: 'jpeg', width: 320, height: 240 });
  expect(meta.exif).toBeUndefined();
  expect(bytes.includes(Buffer.from('KameraRahasia'))).toBe(false);
  // the same file again changes nothing
  expect(await importCsv(store, 'products', csv, { media })).toEqual({ ok: true, added: 0, updated: 0, unchanged: 3 });
});

test('links leading out of MEDIA_DIR, missing files and files that are not images refuse the file; nothing written', async () => {
  const csv =
    HEADER +
    row('P1', 'import/nasi.jpg') +
    row('P2', 'import/passwd.jpg') +
    row('P3', 'import/link-out.jpg') +
    row('P4', 'import/tidak-ada.jpg') +
    row('P5', 'import/catatan.jpg') +
    row('P6', '../outside.jpg');
  const r = await importCsv(store, 'products', csv, { media });
  expect(r).toEqual({
    ok: false,
    errors: [
      'line 3: photo: import/passwd.jpg leads outside MEDIA_DIR',
      'line 4: photo: import/link-out.jpg leads outside MEDIA_DIR',
      'line 5: photo: import/tidak-ada.jpg is not a file under MEDIA_DIR',
      'line 6: photo: is not an image',
      'line 7: photo: must be empty, an https URL, or a relative .jpg/.png/.webp path',
    ],
  });
  expect(await store.catalogue.productsBySkus(['P1'])).toEqual([null]);
});

test.each([
  ['http (not https)', 'http://example.com/a.jpg', 'must be empty, an https URL, or a relative .jpg/.png/.webp path'],
  ['a user name and password', 'https://admin:rahasia@example.com/a.jpg', 'must be an https URL without a user name or password'],
  ['loopback', 'https://127.0.0.1/a.jpg', '127.0.0.1 is not a public address'],
  ['localhost', 'https://localhost/a.jpg', 'localhost is not a public address'],
  ['link-local (cloud metadata)', 'https://169.254.169.254/latest/meta-data.jpg', '169.254.169.254 is not a public address'],
  ['a private network', 'https://10.20.30.40/a.jpg', '10.20.30.40 is not a public address'],
  ['a home router', 'https://192.168.1.1/a.jpg', '192.168.1.1 is not a public address'],
  ['IPv6 loopback', 'https://[::1]/a.jpg', '::1 is not a public address'],
  ['IPv6 link-local', 'https://[fe80::1]/a.jpg', 'fe80::1 is not a public address'],
  ['IPv4-mapped loopback', 'https://[::ffff:127.0.0.1]/a.jpg', '::ffff:7f00:1 is not a public address'],
])('a photo URL to %s is refused before any connection', async (_name, url, reason) => {
  const r = await importCsv(store, 'products', HEADER + row('P1', url), { media });
  expect(r).toEqual({ ok: false, errors: [`line 2: photo: ${reason}`] });
});

test('public addresses are told from the rest', () => {
  for (const a of ['8.8.8.8', '1.1.1.1', '36.86.63.182', '2606:4700:4700::1111']) expect(isPublicAddress(a)).toBe(true);
  for (const a of [
    '127.0.0.1',
    '10.0.0.1',
    '172.16.5.4',
    '192.168.0.1',
    '169.254.1.1',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '::1',
    'fc00::1',
    'fd12::1',
    'fe80::1',
    '::ffff:10.0.0.1',
    'nonsense',
  ])
    expect(isPublicAddress(a)).toBe(false);
});

describe('an https photo from a server the test admits (address check injected)', () => {
  let server: https.Server;
  let port: number;
  let cert: string;
  const served = new Map<string, (res: import('node:http').ServerResponse) => void>();

  beforeAll(async () => {
    const key = path.join(root, 'key.pem');
    const crt = path.join(root, 'cert.pem');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        key,
        '-out',
        crt,
        '-days',
        '1',
        '-subj',
        '/CN=foto.umkm.test',
        '-addext',
        'subjectAltName=DNS:foto.umkm.test',
      ],
      { stdio: 'ignore' },
    );
    cert = readFileSync(crt, 'utf8');
    server = https.createServer({ key: readFileSync(key), cert }, (req, res) => {
      const h = served.get(req.url ?? '');
      if (h) h(res);
      else res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
    served.set('/nasi.jpg', (res) => res.writeHead(200, { 'content-type': 'image/jpeg' }).end(gpsJpeg));
    served.set('/besar.jpg', (res) => {
      res.writeHead(200, { 'content-type': 'image/jpeg' });
      const chunk = Buffer.alloc(1024 * 1024, 0xff);
      for (let i = 0; i < 11; i++) res.write(chunk);
      res.end();
    });
    served.set('/pindah.jpg', (res) => res.writeHead(302, { location: 'https://127.0.0.1/x.jpg' }).end());
    served.set('/lambat.jpg', () => undefined); // never answers
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  const opts = (timeoutMs?: number) => ({
    lookup: async () => ['127.0.0.1'],
    isAllowedAddress: (a: string) => a === '127.0.0.1',
    ca: cert,
    ...(timeoutMs ? { timeoutMs } : {}),
  });
  const url = (p: string) => `https://foto.umkm.test:${port}${p}`;

  test('is downloaded once, cleaned and stored by hash', async () => {
    const r = await importCsv(store, 'products', HEADER + row('P1', url('/nasi.jpg')) + row('P2', url('/nasi.jpg')), {
      media: { ...media, fetch: opts() },
    });
    expect(r).toEqual({ ok: true, added: 2, updated: 0, unchanged: 0 });
    const photo = (await store.catalogue.product('P1'))!.photo!;
    expect(photo).toMatch(/^products\/[0-9a-f]{64}\.jpg$/);
    expect(existsSync(path.join(mediaDir, photo))).toBe(true);
    expect((await sharp(readFileSync(path.join(mediaDir, photo))).metadata()).exif).toBeUndefined();
  });

  test('over 10 MB, a redirect, a 404 or no answer in time: refused with the reason', async () => {
    expect(await fetchPhotoUrl(url('/besar.jpg'), opts())).toEqual({ ok: false, reason: 'is larger than 10 MB' });
    expect(await fetchPhotoUrl(url('/pindah.jpg'), opts())).toEqual({
      ok: false,
      reason: 'could not be downloaded (HTTP 302, a redirect: give the final address)',
    });
    expect(await fetchPhotoUrl(url('/hilang.jpg'), opts())).toEqual({ ok: false, reason: 'could not be downloaded (HTTP 404)' });
    expect(await fetchPhotoUrl(url('/lambat.jpg'), opts(300))).toEqual({ ok: false, reason: 'could not be downloaded (no answer within 0.3 s)' });
    // the default check refuses the same server: it is on loopback
    expect(await fetchPhotoUrl(url('/nasi.jpg'), { lookup: async () => ['127.0.0.1'], ca: cert })).toEqual({
      ok: false,
      reason: 'foto.umkm.test is not a public address',
    });
  });
});
