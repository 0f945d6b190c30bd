import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { DEMO_DIR } from '../../../src/import/demo.js';
import { createDriver, createTestApp, DEMO, type Driver, jpeg, type TestApp } from '../../support/engine-driver.js';

let t: TestApp;
let products: { sku: string; umkm_id: string; name: string; available: string }[];
let umkms: { id: string; name: string; category: string; kecamatan: string }[];

beforeAll(async () => {
  t = await createTestApp({ name: 'browse' });
  products = parse(await readFile(path.join(DEMO_DIR, 'products.csv'), 'utf8'), { columns: true });
  umkms = parse(await readFile(path.join(DEMO_DIR, 'umkm.csv'), 'utf8'), { columns: true });
});
afterAll(async () => {
  await t.close();
});

async function asn(): Promise<Driver> {
  const d = createDriver(t.app);
  await d.register(DEMO.asn.phone);
  return d;
}

/** Product buttons of the list: "Name · Rp 25.000". */
const productButtons = (d: Driver) => d.last.flatMap((m) => m.choices ?? []).filter((c) => c.id.startsWith('p:'));
const priceOf = (label: string) => Number(/· Rp ([\d.]+)$/.exec(label)![1]!.replace(/\./g, ''));
/** The UMKM names in list order, from the "🏪 name · Kec. x" lines. */
const umkmLines = (text: string) => [...text.matchAll(/🏪 (.+?) · Kec\./g)].map((m) => m[1]!);
/** Available demo products of a category in a kecamatan. */
const availableIn = (category: string, kecamatan: string) => {
  const ids = new Set(umkms.filter((u) => u.category === category && u.kecamatan === kecamatan).map((u) => u.id));
  return products.filter((p) => ids.has(p.umkm_id) && p.available === 'ya').length;
};

/** Every product label over all pages (pressing "Berikutnya" until it is gone). */
async function allPages(d: Driver): Promise<string[]> {
  const labels: string[] = [];
  for (let i = 0; i < 50; i++) {
    labels.push(...productButtons(d).map((c) => c.label));
    if (!d.ids.includes('pg:next')) return labels;
    await d.press('Berikutnya ▶️');
  }
  throw new Error('too many pages');
}

