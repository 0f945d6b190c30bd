import { readFileSync } from 'node:fs';
import type { Order } from '../../../src/domain/schemas.js';
import { importCsv } from '../../../src/import/runner.js';
import { createOrdersRepo } from '../../../src/store/orders-repo.js';
import { createDriver, createTestApp, DEMO, type Driver, type TestApp } from '../../support/engine-driver.js';

// 10:00 WIB on Sunday 22 November 2026
const NOW = new Date('2026-11-22T03:00:00Z');
let t: TestApp;
let rina: Driver;

/** The first four demo UMKM rows (UMKM-001 Beji, -002 Sukmajaya, -003 Pancoran Mas, -004 Cimanggis). */
const DEMO_LINES = readFileSync(new URL('../../../data/demo/umkm.csv', import.meta.url), 'utf8')
  .trim()
  .split('\n');
const DEMO_ROWS = DEMO_LINES.slice(1, 5);
/** The demo file's own header (with its payment columns, issue 12) and binaan. */
const HEADER = `${DEMO_LINES[0]!.trim()},binaan`;
const withBinaan = (binaan: string[]) => [HEADER, ...DEMO_ROWS.map((r, i) => `${r},${binaan[i] ?? ''}`)].join('\n');

async function paidOrder(nip: string, umkmId: string, sku: string, price: number): Promise<Order> {
  const repo = createOrdersRepo(t.redis, t.app.keys, () => new Date('2026-11-22T02:00:00Z'));
  const o = await repo.createOnce(`t-${Math.random()}`, { asnNip: nip, umkmId, items: [{ sku, name: 'Produk', price, qty: 1 }] });
  const r = await repo.update(o.id, { status: 'paid' }, 'asn');
  if (!r.ok) throw new Error(r.reason);
  return r.order;
}

beforeAll(async () => {
  t = await createTestApp({ name: 'binaan', clock: () => NOW });
  rina = createDriver(t.app);
  await rina.register(DEMO.asn.phone);
});
afterAll(async () => {
  await t.close();
});

test('a binaan value of unknown shape, or an unknown kecamatan, is refused with line and reason; nothing changes', async () => {
  const r = await importCsv(t.app.store, 'umkm', withBinaan(['dinas:Kesehatan', 'kecamatan:Gotham', 'koperasi:', 'opd:Dinas Kesehatan']), { now: NOW });
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.errors).toEqual([
    'line 2: binaan: must be opd:<OPD>, kecamatan:<name> or koperasi:<name> (not dinas:Kesehatan)',
    'line 3: binaan: Gotham is not a kecamatan of Depok',
    'line 4: binaan: must be opd:<OPD>, kecamatan:<name> or koperasi:<name> (not koperasi:)',
  ]);
  expect((await t.app.store.catalogue.umkm('UMKM-004'))?.binaan).toBeUndefined();
  // Before any UMKM names who fosters it, the buyer's menu has no such entry.
  await rina.command('menu');
  expect(rina.labels).not.toContain('🤝 UMKM binaan');
});

test('buyers browse UMKM binaan of their own OPD and by cooperative; recaps and /statistik split Rupiah by source', async () => {
  const r = await importCsv(
    t.app.store,
    'umkm',
    withBinaan(['opd:Dinas Kesehatan', 'koperasi:Koperasi Sukmajaya Sejahtera', 'KOPERASI: Kopwan Mampang', 'kecamatan:cimanggis']),
    { now: NOW },
  );
  expect(r).toMatchObject({ ok: true, updated: 4 });
  expect((await t.app.store.catalogue.umkm('UMKM-004'))?.binaan).toEqual({ type: 'kecamatan', name: 'Cimanggis' });

  await rina.command('menu');
  await rina.press('🤝 UMKM binaan');
  await rina.press('🏛️ UMKM binaan OPD saya (Dinas Kesehatan)');
  expect(rina.text).toContain('UMKM binaan Dinas Kesehatan (1)');
  expect(rina.text).toContain('1. Dapur Bu Sari (🍱 Kuliner, Beji)');
  expect(rina.text).not.toContain('Rendang');
  await rina.choose('bu:UMKM-003'); // not on this list
  expect(rina.notice ?? rina.text).toMatch(/tidak berlaku|kedaluwarsa|sudah tidak|lama/i);
  await rina.press('Dapur Bu Sari');
  expect(rina.text).toContain('Dapur Bu Sari');
  expect(rina.labels.some((l) => l.includes('Nasi Box'))).toBe(true);

  await rina.command('binaan');
  await rina.press('🤝 Per koperasi');
  expect(rina.labels).toEqual(['Koperasi Sukmajaya Sejahtera', 'Kopwan Mampang', '⬅️ Kembali', '🏠 Menu utama']);
  await rina.press('Kopwan Mampang');
  expect(rina.text).toContain('UMKM anggota Kopwan Mampang (1)');
  expect(rina.text).toContain('Rendang Uni Ratna');

  // Budi's OPD fosters none.
  const budi = createDriver(t.app);
  await budi.register(DEMO.asn2.phone);
  await budi.command('binaan');
  await budi.press('🏛️ UMKM binaan OPD saya (Kecamatan Beji)');
  expect(budi.text).toContain('Belum ada UMKM binaan Kecamatan Beji di katalog.');

  await paidOrder(DEMO.asn.nip, 'UMKM-001', 'UMKM-001-01', 50_000);
  await paidOrder(DEMO.asn2.nip, 'UMKM-002', 'UMKM-002-01', 20_000);
  await paidOrder(DEMO.asn2.nip, 'UMKM-005', 'UMKM-005-01', 10_000);
  const admin = createDriver(t.app);
  await admin.register(DEMO.admin.phone);
  await admin.command('rekap');
  expect(admin.last[0]!.text).toContain(
    'Menurut asal UMKM:\n• UMKM binaan OPD: 1 pembelian, Rp 50.000\n• Anggota koperasi: 1 pembelian, Rp 20.000\n• Tanpa keterangan binaan: 1 pembelian, Rp 10.000',
  );
  await admin.command('statistik');
  expect(admin.last[0]!.text).toContain('• UMKM binaan OPD: 1 pembelian, Rp 50.000');
});
