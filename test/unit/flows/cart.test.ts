import type { Session } from '../../../src/engine/session.js';
import { createStore } from '../../../src/store/index.js';
import { addToCart, createDriver, createTestApp, DEMO, type Driver, openProduct, orderIdIn, type TestApp } from '../../support/engine-driver.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ name: 'cart' });
});
afterAll(async () => {
  await t.close();
});

async function asn(phone: string = DEMO.asn.phone): Promise<Driver> {
  const d = createDriver(t.app);
  await d.register(phone);
  return d;
}
const session = async (d: Driver): Promise<Session | null> => t.app.sessions.get(d.chat.channel, d.chat.chatId);
const ordersOf = (nip: string) => t.app.store.orders.ofAsn(nip, 100);

describe('quantity', () => {
  test.each([
    ['abc', 'Jumlah harus berupa angka bulat, misalnya 2.'],
    ['0', 'Jumlah minimal 1.'],
    ['-1', 'Jumlah minimal 1.'],
    ['-5', 'Jumlah minimal 1.'],
    ['100', 'Jumlah maksimal 99 per produk.'],
    ['1.5', 'Jumlah harus berupa angka bulat'],
    ['2,5', 'Jumlah harus berupa angka bulat'],
    ['😀', 'Jumlah harus berupa angka bulat'],
    ['dua', 'Jumlah harus berupa angka bulat'],
    ['0 porsi', 'Jumlah minimal 1.'],
    ['-3 bungkus', 'Jumlah minimal 1.'],
    ['100 porsi', 'Jumlah maksimal 99 per produk.'],
    ['1.5 porsi', 'Jumlah harus berupa angka bulat'],
    ['dua bungkus', 'Jumlah harus berupa angka bulat'],
    ['porsi', 'Jumlah harus berupa angka bulat'],
    ['3 2', 'Jumlah harus berupa angka bulat'],
    ['3 porsi 200 g', 'Jumlah harus berupa angka bulat'], // numbers after the word: not its unit
  ])('%s is refused with a reason, the question is asked again and the cart stays empty', async (typed, reason) => {
    const d = await asn();
    await openProduct(d, 'Rendang Paru');
    await d.press('🛒 Beli');
    expect(d.text).toContain('Berapa jumlah yang ingin Anda beli? Rendang Paru — Rp 48.000 per porsi 250 g. Pilih atau ketik angka 1–99.');
    await d.say(typed);
    expect(d.text).toContain(reason);
    expect(d.text).toContain('Berapa jumlah yang ingin Anda beli? Rendang Paru');
    expect(d.labels).toEqual(['1', '2', '3', '5', '10', '⬅️ Kembali']);
    expect((await session(d))?.cart).toBeUndefined();
    await d.sendContact('+6281234567890', true);
    expect(d.text).toContain('Silakan ketik jumlahnya dengan angka');
    expect((await session(d))?.cart).toBeUndefined();
  });

  test.each([
    ['3 bungkus', 3],
    ['3 porsi', 3],
    ['3x', 3],
    ['3 X', 3],
    ['  4   porsi. ', 4],
    ['2 porsi 250 g', 2], // the product's own unit
    ['2 PORSI 250G', 2],
  ])('"%s" typed is a quantity of %i', async (typed, qty) => {
    const d = await asn();
    await openProduct(d, 'Rendang Paru');
    await d.press('🛒 Beli');
    await d.say(typed);
    expect(d.text).toContain(`✅ ${qty} × Rendang Paru masuk keranjang.`);
    expect((await session(d))?.cart?.items).toEqual([{ sku: 'UMKM-003-02', qty }]);
  });

  test('the quantity question reads well whatever the unit, in both languages', async () => {
    const d = await asn();
    await openProduct(d, 'Paket Lauk Isoman 3 Hari');
    await d.press('🛒 Beli');
    expect(d.text).toBe('Berapa jumlah yang ingin Anda beli? Paket Lauk Isoman 3 Hari — Rp 135.000 per paket. Pilih atau ketik angka 1–99.');
    await openProduct(d, 'Kue Lapis Pelangi');
    await d.press('🛒 Beli');
    expect(d.text).toBe('Berapa jumlah yang ingin Anda beli? Kue Lapis Pelangi — Rp 30.000 per kotak isi 10. Pilih atau ketik angka 1–99.');
    await d.command('bahasa');
    await d.press('lang:en');
    await openProduct(d, 'Kue Lapis Pelangi');
    await d.press('🛒 Buy');
    expect(d.text).toBe('How many would you like? Kue Lapis Pelangi, Rp 30,000 per kotak isi 10. Choose or type a number 1–99.');
    await d.say('2 kotak');
    expect(d.text).toContain('✅ 2 × Kue Lapis Pelangi added to the cart.');
  });

  test('99 typed is the most one product takes', async () => {
    const d = await asn();
    await addToCart(d, 'Rendang Paru', 99);
    expect(d.text).toContain('✅ 99 × Rendang Paru masuk keranjang.');
    expect((await session(d))?.cart?.items).toEqual([{ sku: 'UMKM-003-02', qty: 99 }]);
  });

  test('the quick buttons work, typed or pressed; adding the same product again adds up (capped at 99)', async () => {
    const d = await asn();
    await openProduct(d, 'Rendang Paru');
    await d.press('🛒 Beli');
    await d.press('5');
    expect(d.text).toContain('✅ 5 × Rendang Paru masuk keranjang.');
    await addToCart(d, 'Rendang Paru', 10);
    expect(d.text).toContain('• 15 × Rendang Paru @ Rp 48.000 = Rp 720.000');
    await addToCart(d, 'Rendang Paru', 90);
    // capped: says what is really in the cart, never "90 × … masuk keranjang"
    expect(d.text).toContain('ℹ️ Jumlah per produk paling banyak 99: sekarang 99 × Rendang Paru di keranjang.');
    expect(d.text).not.toContain('90 × Rendang Paru');
    expect(d.text).toContain('• 99 × Rendang Paru @ Rp 48.000');
    expect((await session(d))?.cart?.items).toEqual([{ sku: 'UMKM-003-02', qty: 99 }]);
    await addToCart(d, 'Rendang Paru', 1);
    expect(d.text).toContain('ℹ️ Jumlah per produk paling banyak 99: sekarang 99 × Rendang Paru di keranjang.');
  });
});

