import { Redis } from 'ioredis';
import sharp from 'sharp';
import { createLogger } from '../../src/logger.js';
import { jobIds } from '../../src/queue/jobs.js';
import { createNotificationProcessor } from '../../src/queue/notification-processor.js';
import { type WorkersHandle, startWorkers } from '../../src/workers/index.js';
import { testRedisUrl } from '../support/redis.js';
import { buttonsOf, readable, startTelegramHarness, type TelegramHarness } from '../support/telegram-harness.js';

const ASN_NIP = '197001011993012001'; // Rina Kartikasari, Dinas Kesehatan

async function receiptJpeg(seed: number): Promise<Buffer> {
  return sharp({ create: { width: 320, height: 240, channels: 3, background: { r: seed % 255, g: 60, b: 160 } } })
    .jpeg()
    .toBuffer();
}

describe('an order from the ASN to the UMKM owner and back, on Telegram with the real workers', () => {
  let h: TelegramHarness;
  let workers: WorkersHandle;
  let workerConnection: Redis;

  beforeAll(async () => {
    // Three people tapping as fast as a test can: roomier per-chat limits (Telegram's 1/s out, the
    // bot's flood control in) keep the test short; neither is what this test is about.
    h = await startTelegramHarness({
      fake: { rateLimits: { perChat: { burst: 10, perSecond: 10 } } },
      env: { FLOOD_PER_SECOND: '100' },
    });
    workerConnection = new Redis(testRedisUrl(), { maxRetriesPerRequest: null });
    workers = await startWorkers({
      connection: workerConnection,
      redis: h.redis,
      keys: h.app.keys,
      store: h.app.store,
      config: h.config,
      logger: createLogger('silent'),
      i18n: h.app.i18n,
      senders: { telegram: h.sender },
      queues: h.app.queues,
      scheduleRecap: false,
    });
  });
  afterAll(async () => {
    await workers.close();
    await workerConnection.quit();
    await h.close();
  });

  async function registered(id: number, name: string, phone: string, greeting: RegExp) {
    const u = h.user(id, name);
    await u.command('start', /Bagikan nomor saya/);
    await u.shareContact(phone, /Apakah data ini benar/);
    await u.press(/Ya, benar/, greeting);
    return u;
  }

  test('buy, receipt, owner notified with delivery details, accept, payment, delivered; forged and illegal presses change nothing', async () => {
    const asn = await registered(5101, 'Rina', '0899-0000-0001', /Halo, Rina Kartikasari/);
    const owner = await registered(5201, 'Sari', '0899-0000-1001', /Halo, Sari Rahmawati/);
    const ownerB = await registered(5202, 'Siti', '0899-0000-1002', /Halo, Siti Hasanah/);

    // The ASN buys and sends the receipt.
    await asn.command('cari', /Ketik nama produk/);
    const list = await asn.say('Nasi Box Ayam Bakar', /produk \(halaman/);
    const product = buttonsOf(list).find((b) => b.text.startsWith('Nasi Box Ayam Bakar · '))!;
    await asn.pressData(list.message_id, product.data!, /Beli|Nasi Box Ayam Bakar/);
    await asn.press(/Beli/, /Berapa jumlah yang ingin Anda beli\?/);
    await asn.say('2', /Ringkasan pesanan/);
    await asn.press(/Konfirmasi pesanan/, /Penerima baru|data warga isoman/);
    const orderId = (await h.app.store.orders.ofAsn(ASN_NIP, 1))[0]!.id;
    await asn.press(/Penerima baru/, /Nama lengkap penerima/);
    await asn.say('Siti Wulandari', /Nomor HP penerima/);
    await asn.say('0812-3456-7890', /Alamat lengkap/);
    await asn.say('Jl. Margonda Raya No. 100, RT 02/RW 05', /Kecamatan tempat tinggal/);
    await asn.press(/^Beji$/, /Kelurahan di Kec\. Beji/);
    await asn.press(/^Kukusan$/, /Catatan untuk pengantar/);
    await asn.press(/Lewati/, /kirim foto bukti pembayaran/);
    const ownerBefore = owner.messages().length;
    await asn.photo(await receiptJpeg(3), /Bukti pembayaran pesanan/);

    // The owner gets the order: what, for whom, where, who bought it, the receipt photo and the buttons.
    const note = await h.expectMessage(owner.id, /Pesanan baru untuk Dapur Bu Sari/, ownerBefore, 15_000);
    expect(note.method).toBe('sendPhoto');
    const told = owner.messages().slice(ownerBefore).map(readable).join('\n');
    expect(told).toContain(orderId);
    expect(told).toContain('Pemesan: Rina Kartikasari (Dinas Kesehatan)');
    expect(told).toContain('2 × Nasi Box Ayam Bakar @ Rp 25.000 = Rp 50.000');
    expect(told).toContain('👤 Siti Wulandari\n📞 0812-3456-7890\n🏠 Jl. Margonda Raya No. 100, RT 02/RW 05\n📍 Kel. Kukusan, Kec. Beji');
    const withButtons = owner
      .messages()
      .slice(ownerBefore)
      .find((m) => buttonsOf(m).length)!;
    expect(buttonsOf(withButtons).map((b) => b.text)).toEqual(['✅ Terima pesanan', '❌ Tolak pesanan', '💰 Pembayaran sudah masuk']);
    expect(buttonsOf(withButtons).map((b) => b.data)).toEqual([`uo:acc:${orderId}`, `uo:rej:${orderId}`, `uo:pay:${orderId}`]);
    expect(ownerB.messages().map(readable).join('\n')).not.toContain(orderId);

    // Owner B forges owner A's buttons; the ASN presses an owner button; the owner skips "accept".
    const bLast = ownerB.last()!.message_id;
    await ownerB.pressData(bLast, `uo:acc:${orderId}`, /bukan untuk UMKM Anda/, true);
    await ownerB.pressData(bLast, `uo:see:${orderId}`, /bukan untuk UMKM Anda/, true);
    await asn.pressData(asn.last()!.message_id, `uo:acc:${orderId}`, /khusus untuk pemilik UMKM/, true);
    await owner.pressData(withButtons.message_id, `uo:dlv:${orderId}`, /belum diterima\. Mohon tekan "Terima pesanan" dulu/, true);
    expect((await h.app.store.orders.get(orderId))!.status).toBe('paid');
    expect(ownerB.messages().map(readable).join('\n')).not.toContain('Siti Wulandari');

    // Accept -> the ASN is told.
    let asnSeen = asn.messages().length;
    await owner.pressData(withButtons.message_id, `uo:acc:${orderId}`, /diterima\. ASN pemesan sudah kami beri tahu/);
    await h.expectMessage(asn.id, new RegExp(`Pesanan ${orderId} sudah diterima oleh Dapur Bu Sari`), asnSeen, 15_000);
    // a second tap moments later: a toast on the button, no second screen
    expect(await owner.pressStale(withButtons.message_id, `uo:acc:${orderId}`)).toBe('Sudah kami proses. 👍');

    // Payment received -> the ASN is told.
    asnSeen = asn.messages().length;
    await owner.press(/Pembayaran sudah masuk/, /Pembayaran pesanan .* dikonfirmasi/);
    await h.expectMessage(asn.id, /mengonfirmasi pembayaran pesanan/, asnSeen, 15_000);

    // Delivered -> the ASN is told.
    asnSeen = asn.messages().length;
    await owner.press(/Sudah diantar/, /sudah sampai ke Siti Wulandari \(Kel\. Kukusan\)\?/);
    await owner.press(/Ya, sudah diantar/, /ditandai sudah diantar/);
    await h.expectMessage(asn.id, /sudah diantar kepada Siti Wulandari \(Kel\. Kukusan\)/, asnSeen, 15_000);
    const order = (await h.app.store.orders.get(orderId))!;
    expect(order).toMatchObject({ status: 'delivered', paymentConfirmed: true });

    // The accept checks were cancelled when the order was accepted.
    expect(await h.app.queues.notifications.getJob(jobIds.notification(orderId, 'umkm.accept-reminder'))).toBeUndefined();

    // The owner's job run again (as after a worker crash): the owner gets nothing new.
    const ownerCount = owner.messages().length;
    const rerun = createNotificationProcessor({
      redis: h.redis,
      keys: h.app.keys,
      store: h.app.store,
      config: h.config,
      logger: createLogger('silent'),
      i18n: h.app.i18n,
      senders: { telegram: h.sender },
      queue: h.app.queues.notifications,
    });
    const job = (await h.app.queues.notifications.getJob(jobIds.notification(orderId, 'umkm.paid')))!;
    expect(await rerun(job)).toEqual({ status: 'sent', chats: 1 });
    expect(await rerun(job)).toEqual({ status: 'sent', chats: 1 });
    expect(owner.messages()).toHaveLength(ownerCount);
    expect(owner.messages().filter((m) => readable(m).includes('Pesanan baru untuk Dapur Bu Sari'))).toHaveLength(1);
  });

  test('reject with a reason: the ASN is told why and, with one button, buys elsewhere for the same recipient', async () => {
    const asn = await registered(5102, 'Budi', '0899-0000-0002', /Halo, Budi Prasetyo/);
    const owner = h.user(5201, 'Sari'); // registered in the first test
    await asn.command('cari', /Ketik nama produk/);
    const list = await asn.say('Paket Lauk Isoman', /produk \(halaman/);
    await asn.pressData(list.message_id, buttonsOf(list).find((b) => b.text.startsWith('Paket Lauk Isoman 3 Hari'))!.data!, /💰 Rp 135\.000/);
    await asn.press(/Beli/, /Berapa jumlah yang ingin Anda beli\?/);
    await asn.say('1', /Ringkasan pesanan/);
    await asn.press(/Konfirmasi pesanan/, /penerima/i);
    const orderId = (await h.app.store.orders.ofAsn('197706122001041002', 1))[0]!.id;
    await asn.press(/Penerima baru/, /Nama lengkap penerima/);
    await asn.say('Ahmad Fauzi', /Nomor HP penerima/);
    await asn.say('0813-1111-2222', /Alamat lengkap/);
    await asn.say('Jl. Sawangan Raya No. 12, RT 01/RW 02', /Kecamatan tempat tinggal/);
    await asn.press(/^Sawangan$/, /Kelurahan di Kec\. Sawangan/);
    await asn.press(/^Bedahan$/, /Catatan untuk pengantar/);
    await asn.press(/Lewati/, /kirim foto bukti pembayaran/);
    const ownerBefore = owner.messages().length;
    await asn.photo(await receiptJpeg(4), /Bukti pembayaran pesanan/);
    await h.expectMessage(owner.id, new RegExp(`Pesanan ${orderId}`), ownerBefore, 15_000);

    await owner.press(/Tolak pesanan/, /Mengapa pesanan .* ditolak/);
    const asnSeen = asn.messages().length;
    await owner.press(/Tidak bisa mengantar ke wilayah itu/, /Tolak pesanan .* dengan alasan: “Tidak bisa mengantar ke wilayah itu”\?/);
    await owner.press(/Ya, tolak/, /ditolak\. ASN pemesan sudah kami beri tahu/);
    const told = await h.expectMessage(asn.id, new RegExp(`pesanan ${orderId} ditolak oleh Dapur Bu Sari`), asnSeen, 15_000);
    expect(readable(told)).toContain('Alasan: Tidak bisa mengantar ke wilayah itu');
    expect(readable(told)).toContain('Uang yang sudah Anda bayarkan akan dikembalikan oleh Dapur Bu Sari; bila belum diterima, silakan hubungi Sari Rahmawati');
    expect(buttonsOf(told)).toEqual([{ text: '🛍️ Pilih produk/UMKM lain', data: `ar:${orderId}` }]);

    await asn.press(/Pilih produk\/UMKM lain/, /Pilih kategori produk/);
    await asn.command('cari', /Ketik nama produk/);
    const other = await asn.say('Keripik Tempe Original', /produk \(halaman/);
    await asn.pressData(other.message_id, buttonsOf(other).find((b) => b.text.startsWith('Keripik Tempe Original'))!.data!, /💰 Rp 15\.000/);
    await asn.press(/Beli/, /Berapa jumlah yang ingin Anda beli\?/);
    await asn.say('2', /Ringkasan pesanan/);
    const offer = await asn.press(/Konfirmasi pesanan/, /Kirim ke penerima pesanan .* yang ditolak: Ahmad Fauzi \(Kel\. Bedahan\)/);
    expect(buttonsOf(offer)[0]!.text).toBe('✅ Ahmad Fauzi · Bedahan');
    await asn.press(/Ahmad Fauzi · Bedahan/, /kirim foto bukti pembayaran/);
    const next = (await h.app.store.orders.ofAsn('197706122001041002', 1))[0]!;
    expect(next).toMatchObject({ umkmId: 'UMKM-002', status: 'confirmed' });
    expect(next.recipient).toMatchObject({ name: 'Ahmad Fauzi', phone: '+6281311112222', kelurahan: 'Bedahan' });
  });

  test('the owner edits a price (bad values refused) and marks a product sold out: it leaves the ASN search at once', async () => {
    const owner = h.user(5201, 'Sari');
    const asn = h.user(5101, 'Rina');
    await owner.command('produk', /Produk Dapur Bu Sari/);
    await owner.press(/Nasi Box Ikan Nila Goreng/, /Rp 23\.000 \/ box/);
    await owner.press(/Ubah harga/, /Ketik harga baru/);
    await owner.say('abc', /Harga harus berupa angka/);
    await owner.say('0', /lebih dari Rp 0/);
    await owner.say('-5', /lebih dari Rp 0/);
    await owner.say('1,5', /angka bulat Rupiah/);
    await owner.say('Rp 24.000', /diubah dari Rp 23\.000 menjadi Rp 24\.000/);

    await asn.command('cari', /Ketik nama produk/);
    const found = await asn.say('Ikan Nila', /produk \(halaman/);
    expect(buttonsOf(found).map((b) => b.text)).toContain('Nasi Box Ikan Nila Goreng · Rp 24.000');

    await owner.press(/Tandai habis/, /ditandai habis/);
    await asn.command('cari', /Ketik nama produk/);
    const gone = await asn.say('Ikan Nila', /produk|Tidak ada produk/);
    expect(
      buttonsOf(gone)
        .map((b) => b.text)
        .join('\n'),
    ).not.toContain('Ikan Nila');

    await owner.command('produk', /Produk Dapur Bu Sari/);
    await owner.press(/➕ Tambah produk/, /Nama produk baru/);
    await owner.say('Es', /terlalu pendek/);
    await owner.say('E'.repeat(81), /terlalu panjang/);
  });
});
