import type { Redis } from 'ioredis';
import { type Category, type Product, ProductSchema, type Umkm, UmkmSchema } from '../domain/schemas.js';
import type { Keys } from './keys.js';
import { parseStored } from './json.js';

/**
 * UMKM and their products. The whole catalogue (about a thousand UMKM, some thousands of
 * products) is read with two HGETALLs and filtered in memory; a short cache keeps browsing fast.
 */
export function createCatalogueRepo(redis: Redis, keys: Keys, opts: { cacheMs?: number } = {}) {
  const cacheMs = opts.cacheMs ?? 2000;
  let cache: { at: number; umkms: Map<string, Umkm>; products: Map<string, Product> } | null = null;

  async function load() {
    if (cache && Date.now() - cache.at < cacheMs) return cache;
    const [u, p] = await Promise.all([redis.hgetall(keys.umkms()), redis.hgetall(keys.products())]);
    const umkms = new Map<string, Umkm>();
    for (const [id, raw] of Object.entries(u)) umkms.set(id, parseStored(UmkmSchema, keys.umkms(), raw)!);
    const products = new Map<string, Product>();
    for (const [sku, raw] of Object.entries(p)) products.set(sku, parseStored(ProductSchema, keys.products(), raw)!);
    cache = { at: Date.now(), umkms, products };
    return cache;
  }

  return {
    /** Drops the in-process cache (after a write). */
    invalidate() {
      cache = null;
    },
    async umkm(id: string): Promise<Umkm | null> {
      return parseStored(UmkmSchema, keys.umkms(), await redis.hget(keys.umkms(), id));
    },
    async product(sku: string): Promise<Product | null> {
      return parseStored(ProductSchema, keys.products(), await redis.hget(keys.products(), sku));
    },
    async allUmkms(): Promise<Umkm[]> {
      return [...(await load()).umkms.values()];
    },
    async allProducts(): Promise<Product[]> {
      return [...(await load()).products.values()];
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
    async browse(filter: { category?: Category; kecamatan?: string; umkmId?: string }) {
      const c = await load();
      const out: { product: Product; umkm: Umkm }[] = [];
      for (const product of c.products.values()) {
        if (!product.available) continue;
        const umkm = c.umkms.get(product.umkmId);
        if (!umkm) continue;
        if (filter.category && umkm.category !== filter.category) continue;
        if (filter.kecamatan && umkm.kecamatan !== filter.kecamatan) continue;
        if (filter.umkmId && umkm.id !== filter.umkmId) continue;
        out.push({ product, umkm });
      }
      return out;
    },
    async upsertUmkms(list: Umkm[]): Promise<void> {
      if (!list.length) return;
      const existing = await redis.hmget(keys.umkms(), ...list.map((u) => u.id));
      const tx = redis.multi();
      list.forEach((u, i) => {
        const old = parseStored(UmkmSchema, keys.umkms(), existing[i]);
        if (old && old.ownerPhone !== u.ownerPhone) tx.srem(keys.umkmsByOwner(old.ownerPhone), u.id);
        tx.hset(keys.umkms(), u.id, JSON.stringify(u));
        tx.sadd(keys.umkmsByOwner(u.ownerPhone), u.id);
      });
      tx.incr(keys.identityVersion());
      await tx.exec();
      cache = null;
    },
    async upsertProducts(list: Product[]): Promise<void> {
      if (!list.length) return;
      const existing = await redis.hmget(keys.products(), ...list.map((p) => p.sku));
      const tx = redis.multi();
      list.forEach((p, i) => {
        const old = parseStored(ProductSchema, keys.products(), existing[i]);
        if (old && old.umkmId !== p.umkmId) tx.srem(keys.productsByUmkm(old.umkmId), p.sku);
        tx.hset(keys.products(), p.sku, JSON.stringify(p));
        tx.sadd(keys.productsByUmkm(p.umkmId), p.sku);
      });
      await tx.exec();
      cache = null;
    },
  };
}
export type CatalogueRepo = ReturnType<typeof createCatalogueRepo>;
