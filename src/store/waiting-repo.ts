import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { Clock } from '../domain/time.js';
import type { Keys } from './keys.js';
import { parseStored } from './json.js';

/** Waiting notifications are dropped after this long (an order that old is settled some other way). */
const KEEP_MS = 60 * 86_400_000;

/** One notification parked for a phone with no reachable chat: the job id and its payload. */
export const WaitingNotificationSchema = z.object({
  jobId: z.string().min(1, { error: 'jobId: must not be empty' }),
  orderId: z.string().min(1, { error: 'orderId: must not be empty' }),
  target: z.enum(['umkm', 'asn'], { error: 'target: must be umkm or asn' }),
  event: z.string().min(1, { error: 'event: must not be empty' }),
});
export type WaitingNotification = z.infer<typeof WaitingNotificationSchema>;

/** The member string of an entry: fixed field order, so parking the same job twice keeps one entry. */
const member = (w: WaitingNotification) => JSON.stringify({ jobId: w.jobId, orderId: w.orderId, target: w.target, event: w.event });

/** Notifications waiting, per phone, for their person to link a chat; delivered oldest first. */
export function createWaitingRepo(redis: Redis, keys: Keys, clock: Clock) {
  return {
    /** Parks a notification (once per job id) for `phone`. */
    async park(phone: string, w: WaitingNotification): Promise<void> {
      const key = keys.waitingNotifications(phone);
      await redis
        .multi()
        .zadd(key, 'NX', clock().getTime(), member(WaitingNotificationSchema.parse(w)))
        .pexpire(key, KEEP_MS)
        .exec();
    },
    /** Every waiting notification of `phone`, oldest first. */
    async of(phone: string): Promise<WaitingNotification[]> {
      const key = keys.waitingNotifications(phone);
      return (await redis.zrange(key, 0, -1)).map((raw) => parseStored(WaitingNotificationSchema, key, raw)!);
    },
    /** How many notifications wait for `phone`. */
    async count(phone: string): Promise<number> {
      return redis.zcard(keys.waitingNotifications(phone));
    },
    /** Orders with notifications waiting for `phone` (distinct ids). */
    async orderIds(phone: string): Promise<string[]> {
      return [...new Set((await this.of(phone)).map((w) => w.orderId))];
    },
    async remove(phone: string, w: WaitingNotification): Promise<void> {
      await redis.zrem(keys.waitingNotifications(phone), member(w));
    },
  };
}
export type WaitingRepo = ReturnType<typeof createWaitingRepo>;
