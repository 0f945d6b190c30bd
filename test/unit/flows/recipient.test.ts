import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { addToCart, createDriver, createTestApp, DEMO, type Driver, jpeg, orderIdIn, type TestApp } from '../../support/engine-driver.js';

let t: TestApp;
let wilayah: { kecamatan: string; kelurahan: string }[];
beforeAll(async () => {
  t = await createTestApp({ name: 'recipient' });
  wilayah = parse(await readFile('data/wilayah/depok-wilayah.csv', 'utf8'), { columns: true });
});
afterAll(async () => {
  await t.close();
});

/** A registered ASN with a confirmed order, on the recipient step; returns the order id. */
async function confirmedOrder(phone: string = DEMO.asn.phone): Promise<{ d: Driver; orderId: string }> {
  const d = createDriver(t.app);
  await d.register(phone);
  await addToCart(d, 'Rendang Paru', 1);
  await d.press('✅ Konfirmasi pesanan');
  return { d, orderId: orderIdIn(d.text) };
}

describe('a new recipient, field by field', () => {
  test('bad name, bad phone, short address are refused with the reason; kecamatan then kelurahan from the real list; note skipped', async () => {
    const { d, orderId } = await confirmedOrder(DEMO.asn2.phone);
    expect(d.text).toContain('Sekarang isi data warga isoman yang akan menerima paket.');
    expect(d.labels).toEqual(['➕ Penerima baru', '🏠 Menu utama']);
    await d.press('➕ Penerima baru');
    expect(d.text).toContain('Nama lengkap penerima:');

    for (const bad of ['123 Budi', 'A', '@@@', `S${'a'.repeat(90)}`]) {
      await d.say(bad);
      expect(d.text).toContain('Nama harus diawali huruf, 2–80 karakter');
      expect(d.text).toContain('Nama lengkap penerima:');
    }
    await d.say('  Siti   Aminah  ');
    expect(d.text).toContain('Nomor HP penerima (contoh: 0812 3456 7890):');

    for (const bad of ['12345', 'bukan nomor', '0812', '+1 202 555 0100x']) {
      await d.say(bad);
      expect(d.text).toContain('Nomor HP tidak valid. Contoh yang benar: 0812 3456 7890.');
    }
    await d.say('0812-3456-7890');
    expect(d.text).toContain('Alamat lengkap penerima (jalan, nomor rumah, RT/RW):');

    for (const bad of ['Jl. A', '1234567890123', '   ']) {
      await d.say(bad);
      expect(d.text).toContain('Alamat terlalu singkat.');
    }
    await d.say('x'.repeat(301));
    expect(d.text).toContain('Alamat terlalu panjang (maksimal 300 karakter).');
    await d.say('Jl. Melati No. 5, RT 02/RW 03');
    expect(d.text).toContain('Kecamatan tempat tinggal penerima:');
    const kecamatan = [...new Set(wilayah.map((w) => w.kecamatan))].sort((a, b) => a.localeCompare(b, 'id'));
    expect(d.labels).toEqual([...kecamatan, '⬅️ Kembali']);

    await d.say('Kecamatan Beji'); // typed, not a button
    expect(d.text).toContain('Silakan pilih salah satu tombol');
    await d.press('Sukmajaya');
    expect(d.text).toContain('Kelurahan di Kec. Sukmajaya:');
    const kel = wilayah.filter((w) => w.kecamatan === 'Sukmajaya').map((w) => w.kelurahan).sort((a, b) => a.localeCompare(b, 'id'));
    expect(d.labels).toEqual([...kel, '⬅️ Kembali']);
    await d.press('⬅️ Kembali'); // back to kecamatan, pick another
    await d.press('Beji');
    expect(d.labels).toEqual([...wilayah.filter((w) => w.kecamatan === 'Beji').map((w) => w.kelurahan).sort(), '⬅️ Kembali']);
    await d.choose('rl:99'); // forged index
    expect(d.text).toContain('Tombol itu sudah tidak berlaku');
    await d.press('Kukusan');
    expect(d.text).toContain('Catatan untuk pengantar (misalnya patokan rumah), atau lewati:');
    await d.press('⏭️ Lewati');
    expect(d.text).toContain('Penerima: Siti Aminah (Kel. Kukusan). ✅');
    expect(d.text).toContain('Silakan lakukan pembayaran Rp 48.000 kepada Rendang Uni Ratna');

    const order = (await t.app.store.orders.get(orderId))!;
    expect(order.recipient).toMatchObject({
      name: 'Siti Aminah',
      phone: '+6281234567890',
      address: 'Jl. Melati No. 5, RT 02/RW 03',
      kecamatan: 'Beji',
      kelurahan: 'Kukusan',
    });
    expect(order.recipient!.note).toBeUndefined();
    const saved = await t.app.store.recipients.ofAsn(DEMO.asn2.nip);
    expect(saved.map((r) => r.name)).toContain('Siti Aminah');
  });

  test('a typed note is kept', async () => {
    const { d, orderId } = await confirmedOrder();
    await d.press('rc:new');
    await d.say('Budi Santoso');
    await d.say('081298765432');
    await d.say('Gg. Mawar No. 12, RT 01/RW 07');
    await d.press('Cimanggis');
    await d.press('rl:0');
    await d.say('Rumah pagar hijau, depan masjid');
    expect(d.text).toContain('Penerima: Budi Santoso');
    expect((await t.app.store.orders.get(orderId))!.recipient!.note).toBe('Rumah pagar hijau, depan masjid');
  });

  test('"-" or "tidak ada" typed as the note means no note (the courier does not read "Catatan: -")', async () => {
    for (const typed of ['-', 'Tidak ada']) {
      const { d, orderId } = await confirmedOrder();
      await d.press('rc:new');
      await d.say('Budi Santoso');
      await d.say(`0812987654${typed.length}9`);
      await d.say(`Gg. Mawar No. ${typed.length + 20}, RT 01/RW 07`);
      await d.press('Cimanggis');
      await d.press('rl:0');
      await d.say(typed);
      expect(d.text).toContain('Penerima: Budi Santoso');
      expect((await t.app.store.orders.get(orderId))!.recipient!.note).toBeUndefined();
    }
  });
});

