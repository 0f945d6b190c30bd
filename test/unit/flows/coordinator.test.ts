import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createBroadcastRepo } from '../../../src/store/broadcasts-repo.js';
import type { Order } from '../../../src/domain/schemas.js';
import { importCsv } from '../../../src/import/runner.js';
import { createOrdersRepo } from '../../../src/store/orders-repo.js';
import { createDriver, createTestApp, DEMO, type Driver, type TestApp } from '../../support/engine-driver.js';

// 10:00 WIB on Sunday 22 November 2026
const NOW = new Date('2026-11-22T03:00:00Z');
let t: TestApp;
let admin: Driver;
let kadinkes: Driver;
let camat: Driver;

const KADINKES = { phone: '+6289900000501', nip: '197501012000011001', name: 'dr. Kepala Dinas' };
const CAMAT = { phone: '+6289900000502', nip: '197601012000011002', name: 'Camat Beji' };
// Dinas Kesehatan on the demo roster: Rina (001), Fitri Handayani (009), Wulan Sari Dewi (017).
const FITRI = { phone: '+6289900000009', nip: '197405052000012009' };

async function paidOrder(nip: string, at: Date, price: number): Promise<Order> {
  const repo = createOrdersRepo(t.redis, t.app.keys, () => at);
  const o = await repo.createOnce(`t-${Math.random()}`, {
    asnNip: nip,
    umkmId: 'UMKM-001',
    items: [{ sku: 'UMKM-001-01', name: 'Nasi Box Ayam Bakar', price, qty: 1 }],
  });
  const r = await repo.update(o.id, { status: 'paid' }, 'asn');
  if (!r.ok) throw new Error(r.reason);
  return r.order;
}

const roster = (rows: string[], header = 'nip,name,phone,opd,role,scope_type,scope') => [header, ...rows].join('\n');

beforeAll(async () => {
  t = await createTestApp({ name: 'coordinator', clock: () => NOW });
  const r = await importCsv(
    t.app.store,
    'roster',
    roster([
      `${KADINKES.nip},${KADINKES.name},${KADINKES.phone},Dinas Kesehatan,koordinator,opd,Dinas Kesehatan`,
      `${CAMAT.nip},${CAMAT.name},${CAMAT.phone},Kecamatan Beji,koordinator,kecamatan,beji`,
    ]),
    { now: NOW },
  );
  expect(r).toMatchObject({ ok: true, added: 2 });
  admin = createDriver(t.app);
  await admin.register(DEMO.admin.phone);
  kadinkes = createDriver(t.app);
  await kadinkes.register(KADINKES.phone);
  camat = createDriver(t.app);
  await camat.register(CAMAT.phone);
  await paidOrder(DEMO.asn.nip, new Date('2026-11-17T05:00:00Z'), 50_000); // Rina, this month
  await paidOrder(FITRI.nip, new Date('2026-10-20T05:00:00Z'), 30_000); // Fitri, last month only
  await paidOrder(DEMO.asn2.nip, new Date('2026-11-03T05:00:00Z'), 40_000); // Budi (Kecamatan Beji)
});
afterAll(async () => {
  await t.close();
});

