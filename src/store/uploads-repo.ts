import type { Redis } from 'ioredis';
import type { Keys } from './keys.js';

/** A CSV an admin uploaded and has not yet named the kind of: one per chat, kept for `ttlS` seconds. */
export function createUploadsRepo(redis: Redis, keys: Keys) {
  const key = (channel: string, chatId: string) => keys.adminUpload(channel, chatId);
  return {
    async put(channel: string, chatId: string, csv: string, ttlS: number): Promise<void> {
      await redis.set(key(channel, chatId), csv, 'EX', ttlS);
    },
    async get(channel: string, chatId: string): Promise<string | null> {
      return redis.get(key(channel, chatId));
    },
    async drop(channel: string, chatId: string): Promise<void> {
      await redis.del(key(channel, chatId));
    },
  };
}
export type UploadsRepo = ReturnType<typeof createUploadsRepo>;
