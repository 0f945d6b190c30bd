import type { Redis } from 'ioredis';
import { z } from 'zod';
import { fingerprint } from '../store/catalogue-repo.js';
import type { Keys } from '../store/keys.js';
import { parseStored } from '../store/json.js';

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
  /** the ids of the chat's latest handled updates (a redelivered one is dropped), newest last */
  seen: z.array(z.string()).optional(),
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

/**
 * Update ids a session remembers to drop redeliveries: a redelivery (a webhook sent again, a
 * poller restarted before confirming) comes within the chat's last few updates, and flood control
 * keeps a chat to a few a second. They live as long as the session (SESSION_TTL_HOURS of silence).
 */
export const SEEN_PER_CHAT = 32;

/** Whether the chat handled update `id` lately. */
export const wasSeen = (s: Session | null, id: string | undefined): boolean => Boolean(id && s?.seen?.includes(id));

/** Remembers update `id` as handled, in the session that is saved with it (the oldest id goes beyond SEEN_PER_CHAT). */
export function markSeen(s: Session, id: string | undefined): void {
  if (!id) return;
  const seen = (s.seen ?? []).filter((x) => x !== id);
  seen.push(id);
  s.seen = seen.length > SEEN_PER_CHAT ? seen.slice(-SEEN_PER_CHAT) : seen;
}

/** Sessions remembered as written by this process (a fingerprint each); beyond this many the memory starts afresh. */
const WRITTEN_MAX = 50_000;

/**
 * Sessions in Redis: JSON validated on read, expiring after `ttlSeconds` of silence. A session
 * read back exactly as this process wrote it (same fingerprint: length and a 53-bit hash of the
 * text) is not validated again: it was built by typed code with every field present. Anything
 * else (written by another process, by an older version, or changed by hand) goes through zod.
 */
export function createSessionStore(redis: Redis, keys: Keys, ttlSeconds: number) {
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
    /** Saves the session (with the update ids it has seen: one write for both). */
    async save(channel: string, chatId: string, s: Session): Promise<void> {
      const key = keys.session(channel, chatId);
      const raw = JSON.stringify(s);
      written.delete(key); // while the write is in flight, what is stored is not known
      await redis.set(key, raw, 'EX', ttlSeconds);
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
