import sharp from 'sharp';
import type { App } from '../../src/app.js';
import { jobIds } from '../../src/queue/jobs.js';
import { startWhatsAppApp, type WaDriver } from '../support/wa-driver.js';

const BUDI = '+6289900000002'; // demo ASN Budi Prasetyo (Kecamatan Beji), NIP 197706122001041002
const BUDI_NIP = '197706122001041002';

describe('the ASN purchase journey over WhatsApp (Baileys adapter, injected socket)', () => {
  let env: Awaited<ReturnType<typeof startWhatsAppApp>>;
  let app: App;
  let wa: WaDriver;

  beforeAll(async () => {
    env = await startWhatsAppApp('wa-journey');
    ({ app, wa } = env);
  });

  afterAll(async () => {
    await env.close();
  });

  /** The user types a line and reads the next `n` messages. */
  async function say(text: string, n = 1): Promise<string> {
    wa.say(BUDI, text);
    return (await wa.waitForReplies(BUDI, n)).join('\n---\n');
  }

  test('the same flows serve WhatsApp: numbered choices, typed labels, the receipt photo, the post link', async () => {
    // The sender's number is verified by WhatsApp itself: no contact to share.
    expect(await say('halo')).toMatch(/Budi Prasetyo — Kecamatan Beji[\s\S]*1\. ✅ Ya, benar/);
    const menu = await say('1');
    expect(menu).toMatch(/Halo, Budi Prasetyo/);
    expect(menu).toMatch(/1\. 🛍️ Lihat katalog UMKM/);

    expect(await say('1')).toMatch(/Pilih kategori/);
    expect(await say('kuliner')).toMatch(/Pilih kecamatan/); // a label typed instead of its number
    const list = await say('semua kecamatan');
    expect(list).toMatch(/produk \(halaman 1\/\d+\)/);
    expect(await say('1')).toMatch(/💰 Rp/);
    expect(await say('1')).toMatch(/Berapa jumlah yang ingin Anda beli\?/); // "Beli"
    const qtyAgain = await say('abc');
    expect(qtyAgain).toMatch(/angka bulat/);
    expect(qtyAgain).not.toMatch(/^1\. /m); // the quantity step lists choices without numbers
    expect(await say('4')).toMatch(/4 × [\s\S]*Total: Rp/);
    expect(await say('1')).toMatch(/dibuat[\s\S]*Penerima baru/); // "Konfirmasi pesanan"
    const [order] = await app.store.orders.ofAsn(BUDI_NIP);
    expect(order?.items[0]?.qty).toBe(4);

    expect(await say('1')).toMatch(/Nama lengkap/);
    expect(await say('Ahmad Fauzi')).toMatch(/Nomor HP/);
    expect(await say('0813 9876 5432')).toMatch(/Alamat lengkap/);
    expect(await say('Gg. Melati No. 7, RT 03/RW 08')).toMatch(/Kecamatan tempat tinggal/);
    expect(await say('Sukmajaya')).toMatch(/Kelurahan di Kec\. Sukmajaya/);
    expect(await say('Mekarjaya')).toMatch(/Catatan untuk pengantar/);
    expect(await say('Rumah pagar hijau dekat masjid')).toMatch(/kirim foto bukti pembayaran/);

    expect(await say('ini buktinya')).toMatch(/Mohon kirim foto/);
    // A voice note or a sticker is not ignored: the step says again what it needs.
    wa.send(BUDI, { audioMessage: { mimetype: 'audio/ogg; codecs=opus', ptt: true, seconds: 3 } });
    expect((await wa.waitForReplies(BUDI, 1)).join('\n')).toMatch(/Mohon kirim foto/);
    wa.send(BUDI, { stickerMessage: { mimetype: 'image/webp' } });
    expect((await wa.waitForReplies(BUDI, 1)).join('\n')).toMatch(/Mohon kirim foto/);
    const jpeg = await sharp({ create: { width: 200, height: 150, channels: 3, background: '#3a7' } })
      .jpeg()
      .toBuffer();
    wa.sendImage(BUDI, jpeg);
    // Two messages: the thanks with the question for the link, then the caption alone (to copy).
    const [thanks, caption] = await wa.waitForReplies(BUDI, 2);
    expect(thanks).toMatch(/Bukti pembayaran pesanan ORD-\d{8}-\d{5} \(Rp [\d.]+\) diterima[\s\S]*kirim tautan[\s\S]*1\. ⏭️ Tidak mengunggah/);
    expect(caption).toMatch(/^Hari ini saya membeli .+ #ASNDepokPeduli #BeliProdukUMKMDepok$/);
    expect(await say('https://vt.tiktok.com/ZS123abc/')).toMatch(/Tautan TikTok Anda untuk pesanan ORD-\d{8}-\d{5} sudah kami catat/);

    const done = await app.store.orders.get(order!.id);
    expect(done).toMatchObject({ status: 'paid', postLink: 'https://vt.tiktok.com/ZS123abc/' });
    expect(done?.recipient).toMatchObject({ kecamatan: 'Sukmajaya', kelurahan: 'Mekar Jaya', phone: '+6281398765432' });
    const report = await app.queues.reports.getJob(jobIds.report(order!.id));
    expect(report?.data).toEqual({ orderId: order!.id, kind: 'report' });
  });

  test('an ASN on both channels is one person with one order history', async () => {
    const fetchMedia = async () => Buffer.alloc(0);
    const chat = { channel: 'telegram' as const, chatId: '7002' };
    await app.engine.handle({ chat, input: { kind: 'command', name: 'start', args: '' }, fetchMedia });
    await app.engine.handle({ chat, input: { kind: 'contact', phone: '0899-0000-0002', own: true }, fetchMedia });
    await app.engine.handle({ chat, input: { kind: 'text', text: 'Ya, benar' }, fetchMedia });
    const out = await app.engine.handle({ chat, input: { kind: 'command', name: 'riwayat', args: '' }, fetchMedia });
    const [order] = await app.store.orders.ofAsn(BUDI_NIP);
    expect(out.messages[0]?.text).toContain(order!.id);
    expect(new Set((await app.store.chatUsers.chatsOfPhone(BUDI)).map((c) => c.channel))).toEqual(new Set(['whatsapp', 'telegram']));
  });
});
