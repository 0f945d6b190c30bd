import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Redis } from 'ioredis';
import sharp from 'sharp';
import { createApp, type App } from '../../src/app.js';
import type { Effect, FetchMedia, Input, MediaRef } from '../../src/engine/types.js';
import type { OutboundMessage } from '../../src/i18n/message.js';
import { loadConfig } from '../../src/config.js';
import type { Channel } from '../../src/domain/schemas.js';
import type { Clock } from '../../src/domain/time.js';
import { loadDemoIfEmpty } from '../../src/import/demo.js';
import { createLogger } from '../../src/logger.js';
import { cleanPrefix, openRedis, testRedisUrl, uniquePrefix } from './redis.js';

/** Phones of the demo roster (data/demo/roster.csv, umkm.csv), in E.164. */
export const DEMO = {
  /** Rina Kartikasari, Dinas Kesehatan, ASN (also the console user) */
  asn: { phone: '+6289900000001', nip: '197001011993012001', name: 'Rina Kartikasari', opd: 'Dinas Kesehatan' },
  /** Budi Prasetyo, Kecamatan Beji, ASN */
  asn2: { phone: '+6289900000002', nip: '197706122001041002', name: 'Budi Prasetyo', opd: 'Kecamatan Beji' },
  /** Hartini Susanti, admin of Dinas Koperasi dan UMKM */
  admin: { phone: '+6289900000901', nip: '198201132009012025', name: 'Hartini Susanti' },
  /** Sari Rahmawati, owner of UMKM-001 Dapur Bu Sari (Beji) */
  owner: { phone: '+6289900001001', name: 'Sari Rahmawati', umkm: 'Dapur Bu Sari' },
} as const;

/** A test app on the real test Redis under its own prefix, with effects recorded instead of queued. */
export interface TestApp {
  app: App;
  redis: Redis;
  prefix: string;
  mediaDir: string;
  effects: Effect[];
  /** closes the app and the connection, deletes the prefix and the media dir */
  close(): Promise<void>;
}

export async function createTestApp(opts: { name?: string; demo?: boolean; clock?: Clock; env?: Record<string, string> } = {}): Promise<TestApp> {
  const redis = openRedis();
  const prefix = uniquePrefix(opts.name ?? 'flows');
  const mediaDir = await mkdtemp(path.join(tmpdir(), 'umkm-media-'));
  const effects: Effect[] = [];
  const app = createApp({
    config: loadConfig({ REDIS_URL: testRedisUrl(), REDIS_PREFIX: prefix, MEDIA_DIR: mediaDir, ...opts.env }),
    redis,
    redisUrl: testRedisUrl(),
    logger: createLogger('silent'),
    clock: opts.clock,
    effects: async (e) => {
      effects.push(...e);
    },
  });
  await app.ready();
  if (opts.demo !== false) await loadDemoIfEmpty(app.store, { mediaDir });
  return {
    app,
    redis,
    prefix,
    mediaDir,
    effects,
    async close() {
      await app.close();
      await cleanPrefix(redis, prefix);
      await redis.quit();
      await rm(mediaDir, { recursive: true, force: true });
    },
  };
}

/** Thrown by `press` when no button of the last answer has that label or id. */
export class NoSuchButton extends Error {}

/**
 * Drives the engine as one chat would: each call sends one input and returns the messages the
 * user reads. `press` finds a button by its visible label (or id) in the last answer, as a person
 * would, and sends its id.
 */
