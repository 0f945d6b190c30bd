/** Data the benchmark needs beyond the demo: many roster people, their chats, unique receipt photos. */
import type { Redis } from 'ioredis';
import sharp from 'sharp';
import type { Person } from '../src/domain/schemas.js';
import type { Store } from '../src/store/index.js';
import type { Keys } from '../src/store/keys.js';

/** The OPD of every benchmark person (so they are easy to spot). */
export const BENCH_OPD = 'Dinas Uji Beban';

/** The i-th benchmark ASN's phone in E.164: +6281210000000 + i. */
export const benchPhone = (i: number) => `+62812${String(10_000_000 + i)}`;

/** A structurally valid 18-digit NIP, unique for i < 20,000 (appointment year and serial). */
export function benchNip(i: number): string {
  const birth = `${1970 + (i % 30)}${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}`;
  const appointed = `${2000 + Math.floor(i / 1000)}${String(1 + (i % 12)).padStart(2, '0')}`;
  return `${birth}${appointed}${1 + (i % 2)}${String(i % 1000).padStart(3, '0')}`;
}

/** The i-th benchmark person. */
export const benchPerson = (i: number): Person => ({ nip: benchNip(i), name: `ASN Uji ${i}`, phone: benchPhone(i), opd: BENCH_OPD, role: 'asn' });

/** Puts people `from..to-1` on the roster (in chunks, one MULTI each). */
export async function seedRoster(store: Store, from: number, to: number): Promise<void> {
  for (let i = from; i < to; i += 1000) {
    const people: Person[] = [];
    for (let j = i; j < Math.min(to, i + 1000); j++) people.push(benchPerson(j));
    await store.roster.upsert(people);
  }
}

/**
 * People `0..n-1` on the roster, each with a linked, opted-in Telegram chat `firstChatId + i`
 * (what registration leaves behind), written in pipelines: the audience of a broadcast.
 */
export async function seedLinkedChats(store: Store, redis: Redis, keys: Keys, n: number, firstChatId: number): Promise<number[]> {
  await seedRoster(store, 0, n);
  const ids: number[] = [];
  for (let i = 0; i < n; i += 1000) {
    const tx = redis.pipeline();
    for (let j = i; j < Math.min(n, i + 1000); j++) {
      const chatId = firstChatId + j;
      const phone = benchPhone(j);
      tx.set(
        keys.chatUser('telegram', String(chatId)),
        JSON.stringify({ channel: 'telegram', chatId: String(chatId), phone, optedOut: false, unreachable: false }),
      );
      tx.sadd(keys.chatsOfPhone(phone), `telegram:${chatId}`);
      ids.push(chatId);
    }
    await tx.exec();
  }
  return ids;
}

/** A small JPEG different for every seed < 65,536 (its bits as black and white blocks): receipts are refused when the same photo comes twice. */
export function receiptJpeg(seed: number): Promise<Buffer> {
  const width = 320;
  const height = 240;
  const pixels = Buffer.alloc(width * height * 3, 200);
  for (let bit = 0; bit < 16; bit++) {
    const value = (seed >> bit) & 1 ? 255 : 0;
    const x0 = (bit % 8) * 40;
    const y0 = 80 + Math.floor(bit / 8) * 40;
    for (let y = y0; y < y0 + 40; y++) pixels.fill(value, (y * width + x0) * 3, (y * width + x0 + 40) * 3);
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg()
    .toBuffer();
}
