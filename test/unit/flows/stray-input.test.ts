import { addToCart, createDriver, createTestApp, DEMO, type Driver, jpeg, newRecipient, orderIdIn, type TestApp } from '../../support/engine-driver.js';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp({ name: 'stray' });
});
afterEach(async () => {
  await t.close();
});

let n = 0;
/** One more order of the driver's ASN, left on its receipt step. */
async function toReceipt(d: Driver): Promise<string> {
  await addToCart(d, 'Rendang Paru', 2);
  await d.press('co:confirm');
  const id = orderIdIn(d.text);
  n++;
  await newRecipient(d, { phone: `0812 7100 ${String(1000 + n)}`, address: `Jl. Kenanga No. ${n}, RT 01/RW 02` });
  expect(d.text).toContain(`untuk pesanan ${id}`);
  return id;
}

async function asn(): Promise<Driver> {
  const d = createDriver(t.app);
  await d.register(DEMO.asn.phone);
  return d;
}

const order = async (id: string) => (await t.app.store.orders.get(id))!;

describe('a receipt photo or a post link sent on another screen', () => {
  test("one order waiting: the photo is its receipt, with the receipt step's effects, from the language screen", async () => {
    const d = await asn();
    const id = await toReceipt(d);
    await d.command('bahasa');
    t.effects.length = 0;
    await d.sendPhoto(await jpeg(41));
    expect(d.text).toContain(`✅ Bukti pembayaran pesanan ${id} (Rp 96.000) diterima.`);
    expect(d.text).toContain('Salin teks berikut'); // on to the post step, as from the receipt step
    expect(d.text).not.toContain('Silakan pilih salah satu tombol');
    expect((await order(id)).status).toBe('paid');
    expect(t.effects).toEqual([
      { type: 'enqueue-report', orderId: id },
      { type: 'notify-umkm', orderId: id, event: 'paid' },
      { type: 'schedule-reminder', orderId: id },
    ]);
  });

  test("a photo refused by the receipt checks lands on that order's receipt step, saying why", async () => {
    const d = await asn();
    const first = await toReceipt(d);
    const used = await jpeg(42);
    await d.sendPhoto(used);
    expect((await order(first)).status).toBe('paid');
    const second = (await d.command('menu'), await toReceipt(d));
    await d.command('menu');
    await d.sendPhoto(used);
    expect(d.text).toContain('Foto bukti ini sudah dipakai untuk pesanan lain.');
    expect(d.text).toContain(`untuk pesanan ${second}`); // the receipt step, naming the order
    expect((await order(second)).status).toBe('confirmed');
  });

  test('several orders waiting: the ASN picks one; a photo that can no longer be fetched is asked for again', async () => {
    const d = await asn();
    const a = await toReceipt(d);
    await d.command('menu');
    const b = await toReceipt(d);
    await d.command('menu');
    // A reference the channel can no longer fetch (WhatsApp keeps received media for a while only).
    await d.send({ kind: 'photo', media: { ref: 'gone' } });
    expect(d.text).toContain('Foto bukti pembayaran ini untuk pesanan yang mana?');
    expect(d.labels).toEqual([`${b} · Rendang Uni Ratna · Rp 96.000`, `${a} · Rendang Uni Ratna · Rp 96.000`, '🏠 Menu utama']);
    await d.press(`${a} · Rendang Uni Ratna · Rp 96.000`);
    expect(d.text).toContain('Foto tadi sudah tidak bisa kami ambil lagi.');
    expect(d.text).toContain(`untuk pesanan ${a}`);
    await d.sendPhoto(await jpeg(43));
    expect(d.text).toContain(`✅ Bukti pembayaran pesanan ${a} (Rp 96.000) diterima.`);
    expect((await order(b)).status).toBe('confirmed');
  });

  test('a PDF receipt sent from another screen: with several orders waiting the ASN picks one; it is stored as the PDF it is', async () => {
    const { PDFDocument } = await import('pdf-lib');
    const doc = await PDFDocument.create();
    doc.addPage([200, 100]);
    const pdf = Buffer.from(await doc.save());
    const d = await asn();
    const a = await toReceipt(d);
    await d.command('menu');
    const b = await toReceipt(d);
    await d.command('menu');
    await d.sendDocument(pdf, { mime: 'application/pdf', fileName: 'bukti-transfer.pdf' });
    expect(d.text).toContain('Bukti pembayaran (PDF) ini untuk pesanan yang mana?');
    await d.press(`${b} · Rendang Uni Ratna · Rp 96.000`);
    expect(d.text).toContain(`✅ Bukti pembayaran pesanan ${b} (Rp 96.000) diterima.`);
    expect(await order(b)).toMatchObject({ status: 'paid', receipt: { mime: 'application/pdf' } });
    expect((await order(a)).status).toBe('confirmed');
    // Any other file is not a receipt: the screen's own answer stands.
    await d.command('menu');
    await d.sendDocument(Buffer.from('a,b\n1,2\n'), { mime: 'text/csv', fileName: 'data.csv' });
    expect(d.text).not.toContain('Bukti pembayaran');
    expect((await order(a)).status).toBe('confirmed');
  });

  test("a step asking for text keeps what is typed or sent: no hijack of the recipient's name", async () => {
    const d = await asn();
    const waiting = await toReceipt(d);
    await d.sendPhoto(await jpeg(44)); // paid: now waiting for its post link
    await d.command('menu');
    await addToCart(d, 'Rendang Paru', 1);
    await d.press('co:confirm');
    await d.press('rc:new');
    expect(d.text).toContain('Nama lengkap');
    await d.say('https://www.instagram.com/p/NotHere1/');
    expect(d.text).not.toContain('sudah kami catat');
    await d.sendPhoto(await jpeg(45));
    expect(d.text).not.toContain('Bukti pembayaran pesanan');
    expect(d.text).toContain('Nama lengkap'); // still asking for the name
    expect((await order(waiting)).postLink).toBeUndefined();
  });

  test('the thanks for a link sent from the receipt step of another order names the order, and that step comes back', async () => {
    const d = await asn();
    const posted = await toReceipt(d);
    await d.sendPhoto(await jpeg(46));
    await d.command('menu');
    const next = await toReceipt(d);
    await d.say('https://www.facebook.com/share/p/Xyz1/');
    expect(d.text).toContain(`Terima kasih! Tautan Facebook Anda untuk pesanan ${posted} sudah kami catat dan laporkan.`);
    expect(d.text).toContain(`untuk pesanan ${next}`); // the receipt step of the other order, again
    expect((await order(posted)).postLink).toBe('https://www.facebook.com/share/p/Xyz1/');
    expect((await order(next)).status).toBe('confirmed');
  });
});
