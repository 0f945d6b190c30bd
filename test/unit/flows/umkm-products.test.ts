import { existsSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { createDriver, createTestApp, DEMO, type Driver, jpeg, openProduct, type TestApp } from '../../support/engine-driver.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ name: 'umkm-products' });
});
afterAll(async () => {
  await t.close();
});

async function register(phone: string): Promise<Driver> {
  const d = createDriver(t.app);
  await d.register(phone);
  return d;
}

/** The owner (Sari, Dapur Bu Sari) on the detail of one of her products. */
async function ownerOn(product: string): Promise<Driver> {
  const owner = await register(DEMO.owner.phone);
  await owner.command('produk');
  const label = owner.labels.find((l) => l.includes(` ${product} · `));
  if (!label) throw new Error(`${product} not in ${owner.labels.join(' | ')}`);
  await owner.press(label);
  return owner;
}

/** Product names an ASN finds by searching `query`. */
async function searchNames(asn: Driver, query: string): Promise<string[]> {
  await asn.command('cari');
  await asn.say(query);
  return asn.last
    .flatMap((m) => m.choices ?? [])
    .filter((c) => c.id.startsWith('p:'))
    .map((c) => c.label);
}

describe('owners keep their own products current', () => {
  test('the list shows only their products with price and status', async () => {
    const owner = await register(DEMO.owner.phone);
    await owner.press('🏷️ Produk saya (UMKM)');
    expect(owner.text).toContain('Produk Dapur Bu Sari (3 produk, halaman 1/1)');
    expect(owner.text).toContain('Nasi Box Ayam Bakar — Rp 25.000/box · ✅ tersedia');
    expect(owner.labels).toEqual([
      '✅ Nasi Box Ayam Bakar · Rp 25.000',
      '✅ Nasi Box Ikan Nila Goreng · Rp 23.000',
      '✅ Paket Lauk Isoman 3 Hari · Rp 135.000',
      '➕ Tambah produk',
      '🏠 Menu utama',
    ]);
    expect(owner.text).not.toContain('Keripik');
    // Another UMKM's product by a forged button: refused, nothing opens.
    await owner.choose('pp:UMKM-002-01');
    expect(owner.text).toContain('Tombol itu sudah tidak berlaku');
  });

  test('a price change refuses abc, 0, -5 and 1,5 with reasons, takes Rp 27.500, and browsing shows it', async () => {
    const owner = await ownerOn('Nasi Box Ayam Bakar');
    expect(owner.text).toContain('💰 Rp 25.000 / box');
    await owner.press('💰 Ubah harga');
    expect(owner.text).toContain('Harga Nasi Box Ayam Bakar sekarang Rp 25.000/box');
    const refused: [string, string][] = [
      ['abc', 'Harga harus berupa angka dalam Rupiah'],
      ['0', 'Harga harus lebih dari Rp 0'],
      ['-5', 'Harga harus lebih dari Rp 0'],
      ['1,5', 'Harga harus angka bulat Rupiah tanpa koma'],
      ['250.000.000', 'Harga terlalu besar'],
    ];
    for (const [typed, reason] of refused) {
      await owner.say(typed);
      expect(owner.text).toContain(reason);
      expect(owner.text).toContain('Ketik harga baru'); // still on the price step
    }
    expect((await t.app.store.catalogue.product('UMKM-001-01'))!.price).toBe(25000);
    await owner.say('Rp 27.500');
    expect(owner.text).toContain('Harga Nasi Box Ayam Bakar diubah dari Rp 25.000 menjadi Rp 27.500');
    expect((await t.app.store.catalogue.product('UMKM-001-01'))!.price).toBe(27500);

    // `15` is never Rp 15: the owner is asked whether they meant Rp 15.000; shorthands are taken.
    await owner.press('💰 Ubah harga');
    await owner.say('15');
    expect(owner.text).toContain('Harga terlalu rendah (minimal Rp 500). Maksud Anda Rp 15.000? Ketik 15000 atau 15rb.');
    expect(owner.text).toContain('Ketik harga baru');
    expect((await t.app.store.catalogue.product('UMKM-001-01'))!.price).toBe(27500);
    await owner.say('15 ribu');
    expect(owner.text).toContain('Harga Nasi Box Ayam Bakar diubah dari Rp 27.500 menjadi Rp 15.000');
    await owner.press('💰 Ubah harga');
    await owner.say('27,5rb');
    expect(owner.text).toContain('diubah dari Rp 15.000 menjadi Rp 27.500');
    await owner.press('💰 Ubah harga');
    await owner.say('27500'); // the same price: nothing claimed as changed
    expect(owner.text).toContain('Harga Nasi Box Ayam Bakar sudah Rp 27.500; tidak ada yang diubah.');
    expect(owner.text).not.toContain('diubah dari');

    const asn = await register(DEMO.asn.phone);
    expect(await searchNames(asn, 'Nasi Box Ayam Bakar')).toContain('Nasi Box Ayam Bakar · Rp 27.500');
  });

  test('sold out vanishes from browsing at once; available brings it back', async () => {
    const asn = await register(DEMO.asn.phone);
    expect((await searchNames(asn, 'Ikan Nila')).some((l) => l.startsWith('Nasi Box Ikan Nila Goreng'))).toBe(true);
    await openProduct(asn, 'Nasi Box Ikan Nila Goreng'); // the ASN has the product open

    const owner = await ownerOn('Nasi Box Ikan Nila Goreng');
    await owner.press('⛔ Tandai habis');
    expect(owner.text).toContain('Nasi Box Ikan Nila Goreng ditandai habis dan tidak tampil lagi di katalog');
    expect(owner.labels).toContain('✅ Tandai tersedia');

    await asn.press('buy'); // the open product can no longer go into the cart
    expect(asn.text).toContain('produk itu sedang tidak tersedia');
    expect(asn.text).not.toContain('Berapa jumlah yang ingin Anda beli');
    expect(asn.ids).not.toContain('co:confirm');
    expect((await searchNames(asn, 'Ikan Nila')).some((l) => l.startsWith('Nasi Box Ikan Nila Goreng'))).toBe(false);
    await asn.command('menu');
    await asn.press('m:browse');
    await asn.press('🍱 Kuliner');
    await asn.say('Beji'); // the button reads "Beji (n)"
    const pages = [asn.labels.join('\n')];
    while (asn.ids.includes('pg:next') && pages.length < 20) pages.push((await asn.press('pg:next')) && asn.labels.join('\n'));
    const beji = pages.join('\n');
    expect(beji).toContain('Paket Lauk Isoman 3 Hari');
    expect(beji).not.toContain('Ikan Nila');

    await owner.press('✅ Tandai tersedia');
    expect(owner.text).toContain('tersedia lagi dan tampil di katalog');
    expect((await searchNames(asn, 'Ikan Nila')).some((l) => l.startsWith('Nasi Box Ikan Nila Goreng'))).toBe(true);
  });

  test('a new product: name of 2 and 81 characters, bad price and unit refused; photo sniffed and stored', async () => {
    const owner = await register(DEMO.owner.phone);
    await owner.command('produk');
    await owner.press('➕ Tambah produk');
    expect(owner.text).toContain('Nama produk baru (3–80 karakter');
    await owner.say('Ab');
    expect(owner.text).toContain('Nama produk terlalu pendek (minimal 3 karakter)');
    await owner.say('N'.repeat(81));
    expect(owner.text).toContain('Nama produk terlalu panjang (maksimal 80 karakter)');
    await owner.say('Nasi Uduk Komplit');
    expect(owner.text).toContain('Harga Nasi Uduk Komplit dalam Rupiah');
    await owner.say('abc');
    expect(owner.text).toContain('Harga harus berupa angka');
    await owner.say('18');
    expect(owner.text).toContain('Maksud Anda Rp 18.000? Ketik 18000 atau 18rb.');
    await owner.say('18k');
    expect(owner.text).toContain('Satuan penjualan (1–20 karakter');
    await owner.say('porsi besar dengan kotak');
    expect(owner.text).toContain('Satuan terlalu panjang (maksimal 20 karakter)');
    await owner.say('box');
    expect(owner.text).toContain('Kirim foto produk');
    await owner.say('fotonya nanti');
    expect(owner.text).toContain('Mohon kirim foto produk, atau pilih "Tanpa foto"');
    await owner.sendPhoto(Buffer.from('%PDF-1.4 not an image'));
    expect(owner.text).toContain('File itu bukan gambar yang bisa kami baca');
    await owner.sendPhoto(await jpeg(7, 200));
    expect(owner.text).toContain('Produk baru ditambahkan: Nasi Uduk Komplit, Rp 18.000/box');

    const added = (await t.app.store.catalogue.productsOfUmkm('UMKM-001')).find((p) => p.name === 'Nasi Uduk Komplit')!;
    expect(added).toMatchObject({ sku: 'UMKM-001-04', price: 18000, unit: 'box', available: true });
    expect(added.photo).toMatch(/^products\/[0-9a-f]{64}\.jpg$/);
    expect(existsSync(path.join(t.mediaDir, added.photo!))).toBe(true);
    expect(owner.last.find((m) => m.photo)?.photo?.path).toBe(added.photo);

    const asn = await register(DEMO.asn.phone);
    expect(await searchNames(asn, 'Nasi Uduk')).toContain('Nasi Uduk Komplit · Rp 18.000');
  });

  test('an owner changes a product photo by sending it on the product screen or with "Ganti foto"; EXIF is removed', async () => {
    const owner = await ownerOn('Nasi Box Ikan Nila Goreng');
    expect(owner.text).toContain('Status: ✅ tersedia\nNasi, nila goreng, sayur asem, sambal terasi'); // a description is shown
    expect(owner.labels).toEqual(['💰 Ubah harga', '⛔ Tandai habis', '🖼️ Tambah foto', '⬅️ Kembali', '🏠 Menu utama']);
    const withGps = await sharp(await jpeg(11, 120))
      .jpeg()
      .withExif({ IFD3: { GPSLatitudeRef: 'S', GPSLatitude: '6/1 24/1 0/1' } })
      .toBuffer();
    await owner.sendPhoto(withGps);
    expect(owner.text).toContain('Foto Nasi Box Ikan Nila Goreng sudah diganti dan tampil di katalog. ✅');
    const first = (await t.app.store.catalogue.product('UMKM-001-02'))!.photo!;
    expect(first).toMatch(/^products\/[0-9a-f]{64}\.jpg$/);
    expect((await sharp(path.join(t.mediaDir, first)).metadata()).exif).toBeUndefined();
    expect(owner.last.find((m) => m.photo)?.photo?.path).toBe(first);
    expect(owner.labels).toContain('🖼️ Ganti foto');

    await owner.press('🖼️ Ganti foto');
    expect(owner.text).toContain('Kirim foto baru untuk Nasi Box Ikan Nila Goreng (JPG atau PNG)');
    await owner.say('nanti');
    expect(owner.text).toContain('Mohon kirim fotonya (JPG atau PNG), atau tekan "Kembali".');
    await owner.sendPhoto(Buffer.from('not an image'));
    expect(owner.text).toContain('File itu bukan gambar yang bisa kami baca');
    await owner.sendPhoto(await jpeg(12, 120));
    expect(owner.text).toContain('Foto Nasi Box Ikan Nila Goreng sudah diganti');
    const second = (await t.app.store.catalogue.product('UMKM-001-02'))!.photo!;
    expect(second).not.toBe(first);
    expect(existsSync(path.join(t.mediaDir, second))).toBe(true);

    // A wrong input on the product screen answers without sending the photo again.
    await owner.say('halo');
    expect(owner.text).toContain('Silakan pilih salah satu tombol');
    expect(owner.last.some((m) => m.photo)).toBe(false);
  });

  test('a product without a photo; more than 5 products page; an ASN cannot open owner screens', async () => {
    const owner = await register(DEMO.owner.phone);
    for (const name of ['Es Teh Manis', 'Sayur Asem']) {
      await owner.command('produk');
      await owner.press('➕ Tambah produk');
      await owner.say(name);
      await owner.say('5000');
      await owner.say('gelas');
      await owner.press('⏭️ Tanpa foto');
      expect(owner.text).toContain(`Produk baru ditambahkan: ${name}, Rp 5.000/gelas`);
      // No description: the product ends with its status, no lone "-".
      expect(owner.text).toContain(`${name}\n💰 Rp 5.000 / gelas\nStatus: ✅ tersedia`);
      expect(owner.text).not.toMatch(/^-$/m);
    }
    const skus = (await t.app.store.catalogue.productsOfUmkm('UMKM-001')).map((p) => p.sku).sort();
    expect(skus).toEqual(['UMKM-001-01', 'UMKM-001-02', 'UMKM-001-03', 'UMKM-001-04', 'UMKM-001-05', 'UMKM-001-06']);
    await owner.command('produk');
    expect(owner.text).toContain('(6 produk, halaman 1/2)');
    await owner.press('Berikutnya ▶️');
    expect(owner.text).toContain('halaman 2/2');
    expect(owner.labels.filter((l) => l.includes(' · Rp '))).toHaveLength(1);
    // numbered per page, as the numbered buttons of WhatsApp are: the first item of page 2 is 1.
    expect(owner.text).toMatch(/\n1\. /);
    expect(owner.text).not.toMatch(/\n6\. /);

    const asn = await register(DEMO.asn.phone);
    await asn.command('produk');
    expect(asn.text).toContain('perintah itu bukan untuk akun Anda');
    await asn.choose('pe:sold');
    expect(asn.text).toContain('Tombol itu sudah tidak berlaku');
  });
});
