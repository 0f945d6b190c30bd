import { Redis } from 'ioredis';

/** Where a connection reports an outage: a pino logger or anything with warn/info. */
export type RedisErrorSink = { warn(obj: object, msg: string): void; info(obj: object, msg: string): void };

/**
 * An `error` listener for a Redis connection: without one ioredis prints every failed reconnect
 * to stderr ("Unhandled error event", one stack a second or more while Redis is down). This logs
 * the first error of an outage once (`name` says which connection) and one line when the
 * connection is ready again. Commands still fail or wait as the connection's options say.
 */
export function watchRedisErrors(redis: Redis, sink: RedisErrorSink | undefined, name: string): Redis {
  const out: RedisErrorSink = sink ?? {
    warn: (o, msg) => console.warn(`${name}: ${msg}: ${(o as { err?: Error }).err?.message ?? ''}`),
    info: () => undefined,
  };
  let down = false;
  redis.on('error', (err: Error) => {
    if (down) return;
    down = true;
    out.warn({ err: { message: err.message, code: (err as NodeJS.ErrnoException).code }, connection: name }, 'redis unreachable; retrying');
  });
  redis.on('ready', () => {
    if (!down) return;
    down = false;
    out.info({ connection: name }, 'redis reachable again');
  });
  return redis;
}

/**
 * A connection for producers (the app adding jobs): fails fast when Redis is down instead of
 * queueing commands in memory, so a chat reply can say "try again" rather than hang. Its writes
 * of one turn are gathered (`coalesceWrites`).
 */
export function openProducerConnection(url: string, logger?: RedisErrorSink): Redis {
  return coalesceWrites(watchRedisErrors(new Redis(url, { enableOfflineQueue: false, lazyConnect: false }), logger, 'producer'));
}

/** A connection for workers: BullMQ needs `maxRetriesPerRequest: null` (commands wait for reconnects). */
export function openWorkerConnection(url: string, logger?: RedisErrorSink): Redis {
  return watchRedisErrors(new Redis(url, { maxRetriesPerRequest: null }), logger, 'worker');
}

/** Marks a socket whose writes `coalesceWrites` already gathers. */
const COALESCED = Symbol('coalesced');

/**
 * Gathers what a connection writes within one turn of the event loop into one socket write: the
 * first write of a turn starts a list, the next tick writes the list as one string (or one buffer
 * when a command holds binary data). Under load many chats' commands are sent in the same turn;
 * they then leave in one system call instead of one each, and Redis answers them in one read.
 * Nothing waits longer: the tick comes before any I/O. (Unlike ioredis's auto-pipelining, no
 * pipeline object is made per command; unlike corking the socket, no list entry per chunk is made
 * for a gathered write, whose chunks Node would then encode one by one.) A write with a callback or
 * an encoding goes out at once, after what was gathered before it.
 */
export function coalesceWrites(redis: Redis): Redis {
  const gather = () => {
    const socket = redis.stream as Redis['stream'] & { [COALESCED]?: true };
    if (!socket || socket[COALESCED]) return;
    socket[COALESCED] = true;
    const write = socket.write;
    let pending: (string | Buffer)[] = [];
    let binary = false;
    const flush = () => {
      const chunks = pending;
      pending = [];
      if (!chunks.length) return;
      const data = binary ? Buffer.concat(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c) : c))) : chunks.length === 1 ? chunks[0]! : chunks.join('');
      binary = false;
      write.call(socket, data);
    };
    socket.write = function (this: typeof socket, ...args: Parameters<typeof write>) {
      const [chunk, more] = args as unknown[];
      if (more !== undefined || (typeof chunk !== 'string' && !Buffer.isBuffer(chunk))) {
        flush();
        return write.apply(this, args);
      }
      if (!pending.length) process.nextTick(flush);
      if (typeof chunk !== 'string') binary = true;
      pending.push(chunk);
      return true;
    } as typeof write;
  };
  redis.on('connect', gather);
  gather();
  return redis;
}

/**
 * The app's own connection (sessions, store, flood control), used by the bot, the benchmark and
 * the end-to-end harness alike, its writes of one turn gathered (`coalesceWrites`). No
 * auto-pipelining: measured in the benchmark (2 x 3 rounds) it halves Redis CPU per update (0.068
 * -> 0.034 ms) but costs the bot about 4% more CPU under load, and a single command at low load
 * costs ~35 µs of CPU instead of ~9 µs (one pipeline object per command).
 */
export function openAppConnection(url: string, logger?: RedisErrorSink): Redis {
  return coalesceWrites(watchRedisErrors(new Redis(url, { maxRetriesPerRequest: 3 }), logger, 'app'));
}

/**
 * How many times a job may be taken back from a worker that died holding it (its lock expired)
 * before BullMQ fails it. BullMQ's default is 1: a report whose worker was killed twice while it
 * held it failed for good with its destinations unsent. Crashes alone must never fail a delivery,
 * so the limit is set far above any crash series a job can meet; only a job that itself takes its
 * worker down again and again (a poison job) ends up failed, after this many tries.
 */
export const MAX_STALLED_COUNT = 1000;

/** Worker options every BullMQ worker of this app starts with (before the caller's own). */
export const CRASH_SAFE_WORKER_OPTIONS = { maxStalledCount: MAX_STALLED_COUNT } as const;
