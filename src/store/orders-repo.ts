import type { Redis } from 'ioredis';
import { type Actor, transition } from '../domain/order-status.js';
import { type Order, type OrderItem, OrderSchema, type OrderStatus } from '../domain/schemas.js';
import { type Clock, systemClock, wibDay, wibMonth } from '../domain/time.js';
import type { Keys } from './keys.js';
import { parseStored } from './json.js';

export type UpdateResult = { ok: true; order: Order } | { ok: false; reason: 'not-found' | 'illegal-move' | 'not-allowed' };

/** Orders: one hash of records plus sorted-set indexes by ASN, UMKM and WIB day. */
export function createOrdersRepo(redis: Redis, keys: Keys, clock: Clock = systemClock) {
  async function save(order: Order, tx = redis.multi()) {
    tx.hset(keys.orders(), order.id, JSON.stringify(OrderSchema.parse(order)));
    return tx;
  }

  return {
    async get(id: string): Promise<Order | null> {
      return parseStored(OrderSchema, keys.orders(), await redis.hget(keys.orders(), id));
    },
    async many(ids: string[]): Promise<Order[]> {
      if (!ids.length) return [];
      const raw = await redis.hmget(keys.orders(), ...ids);
      return raw.flatMap((r) => (r ? [parseStored(OrderSchema, keys.orders(), r)!] : []));
    },
    /**
     * Creates a confirmed order once per `token` (a double tap on "confirm" sends the same token):
     * the second call returns the order the first one made.
     */
    async createOnce(token: string, input: { asnNip: string; umkmId: string; items: OrderItem[] }): Promise<Order> {
      const lockKey = keys.confirmLock(token);
      const seq = await redis.incr(keys.orderSeq());
      const now = clock();
      const id = `ORD-${wibDay(now).replace(/-/g, '')}-${String(seq).padStart(5, '0')}`;
      const won = await redis.set(lockKey, id, 'EX', 86400, 'NX');
      if (!won) {
        // Another confirm with this token won the lock: wait (briefly) until its order is saved.
        for (let i = 0; i < 100; i++) {
          const existingId = await redis.get(lockKey);
          const existing = existingId ? await this.get(existingId) : null;
          if (existing) return existing;
          await new Promise((r) => setTimeout(r, 20));
        }
        throw new Error('a concurrent confirmation did not finish');
      }
      const order: Order = {
        id,
        asnNip: input.asnNip,
        umkmId: input.umkmId,
        items: input.items,
        total: input.items.reduce((s, it) => s + it.price * it.qty, 0),
        status: 'confirmed',
        reportedTo: {},
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
      };
      const tx = await save(order);
      const score = now.getTime();
      tx.zadd(keys.ordersByAsn(order.asnNip), score, id);
      tx.zadd(keys.ordersByUmkm(order.umkmId), score, id);
      tx.zadd(keys.ordersByDay(wibDay(now)), score, id);
      tx.hincrby(keys.umkmMonthCounts(wibMonth(now)), order.umkmId, 1);
      await tx.exec();
      return order;
    },
    /** Applies a change; when `status` is given the move must be legal for `actor`. */
    async update(
      id: string,
      change: Partial<Omit<Order, 'id' | 'status'>> & { status?: OrderStatus },
      actor: Actor = 'system',
    ): Promise<UpdateResult> {
      // A short per-order lock (SET NX PX) so two concurrent moves cannot both succeed.
      const lock = keys.custom('order', 'lock', id);
      const owner = `${process.pid}:${Math.random()}`;
      for (let i = 0; !(await redis.set(lock, owner, 'PX', 5000, 'NX')); i++) {
        if (i > 100) return { ok: false, reason: 'illegal-move' };
        await new Promise((r) => setTimeout(r, 20));
      }
      try {
        const current = await this.get(id);
        if (!current) return { ok: false, reason: 'not-found' };
        if (change.status) {
          const t = transition(current.status, change.status, actor);
          if (!t.ok) return { ok: false, reason: t.reason };
        }
        const next: Order = { ...current, ...change, updatedAt: clock().toISOString() } as Order;
        const tx = await save(next);
        // Rupiah reaching each UMKM this month (paid counts, a rejection takes it back).
        const income = keys.umkmMonthRupiah(wibMonth(new Date(current.createdAt)));
        if (next.status === 'paid' && current.status !== 'paid') tx.hincrby(income, next.umkmId, next.total);
        if (next.status === 'rejected' && current.status === 'paid') tx.hincrby(income, next.umkmId, -next.total);
        await tx.exec();
        return { ok: true, order: next };
      } finally {
        if ((await redis.get(lock)) === owner) await redis.del(lock);
      }
    },
    async ofAsn(nip: string, limit = 20): Promise<Order[]> {
      return this.many(await redis.zrevrange(keys.ordersByAsn(nip), 0, limit - 1));
    },
    async ofUmkm(umkmId: string, limit = 50): Promise<Order[]> {
      return this.many(await redis.zrevrange(keys.ordersByUmkm(umkmId), 0, limit - 1));
    },
    async ofDay(day: string): Promise<Order[]> {
      return this.many(await redis.zrange(keys.ordersByDay(day), 0, -1));
    },
    /** Orders per UMKM in the WIB month of `at` (for the fairness ordering). */
    async monthCounts(at: Date = clock()): Promise<Record<string, number>> {
      const raw = await redis.hgetall(keys.umkmMonthCounts(wibMonth(at)));
      return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Number(v)]));
    },
    /** Rupiah of paid orders per UMKM in the WIB month of `at` (the fair ordering's first key). */
    async monthIncome(at: Date = clock()): Promise<Record<string, number>> {
      const raw = await redis.hgetall(keys.umkmMonthRupiah(wibMonth(at)));
      return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Number(v)]));
    },
    /** Records that a receipt content hash backs an order; returns the order id it already backs, if any. */
    async claimReceipt(hash: string, orderId: string): Promise<string | null> {
      const ok = await redis.set(keys.receiptHash(hash), orderId, 'NX');
      if (ok) return null;
      const other = await redis.get(keys.receiptHash(hash));
      return other === orderId ? null : other;
    },
  };
}
export type OrdersRepo = ReturnType<typeof createOrdersRepo>;
