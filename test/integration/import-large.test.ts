import type { Redis } from 'ioredis';
import { rosterRow } from '../../bench/roster-file.js';
import type { Person, Product, Umkm } from '../../src/domain/schemas.js';
import { importCsv } from '../../src/import/runner.js';
import { REDIS_CHUNK } from '../../src/store/batch.js';
import { createStore, type Store } from '../../src/store/index.js';
import { createKeys } from '../../src/store/keys.js';
import { cleanPrefix, openRedis, uniquePrefix } from '../support/redis.js';

/**
 * Large imports (issue 14): the repositories read and write any number of records in chunks (a
 * spread of 120,000 ids into one HMGET overflowed the stack), and a file is streamed in chunks of
 * REDIS_CHUNK rows with every check still seeing the whole file. The million-row figure (time,
 * peak RSS under 300 MB) is `npm run bench:import`.
 */
const NOW = new Date('2026-11-22T08:00:00Z');
const HEADER = 'nip,name,phone,opd,role\n';
let redis: Redis;
let prefix: string;
let store: Store;

beforeAll(() => {
  redis = openRedis();
});
beforeEach(() => {
  prefix = uniquePrefix('import-large');
  store = createStore(redis, { keys: createKeys(prefix), clock: () => NOW });
});
afterEach(async () => {
  await cleanPrefix(redis, prefix);
});
afterAll(async () => {
  await redis.quit();
});

const roster = (n: number, edit: (i: number, row: string) => string = (_i, r) => r) =>
  HEADER + Array.from({ length: n }, (_, i) => edit(i, rosterRow(i))).join('\n') + '\n';
/** A file's text in small chunks, as a stream delivers it. */
async function* inChunks(text: string, size = 4096): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

test('150,000 people are upserted and read back, and 150,000 UMKM and product ids looked up, without a stack overflow', async () => {
  const n = 150_000;
  const people: Person[] = Array.from({ length: n }, (_, i) => {
    const [nip, name, phone, opd] = rosterRow(i).split(',') as [string, string, string, string];
    return { nip, name, phone, opd, role: 'asn' };
  });
  await store.roster.upsert(people);
  expect(await redis.hlen(store.keys.persons())).toBe(n);
  const back = await store.roster.byNips(people.map((p) => p.nip));
  expect(back[n - 1]).toEqual(people[n - 1]);
  // again, with every phone moved: the old ones released, the new ones claimed
  await store.roster.upsert(people.map((p) => ({ ...p, phone: p.phone.replace('+62811', '+62812') })));
  expect(await redis.hlen(store.keys.personByPhone())).toBe(n);
  expect(await store.roster.byPhone('+6281200000007')).toMatchObject({ nip: people[7]!.nip });

  // UMKM and products: the reads every upsert starts with, over 150,000 ids, and a write of some
  const ids = Array.from({ length: n }, (_, i) => `U${i}`);
  const umkms: Umkm[] = ids.slice(0, 3).map((id) => ({
    id,
    name: `Usaha ${id}`,
    ownerName: 'Sari',
    ownerPhone: '+6281300000001',
    category: 'kuliner',
    kecamatan: 'Beji',
    kelurahan: 'Beji',
    address: 'Jl. Margonda 1',
  }));
  await store.catalogue.upsertUmkms(umkms);
  const found = await store.catalogue.umkmsByIds(ids);
  expect(found.filter(Boolean).map((u) => u!.id)).toEqual(['U0', 'U1', 'U2']);
  const products: Product[] = umkms.map((u, i) => ({
    sku: `P${i}`,
    umkmId: u.id,
    name: `Barang ${i}`,
    price: 1000,
    unit: 'pcs',
    description: '',
    available: true,
  }));
  await store.catalogue.upsertProducts(products);
  const skus = Array.from({ length: n }, (_, i) => `P${i}`);
  expect((await store.catalogue.productsBySkus(skus)).filter(Boolean)).toHaveLength(3);
}, 120_000);

