import type { Redis } from 'ioredis';
import type { Person, Product, Recipient, Umkm } from '../../src/domain/schemas.js';
import { createStore, type Store } from '../../src/store/index.js';
import { createKeys } from '../../src/store/keys.js';
import { cleanPrefix, openRedis, uniquePrefix } from '../support/redis.js';

const DAY = 24 * 3600 * 1000;
let redis: Redis;
let prefix: string;
let store: Store;
let now: Date;

beforeAll(() => {
  redis = openRedis();
});
beforeEach(() => {
  prefix = uniquePrefix('store');
  now = new Date('2026-11-22T03:00:00Z'); // 10.00 WIB
  store = createStore(redis, { keys: createKeys(prefix), clock: () => now });
});
afterEach(async () => {
  await cleanPrefix(redis, prefix);
});
afterAll(async () => {
  await redis.quit();
});

const person = (nip: string, phone: string, extra: Partial<Person> = {}): Person => ({
  nip,
  name: `ASN ${nip.slice(-3)}`,
  phone,
  opd: 'Dinas Kesehatan',
  role: 'asn',
  ...extra,
});
const umkm = (id: string, extra: Partial<Umkm> = {}): Umkm => ({
  id,
  name: `UMKM ${id}`,
  ownerName: 'Pemilik',
  ownerPhone: '+6289900001001',
  category: 'kuliner',
  kecamatan: 'Beji',
  kelurahan: 'Beji',
  address: 'Jl. Kukusan No. 1',
  ...extra,
});
const product = (sku: string, umkmId: string, extra: Partial<Product> = {}): Product => ({
  sku,
  umkmId,
  name: `Produk ${sku}`,
  price: 25000,
  unit: 'box',
  description: '',
  available: true,
  ...extra,
});
const items = [{ sku: 'P1', name: 'Nasi Box', price: 25000, qty: 2 }];

describe('roster', () => {
  test('round-trips by NIP and by phone; a new phone moves the index', async () => {
    const a = person('198503122010011002', '+6289900000001');
    await store.roster.upsert([a, person('199001012015032003', '+6289900000002', { role: 'admin' })]);
    expect(await store.roster.byNip(a.nip)).toEqual(a);
    expect(await store.roster.byPhone('+6289900000001')).toEqual(a);
    expect((await store.roster.all()).map((p) => p.nip).sort()).toEqual(['198503122010011002', '199001012015032003']);
    await store.roster.upsert([{ ...a, phone: '+6289900000009' }]);
    expect(await store.roster.byPhone('+6289900000001')).toBeNull();
    expect((await store.roster.byPhone('+6289900000009'))?.nip).toBe(a.nip);
    expect(await store.roster.byNip('197001011993012001')).toBeNull();
  });
});

