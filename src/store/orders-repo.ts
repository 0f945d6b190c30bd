import type { Redis } from 'ioredis';
import { type Actor, transition } from '../domain/order-status.js';
import { type Order, type OrderItem, OrderSchema, type OrderStatus } from '../domain/schemas.js';
import { type Clock, systemClock, wibDay, wibMonth } from '../domain/time.js';
import type { Keys } from './keys.js';
import { parseStored } from './json.js';
import { defineScript, execResults } from './scripts.js';

/**
 * `contended`: other writers kept changing the order and every compare-and-set lost (not a refused
 * move). `receipt-used`: the receipt given with the change already backs order `usedBy`.
 */
export type UpdateResult =
  | { ok: true; order: Order }
  | { ok: false; reason: 'not-found' | 'illegal-move' | 'not-allowed' | 'contended' }
  | { ok: false; reason: 'receipt-used'; usedBy: string };

/** Lua lines: order ARGV[1] (in hash KEYS[1]) is still ARGV[2], else the script returns 0. */
const COMPARE = `if redis.call('HGET', KEYS[1], ARGV[1]) ~= ARGV[2] then return 0 end\n`;
/** Lua lines: writes the order as ARGV[3], adds ARGV[5] Rupiah to UMKM ARGV[4] in the month's income hash KEYS[2], returns 1. */
const WRITE = `redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
if ARGV[5] ~= '0' then redis.call('HINCRBY', KEYS[2], ARGV[4], ARGV[5]) end
return 1`;
/** Lua: writes the order only if it is still as read. 1 when written, else 0. */
const COMPARE_AND_SET = COMPARE + WRITE;
/**
 * Lua: the same, and the receipt hash KEYS[3] comes to back the order, in one step: when the hash
 * already backs another order, returns that order's id and writes nothing.
 */
const CLAIM_COMPARE_AND_SET = `local holder = redis.call('GET', KEYS[3])
if holder and holder ~= ARGV[1] then return holder end
${COMPARE}redis.call('SET', KEYS[3], ARGV[1])
${WRITE}`;

/** How long a confirm token remembers its order (a late double tap within it gets the same one). */
const CONFIRM_LOCK_TTL_S = 86400;

/** Stands for the order id in the record handed to CREATE_ONCE (the script writes the real one). */
const ID_PLACEHOLDER = 'ORD-pending';

/**
 * Lua: creates an order once per confirm token, in one step. KEYS: the token's lock, the order
 * counter, the orders hash, the by-ASN, by-UMKM and by-day indexes, the month's order counts.
 * ARGV: lock TTL (s), the WIB day `YYYYMMDD`, the record's JSON after its `{"id":…,` head, the
 * index score (created ms), the UMKM id. When the token already has an order, returns that order's
 * JSON (false if it is gone); else takes the next number, stores the record with the id
 * `ORD-<day>-<number, 5 digits at least>`, indexes it and returns its JSON.
 */
const CREATE_ONCE = `local existing = redis.call('GET', KEYS[1])
if existing then return redis.call('HGET', KEYS[3], existing) end
local id = 'ORD-' .. ARGV[2] .. '-' .. string.format('%05d', redis.call('INCR', KEYS[2]))
local json = '{"id":"' .. id .. '",' .. ARGV[3]
redis.call('SET', KEYS[1], id, 'EX', ARGV[1])
redis.call('HSET', KEYS[3], id, json)
redis.call('ZADD', KEYS[4], ARGV[4], id)
redis.call('ZADD', KEYS[5], ARGV[4], id)
redis.call('ZADD', KEYS[6], ARGV[4], id)
redis.call('HINCRBY', KEYS[7], ARGV[5], 1)
return json`;

