import type { Umkm } from '../../../src/domain/schemas.js';
import { addToCart, createDriver, createTestApp, DEMO, type Driver, jpeg, newRecipient, orderIdIn, type TestApp } from '../../support/engine-driver.js';

/** Siti Hasanah, owner of UMKM-002 Keripik Tempe Mak Nah. */
const OWNER_B = '+6289900001002';

let t: TestApp;
let seed = 100;
beforeAll(async () => {
  t = await createTestApp({ name: 'umkm-orders' });
});
afterAll(async () => {
  await t.close();
});

async function register(phone: string): Promise<Driver> {
  const d = createDriver(t.app);
  await d.register(phone);
  return d;
}

/**
 * The ASN buys `qty` × `product` for a new recipient (Siti Aminah, a different household each time:
 * phone 0812 3456 7<seed>, Jl. Melati No. <seed>) and sends a receipt: returns the paid order's id.
 */
async function paidOrder(asn: Driver, product = 'Nasi Box Ayam Bakar', qty = 2): Promise<string> {
  const n = seed++;
  await addToCart(asn, product, qty);
  await asn.press('co:confirm');
  await newRecipient(asn, { name: 'Siti Aminah', phone: `0812 3456 7${n}`, address: `Jl. Melati No. ${n}, RT 02/RW 03` });
  await asn.sendPhoto(await jpeg(n));
  expect(asn.text).toContain('Bukti pembayaran pesanan');
  return orderIdIn(asn.text);
}

const status = async (id: string) => (await t.app.store.orders.get(id))!.status;
const effectsOf = (id: string) => t.effects.filter((e) => 'orderId' in e && e.orderId === id).map((e) => `${e.type}:${'event' in e ? e.event : ''}`);

