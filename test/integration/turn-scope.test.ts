import type { Redis } from 'ioredis';
import type { OrderItem } from '../../src/domain/schemas.js';
import { createStore, type Store } from '../../src/store/index.js';
import { createKeys } from '../../src/store/keys.js';
import { storeForTurn } from '../../src/store/turn-scope.js';
import { cleanPrefix, openRedis, uniquePrefix } from '../support/redis.js';

const items: OrderItem[] = [{ sku: 'U1-01', name: 'Nasi Box', price: 25_000, qty: 2 }];

describe("one update's orders (storeForTurn)", () => {
  let redis: Redis;
  let prefix: string;
  let store: Store;
  beforeAll(() => {
    redis = openRedis();
  });
  beforeEach(() => {
    prefix = uniquePrefix('turn');
    store = createStore(redis, { keys: createKeys(prefix) });
  });
  afterEach(async () => {
    await cleanPrefix(redis, prefix);
  });
  afterAll(async () => {
    await redis.quit();
  });

  test('an order the update created or changed is read back as it now is, without asking Redis again', async () => {
    const turn = storeForTurn(store);
    const created = await turn.orders.createOnce('tok-1', { asnNip: 'N1', umkmId: 'U1', items });
    const reads = await countCommands(redis, () => turn.orders.get(created.id));
    expect(reads.result).toEqual(created);
    expect(reads.hget).toBe(0);

    const res = await turn.orders.update(created.id, { status: 'paid' }, 'asn');
    expect(res.ok).toBe(true);
    expect((await turn.orders.get(created.id))?.status).toBe('paid');
  });

  test("a failed change, or any other write, is not remembered: the next read is Redis's", async () => {
    const turn = storeForTurn(store);
    const order = await turn.orders.createOnce('tok-2', { asnNip: 'N1', umkmId: 'U1', items });
    // confirmed -> accepted is the owner's move, not the ASN's: refused, and the order read again
    expect((await turn.orders.update(order.id, { status: 'accepted' }, 'asn')).ok).toBe(false);
    // another process pays it meanwhile
    expect((await store.orders.update(order.id, { status: 'paid' }, 'asn')).ok).toBe(true);
    expect((await turn.orders.get(order.id))?.status).toBe('paid');

    // a write the scope does not follow (an overdue mark) forgets everything it knew
    expect((await store.orders.update(order.id, { status: 'accepted' }, 'umkm')).ok).toBe(true);
    await turn.orders.markOverdue(order.id);
    expect((await turn.orders.get(order.id))?.status).toBe('accepted');
  });

  test('an order read in the update is changed without reading it again; changed meanwhile by another, the change lands on what it now is', async () => {
    const order = await store.orders.createOnce('tok-4', { asnNip: 'N1', umkmId: 'U1', items });
    const turn = storeForTurn(store);
    await turn.orders.get(order.id);
    // one HGET: the compare inside the write's script, none before it
    const write = await countCommands(redis, () => turn.orders.update(order.id, { postSkipped: true }, 'asn'));
    expect(write.result.ok).toBe(true);
    expect(write.hget).toBe(1);

    const stale = storeForTurn(store);
    await stale.orders.get(order.id);
    expect((await store.orders.update(order.id, { status: 'paid' }, 'asn')).ok).toBe(true); // another process
    const res = await stale.orders.update(order.id, { postLink: 'https://www.instagram.com/p/abc/' }, 'asn');
    expect(res.ok && res.order.status).toBe('paid');
    expect(await store.orders.get(order.id)).toMatchObject({ status: 'paid', postLink: 'https://www.instagram.com/p/abc/', postSkipped: true });
  });

  test('the next update reads Redis afresh, and the rest of the store is the same', async () => {
    const order = await storeForTurn(store).orders.createOnce('tok-3', { asnNip: 'N1', umkmId: 'U1', items });
    await store.orders.update(order.id, { status: 'paid' }, 'asn');
    const next = storeForTurn(store);
    expect((await next.orders.get(order.id))?.status).toBe('paid');
    expect(next.keys).toBe(store.keys);
    expect(next.catalogue).toBe(store.catalogue);
  });
});

/** Runs `f` and counts the HGET commands Redis processed meanwhile (INFO commandstats). */
async function countCommands<T>(redis: Redis, f: () => Promise<T>): Promise<{ result: T; hget: number }> {
  const calls = async () => Number(/cmdstat_hget:calls=(\d+)/.exec(await redis.info('commandstats'))?.[1] ?? 0);
  const before = await calls();
  const result = await f();
  return { result, hget: (await calls()) - before };
}