describe('catalogue', () => {
  beforeEach(async () => {
    await store.catalogue.upsertUmkms([
      umkm('U1'),
      umkm('U2', { category: 'fashion', kecamatan: 'Cinere', kelurahan: 'Gandul', ownerPhone: '+6289900001002' }),
      umkm('U3', { kecamatan: 'Tapos', kelurahan: 'Tapos' }),
    ]);
    await store.catalogue.upsertProducts([product('P1', 'U1'), product('P2', 'U1', { available: false }), product('P3', 'U2'), product('P4', 'U3')]);
  });
  const skus = (rows: { product: Product }[]) => rows.map((r) => r.product.sku).sort();

  test('browse filters by category, kecamatan and UMKM and hides unavailable products', async () => {
    expect(skus(await store.catalogue.browse({}))).toEqual(['P1', 'P3', 'P4']);
    expect(skus(await store.catalogue.browse({ category: 'kuliner' }))).toEqual(['P1', 'P4']);
    expect(skus(await store.catalogue.browse({ category: 'kuliner', kecamatan: 'Tapos' }))).toEqual(['P4']);
    expect(skus(await store.catalogue.browse({ umkmId: 'U1' }))).toEqual(['P1']);
    expect(skus(await store.catalogue.browse({ category: 'kriya' }))).toEqual([]);
    const [row] = await store.catalogue.browse({ kecamatan: 'Cinere' });
    expect(row?.umkm.name).toBe('UMKM U2');
  });

  test('products of a UMKM include unavailable ones; owners find their UMKM', async () => {
    expect((await store.catalogue.productsOfUmkm('U1')).map((p) => p.sku).sort()).toEqual(['P1', 'P2']);
    expect((await store.catalogue.umkmsOfOwner('+6289900001001')).map((u) => u.id)).toEqual(['U1', 'U3']);
    await store.catalogue.upsertUmkms([umkm('U3', { kecamatan: 'Tapos', kelurahan: 'Tapos', ownerPhone: '+6289900001002' })]);
    expect((await store.catalogue.umkmsOfOwner('+6289900001001')).map((u) => u.id)).toEqual(['U1']);
    expect((await store.catalogue.umkmsOfOwner('+6289900001002')).map((u) => u.id)).toEqual(['U2', 'U3']);
  });

  test('an availability change is visible to browse at once', async () => {
    await store.catalogue.upsertProducts([product('P2', 'U1', { available: true })]);
    expect(skus(await store.catalogue.browse({ umkmId: 'U1' }))).toEqual(['P1', 'P2']);
    expect(await store.catalogue.product('P2')).toMatchObject({ available: true });
  });

  test('the search index is built once per catalogue version, and a change is found at once', async () => {
    const opts = { monthLoad: {}, seed: 'd', pageSize: 5 };
    const first = await store.catalogue.searchIndex();
    expect(first.search('produk p1', opts).map((l) => l.product.sku)).toEqual(['P1']);
    expect(first.search('produk p2', opts)).toEqual([]); // not available
    expect(await store.catalogue.searchIndex()).toBe(first); // same version: the same index
    store.catalogue.invalidate(); // the copy read again, the version unchanged: still the same index
    expect(await store.catalogue.searchIndex()).toBe(first);
    await store.catalogue.upsertProducts([product('P2', 'U1', { available: true, name: 'Keripik Tempe' })]);
    const second = await store.catalogue.searchIndex();
    expect(second).not.toBe(first);
    expect(second.search('kripik', opts).map((l) => l.product.sku)).toEqual(['P2']);
  });

  test('a write by another process: seen at once once its version is observed, else after cacheMs', async () => {
    const other = createStore(redis, { keys: createKeys(prefix) }); // another instance
    const mine = createStore(redis, { keys: createKeys(prefix), catalogueCacheMs: 200, clock: () => now });
    const version = () => redis.get(createKeys(prefix).catalogueVersion());
    mine.catalogue.observe(await version());
    expect(skus(await mine.catalogue.browse({ umkmId: 'U1' }))).toEqual(['P1']);
    await other.catalogue.upsertProducts([product('P2', 'U1', { available: true })]);
    // An update that read the new version: the cached copy is dropped.
    mine.catalogue.observe(await version());
    expect(skus(await mine.catalogue.browse({ umkmId: 'U1' }))).toEqual(['P1', 'P2']);
    expect((await mine.catalogue.productToShow('P2'))?.available).toBe(true);
    // A process that reads no versions (a queue worker) keeps its copy up to cacheMs.
    const worker = createStore(redis, { keys: createKeys(prefix), catalogueCacheMs: 200, clock: () => now });
    expect(skus(await worker.catalogue.browse({ umkmId: 'U1' }))).toEqual(['P1', 'P2']);
    await other.catalogue.upsertProducts([product('P2', 'U1', { available: false })]);
    expect(skus(await worker.catalogue.browse({ umkmId: 'U1' }))).toEqual(['P1', 'P2']);
    now = new Date(now.getTime() + 199);
    expect(skus(await worker.catalogue.browse({ umkmId: 'U1' }))).toEqual(['P1', 'P2']);
    now = new Date(now.getTime() + 2); // the copy is 201 ms old (the store's clock, not real time)
    expect(skus(await worker.catalogue.browse({ umkmId: 'U1' }))).toEqual(['P1']);
  });

  test('a catalogue larger than one read chunk is read whole, and a re-read sees a changed product', async () => {
    const many = Array.from({ length: 3_000 }, (_, i) => product(`M${i}`, i % 2 ? 'U1' : 'U3', { name: `Kue ${i}` }));
    await store.catalogue.upsertProducts(many);
    expect((await store.catalogue.browse({})).length).toBe(3_000 + 3);
    expect((await store.catalogue.browse({ category: 'kuliner', kecamatan: 'Tapos' })).length).toBe(1_500 + 1);
    await store.catalogue.upsertProducts([product('M2999', 'U1', { name: 'Kue 2999', price: 30000 })]);
    expect((await store.catalogue.productToShow('M2999'))?.price).toBe(30000);
    expect((await store.catalogue.browse({})).length).toBe(3_000 + 3);
  });

  test('after a version bump, concurrent updates wait for one read of the catalogue', async () => {
    const other = createStore(redis, { keys: createKeys(prefix) });
    const mine = createStore(redis, { keys: createKeys(prefix) });
    const version = () => redis.get(createKeys(prefix).catalogueVersion());
    mine.catalogue.observe(await version());
    await mine.catalogue.browse({});
    await other.catalogue.upsertProducts([product('P2', 'U1', { available: true })]);
    mine.catalogue.observe(await version());
    const scans = async () => Number(/cmdstat_hscan:calls=(\d+)/.exec(await redis.info('commandstats'))?.[1] ?? 0);
    const before = await scans();
    const views = await Promise.all(Array.from({ length: 20 }, () => mine.catalogue.browse({ umkmId: 'U1' })));
    // One read: one HSCAN of each hash (UMKM and products; this small catalogue is one chunk), not twenty.
    expect((await scans()) - before).toBe(2);
    for (const v of views) expect(skus(v)).toEqual(['P1', 'P2']);
  });

  test('a record that did not change keeps its parsed copy across a reload', async () => {
    const other = createStore(redis, { keys: createKeys(prefix) });
    const mine = createStore(redis, { keys: createKeys(prefix) });
    const version = () => redis.get(createKeys(prefix).catalogueVersion());
    mine.catalogue.observe(await version());
    const p3 = await mine.catalogue.productToShow('P3');
    const p1 = await mine.catalogue.productToShow('P1');
    await other.catalogue.upsertProducts([product('P1', 'U1', { price: 27000 })]);
    mine.catalogue.observe(await version());
    expect((await mine.catalogue.productToShow('P1'))?.price).toBe(27000);
    expect(await mine.catalogue.productToShow('P1')).not.toBe(p1);
    expect(await mine.catalogue.productToShow('P3')).toBe(p3); // not parsed again
  });
});

