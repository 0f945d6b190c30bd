import type { Redis } from 'ioredis';

/** The replies of a pipeline or MULTI (`exec()`), in order; the first failed command throws. */
export function execResults(res: [Error | null, unknown][] | null): unknown[] {
  if (!res) throw new Error('transaction aborted');
  return res.map(([err, value]) => {
    if (err) throw err;
    return value;
  });
}

/**
 * A Lua script as a function on `redis`, sent by its SHA (EVALSHA; ioredis loads it again after
 * a Redis restart): for scripts on hot paths, so their text does not travel with every call.
 * The first `numberOfKeys` arguments are keys, the rest ARGV; with `numberOfKeys` null the first
 * argument says how many keys follow.
 */
export function defineScript(redis: Redis, name: string, numberOfKeys: number | null, lua: string): (...args: (string | number)[]) => Promise<unknown> {
  if (!(name in redis)) redis.defineCommand(name, numberOfKeys === null ? { lua } : { numberOfKeys, lua });
  const command = (redis as unknown as Record<string, (...args: (string | number)[]) => Promise<unknown>>)[name]!;
  return (...args) => command.apply(redis, args);
}