describe('cart', () => {
  test('the summary lists lines and the total in Rupiah', async () => {
    const d = await asn();
    await addToCart(d, 'Rendang Paru', 2);
    await addToCart(d, 'Rendang Daging Sapi', 3);
    expect(d.text).toContain('🛒 Ringkasan pesanan');
    expect(d.text).toContain('UMKM: Rendang Uni Ratna (Kec. Pancoran Mas)');
    expect(d.text).toContain('• 2 × Rendang Paru @ Rp 48.000 = Rp 96.000');
    expect(d.text).toContain('• 3 × Rendang Daging Sapi @ Rp 65.000 = Rp 195.000');
    expect(d.text).toContain('Total: Rp 291.000');
    expect(d.labels).toEqual(['✅ Konfirmasi pesanan', '➕ Tambah produk dari UMKM ini', '✏️ Ubah jumlah', '🗑️ Kosongkan keranjang', '🏠 Menu utama']);
  });

  test('"add more from this UMKM" lists only that UMKM', async () => {
    const d = await asn();
    await addToCart(d, 'Rendang Paru', 1);
    await d.press('➕ Tambah produk dari UMKM ini');
    expect(d.text).toContain('🏪 Rendang Uni Ratna');
    expect(d.text).not.toMatch(/🏪 (?!Rendang Uni Ratna)/);
  });

  test('a product of another UMKM asks to start a new order; "no" keeps the cart, "yes" replaces it', async () => {
    const d = await asn();
    await addToCart(d, 'Rendang Paru', 2);
    await addToCart(d, 'Keripik Tempe Original', 4);
    expect(d.text).toContain('Keranjang Anda berisi produk dari Rendang Uni Ratna. Satu pesanan hanya untuk satu UMKM.');
    expect(d.text).toContain('Mulai pesanan baru dengan Keripik Tempe Mak Nah?');
    expect(d.labels).toEqual(['🆕 Ya, mulai pesanan baru', '↩️ Tidak, pertahankan keranjang']);
    await d.say('mungkin'); // not a button label
    expect(d.text).toContain('Silakan pilih salah satu tombol');
    await d.say('tidak'); // a one-word answer picks the one button starting with it
    expect(d.text).toContain('• 2 × Rendang Paru');
    expect(d.text).not.toContain('Keripik');

    await addToCart(d, 'Keripik Tempe Original', 4);
    await d.say('ya'); // a confirmation is answered in one word (src/engine/match.ts)
    expect(d.text).toContain('✅ 4 × Keripik Tempe Original masuk keranjang.');
    expect(d.text).toContain('UMKM: Keripik Tempe Mak Nah');
    expect(d.text).not.toContain('Rendang');
    expect((await session(d))?.cart).toEqual({ umkmId: 'UMKM-002', items: [{ sku: 'UMKM-002-01', qty: 4 }] });
  });

  test('edit a quantity (with bad inputs first), remove a line, clear the cart', async () => {
    const d = await asn();
    await addToCart(d, 'Rendang Paru', 2);
    await addToCart(d, 'Rendang Daging Sapi', 1);
    await d.press('✏️ Ubah jumlah');
    expect(d.text).toContain('Pilih produk yang ingin diubah:');
    expect(d.labels).toEqual(['Rendang Paru × 2', 'Rendang Daging Sapi × 1', '⬅️ Kembali']);
    await d.press('Rendang Paru × 2');
    expect(d.text).toContain('Jumlah baru untuk Rendang Paru?');
    await d.say('100');
    expect(d.text).toContain('Jumlah maksimal 99 per produk.');
    await d.say('-1');
    expect(d.text).toContain('Jumlah minimal 1.');
    await d.say('7');
    expect(d.text).toContain('• 7 × Rendang Paru @ Rp 48.000 = Rp 336.000');
    expect(d.text).toContain('Total: Rp 401.000');

    await d.press('co:edit');
    await d.press('Rendang Daging Sapi × 1');
    await d.press('🗑️ Hapus dari keranjang');
    expect(d.text).not.toContain('Rendang Daging Sapi');
    expect(d.text).toContain('Total: Rp 336.000');

    await d.press('🗑️ Kosongkan keranjang');
    expect(d.text).toBe('Kosongkan keranjang? (1 produk akan dihapus dari keranjang.)');
    expect(d.labels).toEqual(['🗑️ Ya, kosongkan', '↩️ Tidak']);
    await d.press('🗑️ Ya, kosongkan');
    expect(d.text).toContain('Keranjang sudah dikosongkan.');
    expect(d.labels.some((l) => l.startsWith('🛒 Keranjang'))).toBe(false);
    await d.command('keranjang');
    expect(d.text).toContain('Keranjang Anda masih kosong.');
    expect((await session(d))?.cart).toBeUndefined();
  });

  test('"Kosongkan keranjang" asks first: "Tidak" (or a stray number) keeps the cart', async () => {
    const d = await asn();
    await addToCart(d, 'Rendang Paru', 2);
    await addToCart(d, 'Rendang Daging Sapi', 1);
    await d.say(' 4 '); // meant as a quantity: on a numbered list it is the 4th button
    expect(d.text).toBe('Kosongkan keranjang? (2 produk akan dihapus dari keranjang.)');
    await d.say('4');
    expect(d.text).toContain('Silakan pilih salah satu tombol');
    await d.press('↩️ Tidak');
    expect(d.text).toContain('• 2 × Rendang Paru');
    expect(d.text).toContain('• 1 × Rendang Daging Sapi');
    expect((await session(d))?.cart?.items).toHaveLength(2);
    await d.press('🗑️ Kosongkan keranjang');
    await d.say('Tidak'); // the label typed
    expect(d.text).toContain('🛒 Ringkasan pesanan');
    expect((await session(d))?.cart?.items).toHaveLength(2);
  });

  test('removing the last product says the cart is now empty (not "still empty")', async () => {
    const d = await asn();
    await addToCart(d, 'Rendang Paru', 2);
    await d.press('✏️ Ubah jumlah');
    await d.press('Rendang Paru × 2');
    await d.press('🗑️ Hapus dari keranjang');
    expect(d.text).toContain('🗑️ Rendang Paru dihapus. Keranjang sekarang kosong.');
    expect(d.text).not.toContain('masih kosong');
    expect(d.text).toContain('Silakan pilih menu:');
    expect(d.labels.some((l) => l.startsWith('🛒 Keranjang'))).toBe(false);
    expect((await session(d))?.cart).toBeUndefined();
  });

  test('a product that sold out after it went into the cart is dropped from the summary and the order', async () => {
    const d = await asn();
    await addToCart(d, 'Rendang Paru', 2);
    await addToCart(d, 'Rendang Daging Sapi', 1);
    const p = (await t.app.store.catalogue.product('UMKM-003-01'))!;
    await t.app.store.catalogue.upsertProducts([{ ...p, available: false }]);
    try {
      await d.command('keranjang');
      expect(d.text).toContain('ℹ️ Rendang Daging Sapi sudah habis dan dikeluarkan dari keranjang.');
      expect(d.text).not.toContain('× Rendang Daging Sapi');
      expect(d.text).toContain('Total: Rp 96.000');
      await d.press('co:confirm');
      const order = (await t.app.store.orders.get(orderIdIn(d.text)))!;
      expect(order.items.map((i) => i.sku)).toEqual(['UMKM-003-02']);
      expect(order.total).toBe(96_000);
    } finally {
      await t.app.store.catalogue.upsertProducts([p]);
    }
  });
  test('"Kembali" from the quantity question shows the product again, then the list it came from', async () => {
    const d = await asn();
    await openProduct(d, 'Rendang Paru');
    await d.press('🛒 Beli');
    expect(d.text).toContain('Berapa jumlah yang ingin Anda beli? Rendang Paru');
    await d.press('⬅️ Kembali');
    expect(d.text).toContain('Rendang Paru\n💰 Rp 48.000 / porsi 250 g');
    expect(d.labels).toEqual(['🛒 Beli', '⬅️ Kembali', '🏠 Menu utama']);
    await d.press('⬅️ Kembali');
    expect(d.text).toContain('1 produk (halaman 1/1)');
    expect(d.labels[0]).toBe('Rendang Paru · Rp 48.000');
  });

  test('sold out through another bot instance while the product is on screen: "Beli" says so at once', async () => {
    const d = await asn();
    await openProduct(d, 'Rendang Paru');
    // Another instance (its own store, the same Redis) marks it sold out; this one's cached
    // catalogue learns of it with the next update.
    const other = createStore(t.app.redis, { keys: t.app.keys });
    const p = (await other.catalogue.product('UMKM-003-02'))!;
    expect(p.name).toBe('Rendang Paru');
    await other.catalogue.upsertProducts([{ ...p, available: false }]);
    try {
      await d.press('🛒 Beli');
      expect(d.text).toContain('Maaf, produk itu sedang tidak tersedia.');
      // Back on the list it was opened from (the search for it), which no longer has it.
      expect(d.text).toContain('Tidak ada produk yang cocok dengan "Rendang Paru"');
      expect(d.labels.some((l) => l.startsWith('Rendang Paru'))).toBe(false);
      expect((await session(d))?.cart).toBeUndefined();
    } finally {
      await other.catalogue.upsertProducts([p]);
    }
  });
});

