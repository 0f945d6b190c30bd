import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { UnrecoverableError, Worker } from 'bullmq';
import type { Order } from '../../../src/domain/schemas.js';
import { createOrdersRepo } from '../../../src/store/orders-repo.js';
import { createDriver, createTestApp, DEMO, type Driver, type TestApp } from '../../support/engine-driver.js';
import { openRedis } from '../../support/redis.js';

// 10:00 WIB on Sunday 22 November 2026 (the week started on Monday 16 November)
const NOW = new Date('2026-11-22T03:00:00Z');
let t: TestApp;
let admin: Driver;

/** A paid order by `nip` at `at` (the orders repo on that clock). */
async function paidOrder(nip: string, at: Date, price: number, umkmId = 'UMKM-001'): Promise<Order> {
  const repo = createOrdersRepo(t.redis, t.app.keys, () => at);
  const o = await repo.createOnce(`t-${Math.random()}`, { asnNip: nip, umkmId, items: [{ sku: 'UMKM-001-01', name: 'Nasi Box Ayam Bakar', price, qty: 1 }] });
  const r = await repo.update(o.id, { status: 'paid' }, 'asn');
  if (!r.ok) throw new Error(r.reason);
  return r.order;
}

beforeAll(async () => {
  t = await createTestApp({ name: 'admin-reports', clock: () => NOW });
  admin = createDriver(t.app);
  await admin.register(DEMO.admin.phone);
  await paidOrder(DEMO.asn.nip, new Date('2026-11-22T02:00:00Z'), 50_000); // today
  await paidOrder(DEMO.asn.nip, new Date('2026-11-17T05:00:00Z'), 25_000); // this week
  await paidOrder(DEMO.asn2.nip, new Date('2026-11-03T05:00:00Z'), 40_000); // this month
  await paidOrder(DEMO.asn2.nip, new Date('2026-10-30T05:00:00Z'), 99_000); // last month
});
afterAll(async () => {
  await t.close();
});

test('/statistik: today, this week, this month in WIB, per OPD with the share of its ASN who bought, and a PNG chart', async () => {
  await admin.command('statistik');
  const [body, kel, chart] = admin.last;
  expect(body!.text).toContain('Hari ini (22/11/2026): 1 pembelian · Rp 50.000');
  expect(body!.text).toContain('Minggu ini (sejak 16/11/2026): 2 pembelian · Rp 75.000');
  expect(body!.text).toContain('Bulan ini (sejak 01/11/2026): 3 pembelian · Rp 115.000');
  expect(body!.text).toContain('• Dinas Kesehatan: 2 pembelian, Rp 75.000 · 1 dari 3 ASN sudah membeli (33%)');
  expect(body!.text).toContain('• Kecamatan Beji: 1 pembelian, Rp 40.000 · 1 dari 3 ASN sudah membeli (33%)');
  expect(body!.text).toContain('• Dinas Sosial: 0 pembelian, Rp 0 · 0 dari 3 ASN sudah membeli (0%)');
  // 3 ASN and 2 admins on the roster: the admins are not ASN of their OPD here.
  expect(body!.text).toContain('• Dinas Koperasi dan UMKM: 0 pembelian, Rp 0 · 0 dari 3 ASN sudah membeli (0%)');
  expect(chart!.text).toContain('Grafik nilai belanja per Perangkat Daerah, November 2026');
  const png = await readFile(path.join(t.mediaDir, chart!.photo!.path!));
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(admin.labels).toEqual(['📄 CSV per kelurahan', '⬅️ Menu admin', '🏠 Menu utama']);
  // The UMKM database per kelurahan: registered, sold this month, Rupiah (UMKM-001 is in Beji, Beji).
  expect(kel!.text).toContain('• Beji (Beji): ');
  expect(kel!.text).toMatch(/• Beji \(Beji\): \d+ UMKM · 1 menjual · Rp 115\.000/);
  await admin.press('📄 CSV per kelurahan');
  const doc = admin.last[0]!.document!;
  expect(doc.fileName).toBe('umkm-per-kelurahan-2026-11.csv');
  const lines = doc.content.trim().split('\n');
  expect(lines[0]).toBe('kecamatan,kelurahan,umkm_registered,umkm_sold_this_month,rupiah_this_month');
  expect(lines).toHaveLength(1 + 63); // every kelurahan of Depok
  expect(lines).toContainEqual(expect.stringMatching(/^Beji,Beji,\d+,1,115000$/));
  expect(lines).toContain('Beji,Kukusan,0,0,0');
});