describe('browse: category -> kecamatan -> list -> product', () => {
  test('category and kecamatan buttons come from the real lists', async () => {
    const d = await asn();
    await d.press('🛍️ Lihat katalog UMKM');
    expect(d.text).toContain('Pilih kategori produk:');
    expect(d.labels).toEqual(['🍱 Kuliner', '👕 Fesyen', '🏺 Kriya', '🏠 Menu utama']);
    await d.press('🍱 Kuliner');
    expect(d.text).toContain('Kategori 🍱 Kuliner. Pilih kecamatan UMKM');
    const wilayah: { kecamatan: string }[] = parse(await readFile('data/wilayah/depok-wilayah.csv', 'utf8'), { columns: true });
    const kecamatan = [...new Set(wilayah.map((w) => w.kecamatan))];
    expect(kecamatan).toHaveLength(11);
    // every kecamatan has Kuliner in the demo: all 11, each with its number of products
    expect(
      d.labels
        .slice(1, -1)
        .map((l) => l.replace(/ \(\d+\)$/, ''))
        .sort(),
    ).toEqual(kecamatan.sort());
    expect(d.labels.slice(1, -1)).toContain(`Beji (${availableIn('kuliner', 'Beji')})`);
    expect(d.labels[0]).toBe('📍 Semua kecamatan');
    expect(d.labels.at(-1)).toBe('⬅️ Kembali');
  });

  test('Kriya lists only the kecamatan that have Kriya products, with their count; no choice leads nowhere', async () => {
    const d = await asn();
    await d.press('m:browse');
    await d.press('🏺 Kriya');
    expect(d.text).toBe('Kategori 🏺 Kriya. Pilih kecamatan UMKM (dalam kurung: jumlah produk), atau lihat semua:');
    const withKriya = [...new Set(umkms.filter((u) => u.category === 'kriya').map((u) => u.kecamatan))].filter((k) => availableIn('kriya', k) > 0).sort();
    expect(withKriya.length).toBeGreaterThan(0);
    expect(withKriya.length).toBeLessThan(11);
    expect(d.labels).toEqual(['📍 Semua kecamatan', ...withKriya.map((k) => `${k} (${availableIn('kriya', k)})`), '⬅️ Kembali']);
    expect(d.labels).not.toContain('Cinere');
    for (const id of d.ids) expect(Buffer.byteLength(id)).toBeLessThanOrEqual(64);
    // typed: a kecamatan without Kriya says so and asks again; one with Kriya opens its list
    await d.say('Cinere');
    expect(d.text).toContain('Belum ada produk 🏺 Kriya di Kec. Cinere. Silakan pilih kecamatan dari tombol di bawah.');
    expect(d.text).toContain('Kategori 🏺 Kriya. Pilih kecamatan UMKM');
    await d.say(withKriya[0]!);
    expect(d.text).toContain(`${availableIn('kriya', withKriya[0]!)} produk (halaman 1/1)`);
    expect(d.text).toContain(`Kec. ${withKriya[0]}`);
    await d.say('Kembali');
    expect(d.text).toContain('Kategori 🏺 Kriya. Pilih kecamatan UMKM');
    await d.press('⬅️ Kembali');
    expect(d.text).toBe('Pilih kategori produk:');
  });

  test('a kecamatan sold out meanwhile says so and asks the kecamatan again, the category kept', async () => {
    const d = await asn();
    await d.press('m:browse');
    await d.press('🏺 Kriya');
    const beji = umkms.find((u) => u.category === 'kriya' && u.kecamatan === 'Beji')!;
    const own = (await t.app.store.catalogue.productsOfUmkm(beji.id)).filter((p) => p.available);
    expect(own.length).toBe(availableIn('kriya', 'Beji'));
    await t.app.store.catalogue.upsertProducts(own.map((p) => ({ ...p, available: false })));
    try {
      await d.press(`Beji (${own.length})`);
      expect(d.text).toContain('Maaf, produk 🏺 Kriya di Kec. Beji baru saja habis. Silakan pilih kecamatan lain.');
      expect(d.text).toContain('Kategori 🏺 Kriya. Pilih kecamatan UMKM');
      expect(d.labels.some((l) => l.startsWith('Beji'))).toBe(false);
      expect(d.labels[0]).toBe('📍 Semua kecamatan');
      expect(d.labels.at(-1)).toBe('⬅️ Kembali');
      await d.press('📍 Semua kecamatan');
      const kriya = new Set(umkms.filter((u) => u.category === 'kriya').map((u) => u.id));
      const left = products.filter((p) => kriya.has(p.umkm_id) && p.available === 'ya').length - own.length;
      expect(d.text).toContain(`${left} produk (halaman 1/`);
      expect((await allPages(d)).join('\n')).not.toContain(own[0]!.name);
    } finally {
      await t.app.store.catalogue.upsertProducts(own);
    }
  });

  test('a category with nothing available says so and asks the category again', async () => {
    const d = await asn();
    await d.press('m:browse');
    const kriya = (await t.app.store.catalogue.browse({ category: 'kriya' })).map((l) => l.product);
    await t.app.store.catalogue.upsertProducts(kriya.map((p) => ({ ...p, available: false })));
    try {
      await d.press('🏺 Kriya');
      expect(d.text).toContain('Maaf, produk 🏺 Kriya sedang tidak tersedia. Silakan pilih kategori lain.');
      expect(d.text).toContain('Pilih kategori produk:');
      expect(d.labels).toEqual(['🍱 Kuliner', '👕 Fesyen', '🏺 Kriya', '🏠 Menu utama']);
    } finally {
      await t.app.store.catalogue.upsertProducts(kriya);
    }
  });

  test('the kecamatan buttons read well in English too', async () => {
    const d = await asn();
    await d.command('bahasa');
    await d.press('lang:en');
    await d.press('m:browse');
    await d.press('🏺 Crafts');
    expect(d.text).toBe("Category 🏺 Crafts. Choose the UMKM's district (number of products in brackets), or see all:");
    expect(d.labels).toContain(`Beji (${availableIn('kriya', 'Beji')})`);
    expect(d.labels[0]).toBe('📍 All districts');
    await d.say('Cinere');
    expect(d.text).toContain('There are no 🏺 Crafts products in Kec. Cinere yet.');
  });

  test('the list of one kecamatan shows the fairness line, Rp 25.000 prices and only that kecamatan', async () => {
    const d = await asn();
    await d.press('m:browse');
    await d.press('🍱 Kuliner');
    await d.say('Beji'); // typed; the button reads "Beji (n)"
    expect(d.text).toContain('UMKM yang bulan ini paling sedikit menerima pembayaran (dalam Rupiah) tampil lebih dulu, agar rezeki merata.');
    expect(d.text).toMatch(/— Rp \d{1,3}(\.\d{3})+\//);
    const beji = umkms.filter((u) => u.kecamatan === 'Beji' && u.category === 'kuliner').map((u) => u.name);
    const texts: string[] = [];
    for (let i = 0; i < 5; i++) {
      texts.push(d.text);
      for (const name of umkmLines(d.text)) expect(beji).toContain(name);
      expect(d.text).not.toMatch(/Kec\. (?!Beji)/);
      for (const c of productButtons(d)) expect(c.label).toMatch(/ · Rp \d{1,3}(\.\d{3})*$/);
      if (!d.ids.includes('pg:next')) break;
      await d.press('pg:next');
    }
    // Nasi Box Ayam Bakar of Dapur Bu Sari (Beji), 25000 in the CSV
    expect(texts.join('\n')).toContain('Nasi Box Ayam Bakar — Rp 25.000/box');
  });

  test('paging: next, previous, and the page counter; every product of the category once', async () => {
    const d = await asn();
    await d.press('m:browse');
    await d.press('🍱 Kuliner');
    await d.press('📍 Semua kecamatan');
    const kuliner = new Set(umkms.filter((u) => u.category === 'kuliner').map((u) => u.id));
    const expected = products.filter((p) => kuliner.has(p.umkm_id) && p.available === 'ya');
    const pages = Math.ceil(expected.length / 5);
    expect(d.text).toContain(`${expected.length} produk (halaman 1/${pages})`);
    expect(d.labels).not.toContain('◀️ Sebelumnya');
    const first = productButtons(d).map((c) => c.id);
    expect(first).toHaveLength(5);
    await d.press('Berikutnya ▶️');
    expect(d.text).toContain(`(halaman 2/${pages})`);
    expect(productButtons(d).map((c) => c.id)).not.toEqual(first);
    await d.press('◀️ Sebelumnya');
    expect(d.text).toContain(`(halaman 1/${pages})`);
    expect(productButtons(d).map((c) => c.id)).toEqual(first);
    const all = await allPages(d);
    expect(d.text).toContain(`(halaman ${pages}/${pages})`);
    expect(d.labels).not.toContain('Berikutnya ▶️');
    expect(all).toHaveLength(expected.length);
    expect(new Set(all).size).toBe(expected.length);
  });

  test('sorting by price really sorts ascending over every page, and can go back to the fair order', async () => {
    const d = await asn();
    await d.press('m:browse');
    await d.press('🍱 Kuliner');
    await d.press('📍 Semua kecamatan');
    await d.press('💰 Urutkan harga termurah');
    expect(d.text).toContain('Diurutkan dari harga termurah.');
    expect(d.text).toContain('(halaman 1/');
    const prices = (await allPages(d)).map(priceOf);
    expect(prices.length).toBeGreaterThan(20);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
    expect(new Set(prices).size).toBeGreaterThan(5); // a real spread, not all equal
    await d.press('⚖️ Urutan pemerataan');
    expect(d.text).toContain('agar rezeki merata');
  });

  test('a UMKM with fewer orders this month comes first', async () => {
    const d = await asn();
    const open = async () => {
      await d.command('menu');
      await d.press('m:browse');
      await d.press('🍱 Kuliner');
      await d.say('Beji'); // typed; the button reads "Beji (n)"
      return umkmLines(d.text);
    };
    const before = await open();
    const distinct = [...new Set(before)];
    expect(distinct.length).toBeGreaterThanOrEqual(2);
    const top = umkms.find((u) => u.name === distinct[0])!;
    // the UMKM now on top gets three orders this month: it must move behind the others
    const sku = products.find((p) => p.umkm_id === top.id && p.available === 'ya')!.sku;
    for (let i = 0; i < 3; i++) {
      await t.app.store.orders.createOnce(`fair-${i}`, { asnNip: DEMO.asn2.nip, umkmId: top.id, items: [{ sku, name: 'x', price: 1000, qty: 1 }] });
    }
    const after = await open();
    expect(after[0]).not.toBe(top.name);
    expect(after.indexOf(top.name)).toBe(distinct.length - 1);
  });

  test('Rupiah paid this month weighs before the number of orders', async () => {
    const d = await asn();
    const open = async () => {
      await d.command('menu');
      await d.press('m:browse');
      await d.press('🍱 Kuliner');
      await d.say('Sawangan');
      return [...new Set(umkmLines(d.text))];
    };
    const before = await open();
    expect(before.length).toBeGreaterThanOrEqual(2);
    const [first, second] = before.map((name) => umkms.find((u) => u.name === name)!);
    const skuOf = (id: string) => products.find((p) => p.umkm_id === id && p.available === 'ya')!.sku;
    // the first gets one paid order; the second two orders never paid: the paid Rupiah counts more
    const paid = await t.app.store.orders.createOnce('rupiah-paid', {
      asnNip: DEMO.asn2.nip,
      umkmId: first!.id,
      items: [{ sku: skuOf(first!.id), name: 'x', price: 50000, qty: 1 }],
    });
    expect((await t.app.store.orders.update(paid.id, { status: 'paid' }, 'asn')).ok).toBe(true);
    for (let i = 0; i < 2; i++) {
      await t.app.store.orders.createOnce(`rupiah-unpaid-${i}`, {
        asnNip: DEMO.asn2.nip,
        umkmId: second!.id,
        items: [{ sku: skuOf(second!.id), name: 'x', price: 1000, qty: 1 }],
      });
    }
    const after = await open();
    expect(after.indexOf(first!.name)).toBe(after.length - 1);
    expect(after.indexOf(second!.name)).toBeLessThan(after.indexOf(first!.name));
  });

  test('the fair-ordering note and sort button show on lists that mix UMKM only', async () => {
    const d = await asn();
    await d.press('m:browse');
    await d.press('🏺 Kriya');
    await d.say('Beji'); // one Kriya UMKM in Beji
    expect(new Set(umkmLines(d.text)).size).toBe(1);
    expect(d.text).not.toContain('agar rezeki merata');
    expect(d.labels).not.toContain('💰 Urutkan harga termurah');
    expect(d.labels.slice(-2)).toEqual(['⬅️ Kembali', '🏠 Menu utama']);
    await d.press('⬅️ Kembali');
    await d.press('📍 Semua kecamatan');
    expect(new Set(umkmLines(d.text)).size).toBeGreaterThan(1);
    expect(d.text).toContain('UMKM yang bulan ini paling sedikit menerima pembayaran (dalam Rupiah) tampil lebih dulu, agar rezeki merata.');
    expect(d.labels).toContain('💰 Urutkan harga termurah');
  });

  test('product detail shows price, unit, description, UMKM and the photo', async () => {
    const d = await asn();
    await d.command('cari');
    await d.say('ayam bakar');
    await d.press('Nasi Box Ayam Bakar · Rp 25.000');
    const [m] = d.last;
    expect(m!.text).toContain('Nasi Box Ayam Bakar');
    expect(m!.text).toContain('💰 Rp 25.000 / box');
    expect(m!.text).toContain('Nasi, ayam bakar, lalapan, sambal, tahu tempe');
    expect(m!.text).toContain('🏪 Dapur Bu Sari (🍱 Kuliner)');
    expect(m!.text).toContain('📍 Kel. Beji, Kec. Beji');
    expect(m!.photo).toEqual({ path: expect.stringMatching(/^products\/[0-9a-f]{64}\.jpg$/) }); // the demo photo, stored cleaned at import
    expect(d.labels).toEqual(['🛒 Beli', '⬅️ Kembali', '🏠 Menu utama']);
    await d.press('⬅️ Kembali');
    expect(d.labels).toContain('Nasi Box Ayam Bakar · Rp 25.000');
  });

  test('a product without a description shows no lone "-" line', async () => {
    const d = await asn();
    const p = (await t.app.store.catalogue.product('UMKM-001-01'))!;
    await t.app.store.catalogue.upsertProducts([{ ...p, description: '' }]);
    try {
      await d.command('cari');
      await d.say('ayam bakar');
      await d.press('Nasi Box Ayam Bakar · Rp 25.000');
      expect(d.last[0]!.text).toBe('Nasi Box Ayam Bakar\n💰 Rp 25.000 / box\n\n🏪 Dapur Bu Sari (🍱 Kuliner)\n📍 Kel. Beji, Kec. Beji');
      expect(d.text).not.toMatch(/^-$/m);
    } finally {
      await t.app.store.catalogue.upsertProducts([p]);
    }
  });

  test('sold-out products are never listed nor found', async () => {
    const d = await asn();
    const soldOut = products.filter((p) => p.available === 'tidak');
    expect(soldOut.length).toBeGreaterThan(0);
    for (const cat of ['🍱 Kuliner', '👕 Fesyen', '🏺 Kriya']) {
      await d.command('menu');
      await d.press('m:browse');
      await d.press(cat);
      await d.press('📍 Semua kecamatan');
      const all = (await allPages(d)).join('\n');
      for (const p of soldOut) expect(all).not.toContain(`${p.name} ·`);
    }
    await d.command('cari');
    await d.say('Sambal Bawang Original'); // sold out in the demo
    expect(d.ids).not.toContain('p:UMKM-014-01');
  });

  test('a product sold out while its page is open is refused on press', async () => {
    const d = await asn();
    await d.command('cari');
    await d.say('Rendang Paru');
    const p = (await t.app.store.catalogue.product('UMKM-003-02'))!;
    await t.app.store.catalogue.upsertProducts([{ ...p, available: false }]);
    try {
      await d.press('p:UMKM-003-02');
      expect(d.text).toContain('Maaf, produk itu sedang tidak tersedia.');
      expect(d.ids).not.toContain('buy');
    } finally {
      await t.app.store.catalogue.upsertProducts([p]);
    }
  });
});

describe('search', () => {
  test('a typo still finds the product: "rendag" -> Rendang', async () => {
    const d = await asn();
    await d.press('🔎 Cari produk');
    expect(d.text).toContain('Ketik nama produk atau nama UMKM yang Anda cari');
    await d.say('rendag');
    expect(d.labels).toEqual(expect.arrayContaining(['Rendang Daging Sapi · Rp 65.000', 'Rendang Paru · Rp 48.000']));
    expect(d.text).not.toContain('agar rezeki merata'); // search keeps relevance order
  });

  test('the name of a UMKM finds its products', async () => {
    const d = await asn();
    await d.command('cari');
    await d.say('mak nah');
    const own = products.filter((p) => p.umkm_id === 'UMKM-002' && p.available === 'ya').map((p) => `p:${p.sku}`);
    expect(
      productButtons(d)
        .map((c) => c.id)
        .sort(),
    ).toEqual(own.sort());
    expect(d.text).toContain('🏪 Keripik Tempe Mak Nah');
  });

  test('nothing found says so with the query, and a new search can be typed right away', async () => {
    const d = await asn();
    await d.command('cari');
    await d.say('zzqxw');
    expect(d.text).toContain('Tidak ada produk yang cocok dengan "zzqxw". Coba kata lain.');
    expect(d.labels).toEqual(['🔎 Cari produk', '🛍️ Lihat katalog UMKM', '⬅️ Kembali', '🏠 Menu utama']);
    await d.press('🔎 Cari produk');
    await d.say('keripik');
    expect(d.text).toContain('Keripik Tempe Original');
  });

  test('the search question has "Kembali" to the menu, and "Kembali" typed is not searched for', async () => {
    const d = await asn();
    await d.press('🔎 Cari produk');
    expect(d.text).toBe('Ketik nama produk atau nama UMKM yang Anda cari (contoh: nasi box, keripik, batik):');
    expect(d.labels).toEqual(['⬅️ Kembali', '🏠 Menu utama']);
    await d.say('Kembali');
    expect(d.text).not.toContain('Tidak ada produk yang cocok');
    expect(d.text).toContain('Halo, Rina Kartikasari! Silakan pilih menu:');
    await d.command('cari');
    await d.press('⬅️ Kembali');
    expect(d.text).toContain('Halo, Rina Kartikasari! Silakan pilih menu:');
    // from the results, Kembali asks the search again; from there, Kembali is the menu
    await d.command('cari');
    await d.say('zzqxw');
    await d.say('kembali');
    expect(d.text).toBe('Ketik nama produk atau nama UMKM yang Anda cari (contoh: nasi box, keripik, batik):');
    await d.say('kembali');
    expect(d.text).toContain('Silakan pilih menu:');
  });

  test("products named after the query come before those found through their UMKM's name", async () => {
    const d = await asn();
    await d.command('cari');
    await d.say('batik');
    const labels = await allPages(d);
    const named = labels.map((l) => /batik/i.test(l.split(' · ')[0]!));
    expect(named).toContain(true);
    expect(named).toContain(false); // "Peci Rajut" of a batik shop is still found...
    expect(named.indexOf(false)).toBe(named.lastIndexOf(true) + 1); // ...but after every batik product
    expect(labels.indexOf('Peci Rajut · Rp 35.000')).toBeGreaterThan(labels.findIndex((l) => l.startsWith('Kemeja Batik')));
  });

  test('English list counts read "1 product", "2 products"', async () => {
    const d = await asn();
    await d.command('bahasa');
    await d.press('lang:en');
    await d.command('cari');
    await d.say('Rendang Paru');
    expect(d.text).toContain('1 product (page 1/1):');
    expect(d.text).not.toContain('1 products');
    await d.command('cari');
    await d.say('mak nah');
    expect(d.text).toMatch(/^\d+ products \(page 1\/\d+\):/m);
  });

  test('a photo sent when nothing was found asks for the search words again (there are no product buttons)', async () => {
    const d = await asn();
    await d.command('cari');
    await d.say('zzqxw');
    await d.sendPhoto(await jpeg(1));
    expect(d.text).not.toContain('Silakan pilih produk dari tombol');
    expect(d.text).toBe('Silakan ketik kata yang dicari.\n\nKetik nama produk atau nama UMKM yang Anda cari (contoh: nasi box, keripik, batik):');
    await d.say('keripik');
    expect(d.text).toContain('Keripik Tempe Original');
    // with products listed, a photo is still asked to pick one
    await d.sendPhoto(await jpeg(2));
    expect(d.text).toContain('Silakan pilih produk dari tombol di bawah');
  });

  test('too short, not text', async () => {
    const d = await asn();
    await d.command('cari');
    await d.say('a');
    expect(d.text).toContain('Kata pencarian terlalu pendek. Ketik minimal 2 huruf.');
    await d.say('🙂🙂');
    expect(d.text).toContain('Emoji itu belum bisa kami cari. Ketik nama produknya dengan huruf');
    await d.sendContact('+628123', true);
    expect(d.text).toContain('Silakan ketik kata yang dicari.');
  });

  test('/cari with words searches at once, also in English (/search)', async () => {
    const d = await asn();
    await d.command('cari', 'kripik');
    expect(d.text).not.toContain('Ketik nama produk atau nama UMKM');
    expect(d.text).toContain('Keripik Tempe Original');
    expect(d.text).not.toContain('Keramik');
    await d.command('search', 'baso');
    expect(d.text).toContain('Bakso Urat Frozen');
  });

  test('an emoji-only query after a "not found" gets its own answer, not the older query\'s', async () => {
    const d = await asn();
    await d.command('cari');
    await d.say('zzqxw');
    expect(d.text).toContain('Tidak ada produk yang cocok dengan "zzqxw"');
    await d.say('🤔');
    expect(d.text).not.toContain('zzqxw');
    expect(d.text).toBe(
      'Emoji itu belum bisa kami cari. Ketik nama produknya dengan huruf, contoh: keripik, rendang, batik.\n\nKetik nama produk atau nama UMKM yang Anda cari (contoh: nasi box, keripik, batik):',
    );
    // a product emoji is searched as its word, at the menu too
    await d.command('menu');
    await d.say('☕');
    expect(d.text).toContain('Kopi Bubuk Robusta');
  });
});

test('"Kembali" from a list without a category asks for the category (never a raw message key)', async () => {
  const d = await asn();
  // A session whose list lost its category (as lists opened from elsewhere could before).
  await t.app.sessions.save(d.chat.channel, d.chat.chatId, {
    flow: 'browse',
    step: 'list',
    data: { mode: 'browse', page: 0, sort: 'fair' },
    offered: [{ id: 'nav:back', label: '⬅️ Kembali' }],
  });
  await d.choose('nav:back');
  expect(d.text).toBe('Pilih kategori produk:');
  expect(d.text).not.toContain('category-');
  expect(d.labels).toContain('🏠 Menu utama');
});