describe('sold out in the cart', () => {
  test('the cart names what sold out and says it is now empty, never "still empty"', async () => {
    const d = await asn();
    await addToCart(d, 'Dendeng Balado', 2);
    const p = (await t.app.store.catalogue.product('UMKM-003-03'))!;
    await t.app.store.catalogue.upsertProducts([{ ...p, available: false }]);
    try {
      await d.command('keranjang');
      expect(d.text).toBe('ℹ️ Dendeng Balado sudah habis dan dikeluarkan dari keranjang.\n\nKeranjang sekarang kosong.');
      expect(d.text).not.toContain('masih kosong');
      expect(d.labels).toEqual(['🛍️ Lihat katalog UMKM', '🏠 Menu utama']);
      expect((await session(d))?.cart).toBeUndefined();
      // said once: opened again, the cart simply is empty
      await d.command('keranjang');
      expect(d.text).toBe('Keranjang Anda masih kosong.');
    } finally {
      await t.app.store.catalogue.upsertProducts([p]);
    }
  });

  test('sold out between the summary and "Konfirmasi": no order; the notice names it', async () => {
    const d = await asn(DEMO.asn2.phone);
    const before = (await ordersOf(DEMO.asn2.nip)).length;
    await addToCart(d, 'Dendeng Balado', 2);
    const p = (await t.app.store.catalogue.product('UMKM-003-03'))!;
    await t.app.store.catalogue.upsertProducts([{ ...p, available: false }]);
    try {
      await d.press('✅ Konfirmasi pesanan');
      expect(d.text).toContain('Dendeng Balado sudah habis dan dikeluarkan dari keranjang.');
      expect(d.text).toContain('Keranjang sekarang kosong.');
      expect(d.text).not.toContain('masih kosong');
      expect(d.text).not.toMatch(/Pesanan ORD-\d{8}-\d{5} dibuat/);
      expect(await ordersOf(DEMO.asn2.nip)).toHaveLength(before);
    } finally {
      await t.app.store.catalogue.upsertProducts([p]);
    }
  });
});

