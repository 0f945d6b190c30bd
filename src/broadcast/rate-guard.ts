import type { Redis } from 'ioredis';
import { WIB_OFFSET_MS, wibDay } from '../domain/time.js';
import type { Keys } from '../store/keys.js';
import { defineScript } from '../store/scripts.js';

/**
 * How far ahead a Telegram send may be booked. A job whose slot is further away does not book it:
 * the queue pauses for the difference instead of jobs sleeping on a worker's concurrency.
 */
export const TELEGRAM_MAX_AHEAD_MS = 1000;

/** At most one broadcast message a second to one chat (Telegram's per-chat limit). */
export const CHAT_SLOT_MS = 1000;

/**
 * How late a send may reach Telegram after its booked time (the sleep's timer, the event loop,
 * the HTTP call): send times are spaced so that even sends this late never put more than the
 * limit into one second.
 */
export const TELEGRAM_JITTER_MS = 30;

/**
 * The spacing of booked Telegram sends under `perSecond`: any span of 1 s + the jitter holds at
 * most perSecond booked times (the 1 ms keeps a span's far end off the next one). 0.97 of the limit.
 */
export const telegramIntervalMs = (perSecond: number) => (1000 + TELEGRAM_JITTER_MS + 1) / perSecond;

/**
 * Telegram sends booked one interval apart on Redis time, one clock for every worker process. The
 * caller gets the next free send time and sleeps until it, so flyers leave evenly spaced and no
 * send time is lost to callers racing for it; time nobody booked is not saved up for a burst.
 * KEYS[1] the next free time; KEYS[2], when given, the recipient chat's one-a-second slot, taken
 * in the same call (until a second after the booked time). ARGV: interval, most ms ahead, chat
 * slot ms. Answers {1, ms to sleep, the booked time} when booked; {0, ms to wait} when the next free time is more
 * than ARGV[2] ms away; {2, ms} when the chat's slot is busy (nothing booked in either case).
 */
const BOOK = `
if KEYS[2] then
  local busy = redis.call('PTTL', KEYS[2])
  if busy > 0 then return {2, busy} end
end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local interval = tonumber(ARGV[1])
local at = tonumber(redis.call('GET', KEYS[1]) or '0')
if at < now then at = now end
local wait = at - now
if wait > tonumber(ARGV[2]) then return {0, math.ceil(wait - tonumber(ARGV[2]))} end
redis.call('SET', KEYS[1], string.format('%.3f', at + interval), 'PX', math.ceil(wait + interval) + 1000)
if KEYS[2] then redis.call('SET', KEYS[2], '1', 'PX', math.ceil(wait) + tonumber(ARGV[3])) end
return {1, math.floor(wait), string.format('%.3f', at)}`;

/** What booking a Telegram send answered: booked (sleep `waitMs`, then send), or why not and how long to wait. */
export type TelegramSlot = { booked: true; waitMs: number; at: number } | { booked: false; why: 'rate' | 'chat-busy'; waitMs: number };

/** Milliseconds from `now` to the next WIB midnight. */
export function msUntilNextWibDay(now: Date): number {
  const wib = now.getTime() + WIB_OFFSET_MS;
  const next = Math.floor(wib / 86_400_000 + 1) * 86_400_000;
  return next - wib;
}

/** Rate rules shared by every worker process through Redis: Telegram send times, per-chat slot, daily cap. */
export function createRateGuard(redis: Redis, keys: Keys) {
  const book = defineScript(redis, 'bookTelegramSend', null, BOOK); // one call per flyer
  return {
    /**
     * Books the next Telegram send time under `perSecond` and, for a `chatId`, that chat's slot
     * (see BOOK). `at` is the booked time on Redis's clock (ms).
     */
    async bookTelegram(perSecond: number, chatId?: string, maxAheadMs = TELEGRAM_MAX_AHEAD_MS): Promise<TelegramSlot> {
      const keyList = chatId === undefined ? [keys.broadcastTelegramNext()] : [keys.broadcastTelegramNext(), keys.broadcastChatSlot('telegram', chatId)];
      const [code, ms, at] = (await book(keyList.length, ...keyList, telegramIntervalMs(perSecond), maxAheadMs, CHAT_SLOT_MS)) as [number, number, string?];
      const waitMs = Number(ms);
      if (code === 1) return { booked: true, waitMs, at: Number(at) };
      return { booked: false, why: code === 2 ? 'chat-busy' : 'rate', waitMs };
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
      await redis
        .multi()
        .incr(key)
        .expire(key, 2 * 86_400)
        .exec();
    },
  };
}
export type RateGuard = ReturnType<typeof createRateGuard>;
