/**
 * Part 6: ASN purchases over WhatsApp (the Baileys adapter with the injected socket, the real app
 * and flows), typed at human pace: one input every 2 s. Counted: WhatsApp messages the person
 * received; measured per input: the pacing delay booked for the answer's last message plus the time
 * the bot took (real). The path the bot leads a WhatsApp user along (the first message names the
 * product, the recipient in one message) alone and while a broadcast of `broadcast` flyers waits
 * in the pacer; the catalogue path (menu, category, kecamatan, list, the recipient step by step)
 * alone. Runs alone in a few seconds: `BENCH_PARTS=6 npm run bench`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import sharp from 'sharp';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { loadDemoIfEmpty } from '../src/import/demo.js';
import { createLogger } from '../src/logger.js';
import { createWaDriver } from '../test/support/wa-driver.js';
import { playPurchase, waCataloguePurchaseSteps, waPurchaseSteps, type PurchaseFigures } from '../test/support/wa-purchase.js';

export interface WhatsAppFigures {
  /** the search path (what the bot leads a WhatsApp user to), alone */
  alone: PurchaseFigures;
  /** the search path while the flyers wait in the pacer */
  duringBroadcast: PurchaseFigures;
  /** the catalogue path with the recipient step by step, alone */
  catalogue: PurchaseFigures;
  broadcast: number;
  /** when the last flyer of the broadcast is booked, after its first (s) */
  broadcastSpanSeconds: number;
}

const ASN = ['+6289900000002', '+6289900000001', '+6289900000003'] as const; // demo ASN

export async function measureWhatsApp(o: { redisUrl: string; prefix: string; broadcast: number }): Promise<WhatsAppFigures> {
  const mediaDir = mkdtempSync(path.join(tmpdir(), 'umkm-bench-wa-'));
  const redis = new Redis(o.redisUrl, { maxRetriesPerRequest: null });
  const config = loadConfig({ REDIS_URL: o.redisUrl, REDIS_PREFIX: o.prefix, MEDIA_DIR: mediaDir, LOG_LEVEL: 'silent', FLOOD_PER_SECOND: '1000' }); // the 2 s pace is on the pacer's clock: real inputs come faster
  const app = createApp({ config, redis, redisUrl: o.redisUrl, logger: createLogger('silent') });
  await app.ready();
  await loadDemoIfEmpty(app.store, { mediaDir });
  const wa = await createWaDriver({ handler: app.engine, redis, keys: app.keys, mediaDir });
  try {
    const receipt = (background: string) =>
      sharp({ create: { width: 640, height: 480, channels: 3, background } })
        .jpeg()
        .toBuffer();
    const alone = await playPurchase(wa, ASN[0], waPurchaseSteps(await receipt('#3a7'), 1));
    const catalogue = await playPurchase(wa, ASN[2], waCataloguePurchaseSteps(await receipt('#37a'), 3));
    const before = wa.bookings.length;
    const sends = Array.from({ length: o.broadcast }, (_, i) =>
      wa.channel.sender.send(`+62811${String(5_000_000 + i)}`, { text: 'Promo UMKM Depok minggu ini' }),
    );
    await Promise.all(sends);
    const duringBroadcast = await playPurchase(wa, ASN[1], waPurchaseSteps(await receipt('#a73'), 2));
    const bulk = wa.bookings
      .slice(before)
      .filter((b) => b.priority === 'bulk')
      .map((b) => b.at);
    return { alone, duringBroadcast, catalogue, broadcast: o.broadcast, broadcastSpanSeconds: (Math.max(...bulk) - Math.min(...bulk)) / 1000 };
  } finally {
    await wa.close();
    await app.close();
    redis.disconnect();
    rmSync(mediaDir, { recursive: true, force: true });
  }
}