/** Orders: one hash of records plus sorted-set indexes by ASN, UMKM and WIB day. */
export function createOrdersRepo(redis: Redis, keys: Keys, clock: Clock = systemClock) {
  const compareAndSet = defineScript(redis, 'orderCompareAndSet', 2, COMPARE_AND_SET);
  const claimCompareAndSet = defineScript(redis, 'orderClaimCompareAndSet', 3, CLAIM_COMPARE_AND_SET);
  const createOnceScript = defineScript(redis, 'orderCreateOnce', 7, CREATE_ONCE);

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
     * the second call returns the order the first one made. One Lua step (CREATE_ONCE): the order
     * number is taken only by the call that wins the token, so concurrent confirms neither wait
     * for each other nor leave a gap in the numbers.
     */
    async createOnce(token: string, input: { asnNip: string; umkmId: string; items: OrderItem[] }): Promise<Order> {
      const now = clock();
      const day = wibDay(now);
      // The record as it will be stored, its id put in by the script: `id` is the schema's first
      // field, so the text after it is the same whatever number the script takes.
      const draft = JSON.stringify(
        OrderSchema.parse({
          id: ID_PLACEHOLDER,
          asnNip: input.asnNip,
          umkmId: input.umkmId,
          items: input.items,
          total: input.items.reduce((sum, it) => sum + it.price * it.qty, 0),
          status: 'confirmed',
          reportedTo: {},
          createdAt: now.toISOString(),
          updatedAt: now.toISOString(),
        } satisfies Order),
      );
      const head = `{"id":${JSON.stringify(ID_PLACEHOLDER)},`;
      if (!draft.startsWith(head)) throw new Error('order record: id is not its first field');
      const json = await createOnceScript(
        keys.confirmLock(token),
        keys.orderSeq(),
        keys.orders(),
        keys.ordersByAsn(input.asnNip),
        keys.ordersByUmkm(input.umkmId),
        keys.ordersByDay(day),
        keys.umkmMonthCounts(wibMonth(now)),
        CONFIRM_LOCK_TTL_S,
        day.replace(/-/g, ''),
        draft.slice(head.length),
        now.getTime(),
        input.umkmId,
      );
      if (typeof json !== 'string') throw new Error(`confirm token ${token}: its order is no longer stored`);
      return parseStored(OrderSchema, keys.orders(), json)!;
    },
    /**
     * Applies a change; when `status` is given the move must be legal for `actor`. `seen`: the
     * order as the caller just read it, tried first instead of reading it again. `receiptHash`: the
     * content hash of a receipt that comes to back the order with this change (refused, and
     * nothing written, when it backs another order already).
     */
    async update(
      id: string,
      change: Partial<Omit<Order, 'id' | 'status'>> & { status?: OrderStatus },
      actor: Actor = 'system',
      seen?: Order,
      opts: { receiptHash?: string } = {},
    ): Promise<UpdateResult> {
      // Optimistic: the change is written only if the order is still as read (compared in a Lua
      // script), else read again and re-check the move. Two concurrent moves cannot both succeed.
      // A stored order is the JSON of its parsed form, so `seen` serialises to the same text.
      for (let attempt = 0; attempt < 50; attempt++) {
        const known = attempt === 0 && seen?.id === id ? seen : undefined;
        const raw = known ? JSON.stringify(known) : await redis.hget(keys.orders(), id);
        const current = known ?? parseStored(OrderSchema, keys.orders(), raw);
        if (!current || raw === null) return { ok: false, reason: 'not-found' };
        if (change.status) {
          const t = transition(current.status, change.status, actor);
          if (!t.ok) return { ok: false, reason: t.reason };
        }
        const next: Order = OrderSchema.parse({ ...current, ...change, updatedAt: clock().toISOString() });
        // Rupiah reaching each UMKM this month (paid counts, a rejection takes it back).
        const income = keys.umkmMonthRupiah(wibMonth(new Date(current.createdAt)));
        let delta = 0;
        if (next.status === 'paid' && current.status !== 'paid') delta = next.total;
        if ((next.status === 'rejected' || next.status === 'cancelled') && current.status === 'paid') delta = -next.total;
        const args = [id, raw, JSON.stringify(next), next.umkmId, delta] as const;
        const written = opts.receiptHash
          ? await claimCompareAndSet(keys.orders(), income, keys.receiptHash(opts.receiptHash), ...args)
          : await compareAndSet(keys.orders(), income, ...args);
        if (written === 1) return { ok: true, order: next };
        if (typeof written === 'string') return { ok: false, reason: 'receipt-used', usedBy: written };
        if (attempt > 2) await new Promise((r) => setTimeout(r, 5 + Math.random() * 20));
      }
      return { ok: false, reason: 'contended' };
    },
    /**
     * Records order `byId` as the replacement of rejected order `id`, once: refused (with the order
     * as it is) when `id` is not rejected or another order already replaced it, unless that one was
     * cancelled before it was paid. Compare-and-set like `update`: two concurrent claims, one wins.
     */
    async markReplaced(id: string, byId: string): Promise<{ ok: boolean; order: Order | null }> {
      for (let attempt = 0; attempt < 50; attempt++) {
        const raw = await redis.hget(keys.orders(), id);
        const current = parseStored(OrderSchema, keys.orders(), raw);
        if (!current || raw === null || current.status !== 'rejected') return { ok: false, order: current };
        if (current.replacedBy === byId) return { ok: true, order: current };
        const earlier = current.replacedBy ? await this.get(current.replacedBy) : null;
        if (earlier && earlier.status !== 'cancelled') return { ok: false, order: current };
        const next: Order = OrderSchema.parse({ ...current, replacedBy: byId, updatedAt: clock().toISOString() });
        const income = keys.umkmMonthRupiah(wibMonth(new Date(current.createdAt)));
        if ((await compareAndSet(keys.orders(), income, id, raw, JSON.stringify(next), next.umkmId, 0)) === 1) return { ok: true, order: next };
        if (attempt > 2) await new Promise((r) => setTimeout(r, 5 + Math.random() * 20));
      }
      return { ok: false, order: null };
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
    /**
     * The WIB month of `at`, per UMKM, for the fair ordering: Rupiah of paid orders (`income`; a
     * rejection takes it back) and orders (`counts`), in one round trip.
     */
    async monthStats(at: Date = clock()): Promise<{ income: Record<string, number>; counts: Record<string, number> }> {
      const month = wibMonth(at);
      const [income, counts] = execResults(await redis.pipeline().hgetall(keys.umkmMonthRupiah(month)).hgetall(keys.umkmMonthCounts(month)).exec()).map((raw) =>
        Object.fromEntries(Object.entries(raw as Record<string, string>).map(([k, v]) => [k, Number(v)])),
      );
      return { income: income!, counts: counts! };
    },
    /** Records that the ASN was told nobody accepted the paid order in time (once; the first time counts). */
    async markOverdue(id: string): Promise<void> {
      await redis.zadd(keys.overdueOrders(), 'NX', clock().getTime(), id);
    },
    /** Whether the ASN was told the order is overdue (what allows them to cancel a paid order). */
    async isOverdue(id: string): Promise<boolean> {
      return (await redis.zscore(keys.overdueOrders(), id)) !== null;
    },
    /** Orders marked overdue that are still paid and not accepted, oldest first; the settled ones leave the list. */
    async overdue(): Promise<Order[]> {
      const orders = await this.many(await redis.zrange(keys.overdueOrders(), 0, -1));
      const settled = orders.filter((o) => o.status !== 'paid').map((o) => o.id);
      if (settled.length) await redis.zrem(keys.overdueOrders(), ...settled);
      return orders.filter((o) => o.status === 'paid');
    },
  };
}
export type OrdersRepo = ReturnType<typeof createOrdersRepo>;
