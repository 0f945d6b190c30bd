import { LRUCache } from 'lru-cache';

/** A small least-recently-used map (lru-cache): the oldest entry goes when `max` is exceeded. In memory only. */
export function createLru<K extends NonNullable<unknown>, V extends NonNullable<unknown>>(max: number) {
  const cache = new LRUCache<K, V>({ max });
  return {
    get: (key: K): V | undefined => cache.get(key),
    set(key: K, value: V): void {
      cache.set(key, value);
    },
    get size() {
      return cache.size;
    },
  };
}
