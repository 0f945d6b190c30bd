import type { Order } from '../domain/schemas.js';
import type { Store } from './index.js';
import type { OrdersRepo } from './orders-repo.js';

/**
 * The orders repository of one update: an order read, created or changed in this update is read
 * from memory the next time the same update asks for it (one update's steps often read the order
 * they just wrote). Any other write clears what is remembered. What is remembered lives as long
 * as the update: other updates, workers and processes always read Redis.
 */
export function turnScopedOrders(repo: OrdersRepo): OrdersRepo {
  const known = new Map<string, Order | null>();
  const scoped = { ...repo };
  // Writes other than the three below (replacement, overdue marks, receipt claims) forget all.
  for (const [name, fn] of Object.entries(repo) as [keyof OrdersRepo, (...args: unknown[]) => unknown][]) {
    (scoped as Record<string, unknown>)[name] = (...args: unknown[]) => {
      known.clear();
      return fn.apply(repo, args);
    };
  }
  scoped.get = async (id) => {
    if (known.has(id)) return known.get(id)!;
    const order = await repo.get(id);
    known.set(id, order);
    return order;
  };
  scoped.update = async (id, change, actor, seen) => {
    known.delete(id);
    const res = await repo.update(id, change, actor, seen);
    if (res.ok) known.set(id, res.order);
    return res;
  };
  scoped.createOnce = async (token, input) => {
    const order = await repo.createOnce(token, input);
    known.set(order.id, order);
    return order;
  };
  // Reads that need not forget anything.
  for (const name of ['many', 'ofAsn', 'ofUmkm', 'ofDay', 'monthStats', 'isOverdue'] as const) {
    (scoped as Record<string, unknown>)[name] = (repo[name] as (...args: unknown[]) => unknown).bind(repo);
  }
  return scoped;
}

/** The store as one update sees it: the same repositories, with the orders scoped to the update (made on first use). */
export function storeForTurn(store: Store): Store {
  let orders: OrdersRepo | undefined;
  return Object.create(store, { orders: { get: () => (orders ??= turnScopedOrders(store.orders)), enumerable: true } }) as Store;
}