test('/rekap: today by default, a given past date, and a polite refusal for a bad one', async () => {
  await admin.command('rekap', '2026-11-31');
  expect(admin.text).toContain('Tanggal belum sesuai');
  await admin.command('rekap', '2026-12-01');
  expect(admin.text).toContain('Tanggal belum sesuai');
  await admin.command('rekap');
  await admin.command('rekap', '2026-13-45'); // after a recap: the error alone, not the earlier recap again
  expect(admin.text).toContain('Tanggal belum sesuai');
  expect(admin.text).not.toContain('Rekap Harian');
  await admin.command('rekap');
  expect(admin.last[0]!.text).toContain('Rekap Harian Belanja Produk UMKM oleh ASN — 22/11/2026');
  expect(admin.last[0]!.text).toContain('Pembelian: 1');
  const doc = admin.last[1]!.document!;
  expect(doc.fileName).toBe('rekap-belanja-umkm-2026-11-22.csv');
  expect(doc.content.split('\n').filter(Boolean)).toHaveLength(2);
  expect(doc.content).toContain(`${DEMO.asn.nip},Rina Kartikasari,Dinas Kesehatan`);
  await admin.command('rekap', '31/11/2026'); // the Indonesian way, but no such day
  expect(admin.text).toContain('Tanggal belum sesuai');
  await admin.command('rekap', 'hari ini');
  expect(admin.last[0]!.text).toContain('— 22/11/2026');
  await admin.command('rekap', 'kemarin');
  expect(admin.last[0]!.text).toContain('— 21/11/2026');
  await admin.command('rekap', '10-11-2026');
  expect(admin.last[0]!.text).toContain('— 10/11/2026');
  await admin.command('rekap', '2026-11-10');
  expect(admin.text).toContain('Belum ada pembelian yang tercatat pada tanggal ini.');
  expect(admin.last.every((m) => !m.document)).toBe(true);
});

test('/gagal lists failed report jobs with a retry button each and "retry all"', async () => {
  await admin.command('gagal');
  expect(admin.text).toContain('Tidak ada laporan yang gagal terkirim.');

  const q = t.app.queues.reports;
  await q.add('report', { orderId: 'ORD-20261122-90001', kind: 'report' }, { jobId: 'ORD-20261122-90001', attempts: 1 });
  await q.add('report', { orderId: 'ORD-20261122-90002', kind: 'report' }, { jobId: 'ORD-20261122-90002', attempts: 1 });
  const conn = openRedis();
  const worker = new Worker(
    'reports',
    async () => {
      throw new UnrecoverableError('webhook: 400 Bad Request');
    },
    { connection: conn, prefix: t.app.keys.bullPrefix() },
  );
  try {
    for (let i = 0; i < 200 && (await q.getFailedCount()) < 2; i++) await new Promise((r) => setTimeout(r, 25));
  } finally {
    await worker.close();
    conn.disconnect();
  }

  await admin.command('gagal');
  expect(admin.text).toContain('⚠️ 2 laporan gagal terkirim:');
  expect(admin.text).toMatch(/• ORD-20261122-90001 \(report\), 1× dicoba, .* WIB: webhook: 400 Bad Request/);
  await admin.press('🔁 Ulangi ORD-20261122-90001');
  expect(admin.text).toContain('Laporan ORD-20261122-90001 dikirim ulang.');
  expect(await (await q.getJob('ORD-20261122-90001'))!.getState()).toBe('waiting');
  expect(admin.text).toContain('⚠️ 1 laporan gagal terkirim:');
  await admin.press('🔁 Ulangi semua');
  expect(admin.text).toContain('1 laporan dikirim ulang.');
  expect(await q.getFailedCount()).toBe(0);
  await admin.choose('gf:r:ORD-20261122-90002'); // the button is gone with the list
  expect(admin.text).toContain('Tombol itu sudah tidak berlaku');
});

test('/rekap bulan: last month by default, ranked with the change, chart and CSV; a bad or unfinished month refused', async () => {
  await admin.command('rekap', 'bulan 2026-11'); // still running
  expect(admin.text).toContain('Bulan belum sesuai');
  await admin.command('rekap', 'bulan 13-2026');
  expect(admin.text).toContain('Bulan belum sesuai');
  await admin.command('rekap', 'bulan');
  const [body, chart, doc] = admin.last;
  expect(body!.text).toContain('Laporan Bulanan Partisipasi ASN Belanja Produk UMKM — Oktober 2026');
  expect(body!.text).toContain('1. Kecamatan Beji: 1/3 ASN (33%, +33 poin) · 1 pembelian · Rp 99.000 (+Rp 99.000)');
  expect(body!.text).toContain('Dinas Kesehatan: 0/3 ASN (0%, 0 poin) · 0 pembelian · Rp 0 (Rp 0)');
  expect(chart!.photo?.path).toMatch(/^charts\/.*\.png$/);
  expect(doc!.document!.fileName).toBe('rekap-bulanan-belanja-umkm-2026-10.csv');
  await admin.command('rekap', 'bulan 10/2026');
  expect(admin.last[0]!.text).toContain('— Oktober 2026');
});
