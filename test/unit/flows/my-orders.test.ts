import { addToCart, createDriver, createTestApp, DEMO, jpeg, newRecipient, orderIdIn, type TestApp } from '../../support/engine-driver.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ name: 'my-orders' });
});
afterAll(async () => {
  await t.close();
});

describe('my orders', () => {
  test('none yet', async () => {
    const d = createDriver(t.app);
    await d.register(DEMO.asn2.phone);
    await d.press('📦 Pesanan saya');
    expect(d.text).toContain('Anda belum memiliki pesanan.');
    expect(d.labels).toEqual(['🛍️ Lihat katalog UMKM', '🏠 Menu utama']);
  });

  test('newest first, each with its status; an unfinished one can be resumed where it stopped', async () => {
    const d = createDriver(t.app);
    await d.register(DEMO.asn.phone);
    // 1: paid (receipt sent, post skipped)
    await addToCart(d, 'Rendang Paru', 1);
    await d.press('co:confirm');
    const paid = orderIdIn(d.text);
    await newRecipient(d);
    await d.sendPhoto(await jpeg(501));
    await d.press('post:skip');
    // 2: confirmed, no recipient yet (left with /batal)
    await addToCart(d, 'Keripik Tempe Original', 3);
    await d.press('co:confirm');
    const waiting = orderIdIn(d.text);
    await d.command('batal');

    await d.command('riwayat');
    expect(d.text).toContain('📦 Pesanan Anda (terbaru di atas):');
    expect(d.text).not.toMatch(/[ \t]$/m); // no line ends in a space where a part was empty
    expect(d.text).not.toMatch(/\n{3}/);
    const text = d.text;
    expect(text.indexOf(waiting)).toBeGreaterThan(-1);
    expect(text.indexOf(waiting)).toBeLessThan(text.indexOf(paid));
    const block = (id: string) => text.slice(text.indexOf(id)).split('\n\n')[0]!;
    expect(block(waiting)).toContain('Keripik Tempe Mak Nah · Rp 45.000');
    expect(block(waiting)).toContain('Status: menunggu data penerima');
    expect(block(waiting)).toMatch(/\d{2}\/\d{2}\/\d{4} \d{2}\.\d{2} WIB/);
    expect(block(waiting)).toContain('🧾 3 × Keripik Tempe Original');
    expect(block(waiting)).not.toContain('👤');
    expect(block(paid)).toContain('Rendang Uni Ratna · Rp 48.000');
    expect(block(paid)).toContain('👤 Siti Aminah (Kel. Kukusan)');
    expect(block(paid)).toContain('Status: dibayar, menunggu UMKM');
    expect(block(paid)).toContain('⏳ laporan dalam antrean');
    expect(d.labels).toEqual([`▶️ Lanjutkan ${waiting}`, '🏠 Menu utama']);

    await d.press(`▶️ Lanjutkan ${waiting}`);
    expect(d.text).toContain('warga isoman');
    expect(d.labels).toContain('➕ Penerima baru');
    // someone else's order cannot be resumed with a forged press
    const other = createDriver(t.app);
    await other.register(DEMO.asn2.phone);
    await other.choose(`mo:${waiting}`);
    expect(other.text).toContain('Tombol itu sudah tidak berlaku');
  });
});

describe('/batal mid-way', () => {
  test('keeps the cart', async () => {
    const d = createDriver(t.app);
    await d.register(DEMO.asn2.phone);
    await addToCart(d, 'Rendang Paru', 2);
    await d.command('cari');
    await d.say('rendang');
    await d.press('p:UMKM-003-01');
    await d.press('buy');
    await d.command('batal');
    expect(d.text).toContain('Langkah dibatalkan. Isi keranjang Anda tetap tersimpan.');
    expect(d.labels).toContain('🛒 Keranjang (1 produk)');
    await d.press('🛒 Keranjang (1 produk)');
    expect(d.text).toContain('• 2 × Rendang Paru');
    expect(d.text).not.toContain('Rendang Daging Sapi');
  });

  test('keeps a confirmed order, which waits for its recipient', async () => {
    const d = createDriver(t.app);
    await d.register(DEMO.admin.phone); // admins may buy too
    await addToCart(d, 'Rendang Paru', 1);
    await d.press('co:confirm');
    const id = orderIdIn(d.text);
    await d.press('rc:new');
    await d.say('Siti Aminah');
    await d.say('batal'); // the plain word works like /batal
    expect(d.text).toContain('Langkah dibatalkan. Pesanan yang sudah dibuat tetap aman.');
    expect(d.text).toContain('Halo, Hartini Susanti!');
    const o = (await t.app.store.orders.get(id))!;
    expect(o.status).toBe('confirmed');
    expect(o.recipient).toBeUndefined();
    await d.command('riwayat');
    expect(d.labels).toContain(`▶️ Lanjutkan ${id}`);
  });

  test('an UMKM owner or an admin outside an order reads a plain "cancelled", with no word on orders', async () => {
    const owner = createDriver(t.app);
    await owner.register(DEMO.owner.phone);
    await owner.command('batal');
    expect(owner.text).toContain('Langkah dibatalkan.');
    expect(owner.text).not.toContain('Pesanan');
    const admin = createDriver(t.app);
    await admin.register(DEMO.admin.phone);
    await admin.command('impor');
    await admin.command('batal');
    expect(admin.text).toContain('Langkah dibatalkan.');
    expect(admin.text).not.toContain('Pesanan yang sudah dikonfirmasi');
    const asn = createDriver(t.app);
    await asn.register(DEMO.asn.phone);
    await asn.command('batal');
    expect(asn.text).toContain('Langkah dibatalkan. Pesanan yang sudah dibuat tetap aman.');
  });
});
