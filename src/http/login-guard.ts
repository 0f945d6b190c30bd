import type { Redis } from 'ioredis';
import type { Keys } from '../store/keys.js';

/** Failed logins one address may make in a window before it is refused until the window ends. */
export const MAX_FAILED_LOGINS = 10;
/** The window, counted from an address's first failure. */
export const LOGIN_WINDOW_MS = 15 * 60_000;

/**
 * Failed logins counted per network address in Redis (shared by every process that serves the
 * dashboard; the count expires with its window). After `maxFailures` wrong passwords an address
 * is refused, right password or not, until the window ends.
 */
export function createLoginGuard(redis: Redis, keys: Keys, opts: { maxFailures?: number; windowMs?: number } = {}) {
  const maxFailures = opts.maxFailures ?? MAX_FAILED_LOGINS;
  const windowMs = opts.windowMs ?? LOGIN_WINDOW_MS;
  return {
    /** Milliseconds until `address` may try again; 0 when it may try now. */
    async blockedFor(address: string): Promise<number> {
      const key = keys.loginFailures(address);
      const [count, ttl] = await Promise.all([redis.get(key), redis.pttl(key)]);
      return Number(count ?? 0) >= maxFailures && ttl > 0 ? ttl : 0;
    },
    /** Counts one wrong password from `address` (the window starts at its first). */
    async failed(address: string): Promise<void> {
      const key = keys.loginFailures(address);
      await redis.multi().set(key, '0', 'PX', windowMs, 'NX').incr(key).exec();
    },
  };
}
export type LoginGuard = ReturnType<typeof createLoginGuard>;
