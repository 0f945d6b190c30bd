import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { type Recipient, RecipientSchema } from '../domain/schemas.js';
import { type Clock, systemClock } from '../domain/time.js';
import type { Keys } from './keys.js';
import { parseStored } from './json.js';
import { execResults } from './scripts.js';

const WEEK_MS = 7 * 24 * 3600 * 1000;

/** Fingerprints under which deliveries to one household are counted (phone, and address). */
export function recipientFingerprints(r: Pick<Recipient, 'phone' | 'address' | 'kelurahan'>): string[] {
  const norm = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  const addr = `${norm(r.kelurahan)}|${norm(r.address)}`;
  const h = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 24);
  return [`p:${h(r.phone)}`, `a:${h(addr)}`];
}

/** The isoman recipients an ASN has nominated, and how often a household received packages. */
export function createRecipientsRepo(redis: Redis, keys: Keys, clock: Clock = systemClock) {
  return {
    async ofAsn(nip: string): Promise<Recipient[]> {
      const raw = await redis.hvals(keys.recipientsOf(nip));
      return raw.map((r) => parseStored(RecipientSchema, keys.recipientsOf(nip), r)!);
    },
    async get(nip: string, id: string): Promise<Recipient | null> {
      return parseStored(RecipientSchema, keys.recipientsOf(nip), await redis.hget(keys.recipientsOf(nip), id));
    },
    async save(nip: string, r: Recipient): Promise<void> {
      await redis.hset(keys.recipientsOf(nip), r.id, JSON.stringify(RecipientSchema.parse(r)));
    },
    async deleteAll(nip: string): Promise<number> {
      const n = await redis.hlen(keys.recipientsOf(nip));
      await redis.del(keys.recipientsOf(nip));
      return n;
    },
    /** Packages the same household (same phone or same address) got in the last 7 days. */
    async recentDeliveries(r: Pick<Recipient, 'phone' | 'address' | 'kelurahan'>, excludeOrderId?: string): Promise<number> {
      const since = clock().getTime() - WEEK_MS;
      const read = redis.pipeline();
      for (const fp of recipientFingerprints(r)) read.zrangebyscore(keys.recipientDeliveries(fp), since, '+inf');
      const ids = new Set<string>();
      for (const found of execResults(await read.exec()) as string[][]) for (const id of found) ids.add(id);
      if (excludeOrderId) ids.delete(excludeOrderId);
      return ids.size;
    },
    /** Counts an order against the household. */
    async recordDelivery(r: Pick<Recipient, 'phone' | 'address' | 'kelurahan'>, orderId: string): Promise<void> {
      const now = clock().getTime();
      const tx = redis.multi();
      for (const fp of recipientFingerprints(r)) {
        tx.zadd(keys.recipientDeliveries(fp), now, orderId);
        tx.zremrangebyscore(keys.recipientDeliveries(fp), '-inf', now - 5 * WEEK_MS);
        tx.pexpire(keys.recipientDeliveries(fp), 5 * WEEK_MS);
      }
      await tx.exec();
    },
    /** Stops counting an order against the household (the UMKM rejected it: nothing was delivered). */
    async forgetDelivery(r: Pick<Recipient, 'phone' | 'address' | 'kelurahan'>, orderId: string): Promise<void> {
      const tx = redis.multi();
      for (const fp of recipientFingerprints(r)) tx.zrem(keys.recipientDeliveries(fp), orderId);
      await tx.exec();
    },
  };
}
export type RecipientsRepo = ReturnType<typeof createRecipientsRepo>;
