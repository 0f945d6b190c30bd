import { readFileSync } from 'node:fs';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import sharp from 'sharp';
import { importCsv } from '../../src/import/runner.js';
import { documentMessage, phoneJid } from '../support/fake-wa-socket.js';
import { readableText, startWhatsAppApp, type WaDriver } from '../support/wa-driver.js';
import { playPurchase, waPurchaseSteps } from '../support/wa-purchase.js';

/** Demo ASN (each buys once here, so none sees another's order). */
const ASN = {
  budi: { phone: '+6289900000002', nip: '197706122001041002' },
  dewi: { phone: '+6289900000003', nip: '198411232009072003' },
  agus: { phone: '+6289900000004', nip: '199104062017101004' },
  siti: { phone: '+6289900000005', nip: '197209171999012005' },
  hendra: { phone: '+6289900000006', nip: '197902282002041006' },
  maya: { phone: '+6289900000007', nip: '198607112010072007' },
  fitri: { phone: '+6289900000009', nip: '197405052000012009' },
  rina: { phone: '+6289900000001', nip: '197001011993012001', opd: 'Dinas Kesehatan' },
};
const ADMIN = '+6289900000901';

let env: Awaited<ReturnType<typeof startWhatsAppApp>>;
let wa: WaDriver;

beforeAll(async () => {
  env = await startWhatsAppApp('wa-short');
  wa = env.wa;
});
afterAll(async () => {
  await env.close();
});

const jpeg = (background: string) =>
  sharp({ create: { width: 120, height: 90, channels: 3, background } })
    .jpeg()
    .toBuffer();

/** The person sends `text`; returns each WhatsApp message of the answer, as read (at least one). */
async function say(phone: string, text: string): Promise<[string, ...string[]]> {
  const before = wa.sentTo(phone).length;
  wa.advance(2000);
  wa.say(phone, text);
  await wa.channel.drain();
  const got = wa
    .sentTo(phone)
    .slice(before)
    .map((m) => readableText(m.content));
  if (!got.length) throw new Error(`no answer to ${JSON.stringify(text)}`);
  return got as [string, ...string[]];
}

/** Linked, searched, bought 4 and confirmed: the order waits for its recipient. */
async function toRecipient(phone: string): Promise<void> {
  const steps = waPurchaseSteps(Buffer.alloc(0));
  await playPurchase(
    wa,
    phone,
    steps.slice(
      0,
      steps.findIndex((s) => s.text?.includes('\n')),
    ),
  );
}

const orderOf = async (nip: string) => (await env.app.store.orders.ofAsn(nip))[0]!;

test('a purchase the way the bot leads a WhatsApp user: under 12 messages with the number confirmed and a typo; the photo answered in two', async () => {
  const { phone, nip } = ASN.budi;
  const steps = waPurchaseSteps(await jpeg('#3a7'));
  const at = steps.findIndex((s) => s.photo);
  const before = await playPurchase(wa, phone, steps.slice(0, at));
  const order = await orderOf(nip);
  expect(order.recipient).toMatchObject({ name: 'Ahmad Fauzi', phone: '+6281398765001', kecamatan: 'Sukmajaya', kelurahan: 'Mekar Jaya' });
  expect(order.recipient!.note).toBe('Rumah pagar hijau dekat masjid');

  const sent = wa.sentTo(phone).length;
  const rest = await playPurchase(wa, phone, steps.slice(at));
  const [ask, caption, ...more] = wa
    .sentTo(phone)
    .slice(sent)
    .map((m) => readableText(m.content));
  // The photo: the thanks with the question for the link and its choices, then the caption alone.
  expect(ask).toMatch(new RegExp(`^✅ Bukti pembayaran pesanan ${order.id} \\(Rp 140\\.000\\) diterima`));
  expect(ask).toMatch(/pesan berikut[\s\S]*kirim tautan \(link\) unggahan Anda di sini[\s\S]*\n1\. ⏭️ Tidak mengunggah\n2\. 🏠 Menu utama$/);
  expect(caption).toBe(
    'Hari ini saya membeli Pentol Bakar Pedas dari Bakso Malang Cak Ipul (Kec. Cinere) untuk warga yang sedang isoman. Yuk dukung UMKM Depok! #ASNDepokPeduli #BeliProdukUMKMDepok',
  );
  expect(more).toHaveLength(1); // the link's thanks and the menu
  expect((await orderOf(nip)).postLink).toBe('https://vt.tiktok.com/ZS1abc/');

  const inputs = before.inputs + rest.inputs;
  const messages = before.messages + rest.messages;
  expect(inputs).toBe(10);
  expect(messages).toBeLessThan(12);
});