describe('the order is what the summary showed', () => {
  test('a price raised after the summary: no order, the updated summary with a notice; confirmed then at the new price', async () => {
    const d = await asn(DEMO.asn2.phone);
    const before = (await ordersOf(DEMO.asn2.nip)).length;
    await addToCart(d, 'Gulai Ayam Kampung', 2);
    expect(d.text).toContain('Total: Rp 90.000');
    const p = (await t.app.store.catalogue.product('UMKM-003-04'))!;
    await t.app.store.catalogue.upsertProducts([{ ...p, price: 50_000 }]);
    try {
      await d.press('✅ Konfirmasi pesanan');
      expect(d.text).toContain('⚠️ Harga atau ketersediaan berubah sejak ringkasan tadi. Mohon periksa lagi sebelum konfirmasi.');
      expect(d.text).toContain('• 2 × Gulai Ayam Kampung @ Rp 50.000 = Rp 100.000');
      expect(d.text).toContain('Total: Rp 100.000');
      expect(d.text).not.toMatch(/Pesanan ORD-\d{8}-\d{5} dibuat/);
      expect(await ordersOf(DEMO.asn2.nip)).toHaveLength(before);
      await d.press('✅ Konfirmasi pesanan');
      expect(d.text).toMatch(/Pesanan ORD-\d{8}-\d{5} dibuat\. Total Rp 100\.000\./);
      expect((await t.app.store.orders.get(orderIdIn(d.text)))!.total).toBe(100_000);
    } finally {
      await t.app.store.catalogue.upsertProducts([p]);
    }
  });

  test('one line sold out after the summary: the rest is shown again to confirm, never ordered silently', async () => {
    const d = await asn(DEMO.asn2.phone);
    const before = (await ordersOf(DEMO.asn2.nip)).length;
    await addToCart(d, 'Rendang Paru', 1);
    await addToCart(d, 'Dendeng Balado', 1);
    expect(d.text).toContain('Total: Rp 103.000');
    const p = (await t.app.store.catalogue.product('UMKM-003-03'))!;
    await t.app.store.catalogue.upsertProducts([{ ...p, available: false }]);
    try {
      await d.press('✅ Konfirmasi pesanan');
      expect(d.text).toContain('Harga atau ketersediaan berubah sejak ringkasan tadi.');
      expect(d.text).toContain('ℹ️ Dendeng Balado sudah habis dan dikeluarkan dari keranjang.');
      expect(d.text).toContain('Total: Rp 48.000');
      expect(await ordersOf(DEMO.asn2.nip)).toHaveLength(before);
      await d.press('✅ Konfirmasi pesanan');
      expect(d.text).toMatch(/dibuat\. Total Rp 48\.000\./);
    } finally {
      await t.app.store.catalogue.upsertProducts([p]);
    }
  });

  test('in English too', async () => {
    const d = await asn(DEMO.asn2.phone);
    await d.command('bahasa');
    await d.press('lang:en');
    try {
      await addToCart(d, 'Rendang Paru', 1);
      await addToCart(d, 'Dendeng Balado', 1);
      const p = (await t.app.store.catalogue.product('UMKM-003-03'))!;
      await t.app.store.catalogue.upsertProducts([{ ...p, available: false }]);
      try {
        await d.press('✅ Confirm order');
        expect(d.text).toContain('⚠️ A price or availability changed since the summary. Please check it again before confirming.');
        expect(d.text).toContain('ℹ️ Dendeng Balado is sold out and removed from the cart.');
      } finally {
        await t.app.store.catalogue.upsertProducts([p]);
      }
    } finally {
      await d.command('bahasa');
      await d.press('lang:id');
    }
  });
});

