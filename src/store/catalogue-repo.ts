import type { Redis } from 'ioredis';
import type { z } from 'zod';
import { type CatalogueSearch, createCatalogueSearch } from '../domain/search.js';
import { type Category, type Product, ProductSchema, type Umkm, UmkmSchema } from '../domain/schemas.js';
import { applyCommands, type Cmd, hmgetChunked } from './batch.js';
import type { Keys } from './keys.js';
import { parseStored } from './json.js';

/**
 * UMKM and their products. The whole catalogue (a city's 1,500 UMKM and 15,000 products, or a
 * province's ten times that) is read in chunks (HSCAN) and filtered in memory, and kept in this process until it
 * changes: every write bumps a version counter, which the engine reads with each update (in the
 * same round trip as the session) and passes to `observe`. A process that observes nothing (the
 * queue workers) keeps the copy `cacheMs` at most.
 */
export function createCatalogueRepo(redis: Redis, keys: Keys, opts: { cacheMs?: number; now?: () => number } = {}) {
  const cacheMs = opts.cacheMs ?? 2000;
  const clockNow = opts.now ?? Date.now;
  type Listing = { product: Product; umkm: Umkm };
  /**
   * `all`: every available listing (one object per product, shared by every view of this copy);
   * `views`: the available listings of one filter, worked out once per catalogue version
   */
  type Copy = {
    at: number;
    version: number;
    umkms: Map<string, Umkm>;
    products: Map<string, Product>;
    all?: Listing[];
    views: Map<string, Listing[]>;
  };
  let cache: Copy | null = null;
  /** the catalogue version last read by an update, and when */
  let observed: { version: number; at: number } | null = null;
  /** the search index of the catalogue version it was built from */
  let searchIndex: { version: number; index: CatalogueSearch } | null = null;

  /** The available listings of one filter, worked out once per catalogue version (shared: callers copy). */
  function view(c: Copy, filter: { category?: Category; kecamatan?: string; umkmId?: string }): Listing[] {
    const key = `${filter.category ?? ''}|${filter.kecamatan ?? ''}|${filter.umkmId ?? ''}`;
    if (key === '||') return allListings(c);
    const seen = c.views.get(key);
    if (seen) return seen;
    // A narrower view is filtered from a wider one already worked out (the category's for a
    // kecamatan), and shares its listing objects.
    const wider = filter.category && filter.kecamatan ? c.views.get(`${filter.category}||`) : undefined;
    const out = (wider ?? allListings(c)).filter(
      ({ umkm }) =>
        (!filter.category || umkm.category === filter.category) &&
        (!filter.kecamatan || umkm.kecamatan === filter.kecamatan) &&
        (!filter.umkmId || umkm.id === filter.umkmId),
    );
    c.views.set(key, out);
    return out;
  }

  /** Every available listing of a copy (a product whose UMKM is there), made once per copy. */
  function allListings(c: Copy): Listing[] {
    if (c.all) return c.all;
    const out: Listing[] = [];
    for (const product of c.products.values()) {
      if (!product.available) continue;
      const umkm = c.umkms.get(product.umkmId);
      if (umkm) out.push({ product, umkm });
    }
    return (c.all = out);
  }

  function fresh(c: Copy): boolean {
    const now = clockNow();
    // A recent observation says exactly whether anything changed since the copy was read (a
    // different version, also a lower one: Redis restored from a backup).
    if (observed && now - observed.at < cacheMs) return c.version === observed.version;
    return now - c.at < cacheMs;
  }

  /** the load in flight: concurrent updates after a version bump wait for this one read */
  let loading: Promise<Copy> | null = null;
  /**
   * A fingerprint of the raw record behind each parsed one (its length and a 53-bit hash): an
   * unchanged record is not parsed again. Not the raw JSON itself: at a province's 150,000
   * products those strings alone are about 50 MB of a 192 MB heap.
   */
  let rawUmkms = new Map<string, number>();
  let rawProducts = new Map<string, number>();

  function load(): Promise<Copy> {
    if (cache && fresh(cache)) return Promise.resolve(cache);
    loading ??= read().finally(() => {
      loading = null;
    });
    return loading;
  }

  /**
   * Every field of a hash in chunks (HSCAN): at a province's size one HGETALL reply is some 50
   * MB of strings at once, on top of the copy being replaced. A field may come twice (the scan's
   * rule); `take` keeps the last.
   */
  async function scanHash(key: string, take: (field: string, raw: string) => void): Promise<void> {
    let cursor = '0';
    do {
      const [next, flat] = await redis.hscan(key, cursor, 'COUNT', SCAN_COUNT);
      for (let i = 0; i < flat.length; i += 2) take(flat[i]!, flat[i + 1]!);
      cursor = next;
    } while (cursor !== '0');
  }

  /**
   * Every record of one hash, parsed, with the fingerprint of each raw one: a record whose
   * fingerprint is the one `prints` kept is taken from `kept` instead of parsed again.
   */
  async function readRecords<S extends z.ZodType>(
    key: string,
    schema: S,
    prints: Map<string, number>,
    kept: Map<string, z.infer<S>> | undefined,
  ): Promise<[Map<string, z.infer<S>>, Map<string, number>]> {
    const records = new Map<string, z.infer<S>>();
    const newPrints = new Map<string, number>();
    await scanHash(key, (id, raw) => {
      const print = fingerprint(raw);
      const same = prints.get(id) === print ? kept?.get(id) : undefined;
      records.set(id, same ?? parseStored(schema, key, raw)!);
      newPrints.set(id, print);
    });
    return [records, newPrints];
  }

  async function read(): Promise<Copy> {
    const before = cache;
    for (let attempt = 1; ; attempt++) {
      // Labelled with the version read before the scan, kept only when no write came during it
      // (the version is the same after): a consistent copy, as one MULTI would read it.
      const version = await redis.get(keys.catalogueVersion());
      const [umkms, umkmPrints] = await readRecords(keys.umkms(), UmkmSchema, rawUmkms, before?.umkms);
      const [products, productPrints] = await readRecords(keys.products(), ProductSchema, rawProducts, before?.products);
      // Still changing after a few tries (an import in progress): this copy, with its older
      // label, is read again at the next observation of the newer version.
      if ((await redis.get(keys.catalogueVersion())) !== version && attempt < 3) continue;
      rawUmkms = umkmPrints;
      rawProducts = productPrints;
      cache = { at: clockNow(), version: Number(version ?? 0), umkms, products, views: new Map() };
      // An index of another version holds that version's listings: let them go now, not when
      // the next search builds the new one.
      if (searchIndex && searchIndex.version !== cache.version) searchIndex = null;
      return cache;
    }
  }

  return {
    /** Drops the in-process cache (after a write). */
    invalidate() {
      cache = null;
    },
    /** The catalogue version as an update just read it (`catalogueVersion`); a newer one drops the cache. */
    observe(version: string | null) {
      observed = { version: Number(version ?? 0), at: clockNow() };
    },
    async umkm(id: string): Promise<Umkm | null> {
      return parseStored(UmkmSchema, keys.umkms(), await redis.hget(keys.umkms(), id));
    },
    async product(sku: string): Promise<Product | null> {
      return parseStored(ProductSchema, keys.products(), await redis.hget(keys.products(), sku));
    },
    /**
     * A UMKM or product from the browsing cache (current as of this update's start in the bot;
     * at most `cacheMs` old elsewhere): for showing names, prices and photos. Buying reads
     * `product()`, which is always current.
     */
    async umkmToShow(id: string): Promise<Umkm | null> {
      return (await load()).umkms.get(id) ?? null;
    },
    async productToShow(sku: string): Promise<Product | null> {
      return (await load()).products.get(sku) ?? null;
    },
    async allUmkms(): Promise<Umkm[]> {
      return [...(await load()).umkms.values()];
    },
    async allProducts(): Promise<Product[]> {
      return [...(await load()).products.values()];
    },
    /** The member UMKM whose orders a cooperative's phone handles (`koperasi_phone`). */
    async umkmsOfKoperasi(phone: string): Promise<Umkm[]> {
      const ids = await redis.smembers(keys.umkmsByKoperasi(phone));
      const out: Umkm[] = [];
      for (const id of ids.sort()) {
        const u = await this.umkm(id);
        if (u && u.koperasiPhone === phone) out.push(u);
      }
      return out;
    },
    async umkmsOfOwner(phone: string): Promise<Umkm[]> {
      const ids = await redis.smembers(keys.umkmsByOwner(phone));
      const out: Umkm[] = [];
      for (const id of ids.sort()) {
        const u = await this.umkm(id);
        if (u) out.push(u);
      }
      return out;
    },
    async productsOfUmkm(umkmId: string): Promise<Product[]> {
      const c = await load();
      return [...c.products.values()].filter((p) => p.umkmId === umkmId);
    },
    /** Available products with their UMKM, filtered by category and optional kecamatan. */
    async browse(filter: { category?: Category; kecamatan?: string; umkmId?: string }): Promise<Listing[]> {
      return view(await load(), filter).slice();
    },
    /**
     * The same listings without a copy: one array per filter and catalogue version, shared by
     * every caller (never change it). Its identity changes exactly when the catalogue does, so
     * work derived from it (ranked orders, counts) can be kept per array (a WeakMap).
     */
    async listings(filter: { category?: Category; kecamatan?: string; umkmId?: string }): Promise<readonly Listing[]> {
      return view(await load(), filter);
    },
    /**
     * The full-text index of the available products: built once per catalogue version in this
     * process (every write bumps the version), shared by every search until the next change.
     */
    async searchIndex(): Promise<CatalogueSearch> {
      const c = await load();
      if (searchIndex?.version !== c.version) {
        searchIndex = null; // the old index goes before the new one is built, not after
        searchIndex = { version: c.version, index: createCatalogueSearch(allListings(c)) };
      }
      return searchIndex.index;
    },
    /** UMKM by id (null where none), in order; any number, read in chunks. */
    async umkmsByIds(ids: readonly string[]): Promise<(Umkm | null)[]> {
      return (await hmgetChunked(redis, keys.umkms(), ids)).map((r) => parseStored(UmkmSchema, keys.umkms(), r));
    },
    /** Products by SKU (null where none), in order; any number, read in chunks. */
    async productsBySkus(skus: readonly string[]): Promise<(Product | null)[]> {
      return (await hmgetChunked(redis, keys.products(), skus)).map((r) => parseStored(ProductSchema, keys.products(), r));
    },
    async upsertUmkms(list: Umkm[]): Promise<void> {
      if (!list.length) return;
      const existing = await this.umkmsByIds(list.map((u) => u.id));
      await applyCommands(redis, [...umkmUpsertCommands(keys, list, existing), ...umkmVersionCommands(keys)]);
      cache = null;
    },
    async upsertProducts(list: Product[]): Promise<void> {
      if (!list.length) return;
      const existing = await this.productsBySkus(list.map((p) => p.sku));
      await applyCommands(redis, [...productUpsertCommands(keys, list, existing), ...productVersionCommands(keys)]);
      cache = null;
    },
  };
}
export type CatalogueRepo = ReturnType<typeof createCatalogueRepo>;

