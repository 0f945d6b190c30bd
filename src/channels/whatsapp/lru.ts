/** A small least-recently-used map: the oldest entry goes when `max` is exceeded. In memory only. */
export function createLru<K, V>(max: number) {
  const map = new Map<K, V>();
  return {
    get(key: K): V | undefined {
      const v = map.get(key);
      if (v !== undefined) {
        map.delete(key);
        map.set(key, v);
      }
      return v;
    },
    set(key: K, value: V): void {
      map.delete(key);
      map.set(key, value);
      while (map.size > max) map.delete(map.keys().next().value as K);
    },
    get size() {
      return map.size;
    },
  };
}