describe('an ASN who owns a UMKM', () => {
  const sari = { nip: '198504172010012003', name: DEMO.owner.name, phone: DEMO.owner.phone, opd: 'Dinas Pendidikan', role: 'asn' as const };
  let d: Driver;
  beforeAll(async () => {
    await t.app.store.roster.upsert([sari]);
    d = await asn(DEMO.owner.phone);
  });

  test('may browse their own products but "Beli" is refused politely; other UMKM are bought as usual', async () => {
    await openProduct(d, 'Nasi Box Ayam Bakar');
    expect(d.text).toContain('💰 Rp 25.000 / box');
    await d.press('🛒 Beli');
    expect(d.text).toContain('Maaf, Anda tidak dapat membeli dari UMKM milik Anda sendiri. Silakan pilih produk UMKM lain.');
    expect(d.text).not.toContain('Berapa jumlah yang ingin Anda beli?');
    expect((await session(d))?.cart).toBeUndefined();
    await addToCart(d, 'Rendang Paru', 1);
    expect(d.text).toContain('✅ 1 × Rendang Paru masuk keranjang.');
  });

  test('a quantity step or a cart of their own UMKM (reached before they owned it) is refused too; no order', async () => {
    // the quantity question opened by an old button
    await t.app.sessions.save(d.chat.channel, d.chat.chatId, {
      flow: 'cart',
      step: 'quantity',
      data: { sku: 'UMKM-001-01' },
      offered: [{ id: 'q:2', label: '2' }],
      expectsNumber: true,
    });
    await d.choose('q:2');
    expect(d.text).toContain('tidak dapat membeli dari UMKM milik Anda sendiri');
    expect((await session(d))?.cart?.umkmId).not.toBe('UMKM-001');

    await t.app.sessions.save(d.chat.channel, d.chat.chatId, {
      flow: 'menu',
      step: 'main',
      data: {},
      offered: [],
      cart: { umkmId: 'UMKM-001', items: [{ sku: 'UMKM-001-01', qty: 2 }] },
    });
    await d.command('keranjang');
    expect(d.text).toContain('🛒 Ringkasan pesanan');
    await d.press('✅ Konfirmasi pesanan');
    expect(d.text).toContain('Maaf, Anda tidak dapat membeli dari UMKM milik Anda sendiri.');
    expect(d.text).not.toMatch(/Pesanan ORD-\d{8}-\d{5} dibuat/);
    expect(await ordersOf(sari.nip)).toHaveLength(0);
  });
});

