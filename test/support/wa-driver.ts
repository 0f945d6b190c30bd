import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AnyMessageContent } from '@whiskeysockets/baileys';
import { Redis } from 'ioredis';
import { createApp } from '../../src/app.js';
import type { MessageHandler } from '../../src/engine/types.js';
import type { Booking, PacerOptions } from '../../src/channels/whatsapp/pacer.js';
import { createWhatsAppChannel, type WhatsAppChannelDeps } from '../../src/channels/whatsapp/socket.js';
import { loadConfig } from '../../src/config.js';
import { createI18n } from '../../src/i18n/index.js';
import { loadDemoIfEmpty } from '../../src/import/demo.js';
import { createLogger, type Logger } from '../../src/logger.js';
import { createKeys, type Keys } from '../../src/store/keys.js';
import {
  createFakeSocketFactory,
  documentMessage,
  imageMessage,
  phoneJid,
  textMessage,
  waMessage,
  type FakeWASocket,
  type SentMessage,
} from './fake-wa-socket.js';
import { cleanPrefix, openRedis, testRedisUrl, uniquePrefix } from './redis.js';

/** What a person reads in one sent message: its text or caption ('' for a bare photo). */
export function readableText(content: AnyMessageContent): string {
  const c = content as { text?: string; caption?: string };
  return c.text ?? c.caption ?? '';
}

export interface WaDriverOptions {
  handler: MessageHandler;
  /** share the engine's Redis and keys; by default the driver opens its own under a unique prefix */
  redis?: Redis;
  keys?: Keys;
  logger?: Logger;
  mediaDir?: string;
  pacer?: PacerOptions;
  /** extra channel deps (pairingPhone, i18n, ...) */
  channel?: Partial<WhatsAppChannelDeps>;
  /** how long waitForReplies waits before failing with what was sent (a guard, not an assertion) */
  waitLimitMs?: number;
}

/**
 * The WhatsApp channel on a fake socket, for tests that talk to the bot like a person:
 * `await wa.say('+6281234567890', 'halo'); const texts = await wa.waitForReplies('+6281234567890', 2)`.
 * Time for the pacer and reconnects is a fake clock, so nothing waits for real.
 */
