import type { Redis } from 'ioredis';

/**
 * A Lua script as a function on `redis`, sent by its SHA (EVALSHA; ioredis loads it again after
 * a Redis restart): for scripts on hot paths, so their text does not travel with every call.
 * The first `numberOfKeys` arguments are keys, the rest ARGV.
 */
export function defineScript(redis: Redis, name: string, numberOfKeys: number, lua: string): (...args: (string | number)[]) => Promise<unknown> {
  if (!(name in redis)) redis.defineCommand(name, { numberOfKeys, lua });
  const command = (redis as unknown as Record<string, (...args: (string | number)[]) => Promise<unknown>>)[name]!;
  return (...args) => command.apply(redis, args);
}
