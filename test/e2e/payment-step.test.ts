import sharp from 'sharp';
import type { App } from '../../src/app.js';
import { qrisPayload, qrPng } from '../support/qris.js';
import { readable, startTelegramHarness, type TelegramHarness } from '../support/telegram-harness.js';
import { startWhatsAppApp, type WaDriver } from '../support/wa-driver.js';

/** Rendang Uni Ratna (UMKM-003) pays three ways: a bank account, GoPay and a QRIS image. */
async function threeWays(app: App): Promise<void> {
  const stored = await app.media.storeImage(await qrPng(qrisPayload('RENDANG UNI RATNA')), 'qris');
  if (!stored.ok) throw new Error('qris not stored');
  await app.store.payments.set(
    'UMKM-003',
    {
      bank: { bank: 'BSI', number: '7001234567', holder: 'Ratna Dewi Anggraini' },
      ewallet: { provider: 'GoPay', number: '+6281298765432' },
      qris: { path: stored.path, merchant: 'RENDANG UNI RATNA' },
    },
    'import',
  );
}

describe('the payment step on Telegram (grammY against the fake Bot API)', () => {
  let h: TelegramHarness;
  beforeAll(async () => {
    h = await startTelegramHarness();
    await threeWays(h.app);
  });
  afterAll(async () => {
    await h.close();
  });

  test('the account and e-wallet numbers come as code (one tap copies), the QRIS as a photo with its merchant name; the method is asked', async () => {
    const asn = h.user(5101, 'Budi');
    await asn.command('start', /Bagikan nomor saya/);
    await asn.shareContact('+62 899-0000-0002', /Budi Prasetyo/);
    await asn.press(/Ya, benar/, /Halo, Budi Prasetyo/);
    await asn.command('cari', /Ketik nama produk/);
    await asn.say('Rendang Paru', /1 produk/);
    await asn.press(/^Rendang Paru · /, /💰 Rp/);
    await asn.press(/Beli/, /Berapa jumlah/);
    await asn.say('1', /Ringkasan pesanan/);
    await asn.press(/Konfirmasi/, /Pesanan ORD-\d{8}-\d{5} dibuat/);
    await asn.press(/Penerima baru/, /Nama lengkap penerima/);
    await asn.say('Siti Wulandari', /Nomor HP penerima/);
    await asn.say('0812-3456-7890', /Alamat lengkap/);
    await asn.say('Jl. Margonda Raya No. 100, RT 02/RW 05', /Kecamatan tempat tinggal/);
    await asn.press(/^Beji$/, /Kelurahan di Kec\. Beji/);
    await asn.press(/^Kukusan$/, /Catatan untuk pengantar/);
    const from = asn.messages().length;
    await asn.press(/Lewati/, /QRIS Rendang Uni Ratna/);

    const sent = asn.messages().slice(from);
    const details = sent.find((m) => m.method === 'sendMessage' && /Cara membayar/.test(m.text ?? ''))!;
    expect(details.parse_mode).toBe('HTML');
    expect(details.text).toContain('🏦 Transfer BSI: <code>7001234567</code> a.n. Ratna Dewi Anggraini');
    expect(details.text).toContain('📱 GoPay: <code>081298765432</code>');
    expect(details.text).toContain('(Ketuk nomor untuk menyalinnya.)');
    const photo = sent.find((m) => m.method === 'sendPhoto')!;
    expect(photo.photo?.source).toBe('upload');
    expect(photo.caption).toContain('Pastikan nama penerima di aplikasi Anda: RENDANG UNI RATNA');
    expect(readable(photo)).toMatch(/QRIS Rendang Uni Ratna/);
    // the uploaded image is the QRIS itself
    const meta = await sharp(photo.photo!.data!).metadata();
    expect(meta.width).toBeGreaterThan(100);

    const receipt = await sharp({ create: { width: 320, height: 240, channels: 3, background: '#2a6' } })
      .jpeg()
      .toBuffer();
    await asn.photo(receipt, /bayar lewat apa\?/);
    await asn.press(/E-wallet/, /#ASNDepokPeduli/);
    await h.expectMessage(asn.id, /kirim tautan/, 0); // the last message of that answer
    const [order] = await h.app.store.orders.ofAsn('197706122001041002');
    expect(order).toMatchObject({ status: 'paid', paidWith: 'ewallet' });
  }, 120_000);
});

describe('the payment step on WhatsApp (Baileys adapter, injected socket)', () => {
  let env: Awaited<ReturnType<typeof startWhatsAppApp>>;
  let wa: WaDriver;
  const BUDI = '+6289900000002';
  beforeAll(async () => {
    env = await startWhatsAppApp('wa-payment');
    wa = env.wa;
    await threeWays(env.app);
  });
  afterAll(async () => {
    await env.close();
  });

  async function say(text: string, n = 1): Promise<string> {
    wa.say(BUDI, text);
    return (await wa.waitForReplies(BUDI, n)).join('\n---\n');
  }

  test('the details as plain text to long-press, the QRIS as an image message, the method as a numbered list', async () => {
    expect(await say('halo')).toMatch(/1\. ✅ Ya, benar/);
    await say('1');
    expect(await say('/cari')).toMatch(/Ketik nama produk/);
    expect(await say('Rendang Paru')).toMatch(/1\. Rendang Paru — /);
    expect(await say('1')).toMatch(/💰 Rp/);
    expect(await say('1')).toMatch(/Berapa jumlah/);
    expect(await say('1')).toMatch(/Total: Rp/);
    expect(await say('1')).toMatch(/dibuat[\s\S]*Penerima baru/);
    await say('1');
    await say('Ahmad Fauzi');
    await say('0813 9876 5432');
    await say('Gg. Melati No. 7, RT 03/RW 08');
    await say('Sukmajaya');
    await say('Mekarjaya');
    const before = wa.sentTo(BUDI).length;
    const payment = await say('Rumah pagar hijau', 3); // the recipient read back, the details, the QRIS
    expect(payment).toContain('🏦 Transfer BSI: 7001234567 a.n. Ratna Dewi Anggraini');
    expect(payment).toContain('📱 GoPay: 081298765432');
    expect(payment).not.toContain('<code>');
    expect(payment).not.toContain('Ketuk nomor');
    const image = wa
      .sentTo(BUDI)
      .slice(before)
      .find((m) => 'image' in (m.content as object));
    expect(image).toBeDefined();
    expect((image!.content as { caption?: string }).caption).toContain('RENDANG UNI RATNA');

    const jpeg = await sharp({ create: { width: 200, height: 150, channels: 3, background: '#37a' } })
      .jpeg()
      .toBuffer();
    wa.sendImage(BUDI, jpeg);
    const ask = (await wa.waitForReplies(BUDI, 1)).join('\n');
    expect(ask).toMatch(/bayar lewat apa\?[\s\S]*1\. 🏦 Transfer bank\n2\. 📱 E-wallet\n3\. 🔳 QRIS/);
    await say('3', 2); // the thanks with the post question, then the caption to copy
    const [order] = await env.app.store.orders.ofAsn('197706122001041002');
    expect(order).toMatchObject({ status: 'paid', paidWith: 'qris' });
  });
});
