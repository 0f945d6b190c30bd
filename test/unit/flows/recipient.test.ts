import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { addToCart, createDriver, createTestApp, DEMO, type Driver, jpeg, newRecipient, orderIdIn, type TestApp } from '../../support/engine-driver.js';

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

describe('the whole recipient in one message (Telegram too)', () => {
  test('offered at the recipient step with an example; several lines are the recipient, the kecamatan found from the kelurahan', async () => {
    const { d, orderId } = await confirmedOrder('+6289900000003'); // demo ASN Dewi, no recipient yet
    expect(d.text).toContain('✍️ Bisa juga sekaligus dalam satu pesan, satu data per baris');
    expect(d.labels).toEqual(['➕ Penerima baru', '🏠 Menu utama']);
    await d.say('Siti Aminah\n0812-3456-7890\nJl. Melati No. 5, RT 02/RW 03\nkel. pondok cina\n-');
    expect(d.text).toContain('✅ Penerima pesanan ini:\n👤 Siti Aminah\n📱 0812-3456-7890\n🏠 Jl. Melati No. 5, RT 02/RW 03, Kel. Pondok Cina, Kec. Beji');
    expect(d.text).not.toContain('📝');
    const o = await t.app.store.orders.get(orderId);
    expect(o?.recipient).toMatchObject({ name: 'Siti Aminah', phone: '+6281234567890', kecamatan: 'Beji', kelurahan: 'Pondok Cina' });
    expect(o?.recipient?.note).toBeUndefined();
  });

  test('a name that breaks the name rule is named; the step asks for it and then the recipient is whole', async () => {
    const { d, orderId } = await confirmedOrder('+6289900000004'); // demo ASN Agus
    await d.press('➕ Penerima baru');
    expect(d.text).toContain('✍️ Bisa juga sekaligus');
    await d.say('123 Budi\n0812-3456-7891\nJl. Melati No. 6, RT 02/RW 03\nKel. Tugu, Kec. Cimanggis');
    expect(d.text).toContain('⚠️ Nama: Nama harus diawali huruf, 2–80 karakter');
    expect(d.text).toContain('Nama lengkap penerima:');
    await d.say('Budi Santoso');
    expect(d.text).toContain('🏠 Jl. Melati No. 6, RT 02/RW 03, Kel. Tugu, Kec. Cimanggis');
    expect((await t.app.store.orders.get(orderId))?.recipient).toMatchObject({ name: 'Budi Santoso', kelurahan: 'Tugu' });
  });
});

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

    // not a number, too short, a Jakarta landline, a foreign mobile: the courier needs an Indonesian HP
    for (const bad of ['12345', 'bukan nomor', '0812', '+1 202 555 0100x', '021 7720 1234', '+62 21 7720 1234', '+1 202 555 0100']) {
      await d.say(bad);
      expect(d.text).toContain('Mohon tulis nomor HP (ponsel) Indonesia penerima, diawali 08 atau +62 8.');
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
    const kel = wilayah
      .filter((w) => w.kecamatan === 'Sukmajaya')
      .map((w) => w.kelurahan)
      .sort((a, b) => a.localeCompare(b, 'id'));
    expect(d.labels).toEqual([...kel, '⬅️ Kembali']);
    await d.press('⬅️ Kembali'); // back to kecamatan, pick another
    await d.press('Beji');
    expect(d.labels).toEqual([
      ...wilayah
        .filter((w) => w.kecamatan === 'Beji')
        .map((w) => w.kelurahan)
        .sort(),
      '⬅️ Kembali',
    ]);
    await d.choose('rl:99'); // forged index
    expect(d.text).toContain('Tombol itu sudah tidak berlaku');
    await d.press('Kukusan');
    expect(d.text).toContain('Catatan untuk pengantar (misalnya patokan rumah), atau lewati:');
    await d.press('⏭️ Lewati');
    // the whole record, to check before paying
    expect(d.text).toContain('✅ Penerima pesanan ini:\n👤 Siti Aminah\n📱 0812-3456-7890\n🏠 Jl. Melati No. 5, RT 02/RW 03, Kel. Kukusan, Kec. Beji\n');
    expect(d.text).not.toContain('📝');
    expect(d.text).toContain('Silakan lakukan pembayaran Rp 48.000 kepada Rendang Uni Ratna');
    // the UMKM's own account, to copy (issue 12): no phone call to the owner needed
    expect(d.text).toMatch(/🏦 Transfer BNI: \d{10} a\.n\. Ratna Dewi Anggraini/u);
    expect(d.text).not.toContain('dapat ditanyakan');
    expect(d.labels).toEqual(['✏️ Ubah penerima', '❌ Batalkan pesanan', '🏠 Menu utama']);

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
    expect(d.text).toContain('👤 Budi Santoso');
    expect(d.text).toContain('📝 Rumah pagar hijau, depan masjid');
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
      expect(d.text).toContain('👤 Budi Santoso');
      expect(d.text).not.toContain('📝');
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
    expect(d.text).toContain('👤 Ahmad Fauzi\n📱 0812-1111-2222');
    expect(d.text).toContain(`Kel. ${kel}, Kec. Limo`);
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
        expect(d.text).toContain('ℹ️ Dalam 7 hari terakhir sudah ada 1 paket yang dipesan untuk penerima ini.');
        await d.press('rr:keep');
      }
      await d.sendPhoto(await jpeg(1000 + i));
      expect(d.text).toContain('Bukti pembayaran pesanan');
    }

    const { d, orderId } = await confirmedOrder(asn);
    await d.press(d.labels.find((l) => l.startsWith('Dewi Sartika'))!);
    expect(d.text).toContain('ℹ️ Dalam 7 hari terakhir sudah ada 2 paket yang dipesan untuk penerima ini.');
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
    expect(d.text).toContain('sudah ada 2 paket');
    await d.press('✅ Tetap kirim ke penerima ini');
    expect(d.text).toContain('👤 Ibu Dewi');
    expect(d.text).toContain('Kel. Beji Timur, Kec. Beji');
    expect((await t.app.store.orders.get(orderId))!.recipient!.name).toBe('Ibu Dewi');
  });
});

