import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { Keys } from './keys.js';
import { parseStored } from './json.js';
import { execResults } from './scripts.js';

/** One message waiting for a terminal persona: as printed, and when it was sent. */
const WaitingSchema = z.object({ text: z.string(), at: z.string() });
export type Waiting = z.infer<typeof WaitingSchema>;

/** Messages kept at most per persona (a demo: the newest are what matter). */
const MAX_WAITING = 50;

/**
 * The terminal demo's waiting messages: what the bot sent to a persona while the terminal was
 * another one, shown when the terminal switches to it. Kept in Redis, so a restart loses none.
 */
export function createConsoleInbox(redis: Redis, keys: Keys) {
  return {
    async push(chatId: string, w: Waiting): Promise<void> {
      const key = keys.consoleInbox(chatId);
      await redis.multi().rpush(key, JSON.stringify(w)).ltrim(key, -MAX_WAITING, -1).exec();
    },
    /** The waiting messages, oldest first, removed from the inbox. */
    async take(chatId: string): Promise<Waiting[]> {
      const key = keys.consoleInbox(chatId);
      const [raw] = execResults(await redis.multi().lrange(key, 0, -1).del(key).exec()) as [string[], number];
      return raw.map((r) => parseStored(WaitingSchema, key, r)!);
    },
  };
}
export type ConsoleInbox = ReturnType<typeof createConsoleInbox>;