describe('confirm', () => {
  test('confirming creates the order in Redis with the items, prices and total', async () => {
    const d = await asn(DEMO.asn2.phone);
    const before = (await ordersOf(DEMO.asn2.nip)).length;
    await addToCart(d, 'Rendang Paru', 2);
    await d.press('✅ Konfirmasi pesanan');
    expect(d.text).toMatch(/✅ Pesanan ORD-\d{8}-\d{5} dibuat\. Total Rp 96\.000\./);
    const order = (await t.app.store.orders.get(orderIdIn(d.text)))!;
    expect(order).toMatchObject({
      asnNip: DEMO.asn2.nip,
      umkmId: 'UMKM-003',
      status: 'confirmed',
      total: 96_000,
      items: [{ sku: 'UMKM-003-02', name: 'Rendang Paru', price: 48_000, qty: 2 }],
    });
    expect(await ordersOf(DEMO.asn2.nip)).toHaveLength(before + 1);
    expect((await session(d))?.cart).toBeUndefined();
    expect(d.text).toContain('Sekarang isi data warga isoman');
  });

  test('a double tap on confirm (the same button pressed twice) creates ONE order', async () => {
    const d = await asn(DEMO.asn2.phone);
    await addToCart(d, 'Rendang Paru', 1);
    const before = (await ordersOf(DEMO.asn2.nip)).length;
    await d.press('✅ Konfirmasi pesanan');
    const id = orderIdIn(d.text);
    await d.choose('co:confirm');
    // a toast on the button; no second "dibuat" screen
    expect(d.notice).toBe('Tombol itu sudah tidak berlaku. Silakan pilih dari pesan terbaru.');
    const after = await ordersOf(DEMO.asn2.nip);
    expect(after).toHaveLength(before + 1);
    expect(after[0]!.id).toBe(id);
  });

  test('two presses of confirm handled at the same time create ONE order', async () => {
    const d = await asn(DEMO.asn2.phone);
    await addToCart(d, 'Rendang Paru', 1);
    const before = (await ordersOf(DEMO.asn2.nip)).length;
    const press = () => t.app.engine.handle({ chat: d.chat, input: { kind: 'choice', id: 'co:confirm' }, fetchMedia: async () => Buffer.alloc(0) });
    const [a, b] = await Promise.all([press(), press()]);
    const ids = [a, b].flatMap((r) => r.messages.map((m) => /ORD-\d{8}-\d{5}/.exec(m.text)?.[0]).filter(Boolean));
    expect(new Set(ids).size).toBe(1);
    expect(await ordersOf(DEMO.asn2.nip)).toHaveLength(before + 1);
  });

  test('two bot instances (own connections) handling the same double tap create ONE order', async () => {
    const other = await createTestApp({ name: 'cart-b', demo: false });
    // the second instance works on the same keys as the first
    const twin = await import('../../../src/app.js').then(({ createApp }) =>
      createApp({
        config: { ...t.app.config },
        redis: other.redis,
        redisUrl: other.app.config.REDIS_URL!,
        logger: t.app.logger,
        effects: async () => undefined,
      }),
    );
    try {
      await twin.ready();
      for (let round = 0; round < 5; round++) {
        const d = await asn(DEMO.asn2.phone);
        await addToCart(d, 'Rendang Paru', 1);
        const before = (await ordersOf(DEMO.asn2.nip)).length;
        const input = { kind: 'choice' as const, id: 'co:confirm' };
        const fetchMedia = async () => Buffer.alloc(0);
        await Promise.all([t.app.engine.handle({ chat: d.chat, input, fetchMedia }), twin.engine.handle({ chat: d.chat, input, fetchMedia })]);
        expect(await ordersOf(DEMO.asn2.nip)).toHaveLength(before + 1);
      }
    } finally {
      await twin.close();
      await other.close();
    }
  });
});
