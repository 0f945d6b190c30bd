import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Clock } from '../../../src/domain/time.js';
import { createI18n } from '../../../src/i18n/index.js';
import { loadReportFacts, reportText, reportWebhookBody } from '../../../src/reports/report-content.js';
import {
  addToCart,
  createDriver,
  createTestApp,
  DEMO,
  type Driver,
  jpeg,
  newRecipient,
  openProduct,
  orderIdIn,
  type TestApp,
} from '../../support/engine-driver.js';
import { brokenCrc, qrisPayload, qrPng } from '../../support/qris.js';

/** Rendang Uni Ratna (UMKM-003) and its owner. */
const UMKM = 'UMKM-003';
const OWNER_PHONE = '+6289900001003';

let now = new Date('2026-12-05T03:00:00Z');
const clock: Clock = () => now;
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ name: 'payment', clock });
});
afterAll(async () => {
  await t.close();
});

/** Gives UMKM-003 a bank account, a GoPay and a QRIS (as an import would). */
async function allThreeMethods(): Promise<string> {
  const stored = await t.app.media.storeImage(await qrPng(qrisPayload('RENDANG UNI RATNA')), 'qris');
  if (!stored.ok) throw new Error('qris not stored');
  await t.app.store.payments.set(
    UMKM,
    {
      bank: { bank: 'BSI', number: '7001234567', holder: 'Ratna Dewi Anggraini' },
      ewallet: { provider: 'GoPay', number: '+6281298765432' },
      qris: { path: stored.path, merchant: 'RENDANG UNI RATNA' },
    },
    'import',
  );
  return stored.path;
}

let n = 0;
async function atPayment(d: Driver): Promise<string> {
  await addToCart(d, 'Rendang Paru', 1);
  await d.press('co:confirm');
  const orderId = orderIdIn(d.text);
  n++;
  await newRecipient(d, { phone: `0812 7100 ${String(1000 + n)}`, address: `Jl. Kenanga No. ${n}, RT 01/RW 02` });
  return orderId;
}

describe('the payment step', () => {
  test('shows the account to copy, the e-wallet and the QRIS photo with its merchant name; asks which was used; the report says the method only', async () => {
    const qrisPath = await allThreeMethods();
    const asn = createDriver(t.app);
    await asn.register(DEMO.asn.phone);
    const orderId = await atPayment(asn);
    const [details, qris] = asn.last.slice(-2);
    expect(details!.text).toContain('🏦 Transfer BSI: 7001234567 a.n. Ratna Dewi Anggraini');
    expect(details!.text).toContain('📱 GoPay: 081298765432');
    expect(details!.text).toContain('🔳 QRIS a.n. RENDANG UNI RATNA');
    expect(details!.text).toContain('(Ketuk nomor untuk menyalinnya.)'); // Telegram: the numbers are code
    expect(details!.code).toEqual(['7001234567', '081298765432']);
    expect(details!.text).not.toContain('dapat ditanyakan');
    expect(qris!.photo).toEqual({ path: qrisPath });
    expect(qris!.text).toContain('Pastikan nama penerima di aplikasi Anda: RENDANG UNI RATNA');
    expect(asn.labels).toEqual(['✏️ Ubah penerima', '❌ Batalkan pesanan', '🏠 Menu utama']);
    expect((await t.app.store.orders.get(orderId))!.payTo?.bank?.number).toBe('7001234567');

    // the receipt: which way did you pay? (the photo is kept meanwhile)
    await asn.sendPhoto(await jpeg(501));
    expect(asn.text).toContain(`Pesanan ${orderId} Anda bayar lewat apa?`);
    expect(asn.labels).toEqual(['🏦 Transfer bank', '📱 E-wallet', '🔳 QRIS', '🏠 Menu utama']);
    expect((await t.app.store.orders.get(orderId))!.status).toBe('confirmed');
    await asn.say('sudah');
    expect(asn.text).toContain('Silakan pilih'); // buttons only: "ui-choose-button"
    await asn.press('🔳 QRIS');
    expect(asn.text).toContain('Bukti pembayaran pesanan');
    const paid = (await t.app.store.orders.get(orderId))!;
    expect(paid.status).toBe('paid');
    expect(paid.paidWith).toBe('qris');

    const facts = (await loadReportFacts(t.app.store, orderId))!;
    const report = reportText(createI18n(), 'id', facts);
    expect(report).toContain('Dibayar lewat: QRIS');
    expect(report).not.toContain('7001234567');
    expect(report).not.toContain('081298765432');
    const body = reportWebhookBody(facts, 'purchase.reported', now);
    expect(body.payment_method).toBe('qris');
    expect(JSON.stringify(body)).not.toContain('7001234567');
  });

  test('on WhatsApp the same details come as text (no copy hint) and the QRIS as an image', async () => {
    await allThreeMethods();
    const asn = createDriver(t.app, { channel: 'whatsapp', verifiedPhone: DEMO.asn2.phone });
    await asn.register(DEMO.asn2.phone);
    await atPayment(asn);
    expect(asn.text).toContain('🏦 Transfer BSI: 7001234567 a.n. Ratna Dewi Anggraini');
    expect(asn.text).not.toContain('Ketuk nomor');
    expect(asn.last.some((m) => m.photo?.path?.startsWith('qris/'))).toBe(true);
  });

  test('a UMKM without payment details is listed but says so, and cannot be checked out', async () => {
    const asn = createDriver(t.app);
    await asn.register(DEMO.asn.phone);
    await addToCart(asn, 'Rendang Paru', 1); // while it still has details
    await t.app.store.redis.hdel(t.app.store.keys.payments(), UMKM);
    await openProduct(asn, 'Rendang Paru');
    expect(asn.text).toContain('Pembayaran belum tersedia');
    expect(asn.ids).not.toContain('buy');
    await asn.choose('buy'); // an old button
    expect(asn.text).toContain('Pembayaran belum tersedia');
    await asn.command('keranjang');
    expect(asn.text).toContain('Pembayaran belum tersedia');
    expect(asn.ids).not.toContain('co:confirm');
    const before = (await t.app.store.orders.ofAsn(DEMO.asn.nip, 100)).length;
    await asn.choose('co:confirm'); // forged or from an older summary
    expect(asn.text).not.toMatch(/Pesanan ORD-\d{8}-\d{5} dibuat/);
    expect((await t.app.store.orders.ofAsn(DEMO.asn.nip, 100)).length).toBe(before);
    await allThreeMethods();
  });
});

