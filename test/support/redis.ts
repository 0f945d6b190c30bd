import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';

/** The URL of the test Redis (started by global-setup or given as TEST_REDIS_URL). */
export function testRedisUrl(): string {
  const url = process.env.TEST_REDIS_URL;
  if (!url) throw new Error('TEST_REDIS_URL is not set: global-setup did not run');
  return url;
}

/** A unique key prefix for one suite or test, so suites never share keys. */
export function uniquePrefix(name = 't'): string {
  return `test:${name}:${randomUUID().slice(0, 8)}:`;
}

/** Opens a real Redis connection to the test server. */
export function openRedis(): Redis {
  return new Redis(testRedisUrl(), { maxRetriesPerRequest: null });
}

/** Deletes every key under `prefix` (only what the suite made). */
export async function cleanPrefix(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length) await redis.del(...keys);
  } while (cursor !== '0');
}
