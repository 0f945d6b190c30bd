import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { addToCart, newRecipient, createDriver, createTestApp, DEMO, type Driver, jpeg, orderIdIn, png, type TestApp } from '../../support/engine-driver.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ name: 'receipt' });
});
afterAll(async () => {
  await t.close();
});

let n = 0;
/** A registered ASN with an order up to the receipt step. */
async function atReceipt(phone: string = DEMO.asn.phone): Promise<{ d: Driver; orderId: string }> {
  const d = createDriver(t.app);
  await d.register(phone);
  await addToCart(d, 'Rendang Paru', 2);
  await d.press('co:confirm');
  const orderId = orderIdIn(d.text);
  // a different household each time (the same one would get the 7-day repeat warning)
  n++;
  await newRecipient(d, { phone: `0812 7000 ${String(1000 + n)}`, address: `Jl. Anggrek No. ${n}, RT 01/RW 02` });
  expect(d.text).toContain(`Silakan lakukan pembayaran Rp 96.000 kepada Rendang Uni Ratna untuk pesanan ${orderId}.`);
  t.effects.length = 0;
  return { d, orderId };
}
const order = async (id: string) => (await t.app.store.orders.get(id))!;
const receipts = () => (existsSync(path.join(t.mediaDir, 'receipts')) ? readdirSync(path.join(t.mediaDir, 'receipts')) : []);

