import type { Order } from '../domain/schemas.js';
import type { Store } from './index.js';
import type { OrdersRepo } from './orders-repo.js';

/** The orders repository's reads that change nothing (they pass through the scope as they are). */
const READS = new Set<string>(['many', 'ofAsn', 'ofUmkm', 'ofDay', 'monthStats', 'isOverdue']);

/**
 * The orders repository of one update: an order read, created or changed in this update is read
 * from memory the next time the same update asks for it (one update's steps often read the order
 * they just wrote). Any other write clears what is remembered. What is remembered lives as long
 * as the update: other updates, workers and processes always read Redis.
 */
export function turnScopedOrders(repo: OrdersRepo): OrdersRepo {
  const known = new Map<string, Order | null>();
  // Reads pass through; any other write (a replacement, an overdue mark) forgets all. get, update
  // and createOnce are below.
  const scoped = Object.fromEntries(
    (Object.entries(repo) as [string, (...args: unknown[]) => unknown][]).map(([name, fn]) => [
      name,
      READS.has(name)
        ? fn.bind(repo)
        : (...args: unknown[]) => {
            known.clear();
            return fn.apply(repo, args);
          },
    ]),
  ) as OrdersRepo;
  scoped.get = async (id) => {
    if (known.has(id)) return known.get(id)!;
    const order = await repo.get(id);
    known.set(id, order);
    return order;
  };
  scoped.update = async (id, change, actor, seen, opts) => {
    // The order as this update last read or wrote it is tried first (a compare-and-set: when it
    // changed meanwhile, the update reads it again).
    const last = seen ?? known.get(id) ?? undefined;
    known.delete(id);
    const res = await repo.update(id, change, actor, last, opts);
    if (res.ok) known.set(id, res.order);
    return res;
  };
  scoped.createOnce = async (token, input) => {
    const order = await repo.createOnce(token, input);
    known.set(order.id, order);
    return order;
  };
  return scoped;
}

/** The store as one update sees it: the same repositories, with the orders scoped to the update (made on first use). */
export function storeForTurn(store: Store): Store {
  let orders: OrdersRepo | undefined;
  return Object.create(store, { orders: { get: () => (orders ??= turnScopedOrders(store.orders)), enumerable: true } }) as Store;
}