describe('roster import of coordinators', () => {
  test('a scope that does not exist, or of unknown shape, is refused with its line and reason; nothing changes', async () => {
    const before = await t.app.store.roster.all();
    const r = await importCsv(
      t.app.store,
      'roster',
      roster([
        '198001012005011101,Kepala Dinas Fiktif,0899-0000-0601,Dinas Fiktif,koordinator,opd,Dinas Fiktif Lain',
        '198001012005011102,Camat Fiktif,0899-0000-0602,Kecamatan X,koordinator,kecamatan,Gotham',
        '198001012005011103,Lurah Curug,0899-0000-0603,Kelurahan Curug,koordinator,kelurahan,Curug',
        '198001012005011104,Lurah Baru,0899-0000-0604,Kelurahan Baru,koordinator,rt,05',
        '198001012005011105,Tanpa Unit,0899-0000-0605,Dinas Sosial,koordinator,,',
        '198001012005011106,ASN Biasa,0899-0000-0606,Dinas Sosial,asn,opd,Dinas Sosial',
      ]),
      { now: NOW },
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      'line 2: scope: Dinas Fiktif Lain is not an OPD on the roster',
      'line 3: scope: Gotham is not a kecamatan of Depok',
      'line 4: scope: Curug is a kelurahan of Bojongsari, Cimanggis: write kecamatan/kelurahan',
      'line 5: scope_type: must be opd, kecamatan or kelurahan (not rt)',
      'line 6: scope_type: is required for a koordinator: opd, kecamatan or kelurahan',
      'line 7: scope_type: only a koordinator has a scope (leave scope_type and scope empty)',
    ]);
    expect(await t.app.store.roster.all()).toEqual(expect.arrayContaining(before));
    expect((await t.app.store.roster.all()).length).toBe(before.length);
  });

  test('an OPD named in the same file, and a kelurahan written kecamatan/kelurahan, are scopes that exist', async () => {
    const r = await importCsv(
      t.app.store,
      'roster',
      roster([
        '198001012005011201,Kepala Badan Baru,0899-0000-0701,Badan Baru,koordinator,opd,badan  baru',
        '198001012005011202,Lurah Curug,0899-0000-0702,Kelurahan Curug,koordinator,kelurahan,cimanggis/curug',
      ]),
      { now: NOW },
    );
    expect(r).toMatchObject({ ok: true, added: 2 });
    expect((await t.app.store.roster.byNip('198001012005011202'))?.scope).toEqual({ type: 'kelurahan', name: 'Curug', kecamatan: 'Cimanggis' });
  });
});