describe(`a file streamed in chunks of ${REDIS_CHUNK} rows`, () => {
  test('a duplicate NIP and phone several chunks apart are found with both lines; nothing is written', async () => {
    const n = 3 * REDIS_CHUNK + 500;
    // row 3,200 repeats row 10's NIP; row 3,300 repeats row 20's phone
    const file = roster(n, (i, row) => {
      const cells = row.split(',');
      if (i === 3199) cells[0] = rosterRow(9).split(',')[0]!;
      if (i === 3299) cells[2] = rosterRow(19).split(',')[2]!;
      return cells.join(',');
    });
    const r = await importCsv(store, 'roster', inChunks(file), { now: NOW });
    expect(r).toEqual({ ok: false, errors: ['line 3201: nip: same as line 11', 'line 3301: phone: same as line 21'] });
    expect(await redis.keys(`${prefix}*`)).toEqual([]);
  });

  test('one bad row at the very end refuses the whole file; the good file is then written whole, and again is unchanged', async () => {
    const n = 2 * REDIS_CHUNK + 10;
    const bad = roster(n, (i, row) => (i === n - 1 ? row.replace(',asn', ',bupati') : row));
    expect(await importCsv(store, 'roster', inChunks(bad), { now: NOW })).toEqual({
      ok: false,
      errors: [`line ${n + 1}: role: must be asn, admin or koordinator`],
    });
    expect(await redis.keys(`${prefix}*`)).toEqual([]);

    expect(await importCsv(store, 'roster', inChunks(roster(n)), { now: NOW })).toEqual({ ok: true, added: n, updated: 0, unchanged: 0 });
    expect(await redis.hlen(store.keys.persons())).toBe(n);
    expect(await redis.hlen(store.keys.personByPhone())).toBe(n);
    expect(await importCsv(store, 'roster', roster(n), { now: NOW })).toEqual({ ok: true, added: 0, updated: 0, unchanged: n });
  });

  test('a phone handed from one person to another in a later chunk is allowed, and the index follows', async () => {
    const n = 2 * REDIS_CHUNK + 10;
    await importCsv(store, 'roster', roster(n), { now: NOW });
    // row 5 takes row 1,500's phone; row 1,500 gets a new one: a different chunk, written in any order
    const phoneOf = (i: number) => rosterRow(i).split(',')[2]!;
    const moved = roster(n, (i, row) => (i === 4 ? row.replace(phoneOf(4), phoneOf(1499)) : i === 1499 ? row.replace(phoneOf(1499), '+6281999999999') : row));
    expect(await importCsv(store, 'roster', inChunks(moved), { now: NOW })).toEqual({ ok: true, added: 0, updated: 2, unchanged: n - 2 });
    expect((await store.roster.byPhone(phoneOf(1499)))?.nip).toBe(rosterRow(4).split(',')[0]);
    expect((await store.roster.byPhone('+6281999999999'))?.nip).toBe(rosterRow(1499).split(',')[0]);
    expect(await store.roster.byPhone(phoneOf(4))).toBeNull();
    expect(await redis.hlen(store.keys.personByPhone())).toBe(n);
  });

  test('a phone held by someone the file does not move is refused, even when the holder comes later in no row', async () => {
    await importCsv(store, 'roster', roster(5), { now: NOW });
    const other = roster(REDIS_CHUNK + 5, (i, row) => (i === REDIS_CHUNK + 2 ? row.replace(/\+62811\d+/, rosterRow(3).split(',')[2]!) : row)).replace(
      HEADER,
      '',
    );
    // the file without rows 0-4: row 1,002's phone still belongs to row 3's NIP in the roster
    const file = HEADER + other.split('\n').slice(5).join('\n');
    const r = await importCsv(store, 'roster', file, { now: NOW });
    expect(r).toEqual({ ok: false, errors: [`line ${REDIS_CHUNK + 2 - 5 + 2}: phone: already used by NIP ${rosterRow(3).split(',')[0]} in the roster`] });
  });
});
