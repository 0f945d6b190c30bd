import { readFileSync } from 'node:fs';
import type { Order } from '../../../src/domain/schemas.js';
import { importCsv } from '../../../src/import/runner.js';
import { createOrdersRepo } from '../../../src/store/orders-repo.js';
import { createDriver, createTestApp, type Driver, type TestApp } from '../../support/engine-driver.js';

/**
 * A cooperative acts for its member UMKM (issue 16 item 3): the UMKM rows name its phone
 * (`koperasi_phone`, with `binaan` koperasi:<name>); that phone sees and acts on each member's
 * orders, labelled by UMKM, with the owners' checks; nothing else of the owners' is theirs.
 */
const NOW = new Date('2026-11-22T03:00:00Z');
const KOPERASI = '0899 0000 1900';
let t: TestApp;

const DEMO_LINES = readFileSync(new URL('../../../data/demo/umkm.csv', import.meta.url), 'utf8')
  .trim()
  .split('\n');
/** UMKM-001 Dapur Bu Sari, -002 Keripik Tempe Mak Nah, -003 (Pancoran Mas) with binaan and koperasi_phone cells. */
const rows = (cells: [string, string][]) =>
  [`${DEMO_LINES[0]!.trim()},binaan,koperasi_phone`, ...DEMO_LINES.slice(1, 4).map((r, i) => `${r},${cells[i]![0]},${cells[i]![1]}`)].join('\n');

async function paidOrder(umkmId: string, sku: string): Promise<Order> {
  const repo = createOrdersRepo(t.redis, t.app.keys, () => NOW);
  const o = await repo.createOnce(`t-${Math.random()}`, { asnNip: '197001011993012001', umkmId, items: [{ sku, name: 'Produk', price: 25_000, qty: 1 }] });
  const r = await repo.update(o.id, { status: 'paid' }, 'asn');
  if (!r.ok) throw new Error(r.reason);
  return r.order;
}

beforeAll(async () => {
  t = await createTestApp({ name: 'koperasi-orders', clock: () => NOW });
});
afterAll(async () => {
  await t.close();
});

test('a koperasi_phone without binaan koperasi, or not a phone, is refused with line and reason; nothing changes', async () => {
  const r = await importCsv(
    t.app.store,
    'umkm',
    rows([
      ['opd:Dinas Kesehatan', KOPERASI],
      ['koperasi:Koperasi Depok Maju', 'bukan nomor'],
      ['', ''],
    ]),
    { now: NOW },
  );
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.errors).toEqual(['line 2: koperasi_phone: needs binaan koperasi:<name> in the same row', 'line 3: koperasi_phone: is not a valid phone number']);
  expect((await t.app.store.catalogue.umkm('UMKM-001'))?.koperasiPhone).toBeUndefined();
});

test("the cooperative's phone handles its members' orders, labelled by UMKM, and no one else's", async () => {
  const r = await importCsv(
    t.app.store,
    'umkm',
    rows([
      ['koperasi:Koperasi Depok Maju', KOPERASI],
      ['koperasi:Koperasi Depok Maju', KOPERASI],
      ['', ''],
    ]),
    { now: NOW },
  );
  expect(r).toMatchObject({ ok: true });
  const sari = await paidOrder('UMKM-001', 'UMKM-001-01');
  const other = await paidOrder('UMKM-003', 'UMKM-003-01');

  const kop: Driver = createDriver(t.app);
  await kop.register(KOPERASI);
  expect(kop.labels).toContain('🧾 Pesanan masuk (UMKM)');
  // the owners' products and payment details stay theirs
  expect(kop.labels).not.toContain('🏷️ Produk saya (UMKM)');
  expect(kop.labels).not.toContain('💳 Pembayaran saya');

  await kop.command('pesanan');
  expect(kop.text).toContain('Anda menangani pesanan 2 UMKM (milik Anda dan anggota koperasi)');
  expect(kop.labels).toEqual(expect.arrayContaining(['Dapur Bu Sari · Beji', 'Keripik Tempe Mak Nah · Sukmajaya']));
  await kop.press('Dapur Bu Sari · Beji');
  expect(kop.text).toContain('Pesanan terbuka Dapur Bu Sari');
  expect(kop.text).toContain(sari.id);
  expect(kop.text).not.toContain(other.id);

  await kop.choose(`uo:acc:${sari.id}`);
  expect(kop.text).toContain(`Pesanan ${sari.id} diterima.`);
  expect((await t.app.store.orders.get(sari.id))!.status).toBe('accepted');

  // Another UMKM's order (not a member): refused by button and by typed command; nothing changes.
  await kop.choose(`uo:acc:${other.id}`);
  expect(kop.text).toContain('Maaf, pesanan itu bukan untuk UMKM Anda. Tidak ada yang diubah.');
  await kop.command('terima', other.id);
  expect(kop.text).toContain('Maaf, pesanan itu bukan untuk UMKM Anda. Tidak ada yang diubah.');
  expect((await t.app.store.orders.get(other.id))!.status).toBe('paid');

  // A member that leaves the cooperative (re-imported without the phone): its orders are no longer the cooperative's.
  await importCsv(
    t.app.store,
    'umkm',
    rows([
      ['koperasi:Koperasi Depok Maju', ''],
      ['koperasi:Koperasi Depok Maju', KOPERASI],
      ['', ''],
    ]),
    { now: NOW },
  );
  const later = await paidOrder('UMKM-001', 'UMKM-001-01');
  await kop.choose(`uo:acc:${later.id}`);
  expect(kop.text).toContain('Maaf, pesanan itu bukan untuk UMKM Anda.');
  expect((await t.app.store.orders.get(later.id))!.status).toBe('paid');
});