test('the coordinator menu shows the unit only: this month and last, share, Rupiah, by week, and a chart', async () => {
  await kadinkes.command('menu');
  expect(kadinkes.labels).toContain('🏢 Unit saya');
  await kadinkes.press('🏢 Unit saya');
  const [body, chart] = kadinkes.last;
  // 3 ASN of the demo roster and the head of the OPD, who is an ASN too.
  expect(body!.text).toContain('Partisipasi ASN — Dinas Kesehatan (4 ASN)');
  expect(body!.text).toContain('Bulan ini (sejak 01/11/2026): 1 dari 4 ASN sudah membeli (25%) · 1 pembelian · Rp 50.000');
  expect(body!.text).toContain('Bulan lalu (sejak 01/10/2026): 1 dari 4 ASN membeli (25%) · 1 pembelian · Rp 30.000');
  expect(body!.text).toContain('• 16/11/2026: 1 ASN · 1 pembelian · Rp 50.000');
  expect(body!.text).toContain('• 19/10/2026: 1 ASN · 1 pembelian · Rp 30.000');
  // Budi's purchase is of Kecamatan Beji: not in this unit's figures.
  expect(body!.text).not.toContain('40.000');
  const png = await readFile(path.join(t.mediaDir, chart!.photo!.path!));
  expect(png.subarray(0, 4)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  expect(kadinkes.labels).toEqual(['👥 Belum membeli (3)', '🔔 Kirim pengingat', '🏠 Menu utama']);
});

test('names of who has not bought this month: the own unit only, with the purpose statement', async () => {
  await kadinkes.command('unit');
  await kadinkes.press('👥 Belum membeli (3)');
  expect(kadinkes.text).toContain('1. dr. Kepala Dinas\n2. Fitri Handayani\n3. Wulan Sari Dewi');
  expect(kadinkes.text).toContain('hanya untuk Anda sebagai koordinator unit');
  expect(kadinkes.text).not.toContain('Rina');
  expect(kadinkes.text).not.toContain('Dedi');
  await camat.command('unit');
  await camat.press('👥 Belum membeli (3)');
  // Kecamatan Beji: Budi bought; Dedi, Rizky and the camat have not. No one of Dinas Kesehatan.
  expect(camat.text).toContain('Camat Beji');
  expect(camat.text).toContain('Dedi Kurniawan');
  expect(camat.text).not.toContain('Fitri');
  expect(camat.text).not.toContain('Budi');
});

test('a coordinator sees nothing outside the unit, whatever they type or press', async () => {
  await kadinkes.command('unit');
  for (const forged of ['ko:names:Kecamatan Beji', 'adm:stats', 'ko:names|opd:Dinas Sosial', 'm:admin', 'gf:all', 'bcx:BC-20261122-abcdef']) {
    await kadinkes.choose(forged);
    const all = `${kadinkes.notice ?? ''}\n${kadinkes.text}`;
    expect(all).not.toContain('Dedi');
    expect(all).not.toContain('Kecamatan Beji');
    expect(all).not.toContain('Statistik');
  }
  for (const cmd of ['statistik', 'rekap', 'admin', 'siaran', 'tekspengingat']) {
    await kadinkes.command(cmd, 'Kecamatan Beji');
    expect(kadinkes.text).toContain('bukan untuk akun Anda');
  }
  await kadinkes.say('Kecamatan Beji');
  expect(kadinkes.text).not.toContain('Dedi');
  // An ASN (not a coordinator) has no unit view at all.
  const asn = createDriver(t.app);
  await asn.register(DEMO.asn.phone);
  await asn.command('unit');
  expect(asn.text).toContain('bukan untuk akun Anda');
  await asn.command('menu');
  expect(asn.labels).not.toContain('🏢 Unit saya');
});

test('the nudge: the admins approve the text; too long refused; sent once a week per unit through the broadcast machinery', async () => {
  await kadinkes.command('unit');
  await kadinkes.press('🔔 Kirim pengingat');
  expect(kadinkes.text).toContain('Teks pengingat belum ditetapkan oleh admin');
  expect(kadinkes.labels).not.toContain('🔔 Kirim pengingat');

  await admin.command('tekspengingat', 'x'.repeat(301));
  expect(admin.text).toContain('terlalu panjang (301 karakter, paling banyak 300)');
  expect(await t.redis.get(t.app.keys.nudgeText())).toBeNull();
  await admin.command('tekspengingat', 'Yuk ikut belanja produk UMKM Depok bulan ini untuk warga isoman!');
  expect(admin.text).toContain('Teks pengingat disetujui');

  // Fitri is linked on Telegram and said /berhenti: counted, not reached.
  const fitri = createDriver(t.app);
  await fitri.register(FITRI.phone);
  await fitri.command('berhenti');
  const wulan = createDriver(t.app);
  await wulan.register('+6289900000017');

  await kadinkes.command('unit');
  await kadinkes.press('🔔 Kirim pengingat');
  expect(kadinkes.text).toContain('Yuk ikut belanja produk UMKM Depok bulan ini untuk warga isoman!');
  expect(kadinkes.text).toContain('Ketik /berhenti');
  // Not bought: the head himself (this chat), Fitri (opted out), Wulan.
  expect(kadinkes.text).toContain('Dikirim kepada 2 chat dari 3 ASN yang belum membeli bulan ini (1 memilih berhenti menerima info, 0 tidak dapat dihubungi)');
  await kadinkes.press('🔔 Kirim pengingat');
  expect(kadinkes.text).toMatch(/Pengingat BC-20261122-[a-z0-9]{6} mulai dikirim/);
  const id = /BC-\d{8}-[a-z0-9]{6}/.exec(kadinkes.text)![0];
  const b = await createBroadcastRepo(t.redis, t.app.keys).get(id);
  expect(b?.audience).toEqual({ kind: 'asn-nips', unit: 'Dinas Kesehatan', nips: [KADINKES.nip, FITRI.nip, '197809092002012017'] });
  expect(b?.text).toBe('Yuk ikut belanja produk UMKM Depok bulan ini untuk warga isoman!');
  expect(await t.app.queues.broadcasts.getJob(`bc.${id}.start`)).toBeTruthy();

  // A second nudge in the week: refused with the reason, nothing queued.
  await kadinkes.command('unit');
  await kadinkes.press('🔔 Kirim pengingat');
  expect(kadinkes.text).toContain('sudah dikirimi pengingat pada 22/11/2026');
  expect(kadinkes.text).toContain('berikutnya bisa dikirim mulai 29/11/2026');
  expect(kadinkes.labels).not.toContain('🔔 Kirim pengingat');
  // The camat's unit has its own week.
  await camat.command('unit');
  await camat.press('🔔 Kirim pengingat');
  expect(camat.labels).toContain('🔔 Kirim pengingat');
});
