import type { Redis } from 'ioredis';
import type { HandledMessage, IncomingMessage, MessageHandler, OutboundMessage } from '../channels/types.js';
import type { Channel } from '../domain/schemas.js';
import { type Clock, systemClock } from '../domain/time.js';
import type { Logger } from '../logger.js';
import type { Keys } from '../store/keys.js';
import { defineScript } from '../store/scripts.js';
import type { ChatRef } from './types.js';

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

const COUNT = `local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('EXPIRE', KEYS[1], 2) end
return n`;

/** Default updates per second per chat. */
export const FLOOD_LIMIT_DEFAULT = 10;

/**
 * Per-chat flood control around the engine. Updates are counted in Redis per chat per epoch
 * second (INCR with a short TTL), so the limit holds across every bot instance. Beyond `limit` in
 * one second the chat gets one polite notice and the rest are dropped without an answer; other
 * chats are not affected. When Redis cannot count, the update goes through (the engine will
 * answer on its own whether Redis works).
 */
export function withFloodControl(handler: MessageHandler, opts: FloodControlOptions): MessageHandler {
  const limit = opts.limit ?? FLOOD_LIMIT_DEFAULT;
  const clock = opts.clock ?? systemClock;
  const noticeEvery = opts.noticeEverySeconds ?? 60;
  const exempt = new Set<Channel>(opts.exempt ?? ['console']);
  const { redis, keys } = opts;
  const count = defineScript(redis, 'floodCount', 1, COUNT);

  async function countOf(chat: ChatRef): Promise<number | undefined> {
    const key = keys.floodCount(chat.channel, chat.chatId, Math.floor(clock().getTime() / 1000));
    try {
      // One round trip on the hot path: INCR, and set the TTL on the first count of the second.
      const n = await count(key);
      return typeof n === 'number' ? n : undefined;
    } catch (err) {
      opts.logger?.warn({ err }, 'flood control could not count: update let through');
      return undefined;
    }
  }

  return {
    async handle(msg: IncomingMessage): Promise<HandledMessage> {
      if (exempt.has(msg.chat.channel)) return handler.handle(msg);
      const n = await countOf(msg.chat);
      if (n === undefined || n <= limit) return handler.handle(msg);
      opts.onDrop?.(msg.chat);
      const first = await redis
        .set(keys.floodNotice(msg.chat.channel, msg.chat.chatId), '1', 'EX', noticeEvery, 'NX')
        .catch(() => null);
      if (first === 'OK') {
        opts.logger?.info({ channel: msg.chat.channel, perSecond: n }, 'flood: notice sent, further updates dropped');
        return { messages: [await opts.notice(msg.chat)] };
      }
      return { messages: [] };
    },
  };
}
