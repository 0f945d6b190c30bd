import { afterAll, beforeEach, describe, expect, it } from '@jest/globals';
import { CHAT_SLOT_MS, TELEGRAM_JITTER_MS, createRateGuard, telegramIntervalMs } from '../../../src/broadcast/rate-guard.js';
import { createKeys } from '../../../src/store/keys.js';
import { cleanPrefix, openRedis, uniquePrefix } from '../../support/redis.js';

const redis = openRedis();
let keys = createKeys(uniquePrefix('rate'));

beforeEach(async () => {
  await cleanPrefix(redis, keys.prefix);
  keys = createKeys(uniquePrefix('rate'));
});
afterAll(async () => {
  await cleanPrefix(redis, keys.prefix);
  await redis.quit();
});

describe('Telegram send times booked on Redis (every worker process shares them)', () => {
  it('callers racing for sends get distinct times, one interval apart; none is booked more than a second ahead', async () => {
    const guard = createRateGuard(redis, keys);
    const perSecond = 20;
    const interval = telegramIntervalMs(perSecond);
    const fit = Math.floor(1000 / interval) + 1; // sends that fit within a second ahead (the first one at once)
    const slots = await Promise.all(Array.from({ length: fit + 1 }, (_, i) => guard.bookTelegram(perSecond, `chat-${i}`)));

    const booked = slots.filter((s) => s.booked).map((s) => s.waitMs);
    expect(booked).toHaveLength(fit);
    expect(booked[0]).toBe(0);
    for (let i = 1; i < booked.length; i++) {
      // floor() of each wait and Redis time moving between the calls take off at most ~2 ms
      expect(booked[i]! - booked[i - 1]!).toBeGreaterThanOrEqual(interval - 2);
      expect(booked[i]! - booked[i - 1]!).toBeLessThanOrEqual(interval + 1);
    }
    const refused = slots[fit]!;
    expect(refused).toMatchObject({ booked: false, why: 'rate' });
    expect(refused.waitMs).toBeGreaterThan(0);
    expect(refused.waitMs).toBeLessThanOrEqual(Math.ceil(interval));
  });

  it('spaced so that sends arriving up to the jitter late still never put more than the limit into one second', () => {
    for (const perSecond of [1, 2, 25, 30, 250, 1000]) {
      const interval = telegramIntervalMs(perSecond);
      // the most booked send times inside any span of 1 s + jitter
      const most = Math.floor((1000 + TELEGRAM_JITTER_MS) / interval) + 1;
      expect(most).toBeLessThanOrEqual(perSecond);
      // and not needlessly slow: at least 95% of the limit
      expect(1000 / interval / perSecond).toBeGreaterThan(0.95);
    }
  });

  it("a chat's one-a-second slot is taken with the send: a second flyer to the same chat is told to wait, and books nothing", async () => {
    const guard = createRateGuard(redis, keys);
    const first = await guard.bookTelegram(250, '42');
    expect(first).toEqual({ booked: true, waitMs: 0 });
    const again = await guard.bookTelegram(250, '42');
    expect(again).toMatchObject({ booked: false, why: 'chat-busy' });
    expect(again.waitMs).toBeGreaterThan(CHAT_SLOT_MS - 100);
    expect(again.waitMs).toBeLessThanOrEqual(CHAT_SLOT_MS);
    // the refused call booked no send time: the next chat's send follows one interval after the first
    const other = await guard.bookTelegram(250, '43');
    expect(other.booked).toBe(true);
    expect(other.waitMs).toBeLessThanOrEqual(Math.ceil(telegramIntervalMs(250)));
  });
});