describe('receipt', () => {
  test('what is not a photo is refused, the order keeps waiting and nothing is stored', async () => {
    const { d, orderId } = await atReceipt();
    const stored = receipts().length;

    await d.say('sudah saya transfer');
    expect(d.text).toContain('Mohon kirim foto bukti pembayaran (bukan teks).');
    expect(d.text).toContain('Silakan lakukan pembayaran'); // the step again

    // a PDF is taken (test/e2e/whatsapp-pdf-receipt), but not one pdf-lib cannot read
    await d.sendDocument(Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF'), { fileName: 'bukti.pdf', mime: 'application/pdf' });
    expect(d.text).toContain('File itu bukan gambar atau PDF yang bisa kami baca.');
    await d.sendDocument(Buffer.from('tanggal,jumlah\n2026-01-01,96000\n'), { fileName: 'bukti.csv', mime: 'text/csv' });
    expect(d.text).toContain('File itu bukan gambar');

    // declared as a photo, but the bytes are not an image (a PDF, random bytes, a truncated JPEG)
    await d.sendPhoto(Buffer.from('%PDF-1.4\n%%EOF'), { mime: 'image/jpeg' });
    expect(d.text).toContain('File itu bukan gambar');
    await d.sendPhoto(randomBytes(5000));
    expect(d.text).toContain('File itu bukan gambar');
    await d.sendPhoto((await jpeg(7, 256)).subarray(0, 300));
    expect(d.text).toContain('File itu bukan gambar');

    await d.sendContact('+6281234567890', true);
    expect(d.text).toContain('Mohon kirim foto bukti pembayaran');

    expect((await order(orderId)).status).toBe('confirmed');
    expect((await order(orderId)).receipt).toBeUndefined();
    expect(receipts()).toHaveLength(stored);
    expect(t.effects).toEqual([]);
  });

  test('an image over 10 MB is refused (declared size, and real bytes)', async () => {
    const { d, orderId } = await atReceipt();
    await d.sendPhoto(await jpeg(3), { size: 11 * 1024 * 1024 });
    expect(d.text).toContain('Foto terlalu besar (maksimal 10 MB).');
    // a real PNG of noise, over 10 MB, declared without a size
    const w = 2000;
    const big = await sharp(randomBytes(w * w * 3), { raw: { width: w, height: w, channels: 3 } })
      .png({ compressionLevel: 0 })
      .toBuffer();
    expect(big.length).toBeGreaterThan(10 * 1024 * 1024);
    await d.sendPhoto(big);
    expect(d.text).toContain('Foto terlalu besar (maksimal 10 MB).');
    expect((await order(orderId)).status).toBe('confirmed');
  });

  test('an image over 40 megapixels is refused before it is decoded, with a message saying so', async () => {
    const { d, orderId } = await atReceipt();
    const stored = receipts().length;
    // 8000 x 6000 = 48 MP of one colour: a small file (under 10 MB) that would take ~190 MB to decode
    const huge = await sharp({ create: { width: 8000, height: 6000, channels: 3, background: '#ffffff' } })
      .png()
      .toBuffer();
    expect(huge.length).toBeLessThan(10 * 1024 * 1024);
    await d.sendPhoto(huge);
    expect(d.text).toContain('Foto terlalu besar resolusinya (lebih dari 40 megapiksel).');
    expect((await order(orderId)).status).toBe('confirmed');
    expect(receipts()).toHaveLength(stored);
    // 40 MP exactly is still a receipt
    const edge = await sharp({ create: { width: 8000, height: 5000, channels: 3, background: '#ffffff' } })
      .png()
      .toBuffer();
    await d.sendPhoto(edge);
    expect((await order(orderId)).status).toBe('paid');
  });

  test('a JPEG with EXIF GPS is stored under MEDIA_DIR/receipts/<hash>.jpg without any EXIF; the order is paid', async () => {
    const { d, orderId } = await atReceipt();
    const photo = await sharp({ create: { width: 320, height: 240, channels: 3, background: '#3366aa' } })
      .jpeg()
      .withExif({
        IFD0: { Make: 'KameraRahasia', Model: 'HP ASN' },
        IFD3: { GPSLatitudeRef: 'S', GPSLatitude: '6/1 24/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '106/1 49/1 0/1' },
      })
      .toBuffer();
    const inMeta = await sharp(photo).metadata();
    expect(inMeta.exif?.toString('latin1')).toContain('KameraRahasia');
    expect(inMeta.exif!.includes(Buffer.from([0x25, 0x88]))).toBe(true); // the GPS IFD pointer (tag 0x8825)

    await d.sendPhoto(photo, { mime: 'image/jpeg' });
    expect(d.text).toContain(`✅ Bukti pembayaran pesanan ${orderId} (Rp 96.000) diterima.`);

    const hash = createHash('sha256').update(photo).digest('hex');
    const file = path.join(t.mediaDir, 'receipts', `${hash}.jpg`);
    expect(existsSync(file)).toBe(true);
    const bytes = await readFile(file);
    const meta = await sharp(bytes).metadata();
    expect(meta.format).toBe('jpeg');
    expect(meta.exif).toBeUndefined();
    expect(bytes.includes(Buffer.from('KameraRahasia'))).toBe(false);
    expect(meta.width).toBe(320);

    const o = await order(orderId);
    expect(o.status).toBe('paid');
    expect(o.receipt).toEqual({ hash, path: `receipts/${hash}.jpg`, mime: 'image/jpeg' });
  });

  test('the receipt hands the report, the UMKM notice and the post reminder to the queue', async () => {
    const { d, orderId } = await atReceipt();
    await d.sendPhoto(await png(42));
    expect(d.text).toContain('laporan sedang diteruskan ke Kantor Wali Kota');
    expect(t.effects).toEqual(
      expect.arrayContaining([
        { type: 'enqueue-report', orderId },
        { type: 'notify-umkm', orderId, event: 'paid' },
        { type: 'schedule-reminder', orderId },
      ]),
    );
    expect(t.effects).toHaveLength(3);
  });

  test('the same photo for a second order is refused', async () => {
    const photo = await jpeg(77);
    const first = await atReceipt();
    await first.d.sendPhoto(photo);
    expect((await order(first.orderId)).status).toBe('paid');

    const { d, orderId } = await atReceipt(DEMO.asn2.phone);
    await d.sendPhoto(photo);
    expect(d.text).toContain('Foto bukti ini sudah dipakai untuk pesanan lain.');
    expect((await order(orderId)).status).toBe('confirmed');
    expect(t.effects).toEqual([]);
    await d.sendPhoto(await jpeg(78));
    expect((await order(orderId)).status).toBe('paid');
  });

  test('the photo of an order whose receipt retention removed is still refused, and its file is not kept again', async () => {
    const photo = await jpeg(79);
    const first = await atReceipt();
    await first.d.sendPhoto(photo);
    const old = (await order(first.orderId)).receipt!;
    // what the nightly retention leaves: no file, the hash on the order
    await rm(path.join(t.mediaDir, old.path!));
    await t.app.store.orders.update(first.orderId, { receipt: { hash: old.hash, mime: old.mime, removedAt: new Date().toISOString() } });

    const { d, orderId } = await atReceipt(DEMO.asn2.phone);
    await d.sendPhoto(photo);
    expect(d.text).toContain('Foto bukti ini sudah dipakai untuk pesanan lain.');
    expect((await order(orderId)).status).toBe('confirmed');
    expect(existsSync(path.join(t.mediaDir, old.path!))).toBe(false);
  });
});

describe('social post', () => {
  async function atPost(): Promise<{ d: Driver; orderId: string }> {
    const r = await atReceipt();
    await r.d.sendPhoto(await jpeg(Math.floor(Math.random() * 1e6)));
    t.effects.length = 0;
    return r;
  }

  test('the caption to copy names the products and the UMKM and carries both hashtags; on Telegram it is one tap to copy, in the one message of the answer', async () => {
    const { d } = await atPost();
    expect(d.last).toHaveLength(1); // the thanks, the caption and the question for the link
    expect(d.text).toMatch(
      /^✅ Bukti pembayaran pesanan ORD-\d{8}-\d{5} .* diterima\.[\s\S]*Salin teks berikut[\s\S]*#ASNDepokPeduli #BeliProdukUMKMDepok[\s\S]*kirim tautan/,
    );
    const [caption] = d.last[0]!.code ?? [];
    expect(d.last[0]!.text).toContain(caption);
    expect(caption).toMatch(/^Hari ini saya membeli .+ #ASNDepokPeduli #BeliProdukUMKMDepok$/);
    expect(caption).toContain('Rendang Paru');
    expect(caption).toContain('Rendang Uni Ratna (Kec. Pancoran Mas)');
    expect(d.text).toContain('kirim tautan (link) unggahan Anda di sini (Instagram, Facebook, X, TikTok, YouTube)');
    expect(d.labels).toEqual(['⏭️ Tidak mengunggah', '🏠 Menu utama']);
  });

  test('a link that is not a social post is refused with the list of networks', async () => {
    const { d, orderId } = await atPost();
    for (const bad of [
      'https://example.com/p/123',
      'www.instagram.com',
      'https://instagram.com.evil.id/p/1',
      'javascript:alert(1)',
      'https://www.instagram.com/',
    ]) {
      await d.say(bad);
      expect(d.text).toContain('Tautan itu tidak kami kenali. Kirim tautan unggahan dari Instagram, Facebook, X, TikTok, YouTube');
      // One message: the reason and the question again, not the caption to copy a second time.
      expect(d.last).toHaveLength(1);
      expect(d.text).not.toContain('#ASNDepokPeduli');
      expect(d.labels).toEqual(['⏭️ Tidak mengunggah', '🏠 Menu utama']);
    }
    // words, not a link: asked for the link itself
    await d.say('sudah saya upload');
    expect(d.text).toContain('Silakan kirim tautan unggahan Anda');
    expect(d.text).not.toContain('tidak kami kenali');
    await d.sendPhoto(await jpeg(5));
    expect(d.text).toContain('Silakan kirim tautan unggahan Anda');
    expect((await order(orderId)).postLink).toBeUndefined();
    expect(t.effects).toEqual([]);
  });

  test('an Instagram link is accepted, recorded on the order, the reminder cancelled and the follow-up queued', async () => {
    const { d, orderId } = await atPost();
    await d.say('https://www.instagram.com/p/C1a2B3c4D5e/');
    expect(d.text).toContain(`Terima kasih! Tautan Instagram Anda untuk pesanan ${orderId} sudah kami catat dan laporkan. 🙏`);
    expect(d.text).toContain('Halo, Rina Kartikasari!'); // back on the menu
    const o = await order(orderId);
    expect(o.postLink).toBe('https://www.instagram.com/p/C1a2B3c4D5e/');
    expect(o.postSkipped).toBe(false);
    expect(t.effects).toEqual([
      { type: 'cancel-reminder', orderId },
      { type: 'enqueue-followup', orderId },
    ]);
  });

  test('skipping is recorded as postSkipped and cancels the reminder', async () => {
    const { d, orderId } = await atPost();
    await d.press('⏭️ Tidak mengunggah');
    expect(d.text).toContain('Baik, tidak apa-apa. Terima kasih sudah berbelanja di UMKM Depok!');
    const o = await order(orderId);
    expect(o.postSkipped).toBe(true);
    expect(o.postLink).toBeUndefined();
    expect(t.effects).toEqual([{ type: 'cancel-reminder', orderId }]);
  });

  test("the reminder's buttons work from anywhere, only for one's own order", async () => {
    const { d, orderId } = await atPost();
    await d.command('menu');
    const other = createDriver(t.app);
    await other.register(DEMO.asn2.phone);
    await other.choose(`post:link:${orderId}`);
    expect(other.text).toContain('Tombol itu sudah tidak berlaku');
    await other.choose(`post:skip:${orderId}`);
    expect(other.text).toContain('Tombol itu sudah tidak berlaku');
    expect((await order(orderId)).postSkipped).toBeUndefined();

    await d.choose(`post:link:${orderId}`);
    expect(d.text).toContain('Salin teks berikut');
    await d.say('https://vt.tiktok.com/ZS8abc/');
    expect(d.text).toContain(`Tautan TikTok Anda untuk pesanan ${orderId} sudah kami catat`);
    expect((await order(orderId)).postLink).toBe('https://vt.tiktok.com/ZS8abc/');
    await d.choose(`post:link:${orderId}`); // already sent
    expect(d.text).toContain('Tombol itu sudah tidak berlaku');
  });
});