describe('an earlier recipient', () => {
  test('is offered again and can be reused in one press', async () => {
    const first = await confirmedOrder(DEMO.asn2.phone);
    await first.d.press('rc:new');
    await first.d.say('Ahmad Fauzi');
    await first.d.say('081211112222');
    await first.d.say('Jl. Kenanga No. 8, RT 04/RW 05');
    await first.d.press('Limo');
    await first.d.press('rl:0');
    await first.d.press('rn:skip');
    const kel = (await t.app.store.orders.get(first.orderId))!.recipient!.kelurahan;

    const { d, orderId } = await confirmedOrder(DEMO.asn2.phone);
    expect(d.text).toContain('Pilih penerima paket: warga isoman yang pernah Anda daftarkan');
    await d.press(`Ahmad Fauzi · ${kel}`);
    expect(d.text).toContain(`Penerima: Ahmad Fauzi (Kel. ${kel}). ✅`);
    expect((await t.app.store.orders.get(orderId))!.recipient).toMatchObject({ name: 'Ahmad Fauzi', phone: '+6281211112222' });
  });

  test('that got a package in the last 7 days: the warning shows the count and lets the user pick another', async () => {
    const asn = DEMO.asn.phone;
    // two paid orders for the same household (the receipt counts the delivery)
    for (let i = 0; i < 2; i++) {
      const { d } = await confirmedOrder(asn);
      if (i === 0) {
        await d.press('rc:new');
        await d.say('Dewi Sartika');
        await d.say('081355556666');
        await d.say('Jl. Dahlia No. 1, RT 01/RW 01');
        await d.press('Tapos');
        await d.press('rl:0');
        await d.press('rn:skip');
      } else {
        await d.press(d.labels.find((l) => l.startsWith('Dewi Sartika'))!);
        expect(d.text).toContain('ℹ️ Penerima ini sudah menerima 1 paket dalam 7 hari terakhir.');
        await d.press('rp:keep');
      }
      await d.sendPhoto(await jpeg(1000 + i));
      expect(d.text).toContain('Bukti pembayaran pesanan');
    }

    const { d, orderId } = await confirmedOrder(asn);
    await d.press(d.labels.find((l) => l.startsWith('Dewi Sartika'))!);
    expect(d.text).toContain('ℹ️ Penerima ini sudah menerima 2 paket dalam 7 hari terakhir.');
    expect(d.labels).toEqual(['👥 Pilih penerima lain', '✅ Tetap kirim ke penerima ini']);
    expect((await t.app.store.orders.get(orderId))!.recipient).toBeUndefined();
    await d.press('👥 Pilih penerima lain');
    expect(d.text).toContain('Pilih penerima paket');
    expect(d.labels).toContain('➕ Penerima baru');

    // a new entry for the same household (same phone) is caught too
    await d.press('rc:new');
    await d.say('Ibu Dewi');
    await d.say('0813-5555-6666');
    await d.say('Jl. Lain No. 99, RT 09/RW 09');
    await d.press('Beji');
    await d.press('Beji Timur');
    await d.press('rn:skip');
    expect(d.text).toContain('sudah menerima 2 paket');
    await d.press('✅ Tetap kirim ke penerima ini');
    expect(d.text).toContain('Penerima: Ibu Dewi (Kel. Beji Timur). ✅');
    expect((await t.app.store.orders.get(orderId))!.recipient!.name).toBe('Ibu Dewi');
  });
});
