import type { Redis } from 'ioredis';
import { openAppConnection } from '../../src/queue/connection.js';
import { cleanPrefix, openRedis, testRedisUrl, uniquePrefix } from '../support/redis.js';

/** Socket writes handed to the system (Node's sockets do each, one chunk or a writev, in `_writeGeneric`). */
function countWrites(redis: Redis): { readonly n: number } {
  const socket = redis.stream as unknown as { _writeGeneric: (...args: unknown[]) => unknown };
  const original = socket._writeGeneric;
  const count = { n: 0 };
  socket._writeGeneric = function (this: unknown, ...args: unknown[]) {
    count.n++;
    return original.apply(this, args);
  };
  return count;
}

describe("the app's connection gathers one turn's commands into one write", () => {
  let redis: Redis;
  let admin: Redis;
  let prefix: string;
  beforeAll(async () => {
    redis = openAppConnection(testRedisUrl());
    admin = openRedis();
    prefix = uniquePrefix('coalesce');
    await redis.ping();
  });
  afterAll(async () => {
    await cleanPrefix(admin, prefix);
    await Promise.all([redis.quit(), admin.quit()]);
  });

  test('fifty commands, a pipeline and a MULTI sent in one turn: one write, every answer its own, in order', async () => {
    const writes = countWrites(redis);
    const k = (i: number) => `${prefix}k${i}`;
    const sets = Array.from({ length: 25 }, (_, i) => redis.set(k(i), `v${i}`));
    const gets = Array.from({ length: 25 }, (_, i) => redis.get(k(i)));
    const pipe = redis.pipeline().incr(`${prefix}n`).incr(`${prefix}n`).exec();
    const multi = redis.multi().hset(`${prefix}h`, 'a', '1').hget(`${prefix}h`, 'a').exec();
    const [setReplies, getReplies, piped, multied] = await Promise.all([Promise.all(sets), Promise.all(gets), pipe, multi]);
    expect(writes.n).toBe(1);
    expect(setReplies).toEqual(Array(25).fill('OK'));
    expect(getReplies).toEqual(Array.from({ length: 25 }, (_, i) => `v${i}`));
    expect(piped).toEqual([
      [null, 1],
      [null, 2],
    ]);
    expect(multied).toEqual([
      [null, 1],
      [null, '1'],
    ]);
  });

  test('binary values gathered with text commands arrive byte for byte, with text in UTF-8', async () => {
    const writes = countWrites(redis);
    const bytes = Buffer.from([0, 255, 13, 10, 36, 42, 128, 1]);
    const replies = await Promise.all([
      redis.set(`${prefix}t1`, 'Bu Siti — 🙏'),
      redis.set(`${prefix}b`, bytes),
      redis.set(`${prefix}t2`, 'Kukusan'),
      redis.getBuffer(`${prefix}b`),
      redis.get(`${prefix}t1`),
    ]);
    expect(writes.n).toBe(1);
    expect(replies.slice(0, 3)).toEqual(['OK', 'OK', 'OK']);
    expect(Buffer.compare(replies[3] as Buffer, bytes)).toBe(0);
    expect(replies[4]).toBe('Bu Siti — 🙏');
  });

  test('commands in turns of their own still go out at once, one write each', async () => {
    const writes = countWrites(redis);
    for (let i = 0; i < 5; i++) expect(await redis.set(`${prefix}s${i}`, String(i))).toBe('OK');
    expect(writes.n).toBe(5);
    expect(await admin.mget(...Array.from({ length: 5 }, (_, i) => `${prefix}s${i}`))).toEqual(['0', '1', '2', '3', '4']);
  });

  test('after the connection is dropped and made again, the new socket gathers too', async () => {
    const id = await redis.client('ID');
    const reconnected = new Promise<void>((resolve) => redis.once('ready', () => resolve()));
    await admin.client('KILL', 'ID', String(id));
    await reconnected;
    const writes = countWrites(redis);
    const replies = await Promise.all(Array.from({ length: 10 }, (_, i) => redis.set(`${prefix}r${i}`, 'x')));
    expect(replies).toEqual(Array(10).fill('OK'));
    expect(writes.n).toBe(1);
  });
});