describe('checking and correcting before paying', () => {
  test('"Kembali" at the name question returns to the choice of recipient (it is not taken as a name)', async () => {
    const { d } = await confirmedOrder();
    await d.press('➕ Penerima baru');
    expect(d.labels).toEqual(['⬅️ Kembali', '🏠 Menu utama']);
    await d.say('Kembali'); // typed, as on WhatsApp
    expect(d.text).not.toContain('Nomor HP penerima');
    expect(d.labels).toContain('➕ Penerima baru');
  });

  test('"Ubah penerima" at the payment step: another recipient replaces the first on the order', async () => {
    const { d, orderId } = await confirmedOrder(DEMO.asn2.phone);
    await newRecipient(d, { name: 'Salah Nama', phone: '0812 7777 1111', address: 'Jl. Keliru No. 1, RT 01/RW 01' });
    await d.press('✏️ Ubah penerima');
    expect(d.labels).toContain('➕ Penerima baru');
    await d.press('⬅️ Kembali'); // only looking: back to the payment step, the recipient kept
    expect(d.text).toContain('Silakan lakukan pembayaran');
    expect((await t.app.store.orders.get(orderId))!.recipient!.name).toBe('Salah Nama');
    await d.press('✏️ Ubah penerima');
    await newRecipient(d, { name: 'Nama Benar', phone: '0812 7777 2222', address: 'Jl. Benar No. 2, RT 02/RW 02', kecamatan: 'Limo', kelurahan: 'rl:0' });
    expect(d.text).toContain('👤 Nama Benar');
    expect(d.text).toContain('Silakan lakukan pembayaran');
    expect((await t.app.store.orders.get(orderId))!.recipient).toMatchObject({ name: 'Nama Benar', phone: '+6281277772222' });
  });

  test('an unpaid order can be cancelled after a confirmation; "Tidak" returns to the payment step', async () => {
    const { d, orderId } = await confirmedOrder();
    await newRecipient(d);
    await d.press('❌ Batalkan pesanan');
    expect(d.text).toContain(`Batalkan pesanan ${orderId} (Rp 48.000, Rendang Uni Ratna)?`);
    await d.press('↩️ Tidak, kembali');
    expect(d.text).toContain('Silakan lakukan pembayaran Rp 48.000');
    expect((await t.app.store.orders.get(orderId))!.status).toBe('confirmed');
    await d.press('❌ Batalkan pesanan');
    await d.say('ya'); // one word answers the question
    expect(d.text).toContain(`Pesanan ${orderId} sudah dibatalkan.`);
    expect(d.labels).toContain('🛍️ Lihat katalog UMKM');
    expect((await t.app.store.orders.get(orderId))!.status).toBe('cancelled');
    // a receipt for it now is refused: the order no longer waits for one
    await d.command('riwayat');
    expect(d.text).not.toContain('Lanjutkan');
  });
});

describe('/hapusdata', () => {
  test('with nothing saved says so instead of asking to delete; "Batal" returns to the list', async () => {
    const d = createDriver(t.app);
    await d.register(DEMO.admin.phone);
    await d.command('hapusdata');
    expect(d.text).toContain('Anda belum menyimpan data penerima.');
    expect(d.text).not.toContain('Hapus semua data penerima yang Anda simpan?');

    const { d: d2 } = await confirmedOrder(DEMO.asn2.phone);
    await d2.command('hapusdata');
    expect(d2.text).toContain('Hapus semua data penerima yang Anda simpan?');
    await d2.press('❌ Batal');
    expect(d2.text).toContain('🏠 Penerima yang tersimpan:');
  });
});

describe('/bahasa mid-journey', () => {
  test('after choosing the language, the screen the user was on comes back in that language', async () => {
    const { d } = await confirmedOrder();
    await newRecipient(d);
    expect(d.text).toContain('Silakan lakukan pembayaran Rp 48.000');
    await d.command('bahasa');
    await d.press('🇬🇧 English');
    expect(d.text).toContain('The language is now English.');
    expect(d.text).toContain('Please pay Rp 48,000 to Rendang Uni Ratna');
    expect(d.labels).toContain('✏️ Change the recipient');
    await d.command('language');
    await d.press('🇮🇩 Bahasa Indonesia');
    expect(d.text).toContain('Silakan lakukan pembayaran Rp 48.000');
  });
});

describe('a command named like a button on the screen', () => {
  test('"/lewati" at the courier-note question skips the note (it is not the post-skipping command there)', async () => {
    const { d, orderId } = await confirmedOrder(DEMO.asn2.phone);
    await d.press('rc:new');
    await d.say('Rahmat Hidayat');
    await d.say('0812 5555 4444');
    await d.say('Jl. Anggrek No. 7, RT 03/RW 04');
    await d.press('Beji');
    await d.press('Kukusan');
    expect(d.text).toContain('Catatan untuk pengantar');
    await d.command('lewati');
    expect(d.text).not.toContain('tidak diunggah');
    expect(d.text).toContain('👤 Rahmat Hidayat');
    expect((await t.app.store.orders.get(orderId))!.recipient!.note).toBeUndefined();
    // with nothing waiting for a post link, /lewati says so
    await d.command('lewati');
    expect(d.text).toContain('Tidak ada pesanan Anda yang menunggu tautan unggahan.');
  });
});
