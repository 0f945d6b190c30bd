import type { Redis } from 'ioredis';
import { execResults } from './scripts.js';

/**
 * Redis calls over many ids go in chunks of this many: one call with 100,000 arguments overflows
 * the JavaScript stack (a spread into `hmget`) and holds Redis for one long command.
 */
export const REDIS_CHUNK = 1000;

/** A write as data: a Redis command and its arguments, or `hdelifeq key field value` (delete the field only while it still holds value). */
export type Cmd = [string, ...(string | number)[]];

/** `list` in consecutive slices of `size`. */
export function chunked<T>(list: readonly T[], size = REDIS_CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** HMGET of any number of fields, REDIS_CHUNK at a time; values in the order of `fields`. */
export async function hmgetChunked(redis: Redis, key: string, fields: readonly string[]): Promise<(string | null)[]> {
  const out: (string | null)[] = [];
  for (const part of chunked(fields)) out.push(...(await redis.hmget(key, ...part)));
  return out;
}

/**
 * Runs a list of Cmd in one call (a transaction of its own): `[n, cmd, args...]` repeated in ARGV.
 * Used inside MULTI so that a chunk of an import is one queued command, not thousands.
 */
export const APPLY_LUA = `
local i = 1
while i <= #ARGV do
  local n = tonumber(ARGV[i])
  if ARGV[i + 1] == 'hdelifeq' then
    if redis.call('HGET', ARGV[i + 2], ARGV[i + 3]) == ARGV[i + 4] then redis.call('HDEL', ARGV[i + 2], ARGV[i + 3]) end
  else
    redis.call(unpack(ARGV, i + 1, i + n))
  end
  i = i + n + 1
end
return 1`;

/** The ARGV of APPLY_LUA for `cmds`. */
export function applyArgs(cmds: readonly Cmd[]): (string | number)[] {
  const args: (string | number)[] = [];
  for (const c of cmds) args.push(c.length, ...c);
  return args;
}

/** Applies `cmds` atomically (one MULTI of one script call per chunk); nothing when empty. */
export async function applyCommands(redis: Redis, cmds: readonly Cmd[]): Promise<void> {
  if (!cmds.length) return;
  const tx = redis.multi();
  for (const part of chunked(cmds)) tx.eval(APPLY_LUA, 0, ...applyArgs(part));
  execResults(await tx.exec());
}