test('the recipient in one message: a bad line is named with its reason, the rest is kept, and its own step asks for it', async () => {
  const { phone, nip } = ASN.dewi;
  await toRecipient(phone);
  const [answer] = await say(phone, 'Siti Aminah\n0213 555 777\nJl. Kenanga No. 3, RT 01/RW 02\nKel. Mekar Jaya, Kec. Sukmajaya\nRumah cat biru');
  expect(answer).toContain('✅ Sudah kami catat: Nama, Alamat, Kelurahan, Catatan.');
  expect(answer).toContain('⚠️ Nomor HP: Mohon tulis nomor HP (ponsel) Indonesia penerima, diawali 08 atau +62 8.');
  expect(answer).toMatch(/Nomor HP penerima \(contoh: 0812 3456 7890\):\n\n1\. ⬅️ Kembali/);
  // The phone is all that was missing: with it, the recipient is whole and the payment follows.
  const [done] = await say(phone, '0812 5555 7777');
  expect(done).toMatch(
    /✅ Penerima pesanan ini:\n👤 Siti Aminah\n📱 0812-5555-7777\n🏠 Jl\. Kenanga No\. 3, RT 01\/RW 02, Kel\. Mekar Jaya, Kec\. Sukmajaya\n📝 Rumah cat biru/,
  );
  expect(done).toContain('kirim foto bukti pembayaran');
  expect((await orderOf(nip)).recipient).toMatchObject({ name: 'Siti Aminah', phone: '+6281255557777', kelurahan: 'Mekar Jaya', note: 'Rumah cat biru' });
});

test('a kelurahan of two kecamatan is asked by its kecamatan; a typed "Kel. X, Kec. Y" and a form at the name step are read too', async () => {
  const { phone, nip } = ASN.agus;
  await toRecipient(phone);
  const [answer] = await say(phone, 'Nama: Joko Susilo\nHP: 0857 1111 2222\nAlamat: Jl. Curug Raya No. 12, RT 02/RW 05\nCurug');
  expect(answer).toContain('⚠️ Kelurahan: "Curug" ada di lebih dari satu tempat: Kel. Curug (Kec. Bojongsari), Kel. Curug (Kec. Cimanggis).');
  expect(answer).toContain('Kecamatan tempat tinggal penerima:');
  expect((await say(phone, 'Bojongsari'))[0]).toContain('Kelurahan di Kec. Bojongsari:');
  const [done] = await say(phone, 'Curug');
  expect(done).toContain('🏠 Jl. Curug Raya No. 12, RT 02/RW 05, Kel. Curug, Kec. Bojongsari');
  expect((await orderOf(nip)).recipient).toMatchObject({ name: 'Joko Susilo', phone: '+6285711112222', kecamatan: 'Bojongsari', kelurahan: 'Curug' });

  // At the name step (after "Penerima baru"), with the kecamatan written out and no note.
  const other = ASN.siti;
  await toRecipient(other.phone);
  const [name] = await say(other.phone, '1');
  expect(name).toMatch(/^Nama lengkap penerima:\n\n✍️ Bisa juga sekaligus dalam satu pesan/);
  const [whole] = await say(other.phone, 'Rudi Hartono\n0813 2222 3333\nJl. Tugu No. 8, RT 04/RW 01\nkelurahan tugu kecamatan cimanggis');
  expect(whole).toContain('🏠 Jl. Tugu No. 8, RT 04/RW 01, Kel. Tugu, Kec. Cimanggis');
  expect((await orderOf(other.nip)).recipient).toMatchObject({ kecamatan: 'Cimanggis', kelurahan: 'Tugu' });
  expect((await orderOf(other.nip)).recipient?.note).toBeUndefined();
});

test("a recipient in one message with the buyer's own number is asked about once, as the phone step asks", async () => {
  const { phone, nip } = ASN.fitri;
  await toRecipient(phone);
  const [ask] = await say(phone, 'Fitri Handayani\n0899 0000 0009\nJl. Nusantara No. 5, RT 01/RW 03\nKel. Depok Jaya');
  expect(ask).toMatch(/^0899-0000-0009 adalah nomor Anda sendiri\. Penerima adalah Anda sendiri\?\n\n1\. ✅ Ya, saya penerimanya\n2\. ✏️ Bukan, ganti nomor/);
  expect((await orderOf(nip)).recipient).toBeUndefined();
  // "Bukan": the number is asked again, and with another one the recipient is whole.
  expect((await say(phone, '2'))[0]).toMatch(/^Nomor HP penerima/);
  const [done] = await say(phone, '0812 7777 8888');
  expect(done).toMatch(/✅ Penerima pesanan ini:\n👤 Fitri Handayani\n📱 0812-7777-8888/);
  expect((await orderOf(nip)).recipient).toMatchObject({ name: 'Fitri Handayani', phone: '+6281277778888', kelurahan: 'Depok Jaya' });
});

