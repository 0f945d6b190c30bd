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
 * The app's own connection (sessions, store, flood control), used by the bot, the benchmark and
 * the end-to-end harness alike. No auto-pipelining: measured in the benchmark (2 x 3 rounds) it
 * halves Redis CPU per update (0.068 -> 0.034 ms) but costs the bot about 4% more CPU under load,
 * and a single command at low load costs ~35 µs of CPU instead of ~9 µs (one pipeline object per
 * command). The bot's CPU is the scarcer resource here: Redis would need ~15,000 updates/s to fill
 * one core.
 */
export function openAppConnection(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: 3 });
}
