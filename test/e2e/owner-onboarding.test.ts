import jsqr from 'jsqr';
import { Redis } from 'ioredis';
import sharp from 'sharp';
import { createLogger } from '../../src/logger.js';
import { jobIds } from '../../src/queue/jobs.js';
import { type WorkersHandle, startWorkers } from '../../src/workers/index.js';
import { createInvitationsRepo } from '../../src/store/invitations-repo.js';
import { testRedisUrl } from '../support/redis.js';

// jsqr is CommonJS with a `default` export in its types: the function itself under NodeNext.
const jsQR = (jsqr as unknown as { default: (data: Uint8ClampedArray, w: number, h: number) => { data: string } | null }).default;
import { buttonsOf, readable, startTelegramHarness, type TelegramHarness } from '../support/telegram-harness.js';

const ASN_NIP = '197001011993012001'; // Rina Kartikasari
const OWNER_PHONE = '+6289900001002'; // Siti Hasanah, Keripik Tempe Mak Nah (UMKM-002)

async function receiptJpeg(seed: number): Promise<Buffer> {
  return sharp({ create: { width: 320, height: 240, channels: 3, background: { r: seed % 255, g: 90, b: 30 } } })
    .jpeg()
    .toBuffer();
}

/** The text of every QR code jsQR finds in a PNG, left to right (one per half of the card). */
async function qrTexts(png: Buffer): Promise<string[]> {
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const found: string[] = [];
  const half = Math.floor(info.width / 2);
  for (const [left, w] of [
    [0, info.width],
    [0, half],
    [half, info.width - half],
  ] as const) {
    const crop = await sharp(data, { raw: info }).extract({ left, top: 0, width: w, height: info.height }).raw().toBuffer();
    const code = jsQR(new Uint8ClampedArray(crop), w, info.height);
    if (code && !found.includes(code.data)) found.push(code.data);
  }
  return found;
}

/** Re-checks an async condition until it holds (Redis state written by the workers). */
async function until<T>(check: () => Promise<T | null | undefined | false>, what: string): Promise<T> {
  for (let i = 0; i < 300; i++) {
    const v = await check();
    if (v) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`never happened: ${what}`);
}

