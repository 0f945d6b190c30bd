import { addToCart, createDriver, createTestApp, type Driver, jpeg, openProduct, orderIdIn, type TestApp } from '../../support/engine-driver.js';

/** Answers that help (issue 15): inputs that went wrong before, each answered so the next try works. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ name: 'helpful-answers' });
});
afterAll(async () => {
  await t.close();
});

/** Demo ASN not used by other suites of this app (each test its own person). */
const PHONES = { own: '+6289900000017', quantity: '+6289900000018', photo: '+6289900000019', kelurahan: '+6289900000020', english: '+6289900000021' };

async function asn(phone: string): Promise<Driver> {
  const d = createDriver(t.app);
  await d.register(phone);
  return d;
}

/** A confirmed order, on the recipient's phone question. */
async function atPhoneStep(d: Driver): Promise<string> {
  await addToCart(d, 'Rendang Paru', 1);
  await d.press('✅ Konfirmasi pesanan');
  const id = orderIdIn(d.text);
  await d.press('➕ Penerima baru');
  await d.say('Wulan Sari Dewi');
  return id;
}

test('the buyer\'s own number as the recipient\'s is asked back; yes goes on, no asks the number again; the phone step has "Menu utama"', async () => {
  const d = await asn(PHONES.own);
  await atPhoneStep(d);
  expect(d.text).toContain('Nomor HP penerima');
  expect(d.labels).toEqual(['⬅️ Kembali', '🏠 Menu utama']);
  await d.say('0899 0000 0017');
  expect(d.text).toBe('0899-0000-0017 adalah nomor Anda sendiri. Penerima adalah Anda sendiri?');
  expect(d.labels).toEqual(['✅ Ya, saya penerimanya', '✏️ Bukan, ganti nomor', '🏠 Menu utama']);
  await d.say('bukan');
  expect(d.text).toContain('Nomor HP penerima');
  await d.say('+62 899-0000-0017');
  await d.say('ya');
  expect(d.text).toContain('Alamat lengkap penerima');
  await d.say('Jl. Melati No. 5, RT 02/RW 03');
  await d.press('Beji');
  await d.press('Kukusan');
  await d.press('rn:skip');
  expect(d.text).toContain('📱 0899-0000-0017');
  // another number goes straight on, and "Menu utama" from the phone question leaves the form
  const other = await asn(PHONES.own);
  await atPhoneStep(other);
  await other.press('🏠 Menu utama');
  expect(other.text).toContain('Silakan pilih menu');
});

test('a quantity that looks like a price is asked back, never bought as typed', async () => {
  const d = await asn(PHONES.quantity);
  await openProduct(d, 'Rendang Paru');
  await d.press('buy');
  expect(d.text).toContain('Berapa jumlah yang ingin Anda beli? Rendang Paru');
  await d.say('15rb');
  expect(d.text).toBe('"15rb" terlihat seperti harga. Maksudnya 15 buah?');
  expect(d.labels[0]).toBe('✅ Ya, 15 buah');
  expect(d.text).not.toContain('masuk keranjang');
  await d.say('2'); // another number is the quantity
  expect(d.text).toContain('✅ 2 × Rendang Paru masuk keranjang.');
  await openProduct(d, 'Rendang Daging Sapi');
  await d.press('buy');
  await d.say('Rp 15.000');
  expect(d.text).toContain('Maksudnya 15 buah?');
  await d.say('ya');
  expect(d.text).toContain('✅ 15 × Rendang Daging Sapi masuk keranjang.');
  await openProduct(d, 'Dendeng Balado');
  await d.press('buy');
  await d.say('150rb');
  expect(d.text).toContain('Itu terlihat seperti harga. Ketik jumlah barang yang ingin Anda beli (1–99), misalnya 2.');
  expect(d.text).toContain('Berapa jumlah yang ingin Anda beli? Dendeng Balado');
});

test('a receipt photo with no order waiting for one says so', async () => {
  const d = await asn(PHONES.photo);
  await d.sendPhoto(await jpeg(7));
  expect(d.text).toContain('Tidak ada pesanan yang menunggu bukti pembayaran, jadi foto ini tidak kami simpan.');
  expect(d.text).toContain('Silakan pilih menu');
});

test('typed words that start two buttons list the two', async () => {
  const d = await asn(PHONES.kelurahan);
  await atPhoneStep(d);
  await d.say('0812 3456 7890');
  await d.say('Jl. Melati No. 5, RT 02/RW 03');
  await d.press('Pancoran Mas');
  await d.say('rangkapan');
  expect(d.text).toContain(
    '"rangkapan" cocok dengan lebih dari satu pilihan:\n• Rangkapan Jaya\n• Rangkapan Jaya Baru\nPilih salah satunya, atau ketik namanya lebih lengkap.',
  );
  await d.say('rangkapan jaya baru');
  expect(d.text).toContain('Catatan untuk pengantar');
});

test('in English: the question asked back, and amounts written the English way', async () => {
  const d = await asn(PHONES.english);
  await d.command('bahasa');
  await d.press('lang:en');
  await openProduct(d, 'Rendang Paru');
  expect(d.text).toContain('Rp 48,000');
  await d.press('buy');
  await d.say('15.000');
  expect(d.text).toBe('"15.000" looks like a price. Did you mean 15 items?');
  await d.say('yes');
  expect(d.text).toContain('Total: Rp 720,000');
});
