import type { Redis } from 'ioredis';
import {
  detailsOnly,
  type PaymentChange,
  PaymentChangeSchema,
  type PaymentDetails,
  sameDetails,
  type StoredPayment,
  StoredPaymentSchema,
} from '../domain/payment.js';
import type { Clock } from '../domain/time.js';
import type { Keys } from './keys.js';
import { parseStored } from './json.js';

/** History entries kept per UMKM (the newest). */
const HISTORY_MAX = 200;

/**
 * Payment details per UMKM, kept apart from the UMKM record: a roster re-import without the
 * payment columns leaves them as they are, and each change is recorded (who, when, old, new).
 */
export function createPaymentsRepo(redis: Redis, keys: Keys, clock: Clock) {
  return {
    async get(umkmId: string): Promise<StoredPayment | null> {
      return parseStored(StoredPaymentSchema, keys.payments(), await redis.hget(keys.payments(), umkmId));
    },
    /** Details of many UMKM (null where none), in order. */
    async many(umkmIds: string[]): Promise<(StoredPayment | null)[]> {
      if (!umkmIds.length) return [];
      const raw = await redis.hmget(keys.payments(), ...umkmIds);
      return raw.map((r) => parseStored(StoredPaymentSchema, keys.payments(), r));
    },
    /** Ids of the UMKM that have payment details. */
    async umkmIdsWithDetails(): Promise<Set<string>> {
      return new Set(await redis.hkeys(keys.payments()));
    },
    /**
     * Replaces a UMKM's details and records the change; an equal set changes nothing (false).
     * `by`: `import` or `owner:<phone>`.
     */
    async set(umkmId: string, details: PaymentDetails, by: string): Promise<boolean> {
      const old = await this.get(umkmId);
      if (old && sameDetails(old, details)) return false;
      const at = clock().toISOString();
      const stored: StoredPayment = { ...detailsOnly(details), updatedAt: at, updatedBy: by };
      const change: PaymentChange = { at, by, old: old ? detailsOnly(old) : null, new: detailsOnly(details) };
      await redis
        .multi()
        .hset(keys.payments(), umkmId, JSON.stringify(StoredPaymentSchema.parse(stored)))
        .lpush(keys.paymentHistory(umkmId), JSON.stringify(change))
        .ltrim(keys.paymentHistory(umkmId), 0, HISTORY_MAX - 1)
        .exec();
      return true;
    },
    /** The changes of a UMKM's details, newest first. */
    async history(umkmId: string, limit = 20): Promise<PaymentChange[]> {
      const raw = await redis.lrange(keys.paymentHistory(umkmId), 0, limit - 1);
      return raw.map((r) => parseStored(PaymentChangeSchema, keys.paymentHistory(umkmId), r)!);
    },
  };
}
export type PaymentsRepo = ReturnType<typeof createPaymentsRepo>;