describe('owners who have not linked yet, invitations, and orders nobody accepts (Telegram, real workers)', () => {
  let h: TelegramHarness;
  let workers: WorkersHandle;
  let workerConnection: Redis;

  beforeAll(async () => {
    h = await startTelegramHarness({
      fake: { rateLimits: { perChat: { burst: 10, perSecond: 10 } } },
      env: { FLOOD_PER_SECOND: '100', UMKM_ACCEPT_MINUTES: '60' },
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

  /** The ASN buys `product` and pays; returns the order id. Checks what they read about the owner on the way. */
  async function buyAndPay(asn: ReturnType<TelegramHarness['user']>, product: string, seed: number) {
    await asn.command('cari', /Ketik nama produk/);
    const list = await asn.say(product, /produk \(halaman/);
    const b = buttonsOf(list).find((x) => x.text.startsWith(`${product} · `))!;
    await asn.pressData(list.message_id, b.data!, new RegExp(`💰 Rp`));
    await asn.press(/Beli/, /Berapa jumlah yang ingin Anda beli\?/);
    await asn.say('1', /Ringkasan pesanan/);
    const atCheckout = await asn.press(/Konfirmasi pesanan/, /data warga isoman|Pilih penerima paket/);
    expect(readable(atCheckout)).toContain('UMKM ini belum terhubung ke layanan; pesanan Anda kami teruskan begitu pemiliknya terhubung.');
    const orderId = (await h.app.store.orders.ofAsn(ASN_NIP, 1))[0]!.id;
    const pick = buttonsOf(asn.last()!).find((x) => /Penerima baru|Siti Wulandari/.test(x.text))!;
    if (/Penerima baru/.test(pick.text)) {
      await asn.press(/Penerima baru/, /Nama lengkap penerima/);
      await asn.say('Siti Wulandari', /Nomor HP penerima/);
      await asn.say('0812-3456-7890', /Alamat lengkap/);
      await asn.say('Jl. Margonda Raya No. 100, RT 02/RW 05', /Kecamatan tempat tinggal/);
      await asn.press(/^Beji$/, /Kelurahan di Kec\. Beji/);
      await asn.press(/^Kukusan$/, /Catatan untuk pengantar/);
      await asn.press(/Lewati/, /kirim foto bukti pembayaran/);
    } else {
      // The same household again: confirmed, and the note is asked or skipped as the flow does.
      let next = readable(await asn.press(/Siti Wulandari/, /kirim foto bukti pembayaran|Catatan|Dalam 7 hari terakhir/));
      if (buttonsOf(asn.last()!).some((x) => /Tetap kirim/.test(x.text)))
        next = readable(await asn.press(/Tetap kirim/, /kirim foto bukti pembayaran|Catatan/));
      if (/Catatan/.test(next)) await asn.press(/Lewati/, /kirim foto bukti pembayaran/);
    }
    const thanks = await asn.photo(await receiptJpeg(seed), /Bukti pembayaran pesanan/);
    expect(readable(thanks)).toContain(`Bukti pembayaran pesanan ${orderId}`);
    expect(readable(thanks)).toContain('UMKM ini belum terhubung ke layanan; pesanan Anda kami teruskan begitu pemiliknya terhubung');
    expect(readable(thanks)).not.toContain('UMKM sudah diberi tahu');
    return orderId;
  }

  test('an owner who links only after the order was paid gets it then; the invitation, its QR card and CSV; a forwarded invitation links nobody else', async () => {
    const asn = await registered(6101, 'Rina', '0899-0000-0001', /Halo, Rina Kartikasari/);
    const admin = await registered(6901, 'Hartini', '0899-0000-0901', /Halo, Hartini Susanti/);
    const orderId = await buyAndPay(asn, 'Keripik Tempe Original', 11);

    // The order's notification waits in Redis for the owner (no chat yet): nothing was "sent".
    await until(async () => (await h.app.store.waiting.orderIds(OWNER_PHONE)).includes(orderId), 'the paid order waits for the owner');

    // The admin sees the unlinked UMKM with its waiting order first, and opens its invitation.
    const overview = await admin.command('umkm', /Pemilik UMKM: \d+ terhubung/);
    const body = readable(overview);
    expect(body).toMatch(/Kec\. Sukmajaya: \d+ terhubung, \d+ belum/);
    const firstUnlinked = body.split('Belum terhubung')[1]!.split('\n')[1]!;
    expect(firstUnlinked).toBe('• UMKM-002 Keripik Tempe Mak Nah (Kec. Sukmajaya) — 1 pesanan menunggu');
    const card = await admin.press(/^Keripik Tempe Mak Nah$/, /Undangan untuk Keripik Tempe Mak Nah/);
    expect(card.method).toBe('sendPhoto');
    const link = /Telegram: (https:\/\/t\.me\/test_bot\?start=([A-Za-z0-9_-]+))/.exec(readable(card));
    expect(link).not.toBeNull();
    const token = link![2]!;
    expect(readable(card)).toContain('Pemilik: Siti Hasanah (0899-0000-1002), belum terhubung');
    // The printable card carries the same link as a QR code.
    expect(await qrTexts(card.photo!.data)).toEqual([link![1]]);
    // The same invitation is shown again until it is used.
    await admin.press(/Daftar UMKM/, /Pemilik UMKM/);
    const again = await admin.press(/^Keripik Tempe Mak Nah$/, /Undangan untuk Keripik Tempe Mak Nah/);
    expect(readable(again)).toContain(`start=${token}`);

    // One CSV of every invitation for field staff.
    await admin.press(/Daftar UMKM/, /Pemilik UMKM/);
    const csvMsg = await admin.press(/CSV semua undangan/, /Undangan \d+ UMKM yang belum terhubung/);
    expect(csvMsg.method).toBe('sendDocument');
    const csv = csvMsg.document!.data.toString('utf8');
    expect(csv.split('\r\n')[0]).toBe('umkm_id,name,owner_name,owner_phone,kecamatan,kelurahan,waiting_orders,telegram_link,whatsapp_link,expires_at');
    expect(csv).toContain('UMKM-002,Keripik Tempe Mak Nah,Siti Hasanah,0899-0000-1002,Sukmajaya,Bakti Jaya,1,');
    expect(csv).toContain(`,1,https://t.me/test_bot?start=${token},`);

    // Forwarded to someone else: another person's own phone links nothing, the token stays valid.
    const stranger = h.user(6301, 'Budi');
    await stranger.say(`/start ${token}`, /Selamat datang, pemilik Keripik Tempe Mak Nah/);
    await stranger.shareContact(OWNER_PHONE, /hanya nomor Anda sendiri/, false); // the owner's contact card, forwarded
    await stranger.shareContact('0899-0000-0002', /undangan ini untuk pemilik Keripik Tempe Mak Nah dan nomor Anda bukan nomor pemilik/);
    expect((await h.app.store.chatUsers.get('telegram', '6301'))?.phone).toBeUndefined();
    expect((await h.app.store.invitations.check(token)).ok).toBe(true);
    // He then registers as himself (an ASN on the roster): linked as Budi, the owner's token untouched.
    await stranger.shareContact('0899-0000-0002', /Budi Prasetyo/);
    await stranger.press(/Ya, benar/, /Halo, Budi Prasetyo/);
    expect((await h.app.store.invitations.check(token)).ok).toBe(true);
    expect(await h.app.store.chatUsers.chatsOfPhone(OWNER_PHONE)).toEqual([]);
    // A registered ASN opening it: not theirs, nothing changes.
    await asn.say(`/start ${token}`, /nomor Anda bukan nomor pemilik/);

    // The owner opens the invitation on their own phone: linked, and the paid order arrives at once.
    const owner = h.user(6201, 'Siti');
    await owner.say(`/start ${token}`, /Selamat datang, pemilik Keripik Tempe Mak Nah/);
    await owner.shareContact('0899-0000-1002', /Apakah data ini benar/);
    const seen = owner.messages().length;
    await owner.press(/Ya, benar/, /Halo, Siti Hasanah/);
    const arrived = await h.expectMessage(owner.id, /Pesanan baru untuk Keripik Tempe Mak Nah/, seen, 15_000);
    expect(readable(arrived)).toContain(orderId);
    expect(arrived.method).toBe('sendPhoto'); // with the receipt
    await until(async () => !(await h.app.store.waiting.of(OWNER_PHONE)).length, 'the waiting list is emptied');

    // The token is spent: used again (by anyone) it links nobody.
    const late = h.user(6302, 'Joko');
    await late.say(`/start ${token}`, /Tautan undangan ini sudah pernah dipakai/);
    expect((await h.app.store.chatUsers.get('telegram', '6302'))?.phone).toBeUndefined();
    // Not a token at all: the ordinary start.
    await late.say('/start halo', /Bagikan nomor saya/);

    // The owner accepts from the notification: the ASN (linked) is told, and the owner reads that truthfully.
    const asnSeen = asn.messages().length;
    await owner.pressData(arrived.message_id, `uo:acc:${orderId}`, /diterima\. ASN pemesan sudah kami beri tahu/);
    await h.expectMessage(asn.id, new RegExp(`Pesanan ${orderId} sudah diterima oleh Keripik Tempe Mak Nah`), asnSeen, 15_000);

    // The overview now counts the owner as linked.
    const after = readable(await admin.command('umkm', /Pemilik UMKM/));
    expect(after).not.toContain('UMKM-002 Keripik Tempe Mak Nah');
  });

  test('an expired invitation links nobody', async () => {
    // An invitation made 31 days ago (the CSV of the first test minted today's: made afresh here).
    await h.redis.del(h.app.keys.umkmInvitation('UMKM-004'));
    const past = createInvitationsRepo(h.redis, h.app.keys, () => new Date(Date.now() - 31 * 86_400_000));
    const old = await past.current('UMKM-004');
    const owner = h.user(6204, 'Endang');
    await owner.say(`/start ${old.token}`, /Tautan undangan ini sudah kedaluwarsa/);
    await owner.say(`/start ${'x'.repeat(22)}`, /Tautan undangan ini tidak kami kenali/);
    expect((await h.app.store.chatUsers.get('telegram', '6204'))?.phone).toBeUndefined();
  });

  test('nobody accepts in time: the ASN is told the truth, may wait or cancel; a cancelled paid order tells the office and says who returns the money', async () => {
    const asn = h.user(6101, 'Rina'); // linked in the first test
    const admin = h.user(6901, 'Hartini');
    const orderId = await buyAndPay(asn, 'Rendang Daging Sapi', 23);
    const paid = await until(() => h.app.queues.notifications.getJob(jobIds.notification(orderId, 'asn.accept-overdue')), 'the overdue check is scheduled');
    expect(await paid.getState()).toBe('delayed');

    // Before the time is up: cancelling is refused and changes nothing.
    await asn.say(`/batalkan ${orderId}`, /masih dalam batas waktu 60 menit/);
    expect((await h.app.store.orders.get(orderId))!.status).toBe('paid');

    // UMKM_ACCEPT_MINUTES pass (the delayed check is promoted instead of waited for).
    const asnSeen = asn.messages().length;
    const adminSeen = admin.messages().length;
    await paid.promote();
    const told = await h.expectMessage(asn.id, new RegExp(`Pesanan ${orderId} belum ditanggapi dalam 60 menit`), asnSeen, 15_000);
    expect(readable(told)).toContain('Rendang Uni Ratna belum terhubung ke layanan, jadi pesanan Anda belum sampai kepada pemiliknya');
    expect(buttonsOf(told).map((b) => b.text)).toEqual(['⏳ Tunggu saja', '❌ Batalkan pesanan']);
    await h.expectMessage(admin.id, new RegExp(`Pesanan ${orderId} \\(Rp 65\\.000\\) belum diterima UMKM dalam 60 menit`), adminSeen, 15_000);

    // The admins see it in /umkm.
    const overview = readable(await admin.command('umkm', /Pemilik UMKM/));
    expect(overview).toContain('Pesanan belum diterima UMKM lewat 60 menit:');
    expect(overview).toMatch(new RegExp(`• ${orderId} — Rendang Uni Ratna \\(Rp 65\\.000\\), dipesan .* WIB, pemilik belum terhubung`));

    // Wait: nothing changes.
    await asn.pressData(told.message_id, `ov:wait:${orderId}`, new RegExp(`pesanan ${orderId} tetap menunggu Rendang Uni Ratna`));
    expect((await h.app.store.orders.get(orderId))!.status).toBe('paid');
    // Someone else's order id: refused.
    await admin.say(`/batalkan ${orderId}`, /tidak ditemukan di antara pesanan Anda/);

    // Cancel: asked first, then the order is cancelled; the ASN reads who returns the money.
    await asn.pressData(
      told.message_id,
      `ov:cancel:${orderId}`,
      /Batalkan pesanan .*Uang yang sudah Anda bayarkan dikembalikan oleh pemilik UMKM, Ratna Dewi Anggraini/,
    );
    const done = await asn.press(/Ya, batalkan/, new RegExp(`Pesanan ${orderId} dibatalkan`));
    expect(readable(done)).toContain('Uang Anda (Rp 65.000) dikembalikan oleh pemilik Rendang Uni Ratna, Ratna Dewi Anggraini (0899-0000-1003)');
    expect(readable(done)).toContain('Pemiliknya belum terhubung ke layanan: mohon hubungi beliau langsung');
    expect((await h.app.store.orders.get(orderId))!.status).toBe('cancelled');
    // The office hears it as a follow-up of the report; the owner's cancellation notice waits for them.
    await until(() => h.app.queues.reports.getJob(jobIds.cancelled(orderId)), 'the cancelled follow-up is queued');
    await until(
      async () => (await h.app.store.waiting.of('+6289900001003')).some((w) => w.orderId === orderId && w.event === 'cancelled'),
      'the owner hears of the cancellation when they link',
    );
    // The old button again: the order is no longer waiting.
    await asn.pressData(told.message_id, `ov:cancel:${orderId}`, /sudah tidak menunggu UMKM/);
    // Gone from the admins' overdue list.
    expect(readable(await admin.command('umkm', /Pemilik UMKM/))).not.toContain(orderId);
  });
});
