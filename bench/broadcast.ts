/**
 * Part 2: one photo flyer to 10,000 linked ASN chats through the broadcast workers of
 * src/broadcast (in a child process, as `npm run worker` runs them) against a fake Bot API whose
 * global limit equals BROADCAST_TELEGRAM_PER_SECOND, with per-chat limits on. Figures from the
 * fake's records: achieved rate (first to last flyer, and the busiest second), duplicates, 429s.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Redis } from 'ioredis';
import sharp from 'sharp';
import { createAdminJobs } from '../src/queue/admin-jobs.js';
import { createBroadcastRepo, newBroadcastId } from '../src/store/broadcasts-repo.js';
import { type Broadcast, leftOf } from '../src/domain/broadcast.js';
import { loadConfig } from '../src/config.js';
import { openProducerConnection } from '../src/queue/connection.js';
import { createQueues } from '../src/queue/queues.js';
import { createStore } from '../src/store/index.js';
import { createKeys } from '../src/store/keys.js';
import { startFakeBotApi } from '../test/support/fake-bot-api/index.js';
import { seedLinkedChats } from './seed.js';
import { startSubject } from './subject.js';

/** Figures of the broadcast. */
export interface BroadcastFigures {
  recipients: number;
  limitPerSecond: number;
  delivered: number;
  seconds: number;
  ratePerSecond: number;
  busiestSecond: number;
  duplicates: number;
  missing: number;
  tooManyRequests: number;
  /** from queueing the start job to the admin's summary */
  totalSeconds: number;
}

const FIRST_CHAT = 3_000_000;
const ADMIN_CHAT = 9_000_001;

/** The largest number of `times` (ms) inside any window of `windowMs`. */
function maxInWindow(times: number[], windowMs: number): number {
  const t = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; j < t.length; j++) {
    while (t[j]! - t[i]! >= windowMs) i++;
    best = Math.max(best, j - i + 1);
  }
  return best;
}

export async function measureBroadcast(o: {
  redis: Redis;
  redisUrl: string;
  prefix: string;
  mediaDir: string;
  recipients: number;
  perSecond: number;
}): Promise<BroadcastFigures> {
  const fake = await startFakeBotApi({ rateLimits: { global: { perSecond: o.perSecond, burst: o.perSecond } } });
  const keys = createKeys(o.prefix);
  const store = createStore(o.redis, { keys });
  const producer = openProducerConnection(o.redisUrl);
  const config = loadConfig({ LOG_LEVEL: 'silent', MEDIA_DIR: o.mediaDir, BROADCAST_TELEGRAM_PER_SECOND: String(o.perSecond) });
  const queues = createQueues({ connection: producer, keys, config });
  const subject = await startSubject({
    mode: 'broadcast',
    redisUrl: o.redisUrl,
    prefix: o.prefix,
    apiRoot: fake.url,
    token: fake.token,
    mediaDir: o.mediaDir,
    perSecond: o.perSecond,
  });
  try {
    const ids = await seedLinkedChats(store, o.redis, keys, o.recipients, FIRST_CHAT);
    for (const id of ids) fake.addUser({ id, first_name: 'ASN' });
    fake.addUser({ id: ADMIN_CHAT, first_name: 'Admin' });
    mkdirSync(path.join(o.mediaDir, 'flyers'), { recursive: true });
    const flyer = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#ffcc00' } })
      .jpeg()
      .toBuffer();
    writeFileSync(path.join(o.mediaDir, 'flyers', 'bench.jpg'), flyer);

    const b: Broadcast = {
      id: newBroadcastId(new Date()),
      createdBy: { channel: 'telegram', chatId: String(ADMIN_CHAT) },
      locale: 'id',
      text: 'Bazar UMKM Depok di Balai Kota, Sabtu pukul 08.00 WIB.',
      photo: 'flyers/bench.jpg',
      audience: { kind: 'asn-all' },
      createdAt: new Date().toISOString(),
    };
    const repo = createBroadcastRepo(o.redis, keys);
    await repo.createOnce(b);
    const t0 = Date.now();
    await createAdminJobs(queues).startBroadcast(b.id);
    // The admin's summary ends it; its state is polled twice a second meanwhile.
    let st = await repo.state(b.id);
    while (!st.summarySentAt) {
      if (Date.now() - t0 > 10 * 60_000) throw new Error(`broadcast not finished after 10 minutes: ${JSON.stringify(st)}`);
      await new Promise((r) => setTimeout(r, 500));
      st = await repo.state(b.id);
    }
    const totalSeconds = (Date.now() - t0) / 1000;
    if (leftOf(st) !== 0) throw new Error(`broadcast ended with ${leftOf(st)} recipients left`);

    const wanted = new Set(ids);
    const flyers = fake.sent().filter((m) => m.method === 'sendPhoto' && wanted.has(m.chat_id));
    const perChat = new Map<number, number>();
    for (const m of flyers) perChat.set(m.chat_id, (perChat.get(m.chat_id) ?? 0) + 1);
    const times = flyers.map((m) => m.at);
    const seconds = (Math.max(...times) - Math.min(...times)) / 1000;
    return {
      recipients: ids.length,
      limitPerSecond: o.perSecond,
      delivered: perChat.size,
      seconds,
      ratePerSecond: (flyers.length - 1) / seconds,
      busiestSecond: maxInWindow(times, 1000),
      duplicates: flyers.length - perChat.size,
      missing: ids.length - perChat.size,
      tooManyRequests: fake.stats().tooManyRequests,
      totalSeconds,
    };
  } finally {
    await subject.stop();
    await queues.close();
    producer.disconnect();
    await fake.close();
  }
}