describe('orders', () => {
  test('createOnce with the same token twice gives one order', async () => {
    const first = await store.orders.createOnce('tok-1', { asnNip: 'N1', umkmId: 'U1', items });
    const second = await store.orders.createOnce('tok-1', { asnNip: 'N1', umkmId: 'U1', items });
    expect(second).toEqual(first);
    expect(first).toMatchObject({ status: 'confirmed', total: 50000, createdAt: now.toISOString() });
    expect(await store.orders.ofAsn('N1')).toHaveLength(1);
    const other = await store.orders.createOnce('tok-2', { asnNip: 'N1', umkmId: 'U1', items });
    expect(other.id).not.toBe(first.id);
    expect(await store.orders.ofAsn('N1')).toHaveLength(2);
  });

  test('a double tap (two concurrent confirms with one token) gives one order', async () => {
    const [a, b] = await Promise.all([
      store.orders.createOnce('tok-dbl', { asnNip: 'N1', umkmId: 'U1', items }),
      store.orders.createOnce('tok-dbl', { asnNip: 'N1', umkmId: 'U1', items }),
    ]);
    expect(b.id).toBe(a.id);
    expect(await store.orders.ofAsn('N1')).toHaveLength(1);
    expect(await store.orders.ofDay('2026-11-22')).toHaveLength(1);
  });

  test('many concurrent confirms: one order per token, numbered one after another with no gap', async () => {
    const tokens = ['t-a', 't-b', 't-c', 't-d', 't-e'];
    // each token confirmed four times at once (double and triple taps, two devices)
    const calls = tokens.flatMap((t) => [1, 2, 3, 4].map(() => store.orders.createOnce(t, { asnNip: 'N1', umkmId: 'U1', items })));
    const orders = await Promise.all(calls);
    for (let i = 0; i < tokens.length; i++) {
      const same = orders.slice(i * 4, i * 4 + 4);
      expect(new Set(same.map((o) => o.id)).size).toBe(1);
      for (const o of same) expect(o).toEqual(same[0]);
    }
    const ids = [...new Set(orders.map((o) => o.id))].sort();
    expect(ids).toEqual(['ORD-20261122-00001', 'ORD-20261122-00002', 'ORD-20261122-00003', 'ORD-20261122-00004', 'ORD-20261122-00005']);
    expect(await store.orders.ofAsn('N1')).toHaveLength(5);
    expect(await store.orders.ofDay('2026-11-22')).toHaveLength(5);
    expect((await store.orders.monthStats()).counts).toEqual({ U1: 5 });
    // the stored record is the order returned: a move handed the returned order as `seen` is written
    const stored = await store.orders.get(ids[0]!);
    expect(orders).toContainEqual(stored);
    expect(await store.orders.update(stored!.id, { status: 'paid' }, 'asn', stored!)).toMatchObject({ ok: true, order: { status: 'paid' } });
    const next = await store.orders.createOnce('t-f', { asnNip: 'N1', umkmId: 'U1', items });
    expect(next.id).toBe('ORD-20261122-00006');
  });

  test('update applies legal moves for the right actor and rejects the rest', async () => {
    const o = await store.orders.createOnce('tok-3', { asnNip: 'N1', umkmId: 'U1', items });
    expect(await store.orders.update(o.id, { status: 'delivered' }, 'umkm')).toEqual({ ok: false, reason: 'illegal-move' });
    expect(await store.orders.update(o.id, { status: 'paid' }, 'umkm')).toEqual({ ok: false, reason: 'not-allowed' });
    expect(await store.orders.update('ORD-none', { status: 'paid' }, 'asn')).toEqual({ ok: false, reason: 'not-found' });
    expect((await store.orders.get(o.id))?.status).toBe('confirmed');
    now = new Date(now.getTime() + 60_000);
    const paid = await store.orders.update(o.id, { status: 'paid', postLink: 'https://instagram.com/p/x' }, 'asn');
    expect(paid).toMatchObject({ ok: true, order: { status: 'paid', postLink: 'https://instagram.com/p/x', updatedAt: now.toISOString() } });
    expect(await store.orders.update(o.id, { status: 'accepted' }, 'umkm')).toMatchObject({ ok: true });
    expect(await store.orders.update(o.id, { status: 'paid' }, 'asn')).toEqual({ ok: false, reason: 'illegal-move' });
    expect((await store.orders.get(o.id))?.status).toBe('accepted');
  });

  test('moves made at the same moment: exactly one wins, and the Rupiah of a payment counts once', async () => {
    const o = await store.orders.createOnce('tok-race', { asnNip: 'N1', umkmId: 'U1', items });
    // The ASN pays twice at once (two devices), while the system tries to cancel.
    const results = await Promise.all([
      store.orders.update(o.id, { status: 'paid' }, 'asn'),
      store.orders.update(o.id, { status: 'paid' }, 'asn'),
      store.orders.update(o.id, { status: 'cancelled' }, 'system'),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const status = (await store.orders.get(o.id))?.status;
    const income = (await store.orders.monthStats()).income['U1'] ?? 0;
    expect(income).toBe(status === 'paid' ? 50000 : 0);
    // The owner accepts and rejects at once: one of them, and a rejection after payment takes the Rupiah back.
    if (status === 'paid') {
      const [accept, reject] = await Promise.all([
        store.orders.update(o.id, { status: 'accepted' }, 'umkm'),
        store.orders.update(o.id, { status: 'rejected' }, 'umkm'),
      ]);
      expect([accept.ok, reject.ok].filter(Boolean)).toHaveLength(1);
      expect((await store.orders.monthStats()).income['U1'] ?? 0).toBe(reject.ok ? 0 : 50000);
    }
  });

  test('an update from an order read earlier re-checks the move when the order changed since', async () => {
    const o = await store.orders.createOnce('tok-seen', { asnNip: 'N1', umkmId: 'U1', items });
    const seen = (await store.orders.get(o.id))!;
    // What is stored is the text of the parsed order: an unchanged order is taken as read.
    expect(await redis.hget(createKeys(prefix).orders(), o.id)).toBe(JSON.stringify(seen));
    expect(await store.orders.update(o.id, { status: 'cancelled' }, 'system')).toMatchObject({ ok: true });
    expect(await store.orders.update(o.id, { status: 'paid' }, 'asn', seen)).toEqual({ ok: false, reason: 'illegal-move' });
    expect((await store.orders.get(o.id))?.status).toBe('cancelled');
    const fresh = (await store.orders.get(o.id))!;
    expect(await store.orders.update(o.id, { postSkipped: true }, 'system', seen)).toMatchObject({
      ok: true,
      order: { status: 'cancelled', postSkipped: true },
    });
    expect(await store.orders.update(o.id, { postLink: 'https://instagram.com/p/q' }, 'system', fresh)).toMatchObject({ ok: true });
    expect(await store.orders.get(o.id)).toMatchObject({ status: 'cancelled', postSkipped: true, postLink: 'https://instagram.com/p/q' });
  });

  test('a receipt backs one order: two orders paid with the same photo at once, one is paid and the other is told which order has it', async () => {
    const a = await store.orders.createOnce('tok-rc-a', { asnNip: 'N1', umkmId: 'U1', items });
    const b = await store.orders.createOnce('tok-rc-b', { asnNip: 'N1', umkmId: 'U1', items });
    const pay = (id: string) => store.orders.update(id, { status: 'paid' }, 'asn', undefined, { receiptHash: 'hash-same' });
    const [ra, rb] = await Promise.all([pay(a.id), pay(b.id)]);
    const [won, lost] = ra.ok ? [a, b] : [b, a];
    expect([ra.ok, rb.ok].filter(Boolean)).toHaveLength(1);
    expect(ra.ok ? rb : ra).toEqual({ ok: false, reason: 'receipt-used', usedBy: won.id });
    expect((await store.orders.get(lost.id))?.status).toBe('confirmed'); // nothing written
    expect((await store.orders.monthStats()).income['U1']).toBe(50000); // one payment counted
    // The same order again with its own receipt (a retried update): no refusal from the claim.
    expect(await store.orders.update(won.id, { postSkipped: true }, 'asn', undefined, { receiptHash: 'hash-same' })).toMatchObject({ ok: true });
  });

  test('a receipt given with a refused move claims nothing: the photo can back the order it is for', async () => {
    const closed = await store.orders.createOnce('tok-rc-c', { asnNip: 'N1', umkmId: 'U1', items });
    await store.orders.update(closed.id, { status: 'cancelled' }, 'system');
    expect(await store.orders.update(closed.id, { status: 'paid' }, 'asn', undefined, { receiptHash: 'hash-free' })).toEqual({
      ok: false,
      reason: 'illegal-move',
    });
    const open = await store.orders.createOnce('tok-rc-d', { asnNip: 'N1', umkmId: 'U1', items });
    expect(await store.orders.update(open.id, { status: 'paid' }, 'asn', undefined, { receiptHash: 'hash-free' })).toMatchObject({ ok: true });
  });

  test('a change to a field only (no move) is kept beside a concurrent move', async () => {
    const o = await store.orders.createOnce('tok-fields', { asnNip: 'N1', umkmId: 'U1', items });
    await Promise.all([store.orders.update(o.id, { postLink: 'https://instagram.com/p/abc' }), store.orders.update(o.id, { status: 'paid' }, 'asn')]);
    expect(await store.orders.get(o.id)).toMatchObject({ status: 'paid', postLink: 'https://instagram.com/p/abc' });
  });

  test('markReplaced: one replacement per rejected order, even when two claim it at once; a cancelled one frees it', async () => {
    const o = await store.orders.createOnce('tok-rej', { asnNip: 'N1', umkmId: 'U1', items });
    const a = await store.orders.createOnce('tok-a', { asnNip: 'N1', umkmId: 'U2', items });
    const b = await store.orders.createOnce('tok-b', { asnNip: 'N1', umkmId: 'U2', items });
    expect(await store.orders.markReplaced(o.id, a.id)).toMatchObject({ ok: false }); // not rejected
    await store.orders.update(o.id, { status: 'paid' }, 'asn');
    await store.orders.update(o.id, { status: 'rejected', rejectReason: 'sold-out' }, 'umkm');
    const results = await Promise.all([store.orders.markReplaced(o.id, a.id), store.orders.markReplaced(o.id, b.id)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const winner = results[0]!.ok ? a : b;
    const loser = winner === a ? b : a;
    expect((await store.orders.get(o.id))?.replacedBy).toBe(winner.id);
    expect(await store.orders.markReplaced(o.id, winner.id)).toMatchObject({ ok: true }); // the same order again: fine
    await store.orders.update(winner.id, { status: 'cancelled' }, 'asn');
    expect(await store.orders.markReplaced(o.id, loser.id)).toMatchObject({ ok: true, order: { replacedBy: loser.id } });
    expect(await store.orders.get(o.id)).toMatchObject({ status: 'rejected', rejectReason: 'sold-out', replacedBy: loser.id });
    expect((await store.orders.monthStats()).income['U1'] ?? 0).toBe(0);
  });

  test('ofAsn, ofUmkm and ofDay list orders newest first, by WIB day', async () => {
    const a = await store.orders.createOnce('t-a', { asnNip: 'N1', umkmId: 'U1', items });
    now = new Date('2026-11-22T16:59:00Z'); // 23.59 WIB, 22 Nov
    const b = await store.orders.createOnce('t-b', { asnNip: 'N2', umkmId: 'U1', items });
    now = new Date('2026-11-22T17:01:00Z'); // 00.01 WIB, 23 Nov
    const c = await store.orders.createOnce('t-c', { asnNip: 'N1', umkmId: 'U2', items });
    expect((await store.orders.ofAsn('N1')).map((o) => o.id)).toEqual([c.id, a.id]);
    expect((await store.orders.ofUmkm('U1')).map((o) => o.id)).toEqual([b.id, a.id]);
    expect((await store.orders.ofDay('2026-11-22')).map((o) => o.id)).toEqual([a.id, b.id]);
    expect((await store.orders.ofDay('2026-11-23')).map((o) => o.id)).toEqual([c.id]);
    expect(c.id.startsWith('ORD-20261123-')).toBe(true);
    expect((await store.orders.monthStats()).counts).toEqual({ U1: 2, U2: 1 });
  });
});

describe('recipients', () => {
  const r: Recipient = {
    id: 'R1',
    name: 'Ibu Isoman',
    phone: '+6289900005001',
    address: 'Jl. Melati No. 5',
    kecamatan: 'Beji',
    kelurahan: 'Beji',
  };

  test('round-trip per ASN', async () => {
    await store.recipients.save('N1', r);
    expect(await store.recipients.get('N1', 'R1')).toEqual(r);
    expect(await store.recipients.ofAsn('N1')).toEqual([r]);
    expect(await store.recipients.ofAsn('N2')).toEqual([]);
    expect(await store.recipients.deleteAll('N1')).toBe(1);
    expect(await store.recipients.ofAsn('N1')).toEqual([]);
  });

  test('recentDeliveries counts packages to the same household within 7 days', async () => {
    await store.recipients.recordDelivery(r, 'O1');
    now = new Date(now.getTime() + 2 * DAY);
    await store.recipients.recordDelivery({ ...r, address: 'Jl. Kenanga No. 9' }, 'O2'); // same phone
    await store.recipients.recordDelivery({ ...r, phone: '+6289900005002', address: ' jl. MELATI no. 5 ' }, 'O3'); // same address
    await store.recipients.recordDelivery({ ...r, phone: '+6289900005003', address: 'Jl. Mawar No. 1' }, 'O4'); // another household
    expect(await store.recipients.recentDeliveries(r)).toBe(3);
    expect(await store.recipients.recentDeliveries(r, 'O3')).toBe(2);
    now = new Date(now.getTime() + 5 * DAY + 3600_000); // O1 is 7 days + 1 h old
    expect(await store.recipients.recentDeliveries(r)).toBe(2);
    now = new Date(now.getTime() + 2 * DAY);
    expect(await store.recipients.recentDeliveries(r)).toBe(0);
  });
});

describe('chat users', () => {
  test('a chat linked to a phone is found from the phone; relinking moves it', async () => {
    await store.chatUsers.save({ channel: 'telegram', chatId: '42', phone: '+6289900000001', optedOut: false, unreachable: false });
    await store.chatUsers.patch('whatsapp', '6289900000001@s.whatsapp.net', { phone: '+6289900000001' });
    expect((await store.chatUsers.chatsOfPhone('+6289900000001')).map((u) => u.channel).sort()).toEqual(['telegram', 'whatsapp']);
    await store.chatUsers.patch('telegram', '42', { phone: '+6289900000002' });
    expect((await store.chatUsers.chatsOfPhone('+6289900000001')).map((u) => u.channel)).toEqual(['whatsapp']);
    expect((await store.chatUsers.get('telegram', '42'))?.phone).toBe('+6289900000002');
  });
});
