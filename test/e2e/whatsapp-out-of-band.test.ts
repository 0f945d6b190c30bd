import type { Redis } from 'ioredis';
import sharp from 'sharp';
import type { App } from '../../src/app.js';
import type { Order, Person } from '../../src/domain/schemas.js';
import { createI18n } from '../../src/i18n/index.js';
import { createLogger } from '../../src/logger.js';
import { createReminderProcessor } from '../../src/queue/reminder-processor.js';
import { RECIPIENT, seedPaidOrder, UMKM } from '../support/queue/fixtures.js';
import { startWhatsAppApp, type WaDriver } from '../support/wa-driver.js';

/** Demo ASN Budi Prasetyo, on WhatsApp (numbered choices). */
const BUDI: Person = { nip: '197706122001041002', name: 'Budi Prasetyo', phone: '+6289900000002', opd: 'Kecamatan Beji', role: 'asn' };

/**
 * Messages a queue worker sends while the chat is on another screen (a reminder), and a post link
 * or a receipt photo sent on a screen that takes neither, as a WhatsApp user lives them.
 */
describe('out-of-band messages and stray links/photos on WhatsApp', () => {
  let env: Awaited<ReturnType<typeof startWhatsAppApp>>;
  let app: App;
  let redis: Redis;
  let wa: WaDriver;

  beforeAll(async () => {
    env = await startWhatsAppApp('wa-oob');
    ({ app, redis, wa } = env);
    wa.say(BUDI.phone, 'halo');
    await wa.waitForReplies(BUDI.phone, 1);
    wa.say(BUDI.phone, 'Ya, benar');
    expect((await wa.waitForReplies(BUDI.phone, 1)).join('\n')).toMatch(/Halo, Budi Prasetyo/);
  });

  afterAll(async () => {
    await env.close();
  });

  async function say(text: string, n = 1): Promise<string> {
    wa.say(BUDI.phone, text);
    return (await wa.waitForReplies(BUDI.phone, n)).join('\n---\n');
  }

  /** An order of Budi's paid and waiting for its post link. */
  const paid = (): Promise<Order> => seedPaidOrder(app.store, { asn: BUDI, umkm: UMKM });

  /** An order of Budi's with a recipient, waiting for its receipt. */
  async function awaitingReceipt(): Promise<Order> {
    const o = await app.store.orders.createOnce(`t-${Math.random()}`, {
      asnNip: BUDI.nip,
      umkmId: UMKM.id,
      items: [{ sku: 'KT-01', name: 'Keripik Tempe 250 g', price: 15000, qty: 1 }],
    });
    const r = await app.store.orders.update(o.id, { recipient: RECIPIENT }, 'asn');
    if (!r.ok) throw new Error(r.reason);
    return r.order;
  }

  /** What the reminders worker sends for `orderId`, delivered through the WhatsApp channel. */
  async function remind(orderId: string): Promise<string> {
    const process = createReminderProcessor({
      redis,
      keys: app.keys,
      store: app.store,
      config: { DEFAULT_LOCALE: 'id' },
      logger: createLogger('silent'),
      i18n: createI18n(),
      senders: { whatsapp: wa.channel.sender },
      scheduleReminder: async () => new Date(),
    });
    await process({ id: `r-${orderId}`, data: { orderId, n: 1 } });
    return (await wa.waitForReplies(BUDI.phone, 1)).join('\n');
  }

  test('a reminder arriving on "Pesanan saya" numbers nothing; a pasted link asks which order, by id and UMKM', async () => {
    const older = await paid();
    const newer = await paid();
    const orders = await say('/riwayat');
    expect(orders).toContain(`1. ▶️ Lanjutkan ${newer.id}`);

    const reminder = await remind(newer.id);
    expect(reminder).toContain(`pesanan ${newer.id}`);
    expect(reminder).toContain('Lalu kirimkan tautan unggahan Anda di sini.');
    // No numbered list: "1"/"2" would be read against "Pesanan saya", the screen the chat is on.
    expect(reminder).not.toMatch(/^\d+\. /m);
    expect(reminder).not.toContain('Kirim tautan sekarang');
    expect(reminder).toContain(`Tempel tautannya di sini kapan saja. Bila tidak mengunggah, ketik /lewati ${newer.id}`);

    // The link pasted on "Pesanan saya" (a screen of buttons only) is not refused: which order?
    const ask = await say('https://www.instagram.com/p/Oob123/');
    expect(ask).toContain('Tautan Instagram ini untuk pesanan yang mana?');
    expect(ask).toContain(`1. ${newer.id} · Keripik Tempe Bu Sri · Rp 42.000`);
    expect(ask).toContain(`2. ${older.id} · Keripik Tempe Bu Sri · Rp 42.000`);
    expect(await say('1')).toContain(`Terima kasih! Tautan Instagram Anda untuk pesanan ${newer.id} sudah kami catat dan laporkan.`);
    expect((await app.store.orders.get(newer.id))?.postLink).toBe('https://www.instagram.com/p/Oob123/');

    // The reminder's "I won't post", typed from any screen.
    expect(await say(`/lewati ${older.id}`)).toContain('Baik, tidak apa-apa.');
    expect((await app.store.orders.get(older.id))?.postSkipped).toBe(true);
    expect(await say(`/lewati ${older.id}`)).toContain(`Pesanan ${older.id} tidak menunggu tautan unggahan dari Anda.`);
  });

  test("with one order waiting, a link pasted on the menu is that order's, and the menu comes back", async () => {
    const only = await paid();
    await say('menu');
    const thanks = await say('https://vt.tiktok.com/ZSoob1/');
    expect(thanks).toContain(`Tautan TikTok Anda untuk pesanan ${only.id} sudah kami catat dan laporkan.`);
    expect(thanks).toContain('Halo, Budi Prasetyo! Silakan pilih menu:');
    expect(thanks).not.toContain('Silakan pilih salah satu tombol');
    // Nothing waits any more: said plainly, and words typed on the menu still search.
    expect(await say('https://vt.tiktok.com/ZSoob2/')).toContain('Tidak ada pesanan Anda yang menunggu tautan unggahan.');
    expect(await say('keripik')).not.toContain('Tidak ada pesanan Anda yang menunggu');
  });

  test('a receipt photo sent after /bahasa, with two orders waiting, is kept while the ASN picks the order', async () => {
    const a = await awaitingReceipt();
    const b = await awaitingReceipt();
    expect(await say('/bahasa')).toContain('Pilih bahasa / Choose a language:');
    const photo = await sharp({ create: { width: 120, height: 90, channels: 3, background: '#1a6' } })
      .jpeg()
      .toBuffer();
    wa.sendImage(BUDI.phone, photo);
    const ask = (await wa.waitForReplies(BUDI.phone, 1)).join('\n');
    expect(ask).toContain('Foto bukti pembayaran ini untuk pesanan yang mana?');
    expect(ask).toContain(`1. ${b.id} · Keripik Tempe Bu Sri · Rp 15.000`);
    expect(ask).toContain(`2. ${a.id} · Keripik Tempe Bu Sri · Rp 15.000`);
    const done = await say('2', 2); // the thanks with the post question, then the caption to copy
    expect(done).toContain(`✅ Bukti pembayaran pesanan ${a.id} (Rp 15.000) diterima.`);
    expect(done).toContain('#ASNDepokPeduli');
    expect((await app.store.orders.get(a.id))?.status).toBe('paid');
    expect((await app.store.orders.get(b.id))?.status).toBe('confirmed');
    // b still waits: the next stray photo is its receipt, without a question.
    await say('menu');
    const other = await sharp({ create: { width: 120, height: 90, channels: 3, background: '#a61' } })
      .jpeg()
      .toBuffer();
    wa.sendImage(BUDI.phone, other);
    expect((await wa.waitForReplies(BUDI.phone, 2)).join('\n')).toContain(`✅ Bukti pembayaran pesanan ${b.id} (Rp 15.000) diterima.`);
  });
});