/** Fields per HSCAN call of a catalogue load. */
const SCAN_COUNT = 2000;

/**
 * A stored record's fingerprint: cyrb53 (a 53-bit string hash) seeded with its length. Two
 * different records of one id agree by chance about once in 2^53 changes.
 */
export function fingerprint(raw: string): number {
  let h1 = 0xdeadbeef ^ raw.length;
  let h2 = 0x41c6ce57 ^ raw.length;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** The writes that upsert UMKM (`existing`: stored under their ids, same order); a new owner moves the owner index. */
export function umkmUpsertCommands(keys: Keys, list: readonly Umkm[], existing: readonly (Umkm | null)[]): Cmd[] {
  const cmds: Cmd[] = [];
  list.forEach((u, i) => {
    const old = existing[i];
    if (old && old.ownerPhone !== u.ownerPhone) cmds.push(['srem', keys.umkmsByOwner(old.ownerPhone), u.id]);
    cmds.push(['hset', keys.umkms(), u.id, JSON.stringify(u)], ['sadd', keys.umkmsByOwner(u.ownerPhone), u.id]);
    if (old?.koperasiPhone && old.koperasiPhone !== u.koperasiPhone) cmds.push(['srem', keys.umkmsByKoperasi(old.koperasiPhone), u.id]);
    if (u.koperasiPhone) cmds.push(['sadd', keys.umkmsByKoperasi(u.koperasiPhone), u.id]);
  });
  return cmds;
}
/** Written once after UMKM change. */
export const umkmVersionCommands = (keys: Keys): Cmd[] => [
  ['incr', keys.identityVersion()],
  ['incr', keys.catalogueVersion()],
];

/** The writes that upsert products (`existing`: stored under their SKUs, same order); a new UMKM moves the index. */
export function productUpsertCommands(keys: Keys, list: readonly Product[], existing: readonly (Product | null)[]): Cmd[] {
  const cmds: Cmd[] = [];
  list.forEach((p, i) => {
    const old = existing[i];
    if (old && old.umkmId !== p.umkmId) cmds.push(['srem', keys.productsByUmkm(old.umkmId), p.sku]);
    cmds.push(['hset', keys.products(), p.sku, JSON.stringify(p)], ['sadd', keys.productsByUmkm(p.umkmId), p.sku]);
  });
  return cmds;
}
/** Written once after products change. */
export const productVersionCommands = (keys: Keys): Cmd[] => [['incr', keys.catalogueVersion()]];