describe('an owner acts on the orders of their own UMKM', () => {
  test('the receipt tells the owner; /pesanan lists the order with the recipient for delivery, then accept, payment, delivered', async () => {
    const asn = await register(DEMO.asn.phone);
    const n = seed;
    const id = await paidOrder(asn);
    expect(effectsOf(id)).toContain('notify-umkm:paid');

    const owner = await register(DEMO.owner.phone);
    expect(owner.labels).toEqual(expect.arrayContaining(['🧾 Pesanan masuk (UMKM)', '🏷️ Produk saya (UMKM)']));
    await owner.command('pesanan');
    expect(owner.text).toContain('Pesanan terbuka Dapur Bu Sari');
    expect(owner.text).toContain(id);
    expect(owner.text).toContain('2× Nasi Box Ayam Bakar');
    await owner.press(`${id} · dibayar, menunggu UMKM`);
    const detail = owner.last[0]!;
    expect(detail.text).toContain(`Pesanan ${id}`);
    expect(detail.text).toContain(`Pemesan: ${DEMO.asn.name} (${DEMO.asn.opd})`);
    expect(detail.text).toContain('2 × Nasi Box Ayam Bakar @ Rp 25.000 = Rp 50.000');
    expect(detail.text).toContain(`👤 Siti Aminah\n📞 0812-3456-7${n}\n🏠 Jl. Melati No. ${n}, RT 02/RW 03\n📍 Kel. Kukusan, Kec. Beji`);
    expect(detail.photo?.path).toMatch(/^receipts\/[0-9a-f]{64}\.jpg$/);
    expect(owner.labels).toEqual(['✅ Terima pesanan', '❌ Tolak pesanan', '💰 Pembayaran sudah masuk', '⬅️ Kembali', '🏠 Menu utama']);

    // Delivered before accepted: refused with the reason, nothing changes.
    await owner.choose(`uo:dlv:${id}`);
    expect(owner.text).toContain(`Pesanan ${id} belum diterima. Mohon tekan "Terima pesanan" dulu`);
    expect(await status(id)).toBe('paid');

    await owner.press('✅ Terima pesanan');
    expect(owner.text).toContain(`Pesanan ${id} diterima. ASN pemesan sudah kami beri tahu`);
    expect(owner.labels).toEqual(['🚚 Sudah diantar', '💰 Pembayaran sudah masuk', '⬅️ Kembali', '🏠 Menu utama']);
    expect(await status(id)).toBe('accepted');
    expect(effectsOf(id)).toContain('notify-asn:accepted');

    // Accept twice (a replayed notification button): refused, said why.
    await owner.choose(`uo:acc:${id}`);
    expect(owner.text).toContain(`Pesanan ${id} sudah Anda terima sebelumnya`);

    await owner.press('💰 Pembayaran sudah masuk');
    expect(owner.text).toContain(`Pembayaran pesanan ${id} dikonfirmasi`);
    expect((await t.app.store.orders.get(id))!.paymentConfirmed).toBe(true);
    expect(effectsOf(id)).toContain('notify-asn:payment-confirmed');
    expect(effectsOf(id)).not.toContain('enqueue-followup:'); // the report has not gone out in this test
    await owner.choose(`uo:pay:${id}`);
    expect(owner.text).toContain(`Pembayaran pesanan ${id} sudah dikonfirmasi sebelumnya`);

    // Delivered is asked first; "Kembali" changes nothing.
    await owner.press('🚚 Sudah diantar');
    expect(owner.text).toContain(`Pesanan ${id} sudah sampai ke Siti Aminah (Kel. Kukusan)? ASN pemesan akan kami beri tahu.`);
    expect(owner.labels).toEqual(['✅ Ya, sudah diantar', '⬅️ Kembali']);
    await owner.press('⬅️ Kembali');
    expect(owner.text).toContain(`Pesanan ${id}`);
    expect(await status(id)).toBe('accepted');
    await owner.press('🚚 Sudah diantar');
    await owner.press('✅ Ya, sudah diantar');
    expect(owner.text).toContain(`Pesanan ${id} ditandai sudah diantar`);
    expect(owner.text).not.toContain('Pembayaran sudah masuk'); // paid already: nothing left to press
    expect(await status(id)).toBe('delivered');
    expect(effectsOf(id)).toContain('notify-asn:delivered');
    await owner.command('pesanan');
    expect(owner.text).not.toContain(id);
  });

  test('payment confirmed after the report went out queues the follow-up for the report', async () => {
    const asn = await register(DEMO.asn2.phone);
    const id = await paidOrder(asn, 'Paket Lauk Isoman 3 Hari', 1);
    await t.app.store.orders.update(id, { reportedTo: { telegram: new Date().toISOString() } });
    const owner = await register(DEMO.owner.phone);
    await owner.choose(`uo:pay:${id}`);
    expect(owner.text).toContain('dikonfirmasi');
    expect(effectsOf(id)).toEqual(expect.arrayContaining(['notify-asn:payment-confirmed', 'enqueue-followup:']));
  });

  test("another UMKM's owner, an ASN and a forged id change nothing and are told why", async () => {
    const asn = await register(DEMO.asn.phone);
    const id = await paidOrder(asn);
    const ownerB = await register(OWNER_B);
    for (const action of ['see', 'acc', 'rej', 'pay', 'dlv']) {
      await ownerB.choose(`uo:${action}:${id}`);
      expect(ownerB.text).toContain('pesanan itu bukan untuk UMKM Anda');
      expect(ownerB.text).not.toContain('Siti Aminah');
    }
    await ownerB.command('pesanan');
    expect(ownerB.text).not.toContain(id);
    // An order number that does not exist (a typo) is said to be not found.
    await ownerB.choose('uo:acc:ORD-20990101-99999');
    expect(ownerB.text).toContain('Maaf, pesanan ORD-20990101-99999 tidak ditemukan. Mohon periksa kembali nomornya.');
    expect(ownerB.text).not.toContain('bukan untuk UMKM Anda');

    await asn.choose(`uo:acc:${id}`);
    expect(asn.text).toContain('tombol itu khusus untuk pemilik UMKM');
    const order = (await t.app.store.orders.get(id))!;
    expect(order.status).toBe('paid');
    expect(order.paymentConfirmed).toBeUndefined();
    expect(effectsOf(id).filter((e) => e.startsWith('notify-asn'))).toEqual([]);
  });

  test('on WhatsApp the owner types the actions: /terima, /lunas, /antar, /tolak with the order number', async () => {
    const asn = await register(DEMO.asn.phone);
    const id = await paidOrder(asn);
    const owner = createDriver(t.app, { channel: 'whatsapp', chatId: DEMO.owner.phone.slice(1), verifiedPhone: DEMO.owner.phone });
    await owner.say('halo');
    await owner.press('reg:yes');
    await owner.command('terima');
    expect(owner.text).toContain('Ketik nomor pesanannya, contoh: /terima ORD-');
    await owner.command('antar', id);
    expect(owner.text).toContain('belum diterima'); // delivered before accepted: refused, nothing changes
    expect(await status(id)).toBe('paid');
    await owner.command('terima', id.toLowerCase()); // typed in lower case on a phone
    expect(owner.text).toContain(`Pesanan ${id} diterima`);
    expect(await status(id)).toBe('accepted');
    await owner.command('terima', id);
    expect(owner.text).toContain('sudah Anda terima sebelumnya'); // twice: refused, says why
    await owner.command('lunas', id);
    expect((await t.app.store.orders.get(id))!.paymentConfirmed).toBe(true);
    await owner.command('antar', id);
    expect(owner.text).toContain(`Pesanan ${id} sudah sampai ke Siti Aminah`); // asked first, typed too
    expect(await status(id)).toBe('accepted');
    await owner.say('ya');
    expect(await status(id)).toBe('delivered');
    expect(effectsOf(id)).toEqual(expect.arrayContaining(['notify-asn:accepted', 'notify-asn:payment-confirmed', 'notify-asn:delivered']));

    // Another UMKM's owner and an ASN typing the same commands change nothing.
    const id2 = await paidOrder(asn);
    const ownerB = await register(OWNER_B);
    await ownerB.command('terima', id2);
    expect(ownerB.text).toContain('pesanan itu bukan untuk UMKM Anda');
    await asn.command('terima', id2);
    expect(asn.text).toContain('bukan untuk akun Anda');
    await owner.command('tolak', id2);
    expect(owner.text).toMatch(/alasan/i); // the reason is asked next, as after the button
    expect(await status(id2)).toBe('paid');
  });

  test('reject with a picked reason; the ASN picks another product and the recipient is offered first', async () => {
    const asn = await register(DEMO.asn.phone);
    const id = await paidOrder(asn);
    const owner = await register(DEMO.owner.phone);
    await owner.choose(`uo:rej:${id}`);
    expect(owner.text).toContain(`Mengapa pesanan ${id} ditolak?`);
    expect(owner.labels).toEqual(['Stok habis', 'Tidak bisa mengantar ke wilayah itu', '✏️ Alasan lain (ketik)', '⬅️ Kembali']);
    await owner.press('Stok habis');
    expect(owner.text).toContain(`Tolak pesanan ${id} dengan alasan: “Stok habis”?`);
    expect(owner.labels).toEqual(['✅ Ya, tolak', '⬅️ Kembali']);
    expect(await status(id)).toBe('paid');
    await owner.press('✅ Ya, tolak');
    expect(owner.text).toContain(
      `Pesanan ${id} ditolak. ASN pemesan sudah kami beri tahu beserta alasannya. Mohon kembalikan uang yang sudah dibayarkan kepadanya.`,
    );
    const rejected = (await t.app.store.orders.get(id))!;
    expect(rejected).toMatchObject({ status: 'rejected', rejectReason: 'sold-out' });
    expect(effectsOf(id)).toContain('notify-asn:rejected');
    // The mayor's office, which got the purchase report, is told it was rejected (a follow-up).
    expect(t.effects).toContainEqual({ type: 'enqueue-followup', orderId: id, about: 'rejected' });
    // Rejected: no accept any more.
    await owner.choose(`uo:acc:${id}`);
    expect(owner.text).toContain(`Pesanan ${id} tidak bisa diterima karena statusnya sekarang: ditolak UMKM`);

    // The ASN's button from the rejection message (a GlobalChoice): browse, buy elsewhere, same recipient first.
    await asn.choose(`ar:${id}`);
    expect(asn.text).toContain('Silakan pilih produk atau UMKM lain');
    expect(asn.text).toContain('Pilih kategori produk');
    await addToCart(asn, 'Keripik Tempe Original', 3);
    await asn.press('co:confirm');
    expect(asn.text).toContain(`Kirim ke penerima pesanan ${id} yang ditolak: Siti Aminah (Kel. Kukusan)?`);
    expect(asn.labels[0]).toBe('✅ Siti Aminah · Kukusan');
    await asn.press('✅ Siti Aminah · Kukusan');
    // No "already got a package this week" warning: the rejected package never came.
    expect(asn.text).toContain('👤 Siti Aminah');
    expect(asn.text).toContain('Kel. Kukusan, Kec. Beji');
    expect(asn.text).toContain('kirim foto bukti pembayaran');
    const next = (await t.app.store.orders.ofAsn(DEMO.asn.nip, 1))[0]!;
    expect(next.id).not.toBe(id);
    expect(next.recipient).toEqual(rejected.recipient);
    expect(next.umkmId).toBe('UMKM-002');

    // Offered once: the order after that starts the usual way.
    await addToCart(asn, 'Keripik Tempe Original', 1);
    await asn.press('co:confirm');
    expect(asn.text).toContain('Pilih penerima paket');
    expect(asn.labels[0]).not.toMatch(/^✅/);

    // The old button is spent: it names the replacement, and the next order is not offered the recipient again.
    expect((await t.app.store.orders.get(id))!.replacedBy).toBe(next.id);
    await asn.choose(`ar:${id}`);
    expect(asn.text).toContain(`Pesanan ${id} sudah diganti dengan pesanan ${next.id}, jadi tidak bisa diganti lagi.`);
    expect(asn.text).not.toContain('Silakan pilih produk atau UMKM lain');
    await addToCart(asn, 'Keripik Tempe Original', 2);
    await asn.press('co:confirm');
    expect(asn.text).toContain('Pilih penerima paket');
    expect(asn.text).not.toContain(`Kirim ke penerima pesanan ${id}`);
    expect(asn.labels[0]).not.toMatch(/^✅/);
    expect((await t.app.store.orders.get(id))!.replacedBy).toBe(next.id);
  });

  test('one replacement per rejected order: the button is spent once it is confirmed, and given back when that order is cancelled unpaid', async () => {
    const asn = await register(DEMO.asn2.phone);
    const id = await paidOrder(asn);
    const owner = await register(DEMO.owner.phone);
    await owner.choose(`uo:rej:${id}`);
    await owner.press('Stok habis');
    await owner.press('✅ Ya, tolak');
    expect(await status(id)).toBe('rejected');

    await asn.choose(`ar:${id}`);
    await addToCart(asn, 'Keripik Tempe Original', 1);
    await asn.press('co:confirm');
    expect(asn.text).toContain(`Kirim ke penerima pesanan ${id} yang ditolak: Siti Aminah (Kel. Kukusan)?`);
    const first = (await t.app.store.orders.ofAsn(DEMO.asn2.nip, 1))[0]!;
    expect((await t.app.store.orders.get(id))!.replacedBy).toBe(first.id);

    // Pressed again before the recipient was picked (another chat, a double tap): refused, naming the replacement.
    await asn.choose(`ar:${id}`);
    expect(asn.text).toContain(`Pesanan ${id} sudah diganti dengan pesanan ${first.id}`);

    // The replacement is called off before it is paid: the rejected order may be replaced again, once.
    expect((await t.app.store.orders.update(first.id, { status: 'cancelled' }, 'asn')).ok).toBe(true);
    await asn.choose(`ar:${id}`);
    expect(asn.text).toContain('Silakan pilih produk atau UMKM lain');
    await addToCart(asn, 'Keripik Tempe Original', 2);
    await asn.press('co:confirm');
    expect(asn.text).toContain(`Kirim ke penerima pesanan ${id} yang ditolak`);
    const second = (await t.app.store.orders.ofAsn(DEMO.asn2.nip, 1))[0]!;
    expect(second.id).not.toBe(first.id);
    expect((await t.app.store.orders.get(id))!.replacedBy).toBe(second.id);
    await asn.choose(`ar:${id}`);
    expect(asn.text).toContain(`Pesanan ${id} sudah diganti dengan pesanan ${second.id}`);
  });

  test('reject with a typed reason; bad reasons are answered; /ulang works typed and refuses what is not rejected', async () => {
    const asn = await register(DEMO.asn2.phone);
    const id = await paidOrder(asn);
    const owner = await register(DEMO.owner.phone);
    await owner.choose(`uo:rej:${id}`);
    await owner.press('✏️ Alasan lain (ketik)');
    expect(owner.text).toContain('Ketik alasan penolakan (3–200 karakter)');
    await owner.say('ok');
    expect(owner.text).toContain('Alasan harus berisi kata-kata, 3–200 karakter');
    await owner.say('x'.repeat(201));
    expect(owner.text).toContain('Alasan harus berisi kata-kata');
    await owner.say('Dapur tutup sampai Senin');
    expect(owner.text).toContain(`Tolak pesanan ${id} dengan alasan: “Dapur tutup sampai Senin”?`);
    await owner.press('✅ Ya, tolak');
    expect((await t.app.store.orders.get(id))!).toMatchObject({ status: 'rejected', rejectReason: 'Dapur tutup sampai Senin' });

    await asn.command('ulang', '');
    expect(asn.text).toContain('Ketik nomor pesanan yang ditolak');
    const other = await paidOrder(asn);
    await asn.command('ulang', other);
    expect(asn.text).toContain(`Pesanan ${other} tidak sedang ditolak`);
    const stranger = await register(DEMO.asn.phone);
    await stranger.command('ulang', id);
    expect(stranger.text).toContain('tidak ditemukan di antara pesanan Anda');
    await asn.command('ulang', id.toLowerCase());
    expect(asn.text).toContain('Silakan pilih produk atau UMKM lain');
  });

  test('a typed reason is read back before the order is rejected; "Kembali" leads back to the order', async () => {
    const asn = await register(DEMO.asn.phone);
    const id = await paidOrder(asn);
    const owner = await register(DEMO.owner.phone);
    await owner.choose(`uo:rej:${id}`);
    await owner.say('sebentar ya'); // meant for someone else: must not reject the paid order
    expect(owner.text).toContain(`Tolak pesanan ${id} dengan alasan: “sebentar ya”?`);
    expect(owner.text).toContain('uang yang sudah dibayarkan perlu Anda kembalikan');
    expect(owner.labels).toEqual(['✅ Ya, tolak', '⬅️ Kembali']);
    expect(await status(id)).toBe('paid');
    await owner.say('nanti saja'); // neither button: asked again, nothing changes
    expect(owner.text).toContain('Silakan pilih salah satu tombol');
    expect(owner.text).toContain(`Tolak pesanan ${id} dengan alasan: “sebentar ya”?`);
    await owner.press('⬅️ Kembali');
    expect(owner.text).toContain(`🧾 Pesanan ${id}`);
    expect(owner.labels).toEqual(['✅ Terima pesanan', '❌ Tolak pesanan', '💰 Pembayaran sudah masuk', '⬅️ Kembali', '🏠 Menu utama']);
    expect(await status(id)).toBe('paid');
    expect(effectsOf(id)).not.toContain('notify-asn:rejected');
  });

  test('a delivered order whose payment is not confirmed stays listed until the owner confirms it', async () => {
    const asn = await register(DEMO.asn.phone);
    const id = await paidOrder(asn);
    const owner = await register(DEMO.owner.phone);
    await owner.choose(`uo:acc:${id}`);
    await owner.press('🚚 Sudah diantar');
    await owner.press('✅ Ya, sudah diantar');
    expect(owner.text).toContain(
      `Pesanan ${id} ditandai sudah diantar. Terima kasih! ASN pemesan sudah kami beri tahu. Setelah uangnya Anda terima, tekan "Pembayaran sudah masuk".`,
    );
    expect(owner.labels).toEqual(['💰 Pembayaran sudah masuk', '⬅️ Kembali', '🏠 Menu utama']);
    expect(await status(id)).toBe('delivered');

    await owner.command('pesanan');
    expect(owner.text).toContain('Pesanan terbuka Dapur Bu Sari');
    expect(owner.text).toContain(`${id} · `);
    expect(owner.text).toContain('Status: diantar, pembayaran belum dikonfirmasi');
    await owner.press(`${id} · diantar, pembayaran belum dikonfirmasi`);
    expect(owner.labels).toEqual(['💰 Pembayaran sudah masuk', '⬅️ Kembali', '🏠 Menu utama']);
    await owner.press('💰 Pembayaran sudah masuk');
    expect(owner.text).toContain(`Pembayaran pesanan ${id} dikonfirmasi`);
    await owner.command('pesanan');
    expect(owner.text).not.toContain(id);
  });

  test("on an order's screen a wrong input or another order's error answers shortly, without the details and photo again", async () => {
    const asn = await register(DEMO.asn.phone);
    const id = await paidOrder(asn);
    const otherUmkms = await paidOrder(asn, 'Keripik Tempe Original', 1);
    const owner = await register(DEMO.owner.phone);
    await owner.choose(`uo:see:${id}`);
    expect(owner.last.some((m) => m.photo)).toBe(true);
    const actions = ['✅ Terima pesanan', '❌ Tolak pesanan', '💰 Pembayaran sudah masuk', '⬅️ Kembali', '🏠 Menu utama'];

    await owner.command('antar', otherUmkms);
    expect(owner.text).toContain('Maaf, pesanan itu bukan untuk UMKM Anda. Tidak ada yang diubah.');
    expect(owner.text).toContain(`Pesanan ${id} (status: dibayar, menunggu UMKM). Pilih tindakan di bawah:`);
    expect(owner.text).not.toContain('Siti Aminah');
    expect(owner.last.some((m) => m.photo)).toBe(false);
    expect(owner.labels).toEqual(actions);

    await owner.command('antar', 'ORD-20990101-99999'); // a typo in the number
    expect(owner.text).toContain('Maaf, pesanan ORD-20990101-99999 tidak ditemukan. Mohon periksa kembali nomornya.');
    expect(owner.text).not.toContain('bukan untuk UMKM Anda');
    expect(owner.last.some((m) => m.photo)).toBe(false);

    await owner.say('halo');
    expect(owner.text).toContain('Silakan pilih salah satu tombol');
    expect(owner.text).toContain(`Pesanan ${id} (status: dibayar, menunggu UMKM)`);
    expect(owner.last.some((m) => m.photo)).toBe(false);
    expect(owner.labels).toEqual(actions);
    await owner.press('⬅️ Kembali');
    expect(owner.text).toContain('Pesanan terbuka Dapur Bu Sari');
  });

  test('an owner of several UMKM chooses which to act for, and can switch', async () => {
    const extra: Umkm = { ...(await t.app.store.catalogue.umkm('UMKM-001'))!, id: 'UMKM-901', name: 'Katering Sari Kedua' };
    await t.app.store.catalogue.upsertUmkms([extra]);
    try {
      const owner = await register(DEMO.owner.phone);
      await owner.command('pesanan');
      expect(owner.text).toContain('Nomor Anda terdaftar sebagai pemilik 2 UMKM');
      expect(owner.labels).toEqual(['Dapur Bu Sari · Beji', 'Katering Sari Kedua · Beji', '🏠 Menu utama']);
      await owner.press('Katering Sari Kedua · Beji');
      expect(owner.text).toContain('Sekarang Anda mengelola Katering Sari Kedua');
      expect(owner.text).toContain('Belum ada pesanan terbuka untuk Katering Sari Kedua');
      await owner.press('🔁 Ganti UMKM (sekarang: Katering Sari Kedua)');
      await owner.press('Dapur Bu Sari · Beji');
      expect(owner.text).toContain('Pesanan terbuka Dapur Bu Sari');
      await owner.command('produk');
      expect(owner.text).toContain('Produk Dapur Bu Sari');
      // A forged choice of a UMKM the phone does not own.
      await owner.command('umkm');
      await owner.choose('ua:UMKM-002');
      expect(owner.text).toContain('Tombol itu sudah tidak berlaku');
    } finally {
      await t.app.store.redis.hdel(t.app.keys.umkms(), 'UMKM-901');
      await t.app.store.redis.srem(t.app.keys.umkmsByOwner(DEMO.owner.phone), 'UMKM-901');
    }
  });

  test('/pesanan is for owners and ASN; an ASN who owns nothing sees their own orders; owner-only commands are refused', async () => {
    const asn = await register(DEMO.asn.phone);
    await asn.command('pesanan');
    expect(asn.text).toContain('Pesanan Anda (terbaru di atas)');
    await asn.command('produk');
    expect(asn.text).toContain('perintah itu bukan untuk akun Anda');
  });

  test('the weekly summary counts what was sold in the last 7 WIB days: not rejected, not older', async () => {
    const asn = await register(DEMO.asn2.phone);
    await paidOrder(asn, 'Rendang Daging Sapi', 3);
    await paidOrder(asn, 'Dendeng Balado', 2);
    const rejected = await paidOrder(asn, 'Rendang Daging Sapi', 5);
    const old = await paidOrder(asn, 'Rendang Paru', 4);
    const owner = await register('+6289900001003');
    await owner.choose(`uo:rej:${rejected}`);
    await owner.press('Stok habis');
    await owner.press('✅ Ya, tolak');
    await t.app.store.orders.update(old, { createdAt: new Date(Date.now() - 8 * 24 * 3600_000).toISOString() });

    await owner.command('pesanan');
    await owner.press('📊 Ringkasan 7 hari');
    expect(owner.text).toMatch(/Penjualan Rendang Uni Ratna lewat program ini, 7 hari terakhir \(\d{2}\/\d{2}\/\d{4} s\.d\. \d{2}\/\d{2}\/\d{4} WIB\)/);
    expect(owner.text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(owner.text).toContain('Pesanan: 2 · Nilai: Rp 305.000');
    expect(owner.text).toContain('1. Rendang Daging Sapi: 3 terjual, Rp 195.000\n2. Dendeng Balado: 2 terjual, Rp 110.000');
    expect(owner.text).not.toContain('Rendang Paru');
  });
});
