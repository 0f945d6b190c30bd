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
  it('callers racing for sends get distinct send times, exactly one interval apart', async () => {
    const guard = createRateGuard(redis, keys);
    const perSecond = 20;
    const interval = telegramIntervalMs(perSecond);
    // 10 x 51.55 ms: all fit within the second ahead, however slowly the calls arrive
    const slots = await Promise.all(Array.from({ length: 10 }, (_, i) => guard.bookTelegram(perSecond, `chat-${i}`)));
    const times = slots.map((s) => (s.booked ? s.at : NaN)).sort((a, b) => a - b);
    expect(times.every(Number.isFinite)).toBe(true);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeCloseTo(interval, 2);
    for (const s of slots) {
      expect(s.waitMs).toBeGreaterThanOrEqual(0);
      expect(s.waitMs).toBeLessThan(10 * interval);
    }
  });

  it('a send time further ahead than allowed is not booked: the caller is told how long to wait', async () => {
    const guard = createRateGuard(redis, keys);
    const interval = telegramIntervalMs(2); // 515.5 ms
    expect(await guard.bookTelegram(2, 'a', 0)).toMatchObject({ booked: true, waitMs: 0 });
    const refused = await guard.bookTelegram(2, 'b', 0);
    expect(refused).toMatchObject({ booked: false, why: 'rate' });
    expect(refused.waitMs).toBeGreaterThan(0);
    expect(refused.waitMs).toBeLessThanOrEqual(Math.ceil(interval));
    // nothing was booked by the refusal: the next free time is still one interval after the first
    const later = await guard.bookTelegram(2, 'c');
    expect(later.booked).toBe(true);
    expect(later.waitMs).toBeLessThanOrEqual(Math.ceil(interval));
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
    expect(first).toMatchObject({ booked: true, waitMs: 0 });
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
