/**
 * Part 3: memory of the bot process with 10,000 active sessions. A fresh `ours` child; a warm-up,
 * then RSS after a forced GC; then 10,000 distinct users each go the first steps of the journey
 * (register and browse to a product list), some hundreds at a time; RSS after a forced GC again.
 */
import type { FakeBotApi } from '../test/support/fake-bot-api/index.js';
import { type Driver, pool } from './driver.js';
import { asnJourney, type JourneyPerson } from './journey.js';
import { benchPhone } from './seed.js';
import { startSubject } from './subject.js';
import type { Usage } from './bot-process.js';

/** Figures of the memory part. */
export interface MemoryFigures {
  users: number;
  stepsEach: number;
  concurrency: number;
  before: Usage;
  /** right after the load, before forcing a GC */
  afterLoad: Usage;
  after: Usage;
  seconds: number;
}

/** The steps each user goes: /start, own contact, "yes that is me", catalogue, Kuliner, Beji (a product list). */
const STEPS = [0, 2, 3, 4, 5, 6];

export async function measureMemory(o: {
  fake: FakeBotApi;
  driver: Driver;
  redisUrl: string;
  prefix: string;
  mediaDir: string;
  /** roster index of the first user; warm-up users come first */
  firstIndex: number;
  warmup: number;
  users: number;
  concurrency: number;
  firstUserId: number;
}): Promise<MemoryFigures> {
  const subject = await startSubject({ mode: 'ours', redisUrl: o.redisUrl, prefix: o.prefix, apiRoot: o.fake.url, token: o.fake.token, mediaDir: o.mediaDir });
  const runUsers = async (from: number, count: number) => {
    await pool(count, o.concurrency, async (k) => {
      const p: JourneyPerson = { index: from + k, phone: benchPhone(from + k), receipt: Buffer.alloc(0) };
      const all = asnJourney(p);
      const userId = o.firstUserId + p.index;
      o.driver.addUser(userId, `Uji ${p.index}`);
      await o.driver.journey(
        userId,
        STEPS.map((i) => all[i]!),
        [],
      );
    });
  };
  try {
    await runUsers(o.firstIndex, o.warmup);
    const before = await subject.usage(true);
    const t0 = Date.now();
    await runUsers(o.firstIndex + o.warmup, o.users);
    const seconds = (Date.now() - t0) / 1000;
    const afterLoad = await subject.usage(false);
    const after = await subject.usage(true);
    return { users: o.users, stepsEach: STEPS.length, concurrency: o.concurrency, before, afterLoad, after, seconds };
  } finally {
    await subject.stop();
  }
}