export async function createWaDriver(opts: WaDriverOptions) {
  const ownRedis = opts.redis ? undefined : openRedis();
  const redis = opts.redis ?? ownRedis!;
  const keys = opts.keys ?? createKeys(uniquePrefix('wa'));
  const factory = createFakeSocketFactory();
  // The pacer books send times on this clock; `sleep` returns at once without moving it, so a
  // test reads the booked times (`bookings`) and moves time itself (`advance`): nothing waits for real.
  let t = 1_700_000_000_000;
  const bookings: Booking[] = [];
  const clock = {
    now: () => t,
    sleep: async () => {},
    random: () => 0.5,
    onBooked: (b: Booking) => bookings.push(b),
  };
  const channel = createWhatsAppChannel({
    redis,
    keys,
    logger: opts.logger ?? createLogger('silent'),
    handler: opts.handler,
    i18n: createI18n(),
    mediaDir: opts.mediaDir ?? '/tmp/wa-driver-media',
    makeSocket: factory.makeSocket,
    downloadMedia: factory.downloadMedia,
    pacer: opts.pacer,
    clock,
    ...opts.channel,
  });
  await channel.start();
  factory.latest().open();

  const seen = new Map<string, number>();
  const sentTo = (phone: string): SentMessage[] => {
    const jid = phoneJid(phone);
    return factory.sockets.flatMap((s) => s.sent.filter((m) => m.jid === jid));
  };

  return {
    channel,
    factory,
    keys,
    redis,
    /** every send the pacer booked, with its lane (the chat's phone digits), priority and time */
    bookings,
    /** the pacer's clock now */
    now: () => t,
    /** moves the clock on (a person takes time to read and type) */
    advance(ms: number): void {
      t += ms;
    },
    /** the socket in use */
    socket: (): FakeWASocket => factory.latest(),
    /** the user types `text`; returns the message id */
    say(phone: string, text: string): string {
      const msg = textMessage(phoneJid(phone), text);
      factory.latest().receive([msg]);
      return msg.key.id!;
    },
    /** the user sends a photo (bytes as the bot would download them) */
    sendImage(phone: string, bytes: Buffer, caption?: string): string {
      const msg = imageMessage(phoneJid(phone), bytes, caption);
      factory.media.set(msg.key.id!, bytes);
      factory.latest().receive([msg]);
      return msg.key.id!;
    },
    /** the user sends a file, e.g. a CSV */
    sendDocument(phone: string, bytes: Buffer, fileName: string, mimetype = 'text/csv'): string {
      const msg = documentMessage(phoneJid(phone), bytes, fileName, mimetype);
      factory.media.set(msg.key.id!, bytes);
      factory.latest().receive([msg]);
      return msg.key.id!;
    },
    /** the user sends any other kind of message (a voice note, a sticker, a location...) */
    send(phone: string, message: Parameters<typeof waMessage>[1]): string {
      const msg = waMessage(phoneJid(phone), message);
      factory.latest().receive([msg]);
      return msg.key.id!;
    },
    /** every message sent to `phone` so far */
    sentTo,
    /**
     * Waits for the next `n` messages to `phone` (after those returned by earlier calls) and
     * returns what they read. Fails after `waitLimitMs` listing what did arrive.
     */
    waitForReplies(phone: string, n: number): Promise<string[]> {
      const from = seen.get(phone) ?? 0;
      const take = (): string[] | null => {
        const all = sentTo(phone);
        if (all.length < from + n) return null;
        seen.set(phone, from + n);
        return all.slice(from, from + n).map((m) => readableText(m.content));
      };
      const now = take();
      if (now) return Promise.resolve(now);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          off();
          const got = sentTo(phone)
            .slice(from)
            .map((m) => readableText(m.content));
          reject(new Error(`expected ${n} replies, got ${got.length}: ${JSON.stringify(got)}`));
        }, opts.waitLimitMs ?? 5000);
        const off = factory.onSent(() => {
          const r = take();
          if (!r) return;
          clearTimeout(timer);
          off();
          resolve(r);
        });
      });
    },
    /** stops the channel; cleans and closes the Redis it opened itself */
    async close(): Promise<void> {
      await channel.stop();
      if (ownRedis) {
        await cleanPrefix(ownRedis, keys.prefix);
        await ownRedis.quit();
      }
    },
  };
}

export type WaDriver = Awaited<ReturnType<typeof createWaDriver>>;

/**
 * The real app (engine, flows, store, demo data) on the test Redis under a fresh prefix, behind
 * the WhatsApp adapter with an injected socket: what the WhatsApp end-to-end suites share.
 * The simulated users answer faster than people could, so flood control is set out of their way.
 */
export async function startWhatsAppApp(name: string, pacer?: PacerOptions) {
  const mediaDir = mkdtempSync(path.join(tmpdir(), `umkm-${name}-`));
  const prefix = uniquePrefix(name);
  const redis = new Redis(testRedisUrl(), { maxRetriesPerRequest: null });
  const config = loadConfig({ REDIS_URL: testRedisUrl(), REDIS_PREFIX: prefix, MEDIA_DIR: mediaDir, LOG_LEVEL: 'silent', FLOOD_PER_SECOND: '1000' });
  const app = createApp({ config, redis, redisUrl: testRedisUrl(), logger: createLogger('silent') });
  await app.ready();
  await loadDemoIfEmpty(app.store, { mediaDir });
  const wa = await createWaDriver({ handler: app.engine, redis, keys: app.keys, mediaDir, pacer });
  return {
    app,
    redis,
    wa,
    mediaDir,
    prefix,
    async close() {
      await wa.close();
      await app.close();
      await cleanPrefix(redis, prefix);
      await redis.quit();
      rmSync(mediaDir, { recursive: true, force: true });
    },
  };
}