test('the one-question path is as before: one field per message, the same prompts', async () => {
  const { phone, nip } = ASN.hendra;
  await toRecipient(phone);
  expect((await say(phone, '1'))[0]).toMatch(/^Nama lengkap penerima:/);
  expect((await say(phone, 'Ahmad Fauzi'))[0]).toMatch(/^Nomor HP penerima/);
  expect((await say(phone, '0813 9876 5010'))[0]).toMatch(/^Alamat lengkap penerima/);
  expect((await say(phone, 'Gg. Melati No. 9, RT 03/RW 08'))[0]).toMatch(/^Kecamatan tempat tinggal penerima/);
  expect((await say(phone, 'Sukmajaya'))[0]).toMatch(/^Kelurahan di Kec\. Sukmajaya/);
  expect((await say(phone, 'Mekarjaya'))[0]).toMatch(/^Catatan untuk pengantar/);
  expect((await say(phone, '1'))[0]).toMatch(/✅ Penerima pesanan ini:/);
  expect((await orderOf(nip)).recipient).toMatchObject({ name: 'Ahmad Fauzi', kelurahan: 'Mekar Jaya' });
});

test('a PDF receipt sent from another screen goes to the order waiting for it, as a photo does', async () => {
  const { phone, nip } = ASN.maya;
  const steps = waPurchaseSteps(Buffer.alloc(0), 6);
  await playPurchase(
    wa,
    phone,
    steps.slice(
      0,
      steps.findIndex((s) => s.photo),
    ),
  );
  expect((await say(phone, 'menu'))[0]).toMatch(/Silakan pilih menu/);
  const doc = await PDFDocument.create();
  doc.addPage([300, 200]).drawText('Transfer berhasil Rp 140.000', { x: 20, y: 100, size: 12, font: await doc.embedFont(StandardFonts.Helvetica) });
  const pdf = Buffer.from(await doc.save());
  const msg = documentMessage(phoneJid(phone), pdf, 'bukti.pdf', 'application/pdf');
  wa.factory.media.set(msg.key.id!, pdf);
  const before = wa.sentTo(phone).length;
  wa.socket().receive([msg]);
  await wa.channel.drain();
  const answer = wa
    .sentTo(phone)
    .slice(before)
    .map((m) => readableText(m.content))
    .join('\n');
  const order = await orderOf(nip);
  expect(answer).toContain(`✅ Bukti pembayaran pesanan ${order.id} (Rp 140.000) diterima.`);
  expect(answer).toContain('#ASNDepokPeduli');
  expect(order).toMatchObject({ status: 'paid', receipt: { mime: 'application/pdf' } });
});

test('/umkm on WhatsApp lists the UMKM once: the numbers of the lines are the choices', async () => {
  await say(ADMIN, 'halo');
  await say(ADMIN, '1');
  const [overview] = await say(ADMIN, '/umkm');
  const lines = overview.split('\n').filter((l) => /^\d+\. UMKM-\d+ /.test(l));
  expect(lines.length).toBeGreaterThan(1);
  lines.forEach((l, i) => expect(l.startsWith(`${i + 1}. `)).toBe(true));
  // Each UMKM once (no second numbered list of the same names), the other choices numbered on.
  const second = /^2\. UMKM-\d+ (.+) \(Kec\./.exec(lines[1]!)![1]!;
  expect(overview.split(second).length - 1).toBe(1);
  expect(overview).toContain(`\n${lines.length + 1}. 📄 CSV semua undangan`);
  expect((await say(ADMIN, '2'))[0]).toContain(`Undangan untuk ${second}`);
});

test('/binaan on WhatsApp lists the UMKM once: the numbers of the lines are the choices', async () => {
  const rows = readFileSync(new URL('../../data/demo/umkm.csv', import.meta.url), 'utf8')
    .trim()
    .split('\n');
  const csv = [`${rows[0]!.trim()},binaan`, ...rows.slice(1, 4).map((r) => `${r},opd:${ASN.rina.opd}`)].join('\n');
  expect(await importCsv(env.app.store, 'umkm', csv, { now: new Date() })).toMatchObject({ ok: true });
  const { phone } = ASN.rina;
  await say(phone, 'halo');
  await say(phone, '1');
  expect((await say(phone, '/binaan'))[0]).toContain('1. 🏛️ UMKM binaan OPD saya (Dinas Kesehatan)');
  const [list] = await say(phone, '1');
  expect(list).toContain('UMKM binaan Dinas Kesehatan (3)');
  expect(list).toMatch(/\n1\. Dapur Bu Sari \(🍱 Kuliner, Beji\)\n/);
  expect(list.split('Dapur Bu Sari').length - 1).toBe(1);
  expect(list).toMatch(/\n4\. ⬅️ Kembali\n5\. 🏠 Menu utama$/);
  expect((await say(phone, '1'))[0]).toContain('Dapur Bu Sari');
});

test('a first message that finds no product is not kept: after the confirmation comes the menu, which says words may be typed', async () => {
  const phone = '+6289900000008'; // demo ASN Yusuf
  const [confirm] = await say(phone, 'saya mau daftar');
  expect(confirm).toContain('Apakah data ini benar?');
  expect(confirm).not.toContain('hasil pencarian');
  const [menu] = await say(phone, '1');
  expect(menu).toMatch(/sudah terhubung[\s\S]*Silakan pilih menu:\n\n🔎 Atau langsung ketik nama produk yang Anda cari/);
  expect((await say(phone, 'rendang'))[0]).toMatch(/produk \(halaman 1\/\d+\)/);
});
