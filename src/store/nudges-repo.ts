import type { Redis } from 'ioredis';
import type { Keys } from './keys.js';

/** The coordinators' weekly nudge: the text admins approved, and when each unit was last nudged. */
export function createNudgesRepo(redis: Redis, keys: Keys) {
  return {
    /** The approved nudge text, if any. */
    text: (): Promise<string | null> => redis.get(keys.nudgeText()),
    async setText(text: string): Promise<void> {
      await redis.set(keys.nudgeText(), text);
    },
    /** When the unit was last nudged (ISO), while its claim lasts. */
    lastOf: (scopeKey: string): Promise<string | null> => redis.get(keys.unitNudge(scopeKey)),
    /**
     * Claims the unit's nudge for `ttlS` seconds in one step (SET NX): true when this call won;
     * false when the unit was nudged within the period (another coordinator, a double tap).
     */
    async claim(scopeKey: string, at: Date, ttlS: number): Promise<boolean> {
      return (await redis.set(keys.unitNudge(scopeKey), at.toISOString(), 'EX', ttlS, 'NX')) === 'OK';
    },
  };
}
export type NudgesRepo = ReturnType<typeof createNudgesRepo>;
