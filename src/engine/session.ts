import type { Redis } from 'ioredis';
import { z } from 'zod';
import { fingerprint } from '../store/catalogue-repo.js';
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

/** Sessions remembered as written by this process (a fingerprint each); beyond this many the memory starts afresh. */
const WRITTEN_MAX = 50_000;

/**
 * Sessions in Redis: JSON validated on read, expiring after `ttlSeconds` of silence. A session
 * read back exactly as this process wrote it (same fingerprint: length and a 53-bit hash of the
 * text) is not validated again: it was built by typed code with every field present. Anything
 * else (written by another process, by an older version, or changed by hand) goes through zod.
 */
export function createSessionStore(redis: Redis, keys: Keys, ttlSeconds: number) {
  const saveTurn = defineScript(redis, 'saveTurn', 2, SAVE_TURN);
  const written = new Map<string, number>();
  function remember(key: string, raw: string): void {
    if (written.size >= WRITTEN_MAX && !written.has(key)) written.clear();
    written.set(key, fingerprint(raw));
  }
  /** The stored session at `key` from its raw text, or null (none, or one that no longer fits the schema). */
  function parse(key: string, raw: string | null | undefined): Session | null {
    if (raw == null) return null;
    const print = written.get(key);
    if (print !== undefined && print === fingerprint(raw)) return JSON.parse(raw) as Session;
    return parseSession(key, raw);
  }
  return {
    parse,
    async get(channel: string, chatId: string): Promise<Session | null> {
      const key = keys.session(channel, chatId);
      return parse(key, await redis.get(key));
    },
    /** Saves the session; with `seenKey`, marks that update handled in the same script call. */
    async save(channel: string, chatId: string, s: Session, seenKey?: string): Promise<void> {
      const key = keys.session(channel, chatId);
      const raw = JSON.stringify(s);
      written.delete(key); // while the write is in flight, what is stored is not known
      if (!seenKey) await redis.set(key, raw, 'EX', ttlSeconds);
      else await saveTurn(key, seenKey, raw, ttlSeconds, SEEN_TTL_SECONDS);
      remember(key, raw);
    },
    async clear(channel: string, chatId: string): Promise<void> {
      const key = keys.session(channel, chatId);
      written.delete(key);
      await redis.del(key);
    },
  };
}
export type SessionStore = ReturnType<typeof createSessionStore>;
