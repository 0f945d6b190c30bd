import type { Redis } from 'ioredis';
import { WIB_OFFSET_MS, wibDay } from '../domain/time.js';
import type { Keys } from '../store/keys.js';
import { defineScript } from '../store/scripts.js';

/**
 * The window the global Telegram limit is kept over. A little longer than a second: a send is
 * reserved just before its HTTP call, and calls reach Telegram some milliseconds apart from when
 * they were reserved, so the margin keeps every real 1-second window under the limit.
 */
export const TELEGRAM_WINDOW_MS = 1050;

/** At most one broadcast message a second to one chat (Telegram's per-chat limit). */
export const CHAT_SLOT_MS = 1000;

/**
 * A sliding-window log on Redis time (one clock for every worker process): reserves a send when
 * fewer than ARGV[2] were reserved in the last ARGV[1] ms, else answers the ms until one frees.
 */
const RESERVE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local window = tonumber(ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[2]) then
  redis.call('ZADD', KEYS[1], now, ARGV[3])
  redis.call('PEXPIRE', KEYS[1], window)
  return 0
end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return math.max(1, tonumber(oldest[2]) + window - now)`;

let seq = 0;

/** Milliseconds from `now` to the next WIB midnight. */
export function msUntilNextWibDay(now: Date): number {
  const wib = now.getTime() + WIB_OFFSET_MS;
  const next = Math.floor(wib / 86_400_000 + 1) * 86_400_000;
  return next - wib;
}

/** Rate rules shared by every worker process through Redis: global window, per-chat slot, daily cap. */
export function createRateGuard(redis: Redis, keys: Keys) {
  const reserve = defineScript(redis, 'reserveTelegramSend', 1, RESERVE); // one call per flyer
  return {
    /** Reserves one Telegram send under `perSecond` per window; 0 to go ahead, else ms to wait. */
    async reserveTelegram(perSecond: number): Promise<number> {
      const member = `${process.pid}.${Date.now()}.${++seq}.${Math.random().toString(36).slice(2, 8)}`;
      return Number(await reserve(keys.broadcastTelegramWindow(), TELEGRAM_WINDOW_MS, perSecond, member));
    },
    /** Takes the chat's one-a-second slot; 0 when taken now, else ms until it frees. */
    async takeChatSlot(channel: string, chatId: string): Promise<number> {
      const key = keys.broadcastChatSlot(channel, chatId);
      if (await redis.set(key, '1', 'PX', CHAT_SLOT_MS, 'NX')) return 0;
      return Math.max(1, await redis.pttl(key));
    },
    /** Gives the slot back when no message went out after all. */
    async releaseChatSlot(channel: string, chatId: string): Promise<void> {
      await redis.del(keys.broadcastChatSlot(channel, chatId));
    },
    /** WhatsApp messages left today under `cap`; 0 means wait for the next WIB day. */
    async whatsappLeftToday(now: Date, cap: number): Promise<number> {
      return Math.max(0, cap - Number((await redis.get(keys.broadcastWhatsappDay(wibDay(now)))) ?? 0));
    },
    /** Counts one WhatsApp broadcast message on today's WIB day. */
    async countWhatsapp(now: Date): Promise<void> {
      const key = keys.broadcastWhatsappDay(wibDay(now));
      await redis.multi().incr(key).expire(key, 2 * 86_400).exec();
    },
  };
}
export type RateGuard = ReturnType<typeof createRateGuard>;
