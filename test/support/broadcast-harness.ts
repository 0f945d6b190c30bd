/** Real Redis + real BullMQ broadcast workers against the fake Bot API, under a fresh prefix. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Worker, WorkerOptions } from 'bullmq';
import { Api } from 'grammy';
import type { Redis } from 'ioredis';
import sharp from 'sharp';
import { createAdminJobs } from '../../src/queue/admin-jobs.js';
import { createBroadcastRepo, newBroadcastId } from '../../src/store/broadcasts-repo.js';
import type { Audience, Broadcast } from '../../src/domain/broadcast.js';
import { startBroadcastWorkers } from '../../src/broadcast/workers.js';
import { createTelegramSender } from '../../src/channels/telegram/sender.js';
import type { ChannelSender } from '../../src/channels/types.js';
import { loadConfig } from '../../src/config.js';
import type { Person } from '../../src/domain/schemas.js';
import { createI18n } from '../../src/i18n/index.js';
import { createLogger } from '../../src/logger.js';
import { openProducerConnection } from '../../src/queue/connection.js';
import { createQueues } from '../../src/queue/queues.js';
import { createStore } from '../../src/store/index.js';
import { createKeys } from '../../src/store/keys.js';
import type { FakeBotApi } from './fake-bot-api/index.js';
import { cleanPrefix, openRedis, testRedisUrl, uniquePrefix } from './redis.js';

/** Telegram user ids of the seeded recipients: FIRST_USER_ID + i. */
export const FIRST_USER_ID = 700_000;
/** The admin's Telegram chat. */
export const ADMIN_CHAT = 9_000_001;

/**
 * A harness: store, queues, a Telegram sender on the fake, and `start()` for a set of broadcast
 * workers (call it again after `stop(true)` to simulate a restarted worker process).
 */
export async function createBroadcastHarness(
  fake: FakeBotApi,
  opts: { perSecond: number; workerOptions?: Partial<WorkerOptions>; env?: Record<string, string>; random?: () => number },
) {
  const redis: Redis = openRedis();
  const producer = openProducerConnection(testRedisUrl());
  producer.on('error', () => undefined);
  const keys = createKeys(uniquePrefix('bc'));
  const store = createStore(redis, { keys });
  const mediaDir = mkdtempSync(path.join(tmpdir(), 'umkm-bc-media-'));
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    BOT_TOKEN: fake.token,
    TELEGRAM_API_ROOT: fake.url,
    MEDIA_DIR: mediaDir,
    BROADCAST_TELEGRAM_PER_SECOND: String(opts.perSecond),
    ...opts.env,
  });
  const queues = createQueues({ connection: producer, keys, config, backoffMs: 50 });
  const repo = createBroadcastRepo(redis, keys);
  const admin = createAdminJobs(queues);
  const i18n = createI18n();
  const running: { workers: Worker[]; conn: Redis }[] = [];
  fake.addUser({ id: ADMIN_CHAT, first_name: 'Admin' });

  mkdirSync(path.join(mediaDir, 'flyers'), { recursive: true });
  writeFileSync(
    path.join(mediaDir, 'flyers', 'flyer.jpg'),
    await sharp({ create: { width: 64, height: 64, channels: 3, background: '#ffcc00' } })
      .jpeg()
      .toBuffer(),
  );

  return {
    redis,
    keys,
    store,
    queues,
    repo,
    admin,
    mediaDir,
    /** `n` roster people of one OPD, each with a linked, opted-in Telegram chat known to the fake. */
    async seedRecipients(n: number, opd = 'Dinas Uji Coba'): Promise<number[]> {
      const people: Person[] = [];
      const ids: number[] = [];
      const tx = redis.pipeline();
      for (let i = 0; i < n; i++) {
        const id = FIRST_USER_ID + i;
        const phone = `+62811${String(i).padStart(7, '0')}`;
        people.push({ nip: `1980010120050${String(i).padStart(5, '0')}`, name: `ASN ${i}`, phone, opd, role: 'asn' });
        tx.set(keys.chatUser('telegram', String(id)), JSON.stringify({ channel: 'telegram', chatId: String(id), phone, optedOut: false, unreachable: false }));
        tx.sadd(keys.chatsOfPhone(phone), `telegram:${id}`);
        fake.addUser({ id, first_name: `ASN ${i}` });
        ids.push(id);
      }
      await tx.exec();
      await store.roster.upsert(people);
      return ids;
    },
    /** Stores a photo flyer for `audience` from the admin's chat and queues its start. */
    async broadcast(o: { audience?: Audience; text?: string; createdBy?: Broadcast['createdBy'] } = {}): Promise<Broadcast> {
      const b: Broadcast = {
        id: newBroadcastId(new Date()),
        createdBy: o.createdBy ?? { channel: 'telegram', chatId: String(ADMIN_CHAT) },
        locale: 'id',
        text: o.text ?? 'Bazar UMKM Depok di Balai Kota, Sabtu pukul 08.00 WIB.',
        photo: 'flyers/flyer.jpg',
        audience: o.audience ?? { kind: 'asn-all' },
        createdAt: new Date().toISOString(),
      };
      await repo.createOnce(b);
      await admin.startBroadcast(b.id);
      return b;
    },
    /** The Telegram sender the workers use unless told otherwise (to combine with another channel's). */
    telegramSender(): ChannelSender {
      return createTelegramSender(new Api(fake.token, { apiRoot: fake.url }), { mediaDir, redis, keys });
    },
    /** Starts a set of broadcast workers on their own connection (one "worker process"); Telegram unless told. */
    async start(senders?: { telegram?: ChannelSender; whatsapp?: ChannelSender; console?: ChannelSender }): Promise<Worker[]> {
      const conn = openRedis();
      const sender = this.telegramSender();
      const workers = startBroadcastWorkers({
        connection: conn,
        redis,
        keys,
        store,
        config,
        logger: createLogger('silent'),
        i18n,
        senders: senders ?? { telegram: sender },
        queues,
        workerOptions: opts.workerOptions,
        options: { progressIntervalMs: 300, telegramConcurrency: 8, random: opts.random },
      });
      for (const w of workers) w.on('error', () => undefined);
      await Promise.all(workers.map((w) => w.waitUntilReady()));
      running.push({ workers, conn });
      return workers;
    },
    /** Stops every running worker set; `force` does not wait for the jobs in hand (a crash-like stop). */
    async stop(force = false): Promise<void> {
      for (const r of running.splice(0)) {
        await Promise.all(r.workers.map((w) => w.close(force)));
        r.conn.disconnect();
      }
    },
    async close(): Promise<void> {
      await this.stop();
      for (const q of [queues.broadcasts, queues.broadcastTelegram, queues.broadcastWhatsapp]) await q.obliterate({ force: true });
      await queues.close();
      await cleanPrefix(redis, keys.prefix);
      await redis.quit();
      await producer.quit();
      rmSync(mediaDir, { recursive: true, force: true });
    },
  };
}
export type BroadcastHarness = Awaited<ReturnType<typeof createBroadcastHarness>>;

/** The largest number of `times` (ms) inside any window of `windowMs` (a sliding window). */
export function maxInWindow(times: number[], windowMs: number): number {
  const t = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; j < t.length; j++) {
    while (t[j]! - t[i]! >= windowMs) i++;
    best = Math.max(best, j - i + 1);
  }
  return best;
}
