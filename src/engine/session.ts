import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { Keys } from '../store/keys.js';
import { parseStored } from '../store/json.js';
import { defineScript } from '../store/scripts.js';

export const CartSchema = z.object({
  umkmId: z.string(),
  items: z.array(z.object({ sku: z.string(), qty: z.number().int().min(1).max(99) })),
});
export type Cart = z.infer<typeof CartSchema>;

/** One chat's conversation state, stored in Redis with a TTL. */
export const SessionSchema = z.object({
  flow: z.string(),
  step: z.string(),
  data: z.record(z.string(), z.unknown()).default({}),
  /** the buttons of the last answer: a press of anything else is stale or forged */
  offered: z.array(z.object({ id: z.string(), label: z.string() })).default([]),
  expectsNumber: z.boolean().optional(),
  cart: CartSchema.optional(),
  /** an order confirmed but not finished (recipient, receipt, post link) */
  orderId: z.string().optional(),
  /** makes a double tap on "confirm" create one order */
  confirmToken: z.string().optional(),
  /** the UMKM an owner of several acts for */
  actingUmkmId: z.string().optional(),
  /** a rejected order whose recipient the next confirmed order offers first (the ASN's "choose another") */
  retryOf: z.string().optional(),
  updatedAt: z.string().optional(),
});
export type Session = z.infer<typeof SessionSchema>;

export const freshSession = (): Session => ({ flow: 'menu', step: 'main', data: {}, offered: [] });

/** A stored session, or null; one that no longer fits the schema (after an upgrade) starts afresh. */
export function parseSession(key: string, raw: string | null | undefined): Session | null {
  try {
    return parseStored(SessionSchema, key, raw);
  } catch {
    return null;
  }
}

/** How long an update id is remembered to drop duplicates (Telegram redelivers within hours at most). */
export const SEEN_TTL_SECONDS = 24 * 3600;

/** The session and the update's seen mark in one call: one round trip, both or neither. */
const SAVE_TURN = `redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
redis.call('SET', KEYS[2], '1', 'EX', ARGV[3])
return 1`;

/** Sessions in Redis: JSON validated on read, expiring after `ttlSeconds` of silence. */
export function createSessionStore(redis: Redis, keys: Keys, ttlSeconds: number) {
  const saveTurn = defineScript(redis, 'saveTurn', 2, SAVE_TURN);
  return {
    async get(channel: string, chatId: string): Promise<Session | null> {
      const key = keys.session(channel, chatId);
      return parseSession(key, await redis.get(key));
    },
    /** Saves the session; with `seenKey`, marks that update handled in the same script call. */
    async save(channel: string, chatId: string, s: Session, seenKey?: string): Promise<void> {
      const key = keys.session(channel, chatId);
      if (!seenKey) {
        await redis.set(key, JSON.stringify(s), 'EX', ttlSeconds);
        return;
      }
      await saveTurn(key, seenKey, JSON.stringify(s), ttlSeconds, SEEN_TTL_SECONDS);
    },
    async clear(channel: string, chatId: string): Promise<void> {
      await redis.del(keys.session(channel, chatId));
    },
  };
}
export type SessionStore = ReturnType<typeof createSessionStore>;
