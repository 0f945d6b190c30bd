import { Redis } from 'ioredis';

/**
 * A connection for producers (the app adding jobs): fails fast when Redis is down instead of
 * queueing commands in memory, so a chat reply can say "try again" rather than hang.
 */
export function openProducerConnection(url: string): Redis {
  return new Redis(url, { enableOfflineQueue: false, lazyConnect: false });
}

/** A connection for workers: BullMQ needs `maxRetriesPerRequest: null` (commands wait for reconnects). */
export function openWorkerConnection(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null });
}

/**
 * The app's own connection (sessions, store, flood control). Auto-pipelining sends the commands
 * that concurrent updates issue in the same tick as one write: the benchmark measured Redis CPU
 * per update halved (0.074 -> 0.035 ms) with the bot's own CPU unchanged. Nothing blocking or
 * subscribing uses this connection.
 */
export function openAppConnection(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: 3, enableAutoPipelining: true });
}