export function createDriver(app: App, opts: { chatId?: string; channel?: Channel; verifiedPhone?: string } = {}) {
  const chat = { channel: opts.channel ?? ('telegram' as Channel), chatId: opts.chatId ?? String(100000 + Math.floor(Math.random() * 1e6)) };
  const media = new Map<string, Buffer>();
  let seq = 0;
  let last: OutboundMessage[] = [];
  let notice: string | undefined;
  const fetchMedia: FetchMedia = async (m) => {
    const bytes = media.get(m.ref);
    if (!bytes) throw new Error(`no media ${m.ref}`);
    return bytes;
  };

  async function send(input: Input): Promise<OutboundMessage[]> {
    // The driver types faster than a person: it bypasses flood control (test/unit/engine/flood.test.ts covers it).
    const out = await app.rawEngine.handle({ chat, input, fetchMedia, verifiedPhone: opts.verifiedPhone });
    // A notice alone (a toast on a stale button) leaves the screen as it was.
    notice = out.notice;
    if (!out.notice || out.messages.length) last = out.messages;
    return last;
  }

  function mediaRef(bytes: Buffer, extra: Partial<MediaRef>): MediaRef {
    const ref = `media-${++seq}`;
    media.set(ref, bytes);
    return { ref, ...extra };
  }

  const driver = {
    chat,
    /** the messages of the last answer */
    get last() {
      return last;
    },
    /** all text of the last answer, one string (after a toast: the toast, then the screen still shown) */
    get text() {
      return [...(notice ? [notice] : []), ...last.map((m) => m.text)].join('\n');
    },
    /** the toast of the last answer (a tap on a stale button on Telegram), if any */
    get notice() {
      return notice;
    },
    /** all button labels of the last answer */
    get labels() {
      return last.flatMap((m) => (m.choices ?? []).map((c) => c.label));
    },
    /** all button ids of the last answer */
    get ids() {
      return last.flatMap((m) => (m.choices ?? []).map((c) => c.id));
    },
    send,
    say: (text: string) => send({ kind: 'text', text }),
    /** presses a button of the last answer, found by its exact label, then by id */
    press(labelOrId: string) {
      const all = last.flatMap((m) => m.choices ?? []);
      const c = all.find((x) => x.label === labelOrId) ?? all.find((x) => x.id === labelOrId);
      if (!c) throw new NoSuchButton(`no button "${labelOrId}" in: ${all.map((x) => `${x.label} [${x.id}]`).join(' | ')}`);
      return send({ kind: 'choice', id: c.id });
    },
    /** sends a choice id as is (a forged or stale press) */
    choose: (id: string) => send({ kind: 'choice', id }),
    sendContact: (phone: string, own: boolean) => send({ kind: 'contact', phone, own }),
    sendPhoto: (bytes: Buffer, extra: Partial<MediaRef> = {}) => send({ kind: 'photo', media: mediaRef(bytes, extra) }),
    sendDocument: (bytes: Buffer, extra: Partial<MediaRef> = {}) => send({ kind: 'document', media: mediaRef(bytes, { asDocument: true, ...extra }) }),
    command: (name: string, args = '') => send({ kind: 'command', name: name.replace(/^\//, ''), args }),
    /** /start, share own contact, confirm: ends on the main menu */
    async register(phone: string) {
      await driver.command('start');
      await driver.sendContact(phone, true);
      return driver.press('reg:yes');
    },
  };
  return driver;
}
export type Driver = ReturnType<typeof createDriver>;

/** A small JPEG, different for each `seed`. */
export async function jpeg(seed = 0, size = 64): Promise<Buffer> {
  // The seed is also drawn as text: colours repeat every 256 seeds and JPEG can encode
  // neighbouring colours alike, so without it two seeds could give the same bytes.
  const label = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}"><text x="2" y="${Math.round(size / 2)}" font-size="${Math.max(8, Math.round(size / 6))}" fill="#fff">${seed}</text></svg>`,
  );
  return sharp({ create: { width: size, height: size, channels: 3, background: { r: seed % 256, g: (seed * 7) % 256, b: (seed * 13) % 256 } } })
    .composite([{ input: label }])
    .jpeg()
    .toBuffer();
}

/** A small PNG, different for each `seed`. */
export async function png(seed = 0): Promise<Buffer> {
  return sharp({ create: { width: 32, height: 32, channels: 4, background: { r: seed % 256, g: 10, b: 200, alpha: 1 } } })
    .png()
    .toBuffer();
}

/** Walks the shortest path from the menu to the detail of the product named `name` (by search). */
export async function openProduct(d: Driver, name: string): Promise<OutboundMessage[]> {
  await d.command('menu');
  await d.press('m:search');
  await d.say(name);
  const c = d.last.flatMap((m) => m.choices ?? []).find((x) => x.label.startsWith(`${name} · `));
  if (!c) throw new NoSuchButton(`product "${name}" not listed: ${d.labels.join(' | ')}`);
  return d.choose(c.id);
}

/** Menu -> search -> product -> buy -> quantity: ends on the cart summary. */
export async function addToCart(d: Driver, name: string, qty: number): Promise<OutboundMessage[]> {
  await openProduct(d, name);
  await d.press('buy');
  return d.say(String(qty));
}

/** From the recipient step (after confirming): a new recipient with the given fields; ends on the receipt step. */
export async function newRecipient(
  d: Driver,
  r: { name?: string; phone?: string; address?: string; kecamatan?: string; kelurahan?: string } = {},
): Promise<OutboundMessage[]> {
  await d.press('rc:new');
  await d.say(r.name ?? 'Siti Aminah');
  await d.say(r.phone ?? '0812 3456 7890');
  await d.say(r.address ?? 'Jl. Melati No. 5, RT 02/RW 03');
  await d.press(r.kecamatan ?? 'Beji');
  await d.press(r.kelurahan ?? 'Kukusan');
  return d.press('rn:skip');
}

/** The order id in a "Pesanan ORD-... dibuat" text. */
export function orderIdIn(text: string): string {
  const m = /ORD-\d{8}-\d{5}/.exec(text);
  if (!m) throw new Error(`no order id in: ${text}`);
  return m[0];
}