describe('owners keep their own details', () => {
  test('an owner changes the account while an order is pending: the order keeps what it showed, the ASN is told of the change, the change is recorded', async () => {
    // first details of the UMKM (an import): no "changed" warning for those
    await t.app.store.redis.del(t.app.store.keys.paymentHistory(UMKM));
    await t.app.store.redis.hdel(t.app.store.keys.payments(), UMKM);
    await t.app.store.payments.set(UMKM, { bank: { bank: 'BNI', number: '1112223334', holder: 'Ratna Dewi Anggraini' } }, 'import');
    const asn = createDriver(t.app);
    await asn.register(DEMO.asn.phone);
    const orderId = await atPayment(asn);
    expect(asn.text).toContain('🏦 Transfer BNI: 1112223334');
    expect(asn.text).not.toContain('baru diubah');

    const owner = createDriver(t.app);
    await owner.register(OWNER_PHONE);
    await owner.press('💳 Pembayaran saya');
    expect(owner.text).toContain('🏦 Transfer BNI: 1112223334 a.n. Ratna Dewi Anggraini');
    await owner.press('🏦 Ubah rekening bank');
    await owner.say('Bank Mandri');
    expect(owner.text).toContain('Mungkin maksud Anda: Mandiri');
    await owner.say('bank mandiri');
    await owner.say('12-34');
    expect(owner.text).toContain('Nomor rekening harus angka saja, 6–20 digit.');
    await owner.say('1370 0099 8877');
    await owner.say('Ratna Dewi A');
    expect(owner.text).toContain('Periksa lagi data pembayaran baru Anda:\n🏦 Transfer Mandiri: 137000998877 a.n. Ratna Dewi A');
    expect((await t.app.store.payments.get(UMKM))!.bank!.number).toBe('1112223334'); // nothing changed before "yes"
    now = new Date(now.getTime() + 60 * 60_000);
    await owner.press('✅ Ya, simpan');
    expect(owner.text).toContain('✅ Data pembayaran disimpan.');
    expect(owner.text).toContain('🏦 Transfer Mandiri: 137000998877');

    const [change] = await t.app.store.payments.history(UMKM, 1);
    expect(change).toMatchObject({
      by: `owner:${OWNER_PHONE}`,
      at: now.toISOString(),
      old: { bank: { bank: 'BNI', number: '1112223334' } },
      new: { bank: { bank: 'Mandiri', number: '137000998877', holder: 'Ratna Dewi A' } },
    });

    // the pending order still shows where it was to be paid (never redirected), with a warning
    await asn.say('sudah saya bayar'); // not a photo: the payment step again
    expect(asn.text).toContain('🏦 Transfer BNI: 1112223334');
    expect(asn.text).not.toContain('137000998877');
    expect(asn.text).toContain('Data pembayaran UMKM ini baru diubah (05/12/2026 11.00 WIB)');
    expect((await t.app.store.orders.get(orderId))!.payTo?.bank?.number).toBe('1112223334');

    // a new order shows the new account, and says it changed recently
    const asn2 = createDriver(t.app);
    await asn2.register(DEMO.asn2.phone);
    await atPayment(asn2);
    expect(asn2.text).toContain('🏦 Transfer Mandiri: 137000998877 a.n. Ratna Dewi A');
    expect(asn2.text).toContain('Data pembayaran UMKM ini baru diubah');
    // a day later, no warning
    now = new Date(now.getTime() + 25 * 60 * 60_000);
    const asn3 = createDriver(t.app);
    await asn3.register(DEMO.asn2.phone);
    await atPayment(asn3);
    expect(asn3.text).toContain('🏦 Transfer Mandiri: 137000998877');
    expect(asn3.text).not.toContain('baru diubah');
  });

  test('a QRIS from chat: a broken CRC and a plain QR are refused with the reason; a valid one is read back with its merchant name', async () => {
    const owner = createDriver(t.app);
    await owner.register(OWNER_PHONE);
    await owner.press('💳 Pembayaran saya');
    await owner.press(owner.labels.find((l) => l.includes('QRIS'))!);
    await owner.say('ini qris saya');
    expect(owner.text).toContain('Mohon kirim gambar QRIS');
    await owner.sendPhoto(await qrPng(brokenCrc(qrisPayload('RENDANG UNI RATNA'))));
    expect(owner.text).toContain('Kode pemeriksa QRIS itu salah');
    await owner.sendPhoto(await qrPng('https://rendang.example/menu'));
    expect(owner.text).toContain('Kode QR itu bukan QRIS');
    await owner.sendPhoto(await jpeg(9));
    expect(owner.text).toContain('Kami tidak menemukan kode QR');
    await owner.sendPhoto(await qrPng(qrisPayload('RENDANG RATNA DEPOK')));
    expect(owner.text).toContain('🔳 QRIS a.n. RENDANG RATNA DEPOK');
    expect(owner.last[0]!.photo?.path).toMatch(/^qris\/[0-9a-f]{64}\.jpg$/);
    expect(existsSync(path.join(t.mediaDir, owner.last[0]!.photo!.path!))).toBe(true);
    await owner.press('✅ Ya, simpan');
    expect((await t.app.store.payments.get(UMKM))!.qris?.merchant).toBe('RENDANG RATNA DEPOK');
  });

  test('the last way to pay cannot be removed; one of several can', async () => {
    await t.app.store.payments.set(
      UMKM,
      { bank: { bank: 'BNI', number: '1112223334', holder: 'Ratna' }, ewallet: { provider: 'OVO', number: '+6281211112222' } },
      'import',
    );
    const owner = createDriver(t.app);
    await owner.register(OWNER_PHONE);
    await owner.command('pembayaran'); // the typed way in (WhatsApp)
    expect(owner.text).toContain('💳 Data pembayaran Rendang Uni Ratna:');
    await owner.press('🗑️ Hapus salah satu');
    await owner.press('📱 E-wallet');
    expect(owner.text).toContain('🏦 Transfer BNI: 1112223334');
    expect(owner.text).not.toContain('OVO');
    await owner.press('✅ Ya, simpan');
    expect((await t.app.store.payments.get(UMKM))!.ewallet).toBeUndefined();
    expect(owner.labels).not.toContain('🗑️ Hapus salah satu');
    await owner.choose('pu:remove'); // the old button: not offered any more
    expect(owner.text).toContain('Tombol itu sudah tidak berlaku');
    expect((await t.app.store.payments.get(UMKM))!.bank?.number).toBe('1112223334');
  });
});

describe('admins see which UMKM cannot sell yet', () => {
  test('/statistik lists the UMKM without payment details; the terminal chat gets the details and the QRIS photo too', async () => {
    await t.app.store.redis.hdel(t.app.store.keys.payments(), 'UMKM-040');
    const admin = createDriver(t.app);
    await admin.register(DEMO.admin.phone);
    await admin.command('statistik');
    expect(admin.text).toContain('⚠️ 1 UMKM belum punya data pembayaran (tampil di katalog, tetapi belum bisa dipesan): UMKM-040.');

    const qrisPath = await allThreeMethods();
    const asn = createDriver(t.app, { channel: 'console', chatId: 'console-pay' });
    await asn.register(DEMO.asn.phone);
    await atPayment(asn);
    expect(asn.text).toContain('🏦 Transfer BSI: 7001234567');
    expect(asn.text).not.toContain('Ketuk nomor');
    expect(asn.last.at(-1)!.photo).toEqual({ path: qrisPath });
  });
});
