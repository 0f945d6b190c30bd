import type { Redis } from 'ioredis';
import { z } from 'zod';
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

/**
 * A session with every field in the schema's order, the absent ones undefined: every session then
 * has the same hidden class in V8, and the engine's functions that read or set its fields stay
 * optimised (sessions parsed with different fields present had a shape each, and each new shape
 * threw the optimised code away). JSON leaves the undefined fields out: what is stored is unchanged.
 */
export function shapeSession(s: Session): Session {
  return {
    flow: s.flow,
    step: s.step,
    data: s.data,
    offered: s.offered,
    expectsNumber: s.expectsNumber,
    cart: s.cart,
    orderId: s.orderId,
    confirmToken: s.confirmToken,
    actingUmkmId: s.actingUmkmId,
    retryOf: s.retryOf,
    updatedAt: s.updatedAt,
    seen: s.seen,
  };
}

export const freshSession = (): Session => shapeSession({ flow: 'menu', step: 'main', data: {}, offered: [] });

/** A stored session, or null; one that no longer fits the schema (after an upgrade) starts afresh. */
export function parseSession(key: string, raw: string | null | undefined): Session | null {
  try {
    const s = parseStored(SessionSchema, key, raw);
    return s && shapeSession(s);
  } catch {
    return null;
  }
}

/**
 * Update ids a session remembers to drop redeliveries: a redelivery (a webhook sent again, a
 * poller restarted before confirming) comes within the chat's last few updates, and flood control
 * keeps a chat to a few a second. They live as long as the session (SESSION_TTL_HOURS of silence).
 */
export const SEEN_PER_CHAT = 16;

/** Whether the chat handled update `id` lately. */
export const wasSeen = (s: Session | null, id: string | undefined): boolean => Boolean(id && s?.seen?.includes(id));

/** Remembers update `id` as handled, in the session that is saved with it (the oldest id goes beyond SEEN_PER_CHAT). */
export function markSeen(s: Session, id: string | undefined): void {
  if (!id) return;
  const seen = (s.seen ??= []);
  const at = seen.indexOf(id);
  if (at >= 0) seen.splice(at, 1);
  seen.push(id);
  if (seen.length > SEEN_PER_CHAT) seen.splice(0, seen.length - SEEN_PER_CHAT);
}

/**
 * Sessions in Redis: JSON validated on read, expiring after `ttlSeconds` of silence. (Validating
 * a session costs about a quarter of its JSON.parse, and a session changes with every update:
 * no cache of parsed sessions, which would cost more to check than the parse it saves.)
 */
export function createSessionStore(redis: Redis, keys: Keys, ttlSeconds: number) {
  return {
    async get(channel: string, chatId: string): Promise<Session | null> {
      const key = keys.session(channel, chatId);
      return parseSession(key, await redis.get(key));
    },
    /** Saves the session (with the update ids it has seen: one write for both). */
    async save(channel: string, chatId: string, s: Session): Promise<void> {
      await redis.set(keys.session(channel, chatId), JSON.stringify(s), 'EX', ttlSeconds);
    },
    async clear(channel: string, chatId: string): Promise<void> {
      await redis.del(keys.session(channel, chatId));
    },
  };
}
export type SessionStore = ReturnType<typeof createSessionStore>;
