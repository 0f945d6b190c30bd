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
