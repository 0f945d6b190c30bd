import type { Redis } from 'ioredis';
import type { ChatRef, HandledMessage } from './types.js';
import type { OutboundMessage } from '../i18n/message.js';
import type { Channel } from '../domain/schemas.js';
import { type Clock, systemClock } from '../domain/time.js';
import type { Logger } from '../logger.js';
import type { Keys } from '../store/keys.js';

export interface FloodControlOptions {
  redis: Redis;
  keys: Keys;
  /** updates one chat may send in one second before the rest are dropped (default 10) */
  limit?: number;
  /** the polite localised notice (`flood-notice`) sent once when a chat goes over the limit */
  notice: (chat: ChatRef) => Promise<OutboundMessage>;
  /** after a notice, further drops stay silent this long (default 60 s) */
  noticeEverySeconds?: number;
  /** real time: flood control is about how fast updates arrive (default the system clock) */
  clock?: Clock;
  /** channels never limited (default: the terminal chat, the operator's own) */
  exempt?: Channel[];
  /** called for each dropped update (metrics) */
  onDrop?: (chat: ChatRef) => void;
  logger?: Logger;
}

/**
 * Lua: count one update in KEYS[1] (INCR, and a 2 s TTL on the first count of the second). The
 * engine's turn read runs these lines before its MGET (src/engine/turn-state.ts).
 */
export const FLOOD_COUNT_LUA = `local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('EXPIRE', KEYS[1], 2) end`;

/** Default updates per second per chat. */
export const FLOOD_LIMIT_DEFAULT = 10;

/**
 * Per-chat flood control: updates are counted in Redis per chat per epoch second (INCR with a
 * short TTL), so the limit holds across every bot instance. Beyond `limit` in one second the chat
 * gets one polite notice and the rest are dropped without an answer; other chats are not affected.
 * The engine counts in its own turn read (one round trip for both, `createEngine({ flood })`);
 * when Redis cannot be read the engine answers that the message was not processed.
 */
export interface FloodPolicy {
  /** the counter of this chat's current second, or undefined for a channel never limited */
  keyOf(chat: ChatRef): string | undefined;
  /** with `count` updates from the chat this second: undefined to handle it, else the answer instead */
  verdict(chat: ChatRef, count: number): Promise<HandledMessage | undefined>;
}

export function createFloodPolicy(opts: FloodControlOptions): FloodPolicy {
  const limit = opts.limit ?? FLOOD_LIMIT_DEFAULT;
  const clock = opts.clock ?? systemClock;
  const noticeEvery = opts.noticeEverySeconds ?? 60;
  const exempt = new Set<Channel>(opts.exempt ?? ['console']);
  const { redis, keys } = opts;
  return {
    keyOf(chat) {
      if (exempt.has(chat.channel)) return undefined;
      return keys.floodCount(chat.channel, chat.chatId, Math.floor(clock().getTime() / 1000));
    },
    async verdict(chat, count) {
      if (count <= limit) return undefined;
      opts.onDrop?.(chat);
      const first = await redis.set(keys.floodNotice(chat.channel, chat.chatId), '1', 'EX', noticeEvery, 'NX').catch(() => null);
      if (first !== 'OK') return { messages: [] };
      opts.logger?.info({ channel: chat.channel, perSecond: count }, 'flood: notice sent, further updates dropped');
      return { messages: [await opts.notice(chat)] };
    },
  };
}
