import { addToCart, createDriver, createTestApp, DEMO, type Driver, jpeg, newRecipient, orderIdIn, type TestApp } from '../../support/engine-driver.js';

/**
 * What the ASN and the owner read about the other side is true at that moment: "UMKM sudah diberi
 * tahu" only when the owner has a chat, "ASN pemesan sudah kami beri tahu" only when the ASN has one.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ name: 'owner-truth' });
});
afterAll(async () => {
  await t.close();
});

async function register(phone: string): Promise<Driver> {
  const d = createDriver(t.app);
  await d.register(phone);
  return d;
}

describe('the truth about who was told', () => {
  test('an unlinked owner: the ASN reads so at checkout and after the receipt; linking delivers what waited; an unreachable ASN: the owner reads so', async () => {
    const asn = await register(DEMO.asn.phone);
    // Nothing waited for the ASN's phone: linking hands nothing to the queue.
    expect(t.effects).not.toContainEqual({ type: 'deliver-waiting', phone: DEMO.asn.phone });
    await addToCart(asn, 'Nasi Box Ayam Bakar', 1);
    await asn.press('co:confirm');
    expect(asn.text).toContain('UMKM ini belum terhubung ke layanan; pesanan Anda kami teruskan begitu pemiliknya terhubung.');
    await newRecipient(asn, { name: 'Siti Aminah', phone: '0812 3456 7001', address: 'Jl. Melati No. 1, RT 02/RW 03' });
    await asn.sendPhoto(await jpeg(1));
    const id = orderIdIn(asn.text);
    expect(asn.text).toContain('UMKM ini belum terhubung ke layanan');
    expect(asn.text).not.toContain('UMKM sudah diberi tahu');

    // The owner links: what waited for their phone (parked by the worker, as it does for a phone
    // with no chat) is handed to the queue.
    await t.app.store.waiting.park(DEMO.owner.phone, { jobId: `${id}.umkm.paid`, orderId: id, target: 'umkm', event: 'paid' });
    const owner = await register(DEMO.owner.phone);
    expect(t.effects).toContainEqual({ type: 'deliver-waiting', phone: '+6289900001001' });

    // The next buyer of a linked owner reads the plain truth.
    await addToCart(asn, 'Nasi Box Ayam Bakar', 1);
    await asn.press('co:confirm');
    expect(asn.text).not.toContain('belum terhubung');
    await newRecipient(asn, { name: 'Siti Aminah', phone: '0812 3456 7002', address: 'Jl. Melati No. 2, RT 02/RW 03' });
    await asn.sendPhoto(await jpeg(2));
    expect(asn.text).toContain('UMKM sudah diberi tahu');

    // The ASN's chat blocked the bot: accepting says the news waits for them.
    for (const c of await t.app.store.chatUsers.chatsOfPhone(DEMO.asn.phone)) await t.app.store.chatUsers.patch(c.channel, c.chatId, { unreachable: true });
    await owner.choose(`uo:acc:${id}`);
    expect(owner.text).toContain(`Pesanan ${id} diterima. ASN pemesan belum dapat kami hubungi lewat layanan ini`);
    expect(owner.text).not.toContain('ASN pemesan sudah kami beri tahu');

    // The ASN comes back (Telegram's "Restart" sends /start) while a notification waits: it is delivered.
    await t.app.store.waiting.park(DEMO.asn.phone, { jobId: `${id}.asn.accepted`, orderId: id, target: 'asn', event: 'accepted' });
    const before = t.effects.length;
    await asn.command('start');
    expect(t.effects.slice(before)).toEqual([{ type: 'deliver-waiting', phone: DEMO.asn.phone }]);
  });

  test('typed /tunggu and /batalkan need an order id, and refuse an order that is not overdue', async () => {
    const asn = await register(DEMO.asn.phone);
    await asn.command('batalkan');
    expect(asn.text).toContain('Mohon sertakan nomor pesanannya');
    await asn.command('tunggu', 'ORD-20990101-00001');
    expect(asn.text).toContain('Pesanan itu tidak ditemukan di antara pesanan Anda.');
  });
});
